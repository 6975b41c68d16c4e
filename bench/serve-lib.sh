# Shared by the load runners (source it): start `embrec serve` on a model and wait until it is ready.
#   serve_model ROOT MODEL PORT WORK   sets SERVER_PID; the server's output goes to WORK/serve.{out,err};
#                                      writes every item id with a vector to WORK/ids.txt (from /api/map)
serve_model() {
  local root="$1" model="$2" port="$3" work="$4" base="http://127.0.0.1:$3"
  "$root/embrec" serve --model "$model" --port "$port" >"$work/serve.out" 2>"$work/serve.err" &
  SERVER_PID=$!
  for _ in $(seq 1 120); do
    curl -fs "$base/ready" >/dev/null 2>&1 && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$work/serve.err" >&2; return 1; }
    sleep 0.5
  done
  curl -fs "$base/ready" >/dev/null || { echo "serve-lib: the server did not become ready" >&2; return 1; }
  curl -fs "$base/api/map" | grep -o '"id":"[^"]*"' | sed 's/"id":"//; s/"$//' >"$work/ids.txt"
}
