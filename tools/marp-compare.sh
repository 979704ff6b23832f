#!/usr/bin/env bash
# Compares the app's reading of Marp decks with Marp's own (marp-cli + Chromium): the slide
# count of each deck, and with --png, Marp's PNG of each slide to put beside ours.
#
#   tools/marp-compare.sh [--record] [--png OUT_DIR] [DECK.md ...]
#
# Without decks: the fixture decks (tests/fixtures/decks, the course repository's
# textbook). --record rewrites tests/fixtures/decks/marp-slides.txt, which a content test
# checks the app's counts against on machines without npm. Needs node/npm (marp-cli is
# installed into a cache folder on first use) and Chromium (CHROME_PATH, else
# /usr/bin/chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
record=0
png=""
decks=()
while [ $# -gt 0 ]; do
    case "$1" in
        --record) record=1 ;;
        --png) png="$2"; shift ;;
        *) decks+=("$1") ;;
    esac
    shift
done
if [ ${#decks[@]} -eq 0 ]; then
    mapfile -t decks < <(ls tests/fixtures/decks/*.md tests/fixtures/course-repo/doc/\[Book\]*.md)
fi
cache="${MARP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/study-companion-marp}"
if [ ! -x "$cache/node_modules/.bin/marp" ]; then
    mkdir -p "$cache"
    (cd "$cache" && npm init -y >/dev/null && npm install --silent @marp-team/marp-cli >/dev/null)
fi
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
cargo build --quiet --release
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
lines=()
for deck in "${decks[@]}"; do
    rm -rf "$work/out" && mkdir -p "$work/out"
    "$cache/node_modules/.bin/marp" --no-stdin --allow-local-files --images png \
        -o "$work/out/slide.png" "$deck" >/dev/null 2>&1
    marp=$(find "$work/out" -name '*.png' | wc -l)
    ours=$(target/release/study-companion --outline "$deck" | awk -F'\t' '$1=="deck"{print $4}' | grep -o '^[0-9]*' || echo 0)
    verdict=same
    [ "$marp" = "$ours" ] || { verdict=DIFFERENT; status=1; }
    printf '%s\tmarp %s\tours %s\t%s\n' "$deck" "$marp" "$ours" "$verdict"
    lines+=("$(printf '%s\t%s' "$deck" "$marp")")
    if [ -n "$png" ]; then
        name=$(basename "$deck" .md | tr -c 'A-Za-z0-9_\n-' '_')
        mkdir -p "$png/$name"
        cp "$work/out/"*.png "$png/$name/"
    fi
done
if [ $record = 1 ]; then
    printf '%s\n' "# deck<TAB>slides as marp-cli renders them (tools/marp-compare.sh --record)" "${lines[@]}" \
        > tests/fixtures/decks/marp-slides.txt
fi
exit $status
