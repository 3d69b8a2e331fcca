//! Lower-casing words without allocating where it changes nothing.
//!
//! Recognition and resolution compare nearly every token, lower-cased, with word lists; most
//! tokens are ASCII words without capitals, which are their own lower case.

use std::borrow::Cow;

/// `s.to_lowercase()`, borrowed when that is `s` itself.
pub(crate) fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(s)
    } else if s.is_ascii() {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Owned(s.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_is_to_lowercase() {
        for s in ["", "the", "The", "U.S.", "ΣΑΣ", "Türkiye", "İstanbul", "KABUL", "al-Qaeda's", "ǅ"] {
            assert_eq!(lower(s), s.to_lowercase(), "{s}");
        }
        assert!(matches!(lower("forces"), Cow::Borrowed(_)));
    }
}
