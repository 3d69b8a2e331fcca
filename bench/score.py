"""Score main-text extraction against the article-extraction ground truth.

usage: score.py GROUND_TRUTH.json RESULTS.jsonl [NAME]

RESULTS.jsonl holds one {"id", "text"} object per page and may end with a totals object
({"pages", "seconds", "pages_per_s"}). The metric follows the benchmark's README: tokens are
the matches of \\w+, pages are compared as multisets of 4-token shingles, each page's tp/fp/fn
are scaled to sum to 1, precision and recall are averaged over the pages where they are defined,
and F1 is the harmonic mean of the two averages.
Prints one JSON object: name, f1, precision, recall, accuracy, pages, pages_per_s.
"""

import json
import re
import sys
from collections import Counter

WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text, n=4):
    toks = WORD.findall(text or "")
    # A text shorter than n tokens is one short shingle; an empty text has none.
    if not toks:
        return Counter()
    return Counter(tuple(toks[i : i + n]) for i in range(max(len(toks) - n + 1, 1)))


def main():
    truth = json.load(open(sys.argv[1]))
    name = sys.argv[3] if len(sys.argv) > 3 else sys.argv[2]
    got, totals = {}, {}
    for line in open(sys.argv[2]):
        obj = json.loads(line)
        if "id" in obj:
            got[obj["id"]] = obj.get("text") or ""
        else:
            totals = obj
    precisions, recalls = [], []
    exact = 0
    for pid, entry in truth.items():
        t = entry["articleBody"]
        p = got.get(pid, "")
        ts, ps = shingles(t), shingles(p)
        tp = sum((ts & ps).values())
        fp = sum((ps - ts).values())
        fn = sum((ts - ps).values())
        # Scaling each page to sum to 1 leaves its precision and recall unchanged.
        if tp + fp > 0:
            precisions.append(1.0 if fp == fn == 0 else tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(1.0 if fp == fn == 0 else tp / (tp + fn))
        if WORD.findall(t) == WORD.findall(p):
            exact += 1
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(
        json.dumps(
            {
                "name": name,
                "f1": round(f1, 4),
                "precision": round(precision, 4),
                "recall": round(recall, 4),
                "accuracy": round(exact / len(truth), 4),
                "pages": len(truth),
                "pages_per_s": round(totals.get("pages_per_s", 0.0), 1),
            }
        )
    )


if __name__ == "__main__":
    main()
