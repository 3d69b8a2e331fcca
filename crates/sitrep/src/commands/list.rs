//! `sitrep events`, `sitrep actors`, `sitrep stories`.

use anyhow::{Result, bail};
use sitrep_model::{EventType, Status};
use sitrep_store::{EventFilter, Store};

use crate::cli::{ActorArgs, Cli, EventArgs, StoryArgs};
use crate::output;

fn open_existing(cli: &Cli) -> Result<Store> {
    if !cli.db.exists() {
        bail!("{}: no store here; run `sitrep ingest PATH` first (or pass --db)", cli.db.display());
    }
    Ok(Store::open(&cli.db)?)
}

pub fn events(cli: &Cli, a: &EventArgs) -> Result<i32> {
    let store = open_existing(cli)?;
    let mut kinds = Vec::new();
    for k in &a.kinds {
        match EventType::parse(k) {
            Some(t) => kinds.push(t),
            None => bail!("unknown event type {k:?}; one of {}", EventType::ALL.map(|t| t.as_str()).join(", ")),
        }
    }
    let mut statuses = Vec::new();
    for s in &a.status {
        match Status::parse(s) {
            Some(t) => statuses.push(t),
            None => bail!("unknown status {s:?}; one of {}", Status::ALL.map(|t| t.as_str()).join(", ")),
        }
    }
    let filter = EventFilter {
        actor: a.actor.clone(),
        dyad: a.dyad.clone(),
        kinds,
        statuses,
        since: a.since.clone(),
        until: a.until.clone(),
        doc: a.doc.clone(),
    };
    let events = store.events(&filter)?;
    output::write(&mut std::io::stdout().lock(), a.format, &events)?;
    Ok(0)
}

pub fn actors(cli: &Cli, a: &ActorArgs) -> Result<i32> {
    let store = open_existing(cli)?;
    let actors = store.actors()?;
    if let Some(name) = &a.explain {
        return super::explain::explain(&mut std::io::stdout().lock(), &store, &actors, name);
    }
    output::write(&mut std::io::stdout().lock(), a.format, &actors)?;
    Ok(0)
}

pub fn stories(cli: &Cli, a: &StoryArgs) -> Result<i32> {
    let store = open_existing(cli)?;
    let stories = store.stories()?;
    if a.contradictions {
        return super::contradictions::print(&mut std::io::stdout().lock(), &store, &stories, a.format);
    }
    output::write(&mut std::io::stdout().lock(), a.format, &stories)?;
    Ok(0)
}
