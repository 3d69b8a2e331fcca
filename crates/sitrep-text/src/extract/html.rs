//! HTML pages: the main text and metadata through `dom_smoothie` (a Readability port).

use dom_smoothie::{Config, Readability, TextMode};
use sitrep_model::RawDoc;

use super::{Extracted, Extractor};
use crate::TextError;

pub struct Html;

fn non_empty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// HTML without a document around it: no `<html>` or `<body>` tag in its first bytes.
fn is_fragment(html: &str) -> bool {
    let head = html.get(..html.len().min(2048)).unwrap_or(html).to_ascii_lowercase();
    !head.contains("<html") && !head.contains("<body")
}

impl Extractor for Html {
    fn extract(&self, raw: &RawDoc) -> Result<Extracted, TextError> {
        let cfg = Config { text_mode: TextMode::Formatted, ..Default::default() };
        let url = raw.url.as_deref().filter(|u| u.starts_with("http"));
        let doc = dom_query::Document::from(super::prune::prune(&raw.text));
        super::dom::strip_furniture(&doc);
        let mut reader = Readability::with_document(doc, url, Some(cfg)).map_err(|e| TextError::Html(e.to_string()))?;
        let article = match reader.parse() {
            Ok(a) => a,
            // A fragment (a feed entry's content) has no page around it to score: its text is the article.
            Err(_) if is_fragment(&raw.text) => {
                let doc = dom_query::Document::from(raw.text.as_str());
                return Ok(Extracted {
                    text: doc.select("body").formatted_text().to_string(),
                    title: raw.title.clone(),
                    outlet: raw.outlet.clone(),
                    authors: raw.authors.clone(),
                    published: raw.published.clone(),
                    url: raw.url.clone(),
                });
            }
            Err(_) => return Err(TextError::NoText),
        };
        let ld = super::meta::json_ld(&raw.text);
        let mut authors = non_empty(article.byline.clone()).map(|b| super::meta::split_names(&b)).unwrap_or_default();
        if authors.is_empty() {
            authors = ld.authors;
        }
        if authors.is_empty() {
            authors = super::meta::authors(&raw.text);
        }
        let url = non_empty(article.url.clone()).or_else(|| raw.url.clone()).or_else(|| super::meta::canonical_url(&raw.text));
        let published = non_empty(article.published_time.clone())
            .or_else(|| raw.published.clone())
            .or(ld.published)
            .or_else(|| super::meta::published(&raw.text, url.as_deref()))
            .or_else(|| super::meta::text_date(&raw.text));
        Ok(Extracted {
            text: article.text_content.to_string(),
            title: ld.title.or_else(|| non_empty(Some(article.title.clone()))).or_else(|| raw.title.clone()),
            outlet: non_empty(article.site_name.clone()).or_else(|| raw.outlet.clone()),
            authors: if authors.is_empty() { raw.authors.clone() } else { authors },
            published,
            url,
        })
    }
}
