//! Running the stages: ingest → text → actors → events per document (in parallel), then the
//! store (one transaction per batch), then the cross-document stage.

use std::collections::{BTreeSet, HashMap};
use std::io::IsTerminal;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use sitrep_actors::Dictionary;
use sitrep_events::Lexicon;
use sitrep_geo::Places;
use sitrep_ingest::{IngestOptions, JsonFields, read_paths};
use sitrep_model::{Doc, RawDoc};
use sitrep_store::{Prepared, Put, Store};
use sitrep_text::clean::outlet::OutletLines;

use crate::cli::SourceArgs;

/// Documents handed to the parallel stages and written in one transaction.
const BATCH: usize = 64;

/// Text analysed after which a run builds the dictionary's faster automaton: about where the
/// slower one's extra search time (some 40 instructions a byte) has cost as much as the build
/// (a quarter of a billion), so no run pays more than twice the better choice made in hindsight.
const DFA_AFTER_BYTES: usize = 6_000_000;

/// The loaded knowledge every document is analysed with.
pub struct Engine {
    /// Which analysis this is: sitrep's version, a fingerprint of the analysing crates' code
    /// (`build.rs`) and its dictionaries' fingerprints.
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
        // The gazetteer, the largest, loads on a thread of its own beside the dictionaries.
        let (dict, lexicon, places) = std::thread::scope(|s| {
            let places = s.spawn(Places::load);
            let dict = Dictionary::with_user_files(dicts).context("loading actor dictionaries");
            let lexicon = Lexicon::with_user_files(verbs).context("loading event patterns");
            (dict, lexicon, places.join().expect("loading places does not panic"))
        });
        let (dict, lexicon) = (dict?, lexicon?);
        // The populated-places table is optional (scripts/setup-gazetteer.sh builds it): without
        // it, countries, regions and our features. Asked for by name and missing is worth a word.
        let (geo, full) = match places {
            Ok(p) => (p, true),
            Err(e) => {
                if std::env::var_os("SITREP_GAZETTEER").is_some() {
                    eprintln!("sitrep: gazetteer table not loaded ({e}); using countries, regions and dictionaries/places.yaml only");
                }
                (Places::builtin(), false)
            }
        };
        let analysis = format!(
            "{}+code{}+{}+{}+{}+features{}",
            env!("CARGO_PKG_VERSION"),
            env!("SITREP_ANALYSIS_CODE"),
            dict.fingerprint,
            lexicon.fingerprint,
            if full { "places" } else { "regions" },
            sitrep_corpus::FEATURES_VERSION
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
    /// Ids of every document of this run that is in the store (new, replaced or unchanged), sorted.
    pub docs: Vec<String>,
    /// What the corpus stage recomputed.
    pub corpus: CorpusUpdate,
    /// Wall-clock time of the two phases (the only figures that differ between runs).
    pub seconds: Seconds,
}

/// Wall-clock seconds of an ingest's phases.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct Seconds {
    /// Reading, analysing and storing the documents (analysis and writing overlap).
    pub documents: f64,
    /// The corpus stage: actor merging, near-duplicates, stories, corroboration.
    pub corpus: f64,
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
    IngestOptions { max_bytes: a.max_bytes, json, ..IngestOptions::default() }
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
///
/// Three things overlap: the main thread reads a batch and hands it to rayon's threads for
/// analysis, and a writer thread stores the batches analysed before it (SQLite writes on one
/// thread). At most one analysed batch waits for the writer, so memory stays bounded.
pub fn ingest(engine: &Engine, store: &mut Store, source: &SourceArgs) -> Result<IngestReport> {
    let started = std::time::Instant::now();
    let mut options = ingest_options(source);
    options.skip.extend(store.path());
    let mut stream = read_paths(&source.paths, &options)?;
    let bar = progress(stream.sources_left());
    let mut report = IngestReport::default();
    let mut outlets = OutletLines::default();
    for (outlet, line) in store.outlet_boilerplate()? {
        outlets.insert_confirmed(&outlet, &line);
    }
    // Documents stored as they are, by this analysis, are not analysed again. The check reads
    // through a second connection while the writer holds the store; an in-memory store has
    // none, and `put_batch` still tells such documents apart after their analysis.
    let reader = store.reader()?;
    let mut learnt: Vec<(String, String)> = Vec::new();
    let mut sources_seen = stream.sources_left();
    let reject = |report: &mut IngestReport, origin: String, reason: String, bar: &ProgressBar| {
        bar.suspend(|| eprintln!("sitrep: rejected {origin}: {reason}"));
        report.rejected.push(Rejected { origin, reason });
    };
    let writes = std::thread::scope(|s| -> Result<Vec<(String, Put)>> {
        let (to_writer, batches) = std::sync::mpsc::sync_channel::<Vec<Prepared>>(1);
        let store = &mut *store;
        let writer = s.spawn(move || -> Result<Vec<(String, Put)>, sitrep_store::StoreError> {
            let mut out = Vec::new();
            if let Err(e) = write_all(store, batches, &engine.analysis, &mut out) {
                // What this run wrote since its last commit goes; the error is what counts.
                if store.in_transaction() {
                    let _ = store.rollback();
                }
                return Err(e);
            }
            Ok(out)
        });
        let mut batch: Vec<RawDoc> = Vec::with_capacity(BATCH);
        let mut text_bytes = 0;
        let mut analysed = Ok(());
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
                let todo = match &reader {
                    Some(r) => unchanged(engine, r, std::mem::take(&mut batch), &mut report)?,
                    None => std::mem::take(&mut batch),
                };
                text_bytes += todo.iter().map(|r| r.text.len()).sum::<usize>();
                if text_bytes >= DFA_AFTER_BYTES {
                    engine.dict.speed_up();
                }
                match analyse_batch(engine, todo, &mut outlets, &mut learnt, &mut report, &|o, r, rep| reject(rep, o, r, &bar)) {
                    // A closed channel means the writer stopped on an error, which joining tells.
                    Ok(docs) => {
                        if to_writer.send(docs).is_err() {
                            break;
                        }
                    }
                    Err(e) => {
                        analysed = Err(e);
                        break;
                    }
                }
            }
            if done {
                break;
            }
        }
        drop(to_writer);
        let written = writer.join().expect("the store writer does not panic")?;
        analysed?;
        Ok(written)
    })?;
    for (id, put) in writes {
        match put {
            Put::New => report.new += 1,
            Put::Replaced => report.replaced += 1,
            Put::Unchanged => report.unchanged += 1,
        }
        report.docs.push(id);
    }
    // Unchanged documents were listed as they were read, stored ones as the writer finished:
    // one order for both, whatever the threads did.
    report.docs.sort();
    bar.finish_and_clear();
    store.put_outlet_boilerplate(&learnt)?;
    report.seconds.documents = round_ms(started.elapsed().as_secs_f64());
    let started = std::time::Instant::now();
    // The log holds every page the documents' batches wrote; copying it into the store file is
    // a fifth of the corpus stage's time, and needs no result of it: it runs beside it.
    let checkpointer = store.checkpointer()?;
    report.corpus = std::thread::scope(|s| {
        let copying = checkpointer.map(|c| s.spawn(move || c.run()));
        let update = update_corpus(engine, store);
        // A checkpoint that could not run (the log busy) leaves the copy to closing the store:
        // nothing is lost, so its error is not the ingest's.
        if let Some(h) = copying {
            let _ = h.join().expect("a checkpoint does not panic");
        }
        update
    })?;
    report.seconds.corpus = round_ms(started.elapsed().as_secs_f64());
    Ok(report)
}

/// Documents written in one transaction, at most (and at most [`COMMIT_SECS`] apart): a commit
/// writes every page the transaction touched to the log, and the indexes' pages are touched by
/// batch after batch, so committing each batch of 64 wrote a quarter more.
const COMMIT_DOCS: usize = 1024;
const COMMIT_SECS: u64 = 2;

/// The writer thread's loop: store each analysed batch as it comes, committing every
/// [`COMMIT_DOCS`] documents or [`COMMIT_SECS`] seconds and at the end.
fn write_all(
    store: &mut Store,
    batches: std::sync::mpsc::Receiver<Vec<Prepared>>,
    analysis: &str,
    out: &mut Vec<(String, Put)>,
) -> Result<(), sitrep_store::StoreError> {
    let mut open: Option<(usize, std::time::Instant)> = None;
    for docs in batches {
        if open.is_none() {
            store.begin()?;
            open = Some((0, std::time::Instant::now()));
        }
        let puts = store.put_batch(&docs, analysis)?;
        let n = docs.len();
        out.extend(docs.into_iter().map(|d| d.id).zip(puts));
        if let Some((count, since)) = &mut open {
            *count += n;
            if *count >= COMMIT_DOCS || since.elapsed().as_secs() >= COMMIT_SECS {
                store.commit()?;
                open = None;
            }
        }
    }
    if open.is_some() {
        store.commit()?;
    }
    Ok(())
}

fn round_ms(s: f64) -> f64 {
    (s * 1000.0).round() / 1000.0
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
) -> Result<Vec<Prepared>, sitrep_store::StoreError> {
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
    // Rows are serialised here, in parallel, so that the store's one thread only writes.
    docs.into_par_iter().map(|(doc, raw)| Prepared::of(doc, raw)).collect::<Result<Vec<_>, _>>()
}

/// What one pass of the corpus stage did.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct CorpusUpdate {
    /// Documents that were new, changed or gone.
    pub pending: usize,
    /// Documents clustered again (from the earliest pending one's date and id on).
    pub replayed: usize,
    /// Stories written (new or changed) and removed.
    pub stories_written: usize,
    pub stories_removed: usize,
    /// Documents whose near-duplicate links were recomputed.
    pub dedup_checked: usize,
}

/// Bring the cross-document results up to date with the stored documents, incrementally.
///
/// Only what new, changed or removed documents can affect is recomputed: their near-duplicate
/// groups, and the stories from the earliest of them (in clustering order: date, then id) on.
/// Stories whose latest report is more than the window older than that are closed and left
/// alone; open ones are rebuilt from their earlier members, then the later documents are
/// clustered again in order. So the result is the one a full recompute over the same store
/// gives, whatever order documents arrived in; documents that arrive in date order cost only
/// themselves and the stories of the last weeks. Actor merging reads the store's actor pool,
/// kept up to date as documents are stored (work and memory follow the distinct actors).
pub fn update_corpus(engine: &Engine, store: &mut Store) -> Result<CorpusUpdate> {
    store.begin()?;
    match update_corpus_in(engine, store) {
        Ok(u) => {
            store.commit()?;
            Ok(u)
        }
        Err(e) => {
            let _ = store.rollback();
            Err(e)
        }
    }
}

fn update_corpus_in(engine: &Engine, store: &Store) -> Result<CorpusUpdate> {
    use sitrep_corpus::stories::{self, Clusterer, StoryState};
    let mut update = CorpusUpdate::default();

    // Actors: merged over the whole corpus; what changed decides which stories to relabel.
    let old_links = store.actor_links()?;
    let old_names: HashMap<String, String> = store.actors()?.into_iter().map(|a| (a.id, a.name)).collect();
    let (actors, merges) = store.actor_pool()?.merge(&|a, b| engine.dict.never_merge(a, b));
    let links: Vec<(String, String, String)> = merges.iter().map(|m| (m.from.clone(), m.into.clone(), m.why.clone())).collect();
    let link_map: HashMap<String, String> = links.iter().map(|(a, b, _)| (a.clone(), b.clone())).collect();
    let names: HashMap<String, String> = actors.iter().map(|a| (a.id.clone(), a.name.clone())).collect();
    let display = |links: &HashMap<String, String>, names: &HashMap<String, String>, id: &str| {
        let id = links.get(id).map(String::as_str).unwrap_or(id);
        names.get(id).cloned().or_else(|| engine.dict.name_of(id).map(str::to_string)).unwrap_or_else(|| id.to_string())
    };
    let name_of = |id: &str| display(&link_map, &names, id);
    let about: HashMap<&str, (sitrep_model::ActorKind, Option<String>)> =
        actors.iter().map(|a| (a.id.as_str(), (a.kind, a.country.clone()))).collect();
    let describe = |id: &str| about.get(link_map.get(id).map(String::as_str).unwrap_or(id)).cloned();
    let mut touched: BTreeSet<String> = BTreeSet::new();
    let keys: BTreeSet<&String> = old_names.keys().chain(names.keys()).chain(old_links.keys()).chain(link_map.keys()).collect();
    for k in keys {
        if display(&old_links, &old_names, k) != display(&link_map, &names, k) {
            touched.extend(store.stories_labelled_with(k)?);
        }
        if old_links.get(k) != link_map.get(k) {
            touched.extend(store.stories_with_actor(k)?);
        }
    }

    let pending = store.pending()?;
    update.pending = pending.len();
    // A stored document's story is written again even when its members stay the same: a
    // replaced report brings other events.
    let stored: Vec<String> = pending.iter().filter(|p| p.exists).map(|p| p.id.clone()).collect();
    touched.extend(store.stories_of_docs(&stored)?);

    // Everything from the earliest pending key (clustering order: date, then id) on is decided
    // again; what lies before it cannot depend on what changed.
    let from = pending
        .iter()
        .flat_map(|p| {
            let now = p.exists.then(|| (p.published.clone(), p.id.clone()));
            let then = p.clustered.clone().map(|d| (d, p.id.clone()));
            now.into_iter().chain(then)
        })
        .min();

    // Near-duplicates: replayed in order through an in-memory LSH index, from the near-duplicate
    // window before that key (those documents keep their links and only serve as originals).
    let mut changed = Vec::new();
    if let Some((from_date, from_id)) = &from {
        use sitrep_corpus::dedup;
        let since = from_date.as_deref().and_then(stories::day_number).map(|d| stories::day_date(d - dedup::WINDOW_DAYS));
        // Undated: every document is read (an undated copy may be of any report).
        let since = if from_date.is_some() { since } else { None };
        let key = (from_date.as_deref(), from_id.as_str());
        let mut index = dedup::Index::new();
        let mut roots: Vec<String> = Vec::new();
        let mut links: Vec<(String, Option<(String, f64)>)> = Vec::new();
        store.for_each_signature_since(since.as_deref(), |row: sitrep_store::SignatureRow| -> Result<()> {
            let day = row.published.as_deref().and_then(stories::day_number);
            let found = index.push(row.minhash, day);
            let root = if (row.published.as_deref(), row.id.as_str()) < key {
                row.copies.map_or_else(|| row.id.clone(), |(o, _)| o)
            } else {
                update.dedup_checked += 1;
                let link = found.map(|(earlier, s)| (roots[earlier as usize].clone(), s));
                if row.copies.as_ref().map(|(o, _)| o) != link.as_ref().map(|(o, _)| o) {
                    changed.push(row.id.clone());
                }
                if row.copies != link {
                    links.push((row.id.clone(), link.clone()));
                }
                link.map_or_else(|| row.id.clone(), |(o, _)| o)
            };
            roots.push(root);
            Ok(())
        })?;
        for p in pending.iter().filter(|p| !p.exists) {
            store.set_copy(&p.id, None)?;
        }
        for (id, link) in &links {
            store.set_copy(id, link.as_ref())?;
        }
    }
    touched.extend(store.stories_of_docs(&changed)?);

    // Stories: replay from the earliest pending key.
    let mut written: BTreeSet<String> = BTreeSet::new();
    let write = |anchor: &str, members: &[String], written: &mut BTreeSet<String>, update: &mut CorpusUpdate| -> Result<()> {
        let docs: Vec<sitrep_corpus::DocSummary> =
            members.iter().filter_map(|m| store.summary_of(m).transpose()).collect::<Result<_, _>>()?;
        let refs: Vec<&sitrep_corpus::DocSummary> = docs.iter().collect();
        let story = stories::story(&refs, &name_of, &describe);
        let mut copies = HashMap::new();
        for d in &docs {
            if let Some(c) = store.copy_of(&d.id)? {
                copies.insert(d.id.clone(), c);
            }
        }
        let support = sitrep_corpus::corroborate(&docs, std::slice::from_ref(&story), &link_map, &copies);
        let last = docs.iter().filter_map(stories::date_of).max();
        store.delete_story(anchor)?;
        store.put_story(anchor, last, &stories::label_keys(&refs, &describe), &story, &support)?;
        written.insert(anchor.to_string());
        update.stories_written += 1;
        Ok(())
    };
    if let Some((from_date, from_id)) = &from {
        let since = match from_date.as_deref().map(stories::day_number) {
            Some(Some(d)) => Some(d - stories::WINDOW_DAYS),
            _ => None, // undated: any story may be joined
        };
        let key = (from_date.as_deref(), from_id.as_str());
        let open = store.stories_open_since(since)?;
        let mut old: HashMap<String, Vec<String>> = HashMap::new();
        let mut clusterer = Clusterer::new();
        for story in open {
            let mut state = StoryState::default();
            for (doc, published) in &story.docs {
                if (published.as_deref(), doc.as_str()) >= key {
                    break;
                }
                if let Some(f) = store.features_of(doc)? {
                    state.add(doc, &f, published.as_deref().and_then(stories::day_number));
                }
            }
            old.insert(story.anchor.clone(), story.docs.into_iter().map(|(d, _)| d).collect());
            if !state.members.is_empty() {
                clusterer.seed(state);
            }
        }
        let flush = |states: Vec<StoryState>, written: &mut BTreeSet<String>, update: &mut CorpusUpdate| -> Result<()> {
            for s in states {
                let anchor = &s.members[0];
                if old.get(anchor) != Some(&s.members) || touched.contains(anchor) {
                    write(anchor, &s.members, written, update)?;
                } else {
                    written.insert(anchor.clone());
                }
            }
            Ok(())
        };
        // The replay (reading features, clustering) and the writing of the stories it closes
        // take about the same time: the replay reads through a connection of its own, on a
        // thread of its own, and hands closed stories over in order. It reads only documents
        // and their features, which this stage does not write. An in-memory store (one
        // connection) replays first and writes after.
        let replay = |reader: &Store, mut closed: Box<dyn FnMut(Vec<StoryState>) -> Result<()> + '_>| -> Result<usize> {
            let mut replayed = 0;
            reader.for_each_doc_from(Some(key), |id, published, f| {
                clusterer.add(&id, published.as_deref().and_then(stories::day_number), &f);
                replayed += 1;
                closed(clusterer.take_closed())
            })?;
            closed(clusterer.finish())?;
            Ok(replayed)
        };
        match store.reader()? {
            Some(reader) => std::thread::scope(|s| -> Result<()> {
                // A few dozen closed stories in flight at most: memory stays bounded.
                let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<StoryState>>(32);
                let send = move |states: Vec<StoryState>| -> Result<()> {
                    if !states.is_empty() {
                        tx.send(states)?;
                    }
                    Ok(())
                };
                let replaying = s.spawn(move || replay(&reader, Box::new(send)));
                let mut wrote = Ok(());
                for states in rx.iter() {
                    wrote = flush(states, &mut written, &mut update);
                    if wrote.is_err() {
                        break; // dropping the receiver stops the replay
                    }
                }
                drop(rx);
                let replayed = replaying.join().expect("the replay does not panic");
                wrote?;
                update.replayed += replayed?;
                Ok(())
            })?,
            None => {
                let mut all = Vec::new();
                update.replayed += replay(
                    store,
                    Box::new(|states| {
                        all.extend(states);
                        Ok(())
                    }),
                )?;
                flush(all, &mut written, &mut update)?;
            }
        }
        for anchor in old.keys().filter(|a| !written.contains(*a)) {
            store.delete_story(anchor)?;
            update.stories_removed += 1;
        }
    }
    // Stories no document joined or left, whose labels, corroboration or copies changed.
    let rest: Vec<&String> = touched.iter().filter(|a| !written.contains(*a)).collect();
    for anchor in rest {
        let members = store.story_members(anchor)?;
        if !members.is_empty() {
            write(anchor, &members, &mut written, &mut update)?;
        }
    }
    store.put_actors(&actors, &links)?;
    store.clear_pending()?;
    Ok(update)
}
