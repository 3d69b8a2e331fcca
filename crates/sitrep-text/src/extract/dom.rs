//! Page furniture out of the parsed tree before Readability scores it: figures and captions,
//! asides, navigation, and blocks whose class or id names what they are (sharing bars, related
//! stories, bylines, newsletters, comments, galleries, advertisements). A block that holds a
//! large share of the page's paragraphs or text is never dropped, whatever its name, so a badly
//! named wrapper of the article cannot take the article with it.

use dom_query::{Document, NodeRef};

/// Elements that hold no article text on news pages.
const FURNITURE_TAGS: &str = "figure, figcaption, aside, nav, footer, form, button, dialog, menu, select";

/// Parts of a class or id (split on `-`, `_`, spaces, camel case) that name page furniture.
const FURNITURE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "author",
    "authors",
    "breadcrumb",
    "breadcrumbs",
    "byline",
    "caption",
    "comment",
    "comments",
    "credit",
    "credits",
    "dateline",
    "disqus",
    "gallery",
    "newsletter",
    "outbrain",
    "paywall",
    "popular",
    "promo",
    "recirc",
    "recommended",
    "related",
    "share",
    "sharing",
    "sidebar",
    "signup",
    "social",
    "sponsored",
    "subscribe",
    "subscription",
    "taboola",
    "tags",
    "teaser",
    "timestamp",
    "toolbar",
    "trending",
    "meta",
    "cookie",
    "modal",
    "popup",
];

fn names_furniture(value: &str) -> bool {
    value
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .any(|w| FURNITURE_WORDS.iter().any(|f| w.eq_ignore_ascii_case(f)))
}

/// Paragraph-like descendants of a node, counted up to `limit`.
fn paragraphs(node: &NodeRef, limit: usize) -> usize {
    node.descendants_it().filter(|d| d.is_element() && d.node_name().is_some_and(|n| &*n == "p")).take(limit).count()
}

/// Remove furniture from `doc` in place.
pub fn strip_furniture(doc: &Document) {
    let total = doc.select("p").length();
    let body_text = doc.select("body").text().len();
    // Keep a block when it holds a third of the page's paragraphs (and at least three) or a
    // third of its text.
    let guard = (total / 3).max(3);
    let keep = |n: &NodeRef| {
        let name = n.node_name();
        matches!(name.as_deref(), Some("body" | "html" | "main" | "article"))
            || paragraphs(n, guard) >= guard
            || n.text().len() * 3 >= body_text
    };
    for node in doc.select(FURNITURE_TAGS).nodes().iter().rev() {
        if !keep(node) {
            node.remove_from_parent();
        }
    }
    for node in doc.select("[class], [id]").nodes().iter().rev() {
        let class = node.class();
        let id = node.id_attr();
        let named = class.as_deref().is_some_and(names_furniture) || id.as_deref().is_some_and(names_furniture);
        if named && !keep(node) {
            node.remove_from_parent();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_goes_and_the_article_stays() {
        let doc = Document::from(
            "<html><body><div class='article-body'><p>One.</p><figure><img><figcaption>A photo</figcaption></figure>\
             <div class='share-bar'>Share</div><p>Two.</p><p>Three.</p></div>\
             <div class='related-stories'><p>Other</p></div><aside>Side</aside></body></html>",
        );
        strip_furniture(&doc);
        let text = doc.select("body").text();
        assert_eq!(&*text, "One.Two.Three.");
    }

    #[test]
    fn a_misnamed_wrapper_of_the_article_is_kept() {
        let doc = Document::from("<body><div class='has-sidebar'><p>a</p><p>b</p><p>c</p><p>d</p></div></body>");
        strip_furniture(&doc);
        assert_eq!(&*doc.select("body").text(), "abcd");
    }
}
