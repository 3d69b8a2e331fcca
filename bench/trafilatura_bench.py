#!/usr/bin/env python3
"""Time trafilatura's main-text extraction over .html pages under a folder (one process).

    bench/.venv/bin/python bench/trafilatura_bench.py DIR
Prints: pages  bytes  seconds
"""
import os
import sys
import time

import trafilatura


def main():
    root = sys.argv[1]
    paths = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith(".html"))
    pages = [open(p, encoding="utf-8", errors="replace").read() for p in paths]
    t = time.perf_counter()
    for page in pages:
        trafilatura.extract(page)
    secs = time.perf_counter() - t
    print(len(pages), sum(len(p.encode("utf-8")) for p in pages), f"{secs:.3f}")


if __name__ == "__main__":
    main()
