#!/usr/bin/env bash
# Generates the fake-microphone WAVs the browser tests feed to Chromium.
# speech.wav  — synthetic continuous speech (espeak-ng), looped by Chromium.
# silence.wav — what must NOT count as speech: near-silence, breaths, steady fan noise and mains hum.
set -euo pipefail
cd "$(dirname "$0")/../test/fixtures"
command -v espeak-ng >/dev/null && command -v sox >/dev/null || { echo "need espeak-ng and sox" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
if [ ! -s speech.wav ]; then
  espeak-ng -v en-us -s 150 -w "$tmp/raw.wav" \
    "The North Wind and the Sun were disputing which was the stronger, when a traveller came along wrapped in a warm cloak. They agreed that the one who first succeeded in making the traveller take his cloak off should be considered stronger than the other. Then the North Wind blew as hard as he could, but the more he blew the more closely did the traveller fold his cloak around him; and at last the North Wind gave up the attempt. Then the Sun shined out warmly, and immediately the traveller took off his cloak."
  sox "$tmp/raw.wav" -r 48000 -c 1 -b 16 speech.wav gain -n -6
fi
if [ ! -s silence.wav ]; then
  sox -n -r 48000 -c 1 -b 16 "$tmp/quiet.wav" synth 4 whitenoise vol 0.0005
  # Breaths: band-limited noise swelling in and out.
  sox -n -r 48000 -c 1 -b 16 "$tmp/breath.wav" synth 1.4 pinknoise vol 0.05 highpass 300 lowpass 2500 fade q 0.6 1.4 0.7
  sox "$tmp/breath.wav" "$tmp/quiet.wav" "$tmp/breath.wav" "$tmp/breaths.wav"
  sox -n -r 48000 -c 1 -b 16 "$tmp/fan.wav" synth 5 brownnoise vol 0.08
  sox -n -r 48000 -c 1 -b 16 "$tmp/hum.wav" synth 4 sine 100 sine 200 vol 0.05
  sox "$tmp/quiet.wav" "$tmp/breaths.wav" "$tmp/fan.wav" "$tmp/hum.wav" silence.wav
fi
soxi -D speech.wav silence.wav
