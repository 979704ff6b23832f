#!/usr/bin/env bash
# Rebuilds assets/fonts/ from their public sources. Run from the project root.
# Needs: npm, python3 with fonttools (pip install fonttools),
#        apt-get install -y fonts-naver-d2coding fonts-noto-core
# The fonts are committed; this script only documents and repeats where they came from.
set -euo pipefail
out=assets/fonts
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Pretendard 1.3.9 (npm package "pretendard"), TrueType flavour, unmodified.
(cd "$tmp" && npm pack pretendard@1.3.9 >/dev/null 2>&1 && tar xzf pretendard-1.3.9.tgz)
for w in Regular Bold; do
  cp "$tmp/package/dist/public/static/alternative/Pretendard-$w.ttf" "$out/"
done
cp "$tmp/package/dist/LICENSE.txt" "$out/Pretendard-OFL.txt"

# D2Coding 1.3.2 (Debian fonts-naver-d2coding): face 0 of the upstream collection,
# split out of the .ttc unchanged (no glyph or table is altered).
python3 - "$out" <<'PY'
import sys
from fontTools.ttLib import TTCollection
c = TTCollection('/usr/share/fonts/truetype/naver-d2coding/D2Coding-Ver1.3.2-20180524-all.ttc')
assert c.fonts[0]['name'].getDebugName(4) == 'D2Coding'
c.fonts[0].save(sys.argv[1] + '/D2Coding.ttf')
# Face 1, D2Coding Bold, for the commands of terminal sessions: its Latin part only.
assert c.fonts[1]['name'].getDebugName(4) == 'D2Coding Bold'
c.fonts[1].save(sys.argv[1] + '/D2Coding-Bold-full.ttf')
PY
pyftsubset "$out/D2Coding-Bold-full.ttf" --layout-features='*' \
  --unicodes="U+0020-007E,U+00A0-00FF,U+2010-2027,U+2190-2193,U+2500-257F" \
  --output-file="$out/D2Coding-Bold-Latin.ttf"
rm "$out/D2Coding-Bold-full.ttf"
zcat -f /usr/share/doc/fonts-naver-d2coding/copyright > "$out/D2Coding-OFL.txt"

# Noto Sans Symbols 2 (Debian fonts-noto-core), unmodified: icons such as the code
# block copy button (U+1F5D0) and check marks that egui's default fonts lack.
cp /usr/share/fonts/truetype/noto/NotoSansSymbols2-Regular.ttf "$out/"
zcat -f /usr/share/doc/fonts-noto-core/copyright > "$out/NotoSansSymbols2-OFL.txt"
ls -la "$out"
