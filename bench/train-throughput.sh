#!/usr/bin/env bash
# End-to-end training throughput (not a test): tokens/s as PROTOCOL.md defines it (raw tokens x
# epochs / training seconds, JVM start and loading excluded), median of REPEATS runs, at 1 and 2
# threads, on the bundled data and on a synth corpus with >= 2M liked rows; then HR@10 at 1 vs 2
# threads on the synth corpus (speed must not cost quality).
#   bench/train-throughput.sh [REPEATS]      (default 5; notebook settings unless FLAGS is set)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
E="$ROOT/embrec"
REPEATS="${1:-5}"
FLAGS="${FLAGS:---dim 16 --window 10 --min-count 5 --epochs 10 --negative 5 --ns-exponent 0.75 --sample 1e-3 --seed 2020 --scoring cosine}"
SYNTH="${SYNTH_DIR:-/tmp/embrec-bench-synth-4m}"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

if [ ! -f "$SYNTH/ratings.csv" ]; then
  echo "generating $SYNTH (4M rows) ..." >&2
  "$E" synth --out "$SYNTH" --users 40000 --items 20000 --rows 4000000 --seed 7 >&2
fi

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

for data in "$ROOT/data/ml-latest-small" "$SYNTH"; do
  liked=$("$E" info --data "$data" --json | sed -n 's/.*"liked_rows":\([0-9]*\).*/\1/p')
  for threads in 1 2; do
    for i in $(seq "$REPEATS"); do
      # shellcheck disable=SC2086
      "$E" train --data "$data" $FLAGS --threads "$threads" --out "$OUT/m" --json 2>/dev/null \
        | sed -n 's/.*"tokens_per_second":\([0-9.]*\).*/\1/p'
    done | median | awk -v d="$(basename "$data")" -v t="$threads" -v l="$liked" -v r="$REPEATS" \
        '{printf "%-24s liked_rows=%-9s threads=%d  median tokens/s = %.2fM  (%d runs)\n", d, l, t, $1/1e6, r}'
  done
done

for threads in 1 2; do
  # shellcheck disable=SC2086
  "$E" evaluate --data "$SYNTH" $FLAGS --threads "$threads" --seeds 2 --json 2>/dev/null \
    | python3 -c 'import json,sys; r=json.load(sys.stdin); [print("synth threads='"$threads"' %-12s %s HR@10 %.4f" % (x["model"], x["task"], x["hr"])) for x in r["results"] if x["model"]=="item2vec" and "slice" not in x]'
done
