//! The store keeps events, articles' structure, mentions and a document's actors in postcard,
//! which writes values without field names: a field added, removed, retyped or moved in one of
//! these types makes old rows read wrongly or not at all. These tests pin each type's encoding.
//! When one fails, bump the store's schema version with a migration that rewrites the stored
//! rows of that type (see `migrate_binary_rows` and the version 8 events copy in lib.rs), then
//! put the new figure here.

use sitrep_model::{Actor, Article, Event, Mention};

/// Length and FNV-1a hash of a value's postcard encoding, read from JSON that sets every field.
fn encoding<T: serde::de::DeserializeOwned + serde::Serialize>(json: &str) -> (usize, u64) {
    let value: T = serde_json::from_str(json).expect("the sample is a valid record");
    let bytes = postcard::to_stdvec(&value).expect("encodes");
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3));
    (bytes.len(), hash)
}

#[test]
fn an_event_is_stored_as_it_was() {
    let json = r#"{"id":"998c7fb2590f2a8b","doc":"001","type":"REQUEST","mode":"assist","cameo":"022","goldstein":3.2,
        "quad_class":1,"source":{"actor":"GRP:nrf","name":"National Resistance Front","text":"NRF","country":"AFG",
        "agent":"REB","org":"GRP:nrf"},"target":{"actor":"TJK","name":"Tajikistan","text":"Dushanbe","country":"TJK",
        "agent":null,"org":null},"status":"reported","attributed_to":{"actor":"","name":"unnamed reports",
        "text":"unnamed reports","country":null,"agent":null,"org":null},"date":"2025-01-05","date_precision":"day",
        "location":{"name":"Tajikistan","country":"TJK","lat":39.0,"lon":71.0,"how":"article","admin1":"Sughd",
        "geonames_id":1220409,"confidence":0.75},"evidence":[{"doc":"001","start":1069,"end":1242,"text":""}],
        "story":"2747bb542c7ae589","trigger":"seeking backing","corroboration":{"documents":2,"outlets":2,
        "independent":1,"events":["998c7fb2590f2a8b","0a1b2c3d4e5f6071"],"statuses":["reported","asserted"]}}"#;
    assert_eq!(encoding::<Event>(json), (353, 10949932917305266392), "the stored layout of Event changed: see this file's head");
}

#[test]
fn a_mention_is_stored_as_it_was() {
    let json = r#"{"start":10,"end":24,"text":"ISI chief Malik","kind":"person","actor":"PER:asim-malik","country":"PAK",
        "agent":"SPY","org":"ORG:isi","how":"title"}"#;
    assert_eq!(encoding::<Mention>(json), (60, 10936039569314980773), "the stored layout of Mention changed: see this file's head");
}

#[test]
fn an_actor_is_stored_as_it_was() {
    let json = r#"{"id":"PER:asim-malik","name":"Asim Malik","kind":"person","country":"PAK","agent":"SPY",
        "aliases":["Asim Malik","Lt. Gen. Malik"],"roles":[{"title":"chief","org":"ORG:isi","country":"PAK",
        "former":false,"from":"2024-09","to":null}],"mentions":9,"documents":3}"#;
    assert_eq!(encoding::<Actor>(json), (98, 4671681924580822601), "the stored layout of Actor changed: see this file's head");
}

#[test]
fn an_article_is_stored_as_it_was() {
    let json = r#"{"id":"001","hash":"ab12","origin":"seeds/001.txt","title":"Rift","outlet":"Dawn","authors":["A. Writer"],
        "published":"2025-01-05","language":"en","url":"https://example.org/1","text":"",
        "paragraphs":[{"start":0,"end":40}],"sentences":[{"start":0,"end":20},{"start":21,"end":40}],
        "dates":[{"start":3,"end":7,"text":"2025","from":"2025-01-01","to":"2025-12-31","precision":"year"}],
        "removed":[{"start":41,"end":60,"reason":"boilerplate","text":"Follow us"}],
        "alignment":{"segments":[{"clean":0,"raw":0,"len":40}]}}"#;
    assert_eq!(encoding::<Article>(json), (154, 14093054527134223330), "the stored layout of Article changed: see this file's head");
}
