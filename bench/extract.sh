#!/usr/bin/env bash
# Text extraction, side by side: sitrep against trafilatura (main text, F1 and pages/s) and
# htmldate (publication dates on our 40 metadata fixtures). Run from anywhere:
#   bash bench/extract.sh
# Needs python3 and the shared data at ../shared/data/article-extraction (skips when absent).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=../shared/data/article-extraction
if [ ! -f "$DATA/ground-truth.json" ]; then
  echo "bench/extract.sh: $DATA not found, skipping" >&2
  exit 0
fi
VENV=bench/.venv
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "trafilatura==2.0.0" lxml_html_clean htmldate
fi
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
cargo build -q --release -p sitrep-text --example extract_bench
BIN=${CARGO_TARGET_DIR:-target}/release/examples/extract_bench

echo "== main text: $DATA (181 pages), one process, one core each"
"$BIN" "$DATA/html" > "$OUT/sitrep.jsonl"
"$VENV/bin/python" bench/trafilatura_extract.py "$DATA/html" > "$OUT/trafilatura.jsonl"
python3 bench/score.py "$DATA/ground-truth.json" "$OUT/sitrep.jsonl" sitrep | tee "$OUT/s.json"
python3 bench/score.py "$DATA/ground-truth.json" "$OUT/trafilatura.jsonl" trafilatura | tee "$OUT/t.json"
python3 -c "import json;s=json.load(open('$OUT/s.json'));t=json.load(open('$OUT/t.json'));print(f'speed ratio sitrep/trafilatura: {s[\"pages_per_s\"]/t[\"pages_per_s\"]:.1f}x')"

echo "== publication date, title, author: crates/sitrep-text/tests/fixtures/meta (40 pages)"
FIX=crates/sitrep-text/tests/fixtures/meta
SITREP_BENCH_STAGE=meta "$BIN" "$FIX" > "$OUT/meta.jsonl"
"$VENV/bin/python" bench/meta_compare.py "$FIX" "$OUT/meta.jsonl"
