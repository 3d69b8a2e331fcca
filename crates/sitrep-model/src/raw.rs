use serde::{Deserialize, Serialize};

/// How a source's bytes are to be read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    #[default]
    Text,
    Markdown,
    Html,
    /// One record of a JSON Lines file, already split into its fields.
    Json,
}

/// Where a document came from, precise enough for an error message or a citation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// File path, or `-` for standard input.
    pub path: String,
    /// 1-based line number for records of a JSON Lines file.
    pub line: Option<usize>,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{l}", self.path),
            None => f.write_str(&self.path),
        }
    }
}

/// A document as read, before any cleaning: the output of ingest.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct RawDoc {
    /// Document id: the file stem, or the record's id for JSON Lines.
    pub id: String,
    pub origin: Origin,
    pub format: SourceFormat,
    /// The decoded text (HTML source for HTML).
    pub text: String,
    /// Hash of the bytes as read, so the same content is stored once.
    pub hash: String,
    /// Metadata a container already gave (JSONL fields); the text stage fills the rest.
    pub title: Option<String>,
    pub published: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub authors: Vec<String>,
}
