//! The event coder: sentences and mentions in, coded events out.
//!
//! For each sentence: find triggers (`triggers`), read each trigger's source and target
//! (`roles`) and status and attribution (`status`), then date, place and evidence. Events with
//! the same type, source, target and status in one document are one event with several spans.

pub mod lexicon;
pub mod qualify;
pub mod roles;
pub mod sense;
pub mod status;
pub mod triggers;

use sitrep_model::{Actor, Article, Endpoint, Event, EventType, Evidence, Location, Mention, MentionKind, Status, short_id};
use sitrep_text::tokens;

pub use lexicon::{Lexicon, LexiconError};
pub use sitrep_geo::Gazetteer;

fn endpoint(m: &Mention, actors: &[Actor]) -> Endpoint {
    let id = m.actor.clone().unwrap_or_else(|| format!("UNK:{}", sitrep_model::slug(&m.text)));
    let name = actors.iter().find(|a| a.id == id).map(|a| a.name.clone()).unwrap_or_else(|| m.text.clone());
    Endpoint { actor: id, name, text: m.text.clone(), country: m.country.clone(), agent: m.agent.clone(), org: m.org.clone() }
}

/// A sentence's tokens with their lower-case forms (curly apostrophes straightened), made once
/// and read by trigger finding and every trigger's roles and status.
pub struct Words<'t> {
    pub text: &'t str,
    pub toks: &'t [sitrep_text::Token],
    pub lower: Vec<&'t str>,
}

impl<'t> Words<'t> {
    /// The lower-case word at `i`; empty past the sentence's end, so rules look ahead freely.
    pub fn at(&self, i: usize) -> &'t str {
        self.lower.get(i).copied().unwrap_or_default()
    }

    /// The word at `i` as written; empty past the end.
    pub fn raw(&self, i: usize) -> &'t str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    /// `buf` holds the forms that differ from the text; most words are lower-case already and
    /// borrow it, so a sentence costs no allocation per word.
    pub fn new(text: &'t str, toks: &'t [sitrep_text::Token], buf: &'t mut String) -> Self {
        buf.clear();
        let mut spans: Vec<Option<(usize, usize)>> = Vec::with_capacity(toks.len());
        for t in toks {
            let w = t.text(text);
            if !w.bytes().any(|b| !b.is_ascii() || b.is_ascii_uppercase()) {
                spans.push(None);
                continue;
            }
            let start = buf.len();
            if w.is_ascii() {
                buf.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                buf.push_str(&status::lw(text, t));
            }
            spans.push(Some((start, buf.len())));
        }
        let buf: &'t String = buf;
        let lower = toks.iter().zip(spans).map(|(t, s)| s.map_or_else(|| t.text(text), |(a, b)| &buf[a..b])).collect();
        Words { text, toks, lower }
    }
}

/// An event before it is merged with the same event seen elsewhere in the article: borrowed,
/// copied only when it is a new event.
struct Draft<'d> {
    kind: EventType,
    mode: Option<&'d str>,
    cameo: &'d str,
    source: Option<&'d Endpoint>,
    target: Option<&'d Endpoint>,
    status: Status,
}

impl<'d> Draft<'d> {
    /// "X said Y must ...": X demands it of Y (PLOVER REQUEST, CAMEO 100).
    fn demand(by: &'d Endpoint, who: &'d Endpoint) -> Draft<'d> {
        Draft {
            kind: EventType::Request,
            mode: Some("demand"),
            cameo: "100",
            source: Some(by),
            target: Some(who),
            status: Status::Asserted,
        }
    }
}

/// Code every event of one article.
pub fn code(lex: &Lexicon, geo: &dyn Gazetteer, article: &Article, mentions: &[Mention], actors: &[Actor]) -> Vec<Event> {
    let text = &article.text;
    let sentence_toks: Vec<Vec<sitrep_text::Token>> = article.sentences.iter().map(|&s| tokens(text, s)).collect();
    let placed = qualify::qualify(lex, text, &article.sentences, &sentence_toks, mentions);
    let mentions = &placed[..];
    let mut events: Vec<Event> = Vec::new();
    // The last actor who acted, for "he", "they" in later sentences.
    let mut last_source: Option<&Mention> = None;
    // The subject opening the sentence before, when no event of that sentence had a source.
    let mut prev_opening: Option<&Mention> = None;
    // The parties of the article's first event between two sides, for "the two sides".
    let mut parties: Option<[&Mention; 2]> = None;
    // Events told so far: their trigger's words and who did it, for "condemned the strikes".
    let mut told: Vec<Told> = Vec::new();
    let places = geo.places(text, &sitrep_geo::Hints::from_mentions(mentions).outlet(article.url.as_deref()));
    // Where an event is when its sentence names no place: the same for every event of the article.
    let fallback = std::cell::OnceCell::new();
    let mut buf = String::new();
    for (&sentence, toks) in article.sentences.iter().zip(&sentence_toks) {
        if toks.is_empty() {
            continue;
        }
        let sm: Vec<&Mention> = mentions.iter().filter(|m| m.start >= sentence.start && m.end <= sentence.end).collect();
        let mut prev_sources: Vec<&Mention> = Vec::new();
        // The last event of this sentence: where its trigger ends, its sources and targets.
        let mut prev_trigger: Option<(usize, Vec<&Mention>, Vec<&Mention>)> = None;
        let names: Vec<(usize, usize)> = sm.iter().map(|m| (m.start, m.end)).collect();
        let words = Words::new(text, toks, &mut buf);
        let trigs = triggers::find(lex, &words, &names);
        let said = sentence.of(text);
        // "Senators call for a new coordinator | Louisiana hit by ransomware | ...": headlines
        // run together by vertical bars are links to other stories, not this article's prose.
        if headline_run(said) {
            continue;
        }
        let modal = said.contains("must") || said.contains("should");
        // "The rebels took the airport. It is the second city they have seized": the subject
        // opening a sentence acted, though its verb codes no event; "they" after it is that
        // subject, not the last actor of an event told before it.
        // Only for the next sentence, and only for "they" or "it": a person named since is "he".
        let opening = opening_subject(&words, &sm, mentions).filter(|m| m.kind != MentionKind::Person);
        let acted_before = last_source.map(|m| m as *const Mention);
        let subject_before = std::mem::take(&mut prev_opening).filter(|_| words.lower.iter().any(|w| matches!(*w, "they" | "it")));
        if trigs.is_empty() && !modal {
            prev_opening = opening;
            continue;
        }
        for trig in trigs {
            let pat = &lex.patterns[trig.pattern];
            // A participle used as an adjective ("the alleged support", "Pakistan's captured soldiers").
            let word = words.lower[trig.first];
            if trig.first == trig.last && trig.first > 0 && word.ends_with("ed") {
                let prev = words.lower[trig.first - 1];
                if matches!(prev, "the" | "a" | "an" | "its" | "their" | "his" | "her") || prev.ends_with("'s")
                // "’s" too: `lower` straightens apostrophes
                {
                    continue;
                }
                // "fly seriously wounded victims": an adverb between a verb and the participle.
                let before_prev = trig.first.checked_sub(2).map(|i| toks[i].text(text));
                let next_is_noun = toks.get(trig.last + 1).is_some_and(|t| {
                    let w = t.text(text);
                    w.chars().next().is_some_and(char::is_lowercase)
                        && !matches!(w, "the" | "a" | "an" | "by" | "in" | "on" | "at" | "to" | "from" | "with")
                });
                if prev.ends_with("ly") && before_prev.is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase)) && next_is_noun {
                    continue;
                }
            }
            // "a gendarmerie training school", "new training centres": an -ing word before a
            // place noun names what the place is for; it is no act.
            if trig.first == trig.last
                && word.ends_with("ing")
                && words.lower.get(trig.first + 1).is_some_and(|n| {
                    matches!(
                        n.trim_end_matches('s'),
                        "school" | "centre" | "center" | "camp" | "facility" | "facilitie" | "ground" | "academy" | "college" | "base"
                    )
                })
            {
                continue;
            }
            // "the hardest hit valleys": a participle after a degree word is an adjective.
            if trig.first == trig.last
                && word == "hit"
                && trig.first > 0
                && matches!(words.lower[trig.first - 1], "hardest" | "worst" | "badly" | "hard")
            {
                continue;
            }
            // A trigger inside an actor's name ("Rapid Support Forces") is no event.
            if sm.iter().any(|m| m.start <= trig.start && trig.end <= m.end) {
                continue;
            }
            // "covers armed attacks", "the ability to attack", "a passenger train", "released a
            // video": the words tell no act (see `sense`).
            let lemma = match pat.words.first() {
                Some(lexicon::PatternWord::Lemma(l)) => l.as_str(),
                _ => "",
            };
            if !sense::is_act(&words, trig.first, trig.last, lemma) {
                continue;
            }
            let at = roles::At { first: trig.first, last: trig.last, reverse: pat.reverse };
            let mut roles = roles::find(&words, &sm, mentions, at, &prev_sources, subject_before.or(last_source), parties);
            // "offers almost all its models", "is offering the tablet for $799": an offer of no act,
            // help, talks or terms (`sense::offer_between_parties`) is commerce, unless it is made
            // to a state named right after the verb ("offered the Russians a deal").
            if lemma == "offer" && trig.first == trig.last && !sense::offer_between_parties(&words, trig.last) {
                let k = trig.last + 1 + usize::from(words.lower.get(trig.last + 1) == Some(&"the"));
                let to_state = toks.get(k).is_some_and(|t| {
                    roles.targets.iter().any(|m| {
                        m.start == t.start
                            && (matches!(m.kind, MentionKind::Country | MentionKind::Nationality)
                                || (m.kind == MentionKind::Agent && m.country.is_some()))
                    })
                });
                if !to_state {
                    continue;
                }
            }
            // "Russia beat Croatia", "beat the Netherlands 2-1": a game won, not people beaten.
            if lemma == "beat" && trig.first == trig.last && sense::contest(&words, trig.last, &roles.targets) {
                continue;
            }
            // "Hemeti's forces", "the Arakan Army's fighters": the men of a person or group act for
            // and stand for their owner (a state's forces keep their sector code, "PAKMIL").
            for m in roles.sources.iter_mut().chain(roles.targets.iter_mut()) {
                if let Some(owner) = owner_of(text, &sm, m) {
                    *m = owner;
                }
            }
            // "appealed to donors to send doctors", "urged partners to deploy troops": the one
            // asked stands before the infinitive; what the infinitive's act takes is no target
            // of the request (nor anything after it, when the one asked is no known actor).
            if pat.kind == EventType::Request {
                let infinitive = (trig.last + 2..toks.len()).find(|&i| {
                    words.lower[i] == "to"
                        && words.lower.get(i + 1).is_some_and(|w| {
                            toks[i + 1].text(text).chars().all(|c| c.is_ascii_lowercase())
                                && !matches!(*w, "the" | "a" | "an" | "its" | "their" | "his" | "her" | "this" | "these" | "those")
                        })
                });
                if let Some(i) = infinitive {
                    roles.targets.retain(|t| t.start < toks[i].start);
                }
            }
            // "The army said it was investigating why its forces had withdrawn": an inquiry into
            // one's own people is no act towards anyone.
            if pat.mode.as_deref() == Some("investigate") && own_conduct(&words, trig.last) {
                continue;
            }
            // "The officials denied that civilians had been hit", "Kigali denied that it supports
            // the M23": what is denied is no party to the denial; "Baku denied it": the charge is
            // denied to whoever made it (below, with the other charges answered).
            let denial = pat.kind == EventType::Reject && trig.first == trig.last && matches!(lemma, "deny" | "reject" | "dismiss");
            if denial && matches!(words.lower.get(trig.last + 1).copied(), Some("that" | "it" | "this" | "them")) {
                roles.targets.clear();
            }
            // "Chad and Benin have promised troops and police", "agreed to stop all military
            // action": what is promised or agreed on is no party to it.
            if pat.kind == EventType::Agree {
                roles.targets.retain(|t| !(t.kind == MentionKind::Agent && t.country.is_none()));
            }
            // "Ethiopian and Eritrean delegations met in Nairobi": where two parties meet is no
            // party to their meeting (one party "meeting in Cairo" meets its hosts: PLOVER codes
            // that place's state as the target).
            // The same for two parties agreeing or working together: "Israel and Hamas agreed to
            // extend their truce in Gaza" is an agreement between them, not with Gaza.
            if matches!(pat.kind, EventType::Consult | EventType::Agree | EventType::Cooperate) && roles.sources.len() >= 2 {
                roles.targets.retain(|t| {
                    let i = toks.partition_point(|k| k.end <= t.start);
                    !(matches!(t.kind, MentionKind::Place | MentionKind::Country) && i > 0 && matches!(words.lower[i - 1], "in" | "at"))
                });
            }
            // "alleging civilian casualties", "condemned the civilian deaths": a word that only
            // describes the harm done ("civilian" before "casualties") is not who is accused. A
            // participle after a comma ("disputed Pakistan's claims, alleging ...") accuses whom
            // the clause before acted on.
            if pat.kind == EventType::Accuse {
                let harm = |t: &&Mention| {
                    let i = toks.partition_point(|k| k.start < t.end);
                    words.lower.get(i).is_some_and(|w| {
                        matches!(*w, "casualties" | "deaths" | "death" | "losses" | "victims" | "toll" | "suffering" | "displacement")
                    })
                };
                let before = roles.targets.len();
                roles.targets.retain(|t| !harm(t));
                if roles.targets.len() < before
                    && roles.targets.is_empty()
                    && trig.first > 0
                    && toks[trig.first - 1].text(text) == ","
                    && let Some((_, prev_srcs, prev_tgts)) = &prev_trigger
                    && !prev_srcs.is_empty()
                    && prev_srcs.iter().zip(&roles.sources).all(|(a, b)| a.actor == b.actor)
                {
                    roles.targets = prev_tgts.clone();
                }
            }
            // "criticised the US decision, warning of dangerous consequences", "condemned the raid,
            // with its minister warning of a response": a warning in a participle clause after a
            // comma is made to whom the clause before acted on.
            if pat.kind == EventType::Threaten
                && lemma == "warn"
                && roles.targets.is_empty()
                && word.ends_with("ing")
                && let Some((prev_end, _, prev_tgts)) = &prev_trigger
                && *prev_end <= trig.start
                && text[*prev_end..trig.start].contains(',')
            {
                roles.targets =
                    prev_tgts.iter().copied().filter(|t| !roles.sources.iter().any(|s| s.actor.is_some() && s.actor == t.actor)).collect();
            }
            // The victims of the violent act before this one in the sentence do not commit this
            // one: "killing at least 100 people and wounding about 300", "26 civilians were
            // killed and dozens wounded" (a second count: that act's source, if any, on the same
            // victims), "airstrikes targeting the TTP were met with retaliatory attacks, killing
            // Pakistani personnel" (a participle after a comma: who does it is not said).
            if let Some((prev_end, prev_srcs, prev_tgts)) = &prev_trigger
                && !roles.passive
                && matches!(pat.kind, EventType::Assault | EventType::Coerce)
                && let Some(&s) = roles.sources.first()
                && prev_tgts.iter().any(|t| std::ptr::eq(*t, s))
                && *prev_end <= trig.start
            {
                let second_count = text.get((*prev_end).max(s.end)..trig.start).is_some_and(casualties_coordinated);
                let after_comma = trig.first > 0
                    && toks[trig.first - 1].text(text) == ","
                    && text[trig.start..trig.end].split_whitespace().next().is_some_and(|w| w.ends_with("ing"));
                if second_count {
                    roles.sources = prev_srcs.clone();
                    if roles.targets.is_empty() {
                        roles.targets = prev_tgts.clone();
                    }
                    roles.passive = roles.sources.is_empty();
                } else if after_comma {
                    roles.sources.clear();
                    roles.passive = !roles.targets.is_empty();
                }
            }
            // "the raids had hit camps of the TTP", "the operation, named ..., hit camps": an event
            // told before, as the subject, acts through whoever did it; "the agreement was
            // mediated by Qatar": as the subject of a passive, it is what was acted on.
            if let Some(i) = subject_noun(&words, trig.first)
                && let Some(t) = told_noun(lex, &words, i, &told)
            {
                if roles.passive {
                    if roles.targets.is_empty() && !roles.sources.iter().any(|s| s.actor == t.by.actor) {
                        roles.targets = vec![t.by];
                    }
                } else if !roles.anaphoric {
                    // a name before it ("officials said the raids had hit") or in an aside after it
                    // ("the operation, named Operation Sindoor, hit") is not this verb's subject
                    roles.sources = vec![t.by];
                }
            }
            if roles.passive && pat.kind == EventType::Consult && roles.sources.is_empty() {
                continue; // "were met with retaliatory attacks" is no meeting
            }
            // "Three civilians were killed": violence with no named perpetrator is still news;
            // such events keep an empty source. Other events need someone acting.
            let unattributed_violence = roles.sources.is_empty()
                && roles.passive
                && !roles.targets.is_empty()
                && matches!(pat.kind, EventType::Assault | EventType::Coerce);
            if (roles.sources.is_empty() && !unattributed_violence) || roles.anaphoric {
                continue;
            }
            if roles.verbal {
                prev_sources = roles.sources.clone();
            }
            prev_trigger = Some((trig.end, roles.sources.clone(), roles.targets.clone()));
            last_source = roles.sources.first().copied();
            // the article's main parties: the first event between two sides
            if parties.is_none()
                && let (Some(&a), Some(&b)) = (roles.sources.first(), roles.targets.first().or_else(|| roles.sources.get(1)))
                && let (Some(x), Some(y)) = (roles::side_of(a, false), roles::side_of(b, false))
                && x != y
            {
                parties = Some([a, b]);
            }
            if let Some(&s) = roles.sources.first() {
                told.push(Told { start: trig.start, end: trig.end, kind: pat.kind, by: s, words: std::cell::OnceCell::new() });
            }
            let mut judged = status::judge(&words, trig.first, trig.last, &sm);
            if roles.charged && judged.status == Status::Asserted {
                judged.status = Status::Alleged;
            }
            // "Mali's army said some suspects had been arrested", "a spokesman said the boat was
            // hit": who reports a passive with no agent is not what it acted on; an authority
            // (police, army, ministry, state) reporting arrests made them.
            if roles.passive
                && roles.sources.is_empty()
                && let Some(by) = judged.by.filter(|b| b.end <= trig.start)
                && let Some(at) = roles.targets.iter().position(|t| std::ptr::eq(*t, by) || (t.actor.is_some() && t.actor == by.actor))
                && !own_possessive(&words, by, trig.first)
            {
                roles.targets.remove(at);
                if pat.mode.as_deref() == Some("arrest") && authority(by) {
                    roles.sources.push(by);
                    roles.passive = false;
                } else if roles.targets.is_empty() {
                    continue;
                }
            }
            if roles.passive
                && roles.sources.is_empty()
                && pat.mode.as_deref() == Some("arrest")
                && let Some(by) = judged.by.filter(|b| b.end <= trig.start && authority(b))
            {
                roles.sources.push(by);
            }
            // Not recognising, not supporting, not agreeing is itself a rejection ("Islamabad did
            // not recognise their regime"): coded as REJECT, which the text does assert.
            let mut kind = pat.kind;
            let mut cameo = pat.cameo.clone();
            let mut mode = pat.mode.clone();
            // "..., a rights group protested", "protested that ...": a protest made in words is an
            // accusation (PLOVER ACCUSE), not a demonstration.
            let mut spoken = false;
            if kind == EventType::Protest
                && trig.first == trig.last
                && let Some(&s) = roles.sources.first()
                && spoken_protest(&words, s, trig.last)
            {
                (kind, cameo, mode) = (EventType::Accuse, "111".into(), Some("disapprove".into()));
                spoken = true;
            }
            // "Johnson and Corbyn attacked each other's policies", "attacked the minister's record":
            // an attack on words, plans or conduct is criticism (PLOVER ACCUSE), not violence.
            if kind == EventType::Assault && lemma == "attack" && trig.first == trig.last && sense::verbal_object(&words, trig.last) {
                (kind, cameo, mode) = (EventType::Accuse, "111".into(), Some("disapprove".into()));
            }
            // "said it had captured Goma", "captured two villages": a place captured is territory
            // seized (CAMEO 192), not people arrested.
            if kind == EventType::Coerce
                && mode.as_deref() == Some("arrest")
                && lemma == "capture"
                && place_taken(&words, &sm, &places, trig.last)
            {
                (kind, cameo, mode) = (EventType::Coerce, "192".into(), Some("seize".into()));
            }
            // Troops that arrive somewhere are deployed there, not visiting: peacekeepers are aid
            // (PLOVER AID, peacekeeping), other forces a mobilisation.
            if kind == EventType::Consult
                && mode.as_deref() == Some("visit")
                && let Some(&s) = roles.sources.first()
                && let Some(force) = armed_force(text, toks, s)
            {
                (kind, cameo, mode) = if force == Force::Peacekeepers {
                    (EventType::Aid, "074".into(), Some("peacekeeping".into()))
                } else {
                    (EventType::Mobilize, "154".into(), Some("troops".into()))
                };
            }
            let refusable = matches!(
                kind,
                EventType::Support | EventType::Agree | EventType::Cooperate | EventType::Concede | EventType::Retreat | EventType::Aid
            );
            if judged.negated && (refusable || (judged.refused && kind.is_cooperative())) {
                kind = EventType::Reject;
                cameo = "120".into();
                mode = Some(format!("not-{}", pat.kind.as_str().to_lowercase()));
                judged.status = if judged.by.is_some() || judged.by_text.is_some() { Status::Reported } else { Status::Asserted };
            }
            // Who says so: the actor, with the words the text uses for the source ("the Tajikistan
            // Presidential Office"), or those words alone when they name no known actor.
            let attributed_to = judged
                .by
                .map(|m| {
                    let mut e = endpoint(m, actors);
                    if let Some(t) = judged.by_text.as_ref().filter(|t| t.contains(&m.text)) {
                        e.text = t.clone();
                    }
                    e
                })
                .or_else(|| {
                    judged.by_text.as_ref().map(|t| Endpoint {
                        actor: String::new(),
                        name: t.clone(),
                        text: t.clone(),
                        ..Default::default()
                    })
                });
            let (date, precision) = event_date(article, sentence, trig.start);
            let location = event_place(&words, &sm, geo, &places, &fallback, trig.end);
            // "condemned the strikes": an object naming an earlier event points at who did it.
            // events told before this one (not this one: its own words name it)
            let told_before = match told.split_last() {
                Some((t, rest)) if t.start == trig.start => rest,
                _ => &told[..],
            };
            let referred = referenced(lex, &words, trig.last, told_before)
                // "called the strikes an act of war": the event named in the pattern's gap
                .or_else(|| {
                    (roles.targets.is_empty() && trig.last > trig.first + 1)
                        .then(|| referenced(lex, &words, trig.first, told_before))
                        .flatten()
                })
                // "provided support for the operation", "condemned Kabul over the attack" is
                // Kabul's: after a preposition only when nothing else is the object, and not for
                // violence ("killed in the attack" hits no attacker).
                .or_else(|| {
                    (roles.targets.is_empty()
                        && !matches!(pat.kind, EventType::Assault | EventType::Coerce)
                        && matches!(words.lower.get(trig.last + 1).copied(), Some("for" | "of" | "against" | "over" | "to")))
                    .then(|| referenced(lex, &words, trig.last + 1, told_before))
                    .flatten()
                })
                .map(|t| t.by)
                // "threatened to respond", "has every right to retaliate": a response aims at
                // whoever struck last, other than the one responding.
                .or_else(|| {
                    (roles.targets.is_empty() && pat.kind == EventType::Threaten && responding(&words, trig.first, trig.last))
                        .then(|| first_hostile(told_before, &roles.sources))
                        .flatten()
                })
                // "a charge the Taliban reject", "rejected the claim that ...": a charge denied is
                // answered to whoever made it; a condition rejected, to whoever set it.
                .or_else(|| {
                    (roles.targets.is_empty() && pat.kind == EventType::Reject)
                        .then(|| denied_charge(&words, trig.first, trig.last))
                        .flatten()
                        .and_then(|k| told_before.iter().rev().find(|t| t.kind == k && !same_side(&roles.sources, t.by)).map(|t| t.by))
                });
            let mut targets: Vec<Option<Endpoint>> = match referred {
                Some(who) if !same_side(&roles.sources, who) => vec![Some(endpoint(who, actors))],
                _ => roles.targets.iter().map(|m| Some(endpoint(m, actors))).collect(),
            };
            // Its own forces are not what an actor acts on ("Israel will withdraw its forces"). A
            // body of its own, such as a union or a rights commission, is no part of its state:
            // "the teachers' union called off a strike after talks with the Nigerian government".
            targets.retain(|t| {
                !t.as_ref().is_some_and(|t| {
                    // a sector of the same state ("ISRMIL"), never a group or person
                    !t.actor.contains(':')
                        && t.actor.len() > 3
                        && t.country.is_some()
                        && roles.sources.iter().any(|s| {
                            s.country == t.country && !matches!(s.kind, MentionKind::Agent | MentionKind::Organisation | MentionKind::Group)
                        })
                })
            });
            // "X spent years in a Pakistani jail", "Y died in Egyptian custody": a place of
            // detention named after "in" holds the person the clause is about.
            if targets.is_empty()
                && pat.kind == EventType::Coerce
                && trig.first == trig.last
                && matches!(words.lower[trig.first], "jail" | "prison" | "custody" | "detention")
                && (trig.first.saturating_sub(3)..trig.first).any(|i| words.lower[i] == "in")
                && let Some(&held) = sm.iter().rev().find(|m| {
                    m.kind == MentionKind::Person
                        && m.end <= toks[trig.first].start
                        && !roles.sources.iter().any(|s| s.actor.is_some() && s.actor == m.actor)
                })
            {
                targets.push(Some(endpoint(held, actors)));
            }
            // Hostile acts with no named object hit where they happened ("airstrikes on villages
            // in Paktika province" is an attack on Afghanistan).
            if targets.is_empty()
                && matches!(pat.kind, EventType::Assault | EventType::Coerce)
                // the article's main place only when the sentence names a place in its country
                // ("73 air raids on areas under its control, including the capital Sanaa")
                && let Some(loc) = location.as_ref().filter(|l| {
                    l.how != "article"
                        || places.iter().any(|p| {
                            p.start >= sentence.start && p.end <= sentence.end && Some(&p.country) == l.country.as_ref()
                        })
                })
                && let Some(c) = loc.country.as_ref()
                && !roles.sources.iter().any(|s| s.country.as_ref() == Some(c))
            {
                let name = actors.iter().find(|a| &a.id == c).map_or_else(|| c.clone(), |a| a.name.clone());
                targets.push(Some(Endpoint {
                    actor: c.clone(),
                    name,
                    text: loc.name.clone(),
                    country: Some(c.clone()),
                    agent: None,
                    org: None,
                }));
            }
            // "killed 100 people in Peshawar": a bare sector word hit somewhere is that country's.
            // Not the actor's own state: a misplaced location would turn an attack into self-harm.
            // Only a place the sentence or the dateline names: the article's main place is a guess.
            if let Some(c) = location
                .as_ref()
                .filter(|l| l.how != "article")
                .and_then(|l| l.country.clone())
                .filter(|c| !roles.sources.iter().any(|s| s.country.as_ref() == Some(c)))
            {
                for t in targets.iter_mut().flatten() {
                    if t.country.is_none() && t.agent.is_some() && !t.actor.contains(':') {
                        t.actor = format!("{c}{}", t.agent.as_deref().unwrap_or(""));
                        let state = actors.iter().find(|a| a.id == *c).map_or_else(|| c.clone(), |a| a.name.clone());
                        t.name = format!("{state} {}", t.name);
                        t.country = Some(c.clone());
                    }
                }
            }
            // "Y is failing its people, X protested": the reported clause's subject is accused.
            if spoken
                && targets.is_empty()
                && let Some(&s) = roles.sources.first()
                && let Some(&m) = sm.iter().find(|m| roles::actor_like(m) && m.end <= s.start && m.actor != s.actor)
            {
                targets.push(Some(endpoint(m, actors)));
            }
            // Training or arming forces of no one else ("has trained 500 hackers") builds up one's
            // own strength: PLOVER MOBILIZE, not AID.
            if kind == EventType::Aid
                && targets.is_empty()
                && matches!(pat.words.first(), Some(lexicon::PatternWord::Lemma(l)) if l == "train" || l == "equip")
            {
                (kind, cameo, mode) = (EventType::Mobilize, "154".into(), Some("troops".into()));
            }
            // "Russian and Ukrainian delegations met": parties of a joint act face each other.
            let joint = targets.is_empty()
                && !roles.passive
                && roles.sources.len() >= 2
                && (matches!(pat.kind, EventType::Consult | EventType::Agree | EventType::Cooperate)
                    // "the two neighbours have clashed", "the army and the RSF battled": each
                    // fights the other
                    || pat.words.len() == 1
                        && matches!(pat.words.first(), Some(lexicon::PatternWord::Lemma(l)) if matches!(l.as_str(), "clash" | "battle")))
                // "Benin and Chad have promised troops": each promises on its own account.
                && !matches!(pat.words.first(), Some(lexicon::PatternWord::Lemma(l)) if matches!(l.as_str(), "promise" | "pledge" | "offer" | "vow"))
                // "Qatar, Egypt and the United States negotiated the deal": three or more parties
                // who negotiate a thing together (not "with" someone) broker it for others; they
                // are no counterparts of one another.
                && !(roles.sources.len() >= 3
                    && pat.words.len() == 1
                    && matches!(pat.words.first(), Some(lexicon::PatternWord::Lemma(l)) if l == "negotiate"));
            // "tools to help minimize alarms", "help grow the pipeline": help given to no one
            // named is no aid between parties (nor is its refusal a rejection).
            if targets.is_empty() && pat.kind == EventType::Aid && lemma == "help" && trig.first == trig.last {
                continue;
            }
            if targets.is_empty() {
                targets.push(None);
            }
            let evidence =
                Evidence { doc: article.id.clone(), start: sentence.start, end: sentence.end, text: sentence.of(text).to_string() };
            let reported = attributed_to.is_some();
            let told_here = Context {
                evidence,
                attributed_to,
                date,
                precision,
                location,
                trigger: text[trig.start..trig.end].to_string(),
                sentence_start: sentence.start,
            };
            let sources: Vec<Option<&Mention>> =
                if roles.sources.is_empty() { vec![None] } else { roles.sources.iter().copied().map(Some).collect() };
            for (si, &s) in sources.iter().enumerate() {
                let own_targets: Vec<Option<Endpoint>> =
                    if joint { sources[si + 1..].iter().map(|o| o.map(|o| endpoint(o, actors))).collect() } else { targets.clone() };
                let source = s.map(|s| endpoint(s, actors));
                let is_self =
                    |t: &Option<Endpoint>| matches!((t, &source), (Some(t), Some(src)) if !t.actor.is_empty() && t.actor == src.actor);
                // An actor acting on itself is a misreading ("Biden warned that he would ..."):
                // such a target goes, and the event stands without one if nothing else is left.
                let mut own_targets: Vec<Option<Endpoint>> = own_targets.into_iter().filter(|t| !is_self(t)).collect();
                // "Russian and Ukrainian delegations met": the last party meets the first.
                if own_targets.is_empty()
                    && joint
                    && si > 0
                    && let Some(first) = sources[0].map(|o| endpoint(o, actors)).filter(|t| !is_self(&Some(t.clone())))
                {
                    own_targets.push(Some(first));
                }
                if own_targets.is_empty() {
                    own_targets.push(None);
                }
                for target in &own_targets {
                    // A stated intention is itself an event in PLOVER: a promise (AGREE) of a
                    // cooperative act, a THREATEN of a hostile one.
                    // A hostile act that may follow if a condition holds ("may halt its mediation if
                    // the fighting goes on") is a threat too.
                    let hostile = matches!(
                        kind,
                        EventType::Sanction | EventType::Coerce | EventType::Assault | EventType::Mobilize | EventType::Protest
                    );
                    let conditioned = hostile && judged.conditional && judged.status == Status::Hypothetical;
                    // "reserved the right to resume fighting": a hostile act claimed as a right
                    // is announced, not done.
                    let claimed_right = hostile && right_to(&words, trig.first);
                    let intended = (judged.intent || conditioned || claimed_right)
                        && !matches!(kind, EventType::Agree | EventType::Threaten | EventType::Reject);
                    // "said Israel would strike Hezbollah if ...", "his forces would fight on": a
                    // violent act only announced has not happened; the threat is the event.
                    let threat_only = intended
                        && matches!(kind, EventType::Assault | EventType::Coerce)
                        && !(kind == EventType::Assault && preparing(&words, trig.first));
                    if !threat_only {
                        let draft = Draft {
                            kind,
                            mode: mode.as_deref(),
                            cameo: &cameo,
                            source: source.as_ref(),
                            target: target.as_ref(),
                            status: judged.status,
                        };
                        put(&mut events, lex, article, draft, &told_here);
                    }
                    if intended {
                        let (k, c) = if kind.is_cooperative() && !judged.ultimatum {
                            (EventType::Agree, "030")
                        } else if kind == EventType::Assault && preparing(&words, trig.first) {
                            // "the army prepared to resume shelling": readiness shown, not a threat made
                            (EventType::Mobilize, "150")
                        } else {
                            (EventType::Threaten, "130")
                        };
                        let status = if reported { Status::Reported } else { Status::Asserted };
                        let intent = format!("intent-{}", kind.as_str().to_lowercase());
                        let draft =
                            Draft { kind: k, mode: Some(&intent), cameo: c, source: source.as_ref(), target: target.as_ref(), status };
                        put(&mut events, lex, article, draft, &told_here);
                    }
                }
                // "X said Y must return the helicopter": X demands it of Y.
                if judged.obligation
                    && let Some(who) = s
                    && let Some(by) = judged.by.filter(|b| b.actor != who.actor)
                {
                    let (by, who) = (endpoint(by, actors), endpoint(who, actors));
                    put(&mut events, lex, article, Draft::demand(&by, &who), &told_here);
                }
            }
        }
        if last_source.map(|m| m as *const Mention) == acted_before {
            prev_opening = opening;
        }
        // "X said Y must ...": a demand, whether or not the act demanded is an event we know.
        let actorish: Vec<&Mention> = if modal { sm.iter().copied().filter(|m| roles::actor_like(m)).collect() } else { Vec::new() };
        for (by, who, modal) in if modal { status::obligations(&words, &actorish) } else { Vec::new() } {
            let (date, precision) = event_date(article, sentence, toks[0].start);
            let here = Context {
                evidence: Evidence {
                    doc: article.id.clone(),
                    start: sentence.start,
                    end: sentence.end,
                    text: sentence.of(text).to_string(),
                },
                attributed_to: None,
                date,
                precision,
                location: event_place(&words, &sm, geo, &places, &fallback, who.end),
                trigger: text[toks[modal].start..toks.get(modal + 1).unwrap_or(&toks[modal]).end].to_string(),
                sentence_start: sentence.start,
            };
            let (by, who) = (endpoint(by, actors), endpoint(who, actors));
            put(&mut events, lex, article, Draft::demand(&by, &who), &here);
        }
    }
    // A civilian sector of no known state (business, media, health, schools, courts...) acting on
    // no one, or only on another sector of no state ("the company provides tools", "people say",
    // "the company denied it to the media"): it tells an analyst nothing about who acts on whom,
    // and general news is full of them. Protests stay: crowds protest at no one named. State
    // sectors stay too: "government forces retook the districts" in a one-country story.
    events.retain(|e| match (&e.source, &e.target) {
        (Some(s), t) => {
            e.kind == EventType::Protest
                || !(stateless(s) && s.agent.as_deref().is_some_and(|a| CIVIL_SECTORS.contains(&a)) && t.as_ref().is_none_or(stateless))
        }
        (None, _) => true,
    });
    events
}

/// The actor named first in a sentence as its subject ("The rebels took ...", "Kenyan police
/// said ..."), followed by a verb-like word; a bare sector word ("the rebels") stands for the
/// group of that sector named before it in the article ("the M23 ... The rebels").
fn opening_subject<'m>(words: &Words, sm: &[&'m Mention], mentions: &'m [Mention]) -> Option<&'m Mention> {
    let k = usize::from(matches!(words.lower.first().copied(), Some("the")));
    let start = words.toks.get(k)?.start;
    let m = *sm.iter().find(|m| m.start == start)?;
    if !roles::actor_like(m) || matches!(m.kind, MentionKind::Place | MentionKind::Nationality) {
        return None;
    }
    let after = words.toks.partition_point(|t| t.start < m.end);
    let next = words.toks.get(after)?.text(words.text);
    if !next.starts_with(|c: char| c.is_ascii_lowercase())
        || matches!(words.lower[after], "of" | "and" | "or" | "in" | "at" | "on" | "from" | "with" | "'s" | "s")
    {
        return None;
    }
    if m.kind == MentionKind::Agent
        && m.country.is_none()
        && m.agent.is_some()
        && let Some(group) = mentions.iter().rev().find(|g| g.end <= m.start && g.kind == MentionKind::Group && g.agent == m.agent)
    {
        return Some(group);
    }
    Some(m)
}

/// Nouns for places and things held, not people: what is captured of them is seized.
const PLACES_TAKEN: &[&str] = &[
    "town",
    "towns",
    "city",
    "cities",
    "village",
    "villages",
    "territory",
    "territories",
    "airport",
    "base",
    "bases",
    "district",
    "districts",
    "province",
    "capital",
    "region",
    "hill",
    "hills",
    "port",
    "crossing",
    "positions",
    "position",
    "area",
    "areas",
    "settlement",
    "stronghold",
    "strongholds",
    "outpost",
    "outposts",
    "ship",
    "vessel",
    "tanker",
    "island",
    "bridge",
    "dam",
    "post",
    "posts",
    "checkpoint",
    "checkpoints",
    "garrison",
];

/// What "captured" takes, right after it (past a determiner or a number): a place or state named
/// ("captured Goma", a name no actor stands for) or a noun for a place or thing held ("captured
/// two villages", "captured the town of").
fn place_taken(words: &Words, sm: &[&Mention], places: &[sitrep_geo::Resolved], last: usize) -> bool {
    let w = |i: usize| words.at(i);
    let mut k = last + 1;
    while k < words.lower.len()
        && k <= last + 4
        && (matches!(
            w(k),
            "the"
                | "a"
                | "an"
                | "most"
                | "of"
                | "much"
                | "several"
                | "two"
                | "three"
                | "more"
                | "than"
                | "over"
                | "at"
                | "least"
                | "key"
                | "strategic"
                | "military"
                | "army"
                | "border"
        ) || w(k).starts_with(|c: char| c.is_ascii_digit()))
    {
        k += 1;
    }
    let Some(t) = words.toks.get(k) else { return false };
    sm.iter().any(|m| m.start == t.start && matches!(m.kind, MentionKind::Place | MentionKind::Country))
        || places.iter().any(|p| p.start == t.start)
        // a capitalised name no actor stands for ("captured Goma"): people captured are named
        // as persons or by what they are ("captured two soldiers")
        || (t.text(words.text).starts_with(|c: char| c.is_uppercase()) && !sm.iter().any(|m| m.start <= t.start && t.start < m.end))
        || PLACES_TAKEN.contains(&w(k))
        || PLACES_TAKEN.contains(&w(k + 1))
}

/// Two or more vertical bars between words, or one closing the sentence: a run of headlines or
/// menu items ("A | B | C", "China furious at Macron [INSIGHT]|").
fn headline_run(sentence: &str) -> bool {
    sentence.matches(" | ").count() >= 2 || sentence.trim_end().ends_with('|')
}

/// Sectors outside the state and armed politics (see `dictionaries/agents.yaml`).
const CIVIL_SECTORS: &[&str] = &["CVL", "BUS", "MED", "HLH", "EDU", "LAB", "AGR", "JUD", "REL", "ELI"];

/// A sector word that no state, organisation or group owns: "people", "the company", "police".
fn stateless(e: &Endpoint) -> bool {
    e.country.is_none() && e.org.is_none() && e.agent.is_some() && !e.actor.contains(':')
}

/// The person or group owning a force named by a sector word right after its possessive
/// ("Hemeti's forces", "the group's fighters" is not: no name).
fn owner_of<'m>(text: &str, sm: &[&'m Mention], m: &Mention) -> Option<&'m Mention> {
    if m.kind != MentionKind::Agent {
        return None;
    }
    let force = text.get(m.start..m.end)?.split_whitespace().last()?.to_lowercase();
    if !matches!(force.as_str(), "forces" | "fighters" | "troops" | "men" | "militia" | "militiamen" | "soldiers" | "gunmen") {
        return None;
    }
    sm.iter().copied().find(|o| {
        matches!(o.kind, MentionKind::Person | MentionKind::Group)
            && o.end < m.start
            && text.get(o.end..m.start).is_some_and(|between| {
                let b = between.trim_end();
                b == "'s" || b == "’s" || b == "'" || b == "’"
            })
    })
}

/// "investigating why its forces had withdrawn", "looking into how their soldiers ...": the
/// question asked after the trigger is about the investigator's own people.
fn own_conduct(words: &Words, last: usize) -> bool {
    let w = |i: usize| words.at(i);
    matches!(w(last + 1), "why" | "how" | "whether" | "what" | "if" | "when")
        && matches!(w(last + 2), "its" | "their" | "our" | "his" | "her")
}

/// A body that arrests people: police, army, security service, ministry or government, a state.
fn authority(m: &Mention) -> bool {
    m.kind == MentionKind::Country
        || (m.kind != MentionKind::Person && matches!(m.agent.as_deref(), Some("COP" | "MIL" | "GOV" | "SPY" | "JUD")))
}

/// "The World Food Programme said three of its staff had been killed": the speaker's own people,
/// named by "its"/"their" between the speaker and the verb, are what it reports on.
fn own_possessive(words: &Words, by: &Mention, first: usize) -> bool {
    by.kind != MentionKind::Person
        && words.toks[..first].iter().zip(&words.lower).any(|(t, w)| t.start >= by.end && matches!(*w, "its" | "their" | "our"))
}

/// Whether the words between two violent verbs coordinate a second count of victims with the
/// first ("... killed and dozens wounded", "killing 100 people and wounding about 300", "killed
/// or wounded"): "and" or "or", then at most a number or quantity.
fn casualties_coordinated(between: &str) -> bool {
    let words: Vec<&str> = between.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let Some(and) = words.iter().rposition(|w| *w == "and" || *w == "or") else { return false };
    let rest = &words[and + 1..];
    rest.len() <= 3
        && rest.iter().all(|w| {
            w.chars().all(|c| c.is_ascii_digit())
                || matches!(
                    w.to_lowercase().as_str(),
                    "dozens"
                        | "hundreds"
                        | "thousands"
                        | "scores"
                        | "many"
                        | "several"
                        | "more"
                        | "at"
                        | "least"
                        | "about"
                        | "some"
                        | "nearly"
                        | "around"
                        | "over"
                        | "almost"
                        | "another"
                        | "others"
                        | "two"
                        | "three"
                        | "four"
                        | "five"
                        | "six"
                        | "seven"
                        | "eight"
                        | "nine"
                        | "ten"
                        | "a"
                        | "few"
                        | "dozen"
                        | "hundred"
                )
        })
}

/// A protest verb used to report words: "protested that ...", or the verb of a closing
/// attribution (", a rights group protested on Monday.").
fn spoken_protest(words: &Words, source: &Mention, last: usize) -> bool {
    let toks = words.toks;
    let w = |i: usize| words.at(i);
    if w(last + 1) == "that" {
        return true;
    }
    let mut i = toks.partition_point(|t| t.end <= source.start);
    while i > 0 && matches!(w(i - 1), "a" | "an" | "the") {
        i -= 1;
    }
    let closing = toks.len() - last <= 5;
    i > 1 && w(i - 1) == "," && closing && !w(last + 1).starts_with("against")
}

/// "the right to resume fighting", "every right to strike back": a right to act claimed, with at
/// most one verb ("resume") between "to" and the trigger.
fn right_to(words: &Words, first: usize) -> bool {
    let w = |i: usize| words.at(i);
    (first >= 2 && w(first - 1) == "to" && w(first - 2) == "right") || (first >= 3 && w(first - 2) == "to" && w(first - 3) == "right")
}

/// "prepared to", "poised to", "gearing up to" right before a trigger.
fn preparing(words: &Words, first: usize) -> bool {
    words.lower[first.saturating_sub(4)..first].iter().any(|w| w.starts_with("prepar") || *w == "poised" || *w == "gearing")
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Force {
    Peacekeepers,
    Troops,
}

/// Whether a mention names armed forces ("Kenyan troops", "UN peacekeeping troops", "a battalion
/// of marines"), reading the mention and the two words before it.
fn armed_force(text: &str, toks: &[sitrep_text::Token], m: &Mention) -> Option<Force> {
    let i = toks.partition_point(|t| t.end <= m.start);
    let before = toks[i.saturating_sub(2)..i].iter().map(|t| t.text(text));
    let words: Vec<String> = before.chain(m.text.split_whitespace()).map(str::to_lowercase).collect();
    if words.iter().any(|w| w.starts_with("peacekeep")) {
        return Some(Force::Peacekeepers);
    }
    let armed = ["troop", "soldier", "force", "army", "armies", "battalion", "brigade", "contingent", "marine", "paratrooper", "militar"];
    (m.kind == MentionKind::Agent && words.iter().any(|w| armed.iter().any(|a| w.starts_with(a)))).then_some(Force::Troops)
}

/// What one sentence tells about the events coded from one of its triggers.
struct Context {
    evidence: Evidence,
    attributed_to: Option<Endpoint>,
    date: Option<String>,
    precision: Option<String>,
    location: Option<Location>,
    trigger: String,
    sentence_start: usize,
}

/// The actor's id of an event's source or target, empty when there is none.
fn actor_of(e: Option<&Endpoint>) -> &str {
    e.map_or("", |e| e.actor.as_str())
}

/// Add a draft as a new event, or as one more span of the same event told before: the same
/// type, source, target and status. An article has few events, so they are searched in order
/// (no key to build and hash per draft), and kept in the order first told.
fn put(events: &mut Vec<Event>, lex: &Lexicon, article: &Article, d: Draft, cx: &Context) {
    let (source, target) = (actor_of(d.source), actor_of(d.target));
    let same = |e: &&mut Event| {
        e.kind == d.kind && e.status == d.status && actor_of(e.source.as_ref()) == source && actor_of(e.target.as_ref()) == target
    };
    if let Some(e) = events.iter_mut().find(same) {
        if !e.evidence.iter().any(|x| x.start == cx.evidence.start) {
            e.evidence.push(cx.evidence.clone());
        }
        return;
    }
    let id = short_id(&[&article.id, d.kind.as_str(), source, target, d.status.as_str(), &cx.sentence_start.to_string()]);
    events.push(Event {
        id,
        doc: article.id.clone(),
        kind: d.kind,
        mode: d.mode.map(str::to_string),
        cameo: d.cameo.to_string(),
        goldstein: lex.goldstein(d.cameo),
        quad_class: Event::quad_class_of(d.cameo),
        source: d.source.cloned(),
        target: d.target.cloned(),
        status: d.status,
        attributed_to: cx.attributed_to.clone(),
        date: cx.date.clone(),
        date_precision: cx.precision.clone(),
        location: cx.location.clone(),
        evidence: vec![cx.evidence.clone()],
        story: None,
        trigger: cx.trigger.clone(),
        corroboration: None,
    });
}

/// An event told earlier in the article: its trigger's span and who did it.
struct Told<'m> {
    start: usize,
    end: usize,
    kind: EventType,
    by: &'m Mention,
    /// The trigger's words, each with its lemmas ("struck" is "strike"): made only when a later
    /// object may name this event.
    words: std::cell::OnceCell<Vec<String>>,
}

impl Told<'_> {
    fn words(&self, lex: &Lexicon, text: &str) -> &[String] {
        self.words.get_or_init(|| {
            text[self.start..self.end]
                .split(|c: char| !c.is_alphanumeric())
                .map(str::to_lowercase)
                .filter(|w| !w.is_empty())
                .flat_map(|w| lex.lemmas_of(&w).map(str::to_string).collect::<Vec<_>>())
                .collect()
        })
    }
}

/// Nouns for a hostile act whatever its verb was ("the operation", "the attack"): they name the
/// last violent event told.
const HOSTILE_NOUNS: &[&str] = &[
    "operation",
    "operations",
    "attack",
    "attacks",
    "assault",
    "offensive",
    "raid",
    "raids",
    "strike",
    "strikes",
    "airstrike",
    "airstrikes",
    "bombing",
    "bombings",
    "incursion",
    "barrage",
    "massacre",
    "shelling",
    "onslaught",
];
/// Nouns for an agreement whatever its verb was ("the deal", "the truce").
const ACCORD_NOUNS: &[&str] = &["agreement", "deal", "truce", "ceasefire", "accord", "pact"];

/// "condemned the strikes", "denied the attack": when the words after `after` are a determiner
/// and an event noun told earlier in the article, that event.
fn referenced<'t, 'a>(lex: &Lexicon, words: &Words, after: usize, told: &'t [Told<'a>]) -> Option<&'t Told<'a>> {
    let mut i = after + 1;
    while i < words.lower.len()
        && matches!(words.lower[i], "the" | "this" | "that" | "these" | "those" | "its" | "their" | "latest" | "recent" | "deadly")
    {
        i += 1;
    }
    if i == after + 1 {
        return None; // only a determined noun ("the strikes") refers back
    }
    told_noun(lex, words, i, told)
}

/// The event told earlier that the noun at token `i` names: one whose trigger shares the noun's
/// lemma, else for a generic noun ("the operation", "the deal") the last one of its kind.
fn told_noun<'t, 'a>(lex: &Lexicon, words: &Words, i: usize, told: &'t [Told<'a>]) -> Option<&'t Told<'a>> {
    // "refused to recognise the Taliban government": a capitalised word is a name, which names
    // no event even when an earlier trigger's gap held it ("accuses the Taliban of")
    let raw = words.toks.get(i)?.text(words.text);
    if raw.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    // the text's own apostrophes: lemmas are looked up as written
    let noun = raw.to_lowercase();
    let lemmas: Vec<&str> = lex.lemmas_of(&noun).collect();
    let same = told.iter().rev().find(|t| {
        t.words(lex, words.text).iter().any(|w| lemmas.iter().any(|l| l.len() >= 4 && (w.ends_with(l) || l.ends_with(w.as_str()))))
    });
    // A generic noun names the article's main event of its kind, told first (a report leads with
    // it; later ones are background).
    same.or_else(|| {
        let kind = if HOSTILE_NOUNS.contains(&noun.as_str()) {
            EventType::Assault
        } else if ACCORD_NOUNS.contains(&noun.as_str()) {
            EventType::Agree
        } else {
            return None;
        };
        told.iter().find(|t| t.kind == kind)
    })
}

/// The subject noun of a verb trigger when it is a determined common noun ("the raids had hit",
/// "the agreement was mediated", "the operation, named X, hit"): its token.
fn subject_noun(words: &Words, first: usize) -> Option<usize> {
    let w = |i: usize| words.at(i);
    let mut k = first;
    while k > 0
        && matches!(
            w(k - 1),
            "had"
                | "has"
                | "have"
                | "was"
                | "were"
                | "is"
                | "are"
                | "been"
                | "be"
                | "reportedly"
                | "also"
                | "later"
                | "then"
                | "would"
                | "will"
        )
    {
        k -= 1;
    }
    // an aside between commas after the noun ("the operation, named Operation Sindoor, hit")
    if k > 1 && w(k - 1) == "," {
        let open = (k.saturating_sub(8)..k - 1).rev().find(|&i| w(i) == ",")?;
        k = open;
    }
    let noun = k.checked_sub(1)?;
    let det = noun.checked_sub(1)?;
    let lowercase = words.toks[noun].text(words.text).starts_with(|c: char| c.is_ascii_lowercase());
    (lowercase && matches!(w(det), "the" | "this" | "that" | "these" | "those")).then_some(noun)
}

/// A threat whose words speak of answering an attack ("threatened to respond", "vowed
/// retaliation", "every right to respond").
fn responding(words: &Words, first: usize, last: usize) -> bool {
    let end = (last + 3).min(words.lower.len());
    words.lower[first..end]
        .iter()
        .any(|w| w.starts_with("respon") || w.starts_with("retaliat") || w.starts_with("aveng") || *w == "revenge" || *w == "unanswered")
}

/// The source of the first attack told (the article's main one) whose source is not among
/// `sources` (nor of their country).
fn first_hostile<'a>(told: &[Told<'a>], sources: &[&Mention]) -> Option<&'a Mention> {
    told.iter().find(|t| t.kind == EventType::Assault && !same_side(sources, t.by)).map(|t| t.by)
}

/// Whether `m` is one of `sources` or of their country.
fn same_side(sources: &[&Mention], m: &Mention) -> bool {
    sources.iter().any(|s| s.actor == m.actor || (s.country.is_some() && s.country == m.country))
}

/// What a rejection answers when it answers a charge or a condition: "rejected the claim that",
/// "denied the accusations", "denied it." (object), "a charge the Taliban reject", "a condition Kyiv rejected"
/// (the noun before the subject): the kind of event that made it.
fn denied_charge(words: &Words, first: usize, last: usize) -> Option<EventType> {
    let w = |i: usize| words.at(i);
    let kind = |n: &str| match n {
        "charge" | "charges" | "claim" | "claims" | "accusation" | "accusations" | "allegation" | "allegations" => Some(EventType::Accuse),
        "condition" | "conditions" | "demand" | "demands" => Some(EventType::Request),
        _ => None,
    };
    // the object
    let mut i = last + 1;
    while matches!(w(i), "the" | "these" | "those" | "this" | "that" | "such" | "any") {
        i += 1;
    }
    if i > last + 1
        && let Some(k) = kind(w(i))
    {
        return Some(k);
    }
    // "Baku denied it, saying ...": a pronoun ending the clause stands for the charge ("denied
    // it had settled" opens a clause instead: no charge named)
    if matches!(w(last + 1), "it" | "this" | "them") && matches!(w(last + 2), "," | "." | ";" | "and" | "as" | "on" | "in" | "") {
        return Some(EventType::Accuse);
    }
    // "a charge the Taliban reject": a noun, then a subject of at most four words, then the verb
    let mut k = first;
    while k > 0 && matches!(w(k - 1), "has" | "have" | "had" | "also" | "strongly" | "repeatedly" | "flatly" | "again") {
        k -= 1;
    }
    (k.saturating_sub(5)..k.saturating_sub(1)).rev().find_map(|n| {
        let det = n.checked_sub(1).map(w);
        (matches!(det, Some("a" | "an")) && (n + 1..k).all(|j| w(j) != "," && w(j) != "that")).then(|| kind(w(n))).flatten()
    })
}

/// The date nearest the trigger in its sentence, else the publication date.
fn event_date(article: &Article, sentence: sitrep_model::Span, at: usize) -> (Option<String>, Option<String>) {
    let in_sentence = article.dates.iter().filter(|d| d.start >= sentence.start && d.end <= sentence.end);
    if let Some(d) = in_sentence.min_by_key(|d| d.start.abs_diff(at)) {
        let date = if d.from == d.to {
            d.from.clone()
        } else if d.precision == sitrep_model::Precision::Month {
            d.from[..7].to_string()
        } else if d.precision == sitrep_model::Precision::Year && d.from[..4] == d.to[..4] {
            d.from[..4].to_string()
        } else {
            format!("{}/{}", d.from, d.to)
        };
        return (Some(date), Some(d.precision.as_str().to_string()));
    }
    match &article.published {
        Some(p) => (Some(p.clone()), Some(if p.len() >= 10 { "day" } else { "month" }.to_string())),
        None => (None, None),
    }
}

/// Where an event happened: a place after "in", "near", "at" in its sentence (after the trigger
/// if possible), else the dateline's place, else the article's main place (`fallback` keeps
/// those two once found).
#[allow(clippy::too_many_arguments)]
fn event_place(
    words: &Words,
    sm: &[&Mention],
    geo: &dyn Gazetteer,
    places: &[sitrep_geo::Resolved],
    fallback: &std::cell::OnceCell<Option<Location>>,
    after: usize,
) -> Option<Location> {
    let (text, toks) = (words.text, words.toks);
    let locative = |start: usize| {
        let i = toks.partition_point(|t| t.end <= start);
        (1..=3)
            .filter_map(|k| i.checked_sub(k))
            .any(|j| matches!(words.lower[j], "in" | "near" | "at" | "inside" | "across" | "outside" | "around"))
    };
    let (first, last) = (toks.first()?.start, toks.last()?.end);
    let to_location = |p: &sitrep_geo::Resolved, how: &str| Location {
        name: p.name.clone(),
        country: Some(p.country.clone()).filter(|c| !c.is_empty()),
        lat: Some(p.lat),
        lon: Some(p.lon),
        how: how.into(),
        admin1: p.admin1.clone(),
        geonames_id: p.geonames_id,
        confidence: Some(p.confidence),
    };
    let here: Vec<&sitrep_geo::Resolved> =
        places.iter().filter(|p| p.start >= first && p.end <= last && !p.metonym && locative(p.start)).collect();
    if let Some(p) = here.iter().find(|p| p.start >= after).or(here.first()) {
        return Some(to_location(p, "sentence"));
    }
    let cands: Vec<&&Mention> =
        sm.iter().filter(|m| matches!(m.kind, MentionKind::Place | MentionKind::Country) && locative(m.start)).collect();
    if let Some(m) = cands.iter().find(|m| m.start >= after).or(cands.first()) {
        let (lat, lon) = m.country.as_deref().and_then(|c| geo.country_point(c)).map_or((None, None), |(a, b)| (Some(a), Some(b)));
        return Some(Location { name: m.text.clone(), country: m.country.clone(), lat, lon, how: "sentence".into(), ..Default::default() });
    }
    fallback
        .get_or_init(|| match sitrep_geo::dateline(text, places) {
            Some(p) => Some(to_location(p, "dateline")),
            // The lead: the first paragraph of the clean text (paragraphs are blank-line apart).
            None => sitrep_geo::main_place_led(places, text.find("\n\n").unwrap_or(text.len())).map(|p| to_location(p, "article")),
        })
        .clone()
}
