use serde::{Deserialize, Serialize};

/// PLOVER event types (the `type` field).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EventType {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
}

impl EventType {
    pub const ALL: [EventType; 16] = [
        EventType::Agree,
        EventType::Consult,
        EventType::Support,
        EventType::Concede,
        EventType::Cooperate,
        EventType::Aid,
        EventType::Retreat,
        EventType::Request,
        EventType::Accuse,
        EventType::Reject,
        EventType::Threaten,
        EventType::Protest,
        EventType::Sanction,
        EventType::Mobilize,
        EventType::Coerce,
        EventType::Assault,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Agree => "AGREE",
            EventType::Consult => "CONSULT",
            EventType::Support => "SUPPORT",
            EventType::Concede => "CONCEDE",
            EventType::Cooperate => "COOPERATE",
            EventType::Aid => "AID",
            EventType::Retreat => "RETREAT",
            EventType::Request => "REQUEST",
            EventType::Accuse => "ACCUSE",
            EventType::Reject => "REJECT",
            EventType::Threaten => "THREATEN",
            EventType::Protest => "PROTEST",
            EventType::Sanction => "SANCTION",
            EventType::Mobilize => "MOBILIZE",
            EventType::Coerce => "COERCE",
            EventType::Assault => "ASSAULT",
        }
    }

    pub fn parse(s: &str) -> Option<EventType> {
        let up = s.trim().to_ascii_uppercase();
        EventType::ALL.into_iter().find(|t| t.as_str() == up)
    }

    /// Cooperative types pull a dyad together; the rest push it apart.
    pub fn is_cooperative(self) -> bool {
        matches!(
            self,
            EventType::Agree
                | EventType::Consult
                | EventType::Support
                | EventType::Concede
                | EventType::Cooperate
                | EventType::Aid
                | EventType::Retreat
        )
    }
}

/// How sure the text is that the event happened.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Stated by the article as fact.
    #[default]
    Asserted,
    /// Stated as fact but attributed to a source ("according to ...", "X said").
    Reported,
    /// Claimed without proof ("allegedly", "accused of", "reportedly").
    Alleged,
    /// Intended or expected, not yet happened ("plans to", "expected to", "will").
    Planned,
    /// Possible or conditional ("may", "could", "if").
    Hypothetical,
    /// Negated or denied ("did not", "denied", "disputed").
    Denied,
    /// Explicitly unconfirmed ("there is no confirmation that").
    Unconfirmed,
}

impl Status {
    pub const ALL: [Status; 7] =
        [Status::Asserted, Status::Reported, Status::Alleged, Status::Planned, Status::Hypothetical, Status::Denied, Status::Unconfirmed];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Asserted => "asserted",
            Status::Reported => "reported",
            Status::Alleged => "alleged",
            Status::Planned => "planned",
            Status::Hypothetical => "hypothetical",
            Status::Denied => "denied",
            Status::Unconfirmed => "unconfirmed",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        let low = s.trim().to_ascii_lowercase();
        Status::ALL.into_iter().find(|t| t.as_str() == low)
    }

    /// Whether the text vouches for the event (directly or through a named source).
    pub fn is_factual(self) -> bool {
        matches!(self, Status::Asserted | Status::Reported)
    }
}

/// One side of an event: who acted or was acted on, as written and as resolved.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Endpoint {
    /// Resolved actor id: a country code (`PAK`), `ORG:...`, `GRP:...`, `PER:...`, or a sector code (`PAKMIL`).
    pub actor: String,
    pub name: String,
    /// The words of the text that name it.
    pub text: String,
    pub country: Option<String>,
    pub agent: Option<String>,
    pub org: Option<String>,
}

/// Where an event happened.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub name: String,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// How it was found: `sentence`, `dateline`, `article`.
    pub how: String,
    /// First-level region (state, province), when known.
    #[serde(default)]
    pub admin1: Option<String>,
    /// GeoNames id, when the gazetteer entry has one.
    #[serde(default)]
    pub geonames_id: Option<u64>,
    /// Confidence of the resolution, in (0, 1].
    #[serde(default)]
    pub confidence: Option<f64>,
}

/// A span of an article's clean text that supports a fact.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A coded event: who did what to whom, when, where, according to whom, and how sure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub doc: String,
    #[serde(rename = "type")]
    pub kind: EventType,
    pub mode: Option<String>,
    pub cameo: String,
    pub goldstein: f64,
    pub quad_class: u8,
    pub source: Option<Endpoint>,
    pub target: Option<Endpoint>,
    pub status: Status,
    pub attributed_to: Option<Endpoint>,
    pub date: Option<String>,
    pub date_precision: Option<String>,
    pub location: Option<Location>,
    pub evidence: Vec<Evidence>,
    pub story: Option<String>,
    /// The words that triggered the coding ("carried out airstrikes"), for explanation.
    pub trigger: String,
    /// How many reports of its story tell the same fact (filled by the corpus stage).
    #[serde(default)]
    pub corroboration: Option<Corroboration>,
}

/// The reports of one story that tell the same fact: same type, same source and target.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Corroboration {
    /// Documents that tell it.
    pub documents: usize,
    /// Distinct outlets among them (documents with no known outlet count as their own).
    pub outlets: usize,
    /// Documents that are not near-copies of another document telling it (syndication).
    #[serde(default)]
    pub independent: usize,
    /// The events, in those documents, that are this same fact (the first 20).
    pub events: Vec<String>,
    /// Statuses they give it, when they disagree ("asserted" in one, "denied" in another).
    pub statuses: Vec<String>,
}

impl Corroboration {
    /// What a fact told by one event, in one document, has.
    pub fn alone(event: &str) -> Corroboration {
        Corroboration { documents: 1, outlets: 1, independent: 1, events: vec![event.to_string()], statuses: Vec::new() }
    }
}

impl Event {
    /// CAMEO QuadClass from a CAMEO code: 1 verbal cooperation .. 4 material conflict.
    pub fn quad_class_of(cameo: &str) -> u8 {
        let root: u32 = cameo.get(..2).and_then(|r| r.parse().ok()).unwrap_or(0);
        match root {
            1..=5 => 1,
            6..=9 => 2,
            10..=14 => 3,
            _ => 4,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_round_trip_through_text_and_json() {
        for t in EventType::ALL {
            assert_eq!(EventType::parse(t.as_str()), Some(t));
            let json = serde_json::to_string(&t).unwrap();
            assert_eq!(json, format!("\"{}\"", t.as_str()));
        }
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
    }

    #[test]
    fn quad_classes_follow_cameo_roots() {
        assert_eq!(Event::quad_class_of("042"), 1);
        assert_eq!(Event::quad_class_of("073"), 2);
        assert_eq!(Event::quad_class_of("112"), 3);
        assert_eq!(Event::quad_class_of("195"), 4);
    }
}
