#!/usr/bin/env bash
# The course repository at its real size, in a real window: a repository made by
# tools/make-scaled-repo.py (400 files, 60-odd markdown files, 240 images, 100 MB) opened
# at its root, against the built-in notes; RUNS runs each of `--screenshot --trace-startup`
# (exits once the first complete frame is written). Prints the median wall time and peak
# RSS, and when the library was complete (the step "course") and the first complete frame
# ("complete"), in ms since main.
#
#   tools/bench-repository.sh [RUNS]        (default 5)
# Needs: xvfb python3 /usr/bin/time mesa-vulkan-drivers, and `cargo build --release` first.
set -eu
runs=${1:-5}
bin=${BIN:-$PWD/target/release/study-companion}
[ -x "$bin" ] || { echo "build first: cargo build --release"; exit 2; }
work=$(mktemp -d)
disp=":$((500 + RANDOM % 200))"
Xvfb "$disp" -screen 0 1920x1080x24 >/dev/null 2>&1 & xpid=$!
trap 'kill $xpid 2>/dev/null; rm -rf "$work"' EXIT
sleep 1
python3 "$(dirname "$0")/make-scaled-repo.py" "$work/repo"

run() { # label args...
  local label=$1; shift
  mkdir -p "$work/$label"
  /usr/bin/time -f '%e %M' -o "$work/time" env DISPLAY="$disp" XDG_RUNTIME_DIR="$work" \
    HOME="$work" RUST_LOG=study_companion=info "$bin" --trace-startup --size 1920x1080 \
    --screenshot "$work/$label.png" --data-dir "$work/data-$label" "$@" >"$work/log" 2>&1 || true
  tail -n 1 "$work/time" >> "$work/$label/time"
  grep -o 'start-up: .*' "$work/log" >> "$work/$label/trace" || echo "no trace" >> "$work/$label/trace"
  grep -o 'read .* in [0-9]* ms' "$work/log" >> "$work/$label/read" || true
}
for _ in $(seq "$runs"); do
  run seed
  run repo "$work/repo"
done
cp "$work/repo.png" "${SHOT:-/tmp/bench-repository.png}"

python3 - "$work" "$runs" <<'PY'
import re, statistics, sys
work, runs = sys.argv[1], sys.argv[2]
print(f"{runs} runs each at 1920x1080 (median)")
for label, name in (("seed", "built-in notes"), ("repo", "scaled course repository")):
    times = [l.split() for l in open(f"{work}/{label}/time") if l.strip()]
    wall = statistics.median(float(t[0]) for t in times)
    peak = statistics.median(int(t[1]) for t in times) / 1024
    steps = {}
    for line in open(f"{work}/{label}/trace"):
        for what, ms in re.findall(r"([a-zA-Z +]+?) (\d+) ms \(\+\d+", line):
            steps.setdefault(what.strip(" ·"), []).append(int(ms))
    reads = [int(x) for x in re.findall(r"in (\d+) ms", open(f"{work}/{label}/read").read())] if label == "repo" else []
    print(f"\n{name}: wall {wall:.2f} s, peak RSS {peak:.0f} MiB")
    if reads:
        print(f"  read, parsed, indexed on the loader thread: {statistics.median(reads)} ms")
    for what in ("course", "first frame", "complete"):
        if what in steps:
            print(f"  {what:<12} {statistics.median(steps[what]):6.0f} ms after main")
PY
