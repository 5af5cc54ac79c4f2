#!/usr/bin/env bash
# Stops the test servers that scripts/infra/up.sh started for this checkout (npm run infra:down).
# Only processes whose recorded pid still carries this checkout's marker are signalled; their
# temp data dirs are removed, the install cache is kept. Running it when nothing runs is fine.
set -euo pipefail

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

main() {
  if [[ ! -d "$STATE_DIR" ]]; then
    log "nothing to stop"
    return
  fi
  lock_state

  local name pid stopped=0
  for name in "${SERVERS[@]}"; do
    if pid=$(our_pid "$name"); then
      stopped=$((stopped + 1))
    elif [[ -f "$STATE_DIR/$name.pid" ]]; then
      log "$name: recorded pid $(<"$STATE_DIR/$name.pid") is not running (or not ours); only cleaning up"
    fi
  done
  # Stop them all at once: Kafka's controlled shutdown takes a few seconds.
  for name in "${SERVERS[@]}"; do stop_server "$name" & done
  wait
  rm -f -- "$STATE_DIR/env"
  if ((stopped == 0)); then log "nothing was running"; else log "stopped"; fi
}

main "$@"
