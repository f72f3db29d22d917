#!/usr/bin/env bash
# The whole browser suite: Chromium groups (speech, silence, no permission,
# DOM-only, unit) and Firefox ESR. Generates the fake-microphone WAVs first and
# makes sure PulseAudio runs (Firefox's AudioContext needs a sound server).
# Ends with one plain "N passed, N failed" line summing every group.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/make-fixtures.sh >/dev/null
if command -v pulseaudio >/dev/null && ! pulseaudio --check 2>/dev/null; then
  pulseaudio -D --exit-idle-time=-1 2>/dev/null || true
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
npx web-test-runner "$@" 2>&1 | tee "$log" || status=$?
# The runner's last block holds each group's final line: "<Browser>: |…| n/n test files | P passed, F failed".
awk '
  # Any other printed line (logs, "Finished running tests") ends a block of progress lines.
  !/test files \| [0-9]+ passed, [0-9]+ failed/ { if (NF) block = 0; next }
  {
    if (!block) { passed = 0; failed = 0; block = 1 }
    match($0, /[0-9]+ passed/); passed += substr($0, RSTART, RLENGTH) + 0
    match($0, /[0-9]+ failed/); failed += substr($0, RSTART, RLENGTH) + 0
  }
  END { if (passed + failed > 0) printf "%d passed, %d failed\n", passed, failed }
' "$log"
exit "$status"
