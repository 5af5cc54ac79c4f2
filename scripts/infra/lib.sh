# Shared settings and helpers for scripts/infra/up.sh and down.sh (sourced, not run).
#
# Settings (environment):
#   JOBWISE_INFRA_HOME            install cache (default ~/.cache/jobwise-infra)
#   JOBWISE_KAFKA_PORT            Kafka client port (default 39092)
#   JOBWISE_KAFKA_CONTROLLER_PORT Kafka KRaft controller port (default 39093)
#   JOBWISE_MONGO_PORT            MongoDB-wire port (default 37017)
#   JOBWISE_MONGO_BACKEND         h2 (data file in the temp dir, default) or memory
#   JOBWISE_EVENTSTORE_PORT       EventStoreDB test server gRPC port (default 32113)
#   JOBWISE_INFRA_TIMEOUT         seconds to wait for each server to answer (default 120)

INFRA_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$INFRA_DIR/../.." && pwd)
STATE_DIR="$REPO_ROOT/.infra"
INFRA_HOME="${JOBWISE_INFRA_HOME:-$HOME/.cache/jobwise-infra}"

HOST=127.0.0.1
KAFKA_PORT="${JOBWISE_KAFKA_PORT:-39092}"
KAFKA_CONTROLLER_PORT="${JOBWISE_KAFKA_CONTROLLER_PORT:-39093}"
MONGO_PORT="${JOBWISE_MONGO_PORT:-37017}"
MONGO_BACKEND="${JOBWISE_MONGO_BACKEND:-h2}"
EVENTSTORE_PORT="${JOBWISE_EVENTSTORE_PORT:-32113}"
READY_TIMEOUT="${JOBWISE_INFRA_TIMEOUT:-120}"

SERVERS=(kafka mongo eventstore)

# Every server we start carries this flag (a JVM system property; the EventStoreDB test server
# ignores it), so a recorded pid is only trusted (and only ever signalled) while its command
# line still names this checkout's state directory.
OWNER_FLAG="-Djobwise.infra.state=$STATE_DIR"

# Temp data dirs are named jobwise-infra-<server>.XXXXXX; nothing else is ever deleted.
DATA_DIR_NAME=jobwise-infra-

log() { printf '[infra] %s\n' "$*" >&2; }
die() { printf '[infra] error: %s\n' "$*" >&2; exit 1; }

# Prints the recorded pid of server $1 when that process is alive and ours.
our_pid() {
  local pid_file="$STATE_DIR/$1.pid" pid
  [[ -f "$pid_file" ]] || return 1
  pid=$(<"$pid_file")
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [[ -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' '\n' <"/proc/$pid/cmdline" | grep -qxF -- "$OWNER_FLAG" || return 1
  printf '%s\n' "$pid"
}

# True when something accepts TCP connections on $HOST:$1.
port_open() {
  (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null
}

# Removes the temp data dir recorded for server $1 and the pid/datadir records.
forget_server() {
  local dir_file="$STATE_DIR/$1.datadir" dir
  if [[ -f "$dir_file" ]]; then
    dir=$(<"$dir_file")
    if [[ "$dir" == /* && "$(basename -- "$dir")" == "$DATA_DIR_NAME"* && -d "$dir" ]]; then
      rm -rf -- "$dir"
    fi
  fi
  rm -f -- "$STATE_DIR/$1.pid" "$STATE_DIR/$1.port" "$dir_file"
}

# Serialises up.sh/down.sh runs on this checkout.
lock_state() {
  mkdir -p "$STATE_DIR"
  exec 8>"$STATE_DIR/lock"
  flock -w 300 8 || die "another infra:up/infra:down is still running (lock $STATE_DIR/lock)"
}

# Sends SIGTERM to server $1 if it is ours and running, waits for it to exit (SIGKILL after
# 30 s), then removes its temp data dir and records.
stop_server() {
  local name=$1 pid waited=0
  if pid=$(our_pid "$name"); then
    log "stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    while our_pid "$name" >/dev/null; do
      if ((waited == 300)); then
        log "$name did not stop within 30 s; sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
      fi
      sleep 0.1
      waited=$((waited + 1))
    done
  fi
  forget_server "$name"
}
