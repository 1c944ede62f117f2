#!/usr/bin/env bash
# Measures hpo serve on loopback with wrk: one-row and 100-row text/csv requests against a model.
# usage: bench/serve-load.sh <model> <features.csv (no label)> [seconds] [connections] [server threads]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
model="$1"; features="$2"; seconds="${3:-15}"; connections="${4:-8}"; threads="${5:-2}"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
port=18080
"$root/bin/hpo" serve "$model" --port "$port" --threads "$threads" >"$work/serve.out" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/ping" >/dev/null && break; sleep 0.2; done
for rows in 1 100; do
  head -n "$rows" "$features" > "$work/body-$rows.csv"
  cat > "$work/post-$rows.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "text/csv"
local f = io.open("$work/body-$rows.csv", "rb"); wrk.body = f:read("*a"); f:close()
response = function(status, headers, body) if status ~= 200 then io.write(status .. " " .. body .. "\n") end end
LUA
  curl -sf -H 'Content-Type: text/csv' --data-binary @"$work/body-$rows.csv" "http://127.0.0.1:$port/invocations" | head -n 1 >/dev/null
  echo "== $rows row(s) per request, $connections connections, $threads server threads, ${seconds}s"
  wrk -t 2 -c "$connections" -d "${seconds}s" --latency -s "$work/post-$rows.lua" "http://127.0.0.1:$port/invocations"
done
