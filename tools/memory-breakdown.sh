#!/usr/bin/env bash
# Where the resident memory of the running app goes: starts the release build in a private
# Xvfb (Mesa's CPU renderer where there is no GPU), waits until it idles, and sums
# /proc/PID/smaps by owner: the renderer's libraries (Mesa, LLVM, GL, Vulkan), the window's
# image shared with the X server, the app's own code and read-only data (with the bundled
# fonts' resident share), the heap and anonymous memory, and other libraries.
#
#   tools/memory-breakdown.sh [SECONDS] [APP ARGS...]   (default: 4 s, the built-in notes)
# e.g. tools/memory-breakdown.sh 4 --size 1920x1080 --renderer wgpu
# Needs: xvfb python3, and `cargo build --release` first. Linux only.
set -eu
wait_s=${1:-4}
shift || true
bin=${BIN:-$PWD/target/release/study-companion}
[ -x "$bin" ] || { echo "build first: cargo build --release"; exit 2; }
fonts=$PWD/assets/fonts
work=$(mktemp -d)
disp=":$((700 + RANDOM % 200))"
Xvfb "$disp" -screen 0 1920x1080x24 >/dev/null 2>&1 & xpid=$!
app=""
trap '[ -n "$app" ] && kill "$app" 2>/dev/null; kill $xpid 2>/dev/null; rm -rf "$work"' EXIT
sleep 1
[ $# -gt 0 ] || set -- --size 1920x1080
env DISPLAY="$disp" XDG_RUNTIME_DIR="$work" HOME="$work" "$bin" --data-dir "$work/data" "$@" \
  >"$work/log" 2>&1 & app=$!
sleep "$wait_s"
kill -0 "$app" 2>/dev/null || { echo "the app exited:"; cat "$work/log"; exit 1; }
python3 - "$app" "$bin" "$fonts" <<'PY'
import collections, os, re, struct, sys

pid, binary, fonts_dir = int(sys.argv[1]), os.path.realpath(sys.argv[2]), sys.argv[3]
status = dict(
    (l.split(":")[0], l.split(":")[1].strip()) for l in open(f"/proc/{pid}/status") if ":" in l
)
RENDERER = re.compile(r"libLLVM|_dri\.so|libgallium|libvulkan|libvulkan_|lvp|libGL|libEGL|libglapi|libgbm|libdrm")
groups = collections.Counter()
mappings = []
owner = None
for line in open(f"/proc/{pid}/smaps"):
    m = re.match(r"^([0-9a-f]+)-([0-9a-f]+) (\S+) ([0-9a-f]+) \S+ \S+\s*(.*)$", line)
    if m:
        start, end, perms, offset, path = m.groups()
        if os.path.realpath(path or "/") == binary:
            owner = "app code" if "x" in perms else "app data (read-only data, fonts)"
            mappings.append((int(start, 16), int(end, 16), int(offset, 16)))
        elif path in ("[heap]", ""):
            owner = "heap and anonymous (app, egui, Mesa)"
        elif path.startswith("/SYSV") or path.startswith("/memfd") or "shm" in path:
            owner = "window image shared with the X server"
        elif path.startswith("["):
            owner = "stacks and kernel pages"
        elif RENDERER.search(path):
            owner = "renderer libraries (Mesa, LLVM, GL, Vulkan)"
        else:
            owner = "other libraries"
        continue
    if line.startswith("Rss:"):
        groups[owner] += int(line.split()[1])

def resident_kib(offset, length):
    """Resident KiB of a byte range of the binary's file, through /proc/PID/pagemap."""
    try:
        pagemap = open(f"/proc/{pid}/pagemap", "rb")
    except OSError:
        return None
    pages = 0
    for start, end, file_offset in mappings:
        lo, hi = max(offset, file_offset), min(offset + length, file_offset + end - start)
        for page in range((start + lo - file_offset) // 4096, (start + hi - file_offset + 4095) // 4096) if lo < hi else ():
            pagemap.seek(page * 8)
            entry = struct.unpack("Q", pagemap.read(8))[0]
            pages += entry >> 63
    return pages * 4

print(f"peak RSS {int(status['VmHWM'].split()[0]) / 1024:.0f} MiB, now {int(status['VmRSS'].split()[0]) / 1024:.0f} MiB")
for name, kib in groups.most_common():
    print(f"  {kib / 1024:6.1f} MiB  {name}")
data = open(binary, "rb").read()
for font in sorted(os.listdir(fonts_dir)):
    if not font.endswith((".ttf", ".otf")):
        continue
    body = open(os.path.join(fonts_dir, font), "rb").read()
    at = data.find(body[:4096])
    kib = resident_kib(at, len(body)) if at >= 0 else None
    if kib is not None:
        print(f"    font {font}: {kib / 1024:.1f} of {len(body) / 2**20:.1f} MiB resident")
PY
