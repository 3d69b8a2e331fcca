use serde::{Deserialize, Serialize};

use crate::Span;

/// What a mention names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    Person,
    Organisation,
    /// An armed or political movement.
    Group,
    Country,
    Place,
    /// "Pakistani", "Afghan": gives a country, and modifies the next noun.
    Nationality,
    /// A sector word: "troops", "security agencies".
    Agent,
}

impl MentionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MentionKind::Person => "person",
            MentionKind::Organisation => "organisation",
            MentionKind::Group => "group",
            MentionKind::Country => "country",
            MentionKind::Place => "place",
            MentionKind::Nationality => "nationality",
            MentionKind::Agent => "agent",
        }
    }
}

/// A stretch of clean text that names (or stands for) an actor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: MentionKind,
    /// Resolved actor id (`PAK`, `ORG:isi`, `PER:asim-malik`), when there is one.
    pub actor: Option<String>,
    pub country: Option<String>,
    pub agent: Option<String>,
    /// Organisation the mention belongs to (a person's employer, an agency's parent).
    pub org: Option<String>,
    /// How the mention was found: `dictionary`, `title`, `surname`, `acronym`, `role`, ...
    pub how: String,
}

impl Mention {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// The kind of an actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Organisation,
    Group,
    Country,
    Place,
    /// A sector of a country without a named body: "Pakistani troops" is `PAKMIL`.
    Sector,
}

impl ActorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organisation => "organisation",
            ActorKind::Group => "group",
            ActorKind::Country => "country",
            ActorKind::Place => "place",
            ActorKind::Sector => "sector",
        }
    }
}

/// A title that binds a person to an organisation or country ("ISI chief", "President of Tajikistan").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    pub title: String,
    pub org: Option<String>,
    pub country: Option<String>,
    /// "former", "then": the role is not held at the article's date.
    pub former: bool,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// A resolved actor: a state, an organisation, a group, a person or a sector of a state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    pub country: Option<String>,
    pub agent: Option<String>,
    /// Every surface form resolved to this actor.
    pub aliases: Vec<String>,
    pub roles: Vec<Role>,
    /// How many mentions name it, in how many documents.
    #[serde(default)]
    pub mentions: usize,
    #[serde(default)]
    pub documents: usize,
}
