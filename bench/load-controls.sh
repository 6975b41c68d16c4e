#!/usr/bin/env bash
# POST /api/recommendations under load (2 wrk threads, 64 connections, 20 s per variant after a 20 s
# warm-up) with the controls off and on (docs/CONTROLS.md): explain, mmr, negative, 1,000 excluded ids, all.
#   bench/load-controls.sh [MODEL_DIR]   (an item2vec model directory; train one with ./embrec train --out DIR)
set -euo pipefail
[ -f "${1:-/tmp/embrec-bench/item2vec}/manifest.json" ] || { echo "load-controls: no model at ${1:-/tmp/embrec-bench/item2vec} (run bench/load-server.sh once, or give a model directory)" >&2; exit 2; }

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
M="${1:-/tmp/embrec-bench/item2vec}"; PORT="${PORT:-18501}"; BASE=http://127.0.0.1:$PORT; W=$(mktemp -d)
SERVER_PID=""
trap '[ -n "$SERVER_PID" ] && kill "$SERVER_PID"; rm -rf "$W"' EXIT
# shellcheck source=serve-lib.sh
source "$ROOT/bench/serve-lib.sh"
serve_model "$ROOT" "$M" "$PORT" "$W" || exit 1
EXCL=$(head -1000 $W/ids.txt | sed 's/.*/"&"/' | paste -sd,)
run() { # name extra-json
  cat >$W/post.lua <<LUA
local ids = {}
for line in io.lines("$W/ids.txt") do ids[#ids + 1] = line end
local n = 0
request = function()
  n = n + 1
  local a = ids[(n * 7) % #ids + 1]; local b = ids[(n * 13) % #ids + 1]; local c = ids[(n * 31) % #ids + 1]
  local body = '{"items": ["' .. a .. '", "' .. b .. '", "' .. c .. '"], "k": 10$2}'
  return wrk.format("POST", "/api/recommendations", {["Content-Type"] = "application/json"}, body)
end
LUA
  wrk -t2 -c64 -d20s --latency -s $W/post.lua $BASE >$W/wrk.txt
  printf '%-28s %10s req/s  p50 %8s  p99 %8s  non-2xx %s  (load %s)\n' "$1" "$(sed -n 's/^Requests\/sec: *//p' $W/wrk.txt)" \
    "$(awk '$1 == "50%" {print $2}' $W/wrk.txt)" "$(awk '$1 == "99%" {print $2}' $W/wrk.txt)" \
    "$(sed -n 's/.*Non-2xx or 3xx responses: *//p' $W/wrk.txt)" "$(cut -d' ' -f1 /proc/loadavg)"
}
run warmup ""
run plain ""
run explain ', "explain": true'
run mmr0.3 ', "mmr": 0.3'
run negative ', "negative": ["2571", "1196"]'
run exclude1000 ", \"exclude\": [$EXCL]"
run all ", \"explain\": true, \"mmr\": 0.3, \"negative\": [\"2571\"], \"exclude\": [$EXCL]"
run plain-again ""
