//! `sitrep show DOC`: one stored article with its events marked, or what cleaning removed.

use std::io::Write;

use anyhow::{Result, bail};
use sitrep_store::{EventFilter, Store};

use crate::cli::{Cli, ShowArgs};

pub fn show(cli: &Cli, a: &ShowArgs) -> Result<i32> {
    let store = Store::open(&cli.db)?;
    let Some((article, _raw)) = store.article(&a.doc)? else {
        bail!("no document {:?} in {}", a.doc, cli.db.display());
    };
    let mut out = std::io::stdout().lock();
    writeln!(out, "{} — {}", article.id, article.title.as_deref().unwrap_or("(no title)"))?;
    writeln!(
        out,
        "outlet: {}  published: {}  authors: {}  origin: {}",
        article.outlet.as_deref().unwrap_or("-"),
        article.published.as_deref().unwrap_or("-"),
        if article.authors.is_empty() { "-".to_string() } else { article.authors.join(", ") },
        article.origin
    )?;
    if a.removed {
        writeln!(out, "\nRemoved by cleaning ({}):", article.removed.len())?;
        for r in &article.removed {
            writeln!(out, "  [{}..{}] {:<18} {}", r.start, r.end, r.reason, r.text)?;
        }
        return Ok(0);
    }
    let events = store.events(&EventFilter { doc: Some(article.id.clone()), ..Default::default() })?;
    // Mark each evidence span: «...»[n]
    let mut marks: Vec<(usize, usize, usize)> = Vec::new();
    for (n, e) in events.iter().enumerate() {
        for ev in &e.evidence {
            marks.push((ev.start, ev.end, n + 1));
        }
    }
    marks.sort();
    let mut text = String::new();
    let mut pos = 0;
    for (s, e, n) in marks {
        if s < pos {
            continue;
        }
        text.push_str(&article.text[pos..s]);
        text.push_str(&format!("«{}»[{}]", &article.text[s..e], n));
        pos = e;
    }
    text.push_str(&article.text[pos..]);
    writeln!(out, "\n{text}\n")?;
    for (n, e) in events.iter().enumerate() {
        let s = e.source.as_ref().map(|x| x.name.as_str()).unwrap_or("?");
        let t = e.target.as_ref().map(|x| x.name.as_str()).unwrap_or("-");
        writeln!(out, "[{}] {} {} → {} ({}; trigger \"{}\")", n + 1, e.kind.as_str(), s, t, e.status.as_str(), e.trigger)?;
    }
    Ok(0)
}
