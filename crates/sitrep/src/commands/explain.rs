//! `sitrep actors --explain NAME`: why an actor is what it is.
//!
//! Shows the actor's forms and roles, every in-document actor merged into it with the reason,
//! and the near misses: actors with a close name that were kept apart, and why.

use std::io::Write;

use anyhow::{Result, bail};
use sitrep_model::Actor;
use sitrep_store::Store;

fn matches(a: &Actor, name: &str) -> bool {
    let n = name.to_lowercase();
    a.id.to_lowercase() == n || a.name.to_lowercase() == n || a.aliases.iter().any(|x| x.to_lowercase() == n)
}

fn similarity(a: &str, b: &str) -> f64 {
    strsim::jaro_winkler(&a.to_lowercase(), &b.to_lowercase())
}

pub fn explain(out: &mut dyn Write, store: &Store, actors: &[Actor], name: &str) -> Result<i32> {
    let found: Vec<&Actor> = actors.iter().filter(|a| matches(a, name)).collect();
    if found.is_empty() {
        bail!("no actor named {name:?} (try `sitrep actors` for the list)");
    }
    let merges = store.merges()?;
    for a in found {
        writeln!(out, "{} — {} ({}{})", a.id, a.name, a.kind.as_str(), a.country.as_deref().map(|c| format!(", {c}")).unwrap_or_default())?;
        writeln!(out, "  named {} times in {} documents", a.mentions, a.documents)?;
        writeln!(out, "  forms: {}", a.aliases.join("; "))?;
        for r in &a.roles {
            let at = [r.org.as_deref(), r.country.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(", ");
            writeln!(
                out,
                "  role: {}{}{}",
                if r.former { "former " } else { "" },
                r.title,
                if at.is_empty() { String::new() } else { format!(" ({at})") }
            )?;
        }
        let into: Vec<_> = merges.iter().filter(|(_, to, _)| to == &a.id).collect();
        if into.is_empty() {
            writeln!(out, "  merges: none (every form was resolved to {} inside its document)", a.id)?;
        }
        for (from, _, why) in into {
            writeln!(out, "  merged {from}: {why}")?;
        }
        // Near misses: close names kept apart.
        let mut near: Vec<(&Actor, f64)> = actors
            .iter()
            .filter(|b| b.id != a.id && b.kind == a.kind)
            .map(|b| (b, similarity(&a.name, &b.name)))
            .filter(|(_, s)| *s >= 0.85)
            .collect();
        near.sort_by(|x, y| y.1.total_cmp(&x.1));
        for (b, s) in near.into_iter().take(5) {
            let why = if a.country.is_some() && b.country.is_some() && a.country != b.country {
                format!("countries differ ({} / {})", a.country.as_deref().unwrap_or("-"), b.country.as_deref().unwrap_or("-"))
            } else if a.name.split_whitespace().count() != b.name.split_whitespace().count() {
                "names of different shape".to_string()
            } else {
                "names not close enough for a spelling variant".to_string()
            };
            writeln!(out, "  kept apart from {} ({}), similarity {:.2}: {}", b.id, b.name, s, why)?;
        }
    }
    Ok(0)
}
