#!/usr/bin/env bash
# The macOS app: a universal (arm64 + x86_64) "Study Companion.app" in a .dmg, into dist/.
# Runs on macOS (the release workflow's macOS runner); `bundle.sh --check` runs anywhere
# with Python and checks what can be checked without a Mac: the Info.plist and the layout
# of a bundle made around a stand-in binary.
# Unsigned but for the ad-hoc signature every arm64 binary needs to start at all; Gatekeeper
# asks once (README, Install).
set -euo pipefail
cd "$(dirname "$0")/../.."
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
app_name="Study Companion.app"

# layout APP BINARY: the bundle around BINARY.
layout() {
  local app=$1 binary=$2
  rm -rf "$app"
  mkdir -p "$app/Contents/MacOS" "$app/Contents/Resources/licenses"
  cp "$binary" "$app/Contents/MacOS/study-companion"
  sed "s/@VERSION@/$version/g" packaging/macos/Info.plist > "$app/Contents/Info.plist"
  printf 'APPL????' > "$app/Contents/PkgInfo"
  cp assets/icon/study-companion.icns "$app/Contents/Resources/"
  cp assets/fonts/*-OFL.txt "$app/Contents/Resources/licenses/"
}

# check_bundle APP: what the Finder and Launch Services need of it.
check_bundle() {
  python3 - "$1" "$version" <<'PY'
import os, plistlib, sys
app, version = sys.argv[1], sys.argv[2]
with open(os.path.join(app, "Contents/Info.plist"), "rb") as f:
    info = plistlib.load(f)
for key in ("CFBundleExecutable", "CFBundleIdentifier", "CFBundleIconFile", "CFBundlePackageType"):
    assert info.get(key), f"Info.plist has no {key}"
assert info["CFBundleShortVersionString"] == version, info["CFBundleShortVersionString"]
exe = os.path.join(app, "Contents/MacOS", info["CFBundleExecutable"])
assert os.access(exe, os.X_OK), f"{exe} is not an executable"
icon = os.path.join(app, "Contents/Resources", info["CFBundleIconFile"] + ".icns")
assert open(icon, "rb").read(4) == b"icns", f"{icon} is not an icns file"
types = [t for d in info["CFBundleDocumentTypes"] for t in d["CFBundleTypeExtensions"]]
assert "md" in types, types
print(f"{app}: Info.plist and layout are right ({info['CFBundleIdentifier']} {version}, opens {types})")
PY
}

if [ "${1:-}" = "--check" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  printf '#!/bin/sh\n' > "$tmp/stand-in" && chmod +x "$tmp/stand-in"
  layout "$tmp/$app_name" "$tmp/stand-in"
  check_bundle "$tmp/$app_name"
  exit 0
fi

[ "$(uname -s)" = Darwin ] || { echo "bundle.sh builds on macOS only (--check runs anywhere)" >&2; exit 1; }
export MACOSX_DEPLOYMENT_TARGET=11.0
for target in aarch64-apple-darwin x86_64-apple-darwin; do
  rustup target add "$target"
  cargo build --release --locked --target "$target"
done
mkdir -p dist
lipo -create -output dist/study-companion-universal \
  target/aarch64-apple-darwin/release/study-companion \
  target/x86_64-apple-darwin/release/study-companion
lipo -info dist/study-companion-universal | grep -q 'x86_64 arm64' || lipo -info dist/study-companion-universal | grep -q 'arm64 x86_64'
layout "dist/$app_name" dist/study-companion-universal
rm dist/study-companion-universal
plutil -lint "dist/$app_name/Contents/Info.plist"
check_bundle "dist/$app_name"
codesign --force --deep --sign - "dist/$app_name"
codesign --verify --verbose "dist/$app_name"

root=$(mktemp -d)
cp -R "dist/$app_name" "$root/"
ln -s /Applications "$root/Applications"
hdiutil create -volname "Study Companion" -srcfolder "$root" -ov -format UDZO \
  "dist/study-companion-$version-macos-universal.dmg"
rm -rf "$root"
echo "built dist/study-companion-$version-macos-universal.dmg"
