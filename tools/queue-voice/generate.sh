#!/usr/bin/env bash
# Regenerates the spoken clips the display board plays when the browser has no Vietnamese voice:
# "Mời số", the letters A–Z, the digits 0–9 and "đến quầy số", with espeak-ng (Vietnamese, northern)
# and sox (silence trimmed, 16 kHz Ogg Vorbis, ~5 KB each). Needs: apt-get install espeak-ng sox.
# The clips are generated output, not part of espeak-ng; they ship under the project's licence.
set -euo pipefail
out="$(cd "$(dirname "$0")/../.." && pwd)/apps/web/public/queue-voice/vi"
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

say() { # name, text
  espeak-ng -v vi -s 135 -w "$tmp/$1.wav" "$2"
  sox "$tmp/$1.wav" -r 16000 -C 1 "$out/$1.ogg" gain -n -1 silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse
}

say moi-so "Mời số"
say den-quay-so "đến quầy số"
digits=(không một hai ba bốn năm sáu bảy tám chín)
for i in "${!digits[@]}"; do say "digit-$i" "${digits[$i]}"; done
# Vietnamese names of the Latin letters, as read out in offices.
letters=(A:a B:bê C:xê D:dê E:e F:ép G:giê H:hát I:i J:gi K:ca L:lờ M:mờ N:nờ O:o P:pê Q:quy R:rờ S:ét T:tê U:u V:vê W:vê\ kép X:ích Y:i\ dài Z:dét)
for pair in "${letters[@]}"; do say "letter-${pair%%:*}" "${pair#*:}"; done
du -sh "$out"
