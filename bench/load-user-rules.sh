#!/usr/bin/env bash
# POST /api/recommendations under load (2 wrk threads, 64 connections, 15 s after a 10 s warm-up),
# each request a history of ITEMS items (default 3) cycling through the model's items: what a user
# rule costs to serve (bench/sequence-aware.md compares the recency and kernel rules this way).
#   bench/load-user-rules.sh MODEL_DIR [PORT]        ITEMS=11 bench/load-user-rules.sh MODEL_DIR
# To compare rules on one model, copy its directory and change the manifest's scoring.user_vectors.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
M="${1:?usage: bench/load-user-rules.sh MODEL_DIR [PORT]}"; PORT="${2:-18611}"; ITEMS="${ITEMS:-3}"
[ -f "$M/manifest.json" ] || { echo "load-user-rules: no model at $M" >&2; exit 2; }
command -v wrk >/dev/null 2>&1 || { echo "load-user-rules: wrk is needed (apt-get install wrk)" >&2; exit 2; }
BASE=http://127.0.0.1:$PORT; W=$(mktemp -d); SERVER_PID=""
trap '[ -n "$SERVER_PID" ] && kill "$SERVER_PID"; rm -rf "$W"' EXIT
# shellcheck source=serve-lib.sh
source "$ROOT/bench/serve-lib.sh"
serve_model "$ROOT" "$M" "$PORT" "$W" || exit 1
cat >"$W/post.lua" <<LUA
local ids = {}
for line in io.lines("$W/ids.txt") do ids[#ids + 1] = line end
local n = 0
request = function()
  n = n + 1
  local parts = {}
  for i = 1, $ITEMS do parts[i] = ids[(n * (7 + 6 * i)) % #ids + 1] end
  local body = '{"items": ["' .. table.concat(parts, '", "') .. '"], "k": 10}'
  return wrk.format("POST", "/api/recommendations", {["Content-Type"] = "application/json"}, body)
end
LUA
wrk -t2 -c64 -d10s -s "$W/post.lua" "$BASE" >/dev/null
wrk -t2 -c64 -d15s --latency -s "$W/post.lua" "$BASE" >"$W/wrk.txt"
printf '%-24s %2s items %10s req/s  p50 %8s  p99 %8s  non-2xx %s\n' "$(basename "$M")" "$ITEMS" \
  "$(sed -n 's/^Requests\/sec: *//p' "$W/wrk.txt")" "$(awk '$1 == "50%" {print $2}' "$W/wrk.txt")" \
  "$(awk '$1 == "99%" {print $2}' "$W/wrk.txt")" "$(sed -n 's/.*Non-2xx or 3xx responses: *//p' "$W/wrk.txt")"
