#!/usr/bin/env bash
# Import PETRARCH's validation dictionaries and code its unit-test sentences with them.
# Usage: eval/petrarch.sh [DATA_DIR]  (default: ../shared/data/petrarch2); VERBOSE=1 lists misses.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data/petrarch2}
if [ ! -f "$data/PETR.UnitTest.records.xml" ]; then
  echo "eval: $data/PETR.UnitTest.records.xml not found; skipped"
  exit 0
fi
cargo build --release --quiet -p sitrep
bin=${CARGO_TARGET_DIR:-target}/release/sitrep
python3 eval/petrarch.py "$data" --bin "$bin" ${VERBOSE:+--verbose}
