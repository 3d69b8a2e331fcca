#!/usr/bin/env python3
"""Write N varied news articles built from examples/corpus, for throughput benchmarks.

Each article takes a headline and 4-12 paragraphs from random source articles, sometimes
reorders sentences, and swaps names, places, numbers and dates, so no two documents are the
same text (sitrep stores one copy per content hash). Standard library only; deterministic for a
given --seed.

    python3 bench/gen.py OUT_DIR --mb 5            # about 5 MB of .txt articles
    python3 bench/gen.py OUT_DIR --articles 2000   # exactly 2000 articles
"""

import argparse
import html
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "examples", "corpus")

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# Names and places the dictionaries know and some they do not, to swap for those in the text.
PLACES = ["Kyiv", "Kharkiv", "Odesa", "Moscow", "Gaza", "Rafah", "Khan Younis", "Beirut", "Damascus",
          "Aleppo", "Baghdad", "Mosul", "Tehran", "Sanaa", "Aden", "Hodeidah", "Mogadishu", "Nairobi",
          "Addis Ababa", "Khartoum", "El Fasher", "Goma", "Bamako", "Niamey", "Ouagadougou", "Kabul",
          "Kandahar", "Islamabad", "Peshawar", "Quetta", "Lahore", "New Delhi", "Srinagar", "Yangon",
          "Mandalay", "Manila", "Beijing", "Taipei", "Pyongyang", "Seoul", "Tripoli", "Benghazi",
          "Caracas", "Bogota", "Port-au-Prince", "Maiduguri", "Abuja", "Kinshasa", "Juba", "Jeddah"]
PEOPLE = ["Volodymyr Zelensky", "Vladimir Putin", "Antony Blinken", "Marco Rubio", "Emmanuel Macron",
          "Recep Tayyip Erdogan", "Benjamin Netanyahu", "Abdel Fattah al-Burhan", "Mohamed Hamdan Dagalo",
          "Assimi Goita", "Ibrahim Traore", "Shehbaz Sharif", "Narendra Modi", "Kim Jong Un",
          "Ferdinand Marcos Jr", "Min Aung Hlaing", "Hassan Sheikh Mohamud", "Felix Tshisekedi",
          "Paul Kagame", "Sergei Lavrov", "Wang Yi", "Abbas Araghchi", "Ahmed al-Sharaa", "Amina Yusuf",
          "Daniel Okoro", "Maria Lopez", "Tomas Novak", "Leila Haddad"]
OUTLETS = ["Reuters", "Associated Press", "Agence France-Presse", "Sahel Online", "Continental Review",
           "The Frontier Post", "Gulf Monitor", "Horn Daily", "Asia Wire"]


def read_sources():
    """Paragraphs and headlines of the example corpus as plain text."""
    heads, paras = [], []
    for name in sorted(os.listdir(CORPUS)):
        path = os.path.join(CORPUS, name)
        with open(path, encoding="utf-8") as f:
            raw = f.read()
        texts = []
        if name.endswith(".jsonl"):
            for line in raw.splitlines():
                if line.strip():
                    rec = json.loads(line)
                    texts.append((rec.get("title") or "") + "\n\n" + (rec.get("text") or rec.get("body") or ""))
        elif name.endswith(".html"):
            body = re.sub(r"(?s)<(script|style|nav|footer|header)\b.*?</\1>", "", raw)
            body = re.sub(r"(?i)</(p|h1|h2|li|div)>", "\n\n", body)
            texts.append(html.unescape(re.sub(r"<[^>]+>", "", body)))
        else:
            texts.append(raw)
        for t in texts:
            blocks = [re.sub(r"\s+", " ", b).strip(" #*") for b in re.split(r"\n\s*\n", t)]
            blocks = [b for b in blocks if b]
            if not blocks:
                continue
            heads.append(t.strip().lstrip("# ").splitlines()[0].strip())
            # Body paragraphs: real sentences, not bylines or mastheads.
            paras.extend(b for b in blocks[1:] if len(b) > 80 and b.endswith((".", '"', "”")))
    return heads, paras


NAME = re.compile(r"\b(?:[A-Z][a-z]+(?:[ -](?:al-)?[A-Z][a-z]+){1,2})\b")
PLACE_WORD = re.compile(r"\b(" + "|".join(re.escape(p) for p in PLACES) + r")\b")
NUMBER = re.compile(r"\b\d{1,3}\b")
DATE = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r")\b|\b(" + "|".join(MONTHS) + r") (\d{1,2})\b")
DAY = re.compile(r"\b(" + "|".join(DAYS) + r")\b")


def vary(p, rng):
    p = PLACE_WORD.sub(lambda m: rng.choice(PLACES) if rng.random() < 0.5 else m.group(0), p)
    p = NAME.sub(lambda m: rng.choice(PEOPLE) if rng.random() < 0.15 else m.group(0), p)
    p = NUMBER.sub(lambda m: str(rng.randint(2, 300)) if rng.random() < 0.5 else m.group(0), p)
    p = DATE.sub(lambda m: f"{rng.randint(1, 28)} {rng.choice(MONTHS)}", p)
    p = DAY.sub(lambda m: rng.choice(DAYS), p)
    if rng.random() < 0.3:
        sents = re.split(r"(?<=[.!?])\s+(?=[A-Z])", p)
        rng.shuffle(sents)
        p = " ".join(sents)
    return p


def article(i, heads, paras, rng, years):
    head = vary(rng.choice(heads), rng)
    year = rng.choice(years)
    date = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {year}"
    body = [vary(rng.choice(paras), rng) for _ in range(rng.randint(4, 12))]
    return f"{head}\n{rng.choice(OUTLETS)} / {date}\n\n" + "\n\n".join(body) + f"\n\n(Report {i})\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, help="stop after about this many megabytes")
    ap.add_argument("--articles", type=int, help="write exactly this many articles")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--per-dir", type=int, default=1000, help="articles per subfolder")
    ap.add_argument("--prefix", default="a", help="file names (document ids) start with this")
    ap.add_argument("--years", default="2023,2024,2025,2026", help="datelines fall in these years")
    a = ap.parse_args()
    if not a.mb and not a.articles:
        ap.error("give --mb or --articles")
    rng = random.Random(a.seed)
    years = [int(y) for y in a.years.split(",")]
    heads, paras = read_sources()
    total, n = 0, 0
    limit = a.mb * 1e6 if a.mb else float("inf")
    while total < limit and (a.articles is None or n < a.articles):
        d = os.path.join(a.out, f"{n // a.per_dir:05d}")
        if n % a.per_dir == 0:
            os.makedirs(d, exist_ok=True)
        text = article(n, heads, paras, rng, years).encode("utf-8")
        with open(os.path.join(d, f"{a.prefix}{n:07d}.txt"), "wb") as f:
            f.write(text)
        total += len(text)
        n += 1
    print(f"{n} articles, {total} bytes in {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
