//! Plain text, Markdown and JSON records: the text is already text; metadata comes from the
//! container (JSON fields) or later from the cleaner (headline, byline).

use sitrep_model::RawDoc;

use super::{Extracted, Extractor};
use crate::TextError;

pub struct Plain;

impl Extractor for Plain {
    fn extract(&self, raw: &RawDoc) -> Result<Extracted, TextError> {
        Ok(Extracted {
            text: raw.text.clone(),
            title: raw.title.clone(),
            outlet: raw.outlet.clone(),
            authors: raw.authors.clone(),
            published: raw.published.clone(),
            url: raw.url.clone(),
        })
    }
}
