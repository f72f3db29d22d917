#!/usr/bin/env bash
# The whole browser suite: Chromium groups (speech, silence, no permission,
# DOM-only, unit) and Firefox ESR. Generates the fake-microphone WAVs first and
# makes sure PulseAudio runs (Firefox's AudioContext needs a sound server).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/make-fixtures.sh >/dev/null
if command -v pulseaudio >/dev/null && ! pulseaudio --check 2>/dev/null; then
  pulseaudio -D --exit-idle-time=-1 --system=false 2>/dev/null || pulseaudio -D --exit-idle-time=-1 2>/dev/null || true
fi
exec npx web-test-runner "$@"
