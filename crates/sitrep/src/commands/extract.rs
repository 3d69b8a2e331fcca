//! `sitrep extract`: what the text and actor stages see, one JSON object per document.

use std::io::Write;

use anyhow::Result;
use serde_json::json;
use sitrep_ingest::read_paths;

use crate::cli::{Cli, ExtractArgs};
use crate::pipeline::{Engine, ingest_options};

pub fn extract(cli: &Cli, a: &ExtractArgs) -> Result<i32> {
    let engine = Engine::load(&cli.dicts, &cli.verbs)?;
    let mut out = std::io::stdout().lock();
    let (mut ok, mut bad) = (0, 0);
    // Outlet boilerplate is learnt as the documents stream past: a line confirmed by earlier
    // pages of an outlet is dropped from its later ones (the earlier ones are already printed).
    let mut outlets = sitrep_text::clean::outlet::OutletLines::default();
    for item in read_paths(&a.source.paths, &ingest_options(&a.source))? {
        let raw = match item {
            Ok(raw) => raw,
            Err(r) => {
                eprintln!("sitrep: rejected {r}");
                bad += 1;
                continue;
            }
        };
        let (doc, _) = match engine.analyse_with(&raw, Some(&outlets)) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("sitrep: rejected {}: {e}", raw.origin);
                bad += 1;
                continue;
            }
        };
        let a = &doc.article;
        if let Some(outlet) = &a.outlet {
            outlets.observe(outlet, &a.text);
        }
        let spans = |v: &[sitrep_model::Span]| v.iter().map(|s| json!({"start": s.start, "end": s.end})).collect::<Vec<_>>();
        let value = json!({
            "doc": a.id,
            "title": a.title,
            "outlet": a.outlet,
            "authors": a.authors,
            "published": a.published,
            "language": a.language,
            "url": a.url,
            "text": a.text,
            "paragraphs": spans(&a.paragraphs),
            "sentences": spans(&a.sentences),
            "removed": a.removed.iter().map(|r| json!({"start": r.start, "end": r.end, "reason": r.reason, "text": r.text})).collect::<Vec<_>>(),
            "dates": a.dates,
            "mentions": doc.mentions.iter().map(|m| json!({
                "start": m.start, "end": m.end, "text": m.text, "kind": m.kind.as_str(),
                "actor": m.actor, "country": m.country, "agent": m.agent, "org": m.org, "how": m.how,
            })).collect::<Vec<_>>(),
            "places": engine.geo.find(&a.text, &sitrep_geo::Hints::from_mentions(&doc.mentions).outlet(a.url.as_deref())).iter().map(|p| json!({
                "start": p.start, "end": p.end, "text": p.text, "name": p.name, "kind": p.kind.as_str(),
                "country": p.country, "admin1": p.admin1, "lat": p.lat, "lon": p.lon, "geonames_id": p.geonames_id,
                "confidence": (p.confidence * 1000.0).round() / 1000.0, "metonym": p.metonym,
            })).collect::<Vec<_>>(),
            "events": doc.events.len(),
        });
        serde_json::to_writer(&mut out, &value)?;
        writeln!(out)?;
        ok += 1;
    }
    if bad > 0 {
        eprintln!("sitrep: {ok} extracted, {bad} rejected");
    }
    Ok(if ok > 0 { 0 } else { 1 })
}
