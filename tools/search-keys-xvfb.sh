#!/usr/bin/env bash
# The search keys in a real window, at machine speed: the release build under a private Xvfb
# (with openbox), keys sent with xdotool. For each query, RUNS times (the app closed with
# Alt+F4 and started again in between, so it starts from the selection it remembered):
#   Ctrl+F, `xdotool type --delay 1 QUERY; xdotool key Return` (no pause), Ctrl+D,
#   Esc, ↓, Ctrl+D
# The oracle is what Ctrl+D bookmarked (read back from the notes file): the first result of
# the query, then, after Esc, the question after it in the reading view. A last run checks
# that Ctrl+F selects the old query: Ctrl+F expose Enter, Ctrl+F digest Enter, Ctrl+D must
# bookmark the digest question (typing must not append to "expose").
#
#   tools/search-keys-xvfb.sh [RUNS] [OUT_DIR]
# Needs: xvfb xdotool openbox imagemagick, and `cargo build --release` first.
set -u
runs=${1:-5}
out=${2:-$(mktemp -d)}
bin=${BIN:-target/release/study-companion}
display=:${DISPLAY_NUMBER:-57}
mkdir -p "$out"
[ -x "$bin" ] || { echo "build first: cargo build --release"; exit 2; }

Xvfb "$display" -screen 0 1920x1080x24 >/dev/null 2>&1 &
xvfb=$!
sleep 1
DISPLAY=$display openbox >/dev/null 2>&1 &
wm=$!
sleep 0.5
export DISPLAY=$display
# The search box as it looks empty and unfocused (cropped from a screenshot).
box_crop() { import -window root -crop 600x40+1150+95 +repage "$1"; }
# The remembered state lives here, apart from the user's.
export XDG_DATA_HOME="$out/xdg-data" XDG_RUNTIME_DIR=/tmp
mkdir -p "$XDG_DATA_HOME"

app=""
start_app() {
  "$bin" --data-dir "$1" >"$1.log" 2>&1 &
  app=$!
  xdotool search --sync --name "Study Companion" >/dev/null
  sleep 1.5
}
stop_app() {
  xdotool key alt+F4
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    kill -0 "$app" 2>/dev/null || return 0
    sleep 0.3
  done
  kill "$app" 2>/dev/null
  wait "$app" 2>/dev/null
}
# The bookmarked questions of a notes folder, one per line, sorted.
bookmarked() {
  python3 - "$1" <<'PY'
import json, pathlib, sys
for f in pathlib.Path(sys.argv[1]).glob("**/*.notes.json"):
    for n in json.loads(f.read_text())["notes"]:
        if n.get("bookmarked"):
            print(n["question"])
PY
}

declare -A first=(
  [expose]="EXPOSE는 80으로 설정하고 docker run -p 8080:8080 로 하면 어떻게 되나요?"
  [digest]="digest는 뭔가요?"
  [docker pull]="docker run을 실행하면 docker pull은 같이 수행되나요?"
)
declare -A after=(
  [expose]="COPY는 storage(volume, bind mount 등)와는 어떤 관련이 있나요?"
  [digest]="pull때 기본 디렉토리는 library/ 이고, push때 기본 디렉토리는 docker.io/ 인가요?"
  [docker pull]="이미지는 push시에 다른 버젼으로 자동으로 생성해 주는 건가요?"
)

pass=0
fail=0
# check WHAT GOT WANT: one line of the report.
check() {
  if [ "$2" = "$3" ]; then
    pass=$((pass + 1))
    echo "ok    $1"
  else
    fail=$((fail + 1))
    echo "FAIL  $1: got [$2]"
  fi
}
for query in expose digest "docker pull"; do
  for run in $(seq 1 "$runs"); do
    dir="$out/${query// /-}-$run"
    mkdir -p "$dir"
    start_app "$dir"
    xdotool key ctrl+f
    sleep 0.3
    xdotool type --delay 1 "$query"; xdotool key Return
    sleep 0.5
    xdotool key ctrl+d
    sleep 0.5
    [ "$run" = 1 ] && import -window root "$dir-enter.png"
    xdotool key Escape
    sleep 0.3
    xdotool key Down
    sleep 0.3
    xdotool key ctrl+d
    sleep 0.5
    [ "$run" = 1 ] && import -window root "$dir-esc-down.png"
    stop_app
    want=$(printf '%s\n%s\n' "${first[$query]}" "${after[$query]}" | sort)
    check "'$query' run $run" "$(bookmarked "$dir" | sort)" "$want"
  done
done

# Ctrl+F selects the old query: the second query replaces it.
dir="$out/replace"
mkdir -p "$dir"
start_app "$dir"
xdotool key ctrl+f; sleep 0.3
xdotool type --delay 1 expose; xdotool key Return; sleep 0.5
xdotool key ctrl+f; sleep 0.3
xdotool type --delay 1 digest; xdotool key Return; sleep 0.5
xdotool key ctrl+d; sleep 0.5
import -window root "$dir.png"
stop_app
check "Ctrl+F selects the old query" "$(bookmarked "$dir")" "${first[digest]}"

# Esc one frame after Ctrl+F (egui drops the box's focus on that Esc before the app runs):
# the query is cleared and the box looks as it did at start.
dir="$out/esc-after-ctrl-f"
mkdir -p "$dir"
start_app "$dir"
box_crop "$dir-start.png"
for run in $(seq 1 "$runs"); do
  xdotool key ctrl+f; sleep 0.3
  xdotool type --delay 1 digest; sleep 0.3
  # A click on the first result moves the focus out of the box; the query stays.
  xdotool mousemove 420 250 click 1; sleep 0.5
  xdotool key ctrl+f; sleep 0.04; xdotool key Escape; sleep 0.5
  box_crop "$dir-$run.png"
  # Differing pixels against the box at start.
  check "Esc right after Ctrl+F clears, run $run" \
    "$(compare -metric AE "$dir-start.png" "$dir-$run.png" null: 2>&1)" 0
done
stop_app

kill "$wm" "$xvfb" 2>/dev/null
echo "$pass passed, $fail failed (screenshots and logs in $out)"
[ "$fail" = 0 ]
