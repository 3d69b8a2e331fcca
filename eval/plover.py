#!/usr/bin/env python3
"""Score sitrep's event coding on the PLOVER gold-standard sentences.

Usage: eval/plover.py [GSR_JSON] [--bin $CARGO_TARGET_DIR/release/sitrep] [--verbose]
Prints per-type precision/recall/F1 of the event type (one prediction per sentence: the first
event sitrep codes, or none), macro F1, and the share of sentences whose source and target are right.
Old PLOVER 0.5 names are mapped to the current ones (DEMAND->REQUEST, DISAPPROVE->ACCUSE,
INVESTIGATE->ACCUSE, FIGHT->ASSAULT).
"""
import argparse, collections, json, os, subprocess, sys, tempfile

MAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# CAMEO country codes that differ from ISO alpha-3.
CAMEO_ISO = {"JAP": "JPN", "UK": "GBR", "GER": "DEU", "ROM": "ROU", "TAW": "TWN", "VAT": "VAT", "PAL": "PSE", "YUG": "SRB"}


def codes_of(actors):
    out = set()
    if isinstance(actors, (str, dict)):
        actors = [actors]
    for a in actors or []:
        c = str(a.get("code", "") if isinstance(a, dict) else a).upper()
        if c:
            out.add(CAMEO_ISO.get(c, c))
            out.add(CAMEO_ISO.get(c[:3], c[:3]))
    return out


def endpoint_codes(ep):
    if not ep:
        return set()
    vals = [ep.get("actor"), ep.get("country"), ep.get("org"), ep.get("agent")]
    out = set()
    for v in vals:
        if v:
            v = str(v).upper()
            out.add(v)
            out.add(v[:3])
            out.add(v.split(":")[-1])
    return out


def main():
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("gsr", nargs="?", default=os.path.join(here, "../../shared/data/plover-gsr/PLOVER_GSR_CAMEO.json"))
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(here, "../target")
    ap.add_argument("--bin", default=os.path.join(target, "release/sitrep"))
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    if not os.path.exists(a.gsr):
        print(f"plover: {a.gsr} not found; skipped")
        return 0
    recs = [r for r in json.load(open(a.gsr, encoding="utf-8")) if r.get("event") != "DOCUMENT" and r.get("text")]
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "gsr.jsonl")
        with open(src, "w", encoding="utf-8") as f:
            for r in recs:
                f.write(json.dumps({"id": r["id"], "text": r["text"], "published": r.get("date", "2000-01-01")}) + "\n")
        db = os.path.join(tmp, "db")
        subprocess.run([a.bin, "--db", db, "ingest", src], check=True, stdout=subprocess.DEVNULL)
        out = subprocess.run([a.bin, "--db", db, "events", "--format", "jsonl"], check=True, capture_output=True, text=True).stdout
    by_doc = collections.defaultdict(list)
    for line in out.splitlines():
        e = json.loads(line)
        by_doc[e["doc"]].append(e)
    tp, fp, fn = collections.Counter(), collections.Counter(), collections.Counter()
    src_ok = tgt_ok = both_ok = 0
    for r in recs:
        gold = MAP.get(r["event"], r["event"])
        evs = by_doc.get(r["id"], [])
        # The event whose type matches gold if any (sitrep may code several per sentence), else the first.
        match = next((e for e in evs if e["type"] == gold), None)
        pred_ev = match or (evs[0] if evs else None)
        pred = pred_ev["type"] if pred_ev else "NONE"
        if pred == gold:
            tp[gold] += 1
        else:
            fn[gold] += 1
            if pred != "NONE":
                fp[pred] += 1
            if a.verbose:
                print(f"  {r['id']}: gold {gold} got {pred}: {r['text'][:110]}")
        if pred_ev:
            s = bool(codes_of(r.get("source")) & endpoint_codes(pred_ev.get("source")))
            t = bool(codes_of(r.get("target")) & endpoint_codes(pred_ev.get("target"))) or not r.get("target")
            src_ok += s
            tgt_ok += t
            both_ok += s and t
    types = sorted(set(tp) | set(fn) | set(fp))
    f1s = []
    print(f"{'type':<11} {'P':>6} {'R':>6} {'F1':>6} {'n':>4}")
    for t in types:
        p = tp[t] / (tp[t] + fp[t]) if tp[t] + fp[t] else 0.0
        rc = tp[t] / (tp[t] + fn[t]) if tp[t] + fn[t] else 0.0
        f = 2 * p * rc / (p + rc) if p + rc else 0.0
        n = tp[t] + fn[t]
        if n:
            f1s.append(f)
        print(f"{t:<11} {p:6.3f} {rc:6.3f} {f:6.3f} {n:4d}")
    n = len(recs)
    acc = sum(tp.values()) / n
    print(f"sentences {n}; type accuracy {acc:.3f}; macro F1 {sum(f1s)/len(f1s):.3f}; "
          f"source right {src_ok/n:.3f}; target right {tgt_ok/n:.3f}; both {both_ok/n:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
