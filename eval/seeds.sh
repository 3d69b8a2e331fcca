#!/usr/bin/env bash
# Score sitrep on the five seed articles with the shared gold and scorer.
# Usage: eval/seeds.sh [GOLD] [SEEDS]  (defaults: ../shared/eval/seeds-gold.yaml ../shared/seeds)
set -euo pipefail
cd "$(dirname "$0")/.."
gold=${1:-../shared/eval/seeds-gold.yaml}
seeds=${2:-../shared/seeds}
if [ ! -f "$gold" ] || [ ! -d "$seeds" ]; then
  echo "eval: $gold or $seeds not found; skipped"
  exit 0
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# SITREP_PROFILE=debug reuses the test build (CI); the default is an optimised build.
profile=${SITREP_PROFILE:-release}
if [ "$profile" = release ]; then cargo build --release --quiet; else cargo build --quiet; fi
bin=${CARGO_TARGET_DIR:-target}/$profile/sitrep
$bin --db "$out/db" ingest "$seeds" >/dev/null
$bin --db "$out/db" events --format jsonl >"$out/events.jsonl"
$bin --db "$out/db" actors --format jsonl >"$out/actors.jsonl"
python3 ../shared/eval/score.py "$gold" "$out" ${VERBOSE:+--verbose}
