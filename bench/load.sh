#!/usr/bin/env bash
# Loading benchmark (issue 2, item 9): generates a 25M-row synthetic ratings.csv once (with
# `embrec synth`), then times parse + columnar + liked filter + sequences in fresh JVMs limited
# to -Xmx1500m, and prints each run, the median rows/s and the peak heap seen by the GC.
#
#   bench/load.sh [RUNS]          (default 3; data in $EMBREC_BENCH_DATA or /tmp/embrec-bench/synth-25m;
#                                  extra JVM flags in $EMBREC_JAVA_OPTS, as for ./embrec)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-3}"
DATA="${EMBREC_BENCH_DATA:-/tmp/embrec-bench/synth-25m}"
JDK="$("$ROOT/embrec" --print-jdk)"
export JAVA_HOME="$JDK"
"$JDK/bin/java" --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1 \
  && export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"

if [ ! -f "$DATA/ratings.csv" ]; then
  mkdir -p "$(dirname "$DATA")"
  "$ROOT/embrec" synth --out "$DATA" --users 162000 --items 59000 --rows 25000000 --seed 2020
fi
echo "bench: building embrec-bench ..." >&2
(cd "$ROOT" && mvn -B -q -pl embrec-bench -am -DskipTests package) >&2

JAR="$ROOT/embrec-bench/target/benchmarks.jar"
# The same JVM flags as ./embrec (transparent huge pages when the kernel offers them).
THP=""
case "$(cat /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null)" in
  *"[always]"*|*"[madvise]"*) THP="-XX:+UseTransparentHugePages" ;;
esac
LOGDIR="$(mktemp -d)"
trap 'rm -rf "$LOGDIR"' EXIT
echo "data: $DATA ($(du -h "$DATA/ratings.csv" | cut -f1)), $(nproc) cores, -Xmx1500m $THP ${EMBREC_JAVA_OPTS:-}, load average $(cut -d' ' -f1-3 /proc/loadavg)"
rates=()
for i in $(seq 1 "$RUNS"); do
  line="$("$JDK/bin/java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
      -Xmx1500m -XX:+UseParallelGC $THP ${EMBREC_JAVA_OPTS:-} -Xlog:gc:file="$LOGDIR/gc-$i.log" \
      -cp "$JAR" org.embrec.bench.LoadBenchmark "$DATA" 1 2>/dev/null | grep '^run ')"
  # Largest heap occupancy before any collection (e.g. "Pause Young ... 704M->566M(974M)").
  peak="$(grep -o '[0-9]*M->[0-9]*M' "$LOGDIR/gc-$i.log" | sed 's/M->.*//' | sort -n | tail -1)"
  echo "fresh JVM $i: ${line#run 1: } ; GC log peak ${peak:-0} MB"
  rates+=("$(echo "$line" | sed -n 's/.* = \([0-9.]*\)M rows\/s.*/\1/p')")
done
median="$(printf '%s\n' "${rates[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
echo "median of $RUNS fresh JVMs: ${median}M rows/s"
