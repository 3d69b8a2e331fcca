use sitrep_actors::Dictionary;
use sitrep_events::{Lexicon, code};
use sitrep_geo::Centroids;
use sitrep_model::{Event, EventType, RawDoc, Status};

fn events(text: &str) -> Vec<Event> {
    let raw = RawDoc { id: "t".into(), text: text.into(), published: Some("2025-01-05".into()), ..Default::default() };
    let (article, _) = sitrep_text::process(&raw).unwrap();
    let dict = Dictionary::builtin().unwrap();
    let (mentions, actors) = sitrep_actors::analyse(&dict, &article);
    code(&Lexicon::builtin().unwrap(), &Centroids::default(), &article, &mentions, &actors)
}

fn one(evs: &[Event], kind: EventType, src: &str, tgt: &str) -> Event {
    evs.iter()
        .find(|e| {
            e.kind == kind
                && e.source.as_ref().is_some_and(|s| s.actor == src || s.country.as_deref() == Some(src))
                && e.target.as_ref().is_some_and(|t| t.actor == tgt || t.country.as_deref() == Some(tgt))
        })
        .cloned()
        .unwrap_or_else(|| panic!("no {kind:?} {src} -> {tgt} in {evs:#?}"))
}

#[test]
fn a_plain_sentence_codes_source_type_target_and_evidence() {
    let text = "Pakistan carried out airstrikes on Afghanistan. Officials met later.";
    let evs = events(text);
    let e = one(&evs, EventType::Assault, "PAK", "AFG");
    assert_eq!(e.status, Status::Asserted);
    assert_eq!(e.quad_class, 4);
    assert!(e.goldstein < 0.0);
    let ev = &e.evidence[0];
    assert_eq!(&text[ev.start..ev.end], "Pakistan carried out airstrikes on Afghanistan.");
    assert_eq!(e.date.as_deref(), Some("2025-01-05"));
}

#[test]
fn negation_and_hedges_are_never_plain_facts() {
    let evs = events("India did not attack Pakistan.");
    assert_eq!(one(&evs, EventType::Assault, "IND", "PAK").status, Status::Denied);
    let evs = events("There is no confirmation that India met Pakistan.");
    assert_eq!(one(&evs, EventType::Consult, "IND", "PAK").status, Status::Unconfirmed);
    let evs = events("Iran is expected to meet Turkey next week.");
    assert_eq!(one(&evs, EventType::Consult, "IRN", "TUR").status, Status::Planned);
    let evs = events("Russia may attack Ukraine.");
    assert_eq!(one(&evs, EventType::Assault, "RUS", "UKR").status, Status::Hypothetical);
    let evs = events("Russia allegedly attacked Ukraine.");
    assert_eq!(one(&evs, EventType::Assault, "RUS", "UKR").status, Status::Alleged);
}

#[test]
fn attribution_names_who_says_so() {
    let evs = events("According to Indian media, China attacked India.");
    let e = one(&evs, EventType::Assault, "CHN", "IND");
    assert_eq!(e.status, Status::Reported);
    assert!(e.attributed_to.as_ref().is_some_and(|a| a.country.as_deref() == Some("IND")), "{:?}", e.attributed_to);
}

#[test]
fn passives_and_coordination() {
    let evs = events("Ukraine was attacked by Russia.");
    one(&evs, EventType::Assault, "RUS", "UKR");
    let evs = events("Iran, Tajikistan and India supported the Northern Alliance.");
    for src in ["IRN", "TJK", "IND"] {
        one(&evs, EventType::Support, src, "GRP:northern-alliance");
    }
}

#[test]
fn one_event_in_several_sentences_has_several_spans() {
    let evs = events("Russia attacked Ukraine on Monday. Later, Russia attacked Ukraine again.");
    let e = one(&evs, EventType::Assault, "RUS", "UKR");
    assert_eq!(e.evidence.len(), 2);
}
