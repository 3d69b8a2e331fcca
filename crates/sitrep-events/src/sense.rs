//! Whether a matched pattern's words tell an act at all, in the sense the pattern codes.
//!
//! A pattern matches lemmas; English reuses them for things that are no act between parties:
//! the scope of a treaty ("covers armed attacks"), an ability ("the group's ability to attack"),
//! a noun ("a passenger train", "military targets", "restore order"), an idiom ("meeting little
//! resistance", "hit another snag"), a game ("beat the Netherlands 2-1"), or something handed out
//! that is only information ("released a video", "did not provide details").

use sitrep_model::{Mention, MentionKind};

use crate::Words;

/// Verbs that state what a text or rule extends to ("the treaty covers armed attacks").
const SCOPE_VERBS: &[&str] = &["cover", "covers", "covered", "covering"];
/// Verbs that, with "to", state what a rule extends to ("applies to attacks on ships").
const SCOPE_TO: &[&str] = &["apply", "applies", "applied", "extend", "extends", "extended", "relate", "relates"];
/// Nouns whose "to" + verb names something one could do, not something done.
const ABILITY: &[&str] = &["ability", "abilities", "capacity", "capability", "capabilities"];
/// Modifiers that may stand between a scope word and the event noun ("covers armed attacks").
const SCOPE_MODIFIERS: &[&str] = &[
    "any",
    "an",
    "a",
    "all",
    "such",
    "the",
    "armed",
    "future",
    "possible",
    "potential",
    "military",
    "foreign",
    "external",
    "hostile",
    "further",
    "new",
    "nuclear",
];
/// Objects that are information, media or things, not people: releasing them ("released a
/// video", "released a torrent of water") frees no one.
const INFORMATION: &[&str] = &[
    "video",
    "videos",
    "footage",
    "statement",
    "statements",
    "report",
    "reports",
    "figures",
    "data",
    "details",
    "detail",
    "information",
    "comment",
    "comments",
    "evidence",
    "explanation",
    "specifics",
    "timeline",
    "images",
    "photos",
    "photographs",
    "pictures",
    "recording",
    "transcript",
    "album",
    "film",
    "trailer",
    "results",
    "update",
    "updates",
    "answers",
    "opportunity",
    "chance",
    "list",
    "names",
    "version",
    "findings",
    "torrent",
    "water",
    "letter",
    "letters",
    "document",
    "documents",
    "memo",
    "emails",
];
/// What is provided or given that is no help to anyone ("did not provide any other details",
/// "would provide an opportunity", "provided the names of the hostages"); a demand to "provide
/// information" still asks something.
const NO_HELP: &[&str] = &[
    "names",
    "list",
    "proof",
    "details",
    "detail",
    "comment",
    "comments",
    "explanation",
    "specifics",
    "timeline",
    "update",
    "updates",
    "answers",
    "opportunity",
    "chance",
];
/// What is withdrawn that is no force or presence: words and filings ("withdrew the claim").
const WORDS_TAKEN_BACK: &[&str] = &[
    "claim",
    "claims",
    "statement",
    "statements",
    "remark",
    "remarks",
    "comment",
    "comments",
    "complaint",
    "complaints",
    "lawsuit",
    "suit",
    "bill",
    "nomination",
    "candidacy",
    "application",
    "name",
    "report",
    "allegation",
    "allegations",
    "accusation",
    "offer",
    "bid",
];
/// Verbs that name what something is ("called it sabotage", "termed the raid an invasion").
const NAMING: &[&str] = &[
    "call", "calls", "called", "calling", "term", "terms", "termed", "brand", "brands", "branded", "label", "labels", "labelled", "labeled",
];
/// Verbs whose "as" names what something is ("described the raid as a terrorist act").
const DESCRIBING: &[&str] =
    &["describe", "describes", "described", "describing", "characterised", "characterized", "denounced", "condemned", "dismissed"];
/// Words that, as nouns, name a thing rather than the act of their verb ("a passenger train",
/// "a legitimate target", "one shot on goal", "hit singles", "a phone box").
const NOUN_SENSES: &[&str] = &["train", "trains", "target", "targets", "shot", "shots", "hit", "hits", "phone", "phones"];
/// Nouns "hit" or "phone" modify ("hit singles", "a phone box").
const COMPOUND_HEADS: &[&str] = &[
    "single", "singles", "song", "songs", "show", "shows", "film", "movie", "album", "record", "box", "number", "line", "company", "maker",
    "app",
];
/// Determiners and possessives right before a word that make it a noun ("the target", "a shot").
const SOLE_OPENERS: &[&str] = &["a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "every", "each", "another"];
/// Words that never modify a noun: auxiliaries, pronouns, conjunctions, particles.
const NOT_MODIFIERS: &[&str] = &[
    "to", "not", "will", "would", "can", "could", "may", "might", "must", "shall", "should", "did", "do", "had", "have", "and", "or",
    "but", "that", "which", "who", "it", "he", "she", "they", "we", "i", "you", "also", "then", "never", "just", "again", "back", "be",
    "been", "being", "was", "were", "is", "are", "am", "only", "even", "still",
];
/// Determiners, numbers and possessives that make the next word a noun.
const NOUN_OPENERS: &[&str] = &[
    "a", "an", "the", "one", "two", "three", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those", "no",
    "every", "each", "another",
];
/// Objects of "hit" that make it a figure of speech ("hit another snag", "hit a record high").
const HIT_FIGURES: &[&str] = &[
    "snag",
    "snags",
    "record",
    "records",
    "high",
    "highs",
    "low",
    "lows",
    "headlines",
    "shelves",
    "milestone",
    "jackpot",
    "roadblock",
    "pay",
    "stride",
    "note",
    "button",
    "peak",
    "bottom",
];
/// Nouns "meet" takes in the sense of coming up against or satisfying something, no one met.
const MEET_FIGURES: &[&str] = &[
    "resistance",
    "opposition",
    "criticism",
    "demand",
    "demands",
    "need",
    "needs",
    "target",
    "targets",
    "deadline",
    "expectations",
    "requirements",
    "standards",
    "fate",
    "end",
    "death",
];

/// Words after "host" that leave it without an object: it names the one who hosts ("thanked
/// the Saudi hosts and said", "the hosts, who"), not the act of hosting.
const AFTER_HOST_NOUN: &[&str] = &[
    ",", ".", ";", ":", "and", "or", "who", "which", "that", "of", "for", "in", "at", "on", "to", "with", "from", "had", "has", "have",
    "was", "were", "is", "are", "said", "say", "would", "will",
];
/// Nouns for what happens, not who acts: a warning that such a thing "would leave farms without
/// irrigation" foretells harm, it threatens no one.
const HAPPENINGS: &[&str] = &[
    "loss",
    "losses",
    "closure",
    "collapse",
    "shortage",
    "shortages",
    "lack",
    "destruction",
    "damage",
    "cuts",
    "cut",
    "decline",
    "rise",
    "drought",
    "flooding",
    "floods",
    "flood",
    "heat",
    "spread",
    "outbreak",
    "disruption",
    "delay",
    "delays",
    "shutdown",
    "failure",
    "crisis",
    "situation",
    "change",
    "changes",
    "increase",
    "decrease",
    "drop",
    "fall",
    "surge",
    "price",
    "prices",
    "cost",
    "costs",
];
/// Verbs of consequence after "would"/"could" in a warning ("the loss would leave ...").
const CONSEQUENCES: &[&str] = &[
    "leave",
    "cause",
    "lead",
    "result",
    "worsen",
    "deepen",
    "hurt",
    "harm",
    "damage",
    "undermine",
    "cut",
    "deprive",
    "push",
    "plunge",
    "mean",
    "affect",
    "disrupt",
    "devastate",
    "endanger",
    "jeopardise",
    "jeopardize",
    "hamper",
    "exacerbate",
    "raise",
    "increase",
    "reduce",
    "slow",
    "weaken",
    "threaten",
    "put",
    "force",
    "drive",
    "make",
    "create",
    "spread",
];
/// Objects of "beat" that make it outdoing, not beating anyone ("beat forecasts").
const BEAT_FIGURES: &[&str] = &[
    "forecast",
    "forecasts",
    "expectations",
    "estimate",
    "estimates",
    "odds",
    "record",
    "records",
    "deadline",
    "clock",
    "traffic",
    "heat",
];
/// Modifiers that make "order" an arrangement of things, not a command ("the liberal
/// international order", "a task order", "in chronological order").
const ORDER_KINDS: &[&str] = &[
    "international",
    "world",
    "global",
    "liberal",
    "social",
    "political",
    "economic",
    "constitutional",
    "task",
    "purchase",
    "batting",
    "chronological",
    "alphabetical",
    "working",
    "pecking",
    "reverse",
    "rules-based",
];
/// Words before "allow" that make a thing, not a party, the one allowing ("It allows users to").
const THING_SUBJECTS: &[&str] = &["it", "this", "that", "which"];
/// The verbs that say a claim was left open ("has not confirmed or denied").
const CONFIRM: &[&str] = &["confirm", "confirms", "confirmed", "confirming"];

/// Whether the trigger over tokens `first..=last`, matched by a pattern whose first lemma is
/// `lemma`, tells an act: false for scope, ability, noun senses, idioms and information handed out.
pub fn is_act(words: &Words, first: usize, last: usize, lemma: &str) -> bool {
    let handed = |list: &[&str]| object_head(words, last, 4).is_some_and(|o| list.contains(&o));
    let no_act = scope(words, first)
        || modifies_attack(words, first, last)
        || ability(words, first)
        || noun_sense(words, first, last)
        || idiom(words, first, last, lemma)
        || (matches!(lemma, "ask" | "demand" | "request") && (question(words, first, last) || for_comment(words, last)))
        || (lemma == "demand" && market_demand(words, first))
        || (lemma == "release" && handed(INFORMATION))
        || (lemma == "withdraw" && handed(WORDS_TAKEN_BACK))
        || label(words, first)
        || (lemma == "host" && host_noun(words, first, last))
        || (lemma == "warn" && foretold_harm(words, last))
        || (lemma == "deny" && left_open(words, first))
        || (lemma == "decline" && first == last && figure_after(words, last))
        || (lemma == "allow" && first == last && thing_allows(words, first))
        || (matches!(lemma, "provide" | "give") && handed(NO_HELP))
        || (lemma == "call" && first != last && strikes_named(words, first, last))
        || (lemma == "tour" && first == last && !tour_of_places(words, first, last))
        || (matches!(lemma, "release" | "free") && first == last && background_release(words, first, last))
        || (matches!(lemma, "recognize" | "recognise") && first == last && words.lower.get(last + 1) == Some(&"that"))
        || (lemma == "investigate" && first == last && nothing_after(words, last))
        || (matches!(lemma, "fight" | "battle") && first == last && struggle(words, last))
        || (lemma == "hit" && first == last && hit_by_hardship(words, last))
        || (matches!(lemma, "decline" | "refuse") && first == last && no_comment(words, last))
        || (lemma == "support" && first == last && feature_support(words, first));
    !no_act
}

/// Definite words before "strike(s)" after "call": strikes already told of, not a strike called.
const DEFINITE: &[&str] = &["the", "these", "those", "this", "that", "its", "their", "his", "her", "such"];

/// "Israel called the strikes unacceptable", "called these strikes a crime": "call" with a
/// definite object names strikes told before; it calls no strike ("called a general strike",
/// "the union called the strike for Monday" stay).
fn strikes_named(words: &Words, first: usize, last: usize) -> bool {
    let w = |i: usize| words.at(i);
    matches!(w(last), "strike" | "strikes")
        && (DEFINITE.contains(&w(first + 1)) || w(first + 1).ends_with("'s"))
        && !matches!(w(last + 1), "for" | "against" | "on" | "in" | "at" | "to" | "over" | "off")
}

/// What a party offers another in politics and war: help, talks, terms, concessions, force,
/// refuge ("offered asylum", "offered Kyiv security guarantees"); a product, a price or a
/// "reminder" offered is commerce or a figure of speech.
const OFFERED: &[&str] = &[
    "help",
    "aid",
    "assistance",
    "support",
    "relief",
    "talks",
    "talk",
    "dialogue",
    "negotiations",
    "negotiation",
    "concession",
    "concessions",
    "ceasefire",
    "truce",
    "armistice",
    "asylum",
    "refuge",
    "shelter",
    "sanctuary",
    "protection",
    "guarantee",
    "guarantees",
    "assurance",
    "assurances",
    "mediation",
    "troops",
    "soldiers",
    "peacekeepers",
    "forces",
    "condolences",
    "sympathy",
    "apology",
    "apologies",
    "amnesty",
    "pardon",
    "immunity",
    "deal",
    "compromise",
    "peace",
    "security",
    "cooperation",
    "resignation",
    "reward",
    "ransom",
    "exchange",
    "swap",
    "prisoners",
    "hostages",
    "release",
    "loan",
    "loans",
    "funds",
    "funding",
    "money",
    "credit",
    "weapons",
    "arms",
    "equipment",
    "access",
    "passage",
    "corridor",
    "recognition",
    "membership",
    "terms",
    "proposal",
    "plan",
    "incentives",
    "compensation",
    "vaccines",
    "food",
    "fuel",
    "training",
    "intelligence",
    "olive",
];

/// "Turkey offered to fly the wounded abroad", "offered Ukraine security guarantees", "offered
/// talks": an offer of an act (an infinitive) or of one of the things in `OFFERED`, within a few
/// words; "offers almost all its models", "offering the tablet for $799", "offers a reminder" offer
/// no party anything. (An offer made to a state named right after the verb, "offered the Russians
/// a deal", is one too: see `code`.)
pub fn offer_between_parties(words: &Words, last: usize) -> bool {
    let w = |i: usize| words.at(i);
    let raw = |i: usize| words.raw(i);
    if w(last + 1) == "to" && raw(last + 2).starts_with(|c: char| c.is_ascii_lowercase()) && !DEFINITE.contains(&w(last + 2)) {
        return true;
    }
    (last + 1..(last + 7).min(words.lower.len()))
        .take_while(|&i| !matches!(w(i), "," | ";" | "." | ":" | "that" | "which" | "who" | "for" | "at" | "as"))
        .any(|i| OFFERED.contains(&w(i)))
}

/// Kinds of tour that are no visit between parties: a show, a game, a sale or a sight.
const TOUR_KINDS: &[&str] = &[
    "concert",
    "world",
    "book",
    "farewell",
    "reunion",
    "stadium",
    "arena",
    "comeback",
    "anniversary",
    "press",
    "media",
    "promotional",
    "golf",
    "tennis",
    "cycling",
    "pga",
    "music",
    "musical",
    "band",
    "summer",
    "winter",
    "spring",
    "autumn",
    "fall",
    "solo",
    "headline",
    "headlining",
    "club",
    "comedy",
    "bus",
    "guided",
    "walking",
    "virtual",
    "studio",
    "factory",
    "house",
    "home",
    "campus",
    "sold-out",
];

/// "the president's tour of the flooded districts", "toured the front line", "toured Kherson": a
/// tour of somewhere; "a North American tour next year", "will tour together", "a world tour of
/// Europe" are shows on the road.
fn tour_of_places(words: &Words, first: usize, last: usize) -> bool {
    let w = |i: usize| words.at(i);
    let raw = |i: usize| words.raw(i);
    if first > 0 && TOUR_KINDS.contains(&w(first - 1)) {
        return false;
    }
    // a capitalised "Tour" inside a name ("Tour de France", "the European Tour")
    if raw(first).starts_with(|c: char| c.is_uppercase()) && first > 0 {
        return false;
    }
    let next = w(last + 1);
    matches!(next, "of" | "through" | "around" | "across")
        || (matches!(next, "the" | "a" | "an" | "his" | "her" | "its" | "their" | "several" | "two" | "three")
            && !(first > 0 && NOUN_OPENERS.contains(&w(first - 1))))
        || raw(last + 1).starts_with(|c: char| c.is_uppercase())
}

/// "Capitol Police, who worked with the FBI to investigate.": an inquiry with nothing after it,
/// not even a thing looked into, names no one and nothing investigated.
fn nothing_after(words: &Words, last: usize) -> bool {
    matches!(words.lower.get(last + 1).copied(), None | Some("." | "," | ";" | ":" | "!" | "?" | "\"" | "”"))
}

/// What one fights or battles that is no party and no force: illness, disaster, the law, the
/// weather, the air ("is battling extradition", "fighting dirty air", "battling wildfires").
const STRUGGLES: &[&str] = &[
    "extradition",
    "deportation",
    "charges",
    "charge",
    "lawsuit",
    "lawsuits",
    "case",
    "conviction",
    "ruling",
    "cancer",
    "illness",
    "disease",
    "diseases",
    "virus",
    "infection",
    "addiction",
    "depression",
    "fire",
    "fires",
    "wildfire",
    "wildfires",
    "blaze",
    "blazes",
    "flames",
    "flood",
    "floods",
    "flooding",
    "drought",
    "air",
    "pollution",
    "smog",
    "inflation",
    "poverty",
    "hunger",
    "obesity",
    "injury",
    "injuries",
    "odds",
    "clock",
    "traffic",
    "weather",
    "heat",
    "cold",
    "snow",
    "storm",
];

/// "battle to win the election", "fighting to save the plant", "is battling extradition",
/// "fighting dirty air": a struggle to do something, or against a hardship, is no violence.
fn struggle(words: &Words, last: usize) -> bool {
    let w = |i: usize| words.at(i);
    let raw = |i: usize| words.raw(i);
    if w(last + 1) == "to" && raw(last + 2).starts_with(|c: char| c.is_ascii_lowercase()) && !NOUN_OPENERS.contains(&w(last + 2)) {
        return true;
    }
    (last + 1..(last + 4).min(words.lower.len()))
        .take_while(|&i| raw(i).starts_with(|c: char| c.is_ascii_lowercase()) && !matches!(w(i), "with" | "against" | "for" | "over"))
        .any(|i| STRUGGLES.contains(&w(i)))
}

/// "declined to comment", "refused to confirm the operation", "declined to say when": saying
/// nothing to the press rejects no one (CAMEO's "decline comment" is no REJECT in PLOVER); "refused
/// to respond to a demand" does reject it.
fn no_comment(words: &Words, last: usize) -> bool {
    let w = |i: usize| words.at(i);
    w(last + 1) == "to"
        && (matches!(
            w(last + 2),
            "comment"
                | "confirm"
                | "say"
                | "discuss"
                | "elaborate"
                | "specify"
                | "disclose"
                | "reveal"
                | "speculate"
                | "detail"
                | "identify"
                | "name"
                | "explain"
        ) || (w(last + 2) == "be" && matches!(w(last + 3), "named" | "identified" | "quoted")))
}

/// "integrated Alexa support", "technical support", "customer support", "support for USB-C": a
/// feature or a service of a product, no backing of anyone.
fn feature_support(words: &Words, first: usize) -> bool {
    let w = |i: usize| words.at(i);
    let raw = |i: usize| words.raw(i);
    // back over a product's name ("integrated Amazon Alexa support")
    let at = first;
    let mut first = first;
    while first > 1 && at - first < 3 && raw(first - 1).starts_with(|c: char| c.is_uppercase()) {
        first -= 1;
    }
    first > 0
        && matches!(
            w(first - 1),
            "integrated"
                | "technical"
                | "tech"
                | "customer"
                | "native"
                | "software"
                | "hardware"
                | "product"
                | "device"
                | "app"
                | "browser"
                | "built-in"
                | "controller"
                | "keyboard"
                | "wireless"
                | "bluetooth"
                | "usb"
                | "lumbar"
        )
        && !(first >= 2 && matches!(w(first - 2), "will" | "would" | "to" | "not" | "they" | "we" | "can"))
}

/// Hardships that "hit" people without anyone striking them: prices, tariffs, weather, disease.
const HARDSHIPS: &[&str] = &[
    "tariffs",
    "tariff",
    "sanctions",
    "taxes",
    "tax",
    "duties",
    "inflation",
    "prices",
    "costs",
    "recession",
    "slump",
    "downturn",
    "layoffs",
    "cuts",
    "shortages",
    "losses",
    "drought",
    "storm",
    "storms",
    "floods",
    "flooding",
    "hurricane",
    "typhoon",
    "cyclone",
    "earthquake",
    "quake",
    "pandemic",
    "virus",
    "outbreak",
    "heatwave",
    "snowstorm",
    "blizzard",
    "wildfires",
];

/// "farmers hit by retaliatory Chinese tariffs", "towns hit by the storm": hit by a hardship, no
/// one attacked ("hit by a drone", "hit by a ransomware attack" stay).
fn hit_by_hardship(words: &Words, last: usize) -> bool {
    let w = |i: usize| words.at(i);
    w(last + 1) == "by"
        && (last + 2..(last + 6).min(words.lower.len()))
            .take_while(|&i| !matches!(w(i), "," | "." | ";" | "and" | "in" | "on" | "at" | "from" | "that" | "which"))
            .any(|i| HARDSHIPS.contains(&w(i)))
}

/// What one attacks in words: plans, records, statements, conduct.
const VERBAL_TARGETS: &[&str] = &[
    "policy",
    "policies",
    "record",
    "records",
    "plan",
    "plans",
    "proposal",
    "proposals",
    "comments",
    "remarks",
    "statement",
    "statements",
    "decision",
    "decisions",
    "stance",
    "views",
    "bill",
    "budget",
    "handling",
    "approach",
    "strategy",
    "agenda",
    "rhetoric",
    "claims",
    "credibility",
    "character",
    "reforms",
    "ideas",
    "performance",
    "report",
    "ruling",
    "legislation",
    "deal",
    "speech",
    "tweet",
    "tweets",
];

/// "attacked each other's policies on Brexit", "attacked the government's handling of the crisis":
/// an object within four words (past determiners, possessives and modifiers) that is words, plans
/// or conduct.
pub fn verbal_object(words: &Words, last: usize) -> bool {
    let w = |i: usize| words.at(i);
    (last + 1..(last + 5).min(words.lower.len()))
        .take_while(|&i| !matches!(w(i), "," | "." | ";" | "and" | "in" | "on" | "at" | "with" | "by" | "near" | "killing" | "that"))
        .any(|i| VERBAL_TARGETS.contains(&w(i)))
}

/// "people recently released from prison", "those newly freed from jail": a participle after a
/// time adverb or a noun for such people, with "from" after it, describes who they are; it
/// reports no release ("Israel released 90 prisoners", "39 were released from jails" stay).
fn background_release(words: &Words, first: usize, last: usize) -> bool {
    let w = |i: usize| words.at(i);
    if !matches!(w(first), "released" | "freed") || w(last + 1) != "from" || first == 0 {
        return false;
    }
    let prev = w(first - 1);
    matches!(prev, "recently" | "newly" | "once" | "previously" | "formerly" | "since" | "already" | "ever")
        || matches!(
            prev,
            "those" | "people" | "prisoners" | "inmates" | "detainees" | "convicts" | "offenders" | "men" | "women" | "individuals"
        )
}

/// "its treaty covers armed attacks on public vessels", "applies to any attack", "in case of an
/// attack", "would respond to any attack": an act named as what a rule or a promise extends
/// to has not happened.
fn scope(words: &Words, first: usize) -> bool {
    let w = |i: usize| words.at(i);
    let mut k = first;
    let mut any = false;
    while k > 0 && first - k < 3 && SCOPE_MODIFIERS.contains(&w(k - 1)) {
        any |= w(k - 1) == "any";
        k -= 1;
    }
    let Some(before) = k.checked_sub(1) else { return false };
    SCOPE_VERBS.contains(&w(before))
        || (w(before) == "to" && before > 0 && SCOPE_TO.contains(&w(before - 1)))
        || (w(before) == "of" && before > 1 && matches!(w(before - 1), "case" | "event") && matches!(w(before - 2), "in" | "the"))
        || (any && matches!(w(before), "to" | "against"))
}

/// "Schiff asked.", "asked Morrison about concerns", "demanded how Andrew could be so sure",
/// "asked not to be identified": a question put, or anonymity asked, is no request between
/// parties.
fn question(words: &Words, first: usize, last: usize) -> bool {
    let w = |i: usize| words.at(i);
    let raw = |i: usize| words.raw(i);
    // the verb of a quotation or question: "...?" Aderholt asked; Malaska asked, "Could it ..."
    // (not an ellipsis: "we will ask... the court to open an inquiry")
    let ellipsis = raw(last + 1).starts_with("..") || raw(last + 1) == "…" || (w(last + 1) == "." && w(last + 2) == ".");
    if first == last
        && !ellipsis
        && (last + 1 >= words.lower.len() || matches!(w(last + 1), "." | "," | ":" | "?" | "\"" | "“" | "”" | "'"))
    {
        return true;
    }
    if w(last + 1) == "not" && w(last + 2) == "to" && matches!(w(last + 3), "be" | "identify" | "name") {
        return true;
    }
    // a question word before any infinitive ("asked him about", "asked whether")
    (last + 1..(last + 5).min(words.lower.len()))
        .take_while(|&i| w(i) != "to" && !matches!(w(i), "," | ";"))
        .any(|i| matches!(w(i), "about" | "whether" | "how" | "why" | "what" | "who" | "when" | "where" | "if") || raw(i) == "?")
}

/// "didn't respond to a request for comment", "asked for comment": the press asking.
fn for_comment(words: &Words, last: usize) -> bool {
    let w = |i: usize| words.at(i);
    let k = if w(last + 1) == "for" { last + 2 } else { last + 1 };
    matches!(w(k), "comment" | "comments" | "an" | "a")
        && (w(k) != "an" || w(k + 1) == "interview")
        && (w(k) != "a" || w(k + 1) == "comment")
}

/// "overwhelming demand", "a revival in demand", "supply and demand": what buyers want.
fn market_demand(words: &Words, first: usize) -> bool {
    let w = |i: usize| words.at(i);
    let prev = if first > 0 { w(first - 1) } else { "" };
    matches!(
        prev,
        "overwhelming"
            | "strong"
            | "weak"
            | "weaker"
            | "stronger"
            | "global"
            | "consumer"
            | "domestic"
            | "rising"
            | "falling"
            | "growing"
            | "high"
            | "higher"
            | "low"
            | "lower"
            | "oil"
            | "energy"
            | "market"
            | "customer"
            | "in"
            | "fuel"
            | "export"
            | "import"
            | "seasonal"
            | "peak"
            | "travel"
    ) || (prev == "and" && first >= 2 && w(first - 2) == "supply")
}

/// "launched missile strikes", "a drone attack": a pattern ending in a weapon that only
/// modifies an attack noun after it; the attack is the event (coded by its own word).
fn modifies_attack(words: &Words, first: usize, last: usize) -> bool {
    first != last
        && matches!(
            words.lower.get(last + 1).copied(),
            Some("strike" | "strikes" | "attack" | "attacks" | "raid" | "raids" | "barrage" | "barrages" | "salvo" | "salvos")
        )
}

/// "called it deliberate sabotage", "described the raid as a terrorist attack": a noun that
/// names what something else was is no act of its own (the naming is coded by its own pattern).
fn label(words: &Words, first: usize) -> bool {
    let w = |i: usize| words.at(i);
    let from = first.saturating_sub(6);
    if (from..first).any(|i| matches!(w(i), "," | ";" | "." | "and" | "but" | "that" | "which")) {
        // only within the naming phrase itself
        let stop = (from..first).rev().find(|&i| matches!(w(i), "," | ";" | "." | "and" | "but" | "that" | "which"));
        return stop.is_some_and(|s| named(words, s + 1, first));
    }
    named(words, from, first)
}

/// A naming verb with an object, or "as" after a describing verb, between `from` and `first`.
fn named(words: &Words, from: usize, first: usize) -> bool {
    let w = |i: usize| words.at(i);
    let determiner = |x: &str| matches!(x, "a" | "an" | "the" | "its" | "their" | "his" | "her" | "this" | "that");
    (from..first).any(|i| {
        // "called it sabotage"; "called the assault a declaration of war" (a second noun phrase:
        // "called a meeting", "called a general strike" name nothing, they convene)
        let naming = NAMING.contains(&w(i))
            && i + 2 <= first
            && (matches!(w(i + 1), "it" | "them" | "this" | "him" | "her")
                || (determiner(w(i + 1)) && (i + 2..first).any(|j| determiner(w(j)))));
        // "described the raid as a terrorist attack" (not "denounced as a crime Serbia's
        // suppression of ...": the label ends before a possessive)
        let described = w(i) == "as"
            && (from..i).any(|j| DESCRIBING.contains(&w(j)))
            && first <= i + 4
            && !(i + 1..first).any(|j| w(j).ends_with("'s"));
        naming || described
    })
}

/// "thanked the Saudi hosts and said", "its hosts, who": a determiner or possessive (and at most
/// one word between) before "host" with no object after it makes it a noun for who hosts.
fn host_noun(words: &Words, first: usize, last: usize) -> bool {
    let w = |i: usize| words.at(i);
    if first != last || first == 0 || !matches!(w(first), "host" | "hosts") {
        return false;
    }
    let no_object = first + 1 >= words.lower.len() || AFTER_HOST_NOUN.contains(&w(first + 1));
    let opener = |i: usize| SOLE_OPENERS.contains(&w(i)) || w(i).ends_with("'s") || w(i).ends_with("’s");
    no_object && (opener(first - 1) || (first >= 2 && opener(first - 2) && !NOT_MODIFIERS.contains(&w(first - 1))))
}

/// "warned that the loss of the reservoir would leave farms without irrigation": a warning whose
/// clause has a happening, not a party, doing harm foretells it; no one threatens anyone.
fn foretold_harm(words: &Words, last: usize) -> bool {
    let w = |i: usize| words.at(i);
    let raw = |i: usize| words.raw(i);
    let mut k = last + 1;
    if w(k) == "that" {
        k += 1;
    }
    if !matches!(w(k), "the" | "a" | "an" | "any" | "its" | "their" | "this" | "such") || !HAPPENINGS.contains(&w(k + 1)) {
        return false;
    }
    // the subject runs, in lower case (no party named in it), to the first modal
    let Some(modal) = (k + 2..(k + 10).min(words.lower.len()))
        .take_while(|&i| raw(i).starts_with(|c: char| c.is_ascii_lowercase()))
        .find(|&i| matches!(w(i), "would" | "could" | "will" | "may" | "might" | "can"))
    else {
        return false;
    };
    CONSEQUENCES.contains(&w(modal + 1))
}

/// "has not confirmed or denied carrying out the strike", "neither confirmed nor denied": a claim
/// left open is no denial.
fn left_open(words: &Words, first: usize) -> bool {
    first >= 2 && matches!(words.lower[first - 1], "or" | "nor") && CONFIRM.contains(&words.lower[first - 2])
}

/// "the Nikkei declined 0.3%", "declined by 2 percent", "declined to 4.1%": a figure after
/// "declined" makes it a fall, not a refusal.
fn figure_after(words: &Words, last: usize) -> bool {
    let raw = |i: usize| words.raw(i);
    let digit = |i: usize| raw(i).starts_with(|c: char| c.is_ascii_digit());
    let w = |i: usize| words.at(i);
    digit(last + 1) || (matches!(w(last + 1), "by" | "to" | "from" | "nearly" | "about" | "almost") && digit(last + 2))
}

/// "It allows users to share files", "That, Audi says, allows the car to ...", "which allows
/// him to": a thing that makes something possible concedes nothing to anyone.
fn thing_allows(words: &Words, first: usize) -> bool {
    let w = |i: usize| words.at(i);
    let mut k = first;
    // step back over a speech aside between commas (", Audi says,")
    if k >= 2
        && w(k - 1) == ","
        && let Some(open) = (k.saturating_sub(6)..k - 1).rev().find(|&i| w(i) == ",")
    {
        k = open;
    }
    // "it" and "that" only opening the sentence ("Egypt says it allows aid trucks" is Egypt)
    k >= 1 && THING_SUBJECTS.contains(&w(k - 1)) && (k == 1 || matches!(w(k - 1), "this" | "which"))
}

/// "degrading the group's ability to attack commercial shipping": what an actor is able to do.
fn ability(words: &Words, first: usize) -> bool {
    first >= 2 && words.lower[first - 1] == "to" && ABILITY.contains(&words.lower[first - 2])
}

/// "a passenger train", "military targets", "one shot on goal", "hit singles", "a phone box",
/// "restore order", "in order to": the word is a noun naming a thing, not its verb's act.
fn noun_sense(words: &Words, first: usize, last: usize) -> bool {
    let w = |i: usize| words.at(i);
    let word = w(first);
    if word == "order" || word == "orders" {
        let prev = if first > 0 { w(first - 1) } else { "" };
        let law_and = first >= 2 && prev == "and" && w(first - 2) == "law";
        let in_order_to = prev == "in" && w(first + 1) == "to";
        return law_and
            || in_order_to
            || ORDER_KINDS.contains(&prev)
            || matches!(prev, "restore" | "restoring" | "restored" | "maintain" | "maintaining" | "keep" | "public");
    }
    if first != last || !NOUN_SENSES.contains(&word) || first == 0 {
        return false;
    }
    // "one shot on goal", "two shots on target": a try at a goal
    if matches!(word, "shot" | "shots") && w(first + 1) == "on" && matches!(w(first + 2), "goal" | "target") {
        return true;
    }
    // "hit singles", "a phone box": the word modifies a noun after it
    if matches!(word, "hit" | "phone") && COMPOUND_HEADS.contains(&w(first + 1)) {
        return true;
    }
    // what comes next is the verb's object: "the strikes hit an air base", "hit 41 aircraft"
    let raw = |i: usize| words.raw(i);
    let next = raw(first + 1);
    if NOUN_OPENERS.contains(&w(first + 1))
        || matches!(w(first + 1), "him" | "them" | "it" | "us" | "me")
        || next.starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase())
    {
        return false;
    }
    // a determiner or possessive right before: "a legitimate target" is one word away, "the
    // target", "its phone" none
    let opener = |i: usize| SOLE_OPENERS.contains(&w(i)) || w(i).ends_with("'s");
    if opener(first - 1) {
        return true;
    }
    let prev = w(first - 1);
    if !modifier(raw(first - 1), prev) {
        return false;
    }
    // "a passenger train": an indefinite article or a number, then one modifier
    let plural = word.ends_with('s');
    if first >= 2 && (matches!(w(first - 2), "a" | "an" | "one") || raw(first - 2).starts_with(|c: char| c.is_ascii_digit())) {
        return !plural;
    }
    // "hitting only military targets": a plural after a modifier that no determiner opens ("the
    // group targets civilians" has its subject there)
    plural && !(first >= 2 && (opener(first - 2) || NOUN_OPENERS.contains(&w(first - 2))))
}

/// A lower-case word that can modify a noun after it: no plural, no verb form or function word.
fn modifier(raw: &str, w: &str) -> bool {
    raw.starts_with(|c: char| c.is_ascii_lowercase())
        && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        && (w.ends_with("ss") || !w.ends_with('s'))
        && !w.ends_with("ed")
        && !w.ends_with("ly")
        && !NOT_MODIFIERS.contains(&w)
}

/// "hit another snag", "hit a record high", "hit pay dirt", "meeting little resistance": a verb
/// in a figure of speech whose object is no party.
fn idiom(words: &Words, first: usize, last: usize, lemma: &str) -> bool {
    if first != last {
        return false;
    }
    let figures = match lemma {
        "hit" => HIT_FIGURES,
        "meet" => MEET_FIGURES,
        "beat" => BEAT_FIGURES,
        _ => return false,
    };
    object_head(words, last, 3).is_some_and(|o| figures.contains(&o))
}

/// The first word after `last`, within `reach` words, that is not a determiner, number or
/// modifier-like word we can recognise: the object's head, as near as we can tell without tags.
/// None when a preposition, punctuation or a capitalised word comes first.
fn object_head<'t>(words: &Words<'t>, last: usize, reach: usize) -> Option<&'t str> {
    let toks = words.toks;
    for (t, &w) in toks.iter().zip(&words.lower).skip(last + 1).take(reach) {
        let raw = t.text(words.text);
        if !raw.starts_with(|c: char| c.is_ascii_lowercase()) && !raw.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        if INFORMATION.contains(&w)
            || NO_HELP.contains(&w)
            || HIT_FIGURES.contains(&w)
            || MEET_FIGURES.contains(&w)
            || BEAT_FIGURES.contains(&w)
        {
            return Some(w);
        }
        let modifier = NOUN_OPENERS.contains(&w)
            || raw.starts_with(|c: char| c.is_ascii_digit())
            || matches!(w, "any" | "other" | "more" | "further" | "new" | "little" | "no" | "some" | "all" | "few" | "several")
            || w.ends_with("ly")
            || w.ends_with("al")
            || w.ends_with("ic")
            || w.ends_with("ous")
            || w.ends_with("ive")
            || w.ends_with("ful");
        if !modifier {
            return Some(w);
        }
    }
    None
}

/// "Russia beat Croatia", "Australia beat Colombia 2-1": one beats people; a state, a place or
/// a team beaten, or a score in the sentence, is a game or a contest won; so is a name beaten
/// that is no actor at all ("Minnesota beat Buffalo", a team named by its city).
pub fn contest(words: &Words, last: usize, targets: &[&Mention]) -> bool {
    // "beat the Devils": a name after "the" too
    let next = if words.lower.get(last + 1) == Some(&"the") { last + 2 } else { last + 1 };
    let raw = words.toks.get(next).map_or("", |t| t.text(words.text));
    if targets.is_empty() && raw.starts_with(|c: char| c.is_uppercase()) {
        return true;
    }
    let score = words.toks.iter().any(|t| {
        let s = t.text(words.text);
        let mut parts = s.split(['-', '–']);
        matches!((parts.next(), parts.next(), parts.next()), (Some(a), Some(b), None)
            if !a.is_empty() && !b.is_empty() && a.len() <= 2 && b.len() <= 2
                && a.bytes().all(|c| c.is_ascii_digit()) && b.bytes().all(|c| c.is_ascii_digit()))
    });
    score || targets.iter().any(|t| matches!(t.kind, MentionKind::Country | MentionKind::Place | MentionKind::Organisation))
}
