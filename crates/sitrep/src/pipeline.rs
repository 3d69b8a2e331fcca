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
use sitrep_text::clean::outlet::OutletLines;

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
    /// Load dictionaries, patterns and places. The engine lives as long as the process and is
    /// never freed: dropping the gazetteer's half a million keys at exit cost a short command
    /// (`sitrep extract` of one file) about a fifth of its time.
    pub fn load(dicts: &[std::path::PathBuf], verbs: &[std::path::PathBuf]) -> Result<&'static Engine> {
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
            "{}+{}+{}+{}",
            env!("CARGO_PKG_VERSION"),
            dict.fingerprint,
            lexicon.fingerprint,
            if full { "places" } else { "regions" }
        );
        Ok(Box::leak(Box::new(Engine { analysis, dict, lexicon, geo })))
    }

    /// Every per-document stage; the extracted text comes back beside the document. A bug in a
    /// stage must not take the batch down: a panic rejects this document only, with its reason.
    pub fn analyse(&self, raw: &RawDoc) -> Result<(Doc, String), String> {
        self.analyse_with(raw, None)
    }

    /// [`Engine::analyse`], dropping lines known to be the document's outlet's boilerplate.
    pub fn analyse_with(&self, raw: &RawDoc, outlets: Option<&OutletLines>) -> Result<(Doc, String), String> {
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.analyse_inner(raw, outlets))) {
            Ok(r) => r.map_err(|e| e.to_string()),
            Err(p) => {
                let what =
                    p.downcast_ref::<String>().cloned().or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default();
                Err(format!("internal error while analysing (please report): {what}"))
            }
        }
    }

    fn analyse_inner(&self, raw: &RawDoc, outlets: Option<&OutletLines>) -> Result<(Doc, String), sitrep_text::TextError> {
        let (article, source) = sitrep_text::process_with(raw, outlets)?;
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
    let mut outlets = OutletLines::default();
    for (outlet, line) in store.outlet_boilerplate()? {
        outlets.insert_confirmed(&outlet, &line);
    }
    let mut learnt: Vec<(String, String)> = Vec::new();
    let mut pending: Option<Vec<(Doc, String)>> = None;
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
            let todo = unchanged(engine, store, std::mem::take(&mut batch), &mut report)?;
            // This batch is analysed while the one before it is written: SQLite writes on one
            // thread and is the slowest stage, so it runs beside the analysis, not after it.
            let (docs, written) = std::thread::scope(|s| {
                let writer = pending.take().map(|docs| {
                    let store = &mut *store;
                    s.spawn(move || store.put_batch(&docs, &engine.analysis).map(|puts| (docs, puts)))
                });
                let docs = analyse_batch(engine, todo, &mut outlets, &mut learnt, &mut report, &|o, r, rep| reject(rep, o, r, &bar));
                (docs, writer.map(|w| w.join().expect("the store writer does not panic")))
            });
            if let Some(w) = written {
                count_puts(w?, &mut report);
            }
            pending = Some(docs);
        }
        if done {
            break;
        }
    }
    if let Some(docs) = pending.take() {
        let puts = store.put_batch(&docs, &engine.analysis)?;
        count_puts((docs, puts), &mut report);
    }
    bar.finish_and_clear();
    store.put_outlet_boilerplate(&learnt)?;
    update_corpus(engine, store)?;
    Ok(report)
}

/// The documents of a batch that need analysing; those stored as they are, by the same
/// analysis, are counted and not analysed again.
fn unchanged(engine: &Engine, store: &Store, batch: Vec<RawDoc>, report: &mut IngestReport) -> Result<Vec<RawDoc>> {
    let mut todo = Vec::with_capacity(batch.len());
    for raw in batch {
        if store.hash_of(&raw.id)?.is_some_and(|(h, an)| h == raw.hash && an == engine.analysis) {
            report.unchanged += 1;
            report.docs.push(raw.id.clone());
        } else {
            todo.push(raw);
        }
    }
    Ok(todo)
}

/// Every per-document stage over a batch, in parallel; rejections are reported.
fn analyse_batch(
    engine: &Engine,
    todo: Vec<RawDoc>,
    outlets: &mut OutletLines,
    learnt: &mut Vec<(String, String)>,
    report: &mut IngestReport,
    reject: &dyn Fn(String, String, &mut IngestReport),
) -> Vec<(Doc, String)> {
    let mut results: Vec<_> = todo.par_iter().map(|raw| (raw, engine.analyse_with(raw, Some(outlets)))).collect();
    // What this batch teaches about its outlets' boilerplate; documents it touches (analysed
    // before the lesson) are analysed again.
    for (_, r) in &results {
        if let Ok((doc, _)) = r
            && let Some(outlet) = &doc.article.outlet
        {
            for line in outlets.observe(outlet, &doc.article.text) {
                learnt.push((sitrep_text::clean::outlet::outlet_key(outlet), line));
            }
        }
    }
    let again: Vec<usize> = (0..results.len())
        .filter(|&i| {
            results[i].1.as_ref().is_ok_and(|(d, _)| d.article.outlet.as_deref().is_some_and(|o| outlets.touches(o, &d.article.text)))
        })
        .collect();
    let redone: Vec<_> = again.par_iter().map(|&i| engine.analyse_with(results[i].0, Some(outlets))).collect();
    for (i, r) in again.into_iter().zip(redone) {
        results[i].1 = r;
    }
    let mut docs = Vec::with_capacity(results.len());
    for (raw, r) in results {
        match r {
            Ok(d) => docs.push(d),
            Err(e) => reject(raw.origin.to_string(), e, report),
        }
    }
    docs
}

fn count_puts((docs, puts): (Vec<(Doc, String)>, Vec<Put>), report: &mut IngestReport) {
    for ((doc, _), put) in docs.iter().zip(puts) {
        match put {
            Put::New => report.new += 1,
            Put::Replaced => report.replaced += 1,
            Put::Unchanged => report.unchanged += 1,
        }
        report.docs.push(doc.article.id.clone());
    }
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
