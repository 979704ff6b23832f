#!/usr/bin/env bash
# The parser against pulldown-cmark alone, in instructions (valgrind's callgrind): unlike
# time, the count repeats exactly on a shared, noisy machine. Parses the 10,000-question
# course of the benches three times, and runs pulldown-cmark alone over it three times, and
# subtracts the cost of building the text.
#
#   tools/parse-instructions.sh
# Needs: valgrind. Builds tools/parse-count into target/ (release).
set -eu
cargo build -q --release --manifest-path tools/parse-count/Cargo.toml --target-dir target
bin=target/release/parse-count
count() { # mode -> instructions
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" 2>&1 |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
none=$(count none)
parse=$(count parse)
floor=$(count floor)
python3 - "$none" "$parse" "$floor" <<'PY'
import sys
none, parse, floor = (int(x) for x in sys.argv[1:])
p, f = (parse - none) / 3, (floor - none) / 3
print(f"10,000 questions: parse {p / 1e6:.1f} M instructions, pulldown-cmark alone "
      f"{f / 1e6:.1f} M: {p / f:.2f}x (budget 3x)")
PY
