#!/usr/bin/env bash
# Place resolution on the LGL and TR-News geoparsing gold sets (../shared/data/geoparsing), given
# the gold toponym spans, plus our own toponym recognition's recall, gazetteer load time and
# throughput. Skips cleanly when the shared data is absent. Run scripts/setup-gazetteer.sh first
# for the populated-places table (without it only countries, regions and our features resolve).
set -euo pipefail
cd "$(dirname "$0")/.."
data="${GEO_DATA:-../shared/data/geoparsing}"
if [ ! -d "$data" ]; then
  echo "eval/geo: $data not found, skipping"
  exit 0
fi
cargo run --quiet --release -p sitrep-geo --example geoeval -- "$data" ${ERRORS:+--errors "$ERRORS"} "$@"
