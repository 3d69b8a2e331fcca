use serde::{Deserialize, Serialize};

use crate::Span;

/// A clean, segmented, dated article: the output of the text stage.
///
/// `text` is the stored clean text; every span in sitrep points into it. `alignment` maps it
/// back to the raw input, so a fact can be highlighted in the page it came from.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Article {
    pub id: String,
    pub hash: String,
    pub origin: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub authors: Vec<String>,
    /// Publication date, `YYYY-MM-DD` (or a shorter prefix when only that is known).
    pub published: Option<String>,
    pub language: Option<String>,
    pub url: Option<String>,
    pub text: String,
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Span>,
    pub dates: Vec<DateMention>,
    /// What cleaning dropped, as spans of the raw input, with the reason.
    pub removed: Vec<Removal>,
    pub alignment: Alignment,
}

impl Article {
    /// Index of the sentence holding byte `pos` of the clean text.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= pos);
        (i < self.sentences.len() && self.sentences[i].start <= pos).then_some(i)
    }
}

/// A span of the raw input that cleaning removed, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removal {
    /// Byte offsets into the raw input (the text as read, HTML source for pages).
    pub start: usize,
    pub end: usize,
    pub reason: String,
    pub text: String,
}

/// How precisely a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Year,
    Decade,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
            Precision::Decade => "decade",
        }
    }
}

/// A date expression in the text, resolved to an interval of days (`from` and `to`, inclusive).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub from: String,
    pub to: String,
    pub precision: Precision,
}

/// One copied run: `len` bytes at `clean` in the clean text came from `raw` in the raw input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub clean: usize,
    pub raw: usize,
    pub len: usize,
}

/// Byte alignment from clean text back to the raw input.
///
/// Cleaning only copies runs of the input and inserts separators, so a sorted list of copied
/// runs is exact and small. Inserted bytes (paragraph breaks, decoded entities) map to the
/// nearest raw position before them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alignment {
    pub segments: Vec<Segment>,
}

impl Alignment {
    /// Raw offset of clean offset `pos`.
    pub fn to_raw(&self, pos: usize) -> usize {
        let i = self.segments.partition_point(|s| s.clean <= pos);
        if i == 0 {
            return 0;
        }
        let s = self.segments[i - 1];
        s.raw + (pos - s.clean).min(s.len)
    }

    /// Raw span of a clean span.
    pub fn span_to_raw(&self, span: Span) -> Span {
        let start = self.to_raw(span.start);
        let end = if span.is_empty() { start } else { self.to_raw(span.end - 1) + 1 };
        Span::new(start, end.max(start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alignment_maps_copied_runs_back() {
        // raw: "AB xx CD", clean: "AB\n\nCD"
        let a = Alignment { segments: vec![Segment { clean: 0, raw: 0, len: 2 }, Segment { clean: 4, raw: 6, len: 2 }] };
        assert_eq!(a.to_raw(0), 0);
        assert_eq!(a.to_raw(1), 1);
        assert_eq!(a.to_raw(4), 6);
        assert_eq!(a.to_raw(5), 7);
        assert_eq!(a.span_to_raw(Span::new(4, 6)), Span::new(6, 8));
    }

    #[test]
    fn sentence_lookup() {
        let a = Article { sentences: vec![Span::new(0, 10), Span::new(11, 20)], ..Default::default() };
        assert_eq!(a.sentence_at(3), Some(0));
        assert_eq!(a.sentence_at(10), None);
        assert_eq!(a.sentence_at(15), Some(1));
        assert_eq!(a.sentence_at(25), None);
    }
}
