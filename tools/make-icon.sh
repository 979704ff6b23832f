#!/usr/bin/env bash
# Draws the app icon into assets/icon/: a blue rounded square with a white speech bubble
# holding a "?" (a class question) and three green review ticks under it — at 256 px, and
# redrawn (not only scaled) at 48, 32 and 16 px, where the ticks go and the bubble fills
# the square so the mark stays legible. Run from the project root.
# Needs: apt-get install -y imagemagick icnsutils. The "?" is set in the bundled Pretendard Bold.
set -euo pipefail
out=assets/icon
font=assets/fonts/Pretendard-Bold.ttf
mkdir -p "$out"

# draw SIZE DETAILED: one icon, drawn on a 4x canvas and scaled down (anti-aliasing).
draw() {
  local size=$1 detailed=$2 s=$(( $1 * 4 ))
  local r=$(( s * 22 / 100 ))
  local args=(
    -size "${s}x${s}" xc:none
    -fill '#1a5fc8' -draw "roundrectangle 0,0 $((s - 1)),$((s - 1)) $r,$r"
  )
  if [ "$detailed" = 1 ]; then
    # Bubble in the upper part, tail at its lower left, ticks below.
    local bx0=$(( s * 16 / 100 )) by0=$(( s * 14 / 100 )) bx1=$(( s * 84 / 100 )) by1=$(( s * 66 / 100 ))
    args+=(
      -fill white -draw "roundrectangle $bx0,$by0 $bx1,$by1 $(( s * 12 / 100 )),$(( s * 12 / 100 ))"
      -draw "polygon $(( s * 26 / 100 )),$(( by1 - 2 )) $(( s * 44 / 100 )),$(( by1 - 2 )) $(( s * 24 / 100 )),$(( s * 78 / 100 ))"
      -font "$font" -pointsize $(( s * 40 / 100 )) -fill '#1a5fc8' -gravity north
      -annotate +0+$(( s * 14 / 100 )) '?'
      -gravity northwest -stroke '#5cc87a' -strokewidth $(( s * 5 / 100 )) -fill none
    )
    local x
    for x in 52 66 80; do
      local cx=$(( s * x / 100 )) cy=$(( s * 82 / 100 )) d=$(( s * 4 / 100 ))
      args+=(-draw "polyline $((cx - d)),$cy $((cx - d / 3)),$((cy + d)) $((cx + d)),$((cy - d))")
    done
  else
    # Small sizes: the bubble fills the square, the "?" as large as it fits.
    local m=$(( s * 12 / 100 ))
    args+=(
      -fill white -draw "roundrectangle $m,$m $((s - m)),$(( s * 76 / 100 )) $(( s * 14 / 100 )),$(( s * 14 / 100 ))"
      -draw "polygon $(( s * 24 / 100 )),$(( s * 74 / 100 )) $(( s * 48 / 100 )),$(( s * 74 / 100 )) $(( s * 20 / 100 )),$(( s * 92 / 100 ))"
      -font "$font" -pointsize $(( s * 62 / 100 )) -fill '#1a5fc8' -gravity north
      -annotate +0+$(( s * 4 / 100 )) '?'
    )
  fi
  convert "${args[@]}" -resize "${size}x${size}" -strip "PNG32:$out/study-companion-$size.png"
}

draw 256 1
draw 48 1
draw 32 0
draw 16 0

# The same pictures for Windows (the exe's and the installer's icon) and macOS (the .app's),
# each size as drawn above, never rescaled. A unit test checks they hold exactly these PNGs'
# pixels (src/desktop.rs).
# An .ico is a directory of pictures; each entry here is one PNG file's bytes, as Windows
# reads them since Vista.
python3 - "$out" <<'PY'
import struct, sys
out = sys.argv[1]
pngs = [open(f"{out}/study-companion-{s}.png", "rb").read() for s in (16, 32, 48, 256)]
head = struct.pack("<HHH", 0, 1, len(pngs))
offset = 6 + 16 * len(pngs)
entries = b""
for size, png in zip((16, 32, 48, 256), pngs):
    entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png), offset)
    offset += len(png)
open(f"{out}/study-companion.ico", "wb").write(head + entries + b"".join(pngs))
PY
# png2icns, from Debian's icnsutils.
png2icns "$out/study-companion.icns" "$out/study-companion-16.png" "$out/study-companion-32.png" \
  "$out/study-companion-48.png" "$out/study-companion-256.png" >/dev/null
ls -l "$out"
