#!/usr/bin/env bash
# Start-up benchmark of the release build in a real window (a private Xvfb, Mesa's CPU
# renderer where there is no GPU): for the built-in notes and for a 10,000-question course,
# RUNS runs each of `--screenshot --trace-startup` (exits after the first complete frame is
# written as a PNG). Prints the median wall time, the median peak RSS and the median time
# of each start-up step (see src/app/startup.rs), in ms since main, with the resident
# memory at that step (Linux).
#
#   tools/bench-startup.sh [RUNS] [WxH]      (default 5 runs at 1920x1080)
# Needs: xvfb python3 /usr/bin/time mesa-vulkan-drivers, and `cargo build --release` first.
set -eu
runs=${1:-5}
size=${2:-1920x1080}
bin=${BIN:-$PWD/target/release/study-companion}
[ -x "$bin" ] || { echo "build first: cargo build --release"; exit 2; }
work=$(mktemp -d)
disp=":$((500 + RANDOM % 200))"
Xvfb "$disp" -screen 0 1920x1080x24 >/dev/null 2>&1 & xpid=$!
trap 'kill $xpid 2>/dev/null; rm -rf "$work"' EXIT
sleep 1

# The 10,000-question course of the benches (course::synthetic::document), in Python.
python3 - "$work/big.md" <<'PY'
import sys
n = 10_000
out = ["# MSP T3 - 합성 노트\n\n## Docker\n\n"]
for i in range(n):
    out.append(f"- {i}번 질문: 컨테이너 레이어와 `docker run --name c{i}` 의 관계는 어떻게 되나요?\n")
    if i % 7 == 3:
        out.append("  - ...\n\n")
        continue
    out.append(f"  - 네, 맞습니다. 이미지 레이어(R/O layer)들과 컨테이너 레이어(R/W layer)가 합쳐진 파일시스템이 {i}번 컨테이너의 파일시스템이 됩니다.\n")
    out.append("  - 실행된 컨테이너에서 생성/수정/삭제되는 모든것은 R/W레이어에 기록됩니다.\n\n")
    if i % 10 == 0:
        out.append(f"```bash\nubuntu $ docker run -d --name c{i} nginx\nubuntu $ docker ps\nCONTAINER ID   IMAGE     STATUS\n{i:012x}   nginx     Up 4 seconds\n```\n\n")
out.append("---\n\n## Kubernetes\n")
open(sys.argv[1], "w").write("".join(out))
PY

run() { # label args... : one run; appends "wall_ms peak_kb" and the trace line
  local label=$1; shift
  mkdir -p "$work/$label"
  /usr/bin/time -f '%e %M' -o "$work/time" env DISPLAY="$disp" XDG_RUNTIME_DIR="$work" \
    HOME="$work" RUST_LOG=study_companion=info "$bin" --trace-startup --size "$size" \
    --screenshot "$work/shot.png" --data-dir "$work/data" "$@" >"$work/log" 2>&1 || true
  tail -n 1 "$work/time" >> "$work/$label/time"
  grep -o 'start-up: .*' "$work/log" >> "$work/$label/trace" || echo "no trace" >> "$work/$label/trace"
}
for i in $(seq "$runs"); do
  run seed
  run big "$work/big.md"
done

python3 - "$work" "$runs" "$size" <<'PY'
import re, statistics, sys
work, runs, size = sys.argv[1], sys.argv[2], sys.argv[3]
print(f"start-up, {runs} runs each at {size} (median)")
for label, name in (("seed", "built-in notes (21 questions)"), ("big", "10,000-question course")):
    times = [l.split() for l in open(f"{work}/{label}/time") if l.strip()]
    wall = statistics.median(float(t[0]) for t in times)
    peak = statistics.median(int(t[1]) for t in times) / 1024
    steps, rss = {}, {}
    for line in open(f"{work}/{label}/trace"):
        for what, ms, mib in re.findall(r"([a-zA-Z +]+?) (\d+) ms \(\+\d+(?:, (\d+) MiB)?\)", line):
            what = what.strip(" ·")
            steps.setdefault(what, []).append(int(ms))
            if mib:
                rss.setdefault(what, []).append(int(mib))
    print(f"\n{name}: wall {wall:.2f} s, peak RSS {peak:.0f} MiB")
    for what, values in steps.items():
        memory = f"  {statistics.median(rss[what]):5.0f} MiB resident" if what in rss else ""
        print(f"  {what:<22} {statistics.median(values):6.0f} ms{memory}")
PY
