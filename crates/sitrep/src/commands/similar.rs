//! `sitrep similar A B`: story similarity of two articles, without a store.

use anyhow::{Context, Result, bail};
use serde_json::json;
use sitrep_ingest::{IngestOptions, read_paths};
use sitrep_model::Doc;

use crate::cli::{Cli, SimilarArgs};
use crate::pipeline::Engine;

fn first_doc(engine: &Engine, path: &std::path::Path) -> Result<Doc> {
    let mut docs = read_paths(&[path.to_path_buf()], &IngestOptions::default())?;
    let raw = match docs.next() {
        Some(Ok(raw)) => raw,
        Some(Err(r)) => bail!("{r}"),
        None => bail!("{}: no document", path.display()),
    };
    let (doc, _) = engine.analyse(&raw).map_err(anyhow::Error::msg).with_context(|| path.display().to_string())?;
    Ok(doc)
}

pub fn similar(cli: &Cli, a: &SimilarArgs) -> Result<i32> {
    let engine = Engine::load(&cli.dicts, &cli.verbs)?;
    let (da, db) = (first_doc(engine, &a.a)?, first_doc(engine, &a.b)?);
    let (sa, sb) = (sitrep_corpus::DocSummary::of(&da), sitrep_corpus::DocSummary::of(&db));
    let (fa, fb) = (&sa.features, &sb.features);
    use sitrep_corpus::stories;
    let parts = stories::Parts::of(fa, fb);
    let dates = (stories::date_of(&sa), stories::date_of(&sb));
    let days = stories::days_apart(dates.0, dates.1);
    let score = stories::similarity_dated(fa, dates.0, fb, dates.1);
    let shared: Vec<&String> = fa.actors.intersection(&fb.actors).collect();
    let same = stories::same_story(fa, dates.0, fb, dates.1);
    let out = json!({
        "a": da.article.id,
        "b": db.article.id,
        "similarity": (score * 1000.0).round() / 1000.0,
        "parts": {
            "actors": (parts.actors * 1000.0).round() / 1000.0,
            "names": (parts.names * 1000.0).round() / 1000.0,
            "words": (parts.words * 1000.0).round() / 1000.0,
            "content": (parts.content() * 1000.0).round() / 1000.0,
            "days_apart": days,
            "time_factor": (stories::time_factor(days) * 1000.0).round() / 1000.0,
        },
        "near_duplicate": sitrep_corpus::dedup::similarity(&fa.minhash, &fb.minhash) >= sitrep_corpus::dedup::THRESHOLD,
        "text_overlap": (sitrep_corpus::dedup::similarity(&fa.minhash, &fb.minhash) * 1000.0).round() / 1000.0,
        "same_story": same,
        "threshold": stories::THRESHOLD,
        "window_days": stories::WINDOW_DAYS,
        "shared_actors": shared,
        "dates": [da.article.published, db.article.published],
    });
    use std::io::Write;
    writeln!(std::io::stdout().lock(), "{}", serde_json::to_string_pretty(&out)?)?;
    Ok(0)
}
