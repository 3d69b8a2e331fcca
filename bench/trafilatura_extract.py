"""trafilatura over the same pages, same output shape as extract_bench: one {"id", "text"}
line per page, then the totals. Pages are read and decompressed before the clock starts."""

import gzip
import json
import os
import sys
import time

import trafilatura

folder = sys.argv[1]
pages = []
for name in sorted(os.listdir(folder)):
    if name.endswith(".html.gz"):
        pages.append((name[: -len(".html.gz")], gzip.open(os.path.join(folder, name)).read().decode("utf-8", "replace")))
start = time.perf_counter()
texts = [trafilatura.extract(html, include_comments=False) or "" for _, html in pages]
seconds = time.perf_counter() - start
for (pid, _), text in zip(pages, texts):
    print(json.dumps({"id": pid, "text": text}))
print(json.dumps({"pages": len(pages), "seconds": seconds, "pages_per_s": len(pages) / seconds}))
