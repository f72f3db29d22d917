#!/usr/bin/env bash
# Builds the voice-activity bench's fixtures (48 kHz mono 16-bit WAVs, the
# format Chromium's fake microphone plays) from recordings of real people
# that Debian ships, plus synthetic noises. Written to .bench/vad/ (git-ignored);
# nothing here is committed but this script.
#
# Needs (Debian 12 package names):
#   apt-get install -y --no-install-recommends sox flite pocketsphinx-testdata \
#     asterisk-core-sounds-en-wav asterisk-core-sounds-es-wav asterisk-core-sounds-fr-wav \
#     asterisk-core-sounds-ru-wav asterisk-prompt-it-menardi-wav asterisk-moh-opsound-wav \
#     drascula drascula-spanish fillets-ng-data-cs espeak-ng
#
# Sources:
#   pocketsphinx-testdata   LibriVox read speech (16 kHz; a woman reading Austen) and AN4/TIDIGITS
#                           utterances (16 kHz; men saying commands and digits)
#   asterisk-core-sounds-*  phone-system prompts read by people (8 kHz): en-US, es-MX (Allison),
#                           fr-CA (June), ru-RU; asterisk-prompt-it-menardi: it-IT
#   asterisk-moh-opsound    instrumental music on hold (8 kHz)
#   flite                   diphone/cluster voices built from recorded people: awb (man), slt (woman)
#   drascula, -spanish      the voice acting of a comedy adventure (Alcachofa Soft, 1996; 11 kHz 8-bit):
#                           actors playing the hero, B.J., Drascula, Igor, a vampire…, shouting, pleading,
#                           joking: acted, expressive speech, the English cast and the Spanish one
#   espeak-ng               formant synthesis, no recorded person: Indonesian and Japanese, two of thymia's
#                           languages no Debian package ships recorded speech in (files named synth-*)
#   fillets-ng-data-cs      the Czech voice acting of Fish Fillets (Altar Games, 1998; ogg): a woman and a man
#                           playing two fish who bicker, joke and complain: acted dialogue
#
# Each file is deterministic (fixed file order, fixed noise seeds), so the
# Silero reference and the element see the same audio on every machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=.bench/vad
mkdir -p "$out"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

need() { command -v "$1" >/dev/null || { echo "missing $1: see the header of $0 for the packages" >&2; exit 1; }; }
need sox; need flite; need espeak-ng
PS=/usr/share/pocketsphinx/test/data
AST=/usr/share/asterisk/sounds
MOH=/usr/share/asterisk/moh
DRAS=/usr/share/scummvm/drascula
FISH=/usr/share/games/fillets-ng/sound
for dir in "$DRAS/en" "$DRAS/es" "$FISH/airplane/cs" "$PS/librivox" "$AST/en_US_f_Allison" "$AST/es_MX_f_Allison" "$AST/fr_CA_f_June" "$AST/ru_RU_f_IvrvoiceRU" "$AST/it_IT_f_Menardi" "$MOH"; do
  [ -d "$dir" ] || { echo "missing $dir: see the header of $0 for the packages" >&2; exit 1; }
done

FMT=(-r 48000 -c 1 -b 16 -e signed-integer)
# -R: sox seeds its noise generators with a fixed number, so every build is the same audio.
SOX=(sox -R -V1)

norm() { "${SOX[@]}" "$1" "${FMT[@]}" "$2" gain -n -3; }                   # peak −3 dBFS, 48 kHz
tone() { "${SOX[@]}" -n "${FMT[@]}" "$1" synth "$2" pinknoise vol "$3"; } # room tone (pink, quiet)
gap() { "${SOX[@]}" -n "${FMT[@]}" "$1" synth "$2" pinknoise vol 0.0008; }
rms() { sox "$1" -n stat 2>&1 | awk '/RMS +amplitude/ {print $3}'; }

# Concatenates files (any rate) with a pause of $gap seconds between them until $seconds are filled.
# usage: sequence OUT SECONDS GAP FILE…
sequence() {
  local target=$1 seconds=$2 pause=$3; shift 3
  local parts=() total=0 i=0 len
  gap "$tmp/gap.wav" "$pause"
  gap "$tmp/lead.wav" 0.4
  parts+=("$tmp/lead.wav")
  for file in "$@"; do
    i=$((i + 1))
    "${SOX[@]}" "$file" "${FMT[@]}" "$tmp/part$i.wav" gain -n -3
    len=$(soxi -D "$tmp/part$i.wav")
    parts+=("$tmp/part$i.wav" "$tmp/gap.wav")
    total=$(awk -v a="$total" -v b="$len" -v g="$pause" 'BEGIN {print a + b + g}')
    awk -v t="$total" -v s="$seconds" 'BEGIN {exit !(t >= s)}' && break
  done
  "${SOX[@]}" "${parts[@]}" "$tmp/seq.wav"
  "${SOX[@]}" "$tmp/seq.wav" "$target" trim 0 "$seconds"
}

# Every prompt of a language, sorted by name, longer ones first pick (sentences, not digits).
prompts() {
  local dir=$1 min=${2:-1.5}
  for f in $(ls "$dir"/*.wav | LC_ALL=C sort); do
    awk -v d="$(soxi -D "$f")" -v m="$min" 'BEGIN {exit !(d >= m)}' && echo "$f"
  done
}

# Mixes speech with noise at a signal-to-noise ratio (whole-file RMS), noise looped/trimmed to length.
# usage: mix OUT SPEECH NOISE SNR_DB
mix() {
  local speech_rms noise_rms factor
  speech_rms=$(rms "$2"); noise_rms=$(rms "$3")
  factor=$(awk -v s="$speech_rms" -v n="$noise_rms" -v snr="$4" 'BEGIN {print (s / n) / (10 ^ (snr / 20))}')
  "${SOX[@]}" -m -v 1 "$2" -v "$factor" "$3" "$1" trim 0 "$(soxi -D "$2")"
  "${SOX[@]}" "$1" "$tmp/mixed.wav" gain -n -3 && mv "$tmp/mixed.wav" "$1"
}

echo "building fixtures in $out …"

# ── Speech: read aloud ───────────────────────────────────────────────────
sequence "$out/read-en-librivox.wav" 20 0.15 "$PS"/librivox/*.wav "$PS"/librivox/*.wav
for raw in goforward numbers something tidigits/dhd.2934z; do
  "${SOX[@]}" -t raw -r 16000 -e signed-integer -b 16 -c 1 "$PS/$raw.raw" "$tmp/an4-${raw//\//-}.wav"
done
sequence "$out/read-en-men-an4.wav" 20 0.3 "$tmp"/an4-*.wav "$PS"/cards/*.wav "$tmp"/an4-*.wav
mapfile -t en < <(prompts "$AST/en_US_f_Allison" 2.0)
sequence "$out/read-en-us-allison.wav" 20 0.3 "${en[@]:0:40}"
mapfile -t es < <(prompts "$AST/es_MX_f_Allison" 2.0)
sequence "$out/read-es-mx.wav" 20 0.3 "${es[@]:0:40}"
mapfile -t fr < <(prompts "$AST/fr_CA_f_June" 2.0)
sequence "$out/read-fr-ca.wav" 20 0.3 "${fr[@]:0:40}"
mapfile -t ru < <(prompts "$AST/ru_RU_f_IvrvoiceRU" 2.0)
sequence "$out/read-ru.wav" 20 0.3 "${ru[@]:0:40}"
mapfile -t it < <(prompts "$AST/it_IT_f_Menardi" 2.0)
sequence "$out/read-it.wav" 20 0.3 "${it[@]:0:40}"

TEXT="The North Wind and the Sun were disputing which was the stronger, when a traveller came along wrapped in a warm cloak. They agreed that the one who first succeeded in making the traveller take his cloak off should be considered stronger than the other."
flite -voice awb -t "$TEXT" -o "$tmp/awb.wav"
flite -voice slt -t "$TEXT" -o "$tmp/slt.wav"
sequence "$out/flite-awb-man.wav" 15 0.3 "$tmp/awb.wav"
sequence "$out/flite-slt-woman.wav" 15 0.3 "$tmp/slt.wav"
# Synthesized, labelled so: the fable in Indonesian and in Japanese (kana), which no recorded package has.
espeak-ng -v id -w "$tmp/id.wav" "Angin utara dan matahari sedang berdebat tentang siapa yang lebih kuat, ketika seorang pengembara datang dengan berselimut mantel tebal. Mereka sepakat bahwa siapa yang pertama berhasil membuat pengembara itu melepaskan mantelnya akan dianggap lebih kuat."
espeak-ng -v ja -w "$tmp/ja.wav" "きたかぜと たいようが、どちらが つよいか いいあらそって いました。そこへ、あたたかい がいとうを きた たびびとが やってきました。さきに たびびとの がいとうを ぬがせたほうが かちだと きめました。"
sequence "$out/synth-id-espeak.wav" 15 0.3 "$tmp/id.wav"
sequence "$out/synth-ja-espeak.wav" 15 0.3 "$tmp/ja.wav"

# ── Speech: acted, expressive (a cast's lines in turn, as in a dialogue) ─
# usage: dialogue OUT SECONDS DIR: the k-th line of 1.5 s or more of each character in turn (fixed order),
# 0.35 s apart, levels as the actors gave them (the whole normalised once, not each line).
# The lines of 1.5 s or more (16,538 bytes at 11,025 Hz) of one character (file-name prefix), in natural order.
lines_of() {
  local g
  for g in "$1"/*.ALS; do
    if [[ $(basename "$g") =~ ^$2[0-9]+\.ALS$ ]] && [ "$(stat -c %s "$g")" -ge 16538 ]; then echo "$g"; fi
  done | sort -V
}
# usage: turns OUT SECONDS FILE…: the lines in the order given, 0.35 s apart, until SECONDS are filled;
# levels as the actors gave them (the whole normalised once, not each line). Raw .ALS files are 11,025 Hz 8-bit.
turns() {
  local target=$1 seconds=$2 parts=() total=0 f len n=0; shift 2
  gap "$tmp/d-gap.wav" 0.35; gap "$tmp/d-lead.wav" 0.4
  parts+=("$tmp/d-lead.wav")
  for f in "$@"; do
    n=$((n + 1))
    case $f in
      *.ALS) "${SOX[@]}" -t raw -r 11025 -e unsigned -b 8 -c 1 "$f" "${FMT[@]}" "$tmp/d$n.wav" ;;
      *) "${SOX[@]}" "$f" "${FMT[@]}" "$tmp/d$n.wav" ;;
    esac
    len=$(soxi -D "$tmp/d$n.wav")
    parts+=("$tmp/d$n.wav" "$tmp/d-gap.wav")
    total=$(awk -v a="$total" -v b="$len" 'BEGIN {print a + b + 0.35}')
    if awk -v t="$total" -v s="$seconds" 'BEGIN {exit !(t >= s)}'; then break; fi
  done
  "${SOX[@]}" "${parts[@]}" "$tmp/dialogue.wav"
  "${SOX[@]}" "$tmp/dialogue.wav" "$target" trim 0 "$seconds" gain -n -3
}
# The k-th line of each character of the game in turn (the hero, B.J., Drascula, Igor, the vampire…), k = 1, 2, …
cast_in_turn() {
  local dir=$1 round who f
  declare -A cast=()
  for who in '' BJ D I VB L T B E P; do cast[x$who]=$(lines_of "$dir" "$who"); done
  for round in 1 2 3 4 5 6 7 8; do
    for who in '' BJ D I VB L T B E P; do
      f=$(sed -n "${round}p" <<<"${cast[x$who]}")
      if [ -n "$f" ]; then echo "$f"; fi
    done
  done
}
mapfile -t lines < <(cast_in_turn "$DRAS/en"); turns "$out/acted-en-drascula.wav" 30 "${lines[@]}"
mapfile -t lines < <(cast_in_turn "$DRAS/es"); turns "$out/acted-es-drascula.wav" 30 "${lines[@]}"
# Two fish bickering (Czech): the small one's and the big one's lines of the first levels, in turn.
lines=()
for level in airplane alibaba atlantis barrel; do
  mapfile -t small < <(ls "$FISH/$level/cs/"*-m-*.ogg | LC_ALL=C sort)
  mapfile -t big < <(ls "$FISH/$level/cs/"*-v-*.ogg | LC_ALL=C sort)
  for ((k = 0; k < ${#small[@]} || k < ${#big[@]}; k++)); do
    if [ -n "${small[k]:-}" ]; then lines+=("${small[k]}"); fi
    if [ -n "${big[k]:-}" ]; then lines+=("${big[k]}"); fi
  done
done
turns "$out/acted-cs-fillets.wav" 30 "${lines[@]}"

# ── Speech: conversation-like (answers with 2–4 s pauses between them) ───
gap "$tmp/p2.wav" 2.0; gap "$tmp/p3.wav" 3.0; gap "$tmp/p4.wav" 4.0; gap "$tmp/p25.wav" 2.5
i=0; conv=("$tmp/lead-c.wav"); gap "$tmp/lead-c.wav" 0.4
for f in "$PS/librivox/sense_and_sensibility_01_austen_64kb-0870.wav" "${en[5]}" "$PS/librivox/sense_and_sensibility_01_austen_64kb-0920.wav" "${en[12]}" "$PS/librivox/sense_and_sensibility_01_austen_64kb-0890.wav" "${en[20]}"; do
  i=$((i + 1)); norm "$f" "$tmp/c$i.wav"; conv+=("$tmp/c$i.wav")
  case $i in 1) conv+=("$tmp/p3.wav") ;; 2) conv+=("$tmp/p2.wav") ;; 3) conv+=("$tmp/p4.wav") ;; 4) conv+=("$tmp/p25.wav") ;; 5) conv+=("$tmp/p3.wav") ;; esac
done
"${SOX[@]}" "${conv[@]}" "$tmp/conv.wav"
"${SOX[@]}" "$tmp/conv.wav" "$out/conversation-en.wav" trim 0 30

# ── Noises (each 30 s) ───────────────────────────────────────────────────
"${SOX[@]}" -n "${FMT[@]}" "$out/noise-pink.wav" synth 30 pinknoise vol 0.1
# A fan: broadband rumble (brown noise, low-passed), airflow hiss, and its blade-pass tone, slowly wavering.
"${SOX[@]}" -n "${FMT[@]}" "$tmp/fan-rumble.wav" synth 31 brownnoise vol 0.6 lowpass 900
"${SOX[@]}" -n "${FMT[@]}" "$tmp/fan-hiss.wav" synth 31 pinknoise vol 0.05 highpass 800 lowpass 5000
"${SOX[@]}" -n "${FMT[@]}" "$tmp/fan-blade.wav" synth 31 sine 118 vol 0.03 tremolo 0.7 20
"${SOX[@]}" -m "$tmp/fan-rumble.wav" "$tmp/fan-hiss.wav" "$tmp/fan-blade.wav" "$tmp/fan.wav"
"${SOX[@]}" "$tmp/fan.wav" "$out/noise-fan.wav" trim 0 30 gain -n -6
# Breathing: an inhale (1.2 s) and an exhale (1.8 s) of shaped noise every ~4 s, near the microphone.
"${SOX[@]}" -n "${FMT[@]}" "$tmp/in.wav" synth 1.2 pinknoise vol 0.12 highpass 400 lowpass 3000 fade q 0.5 1.2 0.6
"${SOX[@]}" -n "${FMT[@]}" "$tmp/ex.wav" synth 1.8 brownnoise vol 0.2 highpass 200 lowpass 1800 fade q 0.3 1.8 1.2
gap "$tmp/b-gap.wav" 0.4; gap "$tmp/b-rest.wav" 0.6
breath=(); for _ in 1 2 3 4 5 6 7 8; do breath+=("$tmp/in.wav" "$tmp/b-gap.wav" "$tmp/ex.wav" "$tmp/b-rest.wav"); done
"${SOX[@]}" "${breath[@]}" "$tmp/breath.wav"
"${SOX[@]}" "$tmp/breath.wav" "$out/noise-breathing.wav" trim 0 30
# Mains hum with harmonics: 15 s at 50 Hz, 15 s at 60 Hz (a rectifier's buzz: odd and even harmonics).
for base in 50 60; do
  hum=()
  for h in 1 2 3 4 5 7 9; do
    "${SOX[@]}" -n "${FMT[@]}" "$tmp/h$base-$h.wav" synth 15 sine $((base * h)) vol "$(awk -v h=$h 'BEGIN {print 0.3 / h}')"
    hum+=("$tmp/h$base-$h.wav")
  done
  "${SOX[@]}" -m "${hum[@]}" "$tmp/hum$base.wav"
done
"${SOX[@]}" "$tmp/hum50.wav" "$tmp/hum60.wav" "$out/noise-hum.wav" gain -n -12
# Music on hold: 10 s from each of three instrumental tracks.
"${SOX[@]}" "$MOH/macroform-cold_day.wav" "${FMT[@]}" "$tmp/m1.wav" trim 30 10
"${SOX[@]}" "$MOH/manolo_camp-morning_coffee.wav" "${FMT[@]}" "$tmp/m2.wav" trim 30 10
"${SOX[@]}" "$MOH/reno_project-system.wav" "${FMT[@]}" "$tmp/m3.wav" trim 30 10
"${SOX[@]}" "$tmp/m1.wav" "$tmp/m2.wav" "$tmp/m3.wav" "$out/noise-music.wav" gain -n -3
# A quiet room: faint pink noise, a far-off hum and air conditioning rumble.
"${SOX[@]}" -n "${FMT[@]}" "$tmp/room1.wav" synth 30 pinknoise vol 0.002
"${SOX[@]}" -n "${FMT[@]}" "$tmp/room2.wav" synth 30 brownnoise vol 0.01 lowpass 300
"${SOX[@]}" -m "$tmp/room1.wav" "$tmp/room2.wav" "$out/noise-room-tone.wav"

# ── Speech in noise, quiet speech ────────────────────────────────────────
mix "$out/noisy-pink-10db.wav" "$out/read-en-librivox.wav" "$out/noise-pink.wav" 10
mix "$out/noisy-fan-0db.wav" "$out/read-en-us-allison.wav" "$out/noise-fan.wav" 0
"${SOX[@]}" "$out/read-en-librivox.wav" "$out/quiet-20db.wav" gain -20
# The same harder cases on other voices: acted speech over the fan, quiet acted and quiet read speech.
mix "$out/noisy-fan-0db-acted-en.wav" "$out/acted-en-drascula.wav" "$out/noise-fan.wav" 0
mix "$out/noisy-fan-0db-acted-es.wav" "$out/acted-es-drascula.wav" "$out/noise-fan.wav" 0
mix "$out/noisy-fan-0db-librivox.wav" "$out/read-en-librivox.wav" "$out/noise-fan.wav" 0
"${SOX[@]}" "$out/acted-en-drascula.wav" "$out/quiet-20db-acted-en.wav" gain -20
"${SOX[@]}" "$out/acted-es-drascula.wav" "$out/quiet-20db-acted-es.wav" gain -20
"${SOX[@]}" "$out/read-en-us-allison.wav" "$out/quiet-20db-allison.wav" gain -20

# ── Borderline: ~9.5 s of speech in ~10.4 s ──────────────────────────────
# Continuous reading (pauses over 0.1 s cut out), 9.9 s of it (Silero: ~9.4 s of speech), padded with room tone.
"${SOX[@]}" "$out/read-en-librivox.wav" "$tmp/dense.wav" trim 0.4 silence -l 1 0.05 -45d -1 0.1 -45d
"${SOX[@]}" "$tmp/dense.wav" "$tmp/dense99.wav" trim 0 9.9 fade 0.01 9.9 0.05
gap "$tmp/pad.wav" 0.25
"${SOX[@]}" "$tmp/pad.wav" "$tmp/dense99.wav" "$tmp/pad.wav" "$out/borderline-9.5s.wav"

for f in "$out"/*.wav; do printf '%-28s %6.2f s\n' "$(basename "$f")" "$(soxi -D "$f")"; done
