#!/usr/bin/env python3
"""Score `sitrep similar` against our rated pairs (eval/pairs.tsv).

Each line of the TSV: a path, b path, rating (SemEval-2022 Task 8 scale, 1 = same story,
4 = unrelated), a reason, and the split (dev: pairs we tuned on; test: held out).

Prints the Pearson correlation between sitrep's `similarity` and the similarity the rating
implies, (4 - rating) / 3 (so a positive correlation is good), and precision, recall and F1 of
sitrep's `same_story` against the cut rating <= 2.0. Standard library only.
"""

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile

CUT = 2.0


def pearson(xs, ys):
    n = len(xs)
    if n < 2:
        return float("nan")
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy) if sxx and syy else float("nan")


def ranks(xs):
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    r = [0.0] * len(xs)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and xs[order[j + 1]] == xs[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2
        i = j + 1
    return r


def prf(rows):
    tp = sum(1 for r in rows if r["same"] and r["rating"] <= CUT)
    fp = sum(1 for r in rows if r["same"] and r["rating"] > CUT)
    fn = sum(1 for r in rows if not r["same"] and r["rating"] <= CUT)
    p = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * rc / (p + rc) if p + rc else 0.0
    return p, rc, f, tp, fp, fn


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pairs")
    ap.add_argument("--bin", required=True, help="the sitrep binary")
    ap.add_argument("--verbose", action="store_true", help="list every pair")
    ap.add_argument("--no-stories", action="store_true", help="skip clustering the articles together")
    args = ap.parse_args()
    rows = []
    with open(args.pairs, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            a, b, rating, reason, split = line.rstrip("\n").split("\t")
            out = subprocess.run([args.bin, "similar", a, b], capture_output=True, text=True)
            if out.returncode != 0:
                sys.exit(f"pairs: sitrep similar {a} {b} failed: {out.stderr.strip()}")
            j = json.loads(out.stdout)
            rows.append(
                {
                    "a": a,
                    "b": b,
                    "rating": float(rating),
                    "reason": reason,
                    "split": split,
                    "sim": j["similarity"],
                    "same": j["same_story"],
                    "dup": j["near_duplicate"],
                }
            )
    if args.verbose:
        for r in sorted(rows, key=lambda r: (r["rating"], -r["sim"])):
            wrong = (r["same"]) != (r["rating"] <= CUT)
            print(
                f"{'!!' if wrong else '  '} {r['rating']:.1f} {r['sim']:.3f} {'same' if r['same'] else '    '} "
                f"{r['split']:4} {r['a'].split('/')[-1]} ~ {r['b'].split('/')[-1]}  ({r['reason']})"
            )
        print()
    print(f"pairs: {len(rows)}; same story = rating <= {CUT}; implied similarity = (4 - rating) / 3")
    print("| split | pairs | Pearson | Spearman | same-story P | R | F1 |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name in ("dev", "test", "all"):
        sub = [r for r in rows if name == "all" or r["split"] == name]
        if not sub:
            continue
        xs = [r["sim"] for r in sub]
        ys = [(4 - r["rating"]) / 3 for r in sub]
        pr = pearson(xs, ys)
        sp = pearson(ranks(xs), ranks(ys))
        p, rc, f1, tp, fp, fn = prf(sub)
        print(f"| {name} | {len(sub)} | {pr:.3f} | {sp:.3f} | {p:.3f} | {rc:.3f} ({tp}/{tp + fn}) | {f1:.3f} |")


    if not args.no_stories:
        stories(args.bin, rows)


def doc_id(path):
    """The id sitrep gives the document at a path (a JSON Lines file: its first record's)."""
    if path.endswith(".jsonl"):
        with open(path, encoding="utf-8") as f:
            return json.loads(f.readline())["id"]
    return os.path.splitext(os.path.basename(path))[0]


def stories(bin, rows):
    """Ingest every article of the pairs into one store and score the stories sitrep forms:
    a rated pair is put together when both documents land in the same story."""
    folders = sorted({os.path.dirname(p) for r in rows for p in (r["a"], r["b"])})
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "db")
        subprocess.run([bin, "--db", db, "ingest", *folders], check=True, capture_output=True)
        out = subprocess.run([bin, "--db", db, "stories", "--format", "jsonl"], check=True, capture_output=True, text=True)
    story_of = {}
    n = 0
    for line in out.stdout.splitlines():
        s = json.loads(line)
        n += 1
        for d in s["docs"]:
            story_of[d] = s["id"]
    for r in rows:
        r["same"] = story_of.get(doc_id(r["a"])) == story_of.get(doc_id(r["b"])) is not None
    print()
    print(f"stories: every article of {', '.join(folders)} ingested together: {len(story_of)} documents in {n} stories;")
    print("a rated pair counts as put together when both documents land in one story")
    print("| split | pairs | together P | R | F1 |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name in ("dev", "test", "all"):
        sub = [r for r in rows if name == "all" or r["split"] == name]
        p, rc, f1, tp, fp, fn = prf(sub)
        print(f"| {name} | {len(sub)} | {p:.3f} | {rc:.3f} ({tp}/{tp + fn}) | {f1:.3f} |")


if __name__ == "__main__":
    main()
