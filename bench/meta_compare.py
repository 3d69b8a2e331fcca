"""Compare sitrep's publication date, title and author with htmldate's date on the fixtures.

usage: meta_compare.py FIXTURE_DIR SITREP_META.jsonl
"""

import json
import os
import sys

from htmldate import find_date

folder, ours = sys.argv[1], sys.argv[2]
expected = json.load(open(os.path.join(folder, "expected.json")))
got = {o["id"]: o for o in map(json.loads, open(ours)) if "id" in o}
n = len(expected)
hits = {"sitrep date": 0, "sitrep title": 0, "sitrep author": 0, "htmldate date": 0}
for name, want in expected.items():
    html = open(os.path.join(folder, name + ".html"), encoding="utf-8").read()
    mine = got.get(name, {})
    hits["sitrep date"] += mine.get("published") == want["date"]
    hits["sitrep title"] += mine.get("title") == want["title"]
    hits["sitrep author"] += want["author"] in (mine.get("authors") or [])
    hits["htmldate date"] += find_date(html, original_date=True) == want["date"]
for k, v in hits.items():
    print(f"{k:<14} {v}/{n} = {v / n:.3f}")
