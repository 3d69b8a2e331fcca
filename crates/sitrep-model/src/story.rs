use serde::{Deserialize, Serialize};

/// Reports of one story: documents about the same actors and happening within a short time.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Story {
    pub id: String,
    /// Key actors and the dominant event type, e.g. "Pakistan – Tajikistan: CONSULT".
    pub label: String,
    pub start: Option<String>,
    pub end: Option<String>,
    pub docs: Vec<String>,
    pub outlets: Vec<String>,
    pub events: Vec<String>,
}
