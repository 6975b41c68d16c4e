#!/usr/bin/env bash
# Checks that gensim reads embrec's word2vec files and embrec reads gensim's, bit for bit, and that
# gensim's most_similar agrees with `embrec similar`. Needs gensim for the system Python
# (apt-get install python3-gensim); not run in CI. See docs/FORMATS.md.
#   1. a Java fixture writes a model directory of random vectors (numeric and Unicode keys) and the
#      exact float bits of every vector;
#   2. `embrec export` writes the text format; `embrec similar --json` lists neighbours of a few items;
#   3. gensim loads model/vectors.bin (binary=True) and vectors.txt (binary=False), compares keys and
#      vectors with the expected bits and most_similar with embrec's lists, then saves both formats;
#   4. the fixture reads gensim's files with embrec and compares them with the expected bits.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY=/usr/bin/python3
"$PY" -c 'import gensim' 2>/dev/null || { echo "gensim-check: gensim is not installed for $PY (apt-get install python3-gensim)" >&2; exit 2; }
JDK="$("$ROOT/embrec" --print-jdk)"
"$ROOT/embrec" --version >/dev/null 2> >(grep -v 'incubator modules' >&2)   # builds the jar when sources changed
JAR="$ROOT/embrec-cli/target/embrec.jar"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
fixture() { "$JDK/bin/java" --add-modules jdk.incubator.vector -cp "$JAR" "$ROOT/scripts/gensim/GensimFixture.java" "$@" 2> >(grep -v 'incubator modules' >&2); }

fixture write "$TMP"
"$ROOT/embrec" export --model "$TMP/model" --output-format w2v-text --out "$TMP/vectors.txt" 2>/dev/null
IDS=("Amélie" "東京物語" "16" "301" "1498")
for n in "${!IDS[@]}"; do
  "$ROOT/embrec" similar --model "$TMP/model" --item "${IDS[$n]}" --k 10 --json > "$TMP/similar-$n.json" 2>/dev/null
done
"$PY" "$ROOT/scripts/gensim/check.py" "$TMP" "${IDS[@]}"
fixture verify "$TMP"
echo "gensim-check: OK"
