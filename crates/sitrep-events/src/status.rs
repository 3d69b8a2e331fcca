//! How sure the text is of an event, and who it is attributed to.
//!
//! Cues are read in the trigger's clause (negation, modality, hedges) and in its sentence
//! (attribution: "according to X", "X said", "said X", "it is reported that").

// The word lists are `matches!` tests, not slices searched with `contains`: see `roles`.

use sitrep_model::{Mention, MentionKind, Status};
use sitrep_text::{Token, TokenKind};

/// Words that negate the act: these, and any "n't" word.
fn negation(w: &str) -> bool {
    w.ends_with("n't")
        || matches!(
            w,
            "not"
                | "never"
                | "no"
                | "neither"
                | "nor"
                | "without"
                | "cannot"
                | "didn't"
                | "don't"
                | "doesn't"
                | "hasn't"
                | "haven't"
                | "hadn't"
                | "wasn't"
                | "weren't"
                | "isn't"
                | "aren't"
                | "won't"
                | "wouldn't"
                | "couldn't"
                | "refused"
                | "failed"
        )
}
/// Verbs of opposition that refuse the act in the gerund after them.
fn oppose(w: &str) -> bool {
    matches!(w, "oppose" | "opposes" | "opposed" | "opposing" | "resist" | "resists" | "resisted")
}
fn denial(w: &str) -> bool {
    matches!(w, "denied" | "denies" | "deny" | "denying" | "rejected" | "dismissed" | "refuted" | "disputed")
}
fn unconfirmed(w: &str) -> bool {
    matches!(w, "confirmation" | "unconfirmed" | "unverified" | "verify" | "verified" | "confirm" | "confirmed" | "independently")
}
/// Modal verbs reach the whole clause ("could be a way for Pakistan to pressure ...").
fn modal(w: &str) -> bool {
    matches!(w, "may" | "might" | "could" | "would" | "should")
}
fn hypothetical(w: &str) -> bool {
    matches!(
        w,
        "may"
            | "might"
            | "could"
            | "can"
            | "would"
            | "should"
            | "if"
            | "possibly"
            | "possible"
            | "likely"
            | "unless"
            | "whether"
            | "advised"
            | "potentially"
            | "perhaps"
    )
}
fn planned(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "plan"
            | "plans"
            | "planned"
            | "planning"
            | "expected"
            | "intends"
            | "intend"
            | "intended"
            | "scheduled"
            | "set"
            | "aims"
            | "aim"
            | "aiming"
            | "going"
            | "seeking"
            | "seeks"
            | "trying"
            | "tries"
            | "decided"
            | "prepared"
            | "preparing"
            | "vowed"
            | "pledged"
            | "promised"
            | "threatened"
            | "mind"
            | "wants"
            | "want"
            | "wanted"
            | "hopes"
            | "hoped"
            | "ready"
            | "willing"
            | "due"
            | "poised"
            | "upcoming"
    )
}
fn alleged(w: &str) -> bool {
    matches!(
        w,
        "allegedly"
            | "alleged"
            | "alleging"
            | "accused"
            | "accuses"
            | "suspected"
            | "purportedly"
            | "purported"
            | "claimed"
            | "claims"
            | "supposedly"
            | "accusing"
            | "claiming"
            | "blamed Pakistan for the attack"
            | "blamed"
            | "blames"
            | "blaming"
            | "blame"
    )
}
/// Adverbs that hedge a whole clause, wherever the trigger stands in it.
fn hedge(w: &str) -> bool {
    matches!(w, "allegedly" | "purportedly" | "supposedly" | "apparently" | "appears" | "appeared" | "seems" | "seemed")
}
/// Verbs whose object is asked or made to do what follows ("urged the government to train").
const OBJECT_CONTROL: &[&str] = &[
    "urg", "ask", "forc", "compel", "encourag", "persuad", "invit", "order", "pressur", "call", "challeng", "dar", "tell", "told", "want",
    "expect", "allow", "permit", "authoriz", "authoris",
];
fn reported(w: &str) -> bool {
    matches!(w, "reportedly" | "reported" | "reports" | "report")
}
/// Verbs of saying: looked for across whole sentences for every trigger.
fn is_speech(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "say"
            | "told"
            | "tells"
            | "added"
            | "stated"
            | "noted"
            | "revealed"
            | "announced"
            | "confirmed"
            | "reported"
            | "suggest"
            | "suggests"
            | "suggested"
            | "believe"
            | "believes"
            | "wrote"
            | "argued"
            | "insisted"
            | "reminded"
            | "explained"
            | "quoted"
            | "cited"
            | "tweeted"
            | "declared"
            | "concluded"
            | "reiterated"
            | "stressed"
            | "asserted"
            | "maintained"
            | "demanded"
            | "demanding"
            | "warned"
            | "charged"
            | "saying"
            | "stating"
            | "claiming"
            | "adding"
            | "insisting"
    )
}

/// Words that open a new clause: cues before them do not reach the trigger.
fn clause_opener(w: &str) -> bool {
    matches!(w, "," | ";" | ":" | "but" | "though" | "although" | "while" | "whereas" | "—" | "–" | "(" | ")")
}

/// The status of the event whose trigger spans tokens `first..=last`, and its attribution.
pub struct Judgement<'a> {
    pub status: Status,
    /// A mention when the source of the claim is an actor.
    pub by: Option<&'a Mention>,
    /// The words naming the source when it is no actor ("people familiar with the matter").
    pub by_text: Option<String>,
    /// The trigger itself is negated ("did not recognise"), not reported as denied.
    pub negated: bool,
    /// The actor states its own intention ("will release", "is ready to withdraw"): in PLOVER the
    /// statement is itself an AGREE (cooperative acts) or a THREATEN (hostile acts).
    pub intent: bool,
    /// Someone is told what they must do ("Sudan must return the helicopter", "demanded that
    /// Hamas renounce"): the statement is a REQUEST.
    pub obligation: bool,
    /// The act hangs on a condition ("unless", "if").
    pub conditional: bool,
    /// The condition is one the other side must meet to avert the act ("unless"): an ultimatum.
    pub ultimatum: bool,
    /// The actor refuses the act outright ("refused to allow", "declined to meet").
    pub refused: bool,
}

/// Words of outright refusal: the refusal is itself a REJECT.
fn refusal_word(w: &str) -> bool {
    matches!(w, "refused" | "refuses" | "refuse" | "declined" | "declines" | "rejected" | "rejects")
}

/// Words that state one's own intention right before the act.
fn intent_word(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "would"
            | "willing"
            | "ready"
            | "prepared"
            | "pledged"
            | "promised"
            | "vowed"
            | "offered"
            | "intends"
            | "intend"
            | "plans"
            | "planned"
            | "set"
    )
}
/// Words that lay an obligation on the act's subject.
fn obligation_word(w: &str) -> bool {
    matches!(w, "must" | "should" | "demanded" | "demands" | "demand" | "demanding" | "insisted" | "insisting" | "urged" | "urging")
}

pub(crate) fn lw(text: &str, t: &Token) -> String {
    t.text(text).to_lowercase().replace('’', "'")
}

/// Whether any of `ws` is in `list`.
fn has_any<'w>(list: fn(&str) -> bool, mut ws: impl Iterator<Item = &'w &'w str>) -> bool {
    ws.any(|w| list(w))
}

/// Judge a trigger's status from its clause and sentence.
/// "The opinion among security experts ... has strengthened that the Taliban are harbouring X",
/// "suspicions that ...": a clause held by an opinion, belief or rumour is alleged, not asserted.
fn belief_that(words: &[&str], open: usize, first: usize) -> bool {
    let Some(that) = (open..first).rev().find(|&i| words[i] == "that") else { return false };
    words[that.saturating_sub(9)..that].iter().any(|w| {
        matches!(
            *w,
            "opinion"
                | "belief"
                | "beliefs"
                | "suspicion"
                | "suspicions"
                | "perception"
                | "impression"
                | "allegation"
                | "allegations"
                | "rumour"
                | "rumours"
                | "rumor"
                | "rumors"
                | "speculation"
                | "theory"
                | "fears"
                | "assumption"
        )
    })
}

/// "no military sites had been hit", "none of the ships were struck", "no one attacked": a
/// subject that opens with "no" or "none" negates its verb, however long the noun phrase (up to
/// five words between it and the auxiliaries before the trigger).
fn no_subject(words: &[&str], clause_start: usize, first: usize) -> bool {
    let mut k = first;
    while k > clause_start && aux_chain(words[k - 1]) {
        k -= 1;
    }
    (k.saturating_sub(6).max(clause_start)..k)
        .rev()
        .take_while(|&i| !matches!(words[i], "," | ";" | ":" | "and" | "but" | "or"))
        .any(|i| matches!(words[i], "no" | "none"))
}

/// "has not confirmed or denied carrying out the strike", "neither confirmed nor denied that":
/// the act is left open, neither asserted nor denied.
fn left_open(window: &[&str]) -> bool {
    window.windows(3).any(|t| t[0].starts_with("confirm") && matches!(t[1], "or" | "nor") && t[2].starts_with("den"))
}

/// Auxiliaries that may stand between a subject and its verb.
fn aux_chain(w: &str) -> bool {
    matches!(
        w,
        "had" | "has" | "have" | "been" | "be" | "was" | "were" | "is" | "are" | "being" | "will" | "would" | "yet" | "ever" | "so" | "far"
    )
}

pub fn judge<'a>(sentence: &crate::Words<'_>, first: usize, last: usize, mentions: &[&'a Mention]) -> Judgement<'a> {
    let (text, toks, words) = (sentence.text, sentence.toks, &sentence.lower);
    // The trigger's clause, back to the nearest clause opener; "that" clauses keep their cue ("no confirmation that").
    let mut clause_start = first;
    let mut steps = 0;
    while clause_start > 0 && steps < 10 {
        if clause_opener(words[clause_start - 1]) {
            break;
        }
        clause_start -= 1;
        steps += 1;
    }
    let window = &words[clause_start..first];
    // A hedging adverb reaches the whole clause, however long ("Pakistan is allegedly seeking to
    // strengthen its ties ... by establishing new training centers").
    let mut open = clause_start;
    while open > 0 && !clause_opener(words[open - 1]) {
        open -= 1;
    }
    let clause = &words[open..first];
    let near = &words[first.saturating_sub(4).max(clause_start)..first];
    let has = |list: fn(&str) -> bool, ws: &[&str]| has_any(list, ws.iter());
    let trigger_words = &words[first..=last];

    let that_before = window.contains(&"that");
    // "oppose helping Pakistan", "are opposed to sending troops": the act is refused, not done.
    let opposed = words[first].ends_with("ing") && {
        let mut k = first;
        if k >= 1 && words[k - 1] == "to" {
            k -= 1;
        }
        k >= 1 && oppose(words[k - 1])
    };
    // "has refused to recognise": a refusal's own verb is what it asserts, no negation of it.
    let own_refusal = usize::from(matches!(trigger_words[0], "refused" | "refuses" | "refuse" | "refusing"));
    let negated = has(negation, near)
        || has_any(negation, trigger_words.iter().skip(own_refusal))
        || opposed
        || no_subject(words, clause_start, first);
    // "would" states an intention in reported speech ("they said they would boycott").
    let reported_would = near.contains(&"would") && words[..first].iter().any(|w| is_speech(w));
    let status = if left_open(window) {
        Status::Unconfirmed
    } else if negated || (that_before && has(denial, window)) {
        if window.contains(&"no") && has(unconfirmed, window) { Status::Unconfirmed } else { Status::Denied }
    } else if has(unconfirmed, window) && window.iter().any(|w| matches!(*w, "no" | "not" | "unconfirmed" | "unverified")) {
        Status::Unconfirmed
    } else if has_any(hypothetical, near.iter().filter(|w| !(reported_would && **w == "would")))
        || has_any(modal, window.iter().filter(|w| !(reported_would && **w == "would")))
        || words[..first].contains(&"if")
    {
        Status::Hypothetical
    } else if has(planned, near)
        || (first > 0
            && words[first - 1] == "to"
            && (has(planned, window)
                || window.iter().any(|w| crate::roles::starts_with_any(w, OBJECT_CONTROL))
                // a deadline: "gives Israel 60 days to withdraw"
                || window.iter().any(|w| matches!(*w, "days" | "weeks" | "months" | "hours" | "deadline"))))
    {
        // An infinitive after an intention ("decided to", "urged X to") has not happened yet;
        // one of purpose or of a fact ("known to have", "leveraging X to apply") keeps its clause's status.
        Status::Planned
    } else if has(alleged, window) || has(hedge, clause) || belief_that(words, open, first) {
        Status::Alleged
    } else {
        Status::Asserted
    };

    // Attribution, sentence-wide.
    let mut by = None;
    let mut by_text = None;
    if let Some(k) = words.windows(2).position(|w| w[0] == "according" && w[1] == "to") {
        let after = toks.get(k + 2).map_or(usize::MAX, |t| t.start);
        by = mentions.iter().copied().find(|m| m.start >= after && m.start < toks.get(k + 8).map_or(usize::MAX, |t| t.end));
        by_text = Some(
            toks[k + 2..]
                .iter()
                .take_while(|t| !(t.kind == TokenKind::Punct && matches!(t.text(text), "," | "." | ";")))
                .map(|t| t.text(text))
                .collect::<Vec<_>>()
                .join(" "),
        );
    } else if let Some(k) = (0..first).rev().find(|&k| is_speech(words[k]) && !unsaid(words, k)) {
        // "Pakistani media said the ISI chief met ...": the speaker is the mention before the verb.
        let verb_start = toks[k].start;
        let sentence_start = toks.first().map_or(0, |t| t.start);
        // "the Red Cross operating in Iraq said", "Iran's mission to the United Nations said": a
        // place or body after a preposition is not the speaker when a name before it can be.
        let candidates: Vec<&Mention> = mentions.iter().copied().filter(|m| m.end <= verb_start && m.start >= sentence_start).collect();
        let located = |m: &Mention| {
            let i = toks.partition_point(|t| t.end <= m.start);
            let j = if i > 1 && words[i - 1] == "the" { i - 2 } else { i.wrapping_sub(1) };
            i > 0 && matches!(words[j], "in" | "at" | "near" | "from" | "inside" | "across" | "to")
        };
        let coordinated = k > 0 && matches!(words[k - 1], "and" | "but");
        // "X condemned the raid and said ...": a speech verb coordinated with an earlier verb has
        // the sentence's subject as its speaker: the first named actor of the sentence, not one
        // after "by" or "of" ("an act by Kyiv", "the rulers of Niger"), nor the last name before it
        let agent = |m: &Mention| {
            let i = toks.partition_point(|t| t.end <= m.start);
            i > 0 && matches!(words[i - 1], "by" | "of")
        };
        let named =
            |m: &Mention| matches!(m.kind, MentionKind::Person | MentionKind::Country | MentionKind::Organisation | MentionKind::Group);
        by = candidates
            .iter()
            .copied()
            .find(|m| coordinated && named(m) && !located(m) && !agent(m))
            .or_else(|| candidates.iter().rev().find(|m| !located(m)).or(candidates.last()).copied());
        if by.is_none() {
            by_text = Some(toks[..k].iter().map(|t| t.text(text)).collect::<Vec<_>>().join(" "));
        }
    } else if let Some(k) = (last + 1..words.len())
        .find(|&k| is_speech(words[k]) && k > 0 && (words[k - 1] == "," || toks[k - 1].kind == TokenKind::Word))
        // "condemned the attack and said the army would ...": a second verb of the same subject
        // reports that subject's words, not who told of the first act
        .filter(|&k| !matches!(words[k - 1], "and" | "but" | "then" | "also"))
        // "launched a missile, in a test that South Korea and Japan said set a record": a speech
        // verb inside a relative clause speaks of that clause's noun, not of the trigger's act
        .filter(|&k| {
            let from = (last + 1..k).rev().find(|&j| words[j] == ",").map_or(last + 1, |c| c + 1);
            !words[from..k].iter().any(|w| matches!(*w, "that" | "which" | "who" | "whom" | "whose"))
        })
    {
        // "..., said Farid Mamundzay" / "..., people familiar with the matter said."
        let after_start = toks[k].end;
        by = mentions.iter().copied().find(|m| m.start >= after_start && m.start < toks.get(k + 4).map_or(usize::MAX, |t| t.end));
        if by.is_none() {
            let from = (last + 1..k).rev().find(|&j| words[j] == ",").map_or(k, |c| c + 1);
            let who: Vec<&str> = toks[from.min(k)..k].iter().map(|t| t.text(text)).collect();
            if !who.is_empty() && who.len() <= 8 {
                by_text = Some(who.join(" "));
            }
        }
    }
    if (has(reported, window) || clause.contains(&"reportedly")) && by.is_none() && by_text.is_none() {
        by_text = Some("unnamed reports".into());
    }
    let by_text = by_text.filter(|s| !s.trim().is_empty());
    let status = if status == Status::Asserted && (by.is_some() || by_text.is_some()) { Status::Reported } else { status };
    // "is willing to send troops to help": an intention reaches along a chain of infinitives.
    let chained = first > 0 && words[first - 1] == "to" && window.windows(2).any(|w| w[1] == "to" && w[0] != "would" && intent_word(w[0]));
    let intent = !negated && (near.iter().any(|w| *w != "would" && intent_word(w)) || reported_would || chained);
    // A promise made conditional on what the other side does ("will withdraw if they disarm") is
    // still a promise; one the other side must avert ("will strike unless") is a threat.
    let conditional = words[last + 1..].iter().any(|w| *w == "unless" || *w == "if");
    let ultimatum = words[last + 1..].contains(&"unless");
    let obligation = !negated && window.iter().any(|w| obligation_word(w));
    // What someone is told to do has not been done ("demanded that Ukraine withdraw").
    let status = if obligation && matches!(status, Status::Asserted | Status::Reported) { Status::Planned } else { status };
    let refused = words[first.saturating_sub(4)..first].iter().any(|w| refusal_word(w));
    Judgement { status, by, by_text, negated: negated && status == Status::Denied, intent, obligation, conditional, ultimatum, refused }
}

/// "Israel has not confirmed or denied carrying out the strike", "did not say", "neither confirmed
/// nor denied": a speech verb negated, or left open, says nothing; its subject is no source of
/// what follows (an earlier speaker may be: "officials said Israel has not confirmed ...").
fn unsaid(words: &[&str], k: usize) -> bool {
    let before = &words[k.saturating_sub(3)..k];
    before.iter().any(|w| matches!(*w, "not" | "never" | "neither" | "nor" | "no") || w.ends_with("n't"))
        || matches!(words.get(k + 1).copied(), Some("or" | "nor"))
        || (k >= 1 && matches!(words[k - 1], "or" | "nor"))
}

/// Nouns that carry a statement ("issued a reminder to Iraq that it must ...").
fn statement_noun(w: &str) -> bool {
    matches!(
        w,
        "reminder"
            | "declaration"
            | "statement"
            | "warning"
            | "demand"
            | "demands"
            | "call"
            | "ultimatum"
            | "message"
            | "letter"
            | "resolution"
    )
}
/// Speech verbs that report a demand (besides `is_speech`).
fn demand_speech(w: &str) -> bool {
    matches!(
        w,
        "urged" | "urging" | "told" | "telling" | "reminded" | "demanding" | "insisting" | "concluded" | "ruled" | "decided" | "agreed"
    )
}

/// "X said Y must withdraw", "X told Y that it should stop": someone lays an obligation on
/// someone else, which PLOVER codes as a REQUEST whatever the act demanded is. Pairs of (who
/// demands, who is to act, the modal's token), for the obligations of a sentence that name both.
pub fn obligations<'a>(sentence: &crate::Words<'_>, mentions: &[&'a Mention]) -> Vec<(&'a Mention, &'a Mention, usize)> {
    let (toks, words) = (sentence.toks, &sentence.lower);
    let tok_at = |pos: usize| toks.partition_point(|t| t.end <= pos);
    let prep_before = |m: &Mention| {
        let mut i = tok_at(m.start);
        while i > 0 && matches!(words[i - 1], "the" | "a" | "an") {
            i -= 1;
        }
        i > 0
            && matches!(
                words[i - 1],
                "in" | "of" | "at" | "on" | "from" | "to" | "with" | "by" | "for" | "against" | "near" | "into" | "across" | "over"
            )
    };
    let mut out = Vec::new();
    for i in 1..words.len() {
        if !matches!(words[i], "must" | "should") || words.get(i + 1).is_some_and(|w| *w == "have") {
            continue;
        }
        // Who is to act: the names right before the modal ("the US and British forces must").
        let mut obliged: Vec<&Mention> = Vec::new();
        let mut edge = toks[i].start;
        while let Some(&m) = mentions.iter().filter(|m| m.end <= edge).max_by_key(|m| m.end) {
            let between: Vec<&&str> = words[tok_at(m.end)..tok_at(edge)].iter().collect();
            let joined = between.iter().all(|w| matches!(**w, "and" | "," | "the" | "other" | "its" | "their"));
            let ok = if obliged.is_empty() { between.is_empty() } else { joined && !between.is_empty() };
            if !ok {
                break;
            }
            obliged.push(m);
            edge = m.start;
        }
        let pronoun = obliged.is_empty() && matches!(words[i - 1], "it" | "they");
        let subject_tok = if pronoun { i - 1 } else { obliged.last().map_or(i, |m| tok_at(m.start)) };
        if obliged.is_empty() && !pronoun {
            continue;
        }
        // The statement that carries it: a speech verb or noun before, at most "that" and a few
        // words away ("declared on Tuesday that China must").
        let cue = (subject_tok.saturating_sub(8)..subject_tok).rev().find(|&k| {
            let w = words[k];
            is_speech(w) || demand_speech(w) || statement_noun(w)
        });
        // Who makes it: the nearest name before the cue that is no prepositional object; with no
        // cue before, the speaker after the clause ("Israel must reopen the crossing, Egypt said").
        let speaker = match cue {
            Some(cue) => mentions.iter().rev().find(|m| m.end <= toks[cue].start && !prep_before(m)).copied(),
            None => (i + 1..words.len()).find(|&k| is_speech(words[k]) && words[k - 1] != "to").and_then(|k| {
                let comma = (i + 1..k).rev().find(|&j| words[j] == ",")?;
                let after_comma = toks[comma].end;
                mentions
                    .iter()
                    .find(|m| {
                        (m.start >= after_comma && m.end <= toks[k].start && tok_at(m.end) == k)
                            || (m.start >= toks[k].end && tok_at(m.start) <= k + 2)
                    })
                    .copied()
            }),
        };
        let Some(speaker) = speaker else { continue };
        if pronoun {
            // "reminded Iraq that it must", "a warning to Iraq that it must": the addressee.
            if let Some(cue) = cue
                && let Some(&m) = mentions.iter().rev().find(|m| m.start >= toks[cue].end && m.end <= toks[subject_tok].start)
            {
                obliged.push(m);
            }
        }
        for m in obliged {
            if m.actor.is_some() && m.actor != speaker.actor {
                out.push((speaker, m, i));
            }
        }
    }
    out
}
