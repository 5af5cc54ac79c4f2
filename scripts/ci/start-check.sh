#!/usr/bin/env bash
# Start-up check: the built app (dist/src/main.js, from `npm run build`) runs on a given `node`
# and answers GET /health. CI runs the suite on Node 24 and then this on the machine's own
# node, because `npm install && npm start` has to keep working on any Node >= 20.11.
#
#   bash scripts/ci/start-check.sh [path/to/node]
#
# The node defaults to $MACHINE_NODE (set by scripts/ci/node24.sh), else the first `node` on
# PATH. The app runs as `npm start` runs it: every role in one process on the embedded adapters
# (connection URLs from the environment are dropped), with a fresh temporary DATA_DIR, on a free
# port on 127.0.0.1. It must answer /health with 200 within JOBWISE_START_TIMEOUT seconds
# (default 30), and /health/detailed with 200 after that. The process is then stopped with
# SIGTERM (SIGKILL after 10 s) and the temporary folder removed; the exit status says whether the
# check passed.
set -euo pipefail
cd "$(dirname "$0")/../.."

node_bin="${1:-${MACHINE_NODE:-$(command -v node)}}"
timeout_s="${JOBWISE_START_TIMEOUT:-30}"
entry=dist/src/main.js

[[ -x "$node_bin" ]] || { echo "start-check: no node at '$node_bin'" >&2; exit 1; }
[[ -f "$entry" ]] || { echo "start-check: $entry is missing; run npm run build first" >&2; exit 1; }
echo "start-check: $("$node_bin" --version) ($node_bin) runs $entry"

data_dir=$(mktemp -d "${TMPDIR:-/tmp}/jobwise-start-check.XXXXXX")
log="$data_dir/app.log"
pid=""

stop_app() {
  [[ -n "$pid" ]] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "start-check: the app ignored SIGTERM for 10 s; killing it" >&2
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  wait "$pid" 2>/dev/null || true
  pid=""
}
cleanup() {
  stop_app
  rm -rf "$data_dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port=$("$node_bin" -e '
  const s = require("net").createServer();
  s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });
')

# Its own session (and so process group, pgid = pid), so stopping it reaches anything it forks.
env -u MONGODB_URL -u KAFKA_BROKERS -u EVENTSTORE_CONNECTION_STRING -u JOBWISE_ROLES \
  DATA_DIR="$data_dir/data" HOST=127.0.0.1 PORT="$port" LOG_LEVEL=info \
  setsid "$node_bin" "$entry" >"$log" 2>&1 </dev/null &
pid=$!

status_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port$1" || true; }

deadline=$((SECONDS + timeout_s))
code=000
while ((SECONDS < deadline)); do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "start-check: FAILED: the app exited before answering /health; its output:" >&2
    cat "$log" >&2
    exit 1
  fi
  code=$(status_of /health)
  [[ "$code" == 200 ]] && break
  sleep 0.25
done
if [[ "$code" != 200 ]]; then
  echo "start-check: FAILED: no 200 from GET /health within ${timeout_s} s (last: $code); app output:" >&2
  cat "$log" >&2
  exit 1
fi
ready_after=$((SECONDS))
detailed=$(status_of /health/detailed)
if [[ "$detailed" != 200 ]]; then
  echo "start-check: FAILED: GET /health/detailed answered $detailed; app output:" >&2
  cat "$log" >&2
  exit 1
fi

stop_app
echo "start-check: ok: GET /health 200 on 127.0.0.1:$port after ${ready_after} s; /health/detailed 200; stopped"
