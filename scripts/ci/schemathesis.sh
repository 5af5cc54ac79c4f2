#!/usr/bin/env bash
# API contract run: schemathesis (pinned, from PyPI, in a venv under .tools/) against the built
# app on the embedded adapters, with every check and every phase including the stateful one.
# Exits non-zero on any failure. Assumes `npm run build` ran (builds if dist/ is missing).
#
#   bash scripts/ci/schemathesis.sh
#
# Knobs (environment): SCHEMATHESIS_MAX_EXAMPLES (per operation, default 60),
# SCHEMATHESIS_WORKERS (default 1), SCHEMATHESIS_SEED (default: a random seed, printed at the end),
# SCHEMATHESIS_REPORT_DIR (write a JUnit report there).
#
# One worker by default: with two, hypothesis (inside schemathesis) sometimes describes a filter
# lambda with ast.parse in two threads at once, and CPython 3.11's AST constructor keeps its
# recursion depth per interpreter, not per thread, so the run dies with "SystemError: AST
# constructor recursion depth mismatch" (python/cpython#106905 and its kin) — a runtime error of
# the tool, not a finding about the API, yet it fails the run.
set -euo pipefail
cd "$(dirname "$0")/../.."

SCHEMATHESIS_VERSION=4.32.5
VENV=.tools/schemathesis-venv
MAX_EXAMPLES="${SCHEMATHESIS_MAX_EXAMPLES:-60}"
WORKERS="${SCHEMATHESIS_WORKERS:-1}"

echo "schemathesis: installing schemathesis==$SCHEMATHESIS_VERSION into $VENV"
if [[ ! -x "$VENV/bin/schemathesis" ]] || ! "$VENV/bin/schemathesis" --version 2>/dev/null | grep -qx "schemathesis, version $SCHEMATHESIS_VERSION"; then
  rm -rf "$VENV"
  mkdir -p "$(dirname "$VENV")"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi

if [[ ! -f dist/src/main.js ]]; then
  echo "schemathesis: no build output; running npm run build"
  npm run build
fi

work="$(mktemp -d)"
app_pid=""
cleanup() {
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
    kill -TERM "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port="$(node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });")"
base="http://127.0.0.1:$port"

echo "schemathesis: starting the app on $base (embedded adapters, data in $work/data)"
# Embedded adapters whatever the environment names (CI exports KAFKA_BROKERS and MONGODB_URL).
# Rate limits off: one client sending thousands of requests in minutes would mostly test the
# limiter (which has its own tests), and the 429s would starve the stateful phase.
env -u EVENTSTORE_CONNECTION_STRING -u MONGODB_URL -u KAFKA_BROKERS -u JOBWISE_ROLES RATE_LIMITS_ENABLED=false \
  JWT_SECRET="schemathesis-$RANDOM-$RANDOM-$RANDOM-$RANDOM" \
  DATA_DIR="$work/data" HOST=127.0.0.1 PORT="$port" SCRYPT_N=1024 LOG_LEVEL=warn \
  node dist/src/main.js >"$work/app.log" 2>&1 &
app_pid=$!

# Waits for /health, then registers two users. Schemathesis logs in as them itself (Web Fuzzing
# Commons auth file below), so tokens are refreshed, and object_level_authorization replays one
# user's reads as the other.
PASSWORD="correct horse battery staple"
BASE="$base" PASSWORD="$PASSWORD" node -e "
const base = process.env.BASE;
(async () => {
  for (let i = 0; ; i++) {
    try { if ((await fetch(base + '/health')).ok) break; } catch {}
    if (i > 300) throw new Error('the app did not answer /health within 30 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const name of ['alice', 'bob']) {
    const res = await fetch(base + '/api/v1/auth/register', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: name + '@example.com', password: process.env.PASSWORD, full_name: name }),
    });
    if (res.status !== 201) throw new Error('register answered ' + res.status + ': ' + (await res.text()));
  }
})().catch((e) => { console.error(e.message); process.exit(1); });
" || { echo "schemathesis: the app did not come up; its log:"; cat "$work/app.log"; exit 1; }

login() {
  cat <<JSON
    {
      "name": "$1",
      "loginEndpointAuth": {
        "endpoint": "/api/v1/auth/login",
        "verb": "POST",
        "contentType": "application/json",
        "payloadUserPwd": { "username": "$1@example.com", "usernameField": "email", "password": "$PASSWORD", "passwordField": "password" },
        "token": { "extractFrom": "body", "extractSelector": "/access_token", "sendIn": "header", "sendName": "Authorization", "sendTemplate": "Bearer {token}" }
      }
    }
JSON
}
printf '{ "schemaVersion": "1.0", "auth": [\n%s,\n%s\n] }\n' "$(login alice)" "$(login bob)" >"$work/wfc-auth.json"

# Every check runs: `[checks] enabled = true` is what `--checks all` says. (It is not passed on
# the command line because schemathesis lets a check named there override the per-operation
# setting below.) What follows is configuration, not exclusion, except where it says EXCLUDED,
# with the reason next to it; the README lists the same.
cat >"$work/schemathesis.toml" <<TOML
[cache]
# No .schemathesis/ folder in the working tree; failures print a curl command to reproduce them.
enabled = false

[checks]
enabled = true

[checks.positive_data_acceptance]
# A well-formed but stale If-Match is answered 412 (documented). A generated version number is
# almost never the current one, so 412 is an expected answer to schema-valid input. 422 says the
# request is understood but what it names cannot be worked with yet (a generation asked of a
# profile with nothing to draw on, issue 10): documented on those operations, and not a
# rejection of the request's shape.
expected-statuses = ["2xx", "3xx", "401", "403", "404", "409", "412", "422", "429", "5xx"]

[phases.stateful]
# Longer call sequences than the default, so that chains like create profile -> add entry ->
# replace it -> remove it are reached.
max-steps = 20

[auth.wfc]
path = "$work/wfc-auth.json"
user = "alice"
peers = ["alice", "bob"]

# EXCLUDED: positive_data_acceptance on the operations below. Their bodies have cross-field rules
# that JSON Schema cannot express, so schema-valid bodies are rightly rejected with 400:
#   - an entry's end_date must not be before its start_date (experiences, education, projects)
#   - a certification's expiry_date must not be before date_obtained (skills)
#   - a job's salary_range.min must not exceed max, expires_date not before posted_date
#   - POST /jobs/import takes any JSON object and reports what makes it no job document
# Every other check (negative_data_rejection included) still runs on them.
# EXCLUDED: GET /api/v1/notifications/stream. A server-sent event stream stays open for a minute
# by design and sends nothing until a notification arrives, so every generated call would wait
# for the request timeout. Its input handling is the shared edge (checked on every other route);
# test/http/notifications.test.ts reads the stream.
[[operations]]
include-operation-id-regex = "^get_api_v1_notifications_stream\$"
enabled = false

# EXCLUDED: positive_data_acceptance in the stateful phase only, on the operations that take a
# document or generation id in their path. Schemathesis infers links from response fields named
# after a resource (an application's document_id, a restored version's generation_id) and, when
# such a field is null, calls the linked operation with the text "None" as the id: our 400
# ("params.id must be a UUID") is right, not a rejected schema-valid request. Every other check,
# and this one in the other phases, still runs on them.
[[operations]]
include-path-regex = '^/api/v1/(documents|generations)/\\{id\\}'
phases.stateful.checks.positive_data_acceptance.enabled = false

[[operations]]
include-operation-id-regex = "^(post_api_v1_profiles|put_api_v1_profiles_id|put_api_v1_profiles_id_skills|(post|put)_api_v1_profiles_id_(experiences|education|projects)(_entry_id)?|post_api_v1_jobs|put_api_v1_jobs_id|post_api_v1_jobs_import)\$"
checks.positive_data_acceptance.enabled = false
TOML

args=(
  --config-file "$work/schemathesis.toml"
  run "$base/openapi.json"
  --phases examples,coverage,fuzzing,stateful
  --max-examples "$MAX_EXAMPLES"
  --workers "$WORKERS"
  --generation-database none
  --request-timeout 30
  --no-color
)
[[ -n "${SCHEMATHESIS_SEED:-}" ]] && args+=(--seed "$SCHEMATHESIS_SEED")
[[ -n "${SCHEMATHESIS_REPORT_DIR:-}" ]] && args+=(--report junit --report-dir "$SCHEMATHESIS_REPORT_DIR")

echo "schemathesis: schemathesis ${args[*]}"
status=0
# schemathesis closes with a pytest-style banner ("=== 3 warnings in 99.15s ==="); a CI reader that
# knows pytest takes that line for a pytest run that executed no test. The banners are printed
# with dashes instead; nothing else changes (pipefail keeps schemathesis's exit status).
"$VENV/bin/schemathesis" "${args[@]}" 2>&1 | sed -E 's/^=+ (.*) =+$/--- \1 ---/' || status=$?

if [[ -s "$work/app.log" ]]; then
  echo "schemathesis: the app logged (level warn and above):"
  tail -n 50 "$work/app.log"
fi
exit "$status"
