#!/usr/bin/env bash
# Score sitrep on our own example corpus with its gold (examples/gold.yaml) and the shared scorer.
set -euo pipefail
cd "$(dirname "$0")/.."
scorer=../shared/eval/score.py
[ -f "$scorer" ] || { echo "eval: $scorer not found; skipped"; exit 0; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
profile=${SITREP_PROFILE:-release}
if [ "$profile" = release ]; then cargo build --release --quiet; else cargo build --quiet; fi
bin=${CARGO_TARGET_DIR:-target}/$profile/sitrep
$bin --db "$out/db" ingest examples/corpus >/dev/null
$bin --db "$out/db" events --format jsonl >"$out/events.jsonl"
$bin --db "$out/db" actors --format jsonl >"$out/actors.jsonl"
python3 "$scorer" examples/gold.yaml "$out" ${VERBOSE:+--verbose}
