//! Source and target of a trigger, from the mentions around it.
//!
//! Without a parser we read the clause's shape: the source is the nearest actor before the
//! trigger that is not the object of a preposition (a possessive counts: "Pakistan's airstrikes"),
//! the target the first actor after it (the head after a possessive: "Tajikistan's Northern
//! Alliance leaders"). Passives ("were attacked by X") swap them; a participle after a comma
//! (", killing ...") keeps the clause's source; coordinated actors ("Iran, Tajikistan and India")
//! each take part; "it" and "them" point back to the last group or state named.

use sitrep_model::{Mention, MentionKind};
use sitrep_text::Token;

const PREPOSITIONS: &[&str] = &[
    "of",
    "in",
    "at",
    "near",
    "from",
    "on",
    "to",
    "with",
    "against",
    "for",
    "into",
    "through",
    "over",
    "across",
    "about",
    "toward",
    "towards",
    "between",
    "among",
    "including",
    "via",
    "under",
    "inside",
    "outside",
    "within",
    "by",
    "like",
    "than",
    "after",
    "before",
    "during",
    "since",
    "amid",
    "around",
];
const LOCATIVE: &[&str] = &["in", "at", "near", "inside", "across", "outside", "around", "from", "into", "throughout", "within"];
const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "get", "got", "gets"];
const SKIPPABLE: &[&str] = &[
    "reportedly",
    "allegedly",
    "also",
    "recently",
    "later",
    "reported",
    "repeatedly",
    "then",
    "not",
    "never",
    "already",
    "being",
    "been",
    "had",
    "has",
    "have",
];

/// Who acts and who is acted on.
#[derive(Default, Debug)]
pub struct Roles<'a> {
    pub sources: Vec<&'a Mention>,
    pub targets: Vec<&'a Mention>,
    pub passive: bool,
}

struct Ctx<'a> {
    text: &'a str,
    toks: &'a [Token],
    /// Mentions of this sentence that can be actors.
    mentions: Vec<&'a Mention>,
}

impl<'a> Ctx<'a> {
    fn word(&self, i: usize) -> String {
        self.toks.get(i).map(|t| t.text(self.text).to_lowercase()).unwrap_or_default()
    }
    fn tok_at(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| t.end <= pos)
    }
    fn prep_before(&self, m: &Mention) -> Option<String> {
        let mut i = self.tok_at(m.start);
        // Skip determiners and modifiers between the preposition and the name.
        let mut steps = 0;
        while i > 0 && steps < 3 {
            let w = self.word(i - 1);
            if PREPOSITIONS.contains(&w.as_str()) {
                return Some(w);
            }
            if !matches!(w.as_str(), "the" | "a" | "an" | "its" | "their" | "his" | "her" | "several" | "some" | "many" | "other") {
                return None;
            }
            i -= 1;
            steps += 1;
        }
        None
    }
    fn is_location(&self, m: &Mention) -> bool {
        matches!(m.kind, MentionKind::Place | MentionKind::Country) && self.prep_before(m).is_some_and(|p| LOCATIVE.contains(&p.as_str()))
    }
    /// Only words like "and" and commas between two mentions: they are coordinated.
    fn coordinated(&self, a: &Mention, b: &Mention) -> bool {
        let (i, j) = (self.tok_at(a.end), self.tok_at(b.start));
        if i >= j {
            return a.end <= b.start && self.text[a.end..b.start].trim().is_empty();
        }
        (i..j).all(|k| matches!(self.word(k).as_str(), "and" | "," | "-" | "or" | "the" | "as" | "well"))
            && (i..j).any(|k| matches!(self.word(k).as_str(), "and" | "," | "-" | "or"))
    }
}

fn actor_like(m: &Mention) -> bool {
    m.actor.is_some() || m.kind == MentionKind::Person || (m.kind == MentionKind::Agent)
}

/// The roles of the trigger at tokens `first..=last`. `prev_source` is the source of the
/// previous event in the same sentence, for participles.
/// Where a trigger sits in its sentence.
#[derive(Clone, Copy, Debug)]
pub struct At {
    pub first: usize,
    pub last: usize,
    /// The pattern's source comes after it.
    pub reverse: bool,
}

pub fn find<'a>(
    text: &'a str,
    toks: &'a [Token],
    sentence_mentions: &[&'a Mention],
    doc_mentions: &'a [Mention],
    at: At,
    prev_source: &[&'a Mention],
) -> Roles<'a> {
    let At { first, last, reverse } = at;
    let ctx = Ctx { text, toks, mentions: sentence_mentions.iter().copied().filter(|m| actor_like(m)).collect() };
    let (tstart, tend) = (toks[first].start, toks[last].end);
    let first_word = ctx.word(first);

    // Passive: a form of "be" just before a participle trigger.
    let mut k = first;
    while k > 0 && SKIPPABLE.contains(&ctx.word(k - 1).as_str()) {
        k -= 1;
    }
    let participle = first_word.ends_with("ed")
        || first_word.ends_with("en")
        || matches!(
            first_word.as_str(),
            "met" | "held" | "struck" | "shot" | "led" | "hit" | "fought" | "sent" | "seized" | "caught" | "built" | "sought" | "brought"
        );
    let passive = k > 0 && BE.contains(&ctx.word(k - 1).as_str()) && participle;

    let before: Vec<&Mention> = ctx.mentions.iter().copied().filter(|m| m.end <= tstart).collect();
    let after: Vec<&Mention> = ctx.mentions.iter().copied().filter(|m| m.start >= tend).collect();

    // Nearest subject-like mention before the trigger, with what it is coordinated with.
    let subject = |list: &[&'a Mention]| -> Vec<&'a Mention> {
        let mut out = Vec::new();
        let pick = list.iter().rev().find(|m| {
            let prep = ctx.prep_before(m);
            (prep.is_none() || prep.as_deref() == Some("like")) && !ctx.is_location(m) && m.kind != MentionKind::Place
        });
        if let Some(&s) = pick {
            out.push(s);
            let mut cur = s;
            for &m in list.iter().rev().filter(|m| m.end <= s.start) {
                if ctx.coordinated(m, cur) {
                    out.push(m);
                    cur = m;
                } else {
                    break;
                }
            }
        }
        out
    };
    // First object-like mention after the trigger, the head after a possessive, and coordinated ones.
    let object = |list: &[&'a Mention]| -> Vec<&'a Mention> {
        let mut out = Vec::new();
        // Places after "in", "near" are where, not whom, unless nothing else is there.
        let mut it = list.iter().copied().filter(|m| !ctx.is_location(m)).peekable();
        let Some(mut o) = it.next().or_else(|| list.first().copied()) else { return out };
        let poss = text[o.end..].starts_with("'s") || text[o.end..].starts_with("’s") || (o.kind == MentionKind::Nationality);
        if poss
            && let Some(next) = it.peek()
            && ctx.tok_at(next.start) <= ctx.tok_at(o.end) + 3
        {
            o = next;
            it.next();
        }
        out.push(o);
        let mut cur = o;
        for m in it {
            if ctx.coordinated(cur, m) {
                out.push(m);
                cur = m;
            } else {
                break;
            }
        }
        out
    };
    // Mentions too far from the trigger are not its arguments.
    let near_after: Vec<&Mention> = after.iter().copied().filter(|m| ctx.tok_at(m.start) <= last + 14).collect();
    let near_before: Vec<&Mention> = before.iter().copied().filter(|m| ctx.tok_at(m.end) + 22 >= first).collect();

    let mut roles = Roles { passive, ..Default::default() };
    if passive {
        roles.targets = subject(&near_before);
        if let Some(by) = (last + 1..(last + 8).min(toks.len())).find(|&i| ctx.word(i) == "by") {
            let by_pos = toks[by].end;
            roles.sources = object(&near_after.iter().copied().filter(|m| m.start >= by_pos).collect::<Vec<_>>());
        }
    } else if reverse {
        roles.sources = object(&near_after);
        roles.targets = subject(&near_before);
    } else {
        let participle_clause = first > 0 && ctx.word(first - 1) == "," && first_word.ends_with("ing");
        roles.sources = if participle_clause && !prev_source.is_empty() { prev_source.to_vec() } else { subject(&near_before) };
        roles.targets = object(&near_after);
    }
    // Pronoun objects point back to the last group or state (not the source itself).
    if roles.targets.is_empty() && !passive {
        let pron = (last + 1..(last + 3).min(toks.len())).map(|i| ctx.word(i)).find(|w| matches!(w.as_str(), "it" | "them"));
        if pron.is_some() {
            let src_ids: Vec<_> = roles.sources.iter().map(|m| m.actor.clone()).collect();
            if let Some(m) = doc_mentions.iter().rev().find(|m| {
                m.end <= tstart
                    && matches!(m.kind, MentionKind::Group | MentionKind::Organisation | MentionKind::Country)
                    && !src_ids.contains(&m.actor)
            }) {
                roles.targets.push(m);
            }
        }
    }
    roles
}
