#!/usr/bin/env bash
# The whole suite: an import-cycle check and the Node tests (test/node), the
# host apps (test/hosts: the packed package in React, Vue, Next.js and Svelte; from a CDN with SRI), the
# Preact and Solid JSX type checks (test/types), then the
# browser groups: Chromium (speech, silence, no permission, DOM-only, unit)
# and Firefox ESR. Generates the fake-microphone WAVs first and
# makes sure PulseAudio runs (Firefox's AudioContext needs a sound server).
# Ends with one plain "N passed, N failed" line summing every group.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/make-fixtures.sh >/dev/null
# The strict-CSP test (speech group) runs the BUILT bundle: build when dist/ is missing or older than src/.
if [[ ",${TEST_GROUP:-speech}," == *,speech,* && ( -z ${TEST_FILES:-} || ${TEST_FILES} == *csp* ) ]] &&
  [[ ! -f dist/thymia-recorder.js || -n $(find src -newer dist/thymia-recorder.js -print -quit) ]]; then
  # Only the bundle (vite): npm run build would also rewrite custom-elements.json under everyone working here.
  flock /tmp/thymia-recorder-build.lock npx vite build >/dev/null 2>&1 || echo "vite build failed; the strict-CSP test reports what is missing" >&2
fi
if command -v pulseaudio >/dev/null && ! pulseaudio --check 2>/dev/null; then
  pulseaudio -D --exit-idle-time=-1 2>/dev/null || true
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
# The server half as built (dist/lib/server, plain Node, no DOM): imported by the Node tests, the runtimes
# and the browser tests' server (/api/thymia-e2e). A few seconds of tsc, only when src/ is newer.
if [[ ! -f dist/lib/server/index.js || -n $(find src/server src/api -newer dist/lib/server/index.js -print -quit) ]]; then
  flock /tmp/thymia-recorder-build.lock npx tsc -p tsconfig.server.json || status=1
fi
# Node-side checks (the whole suite only): no import cycle in src/, and the Node tests (host backend).
node_passed=0
node_failed=0
if [[ -z ${TEST_GROUP:-} && -z ${TEST_FILES:-} ]]; then
  if node scripts/check-cycles.mjs src; then node_passed=$((node_passed + 1)); else node_failed=$((node_failed + 1)); status=1; fi
  node_log=$(mktemp)
  node --test test/node/ 2>&1 | tee "$node_log" || status=1
  node_passed=$((node_passed + $(awk '/^# pass /{print $3}' "$node_log")))
  node_failed=$((node_failed + $(awk '/^# fail /{print $3}' "$node_log")))
  rm -f "$node_log"
fi
# Steps that end with one "<name>: P passed, F failed" line run with the whole suite or TEST_GROUP=<name>;
# their counts join the total, and a step that printed no such line counts as one failure.
steps_passed=0
steps_failed=0
counted_step() {
  local name=$1
  shift
  [[ -z ${TEST_FILES:-} && ( -z ${TEST_GROUP:-} || ",${TEST_GROUP}," == *,$name,* ) ]] || return 0
  local step_log
  step_log=$(mktemp)
  "$@" 2>&1 | tee "$step_log" || status=1
  local summary="^$name: [0-9]+ passed, [0-9]+ failed"
  steps_passed=$((steps_passed + $(awk -v line="$summary" '$0 ~ line {p = $2} END {print p + 0}' "$step_log")))
  steps_failed=$((steps_failed + $(awk -v line="$summary" '$0 ~ line {f = $4; seen = 1} END {print seen ? f + 0 : 1}' "$step_log")))
  rm -f "$step_log"
}
# The package as hosts get it: npm pack, installed into React, Vue, Next.js and Svelte apps, type-checked,
# built and run in Chromium, then loaded from a second origin with SRI (test/hosts/run.mjs).
counted_step hosts node test/hosts/run.mjs
# Typed JSX from the packed package: tsc over Preact 10, Preact 11 and Solid sources that use the element
# right (must pass) and copies that misuse it (each must fail where marked), test/types/run.mjs.
counted_step types node test/types/run.mjs
# The server half in every runtime: the built handler served by node:http, Express 5, Bun, Deno and workerd
# (test/runtimes/run.mjs, which installs its own folder's dependencies when missing).
counted_step runtimes node test/runtimes/run.mjs
# The s3 group's S3 client (scripts/s3/, its own lock), installed the first time that group runs.
if [[ -z ${TEST_GROUP:-} || ",${TEST_GROUP}," == *,s3,* ]]; then
  bash scripts/ensure-deps.sh scripts/s3
fi
# hosts, types and runtimes are not browser groups: asked for alone, web-test-runner has nothing to run.
if [[ ! ${TEST_GROUP:-} =~ ^(hosts|types|runtimes)(,(hosts|types|runtimes))*$ ]]; then
  npx web-test-runner "$@" 2>&1 | tee "$log" || status=$?
fi
# The runner's last block holds each group's final line: "<Browser>: |…| n/n test files | P passed, F failed".
awk '
  # Any other printed line (logs, "Finished running tests") ends a block of progress lines.
  !/test files \| [0-9]+ passed, [0-9]+ failed/ { if (NF) block = 0; next }
  {
    if (!block) { passed = 0; failed = 0; block = 1 }
    match($0, /[0-9]+ passed/); passed += substr($0, RSTART, RLENGTH) + 0
    match($0, /[0-9]+ failed/); failed += substr($0, RSTART, RLENGTH) + 0
  }
  END { passed += node_passed + steps_passed; failed += node_failed + steps_failed; if (passed + failed > 0) printf "%d passed, %d failed\n", passed, failed }
' node_passed="$node_passed" node_failed="$node_failed" steps_passed="$steps_passed" steps_failed="$steps_failed" "$log"
exit "$status"
