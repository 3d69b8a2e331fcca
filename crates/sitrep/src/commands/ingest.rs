//! `sitrep ingest` and `sitrep run`.

use std::io::Write;

use anyhow::Result;
use sitrep_store::Store;

use crate::cli::{Cli, RunArgs};
use crate::pipeline::{self, Engine, IngestReport};

/// Exit status: 0 when some documents are in the store, 1 when none could be stored.
pub fn exit_code(report: &IngestReport) -> i32 {
    if report.stored() > 0 { 0 } else { 1 }
}

fn open(cli: &Cli) -> Result<(&'static Engine, Store)> {
    let engine = Engine::load(&cli.dicts, &cli.verbs)?;
    let store = Store::open(&cli.db)?;
    Ok((engine, store))
}

pub fn summary_line(r: &IngestReport) -> String {
    format!(
        "read {} documents: {} new, {} replaced, {} unchanged; {} rejected",
        r.read + r.rejected.len(),
        r.new,
        r.replaced,
        r.unchanged,
        r.rejected.len()
    )
}

pub fn ingest(cli: &Cli, args: &RunArgs) -> Result<i32> {
    let (engine, mut store) = open(cli)?;
    let report = pipeline::ingest(engine, &mut store, &args.source)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        writeln!(out, "sitrep: {} into {}", summary_line(&report), cli.db.display())?;
    }
    Ok(exit_code(&report))
}

pub fn run(cli: &Cli, args: &RunArgs) -> Result<i32> {
    let (engine, mut store) = open(cli)?;
    let report = pipeline::ingest(engine, &mut store, &args.source)?;
    let briefing = super::briefing::build(&store, &report, args.top)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &briefing)?;
        writeln!(out)?;
    } else {
        super::briefing::print(&mut out, &briefing, &cli.db)?;
    }
    Ok(exit_code(&report))
}
