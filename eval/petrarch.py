#!/usr/bin/env python3
"""Code PETRARCH's unit-test sentences with PETRARCH's own validation dictionaries, imported.

Usage: eval/petrarch.py [DATA_DIR] [--bin target/release/sitrep] [--verbose]

Imports PETR.Validate.{actors,agents,verbs}.txt with `sitrep dict import-petrarch`, ingests the
sentences of PETR.UnitTest.records.xml (one JSON Lines record each, dated by the record), and
compares the events with each record's expected codings (<EventCoding sourcecode targetcode
eventcode>). For every expected coding the closest event of its sentence is taken; reported:
CAMEO root agreement (first two digits), source and target agreement (country, and sector when
the expected code has one: `BREGOV` wants country BRE and agent GOV, `ARN` country ARN and no
agent, `---GOV` agent GOV and any country, `---` no actor), and the share of codings and of
records fully right. Records expecting no event are scored apart: right when nothing is coded.
The same sentences coded without the imported dictionaries give the baseline.
"""
import argparse, collections, html, json, os, re, subprocess, sys, tempfile

INTERNATIONAL = {"IGO", "NGO", "IMG", "MNC", "NGM", "INT"}
SECTORS = set("GOV MIL REB OPP PTY COP JUD SPY MED EDU BUS CRM CVL LEG ELI HLH REF MOD RAD INS SEP UAF LAB AGR ENV HRI REL".split())


def read_records(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    recs = []
    for m in re.finditer(r"<Sentence\b([^>]*)>(.*?)</Sentence>", text, flags=re.S):
        attrs = dict(re.findall(r'(\w+)\s*=\s*"([^"]*)"', m.group(1)))
        body = m.group(2)
        t = re.search(r"<Text>(.*?)</Text>", body, flags=re.S)
        if not t:
            continue
        codings, noevents = [], False
        for c in re.finditer(r"<EventCoding\b([^>]*)>", body):
            ca = dict(re.findall(r'(\w+)\s*=\s*"([^"]*)"', c.group(1)))
            if ca.get("noevents", "").lower() == "true":
                noevents = True
            elif "eventcode" in ca:
                codings.append((ca.get("sourcecode", "---"), ca.get("targetcode", "---"), ca["eventcode"]))
        d = attrs.get("date", "20000101")
        date = f"{d[:4]}-{d[4:6]}-{d[6:8]}" if re.fullmatch(r"\d{8}", d) else "2000-01-01"
        recs.append({"id": attrs.get("id", f"rec{len(recs)}"), "text": " ".join(html.unescape(t.group(1)).split()),
                     "date": date, "codings": codings, "noevents": noevents and not codings})
    return recs


def expected(code):
    """(country or None, set of sector codes) of a PETRARCH code; None for the null actor."""
    code = code.strip().upper().split("/")[0]
    if not code or set(code) <= set("-"):
        return None
    head, chunks = code[:3], [code[i:i + 3] for i in range(3, len(code), 3) if len(code[i:i + 3]) == 3]
    if head in INTERNATIONAL or head in SECTORS:
        return (None, {head, *chunks})
    return (None if head == "---" else head, set(chunks))


def ours(ep):
    if not ep:
        return None
    country = ep.get("country")
    actor = (ep.get("actor") or "").upper()
    if not country and re.fullmatch(r"[A-Z]{3}", actor):
        country = actor
    return (country, ep.get("agent"))


def agrees(exp_code, ep):
    exp, got = expected(exp_code), ours(ep)
    if exp is None:
        return got is None or (got[0] is None and got[1] is None)
    if got is None:
        return False
    country, sectors = exp
    if country is not None and got[0] != country:
        return False
    if sectors:
        return got[1] in sectors
    return got[1] is None


def code(bin, db, src, dicts):
    extra = []
    for flag, path in dicts:
        extra += [flag, path]
    subprocess.run([bin, "--db", db, *extra, "ingest", src], check=True, stdout=subprocess.DEVNULL)
    out = subprocess.run([bin, "--db", db, "events", "--format", "jsonl"], check=True, capture_output=True, text=True).stdout
    by_doc = collections.defaultdict(list)
    for line in out.splitlines():
        e = json.loads(line)
        by_doc[e["doc"]].append(e)
    return by_doc


def score(recs, by_doc, verbose):
    n = root = src = tgt = full = 0
    rec_n = rec_full = none_n = none_ok = 0
    for r in recs:
        evs = by_doc.get(r["id"], [])
        if r["noevents"]:
            none_n += 1
            none_ok += not evs
            continue
        if not r["codings"]:
            continue
        rec_n += 1
        all_ok = True
        for s, t, c in r["codings"]:
            n += 1
            best = (0, False, False, False, None)
            for e in evs:
                ok = (str(e.get("cameo", ""))[:2] == c[:2], agrees(s, e.get("source")), agrees(t, e.get("target")))
                if sum(ok) > best[0] or best[4] is None:
                    best = (sum(ok), *ok, e)
            _, ro, so, to, e = best
            root += ro
            src += so
            tgt += to
            full += ro and so and to
            all_ok &= bool(ro and so and to)
            if verbose and not (ro and so and to):
                got = f"{e['cameo']} {ours(e.get('source'))} -> {ours(e.get('target'))}" if e else "nothing"
                print(f"  {r['id']}: want {c} {s} -> {t}; got {got}: {r['text'][:100]}")
        rec_full += all_ok
    pct = lambda a, b: f"{100 * a / b:.1f}%" if b else "n/a"
    return {"codings": n, "root": pct(root, n), "source": pct(src, n), "target": pct(tgt, n), "full": pct(full, n),
            "records": rec_n, "records_full": pct(rec_full, rec_n), "noevent_records": none_n, "noevent_right": pct(none_ok, none_n)}


def main():
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("data", nargs="?", default=os.path.join(here, "../../shared/data/petrarch2"))
    ap.add_argument("--bin", default=os.path.join(here, "../target/release/sitrep"))
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    records = os.path.join(a.data, "PETR.UnitTest.records.xml")
    if not os.path.exists(records):
        print(f"petrarch: {records} not found; skipped")
        return 0
    recs = read_records(records)
    with tempfile.TemporaryDirectory() as tmp:
        imp = os.path.join(tmp, "imported")
        files = [os.path.join(a.data, f"PETR.Validate.{k}.txt") for k in ("actors", "agents", "verbs")]
        summary = subprocess.run([a.bin, "dict", "import-petrarch", *files, "--out", imp], capture_output=True, text=True)
        print(summary.stdout.replace(a.data + "/", "").replace(tmp + "/", ""), end="")
        if summary.returncode != 0:
            print(summary.stderr, file=sys.stderr)
            return 1
        src = os.path.join(tmp, "records.jsonl")
        with open(src, "w", encoding="utf-8") as f:
            for r in recs:
                f.write(json.dumps({"id": r["id"], "text": r["text"], "published": r["date"]}) + "\n")
        dicts = [("--dict", os.path.join(imp, "actors.yaml")), ("--verbs", os.path.join(imp, "verbs.yaml"))]
        base = score(recs, code(a.bin, os.path.join(tmp, "base.db"), src, []), False)
        got = score(recs, code(a.bin, os.path.join(tmp, "imp.db"), src, dicts), a.verbose)
    print(f"\n{len(recs)} records, {got['records']} with {got['codings']} expected codings, {got['noevent_records']} expecting none")
    print(f"{'':<22} {'root':>7} {'source':>7} {'target':>7} {'coding':>7} {'record':>7} {'no-event':>9}")
    for name, s in (("ours only", base), ("+ imported PETR.Validate", got)):
        print(f"{name:<22} {s['root']:>7} {s['source']:>7} {s['target']:>7} {s['full']:>7} {s['records_full']:>7} {s['noevent_right']:>9}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
