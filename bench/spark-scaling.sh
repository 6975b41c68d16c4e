#!/usr/bin/env bash
# Spark job in local[2] vs the single-machine trainer on synth data (not a test): seconds per
# stage of ./embrec spark-local (load, sequences, training, write; its JSON stage_seconds) and of
# ./embrec train (load from its stderr line, training from --json, wall clock of both), item2vec
# at the same settings. The table in docs/SPARK.md comes from this script.
#   bench/spark-scaling.sh [ROWS ...]        (default: 1000000 5000000)
# FLAGS sets the training flags both share (default: gensim's dim 100, window 5, 5 epochs, alpha
# 0.025); SINGLE_FLAGS completes the single-machine trainer's gensim settings (negative 5,
# ns-exponent 0.75, sample 1e-3), SPARK_FLAGS adds Spark-only flags (e.g. --train-partitions 2);
# ALGO=deepwalk times DeepWalk instead (graph and walks are their own Spark stages; for the
# single-machine trainer they are inside its training seconds). BENCH_DIR keeps the synth data.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
E="$ROOT/embrec"
FLAGS="${FLAGS:---dim 100 --window 5 --min-count 5 --epochs 5 --alpha 0.025 --seed 2020}"
SINGLE_FLAGS="${SINGLE_FLAGS:---negative 5 --ns-exponent 0.75 --sample 1e-3 --scoring cosine}"
SPARK_FLAGS="${SPARK_FLAGS:-}"
ALGO="${ALGO:-item2vec}"
BENCH_DIR="${BENCH_DIR:-/tmp/embrec-spark-bench}"
[ $# -gt 0 ] || set -- 1000000 5000000
mkdir -p "$BENCH_DIR"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

json() { sed -n "s/.*\"$1\":\([0-9.]*\).*/\1/p"; }
now() { date +%s.%N; }

row() { printf '%-10s %-9s %-22s %8s %10s %7s %7s %9s %7s %8s %10s\n' "$@"; }
row rows algo trainer load sequences graph walks training write total "tokens/s"
for rows in "$@"; do
  data="$BENCH_DIR/synth-$rows"
  if [ ! -f "$data/ratings.csv" ]; then
    users=$((rows / 100)); items=$((rows / 500)); items=$((items < 5000 ? 5000 : items > 25000 ? 25000 : items))
    "$E" synth --out "$data" --users "$users" --items "$items" --rows "$rows" --quiet >&2
  fi
  # Single machine: all cores (2 here); cold start off so both do the same work.
  t0=$(now)
  # shellcheck disable=SC2086
  "$E" train --algo "$ALGO" --data "$data" $FLAGS $SINGLE_FLAGS --cold-start off --out "$OUT/single" --json >"$OUT/single.json" 2>"$OUT/single.err"
  wall=$(echo "$(now) - $t0" | bc)
  load=$(sed -n 's/.* in \([0-9.]*\) s$/\1/p' "$OUT/single.err" | head -1)
  train=$(json train_seconds <"$OUT/single.json")
  row "$rows" "$ALGO" "embrec train (2 thr)" "${load:-?}" - - - "$train" - "$(printf %.1f "$wall")" \
    "$(json tokens_per_second <"$OUT/single.json")"
  t0=$(now)
  # shellcheck disable=SC2086
  "$E" spark-local --algo "$ALGO" --data "$data" $FLAGS $SPARK_FLAGS --out "$OUT/spark" --json >"$OUT/spark.json" 2>"$OUT/spark.err"
  wall=$(echo "$(now) - $t0" | bc)
  s="$OUT/spark.json"
  row "$rows" "$ALGO" "spark-local (local[2])" "$(json load <"$s")" "$(json sequences <"$s")" \
    "$(json graph <"$s" || true)" "$(json walks <"$s" || true)" "$(json training <"$s")" "$(json write <"$s")" \
    "$(printf %.1f "$wall")" "$(json tokens_per_second <"$s")"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); wall clock includes JVM start (and Spark's for spark-local)"
