//! Extraction: a source format's bytes to plain text plus the metadata the format carries.

mod dom;
mod html;
pub mod meta;
mod plain;
pub mod prune;

use sitrep_model::{RawDoc, SourceFormat};

use crate::TextError;

/// Text and metadata out of one document, before cleaning.
#[derive(Clone, Debug, Default)]
pub struct Extracted {
    /// Plain text with one paragraph per line or block: the "raw" side of the alignment.
    pub text: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub url: Option<String>,
}

/// One source format.
pub trait Extractor {
    fn extract(&self, raw: &RawDoc) -> Result<Extracted, TextError>;
}

/// Extract with the extractor for the document's format.
pub fn extract(raw: &RawDoc) -> Result<Extracted, TextError> {
    match raw.format {
        SourceFormat::Html => html::Html.extract(raw),
        SourceFormat::Text | SourceFormat::Markdown | SourceFormat::Json => plain::Plain.extract(raw),
    }
}
