#!/usr/bin/env bash
# Makes the committed audio fixtures in test/fixtures/audio (see its README.md) from synthetic speech, and
# the references the tests compare against. Needs Debian's espeak-ng, sox, opus-tools, lame and python3
# with NumPy (`apt-get install -y espeak-ng sox opus-tools lame python3-numpy`); the tests need none of them.
#   <lang>.wav             the sentence at 16 kHz, mono, 16-bit: the input of the log-mel reference
#   <lang>.opus            the sentence as a Telegram voice note: 48 kHz mono Ogg/Opus, 24 kbit/s
#   <lang>.opusdec.s16.gz  libopus's decoding of <lang>.opus (opusdec --rate 48000 --no-dither), raw s16le
#   <lang>.logmel.f32.gz   scripts/reference/whisper-logmel.py's 80x3000 matrix of <lang>.wav, raw f32le
#   en.mp3                 the English sentence as MPEG-2 Layer III, 22.05 kHz, 48 kbit/s (a resampled path)
set -euo pipefail
cd "$(dirname "$0")/.."
out=test/fixtures/audio
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"

declare -A voice=([en]=en-us [zh]=cmn)
declare -A text=(
  [en]="I have a red rash on my arm, and it itches."
  [zh]="手上有红疹，很痒。"
)

for lang in en zh; do
  # espeak-ng speaks at 22.05 kHz; 170 words a minute keeps each sentence under 3 s.
  espeak-ng -v "${voice[$lang]}" -s 170 -w "$tmp/$lang.wav" "${text[$lang]}"
  sox -D "$tmp/$lang.wav" -r 16000 -c 1 -b 16 "$out/$lang.wav" rate -v
  sox -D "$tmp/$lang.wav" -r 48000 -c 1 -b 16 "$tmp/$lang-48k.wav" rate -v
  # sox -D: no dither, and --serial fixed, so that a rerun gives the same bytes.
  opusenc --quiet --bitrate 24 --serial 1234 "$tmp/$lang-48k.wav" "$out/$lang.opus"
  opusdec --quiet --rate 48000 --no-dither "$out/$lang.opus" "$tmp/$lang.raw"
  gzip -9nc "$tmp/$lang.raw" >"$out/$lang.opusdec.s16.gz"
  python3 scripts/reference/whisper-logmel.py "$out/$lang.wav" "$tmp/$lang.logmel.f32"
  gzip -9nc "$tmp/$lang.logmel.f32" >"$out/$lang.logmel.f32.gz"
done

lame --quiet -b 48 "$tmp/en.wav" "$out/en.mp3"
ls -l "$out"
