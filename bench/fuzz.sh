#!/usr/bin/env bash
# Fuzzes embrec's readers with Jazzer (the @FuzzTest targets of embrec-fuzz; docs/FUZZING.md), one JVM per target,
# each for SECONDS; a target fails at its first finding.
#   bench/fuzz.sh [--no-build] [TARGET|all] [SECONDS] [-- JAZZER/LIBFUZZER FLAGS...]
#   bench/fuzz.sh list                 the targets
# TARGET is Class#method (InteractionsFuzzTest#delimited) or a Class (all its targets); default: all, 60 s each.
# The working corpus grows under embrec-fuzz/target/fuzz/corpus/ (kept between runs), findings go to
# embrec-fuzz/target/fuzz/findings/, full logs to embrec-fuzz/target/fuzz/logs/. The committed corpus
# (src/test/resources/org/embrec/fuzz/<Class>Inputs/<method>/) seeds every run and is what `mvn verify` replays.
# Examples: bench/fuzz.sh all 300;  bench/fuzz.sh ModelFilesFuzzTest#manifest 600 -- --keep_going=50
# ./test runs `bench/fuzz.sh --no-build all $EMBREC_FUZZ_SECONDS` (8 s a target) after `mvn verify`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MOD="$ROOT/embrec-fuzz"
SRC="$MOD/src/test/java/org/embrec/fuzz"
OUT="$MOD/target/fuzz"

build=1
if [ "${1:-}" = "--no-build" ]; then build=0; shift; fi
what="${1:-all}"
seconds="${2:-60}"
[ $# -ge 2 ] && shift 2 || shift $#
[ "${1:-}" = "--" ] && shift
extra=("$@")

# Every @FuzzTest method as Class#method, in source order.
targets() {
  for f in "$SRC"/*FuzzTest.java; do
    awk -v c="$(basename "$f" .java)" '/@FuzzTest/ {t=1; next} t && match($0, /void [A-Za-z0-9_]+\(/) {
      print c "#" substr($0, RSTART + 5, RLENGTH - 6); t=0 }' "$f"
  done
}

if [ "$what" = list ]; then targets; exit 0; fi
case "$seconds" in ''|*[!0-9]*) echo "fuzz.sh: SECONDS must be a whole number, got '$seconds'" >&2; exit 2;; esac

selected=()
while IFS= read -r t; do
  case "$what" in all|"$t"|"${t%%#*}") selected+=("$t");; esac
done < <(targets)
if [ ${#selected[@]} -eq 0 ]; then
  echo "fuzz.sh: no fuzz target '$what'; the targets are:" >&2; targets >&2; exit 2
fi

JDK="$("$ROOT/embrec" --print-jdk)" || exit 2
export JAVA_HOME="$JDK"
JVM=(-Xmx2g -XX:+UseParallelGC --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED
     -XX:+EnableDynamicAgentLoading)
if "$JDK/bin/java" --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1; then
  JVM+=(--sun-misc-unsafe-memory-access=allow)
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi

if [ "$build" = 1 ]; then
  echo "fuzz.sh: building embrec-fuzz ..." >&2
  (cd "$ROOT" && mvn -B -ntp -q process-test-classes -pl embrec-fuzz -am) >&2
fi
if [ ! -f "$MOD/target/fuzz.classpath" ]; then
  echo "fuzz.sh: $MOD/target/fuzz.classpath is missing; run without --no-build" >&2; exit 2
fi
CP="$MOD/target/test-classes:$(cat "$MOD/target/fuzz.classpath")"
mkdir -p "$OUT/logs"

# Coverage comes from embrec and the parsers it uses (EMBREC_FUZZ_INSTRUMENT narrows it: ./test uses embrec alone, as
# instrumenting Jackson costs a short run most of its seconds). Jazzer's security sanitizers (injection,
# deserialization, ...) are off: embrec's readers do none of that, and on JDK 25 they fail to instrument the JDK.
INSTRUMENT="${EMBREC_FUZZ_INSTRUMENT:-org.embrec.**:de.siegmar.fastcsv.**:com.fasterxml.jackson.**}"
S=com.code_intelligence.jazzer.sanitizers
SANITIZERS="$S.ClojureLangHooks:$S.Deserialization:$S.ExpressionLanguageInjection:$S.LdapInjection:$S.NamingContextLookup"
SANITIZERS="$SANITIZERS:$S.OsCommandInjection:$S.ReflectiveCall:$S.RegexInjection:$S.RegexRoadblocks"
SANITIZERS="$SANITIZERS:$S.ScriptEngineInjection:$S.ServerSideRequestForgery:$S.SqlInjection:$S.XPathInjection"

# jazzer TARGET LOG ARGS...: runs one fuzz target in its own JVM (in the module directory, where Jazzer resolves
# src/test/resources/...); the per-input timeout comes from junit-platform.properties. Returns Jazzer's exit code.
jazzer() {
  local t="$1" log="$2"
  shift 2
  (cd "$MOD" && "$JDK/bin/java" "${JVM[@]}" -cp "$CP" com.code_intelligence.jazzer.Jazzer \
      --target_class="org.embrec.fuzz.${t%%#*}" --target_method="${t#*#}" \
      --instrumentation_includes="$INSTRUMENT" --disabled_hooks="$SANITIZERS" "$@") >"$log" 2>&1
}

findings_in() { # the number of findings (crashes, timeouts) a log reports
  grep -a -c -E '^== Java (Exception|Assertion)|ERROR: libFuzzer: (timeout|out-of-memory)' "$1" || true
}

show_findings() { # the findings of a log, without Jazzer's and the JDK's frames
  grep -a -E -A12 '^== Java (Exception|Assertion)|ERROR: libFuzzer: (timeout|out-of-memory)' "$1" \
    | grep -a -v -E '^\s*at (com.code_intelligence|java.base/jdk.internal)' | head -40 | sed 's/^/    /' || true
}

passed=0
failed=0
for t in "${selected[@]}"; do
  cls="${t%%#*}"
  method="${t#*#}"
  corpus="$OUT/corpus/$cls/$method"
  findings="$OUT/findings/$cls/$method"
  log="$OUT/logs/$cls.$method.log"
  mkdir -p "$corpus" "$findings"
  start=$(date +%s)
  set +e
  # -max_len lets inputs grow past libFuzzer's default of 4096 bytes.
  jazzer "$t" "$log" -max_total_time="$seconds" -max_len=65536 -print_final_stats=1 -artifact_prefix="$findings/" \
      "${extra[@]}" "$corpus"
  rc=$?
  set -e
  took=$(( $(date +%s) - start ))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  done_line=$(grep -a -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\) ft: \([0-9]*\) corp: \([0-9]*\)\/.*/cov \1, features \2, corpus \3/p' <<<"$done_line")
  # With --keep_going Jazzer exits 0 after findings: count them in the log too.
  found=$(findings_in "$log")
  if [ "$rc" = 0 ] && [ "$found" = 0 ]; then
    passed=$((passed + 1))
    printf 'fuzz: %-40s ok    %7s execs in %3d s (%s)\n' "$t" "${execs:-?}" "$took" "${cov:-no stats}"
  else
    failed=$((failed + 1))
    printf 'fuzz: %-40s FAIL  %7s execs in %3d s (exit %s, %s findings; %s); log: %s\n' "$t" "${execs:-?}" "$took" \
      "$rc" "$found" "${cov:-no stats}" "$log"
    show_findings "$log"
    echo "    inputs: $findings/ (to keep one as a regression test, copy it to" \
      "embrec-fuzz/src/test/resources/org/embrec/fuzz/${cls}Inputs/$method/)"
  fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" = 0 ]
