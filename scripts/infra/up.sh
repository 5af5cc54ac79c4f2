#!/usr/bin/env bash
# Starts the JobWise test servers on 127.0.0.1 (npm run infra:up):
#   - Apache Kafka 3.9, one KRaft node (broker + controller), from its Maven Central jars;
#   - a MongoDB-wire server (mongo-java-server, see docs/decisions/0002-test-infrastructure.md);
#   - the EventStoreDB test server, a gRPC test fixture in Node (test/support/eventstoredb-server,
#     see docs/decisions/0007-eventstoredb-test-server.md), run from node_modules without a build.
# First use installs the Java servers into $JOBWISE_INFRA_HOME (default ~/.cache/jobwise-infra).
# Data lives in fresh `mktemp -d` folders; pids, ports and logs in <repo>/.infra/. When the
# servers are already running and answering it only prints the environment again. Stop with
# down.sh.
#
# Prints `export KAFKA_BROKERS=...`, `export MONGODB_URL=...` and
# `export EVENTSTORE_CONNECTION_STRING=...` on stdout (also written to .infra/env), so
# `source .infra/env` or `eval "$(bash scripts/infra/up.sh)"` both work.
# Settings: see scripts/infra/lib.sh.
set -euo pipefail

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAVAC="${JAVA_HOME:+$JAVA_HOME/bin/}javac"

require_tools() {
  local tool
  for tool in "$JAVA" "$JAVAC" mvn node flock setsid sha256sum; do
    command -v "$tool" >/dev/null || die "'$tool' is required (JDK 17+, Maven 3, Node 20, util-linux)"
  done
  local module
  for module in kafkajs mongodb @eventstore/db-client @grpc/grpc-js typescript; do
    [[ -d "$REPO_ROOT/node_modules/$module" ]] || die "node_modules lacks $module; run npm ci first"
  done
}

# Cache folder for $1, keyed by the content of the files that define it.
install_dir() {
  local name=$1 hash
  shift
  hash=$(cat "$@" | sha256sum | cut -c1-12)
  printf '%s/%s-%s\n' "$INFRA_HOME" "$name" "$hash"
}

# Copies the runtime dependencies of pom $1 into folder $2.
maven_copy() {
  local install_log="$INFRA_HOME/install.log"
  if ! mvn -B -q -Dstyle.color=never -Dmaven.repo.local="$INFRA_HOME/m2" -f "$1" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$2" >>"$install_log" 2>&1; then
    tail -n 40 "$install_log" >&2
    die "Maven could not resolve $1 (full log: $install_log)"
  fi
}

install_kafka() {
  KAFKA_INSTALL=$(install_dir kafka "$INFRA_DIR/kafka/pom.xml")
  [[ -f "$KAFKA_INSTALL/.complete" ]] && return
  log "installing Kafka into $KAFKA_INSTALL (first run only)"
  rm -rf "$KAFKA_INSTALL"
  maven_copy "$INFRA_DIR/kafka/pom.xml" "$KAFKA_INSTALL/libs"
  touch "$KAFKA_INSTALL/.complete"
}

install_mongo() {
  MONGO_INSTALL=$(install_dir mongo "$INFRA_DIR/mongo/pom.xml" "$INFRA_DIR/mongo/JobwiseMongoServer.java")
  [[ -f "$MONGO_INSTALL/.complete" ]] && return
  log "installing mongo-java-server into $MONGO_INSTALL (first run only)"
  rm -rf "$MONGO_INSTALL"
  maven_copy "$INFRA_DIR/mongo/pom.xml" "$MONGO_INSTALL/libs"
  "$JAVAC" -nowarn -d "$MONGO_INSTALL/classes" -cp "$MONGO_INSTALL/libs/*" "$INFRA_DIR/mongo/JobwiseMongoServer.java" ||
    die "could not compile scripts/infra/mongo/JobwiseMongoServer.java"
  touch "$MONGO_INSTALL/.complete"
}

# The EventStoreDB test server runs from the checkout (node_modules and its TypeScript): nothing to install.
install_eventstore() {
  EVENTSTORE_MAIN="$REPO_ROOT/test/support/eventstoredb-server/main.js"
  [[ -f "$EVENTSTORE_MAIN" ]] || die "$EVENTSTORE_MAIN is missing"
}

# Creates the temp data dir for server $1 and records it.
new_data_dir() {
  local dir
  dir=$(mktemp -d "${TMPDIR:-/tmp}/${DATA_DIR_NAME}$1.XXXXXX")
  printf '%s\n' "$dir" >"$STATE_DIR/$1.datadir"
  printf '%s\n' "$dir"
}

# Fails when a port server $1 needs is already taken by some other process.
ensure_ports_free() {
  local port ports
  case "$1" in
    kafka) ports=("$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT") ;;
    mongo) ports=("$MONGO_PORT") ;;
    eventstore) ports=("$EVENTSTORE_PORT") ;;
  esac
  for port in "${ports[@]}"; do
    if port_open "$port"; then
      die "port $HOST:$port (for $1) is taken by another process; choose free ports with" \
        "JOBWISE_KAFKA_PORT, JOBWISE_KAFKA_CONTROLLER_PORT, JOBWISE_MONGO_PORT or JOBWISE_EVENTSTORE_PORT"
    fi
  done
}

# Runs "$@" detached from this shell's session, logging to .infra/$name.log; records the pid.
# The lock descriptors (8, 9) are closed so a long-lived server never holds our locks.
launch() {
  local name=$1
  shift
  setsid "$@" >>"$STATE_DIR/$name.log" 2>&1 </dev/null 8>&- 9>&- &
  printf '%s\n' "$!" >"$STATE_DIR/$name.pid"
}

start_kafka() {
  local data cluster_id
  data=$(new_data_dir kafka)
  cat >"$data/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$HOST:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$HOST:$KAFKA_PORT,CONTROLLER://$HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$HOST:$KAFKA_PORT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$data/logs
auto.create.topics.enable=true
delete.topic.enable=true
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=2
num.recovery.threads.per.data.dir=1
log.flush.interval.ms=1000
EOF
  # A KRaft cluster id is 16 random bytes in unpadded URL-safe base64; one that starts with
  # '-' would be read as an option by kafka-storage, so draw again.
  cluster_id=-
  while [[ "$cluster_id" == -* ]]; do
    cluster_id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
  done
  local log4j="-Dlog4j.configuration=file:$INFRA_DIR/kafka/log4j.properties"
  : >"$STATE_DIR/kafka.log"
  if ! "$JAVA" -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "$log4j" -cp "$KAFKA_INSTALL/libs/*" \
    kafka.tools.StorageTool format -t "$cluster_id" -c "$data/server.properties" >>"$STATE_DIR/kafka.log" 2>&1; then
    tail -n 40 "$STATE_DIR/kafka.log" >&2
    die "formatting Kafka storage failed (log: $STATE_DIR/kafka.log)"
  fi
  launch kafka "$JAVA" "$OWNER_FLAG" -Xms128m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true "$log4j" \
    -cp "$KAFKA_INSTALL/libs/*" kafka.Kafka "$data/server.properties"
  printf '%s\n' "$KAFKA_PORT" >"$STATE_DIR/kafka.port"
}

start_mongo() {
  local data
  data=$(new_data_dir mongo)
  : >"$STATE_DIR/mongo.log"
  launch mongo "$JAVA" "$OWNER_FLAG" -Xms64m -Xmx512m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.showDateTime=true \
    "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS" \
    -cp "$MONGO_INSTALL/classes:$MONGO_INSTALL/libs/*" JobwiseMongoServer \
    --host "$HOST" --port "$MONGO_PORT" --backend "$MONGO_BACKEND" --data "$data"
  printf '%s\n' "$MONGO_PORT" >"$STATE_DIR/mongo.port"
}

# Stats events every 30 s, as a real node writes them, so system events sit between ours in $all.
start_eventstore() {
  local data
  data=$(new_data_dir eventstore)
  : >"$STATE_DIR/eventstore.log"
  launch eventstore node "$EVENTSTORE_MAIN" "$OWNER_FLAG" \
    --host "$HOST" --port "$EVENTSTORE_PORT" --data "$data" --stats-interval-ms 30000
  printf '%s\n' "$EVENTSTORE_PORT" >"$STATE_DIR/eventstore.port"
}

kafka_env() { printf 'export KAFKA_BROKERS=%s:%s\n' "$HOST" "$KAFKA_PORT"; }
mongo_env() { printf 'export MONGODB_URL=mongodb://%s:%s/\n' "$HOST" "$MONGO_PORT"; }
eventstore_env() { printf 'export EVENTSTORE_CONNECTION_STRING=%s\n' "$(eventstore_url)"; }
eventstore_url() { printf 'esdb://%s:%s?tls=false' "$HOST" "$EVENTSTORE_PORT"; }

# Starts `wait-ready.js` for server $1 in the background; its pid goes to WAITERS[$1].
declare -A WAITERS=()
wait_ready_async() {
  local name=$1 timeout=$2 target
  case "$name" in
    kafka) target=(--brokers "$HOST:$KAFKA_PORT") ;;
    mongo) target=(--url "mongodb://$HOST:$MONGO_PORT/") ;;
    eventstore) target=(--url "$(eventstore_url)") ;;
  esac
  node "$INFRA_DIR/wait-ready.js" "$name" "${target[@]}" --timeout "$timeout" \
    --pid "$(<"$STATE_DIR/$name.pid")" 8>&- 9>&- &
  WAITERS[$name]=$!
}

main() {
  require_tools
  lock_state

  local name pid started=() failed=()
  for name in "${SERVERS[@]}"; do
    if pid=$(our_pid "$name"); then
      local port
      port=$(<"$STATE_DIR/$name.port")
      case "$name" in
        kafka) KAFKA_PORT=$port ;;
        mongo) MONGO_PORT=$port ;;
        eventstore) EVENTSTORE_PORT=$port ;;
      esac
      log "$name already running (pid $pid, port $port)"
    else
      [[ -f "$STATE_DIR/$name.pid" ]] && log "$name: recorded process is gone; cleaning up"
      forget_server "$name"
      started+=("$name")
    fi
  done

  if ((${#started[@]} > 0)); then
    mkdir -p "$INFRA_HOME"
    exec 9>"$INFRA_HOME/install.lock"
    flock -w 600 9 || die "another install holds $INFRA_HOME/install.lock"
    for name in "${started[@]}"; do "install_$name"; done
    exec 9>&-
    for name in "${started[@]}"; do ensure_ports_free "$name"; done
    for name in "${started[@]}"; do
      log "starting $name"
      "start_$name"
    done
  fi

  for name in "${SERVERS[@]}"; do
    if [[ " ${started[*]} " == *" $name "* ]]; then
      wait_ready_async "$name" "$READY_TIMEOUT"
    else
      wait_ready_async "$name" 30
    fi
  done
  for name in "${SERVERS[@]}"; do
    wait "${WAITERS[$name]}" || failed+=("$name")
  done

  if ((${#failed[@]} > 0)); then
    for name in "${failed[@]}"; do
      log "---- last lines of $STATE_DIR/$name.log ----"
      tail -n 40 "$STATE_DIR/$name.log" >&2 || true
      if [[ " ${started[*]} " == *" $name "* ]]; then
        stop_server "$name"
      fi
    done
    die "not ready: ${failed[*]} (those this run started were stopped again; see the logs above)"
  fi

  { kafka_env; mongo_env; eventstore_env; } >"$STATE_DIR/env"
  log "ready; environment written to $STATE_DIR/env (source it, or eval this output)"
  cat "$STATE_DIR/env"
}

main "$@"
