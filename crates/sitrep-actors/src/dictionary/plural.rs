//! English plurals for sector words, so dictionaries list each word once.

/// The word and its plural ("soldier" -> "soldiers", "militia" -> "militias", "policeman" -> "policemen").
pub fn forms(word: &str) -> Vec<String> {
    let w = word.trim();
    let mut out = vec![w.to_string()];
    let last = w.rsplit(' ').next().unwrap_or(w);
    let head = &w[..w.len() - last.len()];
    let plural = if let Some(stem) = last.strip_suffix("man") {
        format!("{stem}men")
    } else if last.ends_with('y') && !last.ends_with("ey") && !last.ends_with("ay") && !last.ends_with("oy") {
        format!("{}ies", &last[..last.len() - 1])
    } else if last.ends_with('s') || last.ends_with('x') || last.ends_with("ch") || last.ends_with("sh") {
        format!("{last}es")
    } else if matches!(last, "personnel" | "police" | "military" | "media" | "staff" | "people" | "army" | "intelligence" | "security") {
        return out;
    } else {
        format!("{last}s")
    };
    out.push(format!("{head}{plural}"));
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn plurals() {
        assert_eq!(super::forms("soldier"), ["soldier", "soldiers"]);
        assert_eq!(super::forms("spy agency"), ["spy agency", "spy agencies"]);
        assert_eq!(super::forms("policeman"), ["policeman", "policemen"]);
        assert_eq!(super::forms("military personnel"), ["military personnel"]);
    }
}
