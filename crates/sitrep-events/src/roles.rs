//! Source and target of a trigger, from the mentions around it.
//!
//! Without a parser we read the clause's shape:
//! - the source is the nearest actor before the trigger that is not the object of a preposition;
//!   a possessive right before a nominal trigger is its source ("Pakistan's airstrikes");
//! - a nominal trigger after a determiner or preposition ("the visit", "with recent attacks")
//!   takes its source only from a possessive or "by X";
//! - the target is the first actor after the trigger that is its object (not after "for",
//!   "from", "in"...), the head after a possessive ("Tajikistan's Northern Alliance leaders");
//! - passives ("were attacked by X") swap them; a participle after a comma (", killing ..."),
//!   a verb joined by "and" ("... and condemned") and an infinitive of purpose ("to hold talks")
//!   keep the clause's source; coordinated actors ("Iran, Tajikistan and India") each take part;
//!   "it" and "them" point back to the last group or state named.

use sitrep_model::{Mention, MentionKind};
use sitrep_text::Token;

// The word lists below are `matches!` tests rather than slices searched with `contains`: a match
// on strings compiles to a test of the length and a few fixed-size compares, where `contains`
// calls memcmp for every entry of the word's length, and the rules look words up thousands of
// times an article.

/// Whether `w` begins with one of `stems` ("launched" with "launch"). The first letters are
/// compared first: most stems differ there, and each full compare is a call to memcmp.
pub(crate) fn starts_with_any(w: &str, stems: &[&str]) -> bool {
    let Some(&b) = w.as_bytes().first() else { return false };
    stems.iter().any(|s| s.as_bytes().first() == Some(&b) && w.starts_with(s))
}

/// Verbs that open an infinitive of purpose ("backing to combat the Taliban", "funds to fight").
fn purpose_verb(w: &str) -> bool {
    matches!(w, "combat" | "fight" | "counter" | "confront" | "defeat" | "battle" | "resist" | "oppose" | "tackle" | "crush")
}

fn preposition(w: &str) -> bool {
    matches!(
        w,
        "of" | "in"
            | "at"
            | "near"
            | "from"
            | "on"
            | "to"
            | "with"
            | "against"
            | "for"
            | "into"
            | "through"
            | "over"
            | "across"
            | "about"
            | "toward"
            | "towards"
            | "between"
            | "among"
            | "including"
            | "via"
            | "under"
            | "inside"
            | "outside"
            | "within"
            | "by"
            | "like"
            | "than"
            | "after"
            | "before"
            | "during"
            | "since"
            | "amid"
            | "around"
            | "following"
            | "despite"
            | "beyond"
    )
}
/// Subjects that are no actor: natural hazards and blasts.
fn hazard_word(w: &str) -> bool {
    matches!(
        w,
        "earthquake"
            | "earthquakes"
            | "quake"
            | "tremor"
            | "aftershock"
            | "aftershocks"
            | "flood"
            | "floods"
            | "flooding"
            | "storm"
            | "cyclone"
            | "hurricane"
            | "typhoon"
            | "tornado"
            | "tsunami"
            | "landslide"
            | "landslides"
            | "mudslide"
            | "wildfire"
            | "wildfires"
            | "blaze"
            | "avalanche"
            | "eruption"
            | "explosion"
            | "explosions"
            | "blast"
            | "blasts"
            | "exploded"
            | "crash"
            | "crashed"
            | "collapsed"
    )
}
/// Prepositions whose object is a place, not a participant.
fn locative(w: &str) -> bool {
    matches!(w, "in" | "at" | "near" | "inside" | "across" | "outside" | "around" | "throughout" | "within")
}
/// Prepositions whose object is never the target of the trigger before them.
fn not_target(w: &str) -> bool {
    matches!(
        w,
        "for"
            | "from"
            | "in"
            | "at"
            | "near"
            | "inside"
            | "during"
            | "since"
            | "after"
            | "before"
            | "amid"
            | "about"
            | "over"
            | "through"
            | "via"
            | "under"
            | "between"
            | "among"
            | "including"
            | "like"
            | "than"
            | "by"
            | "across"
            | "around"
            | "following"
            | "despite"
            | "outside"
            | "within"
    )
}
fn determiner(w: &str) -> bool {
    matches!(w, "the" | "a" | "an" | "this" | "that" | "these" | "those" | "its" | "their" | "his" | "her" | "such" | "any" | "no")
}
fn be_form(w: &str) -> bool {
    matches!(w, "is" | "are" | "was" | "were" | "be" | "been" | "being" | "get" | "got" | "gets")
}
fn skippable(w: &str) -> bool {
    matches!(
        w,
        "reportedly"
            | "allegedly"
            | "also"
            | "recently"
            | "later"
            | "reported"
            | "repeatedly"
            | "then"
            | "not"
            | "never"
            | "already"
            | "being"
            | "been"
    )
}
fn auxiliary(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "also"
            | "then"
            | "later"
            | "reportedly"
            | "allegedly"
            | "subsequently"
            | "quickly"
            | "been"
            | "did"
            | "does"
            | "do"
            | "may"
            | "might"
            | "can"
    )
}

/// Nouns for what one side puts to another: answering one acts on whoever made it.
fn proposal(w: &str) -> bool {
    matches!(
        w,
        "call"
            | "calls"
            | "demand"
            | "demands"
            | "offer"
            | "offers"
            | "proposal"
            | "proposals"
            | "plan"
            | "plans"
            | "appeal"
            | "appeals"
            | "request"
            | "requests"
            | "invitation"
            | "initiative"
            | "ultimatum"
            | "ban"
            | "bid"
            | "overture"
            | "overtures"
            | "support"
            | "help"
            | "pressure"
    )
}

/// Participles that, with their own preposition after a form of "be", state what the subject
/// does or stands for ("is opposed to", "were engaged in", "is committed to").
fn stative(w: &str) -> bool {
    matches!(
        w,
        "opposed" | "committed" | "engaged" | "involved" | "determined" | "dedicated" | "devoted" | "prepared" | "poised" | "resolved"
    )
}

/// Nouns whose "of"/"from" phrase names who acts ("leaders of the Taliban", "a team from the ISI").
fn subject_head(w: &str) -> bool {
    matches!(
        w,
        "some"
            | "many"
            | "most"
            | "several"
            | "all"
            | "one"
            | "two"
            | "three"
            | "hundreds"
            | "thousands"
            | "dozens"
            | "none"
            | "each"
            | "few"
            | "majority"
            | "members"
            | "member"
            | "leaders"
            | "leader"
            | "head"
            | "chief"
            | "commander"
            | "commanders"
            | "director"
            | "minister"
            | "president"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "officials"
            | "official"
            | "team"
            | "delegation"
            | "representatives"
            | "envoy"
            | "forces"
            | "troops"
            | "fighters"
            | "units"
            | "unit"
            | "militants"
            | "factions"
            | "faction"
            | "government"
            | "army"
            | "wing"
            | "branch"
            | "supporters"
            | "soldiers"
            | "agents"
            | "officers"
            | "elements"
            | "inhabitants"
            | "residents"
            | "villagers"
            | "citizens"
            | "people"
            | "population"
    )
}

/// Verbs that carry a nominal event as their object ("launched an offensive").
const SUPPORT_VERBS: &[&str] = &[
    "launch",
    "instigat",
    "conduct",
    "carr",
    "stag",
    "mount",
    "wag",
    "start",
    "began",
    "begin",
    "order",
    "unleash",
    "announc",
    "intensif",
    "step",
    "escalat",
    "continu",
    "resum",
    "made",
    "make",
    "pay",
    "paid",
    "held",
    "hold",
    "gave",
    "give",
    "undert",
    "initiat",
    "orchestrat",
    "execut",
    "perpetrat",
    "commit",
    "led",
    "lead",
    "engag",
    "organi",
    "speed",
    "sped",
    "accelerat",
    "complet",
    "open",
    "resort",
];

/// Verbs whose object controls a following infinitive.
const OBJECT_CONTROL: &[&str] = &[
    "urg", "ask", "forc", "compel", "allow", "help", "encourag", "press", "persuad", "invit", "order", "told", "tell", "pressur", "push",
    "call", "challeng", "dar", "want", "expect", "permit", "authoriz", "authoris",
];

/// Counts in words: "from two American aid groups" is no modifier of the group.
fn number_word(w: &str) -> bool {
    matches!(w, "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten" | "twelve" | "twenty" | "fifty")
}

/// Finite verbs that, right after "and" or "but", open a clause of their own.
fn clause_verb(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "told"
            | "added"
            | "warned"
            | "vowed"
            | "urged"
            | "called"
            | "insisted"
            | "stressed"
            | "threatened"
            | "denied"
            | "promised"
            | "pledged"
            | "announced"
            | "accused"
            | "blamed"
            | "demanded"
            | "asked"
            | "claimed"
    )
}

/// Words in "-ly" that are adjectives, not adverbs: "a string of deadly attacks" is a noun phrase.
fn ly_adjective(w: &str) -> bool {
    matches!(
        w,
        "deadly"
            | "early"
            | "costly"
            | "daily"
            | "weekly"
            | "monthly"
            | "yearly"
            | "nightly"
            | "elderly"
            | "friendly"
            | "unfriendly"
            | "likely"
            | "unlikely"
            | "only"
            | "timely"
            | "orderly"
            | "holy"
            | "ugly"
            | "unruly"
            | "brotherly"
    )
}

/// A word of a date written before a noun: a month, a day or year number, an ordinal.
fn date_word(w: &str) -> bool {
    w.bytes().all(|b| b.is_ascii_digit()) && !w.is_empty()
        || matches!(
            w,
            "january"
                | "february"
                | "march"
                | "april"
                | "may"
                | "june"
                | "july"
                | "august"
                | "september"
                | "october"
                | "november"
                | "december"
                | "1st"
                | "2nd"
                | "3rd"
                | "4th"
                | "5th"
                | "6th"
                | "7th"
                | "8th"
                | "9th"
        )
}

/// An adverb ("quickly", "repeatedly"), not an adjective in "-ly" ("deadly").
fn adverb(w: &str) -> bool {
    w.ends_with("ly") && !ly_adjective(w)
}

/// Who acts and who is acted on.
#[derive(Default, Debug)]
pub struct Roles<'a> {
    pub sources: Vec<&'a Mention>,
    pub targets: Vec<&'a Mention>,
    pub passive: bool,
    /// The trigger names an event already told ("the visit") rather than telling one.
    pub anaphoric: bool,
    /// The source is the clause's subject (not a possessive or "by" phrase): later verbs of the
    /// clause may share it.
    pub verbal: bool,
    /// The act is part of a charge ("accused X of sending troops to fight ..."): alleged.
    pub charged: bool,
}

/// Where a trigger sits in its sentence.
#[derive(Clone, Copy, Debug)]
pub struct At {
    pub first: usize,
    pub last: usize,
    /// The pattern's source comes after it.
    pub reverse: bool,
}

struct Ctx<'t, 'a> {
    text: &'t str,
    toks: &'t [Token],
    /// The tokens lower-cased, once a sentence.
    lower: &'t [&'t str],
    /// Mentions of this sentence that can be actors.
    mentions: Vec<&'a Mention>,
}

impl<'t, 'a> Ctx<'t, 'a> {
    fn word(&self, i: usize) -> &'t str {
        self.lower.get(i).copied().unwrap_or("")
    }
    fn tok_at(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| t.end <= pos)
    }
    fn mention_at_token(&self, i: usize) -> Option<&'a Mention> {
        let t = self.toks.get(i)?;
        self.mentions.iter().copied().find(|m| m.start < t.end && t.start < m.end)
    }
    fn possessive(&self, m: &Mention) -> bool {
        let rest = &self.text[m.end..];
        rest.starts_with("'s") || rest.starts_with("’s") || rest.starts_with("' ") || rest.starts_with("’ ")
    }
    fn prep_before(&self, m: &Mention) -> Option<&'t str> {
        let mut i = self.tok_at(m.start);
        // Skip determiners and modifiers between the preposition and the name.
        let mut steps = 0;
        // One plain modifier may stand there too ("backed by clan militias", "in northern Syria").
        let mut modifier = false;
        while i > 0 && steps < 3 {
            // "critic of Afghanistan's Taliban rulers": the preposition governs the whole phrase,
            // its possessive owner included
            if let Some(owner) = self.mention_at_token(i - 1).filter(|o| o.end <= m.start && self.possessive(o)) {
                i = self.tok_at(owner.start);
                steps += 1;
                continue;
            }
            let w = self.word(i - 1);
            // after a modifier only an agent's or opponent's preposition: "in south Serbia" is
            // where the subject is, "to believe Pakistan" has a verb, no modifier
            if preposition(w) && (!modifier || matches!(w, "by" | "under" | "against" | "with")) {
                return Some(w);
            }
            if !matches!(w, "the" | "a" | "an" | "its" | "their" | "his" | "her" | "several" | "some" | "many" | "other") {
                let plain = !modifier
                    && steps == 0
                    && self.mention_at_token(i - 1).is_none()
                    && !matches!(w, "dozen" | "dozens" | "hundred" | "hundreds" | "thousand" | "thousands" | "more" | "few" | "number")
                    && !number_word(w)
                    && !w.starts_with(|c: char| c.is_ascii_digit())
                    && self.toks[i - 1].text(self.text).chars().next().is_some_and(|c| c.is_ascii_lowercase())
                    && (!w.ends_with("ed") || w == "armed")
                    && !w.ends_with("ing")
                    && !auxiliary(w)
                    && !clause_verb(w)
                    && !matches!(w, "and" | "or" | "but" | "that" | "which" | "who" | "whom" | "whose" | "when" | "while" | "if" | "as")
                    && !w.ends_with("ly");
                if !plain {
                    return None;
                }
                modifier = true;
            }
            i -= 1;
            steps += 1;
        }
        None
    }
    fn is_location(&self, m: &Mention) -> bool {
        matches!(m.kind, MentionKind::Place | MentionKind::Country) && self.prep_before(m).is_some_and(locative)
    }
    /// Only "and", "or" or a comma between two mentions: they are coordinated. A comma with
    /// "and" usually starts a new clause ("killing 20 soldiers, and TTP militants claimed").
    fn coordinated(&self, a: &Mention, b: &Mention, allow_comma_and: bool) -> bool {
        let (i, j) = (self.tok_at(a.end), self.tok_at(b.start));
        if i >= j {
            return false; // side by side with nothing between: one name, not two actors
        }
        let words: Vec<&str> = (i..j).map(|k| self.word(k)).collect();
        let only_joiners = words.iter().all(|w| matches!(*w, "and" | "," | "-" | "or" | "the" | "as" | "well"));
        let has_joiner = words.iter().any(|w| matches!(*w, "and" | "," | "-" | "or"));
        let comma_and = words.contains(&",") && words.iter().any(|w| *w == "and" || *w == "or");
        only_joiners && has_joiner && (allow_comma_and || !comma_and)
    }
}

/// The pronoun right before a verb and its auxiliaries ("it would respect"), if any.
fn pronoun_subject<'t>(ctx: &Ctx<'t, '_>, first: usize) -> Option<&'t str> {
    let mut k = first;
    while k > 0 && auxiliary(ctx.word(k - 1)) {
        k -= 1;
    }
    k.checked_sub(1).map(|i| ctx.word(i)).filter(|w| matches!(*w, "it" | "he" | "she" | "they"))
}

/// A sector word in the plural ("officials", "rebels"): "it" does not stand for it.
fn plural_sector(m: &Mention) -> bool {
    m.kind == MentionKind::Agent && m.text.ends_with('s') && !m.text.ends_with("ss")
}

/// The quotation `at` sits in, if its paragraph has one open there: where it opened, and the
/// person who says it when named just before it ("Koribko said- ‘For Pakistan ...").
fn quotation<'a>(text: &str, doc_mentions: &'a [Mention], at: usize) -> Option<(usize, Option<&'a Mention>)> {
    let para = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let mut open: Option<usize> = None;
    let mut prev = ' ';
    let mut chars = text[para..at].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map_or(' ', |&(_, n)| n);
        match c {
            '“' => open = Some(para + i),
            '”' => open = None,
            // a single quote opens after a space or a dash, and closes before no letter ("’s")
            '‘' if !prev.is_alphanumeric() => open = Some(para + i),
            '’' if !next.is_alphanumeric() => open = None,
            '"' => open = if open.is_some() { None } else { Some(para + i) },
            _ => {}
        }
        prev = c;
    }
    let open = open?;
    let speaker = doc_mentions.iter().rev().find(|m| {
        m.kind == MentionKind::Person
            && m.end <= open
            && m.start >= para
            && text[m.end..open].len() <= 40
            && ["said", "says", "told", "added", "asked", "wrote", ":", "-"].iter().any(|w| text[m.end..open].contains(w))
    });
    Some((open, speaker))
}

/// A mention that can act: a named actor, a person or a sector ("officials").
/// What "it" or "they" opening a sentence stands for: the last group, organisation, state or
/// state body named before the sentence (not a person, a place or an adjective).
fn it_before(doc_mentions: &[Mention], sentence_start: usize) -> Option<&Mention> {
    doc_mentions.iter().rev().filter(|m| m.end <= sentence_start).find(|m| {
        m.actor.is_some()
            && (matches!(m.kind, MentionKind::Group | MentionKind::Organisation | MentionKind::Country)
                || m.kind == MentionKind::Agent && m.country.is_some())
    })
}

/// "the two countries", "both neighbours" name states; "both sides", "the two parties" may name
/// armed groups too.
fn states_noun(n: &str) -> bool {
    matches!(n, "countries" | "nations" | "neighbours" | "neighbors" | "states" | "governments")
}

/// Which side a mention stands for in "the two sides" (its actor) or "the two countries" (its
/// country: a state's forces and the state are one side; an armed group is no neighbour).
pub(crate) fn side_of(m: &Mention, states: bool) -> Option<&str> {
    match m.kind {
        MentionKind::Country | MentionKind::Nationality => m.country.as_deref().or(m.actor.as_deref()),
        MentionKind::Group if !states => m.actor.as_deref(),
        MentionKind::Agent if m.country.is_some() && (!states || matches!(m.agent.as_deref(), Some("GOV" | "MIL"))) => m.country.as_deref(),
        _ => None,
    }
}

/// The two parties "the two sides" or "both countries" stand for, other than `not`: the two
/// sides of the article's first event between two sides (`parties`: its main parties, "Russian
/// and Ukrainian delegations met ... Both sides agreed"), else the last two sides named before.
fn main_pair<'a>(
    doc_mentions: &'a [Mention],
    before: usize,
    states: bool,
    not: &[&Mention],
    parties: Option<[&'a Mention; 2]>,
) -> Option<Vec<&'a Mention>> {
    let excluded = |side: &str| not.iter().any(|n| n.actor.as_deref() == Some(side) || n.country.as_deref() == Some(side));
    if let Some([a, b]) = parties
        && a.end <= before
        && let (Some(x), Some(y)) = (side_of(a, states), side_of(b, states))
        && x != y
        && !excluded(x)
        && !excluded(y)
    {
        let mut two = vec![a, b];
        two.sort_by_key(|m| m.start);
        return Some(two);
    }
    let mut two: Vec<&'a Mention> = Vec::new();
    // an adjective ("the Chinese city of Kunming") names a country, not a side in a fight
    for m in doc_mentions.iter().rev().filter(|m| m.end <= before && m.actor.is_some() && (states || m.kind != MentionKind::Nationality)) {
        let Some(side) = side_of(m, states) else { continue };
        if excluded(side) || two.iter().any(|t| side_of(t, states) == Some(side)) {
            continue;
        }
        two.push(m);
        if two.len() == 2 {
            two.reverse();
            return Some(two);
        }
    }
    None
}

pub fn actor_like(m: &Mention) -> bool {
    m.actor.is_some() || m.kind == MentionKind::Person || (m.kind == MentionKind::Agent)
}

pub fn find<'a>(
    words: &crate::Words<'_>,
    sentence_mentions: &[&'a Mention],
    doc_mentions: &'a [Mention],
    at: At,
    prev_source: &[&'a Mention],
    last_source: Option<&'a Mention>,
    parties: Option<[&'a Mention; 2]>,
) -> Roles<'a> {
    let At { first, last, reverse } = at;
    let (text, toks) = (words.text, words.toks);
    let ctx = Ctx { text, toks, lower: &words.lower, mentions: sentence_mentions.iter().copied().filter(|m| actor_like(m)).collect() };
    let (tstart, tend) = (toks[first].start, toks[last].end);
    let first_word = ctx.word(first);
    let prev_word = if first > 0 { ctx.word(first - 1) } else { "" };

    // "more than 300 wounded", "among the dead and wounded": the victims, not an act.
    let victims = matches!(first_word, "wounded" | "injured")
        && first == last
        && (prev_word.chars().all(|c| c.is_ascii_digit() || c == ',')
            || matches!(prev_word, "dozens" | "hundreds" | "thousands" | "scores")
            || (prev_word == "and"
                && first > 2
                && matches!(ctx.word(first - 2), "dead" | "killed" | "injured" | "wounded")
                && ctx.word(first - 3) == "the"));
    // "were among those killed": the victims again.
    let those = prev_word == "those" && matches!(first_word, "killed" | "wounded" | "injured" | "detained" | "arrested" | "abducted");
    // "buses and trains were taking residents out": a plural word right before "were" is its
    // subject, a noun; "residents sheltered in their homes" took shelter, sheltering no one.
    let noun_subject = first == last
        && first_word.ends_with('s')
        && !first_word.ends_with("ss")
        && matches!(ctx.word(first + 1), "were" | "are" | "have" | "had");
    let intransitive =
        first == last && first_word.starts_with("shelter") && matches!(ctx.word(first + 1), "in" | "at" | "inside" | "under" | "from");
    if victims || those || noun_subject || intransitive {
        return Roles::default();
    }
    // Passive: a form of "be" just before a participle trigger.
    // ("was seriously wounded": any adverb in "-ly" may stand between)
    let mut k = first;
    while k > 0 && (skippable(ctx.word(k - 1)) || adverb(ctx.word(k - 1))) {
        k -= 1;
    }
    let participle = first_word.ends_with("ed")
        || first_word.ends_with("en")
        || matches!(
            first_word,
            "met" | "held" | "struck" | "shot" | "led" | "hit" | "fought" | "sent" | "seized" | "caught" | "built" | "sought" | "brought"
        );
    // "have been accused": a form of "be" anywhere in the auxiliaries before the participle.
    // "is opposed to", "were engaged in", "is committed to": a participle of state with its own
    // preposition describes the subject's stance or activity, it is no passive.
    let stative = stative(first_word) && matches!(ctx.word(first + 1), "to" | "in" | "on" | "with");
    // "The deal, brokered by the United States and France, ...": a participle after a comma with
    // its agent is a passive with no "be".
    let reduced = prev_word == "," && ctx.word(last + 1) == "by" && first_word.ends_with("ed");
    let passive = participle && !stative && ((k.saturating_sub(1)..first).any(|i| be_form(ctx.word(i))) || reduced);

    // A possessive right before the trigger ("Pakistan's airstrikes", "the Taliban's alleged support").
    let possessor = (first.saturating_sub(3)..first)
        .rev()
        .filter_map(|i| ctx.mention_at_token(i))
        // not across a comma: "disputed Pakistan's claims, alleging ..." is no act of Pakistan's
        .find(|m| ctx.possessive(m) && ctx.tok_at(m.end) + 3 >= first && !(ctx.tok_at(m.end)..first).any(|i| ctx.word(i) == ","))
        // "Lebanon's Hezbollah fired": the possessive owns the name after it, which acts.
        .filter(|m| !ctx.mentions.iter().any(|o| o.start >= m.end && o.end <= tstart))
        // "Pakistani airstrikes", "a Pakistani jail": a nationality right before a noun owns it.
        .or_else(|| {
            ctx.mention_at_token(first.wrapping_sub(1)).filter(|m| m.kind == MentionKind::Nationality && !first_word.ends_with("ed"))
        });
    // A nominal trigger after a determiner or a preposition (+ one modifier) names an event.
    let before_is = |i: usize, list: fn(&str) -> bool| i < toks.len() && list(ctx.word(i));
    // "instigates a sweeping crackdown", "launched a major offensive": the noun is the verb's object.
    // (tested last: the cheaper tests settle most triggers)
    // "called a meeting with", "called an emergency meeting": convening, with an indefinite
    // article only ("called the strikes unacceptable" judges an act, it starts none).
    let supported = || {
        (first.saturating_sub(3)..first).any(|i| {
            starts_with_any(ctx.word(i), SUPPORT_VERBS) || (ctx.word(i).starts_with("call") && matches!(ctx.word(i + 1), "a" | "an"))
        })
    };
    // A verb in the past ("demanded") or a weekday or name right before ("on Tuesday demanded")
    // is a verb, not a noun.
    let past = first_word.ends_with("ed")
        || matches!(
            first_word,
            "met" | "held" | "struck" | "shot" | "led" | "hit" | "fought" | "sent" | "sought" | "gave" | "took" | "made"
        );
    let name_before = first > 0 && toks[first - 1].text(text).chars().next().is_some_and(char::is_uppercase);
    // "..., including urging the Indian government to train ...", "by shelling the town": a
    // gerund after these takes the clause's subject; it is no event noun.
    let gerund = first_word.ends_with("ing")
        && matches!(prev_word, "including" | "by" | "while" | "without" | "through" | "besides")
        && !ctx.word(first + 1).is_empty()
        && !matches!(ctx.word(first + 1), "of" | "," | "." | "by");
    let nominal = possessor.is_none()
        && !past
        && !name_before
        && !gerund
        && first > 0
        && !supported()
        && prev_word != "to"
        && (before_is(first - 1, determiner)
            || before_is(first - 1, preposition)
            // "last week's arrest": a possessive that names no actor still makes a noun
            || prev_word.ends_with("'s")
            || prev_word.ends_with("’s")
            || (first > 1
                && (before_is(first - 2, preposition) || before_is(first - 2, determiner))
                && ctx.word(first - 2) != "to"
                && ctx.mention_at_token(first - 1).is_none()
                && !adverb(ctx.word(first - 1))
                && !auxiliary(ctx.word(first - 1)))
            // "an April 1 air strike on Iran's consulate", "the 2008 attacks": a date between a
            // determiner and the noun
            || {
                let mut k = first;
                while k > 0 && first - k < 3 && date_word(ctx.word(k - 1)) {
                    k -= 1;
                }
                k < first && k > 0 && (before_is(k - 1, determiner) || before_is(k - 1, preposition))
            }
            // "in the most serious assault on the city", "a more deadly attack": a degree word and
            // a modifier after a determiner or preposition
            || (first > 2
                && matches!(ctx.word(first - 2), "most" | "more" | "least" | "very")
                && (before_is(first - 3, preposition) || before_is(first - 3, determiner))
                && ctx.mention_at_token(first - 1).is_none()
                && !auxiliary(ctx.word(first - 1)))
            // "residents said shooting continued", "survivors said help had been slow": a word
            // right after a verb of saying opens what is said; it is a noun.
            || matches!(prev_word, "said" | "says" | "say" | "reported" | "reports" | "added" | "warned" | "claimed")
            // "covers armed attacks": a plural event noun after a modifier is a noun.
            || (first == last
                && first_word.ends_with('s')
                && !first_word.ends_with("ss")
                && ctx.mention_at_token(first - 1).is_none()
                && toks[first - 1].text(text).chars().next().is_some_and(char::is_lowercase)
                && !auxiliary(ctx.word(first - 1))
                && !matches!(ctx.word(first - 1), "and" | "or" | "who" | "which" | "that" | "it" | "he" | "she" | "also" | "then" | "now")
                && !adverb(ctx.word(first - 1))));

    // "According to a report by Hindukush Media, ...": who says so is never who acts.
    let attribution_end = (0..first)
        .find(|&i| ctx.word(i) == "according" && ctx.word(i + 1) == "to")
        .and_then(|i| (i..first).find(|&k| ctx.word(k) == ","))
        .map_or(0, |k| toks[k].end);
    let before: Vec<&Mention> = ctx.mentions.iter().copied().filter(|m| m.end <= tstart && m.start >= attribution_end).collect();
    let after: Vec<&Mention> = ctx.mentions.iter().copied().filter(|m| m.start >= tend).collect();

    // Nearest subject-like mention before the trigger, with what it is coordinated with.
    // "Some of the Taliban fighters", "the head of Pakistan's spy agency", "a team from the ISI":
    // the name after a quantifier, role or collective noun and "of"/"from" stands for the subject.
    let headed = |m: &Mention| {
        let i = ctx.tok_at(m.start);
        let mut k = i;
        while k > 0 && matches!(ctx.word(k - 1), "the" | "a" | "an") {
            k -= 1;
        }
        k >= 2 && matches!(ctx.word(k - 1), "of" | "from") && subject_head(ctx.word(k - 2))
    };
    // "... to protect Chinese citizens, after shells fired across the border wounded several
    // people": a clause opened by a conjunction between a name and the verb, with no comma to
    // close it, has its own subject; the name belongs to the clause before.
    // "after", "before", "until", "since" are prepositions too: followed by an infinitive
    // ("rallied after Friday prayers to denounce ..."), the main clause's subject still acts.
    let infinitive = first > 0 && ctx.word(first - 1) == "to";
    let clause_between = |m: &Mention| {
        let from = ctx.tok_at(m.end);
        (from..first).any(|c| {
            let w = ctx.word(c);
            let opens = match w {
                "when" | "while" | "because" | "although" | "though" | "unless" | "whereas" => true,
                "after" | "before" | "until" => !infinitive,
                "since" => !infinitive && ctx.word(c + 1) != "then",
                _ => false,
            };
            opens
                && (c + 1..first).any(|k| !auxiliary(ctx.word(k)))
                && (c + 1..first).all(|k| !matches!(ctx.word(k), "," | ";" | "—" | "–"))
        })
    };
    // "An earthquake struck Morocco's High Atlas, killing more than 2,000 people", "officials
    // said floods killed 40": a natural hazard or a blast is the clause's subject, and no name
    // it passes on the way to the verb acts.
    let hazard = (0..first).rev().find(|&i| hazard_word(ctx.word(i)));
    let chained = first_word.ends_with("ing") && matches!(prev_word, "," | "and");
    let hazard_block = |m: &Mention| hazard.is_some_and(|h| ctx.tok_at(m.end) <= h || (chained && ctx.tok_at(m.start) > h));
    // "Russian missiles hit the port, Ukrainian officials said on Wednesday, destroying grain":
    // who says so in an aside does not do what the participle after it says.
    let sayer_aside = |m: &Mention| {
        chained
            && matches!(ctx.word(ctx.tok_at(m.end)), "said" | "says" | "say" | "told" | "reported" | "added")
            && (ctx.tok_at(m.end)..first).all(|k| ctx.word(k) != "and")
    };
    // "after a three-day assault that aid groups say killed hundreds": who says so inside a
    // relative clause only reports it; the relative's antecedent acts.
    let relative_sayer = |m: &Mention| {
        let mut b = ctx.tok_at(m.start);
        while b > 0 && matches!(ctx.word(b - 1), "the" | "a" | "an" | "some" | "many") {
            b -= 1;
        }
        b > 0
            && matches!(ctx.word(b - 1), "that" | "which" | "who")
            && matches!(
                ctx.word(ctx.tok_at(m.end)),
                "say" | "says" | "said" | "claim" | "claims" | "claimed" | "allege" | "alleges" | "alleged" | "believe" | "believes"
            )
    };
    let subject = |list: &[&'a Mention]| -> Vec<&'a Mention> {
        let mut out = Vec::new();
        // ", which Kinshasa says is backed by Rwanda,": an aside between commas is not the subject.
        let aside = |m: &Mention| {
            let i = ctx.tok_at(m.start);
            let open = (0..i).rev().find(|&k| ctx.word(k) == ",");
            let close = (i..first).find(|&k| ctx.word(k) == ",");
            matches!((open, close), (Some(o), Some(_)) if matches!(
                ctx.word(o + 1),
                "which" | "who" | "whom" | "whose" | "while" | "when" | "as" | "although" | "though" | "because" | "if" | "whereas"
            ))
        };
        let pick = list.iter().rev().filter(|m| !aside(m)).find(|m| {
            let prep = ctx.prep_before(m);
            // A capital stands for its state ("Bamako rejected ..."); other places do not act, and a
            // place right before the event noun says where ("the Damascus strike").
            let modifier = ctx.tok_at(m.end) >= first
                && !past
                && ctx.tok_at(m.start).checked_sub(1).is_some_and(|i| determiner(ctx.word(i)) || ctx.word(i).ends_with("'s"));
            let place_ok = m.kind != MentionKind::Place || (m.actor.as_deref().is_some_and(|a| a.len() == 3) && !modifier);
            // "two weeks after gunmen killed": "after", "before", "since", "until" open a clause
            // there, and the name right before its verb is that clause's subject.
            let conjunction = prep.is_some_and(|p| matches!(p, "after" | "before" | "since" | "until" | "when"))
                && (ctx.tok_at(m.end)..first).all(|i| auxiliary(ctx.word(i)));
            // "a way for Pakistan to pressure the Taliban": "for X to" makes X the infinitive's subject.
            let for_to = prep == Some("for") && prev_word == "to" && ctx.tok_at(m.end) + 1 == first;
            (prep.is_none() || prep == Some("like") || headed(m) || conjunction || for_to)
                && !ctx.is_location(m)
                && place_ok
                && !clause_between(m)
                && !hazard_block(m)
                && !sayer_aside(m)
                && !relative_sayer(m)
        });
        if let Some(&s) = pick {
            out.push(s);
            let mut cur = s;
            for &m in list.iter().rev().filter(|m| m.end <= s.start) {
                // A list ends in "and"/"or" ("Iran, Tajikistan and India"); a bare comma before
                // the nearest one is an aside ("According to Asia Times, the government ...").
                if m.end > cur.start {
                    break;
                }
                let link = ctx.text[m.end..cur.start].to_lowercase();
                let first_link = out.len() == 1;
                let joined = link.contains("and") || link.contains(" or ") || link.trim() == "-" || link.trim().is_empty();
                // ", and" joins the last item of a list ("Iran, Tajikistan, and India"); with no
                // list before it, it opens a new clause ("... expelled French troops, and Niger
                // ordered ..."), and the name before it is the other clause's object.
                let comma_and = link.contains(',') && (link.contains("and") || link.contains(" or "));
                let listed = || list.iter().any(|p| p.end <= m.start && ctx.coordinated(p, m, false));
                if ctx.coordinated(m, cur, true) && (!first_link || joined) && (!comma_and || listed()) {
                    out.push(m);
                    cur = m;
                } else {
                    break;
                }
            }
        }
        out
    };
    // The object: first mention after the trigger not behind a preposition that rules it out
    // (unless that preposition is the pattern's own last word), then the head after a possessive.
    let object = |list: &[&'a Mention], from_tok: usize| -> Vec<&'a Mention> {
        let mut out = Vec::new();
        let usable = |m: &&Mention| {
            // "condemned the strikes as a violation of Afghan sovereignty": not the object.
            if (from_tok..ctx.tok_at(m.start)).any(|i| ctx.word(i) == "as") {
                return false;
            }
            // "seeking financial backing to combat the Taliban": an infinitive of purpose after
            // the object starts another act, whose object is not this one's.
            if (from_tok..ctx.tok_at(m.start)).any(|i| ctx.word(i) == "to" && i + 1 < ctx.tok_at(m.start) && purpose_verb(ctx.word(i + 1)))
            {
                return false;
            }
            // "rejected the claim that Afghan soil was used": the claim's content is not its object.
            if (from_tok..ctx.tok_at(m.start)).any(|i| {
                ctx.word(i) == "that"
                    && i > 0
                    && matches!(
                        ctx.word(i - 1),
                        "claim"
                            | "claims"
                            | "report"
                            | "reports"
                            | "allegation"
                            | "allegations"
                            | "accusation"
                            | "accusations"
                            | "suggestion"
                            | "notion"
                            | "idea"
                            | "charge"
                            | "charges"
                            | "assertion"
                            | "rumour"
                            | "rumours"
                            | "rumor"
                    )
            }) {
                return false;
            }
            // "a training facility used by the TTP": the owner of the object is hit.
            let owner = ctx.tok_at(m.start).checked_sub(2).is_some_and(|i| {
                matches!(ctx.word(i + 1), "by" | "to")
                    && matches!(
                        ctx.word(i),
                        "used" | "run" | "held" | "controlled" | "operated" | "owned" | "belonging" | "linked" | "affiliated" | "tied"
                    )
            }) || ctx.tok_at(m.start).checked_sub(3).is_some_and(|i| {
                matches!(ctx.word(i + 1), "by" | "to")
                    && ctx.word(i + 2) == "the"
                    && matches!(
                        ctx.word(i),
                        "used" | "run" | "held" | "controlled" | "operated" | "owned" | "belonging" | "linked" | "affiliated" | "tied"
                    )
            });
            if owner {
                return true;
            }
            let prep = ctx.prep_before(m);
            let own = ctx.tok_at(m.start) <= from_tok + 3 && prep.is_some_and(|p| p == ctx.word(from_tok.saturating_sub(1)));
            // "rejected calls by X", "accepted demands from X", "a fresh offer from X": who made
            // the proposal is the one answered.
            let proposer =
                matches!(prep, Some("by" | "from")) && (from_tok.saturating_sub(1)..ctx.tok_at(m.start)).any(|i| proposal(ctx.word(i)));
            // "withdrew its inspectors from Iraq": the place left is whom the withdrawal hits.
            let left = prep == Some("from") && ["withdr", "pull", "recall", "evacuat"].iter().any(|w| first_word.starts_with(w));
            !ctx.is_location(m) && (own || proposer || left || prep.is_none_or(|p| !not_target(p)))
        };
        let all: Vec<&Mention> = list.iter().copied().filter(|m| ctx.tok_at(m.start) <= from_tok + 6).collect();
        // The first object sits in the trigger's clause: no comma or semicolon before it.
        let cands: Vec<&Mention> = all
            .iter()
            .copied()
            .filter(|m| !(from_tok..ctx.tok_at(m.start)).any(|i| matches!(ctx.word(i), "," | ";" | ":" | "—" | "–")))
            // "called the strikes an act of war and said Pakistan had every right": "and" with a
            // verb of its own opens another clause, whose names are not this act's object.
            .filter(|m| !(from_tok..ctx.tok_at(m.start)).any(|i| matches!(ctx.word(i), "and" | "but") && clause_verb(ctx.word(i + 1))))
            .collect();
        let first_usable = cands.iter().copied().find(usable);
        // Places after "in", "near" are where, not whom, unless nothing else is there.
        let Some(mut o) = first_usable.or_else(|| cands.iter().copied().find(|m| ctx.is_location(m))) else {
            return out;
        };
        let poss = ctx.possessive(o) || o.kind == MentionKind::Nationality;
        let appositive = |n: &Mention| ctx.tok_at(n.start) > 0 && ctx.word(ctx.tok_at(n.start) - 1) == ",";
        if poss
            && let Some(next) = all.iter().copied().find(|m| m.start >= o.end)
            && ctx.tok_at(next.start) <= ctx.tok_at(o.end) + if appositive(next) { 3 } else { 2 }
            && !(ctx.tok_at(o.end)..ctx.tok_at(next.start)).any(|i| preposition(ctx.word(i)))
        {
            o = next;
        }
        out.push(o);
        let mut cur = o;
        for &m in all.iter().filter(|m| m.start >= o.end && usable(m)) {
            if ctx.coordinated(cur, m, false) {
                out.push(m);
                cur = m;
            } else {
                break;
            }
        }
        out
    };
    let near_before: Vec<&Mention> = before.iter().copied().filter(|m| ctx.tok_at(m.end) + 22 >= first).collect();

    // The clause's source carries over: ", killing ...", "... and condemned ...", "... to hold talks".
    let mut j = first;
    while j > 0 && auxiliary(ctx.word(j - 1)) {
        j -= 1;
    }
    let light_verb = |w: &str| matches!(w, "hold" | "have" | "conduct" | "make" | "carry" | "launch" | "stage" | "pay" | "give");
    let coordinated = j > 0 && matches!(ctx.word(j - 1), "and" | "but");
    // "X said Russia must accept a truce and threatened sanctions": a past tense after "and" does
    // not share the subject of a clause in the infinitive ("must accept"); it goes with the verb
    // of saying, whose subject comes before it.
    let reported_clause = |m: &Mention| {
        let k = ctx.tok_at(m.end);
        matches!(ctx.word(k), "must" | "should" | "would" | "will" | "could" | "can" | "may" | "might" | "to")
    };
    let finite_past = first_word.ends_with("ed") || matches!(first_word, "said" | "told" | "warned" | "threatened");
    let across = coordinated && finite_past && j == first && prev_source.first().is_some_and(|m| reported_clause(m));
    let speech_before = across
        .then(|| {
            let src = prev_source.first().map_or(0, |m| ctx.tok_at(m.start));
            (0..src).rev().find(|&i| matches!(ctx.word(i), "said" | "says" | "told" | "announced" | "declared" | "insisted"))
        })
        .flatten();
    // "urging the Indian government to train ...": after a verb that makes its object act, the
    // infinitive's subject is that object, not the urger.
    let controlled = (prev_word == "to")
        .then(|| {
            near_before.iter().copied().rev().find(|m| {
                let k = ctx.tok_at(m.end);
                let mut b = ctx.tok_at(m.start);
                while b > 0 && matches!(ctx.word(b - 1), "the" | "a" | "an" | "its" | "their") {
                    b -= 1;
                }
                k + 1 == first
                    && b > 0
                    && starts_with_any(
                        ctx.word(b - 1),
                        &[
                            "urg", "ask", "forc", "compel", "encourag", "persuad", "invit", "order", "pressur", "tell", "told", "allow",
                            "permit",
                        ],
                    )
            })
        })
        .flatten();
    // "accused Rwanda of sending its troops across the border to fight alongside the rebels": an
    // infinitive of purpose after the charge is the accused's act too.
    let charged = (prev_word == "to")
        .then(|| {
            let of =
                (first.saturating_sub(12)..first.saturating_sub(1)).rfind(|&i| ctx.word(i) == "of" && ctx.word(i + 1).ends_with("ing"))?;
            if (of..first).any(|i| matches!(ctx.word(i), "," | ";" | "and" | "but")) {
                return None;
            }
            let accused = ctx.mention_at_token(of.checked_sub(1)?)?;
            let k = ctx.tok_at(accused.start);
            (k.saturating_sub(3)..k)
                .any(|i| starts_with_any(ctx.word(i), &["accus", "blam", "charg", "suspect", "convict"]))
                .then_some(accused)
        })
        .flatten();
    let controlled = controlled.or(charged);
    let carried = !prev_source.is_empty()
        && controlled.is_none()
        && !across
        && ((prev_word == "," && first_word.ends_with("ing"))
            || coordinated
            || prev_word == "to"
            || (first > 1 && ctx.word(first - 2) == "to" && light_verb(prev_word)));

    let mut roles = Roles { passive, ..Default::default() };
    if passive {
        roles.targets = subject(&near_before);
        // "It has been accused by rights groups of ...": a pronoun opening the sentence as the
        // passive's subject is the last group, body or state named before the sentence.
        if roles.targets.is_empty()
            && matches!(ctx.word(0), "it" | "they")
            && (1..first).all(|j| auxiliary(ctx.word(j)) || matches!(ctx.word(j), "been" | "also" | "repeatedly" | "long"))
        {
            roles.targets = it_before(doc_mentions, toks[0].start).into_iter().collect();
        }
        if let Some(by) = (first + 1..(last + 8).min(toks.len())).find(|&i| ctx.word(i) == "by") {
            let by_pos = toks[by].end;
            // the agent may sit inside the pattern's gap ("attacked by militiamen armed with machetes")
            roles.sources = object(&ctx.mentions.iter().copied().filter(|m| m.start >= by_pos).collect::<Vec<_>>(), by + 1);
        }
    } else if reverse {
        roles.sources = object(&after, last + 1);
        roles.targets = subject(&near_before);
    } else if let Some(by) = (ctx.word(last + 1) == "by" && !(past && proposal(ctx.word(last)))).then_some(last + 1)
        && let Some(&src) = after.iter().find(|m| ctx.tok_at(m.start) <= by + 3 && m.start >= toks[by].end)
    {
        // "terrorist attacks by the TTP", "a visit by the minister".
        roles.sources = vec![src];
        roles.targets = possessor.filter(|p| p.actor != src.actor).into_iter().collect();
    } else if let Some(p) = possessor {
        roles.sources = vec![p];
        roles.targets = object(&after, last + 1);
    } else if !past
        && let Some(b) = (last..(last + 3).min(toks.len())).find(|&i| ctx.word(i) == "between")
        // (after the look for "between": few triggers have it, and each `supported` reads words
        // against every support verb)
        && !supported()
        && let Some(&a1) = after.iter().find(|m| ctx.tok_at(m.start) > b && ctx.tok_at(m.start) <= b + 3)
        && let Some(&a2) =
            after.iter().find(|m| m.start > a1.end && ctx.tok_at(m.start) <= ctx.tok_at(a1.end) + 3 && ctx.coordinated(a1, m, true))
    {
        // "a ceasefire between Israel and Hamas", "clashes between X and Y": both are parties
        // (not after a verb: "Qatar ended mediation between X and Y" is Qatar's act).
        roles.sources = vec![a1];
        roles.targets = vec![a2];
    } else if let Some(accused) = (prev_word == "of" && first_word.ends_with("ing"))
        .then(|| {
            let verb = (first.saturating_sub(8)..first)
                .rfind(|&i| starts_with_any(ctx.word(i), &["accus", "blam", "charg", "suspect", "convict"]))?;
            if ctx.word(verb + 1) == "by" && verb > 0 {
                // "Wagner has been accused by the UN of killing civilians", "it has been accused
                // by rights groups of carrying out strikes": the subject of the passive is the
                // accused, not the accuser before "of".
                let subject = ctx.mentions.iter().copied().rfind(|m| ctx.tok_at(m.end) <= verb && !ctx.is_location(m));
                let pronoun = (0..verb).rev().find(|&i| matches!(ctx.word(i), "it" | "they")).filter(|&i| {
                    (i + 1..verb).all(|j| auxiliary(ctx.word(j)) || matches!(ctx.word(j), "been" | "also" | "repeatedly" | "long"))
                });
                match (subject, pronoun) {
                    (_, Some(_)) => it_before(doc_mentions, toks[0].start),
                    (Some(m), None) => Some(m),
                    (None, None) => None,
                }
            } else if verb + 6 >= first && first.saturating_sub(2) > verb {
                ctx.mention_at_token(first.saturating_sub(2))
            } else {
                None
            }
        })
        .flatten()
    {
        // "accused the Taliban of harbouring the TTP": the accused is who (allegedly) acts.
        roles.sources = vec![accused];
        roles.targets = object(&after, last + 1);
    } else if nominal {
        // "attacks by the TTP", else no source of its own.
        if let Some(by) = (last + 1..(last + 3).min(toks.len())).find(|&i| ctx.word(i) == "by") {
            let by_pos = toks[by].end;
            roles.sources = object(&after.iter().copied().filter(|m| m.start >= by_pos).collect::<Vec<_>>(), by + 1);
            roles.targets = Vec::new();
        } else {
            roles.targets = object(&after, last + 1);
            roles.anaphoric = before_is(first - 1, determiner) && roles.targets.is_empty();
            if matches!(prev_word, "their" | "its" | "his" | "her") {
                roles.sources = subject(&near_before);
            }
        }
    } else {
        roles.verbal = true;
        roles.charged = charged.is_some();
        roles.sources = if let Some(m) = controlled {
            vec![m]
        } else if carried {
            prev_source.to_vec()
        } else if let Some(v) = speech_before {
            // the subject of the verb of saying, or none we know
            subject(&near_before.iter().copied().filter(|m| ctx.tok_at(m.end) <= v).collect::<Vec<_>>())
        } else if across {
            Vec::new()
        } else {
            subject(&near_before)
        };
        // "the camp, which sheltered ...": a relative clause's subject is what comes right before
        // "which"/"who"; when that is no actor, the act has no known source.
        let mut r = first;
        while r > 0 && auxiliary(ctx.word(r - 1)) {
            r -= 1;
        }
        if r > 0 && matches!(ctx.word(r - 1), "which" | "who" | "that") && !carried {
            let mut a = r - 1;
            while a > 0 && ctx.word(a - 1) == "," {
                a -= 1;
            }
            // a place the relative follows ("the consulate in Damascus that ...") is no antecedent
            roles.sources = a.checked_sub(1).and_then(|i| ctx.mention_at_token(i)).filter(|m| !ctx.is_location(m)).into_iter().collect();
        }
        // An infinitive's subject is the clause's subject unless a verb like "urge" made the
        // nearest actor its controller ("urging the Indian government to train ...").
        if !carried
            && charged.is_none()
            && prev_word == "to"
            && let Some(&near) = roles.sources.first()
        {
            let mut k = ctx.tok_at(near.start);
            while k > 0 && matches!(ctx.word(k - 1), "the" | "a" | "an") {
                k -= 1;
            }
            let controlled = k > 0 && starts_with_any(ctx.word(k - 1), OBJECT_CONTROL);
            if !controlled
                && let Some(first_subject) =
                    subject(&near_before.iter().copied().filter(|m| m.start < near.start).collect::<Vec<_>>()).last()
            {
                let near_tok = ctx.tok_at(near.start);
                let clause_start = (0..near_tok)
                    .rev()
                    .find(|&i| matches!(ctx.word(i), ";" | ":" | "," | "and" | "but" | "while" | "whereas" | "although" | "though" | "—"))
                    .map_or(0, |i| i + 1);
                if ctx.tok_at(first_subject.start) >= clause_start && ctx.tok_at(first_subject.start) < ctx.tok_at(near.start) {
                    roles.sources = vec![first_subject];
                }
            }
        }
        roles.targets = object(&after, last + 1);
    }
    // "launched a mediation effort between X and Y", "host a meeting between X and Y": the two
    // parties brought together are the targets.
    if !passive
        && !reverse
        && let Some(b) = (last..(last + 6).min(toks.len())).find(|&i| ctx.word(i) == "between")
        && (first..b)
            .any(|i| ["mediat", "meeting", "talks", "negotiat", "summit", "host", "broker"].iter().any(|w| ctx.word(i).starts_with(w)))
        && !(last + 1..b).any(|i| matches!(ctx.word(i), "," | ";"))
        && let Some(&a1) = after.iter().find(|m| ctx.tok_at(m.start) > b && ctx.tok_at(m.start) <= b + 4)
        && let Some(and) = (ctx.tok_at(a1.end)..(ctx.tok_at(a1.end) + 4).min(toks.len())).find(|&i| ctx.word(i) == "and")
        && let Some(&a2) = after.iter().find(|m| ctx.tok_at(m.start) > and && ctx.tok_at(m.start) <= and + 3)
        && !roles.sources.iter().any(|s| s.actor.is_some() && (s.actor == a1.actor || s.actor == a2.actor))
    {
        roles.targets = vec![a1, a2];
    }
    // "urged both countries to show restraint", "called on the two sides to talk": the object is
    // the last two states (or groups) the article named before, when the phrase stands right
    // after the trigger and nothing named stands between.
    if !passive && !reverse {
        let mut k = last + 1;
        if matches!(ctx.word(k), "on" | "upon" | "with" | "to") {
            k += 1;
        }
        let pair = match (ctx.word(k), ctx.word(k + 1), ctx.word(k + 2)) {
            ("both", n, _) | ("the", "two", n) => {
                matches!(n, "countries" | "sides" | "nations" | "neighbours" | "neighbors" | "governments" | "parties" | "states")
            }
            _ => false,
        };
        let named_between = after.iter().any(|m| ctx.tok_at(m.start) < k + 3);
        if pair && !named_between {
            let noun = if ctx.word(k) == "both" { ctx.word(k + 1) } else { ctx.word(k + 2) };
            if let Some(two) = main_pair(doc_mentions, tstart, states_noun(noun), &roles.sources, parties) {
                roles.targets = two;
            }
        }
    }
    // "the two sides agreed to disengage", "both countries accused each other": the subject is the
    // last two states or groups named before.
    if !passive && !reverse {
        let mut k = first;
        while k > 0 && auxiliary(ctx.word(k - 1)) {
            k -= 1;
        }
        let pair_subject = k >= 2 && {
            let (a, b) = (ctx.word(k - 2), ctx.word(k - 1));
            let plural = |n: &str| {
                matches!(n, "countries" | "sides" | "nations" | "neighbours" | "neighbors" | "governments" | "parties" | "states")
            };
            (a == "both" && plural(b)) || (k >= 3 && ctx.word(k - 3) == "the" && a == "two" && plural(b))
        };
        if pair_subject {
            let phrase_start = toks[k - 2].start;
            // Each acts towards the other ("agreed", "clashed"): the pair as joint sources.
            if let Some(two) = main_pair(doc_mentions, phrase_start, states_noun(ctx.word(k - 1)), &[], parties) {
                roles.sources = two;
            }
        }
    }
    // "the TTP, which it blames for the attacks": a pronoun between the relative word and the
    // verb is the subject; what the relative stands for is the object.
    if !passive && !reverse {
        let mut k = first;
        while k > 0 && (auxiliary(ctx.word(k - 1)) || matches!(ctx.word(k - 1), "not" | "never")) {
            k -= 1;
        }
        if k > 2 && matches!(ctx.word(k - 1), "he" | "she" | "they" | "it" | "we") && matches!(ctx.word(k - 2), "which" | "whom" | "that") {
            let mut a = k - 2;
            while a > 0 && ctx.word(a - 1) == "," {
                a -= 1;
            }
            if let Some(antecedent) = a.checked_sub(1).and_then(|i| ctx.mention_at_token(i)).filter(|m| !ctx.is_location(m)) {
                roles.sources.clear();
                if roles.targets.is_empty() {
                    roles.targets = vec![antecedent];
                }
            }
        }
    }
    // "Washington told Israel (that) it would ...": a pronoun subject after a speech verb and its
    // addressee is the speaker, not the addressee named right before it.
    if !passive && !reverse {
        let mut k = first;
        while k > 0 && (auxiliary(ctx.word(k - 1)) || matches!(ctx.word(k - 1), "not" | "never")) {
            k -= 1;
        }
        if k > 1 && matches!(ctx.word(k - 1), "he" | "she" | "they" | "it") {
            let person = matches!(ctx.word(k - 1), "he" | "she");
            let mut s = k - 1;
            if ctx.word(s - 1) == "that" {
                s -= 1;
            }
            let speaker = s.checked_sub(1).and_then(|i| ctx.mention_at_token(i)).and_then(|addressee| {
                let v = ctx.tok_at(addressee.start).checked_sub(1)?;
                matches!(
                    ctx.word(v),
                    "told" | "tells" | "assured" | "assures" | "warned" | "warns" | "informed" | "informs" | "reminded" | "promised"
                )
                .then(|| before.iter().copied().rfind(|m| ctx.tok_at(m.end) <= v && ctx.prep_before(m).is_none()))
                .flatten()
            });
            if let Some(sp) = speaker.filter(|m| (m.kind == MentionKind::Person) == person && m.kind != MentionKind::Nationality) {
                roles.sources = vec![sp];
            }
        }
    }
    // "the Arakan Army, whose fighters have continued to attack army positions": the fighters
    // are the antecedent's; a name between them is no subject.
    if !passive
        && !reverse
        && let Some(w) = (first.saturating_sub(6)..first).rev().find(|&i| ctx.word(i) == "whose")
        && !(w + 1..first).any(|i| matches!(ctx.word(i), "," | ";" | "—" | "–"))
    {
        let mut a = w;
        while a > 0 && ctx.word(a - 1) == "," {
            a -= 1;
        }
        if let Some(antecedent) = a.checked_sub(1).and_then(|i| ctx.mention_at_token(i)).filter(|m| !ctx.is_location(m)) {
            roles.sources = vec![antecedent];
            roles.targets.retain(|t| t.actor != antecedent.actor);
        }
    }
    // "officials close to the group said it would respect the truce": "it" right before the verb
    // is its subject, and no plural sector named before; it is the last group, body or state.
    if !passive
        && roles.sources.len() == 1
        && roles.sources.iter().all(|m| plural_sector(m))
        && pronoun_subject(&ctx, first) == Some("it")
        && let Some(m) = doc_mentions.iter().rev().find(|m| {
            m.end <= tstart
                && m.actor.is_some()
                && matches!(m.kind, MentionKind::Group | MentionKind::Organisation | MentionKind::Country)
                && ctx.tok_at(m.start) < first
        })
    {
        roles.sources = vec![m];
    }
    // "He", "they", "it" as subject: the last actor who acted, else the last named.
    if roles.sources.is_empty() && !passive {
        let mut k = first;
        while k > 0 && (auxiliary(ctx.word(k - 1)) || matches!(ctx.word(k - 1), "expected" | "to" | "set" | "likely" | "also")) {
            k -= 1;
        }
        if k > 0 && matches!(ctx.word(k - 1), "he" | "she" | "they" | "it") {
            let pronoun = ctx.word(k - 1);
            let person = matches!(pronoun, "he" | "she");
            // Inside a quotation "he" is never its speaker, who would say "I"; and a person
            // named before the quotation opened is a guess, so only one named inside it stands.
            let quote = person.then(|| quotation(text, doc_mentions, tstart)).flatten();
            let fits = |p: &Mention| {
                (p.kind == MentionKind::Person) == person
                    && quote.is_none_or(|(open, speaker)| p.start > open && speaker.is_none_or(|sp| sp.actor != p.actor))
            };
            if let Some(p) = prev_source.first().copied().or(last_source).filter(|p| fits(p)) {
                roles.sources = vec![p];
            } else if let Some(m) = doc_mentions.iter().rev().find(|m| {
                m.end <= tstart && fits(m) && m.actor.is_some() && !matches!(m.kind, MentionKind::Place | MentionKind::Nationality)
            }) {
                roles.sources = vec![m];
            }
        }
    }
    // The actor stage may have given "he" its person already: inside a quotation that person is
    // not its speaker either.
    if roles.sources.iter().any(|m| m.kind == MentionKind::Person && matches!(m.text.to_lowercase().as_str(), "he" | "she"))
        && let Some((_, Some(speaker))) = quotation(text, doc_mentions, tstart)
    {
        roles.sources.retain(|m| m.actor != speaker.actor);
    }
    // "their regime", "its forces": a sector word owned by a pronoun belongs to the last group or
    // state, unless the actor stage found its owner already ("The army said ... its forces" are
    // the army's: `how` is "owner").
    for t in roles.targets.iter_mut() {
        if t.kind == MentionKind::Agent && t.country.is_none() && t.how != "owner" {
            let i = ctx.tok_at(t.start);
            if i > 0 && matches!(ctx.word(i - 1), "their" | "its") {
                let src_ids: Vec<_> = roles.sources.iter().map(|m| m.actor.clone()).collect();
                let owner = |m: &&Mention| {
                    matches!(m.kind, MentionKind::Group | MentionKind::Organisation | MentionKind::Country) && !src_ids.contains(&m.actor)
                };
                // The sentence's own subject first ("some Taliban factions ... their regime"), else the last one named.
                if let Some(m) = ctx.mentions.iter().copied().filter(|m| m.end <= tstart && ctx.prep_before(m).is_none()).find(owner) {
                    *t = m;
                } else if let Some(m) = doc_mentions.iter().rev().find(|m| {
                    m.end <= tstart
                        && matches!(m.kind, MentionKind::Group | MentionKind::Organisation | MentionKind::Country)
                        && !src_ids.contains(&m.actor)
                }) {
                    *t = m;
                }
            }
        }
    }
    // "accused Rwanda of", "urged Pyongyang to": an actor inside the pattern's gap is its object.
    if !passive && !reverse {
        let inside: Vec<&'a Mention> = ctx
            .mentions
            .iter()
            .copied()
            .filter(|m| m.start > tstart && m.end < tend && !roles.sources.iter().any(|s| s.actor.is_some() && s.actor == m.actor))
            // not the actor's own forces ("withdraw its forces from")
            .filter(|m| !roles.sources.iter().any(|s| s.country.is_some() && s.country == m.country && m.kind == MentionKind::Agent))
            // a named actor, not a modifier ("the most militant attacks", "Israeli airstrikes"),
            // unless it says whose proposal is answered ("rejected a Senegalese peace plan")
            .filter(|m| {
                !matches!(m.kind, MentionKind::Nationality | MentionKind::Agent)
                    || m.country.is_some() && (m.kind != MentionKind::Nationality || proposal(ctx.word(last)))
            })
            .collect();
        let accusing = starts_with_any(first_word, &["accus", "blam", "charg", "suspect", "convict"]);
        if !inside.is_empty() {
            roles.targets = inside;
        } else if accusing && last >= first + 2 && matches!(ctx.word(last), "of" | "for") {
            // "accusing Western powers of failing to rein in Kigali": the accused is in the gap,
            // named by no actor here; what follows "of" is the charge, not whom it is against.
            roles.targets.clear();
        }
    }
    // An actor does not act on itself: when the object found is the source again ("Putin offered
    // talks with the president of Armenia", the title read as Putin's), the next object is the target.
    if !passive && !reverse && roles.sources.len() == 1 && !roles.targets.is_empty() {
        let src_ids: Vec<&str> = roles.sources.iter().filter_map(|m| m.actor.as_deref()).collect();
        let own = |m: &Mention| m.actor.as_deref().is_some_and(|a| src_ids.contains(&a));
        if roles.targets.iter().all(|t| own(t)) {
            let rest: Vec<&Mention> = after.iter().copied().filter(|m| !own(m)).collect();
            roles.targets = object(&rest, last + 1);
        }
    }
    // Pronoun objects point back to the last group or state (not the source itself).
    if roles.targets.is_empty() && !passive {
        let pron = (last + 1..(last + 3).min(toks.len())).map(|i| ctx.word(i)).find(|w| matches!(*w, "it" | "them" | "him" | "her"));
        if matches!(pron, Some("him" | "her")) {
            let src_ids: Vec<_> = roles.sources.iter().map(|m| m.actor.clone()).collect();
            if let Some(m) =
                doc_mentions.iter().rev().find(|m| m.end <= tstart && m.kind == MentionKind::Person && !src_ids.contains(&m.actor))
            {
                roles.targets.push(m);
            }
        } else if pron.is_some() {
            let src_ids: Vec<_> = roles.sources.iter().map(|m| m.actor.clone()).collect();
            // "them" is plural: the last plural sector or group named in this sentence or the one
            // before ("protesters attacked the embassies of Rwanda and France ... Police fired
            // tear gas to disperse them"), before any state.
            let near = tstart.saturating_sub(400);
            let plural = (pron == Some("them"))
                .then(|| {
                    doc_mentions.iter().rev().find(|m| {
                        m.end <= tstart
                            && m.start >= near
                            && ((m.kind == MentionKind::Agent && m.text.ends_with('s')) || m.kind == MentionKind::Group)
                            && !src_ids.contains(&m.actor)
                    })
                })
                .flatten();
            if let Some(m) = plural {
                roles.targets.push(m);
            } else if let Some(m) = doc_mentions.iter().rev().find(|m| {
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
