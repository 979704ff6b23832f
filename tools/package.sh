#!/usr/bin/env bash
# Builds what this machine can build for students, into dist/:
#   deb      the Linux package (cargo-deb), checked with lintian, and a tarball of the same
#            files for other distributions;
#   windows  the Windows installer (NSIS) around the exe cross-built with MinGW.
# tools/package.sh [deb] [windows]   (both when none is named). Run from anywhere; a clean
# clone is enough. The macOS .app and .dmg are built by .github/workflows/release.yml on a
# macOS runner (packaging/macos/bundle.sh): they cannot be built here.
# Needs (Debian): cargo-deb (installed with cargo if missing), dpkg-dev, lintian, help2man, nsis,
# gcc-mingw-w64-x86-64 (the linker and windres); rustup's x86_64-pc-windows-gnu target.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(deb windows)
mkdir -p dist

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "package.sh: $1 is missing (apt-get install -y $2)" >&2; exit 1; }
}

deb() {
  need dpkg-shlibdeps dpkg-dev
  need lintian lintian
  if ! cargo deb --version >/dev/null 2>&1; then
    cargo install cargo-deb --locked --version '^3'
  fi
  need help2man help2man
  cargo build --release --locked
  # The manual page, from --help.
  mkdir -p target/man
  help2man --no-info --section=1 --name="read, answer, review and present the MSP T3 class notes" \
    --version-string="$version" target/release/study-companion | gzip -9n > target/man/study-companion.1.gz
  local out
  out=$(cargo deb --no-build --output dist/ | tail -n 1)
  echo "built $out"
  # Errors fail the build; warnings are printed.
  lintian --fail-on error --tag-display-limit 0 "$out"
  dpkg-deb --field "$out" Depends
  # The same files for any distribution, unpacked where the user likes.
  local tree=dist/study-companion-$version-linux-x86_64
  rm -rf "$tree"
  dpkg-deb --extract "$out" "$tree.unpacked"
  mkdir -p "$tree"
  cp -r "$tree.unpacked/usr/." "$tree/"
  rm -rf "$tree.unpacked" "$tree/share/doc/study-companion/changelog.Debian.gz" "$tree/share/lintian"
  tar -C dist -czf "$tree.tar.gz" "$(basename "$tree")"
  rm -rf "$tree"
  echo "built $tree.tar.gz"
}

windows() {
  need x86_64-w64-mingw32-gcc gcc-mingw-w64-x86-64
  need makensis nsis
  rustup target add x86_64-pc-windows-gnu >/dev/null
  cargo build --release --locked --target x86_64-pc-windows-gnu
  local exe=target/x86_64-pc-windows-gnu/release/study-companion.exe
  # A GUI program: no console window behind it (src/main.rs, windows_subsystem).
  file "$exe" | grep -q 'PE32+ executable (GUI)' || { file "$exe"; echo "not a GUI exe" >&2; exit 1; }
  local out=dist/study-companion-$version-windows-x86_64-setup.exe
  makensis -V2 -DVERSION="$version" -DEXE="$root/$exe" -DOUT="$root/$out" -DROOT="$root" \
    packaging/windows/installer.nsi
  echo "built $out"
}

for t in "${targets[@]}"; do
  case "$t" in
    deb) deb ;;
    windows) windows ;;
    *) echo "package.sh: unknown target $t (deb, windows)" >&2; exit 2 ;;
  esac
done
(cd dist && { sha256sum -- *.deb *.tar.gz *.exe 2>/dev/null || true; } > SHA256SUMS && cat SHA256SUMS)
