//! Running the stages: ingest → text → actors → events per document (in parallel), then the
//! store (one transaction per batch), then the cross-document stage.

use std::collections::HashMap;
use std::io::IsTerminal;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use sitrep_actors::Dictionary;
use sitrep_events::Lexicon;
use sitrep_geo::Places;
use sitrep_ingest::{IngestOptions, JsonFields, read_paths};
use sitrep_model::{Doc, RawDoc};
use sitrep_store::{Put, Store};

use crate::cli::SourceArgs;

/// Documents handed to the parallel stages and written in one transaction.
const BATCH: usize = 64;

/// The loaded knowledge every document is analysed with.
pub struct Engine {
    /// Which analysis this is: sitrep's version and its dictionaries' fingerprints.
    pub analysis: String,
    pub dict: Dictionary,
    pub lexicon: Lexicon,
    pub geo: Places,
}

impl Engine {
    pub fn load(dicts: &[std::path::PathBuf], verbs: &[std::path::PathBuf]) -> Result<Engine> {
        let dict = Dictionary::with_user_files(dicts).context("loading actor dictionaries")?;
        let lexicon = Lexicon::with_user_files(verbs).context("loading event patterns")?;
        // The populated-places table is optional (scripts/setup-gazetteer.sh builds it): without
        // it, countries, regions and our features. Asked for by name and missing is worth a word.
        let (geo, full) = match Places::load() {
            Ok(p) => (p, true),
            Err(e) => {
                if std::env::var_os("SITREP_GAZETTEER").is_some() {
                    eprintln!("sitrep: gazetteer table not loaded ({e}); using countries, regions and dictionaries/places.yaml only");
                }
                (Places::builtin(), false)
            }
        };
        let analysis = format!(
            "{}+{}+{}+{}+features{}",
            env!("CARGO_PKG_VERSION"),
            dict.fingerprint,
            lexicon.fingerprint,
            if full { "places" } else { "regions" },
            sitrep_corpus::FEATURES_VERSION
        );
        Ok(Engine { analysis, dict, lexicon, geo })
    }

    /// Every per-document stage; the extracted text comes back beside the document. A bug in a
    /// stage must not take the batch down: a panic rejects this document only, with its reason.
    pub fn analyse(&self, raw: &RawDoc) -> Result<(Doc, String), String> {
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.analyse_inner(raw))) {
            Ok(r) => r.map_err(|e| e.to_string()),
            Err(p) => {
                let what =
                    p.downcast_ref::<String>().cloned().or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default();
                Err(format!("internal error while analysing (please report): {what}"))
            }
        }
    }

    fn analyse_inner(&self, raw: &RawDoc) -> Result<(Doc, String), sitrep_text::TextError> {
        let (article, source) = sitrep_text::process(raw)?;
        let (mentions, actors) = sitrep_actors::analyse(&self.dict, &article);
        let events = sitrep_events::code(&self.lexicon, &self.geo, &article, &mentions, &actors);
        Ok((Doc { article, mentions, actors, events }, source))
    }
}

/// A document that could not be used, and why.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Rejected {
    pub origin: String,
    pub reason: String,
}

/// What an ingest did.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct IngestReport {
    pub read: usize,
    pub new: usize,
    pub replaced: usize,
    pub unchanged: usize,
    pub rejected: Vec<Rejected>,
    /// Ids of every document of this run that is in the store (new, replaced or unchanged).
    pub docs: Vec<String>,
}

impl IngestReport {
    pub fn stored(&self) -> usize {
        self.new + self.replaced + self.unchanged
    }
}

pub fn ingest_options(a: &SourceArgs) -> IngestOptions {
    let mut json = JsonFields::default();
    let set = |v: &mut Vec<String>, f: &Option<String>| {
        if let Some(f) = f {
            *v = vec![f.clone()];
        }
    };
    set(&mut json.text, &a.text_field);
    set(&mut json.id, &a.id_field);
    set(&mut json.date, &a.date_field);
    set(&mut json.title, &a.title_field);
    IngestOptions { max_bytes: a.max_bytes, json }
}

fn progress(total: usize) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(total as u64);
    bar.set_style(ProgressStyle::with_template("{spinner} {pos}/{len} sources {wide_bar} {elapsed}").expect("progress template"));
    bar
}

/// Read, analyse and store everything at the paths; rejected items are reported as they come.
pub fn ingest(engine: &Engine, store: &mut Store, source: &SourceArgs) -> Result<IngestReport> {
    let stream = read_paths(&source.paths, &ingest_options(source))?;
    let bar = progress(stream.sources_left());
    let mut report = IngestReport::default();
    let mut batch: Vec<RawDoc> = Vec::with_capacity(BATCH);
    let mut sources_seen = stream.sources_left();
    let mut stream = stream;
    let reject = |report: &mut IngestReport, origin: String, reason: String, bar: &ProgressBar| {
        bar.suspend(|| eprintln!("sitrep: rejected {origin}: {reason}"));
        report.rejected.push(Rejected { origin, reason });
    };
    loop {
        let item = stream.next();
        let left = stream.sources_left();
        if left < sources_seen {
            bar.inc((sources_seen - left) as u64);
            sources_seen = left;
        }
        let done = item.is_none();
        match item {
            Some(Ok(raw)) => {
                report.read += 1;
                batch.push(raw);
            }
            Some(Err(r)) => reject(&mut report, r.origin.to_string(), r.reason, &bar),
            None => {}
        }
        if batch.len() >= BATCH || (done && !batch.is_empty()) {
            run_batch(engine, store, std::mem::take(&mut batch), &mut report, &|o, r, rep| reject(rep, o, r, &bar))?;
        }
        if done {
            break;
        }
    }
    bar.finish_and_clear();
    update_corpus(engine, store)?;
    Ok(report)
}

fn run_batch(
    engine: &Engine,
    store: &mut Store,
    batch: Vec<RawDoc>,
    report: &mut IngestReport,
    reject: &dyn Fn(String, String, &mut IngestReport),
) -> Result<()> {
    // Unchanged documents are not analysed again.
    let mut todo = Vec::with_capacity(batch.len());
    for raw in batch {
        if store.hash_of(&raw.id)?.is_some_and(|(h, an)| h == raw.hash && an == engine.analysis) {
            report.unchanged += 1;
            report.docs.push(raw.id.clone());
        } else {
            todo.push(raw);
        }
    }
    let results: Vec<_> = todo.par_iter().map(|raw| (raw, engine.analyse(raw))).collect();
    let mut docs = Vec::with_capacity(results.len());
    for (raw, r) in results {
        match r {
            Ok(d) => docs.push(d),
            Err(e) => reject(raw.origin.to_string(), e, report),
        }
    }
    let puts = store.put_batch(&docs, &engine.analysis)?;
    for ((doc, _), put) in docs.iter().zip(puts) {
        match put {
            Put::New => report.new += 1,
            Put::Replaced => report.replaced += 1,
            Put::Unchanged => report.unchanged += 1,
        }
        report.docs.push(doc.article.id.clone());
    }
    Ok(())
}

/// Recompute the cross-document results over the stored corpus.
pub fn update_corpus(engine: &Engine, store: &mut Store) -> Result<()> {
    let docs = store.summaries()?;
    let (actors, merges) = sitrep_corpus::merge_actors(&docs, &|a, b| engine.dict.never_merge(a, b));
    let mut links: Vec<(String, String, String)> = Vec::new();
    let merged: HashMap<&str, &sitrep_corpus::Merge> = merges.iter().map(|m| (m.from.as_str(), m)).collect();
    for m in merges.iter() {
        links.push((m.from.clone(), m.into.clone(), m.why.clone()));
    }
    let names: HashMap<String, String> = actors.iter().map(|a| (a.id.clone(), a.name.clone())).collect();
    let name_of = |id: &str| {
        let id = merged.get(id).map(|m| m.into.as_str()).unwrap_or(id);
        names.get(id).cloned().or_else(|| engine.dict.name_of(id).map(str::to_string)).unwrap_or_else(|| id.to_string())
    };
    let stories = sitrep_corpus::cluster(&docs, &name_of);
    let link_map: HashMap<String, String> = links.iter().map(|(a, b, _)| (a.clone(), b.clone())).collect();
    let copies = sitrep_corpus::dedup::copies(&docs);
    let support = sitrep_corpus::corroborate(&docs, &stories, &link_map, &copies);
    store.put_corpus(&actors, &links, &stories, &support)?;
    Ok(())
}
