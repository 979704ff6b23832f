#!/usr/bin/env bash
# The Windows installer tried under Wine 10, as far as Wine goes, on a 1366×768 screen:
#   tools/wine-trial.sh [SETUP.exe]     (default: dist/study-companion-*-setup.exe)
# 1. silent install (setup.exe /S), then the files, the Start-menu shortcut and the .md
#    "Open with" ProgID read back (NSIS's silent mode reports no failure);
# 2. --help printed to the console it was started from (a GUI exe attached to it);
# 3. --export-sheet of the seed notes, Korean intact;
# 4. --screenshot of the seed notes (OpenGL through Wine's WGL), into dist/wine/;
# 5. the app started for real, an answer typed with xdotool, the window closed: the note
#    is in %APPDATA%\study-companion\data\sessions;
# 6. silent uninstall: program, shortcut and keys gone, the notes kept.
# Debian 12's Wine 8 cannot start Rust binaries built since Rust 1.78, so Wine comes from a
# Debian 13 (trixie) chroot made here with debootstrap, never from this machine's packages
# ($WINE_CHROOT, default ~/.cache/study-companion-wine/trixie; about 1.5 GB). Needs root,
# debootstrap, Xvfb, xdotool and ImageMagick's import. By hand only: CI does not run Wine.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
setup=${1:-$(ls dist/study-companion-*-setup.exe 2>/dev/null | head -n 1)}
[ -f "$setup" ] || { echo "wine-trial: no installer (tools/package.sh windows)" >&2; exit 1; }
chroot_dir=${WINE_CHROOT:-$HOME/.cache/study-companion-wine/trixie}
out=$root/dist/wine
mkdir -p "$out"

# (usr/bin/wine is a link into the chroot's own /etc/alternatives: asked inside it.)
if ! { [ -d "$chroot_dir/usr/bin" ] && chroot "$chroot_dir" sh -c 'command -v wine' >/dev/null 2>&1; }; then
  mkdir -p "$(dirname "$chroot_dir")"
  debootstrap --variant=minbase --include=ca-certificates trixie "$chroot_dir" http://deb.debian.org/debian
  mount -t proc proc "$chroot_dir/proc"
  chroot "$chroot_dir" sh -c 'dpkg --add-architecture i386 && apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wine wine64 wine32:i386 \
      libgl1 libglx-mesa0 libgl1-mesa-dri libegl1 mesa-vulkan-drivers libvulkan1 fonts-noto-cjk'
  umount "$chroot_dir/proc"
fi

mounted=()
xvfb=
cleanup() {
  if [ -n "$xvfb" ]; then kill "$xvfb" 2>/dev/null || true; fi
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount "${mounted[$i]}" 2>/dev/null || true; done
}
trap cleanup EXIT
for m in proc dev dev/pts sys tmp/.X11-unix; do
  mkdir -p "$chroot_dir/$m"
  if ! mountpoint -q "$chroot_dir/$m"; then
    if [ "$m" = proc ]; then mount -t proc proc "$chroot_dir/proc"; else mount --bind "/$m" "$chroot_dir/$m"; fi
    mounted+=("$chroot_dir/$m")
  fi
done

display=:77
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1

trial=$chroot_dir/trial
rm -rf "$trial" && mkdir -p "$trial"
cp "$setup" "$trial/setup.exe"
cp -r content/. "$trial/"
notes=$(ls "$trial"/*.md | head -n 1)
notes_win="Z:\\trial\\$(basename "$notes")"
in_wine() {
  chroot "$chroot_dir" env DISPLAY="$display" WINEPREFIX=/trial/prefix WINEDEBUG=-all HOME=/root LANG=C.UTF-8 "$@"
}
appdata=$trial/prefix/drive_c/users/root/AppData
exe_win='C:\users\root\AppData\Local\Programs\Study Companion\study-companion.exe'
ok() { echo "ok: $*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }

echo "== $(in_wine wine --version)"
in_wine wineboot -i >/dev/null 2>&1
in_wine wine /trial/setup.exe /S
[ -f "$appdata/Local/Programs/Study Companion/study-companion.exe" ] || fail "the exe was not installed"
[ -f "$appdata/Local/Programs/Study Companion/uninstall.exe" ] || fail "no uninstaller"
ok "installed into %LOCALAPPDATA%\\Programs\\Study Companion: $(ls "$appdata/Local/Programs/Study Companion" | tr '\n' ' ')"
[ -f "$appdata/Roaming/Microsoft/Windows/Start Menu/Programs/Study Companion.lnk" ] || fail "no Start-menu shortcut"
ok "Start-menu shortcut"
in_wine wine reg query 'HKCU\Software\Classes\.md\OpenWithProgids' | tr -d '\r' | grep -q StudyCompanion.md ||
  fail ".md has no Open-with ProgID"
in_wine wine reg query 'HKCU\Software\Classes\StudyCompanion.md\shell\open\command' | tr -d '\r' | tee "$out/progid.txt" |
  grep -q 'study-companion.exe" "%1"' || fail "the ProgID does not open the exe"
ok ".md ProgID: $(grep REG_SZ "$out/progid.txt" | sed 's/^ *//')"

in_wine wine "$exe_win" --help > "$out/help.txt" 2>&1 || fail "--help failed"
grep -q "^Usage: study-companion" "$out/help.txt" || fail "--help printed nothing"
ok "--help printed $(wc -l < "$out/help.txt") lines"

in_wine wine "$exe_win" "$notes_win" --export-sheet 'Z:\trial\sheet.md' 2>"$out/export.txt" || fail "--export-sheet failed"
if ! grep -q "^# " "$trial/sheet.md" || ! grep -qF '컨테이너' "$trial/sheet.md"; then
  fail "the sheet has no heading or no Korean"
fi
cp "$trial/sheet.md" "$out/sheet.md"
ok "--export-sheet: $(head -n 1 "$trial/sheet.md")"

in_wine wine "$exe_win" "$notes_win" --screenshot 'Z:\trial\shot.png' > "$out/screenshot.log" 2>&1 ||
  fail "--screenshot failed: $(tail -n 3 "$out/screenshot.log")"
cp "$trial/shot.png" "$out/screenshot.png"
ok "--screenshot $out/screenshot.png ($(grep -o 'drawing with [A-Za-z]*' "$out/screenshot.log" | tail -n 1))"

# For real: the second question's row, then the editor, typed into, the window closed.
in_wine wine "$exe_win" "$notes_win" > "$out/run.log" 2>&1 &
for _ in $(seq 1 30); do
  window=$(DISPLAY=$display xdotool search --name "Study Companion" 2>/dev/null | head -n 1) && [ -n "$window" ] && break
  sleep 1
done
[ -n "${window:-}" ] || fail "the window did not appear"
sleep 3
DISPLAY=$display import -window root "$out/window.png"
DISPLAY=$display xdotool mousemove 95 245 click 1
sleep 1.5
DISPLAY=$display xdotool mousemove 1190 300 click 1
sleep 0.5
DISPLAY=$display xdotool type --delay 60 "typed under Wine"
sleep 2.5
DISPLAY=$display import -window root "$out/typed.png"
DISPLAY=$display xdotool key --window "$window" alt+F4
sleep 3
sessions=$appdata/Roaming/study-companion/data/sessions
grep -l "typed under Wine" "$sessions"/*.notes.json >/dev/null 2>&1 || fail "the note is not in $sessions (see $out/typed.png)"
ok "the note is in %APPDATA%\\study-companion\\data\\sessions: $(ls "$sessions" | grep -v lock | tr '\n' ' ')"

in_wine wine "C:\\users\\root\\AppData\\Local\\Programs\\Study Companion\\uninstall.exe" /S
# The uninstaller runs a copy of itself from the temporary folder and returns at once.
for _ in $(seq 1 20); do
  [ -e "$appdata/Local/Programs/Study Companion" ] || break
  sleep 1
done
[ ! -e "$appdata/Local/Programs/Study Companion" ] || fail "the program folder is still there"
[ ! -e "$appdata/Roaming/Microsoft/Windows/Start Menu/Programs/Study Companion.lnk" ] || fail "the shortcut is still there"
if in_wine wine reg query 'HKCU\Software\Classes\StudyCompanion.md' >/dev/null 2>&1; then fail "the ProgID is still there"; fi
grep -l "typed under Wine" "$sessions"/*.notes.json >/dev/null || fail "the uninstaller removed the notes"
ok "uninstalled: program, shortcut and ProgID gone; the notes kept"
