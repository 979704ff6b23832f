#!/usr/bin/env bash
# A living course in a real window, as a student meets it: the release build under a private
# Xvfb (with openbox), keys and clicks sent with xdotool.
#   1. a folder holding only the 23-5 session is opened; the digest question is answered;
#   2. next week's session (23-6) is copied into the folder while the app runs;
#   3. the instructor answers the digest question in 23-5 (the file is rewritten).
# A screenshot after each step; the reload latency (file written → the reloaded course's
# notice logged, which happens in the frame that shows it) for steps 2 and 3.
#
#   tools/live-course-xvfb.sh [OUT_DIR]
# Needs: xvfb xdotool openbox imagemagick python3, and `cargo build --release` first.
set -u
out=${1:-$(mktemp -d)}
bin=${BIN:-target/release/study-companion}
display=:${DISPLAY_NUMBER:-58}
[ -x "$bin" ] || { echo "build first: cargo build --release"; exit 2; }
mkdir -p "$out/course" "$out/data" "$out/xdg"
cp content/msp-t3-23-5.md "$out/course/"
cp -r content/img "$out/course/"

Xvfb "$display" -screen 0 1920x1080x24 >/dev/null 2>&1 &
xvfb=$!
sleep 1
DISPLAY=$display openbox >/dev/null 2>&1 &
wm=$!
sleep 0.5
export DISPLAY=$display XDG_DATA_HOME="$out/xdg" XDG_RUNTIME_DIR=/tmp
"$bin" "$out/course" --data-dir "$out/data" >"$out/app.log" 2>&1 &
app=$!
xdotool search --sync --name "Study Companion" >/dev/null
sleep 2
now_ms() { date +%s%3N; }

# 1. Answer the digest question (the ninth).
for _ in 1 2 3 4 5 6 7 8 9; do xdotool key Down; sleep 0.15; done
xdotool mousemove 1512 376 click 1
sleep 0.3
xdotool type --delay 20 "sha256 of the image manifest"
sleep 1.5
import -window root "$out/1-answered.png"

# 2. Next week's session arrives.
t_session=$(now_ms)
cp tests/fixtures/sessions/msp-t3-23-6.md "$out/course/"
sleep 2
import -window root "$out/2-new-session.png"

# 3. The instructor answers the digest question.
t_answer=$(now_ms)
python3 - "$out/course/msp-t3-23-5.md" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s = s.replace("- digest는 뭔가요?\n  - ...\n", "- digest는 뭔가요?\n  - 이미지 매니페스트 내용의 sha256 해시입니다.\n")
open(p, "w", encoding="utf-8").write(s)
PY
sleep 2
import -window root "$out/3-answered-by-instructor.png"

xdotool key alt+F4
sleep 1
kill "$app" 2>/dev/null
kill "$wm" "$xvfb" 2>/dev/null

python3 - "$out/app.log" "$t_session" "$t_answer" <<'PY'
import datetime, re, sys
log, starts = sys.argv[1], [int(sys.argv[2]), int(sys.argv[3])]
times = []
for line in open(log, encoding="utf-8"):
    if "The notes changed" in line:
        stamp = re.match(r"\[(\S+)", line).group(1)
        t = datetime.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        times.append(int(t.timestamp() * 1000))
for name, start in zip(["new session", "instructor's answer"], starts):
    after = [t for t in times if t >= start]
    print(f"{name}: " + (f"{after[0] - start} ms from file written to reloaded" if after else "NOT RELOADED"))
PY
echo "screenshots and log in $out"
