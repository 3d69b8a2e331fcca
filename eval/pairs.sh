#!/usr/bin/env bash
# Story similarity against our rated pairs (eval/pairs.tsv, articles in eval/pairs/ and
# examples/corpus/): Pearson correlation and same-story F1. VERBOSE=1 lists every pair.
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${SITREP_PROFILE:-release}
if [ "$profile" = release ]; then cargo build --release --quiet --bin sitrep; else cargo build --quiet --bin sitrep; fi
bin=${CARGO_TARGET_DIR:-target}/$profile/sitrep
python3 eval/pairs.py eval/pairs.tsv --bin "$bin" ${VERBOSE:+--verbose}
