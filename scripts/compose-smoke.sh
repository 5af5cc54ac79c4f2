#!/usr/bin/env bash
# End-to-end smoke test of the docker-compose deployment, for people with Docker: the real
# EventStoreDB (KurrentDB image), MongoDB 7 and Kafka, and the app as separate api, projector and
# relay containers.
#
#   bash scripts/compose-smoke.sh            # builds, starts, probes, then `docker compose down -v`
#   JOBWISE_SMOKE_KEEP=1 bash scripts/compose-smoke.sh   # leaves the stack running afterwards
#
# It brings the stack up and waits until every service is healthy, registers a user and writes a
# profile over HTTP (port 8000), reads the profile back, and checks that its `profile.created`
# event reaches the Kafka topic `jobwise.profiles.v1` (read with Kafka's own console consumer in
# the kafka container). Needs Docker with Compose v2 and curl; nothing else on the host.
#
# NOT RUN IN CI, and never run where this script was written: CI machines and the development VM
# have no Docker engine. There the same probe runs against the test servers instead (see the
# README, "Test servers without Docker"). Its HTTP and topic checks were only dry-run, with
# `docker` replaced by a stub, against the app on those test servers (JOBWISE_SMOKE_URL points
# it elsewhere than http://localhost:8000). If you change the compose file, run this by hand.
set -euo pipefail
cd "$(dirname "$0")/.."

BASE_URL="${JOBWISE_SMOKE_URL:-http://localhost:8000}"
TOPIC=jobwise.profiles.v1

say() { printf '[compose-smoke] %s\n' "$*" >&2; }
fail() {
  say "FAILED: $*"
  docker compose ps >&2 || true
  docker compose logs --tail 40 api projector relay >&2 || true
  exit 1
}

command -v docker >/dev/null || { say "docker is not installed; this smoke test needs Docker with Compose v2"; exit 2; }
command -v curl >/dev/null || { say "curl is required"; exit 2; }

cleanup() {
  if [[ "${JOBWISE_SMOKE_KEEP:-}" == 1 ]]; then
    say "leaving the stack running (docker compose down -v stops it)"
  else
    say "stopping the stack"
    docker compose down -v >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

say "building and starting (docker compose up --wait; the first build takes a few minutes)"
docker compose up -d --build --wait --wait-timeout 600 || fail "the stack did not become healthy"

# JSON field from a one-line response, without jq: the first "name":"value" pair.
field() { grep -o "\"$1\":\"[^\"]*\"" <<<"$2" | head -n 1 | cut -d '"' -f 4; }

email="smoke.$(date +%s).$RANDOM@example.com"
say "registering $email"
registered=$(curl -fsS -X POST "$BASE_URL/api/v1/auth/register" -H 'content-type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"compose smoke password\",\"full_name\":\"Compose Smoke\"}") ||
  fail "registration was refused"
token=$(field access_token "$registered")
[[ -n "$token" ]] || fail "no access_token in the registration answer: $registered"

say "writing a profile"
profile=$(curl -fsS -X POST "$BASE_URL/api/v1/profiles" -H 'content-type: application/json' -H "authorization: Bearer $token" -d '{
  "personal_info": {"full_name": "Compose Smoke", "email": "'"$email"'", "phone": null, "location": "Berlin, Germany",
                    "linkedin": null, "github": null, "website": null},
  "professional_summary": "Backend engineer checking that a profile written over HTTP travels through EventStoreDB, the projector, MongoDB, the relay and Kafka.",
  "experiences": [], "education": [], "projects": [],
  "skills": {"technical": ["TypeScript"], "soft": [], "languages": [], "certifications": []}
}') || fail "the profile write was refused"
profile_id=$(field id "$profile")
[[ -n "$profile_id" ]] || fail "no id in the profile answer: $profile"

say "reading profile $profile_id back over HTTP"
for _ in $(seq 1 30); do
  status=$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/api/v1/profiles/$profile_id" -H "authorization: Bearer $token")
  [[ "$status" == 200 ]] && break
  sleep 1
done
[[ "$status" == 200 ]] || fail "GET /api/v1/profiles/$profile_id answered $status"

say "waiting for profile.created of $profile_id on $TOPIC"
found=""
for _ in $(seq 1 6); do
  # The consumer exits after 10 s without a new message (its exit status then is not 0).
  messages=$(docker compose exec -T kafka /opt/kafka/bin/kafka-console-consumer.sh --bootstrap-server localhost:9092 \
    --topic "$TOPIC" --from-beginning --timeout-ms 10000 2>/dev/null || true)
  if grep -F "\"profile_id\":\"$profile_id\"" <<<"$messages" | grep -qF '"profile.created"'; then
    found=1
    break
  fi
done
[[ -n "$found" ]] || fail "profile.created for $profile_id did not reach $TOPIC within a minute"

say "OK: registered, wrote profile $profile_id, read it back, and found it on $TOPIC"
