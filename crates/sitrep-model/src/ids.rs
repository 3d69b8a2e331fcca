//! Stable identifiers: the same input always yields the same ids.

/// Hex BLAKE3 hash of a document's bytes: the key that makes ingest idempotent.
pub fn content_hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

/// A short (16 hex digits) id derived from several parts, for events and stories.
pub fn short_id(parts: &[&str]) -> String {
    let mut h = blake3::Hasher::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update(&[0x1f]);
    }
    h.finalize().to_hex()[..16].to_string()
}

/// A lower-case ASCII slug for actor ids: "Asim Malik" -> "asim-malik".
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_and_hyphenated() {
        assert_eq!(slug("Lt. Gen. Asim Malik"), "lt-gen-asim-malik");
        assert_eq!(slug("  Émile  "), "mile");
    }

    #[test]
    fn ids_are_stable_and_order_sensitive() {
        assert_eq!(short_id(&["a", "b"]), short_id(&["a", "b"]));
        assert_ne!(short_id(&["a", "b"]), short_id(&["b", "a"]));
        assert_ne!(short_id(&["ab", ""]), short_id(&["a", "b"]));
    }
}
