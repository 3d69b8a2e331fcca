#!/usr/bin/env bash
# Near-duplicate precision/recall on deterministically edited copies of our articles (issue #7).
# Prints Markdown tables; asserts nothing. `--sweep` compares shingle settings by exact Jaccard.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin sitrep
python3 bench/near_dup.py --bin "${CARGO_TARGET_DIR:-target}/release/sitrep" "$@"
