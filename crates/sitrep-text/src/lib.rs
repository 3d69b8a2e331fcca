//! The text stage: extraction, cleaning, segmentation and dates.

pub mod clean;
pub mod dates;
pub mod extract;
#[doc(hidden)]
pub mod fuzzing;
pub mod segment;

use sitrep_model::{Article, RawDoc};

pub use segment::{Token, TokenKind, sentences, tokens};

/// Why a document yielded no article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("no article text found")]
    NoText,
    #[error("HTML could not be read: {0}")]
    Html(String),
}

/// A dateline: a full date within the first words of the article ("MARCH 14, 2024 — Officials
/// said", "KABUL, 5th January 2025 (Reuters) -").
fn dateline(text: &str) -> Option<String> {
    let mut end = text.len().min(80);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = text[..end].lines().next().unwrap_or("");
    dates::find_absolute(head).into_iter().find(|d| d.precision == sitrep_model::Precision::Day && d.start < 40).map(|d| d.from)
}

/// Turn a raw document into a clean article, with the extracted text the article's removed
/// spans and alignment refer to. The same input always gives the same article.
pub fn process(raw: &RawDoc) -> Result<(Article, String), TextError> {
    process_with(raw, None)
}

/// [`process`], also dropping the lines known to be its outlet's boilerplate.
pub fn process_with(raw: &RawDoc, outlets: Option<&clean::outlet::OutletLines>) -> Result<(Article, String), TextError> {
    let extracted = extract::extract(raw)?;
    let mut cleaned = clean::clean(&extracted.text, extracted.title.as_deref());
    if let Some(lines) = outlets
        && let Some(outlet) = extracted.outlet.as_deref().or(cleaned.masthead.as_deref())
        && lines.touches(outlet, &cleaned.text)
    {
        let outlet = outlet.to_string();
        cleaned = clean::clean_with(&extracted.text, extracted.title.as_deref(), &|l| lines.is_boilerplate(&outlet, l));
    }
    if cleaned.text.trim().is_empty() {
        return Err(TextError::NoText);
    }
    let published = extracted
        .published
        .as_deref()
        .and_then(dates::normalise_published)
        .or_else(|| cleaned.byline.as_ref().and_then(|b| b.published.clone()))
        .or_else(|| dateline(&cleaned.text));
    let mut authors = extracted.authors.clone();
    if authors.is_empty()
        && let Some(b) = &cleaned.byline
    {
        authors = b.authors.clone();
    }
    let outlet = extracted.outlet.clone().or_else(|| cleaned.masthead.clone());
    let sentences = segment::sentences(&cleaned.text, &cleaned.paragraphs);
    let dates = dates::find(&cleaned.text, published.as_deref());
    let language = segment::guess_language(&cleaned.text);
    let article = Article {
        id: raw.id.clone(),
        hash: raw.hash.clone(),
        origin: raw.origin.to_string(),
        title: extracted.title.clone().or(cleaned.title),
        outlet,
        authors,
        published,
        language,
        url: extracted.url.clone(),
        text: cleaned.text,
        paragraphs: cleaned.paragraphs,
        sentences,
        dates,
        removed: cleaned.removed,
        alignment: cleaned.alignment,
    };
    Ok((article, extracted.text))
}
