#!/usr/bin/env bash
# Load benchmark of the HTTP server (issue 8, item 7): GET /api/items/{id}/similar?k=10 under 64
# concurrent connections for 30 s on loopback, with wrk (apt-get install wrk). Client and server
# share the machine. Cycles through every item that has a vector (no single hot key), after a
# 10 s warm-up. Prints requests/s, p50/p90/p99 latency and errors.
#
#   bench/load-server.sh [MODEL_DIR]     (default: trains item2vec into /tmp/embrec-bench/item2vec once)
#   CONNECTIONS=64 DURATION=30s THREADS=2 PORT=18181 bench/load-server.sh
#   QUERY='k=10&mmr=0.3' bench/load-server.sh       (the query string of every request; default k=10)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODEL="${1:-/tmp/embrec-bench/item2vec}"
CONNECTIONS="${CONNECTIONS:-64}"
DURATION="${DURATION:-30s}"
THREADS="${THREADS:-2}"
PORT="${PORT:-18181}"
QUERY="${QUERY:-k=10}"
BASE="http://127.0.0.1:$PORT"

command -v wrk >/dev/null 2>&1 || { echo "load-server: wrk is needed (apt-get install wrk)" >&2; exit 2; }
command -v curl >/dev/null 2>&1 || { echo "load-server: curl is needed (apt-get install curl)" >&2; exit 2; }
if [ ! -f "$MODEL/manifest.json" ]; then
  mkdir -p "$(dirname "$MODEL")"
  "$ROOT/embrec" train --out "$MODEL" >&2
fi

WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# shellcheck source=serve-lib.sh
source "$ROOT/bench/serve-lib.sh"
serve_model "$ROOT" "$MODEL" "$PORT" "$WORK" || exit 1   # also lists every item id with a vector
cat >"$WORK/similar.lua" <<LUA
local ids = {}
for line in io.lines("$WORK/ids.txt") do ids[#ids + 1] = line end
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/api/items/" .. ids[(n % #ids) + 1] .. "/similar?$QUERY")
end
LUA

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run; $(wc -l <"$WORK/ids.txt") item ids"
wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -s "$WORK/similar.lua" "$BASE" >/dev/null   # warm-up (JIT)
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$WORK/similar.lua" "$BASE" | tee "$WORK/wrk.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

rps="$(sed -n 's/^Requests\/sec: *//p' "$WORK/wrk.txt")"
p50="$(awk '$1 == "50%" {print $2}' "$WORK/wrk.txt")"
p99="$(awk '$1 == "99%" {print $2}' "$WORK/wrk.txt")"
non2xx="$(sed -n 's/.*Non-2xx or 3xx responses: *//p' "$WORK/wrk.txt")"
sockerr="$(sed -n 's/.*Socket errors: *//p' "$WORK/wrk.txt")"
echo "summary: ${rps} requests/s, p50 ${p50}, p99 ${p99}, non-2xx ${non2xx:-0}, socket errors: ${sockerr:-none}"

# Server-side view (time inside the server, from its own histogram; includes the warm-up).
curl -fs "$BASE/metrics" >"$WORK/metrics.txt"
grep '^embrec_http_request_duration_seconds_bucket{method="GET",route="/api/items/{id}/similar"' "$WORK/metrics.txt" \
  | sed 's/.*le="\([^"]*\)"} \([0-9]*\)$/\1 \2/' \
  | awk '{ b[NR] = $1; n[NR] = $2 } END { total = n[NR]; p50 = ""; p99 = "";
      for (i = 1; i <= NR; i++) { if (p50 == "" && n[i] >= 0.5 * total) p50 = b[i]; if (p99 == "" && n[i] >= 0.99 * total) p99 = b[i] }
      printf "server side (own histogram, warm-up included): %d requests, p50 <= %s s, p99 <= %s s\n", total, p50, p99 }'
echo "server-side errors (the 503s are /ready polls while the model loaded):"
grep '^embrec_http_errors_total' "$WORK/metrics.txt" | sed 's/^/  /' || echo "  none"
