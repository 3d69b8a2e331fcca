#!/usr/bin/env bash
# Throughput of near-duplicate detection and story clustering with many documents already
# present (issue #7). Prints a Markdown table; asserts nothing about time.
#
#   bash bench/stories.sh            # 10,000 and 100,000 present (about 2 minutes on 2 cores)
#   bash bench/stories.sh --full     # and 1,000,000 (about 12 minutes, 2.5 GB)
#
# Environment: BENCH_PRESENT (comma-separated counts), BENCH_MEASURE (documents timed after
# them, default 2000), BENCH_PER_DAY (reports a day, default 1000), CARGO_TARGET_DIR as usual.
set -euo pipefail
cd "$(dirname "$0")/.."
present=${BENCH_PRESENT:-10000,100000}
[[ ${1:-} == --full ]] && present=${BENCH_PRESENT:-10000,100000,1000000}
cargo build --release --quiet -p sitrep-corpus --example stories_bench
bin=${CARGO_TARGET_DIR:-target}/release/examples/stories_bench
echo "machine: $(nproc) cores, $(uptime | sed 's/.*load average/load average/')"
# One process per size, so that each peak RSS is its own.
first=1
for n in ${present//,/ }; do
    if ((first)); then
        "$bin" --present "$n" --measure "${BENCH_MEASURE:-2000}" --per-day "${BENCH_PER_DAY:-1000}"
        first=0
    else
        "$bin" --present "$n" --measure "${BENCH_MEASURE:-2000}" --per-day "${BENCH_PER_DAY:-1000}" | tail -n 1
    fi
done
