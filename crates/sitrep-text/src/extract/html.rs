//! HTML pages: the main text and metadata through `dom_smoothie` (a Readability port).

use dom_smoothie::{Config, Readability, TextMode};
use sitrep_model::RawDoc;

use super::{Extracted, Extractor};
use crate::TextError;

pub struct Html;

fn non_empty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

impl Extractor for Html {
    fn extract(&self, raw: &RawDoc) -> Result<Extracted, TextError> {
        let cfg = Config { text_mode: TextMode::Formatted, ..Default::default() };
        let url = raw.url.as_deref().filter(|u| u.starts_with("http"));
        let doc = dom_query::Document::from(super::prune::prune(&raw.text));
        super::dom::strip_furniture(&doc);
        let mut reader = Readability::with_document(doc, url, Some(cfg)).map_err(|e| TextError::Html(e.to_string()))?;
        let article = reader.parse().map_err(|_| TextError::NoText)?;
        let authors = non_empty(article.byline.clone())
            .map(|b: String| -> Vec<String> {
                let b = b.trim_start_matches("By ").trim_start_matches("by ");
                b.split([',', '&']).flat_map(|s| s.split(" and ")).map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect()
            })
            .unwrap_or_default();
        Ok(Extracted {
            text: article.text_content.to_string(),
            title: non_empty(Some(article.title.clone())).or_else(|| raw.title.clone()),
            outlet: non_empty(article.site_name.clone()).or_else(|| raw.outlet.clone()),
            authors: if authors.is_empty() { raw.authors.clone() } else { authors },
            published: non_empty(article.published_time.clone()).or_else(|| raw.published.clone()),
            url: non_empty(article.url.clone()).or_else(|| raw.url.clone()),
        })
    }
}
