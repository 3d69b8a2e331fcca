#!/usr/bin/env python3
"""Within-document actor coreference on the 24 GUM news documents (../shared/data/gum/conll).

Usage: eval/gum.py [CONLL_DIR] [--bin target/release/sitrep] [--verbose] [--json FILE]

Gold: the mentions of person and organization chains (every mention of one chain is one entity:
names, titles, "the team", pronouns). The documents come as tokens; we join them into text with
simple detokenisation (no space before closing punctuation, none after opening brackets and
quotes) and run `sitrep extract` on it. sitrep's clean text is aligned back to ours with difflib
(as in eval/re3d.py).

A gold mention is *found* when a sitrep mention (of any kind but nationality, which counts only
when it is the whole mention, e.g. "Afghans") lies inside it and inside no smaller gold mention;
its predicted actor is that sitrep mention's actor (a person, organisation or group mention before
others, then the longest, then the rightmost).
Pairwise scores over the found mentions of a document: precision = share of pairs given one sitrep
actor that are one gold chain; recall = share of pairs of one gold chain that sitrep gives one
actor.
"""
import argparse, collections, itertools, json, os, re, sys

sys.dont_write_bytecode = True  # no eval/__pycache__ beside the scripts
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from re3d import gazetteer_note, run_sitrep, sitrep_mentions  # noqa: E402

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "n't", "'re", "'ve", "'ll", "'d",
                   "'m", "’s", "”", "’", "...", "'S"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "“", "‘", "#"}
PRONOUNS = {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your", "yours",
            "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself", "they",
            "them", "their", "theirs", "themselves", "who", "whom", "whose", "which", "that", "this", "these",
            "those"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "all"}
CHAIN_TYPES = {"person", "organization"}
NAMED_KINDS = {"person", "organisation", "group"}


def parse_cell(cell):
    """'(person-22-Donald_Trump(place-18-United_States)' -> [(open, type, n, close), ...]."""
    out = []
    i = 0
    while i < len(cell):
        m = re.match(r"(\()?([a-z]+)-(\d+)((?:-[^()]*)?)(\))?", cell[i:])
        if not m:
            i += 1
            continue
        out.append((bool(m.group(1)), m.group(2), int(m.group(3)), bool(m.group(5))))
        i += m.end()
    return out


def read_conll(path):
    """Tokens and gold mentions [(start_tok, end_tok_inclusive, type, chain)]."""
    docs = []
    tokens, mentions, stack = [], [], []
    name = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# begin document"):
                name = line.split()[-1]
                tokens, mentions, stack = [], [], []
                continue
            if line.startswith("# end document"):
                docs.append((name, tokens, mentions))
                continue
            if not line.strip():
                continue
            cols = line.split("\t")
            if len(cols) < 3:
                continue
            i = len(tokens)
            tokens.append(cols[1])
            if cols[2] == "_":
                continue
            for opened, typ, n, closed in parse_cell(cols[2]):
                if opened and closed:
                    mentions.append((i, i, typ, n))
                elif opened:
                    stack.append((i, typ, n))
                elif closed:
                    for k in range(len(stack) - 1, -1, -1):
                        if stack[k][2] == n:
                            s, t, _ = stack.pop(k)
                            mentions.append((s, i, t, n))
                            break
    if name and (not docs or docs[-1][0] != name):
        docs.append((name, tokens, mentions))
    return docs


def detokenise(tokens):
    """Text and each token's character span."""
    parts, spans = [], []
    pos = 0
    quote_open = False
    prev = None
    for tok in tokens:
        space = prev is not None
        if tok in NO_SPACE_BEFORE or (tok.startswith("'") and len(tok) <= 3 and tok.lower() in {"'s", "'re", "'ve", "'ll", "'d", "'m"}):
            space = False
        if prev in NO_SPACE_AFTER:
            space = False
        if tok == '"':
            if quote_open:
                space = False
            quote_open = not quote_open
        if prev == '"' and quote_open:
            space = False
        if tok == "-" or prev == "-":
            space = False
        if space:
            parts.append(" ")
            pos += 1
        spans.append((pos, pos + len(tok)))
        parts.append(tok)
        pos += len(tok)
        prev = tok
    return "".join(parts), spans


def mention_form(words):
    ws = [w for w in words]
    if len(ws) == 1 and ws[0].lower() in PRONOUNS:
        return "pronoun"
    if any(w[:1].isupper() and w.lower() not in DETERMINERS | PRONOUNS for w in ws):
        return "name"
    return "nominal"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("data", nargs="?", default=os.path.join(here, "../../shared/data/gum/conll"))
    ap.add_argument("--bin", default=os.path.join(here, "../target/release/sitrep"))
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--json")
    a = ap.parse_args()
    if not os.path.isdir(a.data):
        print(f"gum: {a.data} not found; skipped")
        return 0

    docs = []
    for fn in sorted(os.listdir(a.data)):
        if fn.endswith(".conll"):
            docs += read_conll(os.path.join(a.data, fn))
    texts = {}
    for name, tokens, mentions in docs:
        texts[name] = detokenise(tokens)
    out = run_sitrep(a.bin, [(name, texts[name][0]) for name, _, _ in docs])

    tot = collections.Counter()
    form_tot, form_found = collections.Counter(), collections.Counter()
    pairs = collections.Counter()
    pairs_nobare = collections.Counter()
    chain_ok = chain_multi = 0
    actor_chains = actor_multi = 0
    errors, missed = [], []
    for name, tokens, mentions in docs:
        text, tspans = texts[name]
        ms, _, _ = sitrep_mentions(out[name], text)
        gm = [{"b": tspans[s][0], "e": tspans[e][1], "type": t, "chain": n,
               "words": tokens[s:e + 1]} for s, e, t, n in mentions]
        # Each sitrep mention goes to the smallest gold mention that contains it.
        assigned = collections.defaultdict(list)
        for m in ms:
            inside = [i for i, g in enumerate(gm) if g["b"] <= m["b"] and m["e"] <= g["e"]]
            if inside:
                i = min(inside, key=lambda i: (gm[i]["e"] - gm[i]["b"], -gm[i]["b"]))
                assigned[i].append(m)
        chain_type = {}
        for g in gm:
            chain_type.setdefault(g["chain"], collections.Counter())[g["type"]] += 1
        found = []  # (chain, actor, gold mention, sitrep mention)
        for i, g in enumerate(gm):
            if chain_type[g["chain"]].most_common(1)[0][0] not in CHAIN_TYPES:
                continue
            tot["gold"] += 1
            form = mention_form(g["words"])
            form_tot[form] += 1
            core = " ".join(w for w in g["words"] if w.lower() not in DETERMINERS)
            cands = [m for m in assigned.get(i, []) if m.get("actor") and
                     (m["kind"] != "nationality" or " ".join(text[m["b"]:m["e"]].split()) == core)]
            if not cands:
                if form == "name":
                    missed.append((name, " ".join(g["words"]), g["type"],
                                   [(m["text"], m["kind"], m["actor"]) for m in ms if m["b"] < g["e"] and g["b"] < m["e"]]))
                continue
            m = max(cands, key=lambda m: (m["kind"] in NAMED_KINDS, m["e"] - m["b"], m["b"]))
            form_found[form] += 1
            tot["found"] += 1
            found.append((g["chain"], m["actor"], g, m))
        tot["chains"] += len({c for c, t in chain_type.items() if t.most_common(1)[0][0] in CHAIN_TYPES})
        for (c1, a1, g1, m1), (c2, a2, g2, m2) in itertools.combinations(found, 2):
            same_g, same_p = c1 == c2, a1 == a2
            pairs["gold"] += same_g
            pairs["pred"] += same_p
            pairs["both"] += same_g and same_p
            bare = lambda m: m["kind"] == "agent" and not m.get("country")
            if not (bare(m1) or bare(m2)):
                pairs_nobare["gold"] += same_g
                pairs_nobare["pred"] += same_p
                pairs_nobare["both"] += same_g and same_p
        # Chain level: one actor per chain? one chain per actor?
        by_chain = collections.defaultdict(set)
        by_actor = collections.defaultdict(set)
        for c, act, g, m in found:
            by_chain[c].add(act)
            by_actor[act].add(c)
        for c, acts in by_chain.items():
            if sum(1 for x in found if x[0] == c) >= 2:
                chain_multi += 1
                chain_ok += len(acts) == 1
                if len(acts) > 1:
                    errors.append(("split", name, c, sorted((text[g["b"]:g["e"]], m["actor"]) for cc, _, g, m in found if cc == c)))
        for act, cs in by_actor.items():
            actor_chains += 1
            if len(cs) > 1:
                actor_multi += 1
                errors.append(("merged", name, act, sorted({(text[g["b"]:g["e"]], g["chain"]) for _, aa, g, m in found if aa == act})))

    p = pairs["both"] / pairs["pred"] if pairs["pred"] else 0.0
    r = pairs["both"] / pairs["gold"] if pairs["gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    pb = pairs_nobare["both"] / max(1, pairs_nobare["pred"])
    rb = pairs_nobare["both"] / max(1, pairs_nobare["gold"])
    print(f"GUM news: {len(docs)} documents, {tot['chains']} person/organization chains, {tot['gold']} mentions; "
          f"sitrep found {tot['found']} ({100 * tot['found'] / max(1, tot['gold']):.1f}%)")
    print("found by form: " + ", ".join(f"{k} {form_found[k]}/{form_tot[k]} ({100 * form_found[k] / max(1, form_tot[k]):.0f}%)"
                                       for k in ("name", "nominal", "pronoun")))
    print(f"pairwise over found mentions: precision {100 * p:.1f}% ({pairs['both']}/{pairs['pred']}), "
          f"recall {100 * r:.1f}% ({pairs['both']}/{pairs['gold']}), F1 {100 * f:.1f}%")
    print(f"  without bare sector nouns (\"police\", \"officials\" with no country): precision {100 * pb:.1f}%, recall {100 * rb:.1f}%")
    print(f"chains with >= 2 found mentions resolved to one actor: {chain_ok}/{chain_multi}; "
          f"sitrep actors spanning more than one gold chain: {actor_multi}/{actor_chains}")
    if a.verbose:
        print("\nchains split over several actors, actors merging several chains:")
        for e in errors:
            print(*e)
        print("\nnamed gold mentions not found (with the sitrep mentions inside them, owned by smaller gold mentions):")
        for e in missed:
            print(*e)
    if a.json:
        with open(a.json, "w") as fh:
            json.dump({"docs": len(docs), **tot, "precision": p, "recall": r, "f1": f,
                       "pairs": pairs, "precision_no_bare": pb, "recall_no_bare": rb,
                       "chain_ok": chain_ok, "chain_multi": chain_multi,
                       "actor_multi": actor_multi, "actors": actor_chains,
                       "form_found": form_found, "form_total": form_tot}, fh, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
