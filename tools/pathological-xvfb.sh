#!/usr/bin/env bash
# Hostile notes in a real window: the release build under a private Xvfb opens each
# pathological note (cmark's pathological cases, as in `course::synthetic::pathological`,
# plus the issue's 3,000-level list and a decompression-bomb image) with `--screenshot`,
# which exits after the first complete frame. Prints, per case, the time to that frame (as
# the app logs it), the wall time and the peak RSS, next to the seed's. Fails when a case
# takes more than 2 s to its first complete frame or peaks above 2x the seed's memory.
#
#   tools/pathological-xvfb.sh [OUT_DIR]     (screenshots and logs land in OUT_DIR)
# Needs: xvfb python3 /usr/bin/time, and `cargo build --release` first.
set -u
out=${1:-$(mktemp -d)}
bin=${BIN:-target/release/study-companion}
display=:${DISPLAY_NUMBER:-61}
[ -x "$bin" ] || { echo "build first: cargo build --release"; exit 2; }
mkdir -p "$out/cases" "$out/data" "$out/xdg"

# The cases: each an answer under one question, as the synthetic module writes them.
python3 - "$out/cases" <<'PY'
import os, struct, sys, zlib
out = sys.argv[1]
def answer(body):
    return f"# 병리적 입력\n\n## Docker\n\n- 이 답변은 어떻게 보이나요?\n\n{body}\n"
cases = {
    "nested-strong-emphasis": "*a **a " * 65_000 + "b" + " a** a*" * 65_000,
    "emphasis-closers-without-openers": "a_ " * 65_000,
    "emphasis-openers-without-closers": "_a " * 65_000,
    "link-closers-without-openers": "a]" * 65_000,
    "link-openers-without-closers": "[a" * 65_000,
    "mismatched-openers-and-closers": "*a_ " * 50_000,
    "link-openers-and-emphasis-closers": "[ a_" * 50_000,
    "pattern-repeated": "[ (](" * 80_000,
    "nested-brackets": "[" * 50_000 + "a" + "]" * 50_000,
    "nested-block-quotes": "> " * 50_000 + "a",
    "deeply-nested-lists": "".join("  " * i + "* a\n" for i in range(1_000)),
    "nul-bytes": "abc\0de\0" * 1_000,
    "backtick-runs": "".join("e" + "`" * i for i in range(1, 2_500)),
    "unclosed-links": "[a](<b" * 30_000,
    "reference-definitions": "".join(f"[{i}]: u\n" for i in range(100_000)),
    "2-million-character-line": "가나다라 " * 400_000,
    "1-MB-line-of-code": "```bash\n" + "echo x; " * 131_072 + "\n```",
    # From the issue: 3,000 levels, 9 MB, mostly indentation.
    "3000-level-list": "".join("  " * i + "- a\n" for i in range(3_000)),
}
for name, body in cases.items():
    with open(os.path.join(out, name + ".md"), "w", encoding="utf-8") as f:
        f.write(answer(body))

# A 60,000 x 60,000 RGBA PNG of a few hundred bytes: 14 GB once decoded.
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
ihdr = struct.pack(">IIBBBBB", 60_000, 60_000, 8, 6, 0, 0, 0)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 1024)) + chunk(b"IEND", b"")
bomb = os.path.join(out, "bomb")
os.makedirs(os.path.join(bomb, "img"), exist_ok=True)
with open(os.path.join(bomb, "img", "bomb.png"), "wb") as f:
    f.write(png)
with open(os.path.join(bomb, "bomb.md"), "w", encoding="utf-8") as f:
    f.write(answer("![폭탄](img/bomb.png)\n\n그림 아래 글"))
PY

Xvfb "$display" -screen 0 1920x1080x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null' EXIT
sleep 1
export DISPLAY=$display XDG_DATA_HOME="$out/xdg" XDG_RUNTIME_DIR=/tmp RUST_LOG=info

# run NAME [PATH]: prints "frame_ms wall_s peak_mb" for one start-up.
run() {
  local name=$1 shot="$out/$1.png"
  shift
  rm -f "$shot"
  /usr/bin/time -f "%e %M" -o "$out/$name.time" \
    timeout 120 "$bin" "$@" --data-dir "$out/data" --screenshot "$shot" >"$out/$name.log" 2>&1
  local frame
  frame=$(sed -n 's/.*screenshot .* after \([0-9]*\) ms.*/\1/p' "$out/$name.log" | tail -1)
  read -r wall peak_kb <"$out/$name.time"
  echo "${frame:-none} $wall $((peak_kb / 1024))"
}

read -r seed_frame seed_wall seed_mb < <(run seed)
printf '%-36s %10s %8s %9s\n' case "frame ms" "wall s" "peak MB"
printf '%-36s %10s %8s %9s\n' seed "$seed_frame" "$seed_wall" "$seed_mb"
failed=0
for file in "$out"/cases/*.md "$out/cases/bomb"; do
  name=$(basename "$file" .md)
  read -r frame wall mb < <(run "$name" "$file")
  verdict=""
  if [ "$frame" = none ] || [ "$frame" -gt 2000 ] || [ "$mb" -gt $((2 * seed_mb)) ]; then
    verdict="  <- over the limit (2 s, 2x the seed's memory)"
    failed=1
  fi
  printf '%-36s %10s %8s %9s%s\n' "$name" "$frame" "$wall" "$mb" "$verdict"
done
echo "screenshots and logs: $out"
exit $failed
