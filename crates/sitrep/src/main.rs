//! sitrep: turn raw news into sourced event data and an actor graph.
//!
//! Exit codes: 0 success; 1 nothing could be stored (every document rejected) or a command
//! failed; 2 bad usage (unknown flag, missing path).

mod cli;
mod commands;
mod output;
mod pipeline;

use clap::Parser;

use cli::{Cli, Command};

/// The analysis allocates many short-lived strings and vectors per sentence; mimalloc's
/// thread-local free lists make that markedly cheaper than glibc's malloc (see
/// docs/benchmarks.md, Throughput).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    // Panics inside a document's analysis are caught and reported as a rejection; keep the
    // default hook's backtrace out of the user's terminal.
    if std::env::var_os("RUST_BACKTRACE").is_none() {
        std::panic::set_hook(Box::new(|info| {
            eprintln!("sitrep: internal error: {info}");
        }));
    }
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Run(a) | Command::Ingest(a) => {
            if let Some(missing) = a.source.paths.iter().find(|p| p.as_os_str() != "-" && !p.exists()) {
                eprintln!("sitrep: {}: no such file or folder", missing.display());
                std::process::exit(2);
            }
            if matches!(cli.command, Command::Run(_)) { commands::ingest::run(&cli, a) } else { commands::ingest::ingest(&cli, a) }
        }
        Command::Events(a) => commands::list::events(&cli, a),
        Command::Actors(a) => commands::list::actors(&cli, a),
        Command::Stories(a) => commands::list::stories(&cli, a),
        Command::Extract(a) => commands::extract::extract(&cli, a),
        Command::Show(a) => commands::show::show(&cli, a),
        Command::Similar(a) => commands::similar::similar(&cli, a),
        Command::Dict(a) => commands::dict::import(a),
    };
    match result {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            // A closed pipe (`sitrep events | head`) is not an error.
            let broken_pipe = e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
                    || c.downcast_ref::<serde_json::Error>().and_then(|j| j.io_error_kind()) == Some(std::io::ErrorKind::BrokenPipe)
                    || c.downcast_ref::<csv::Error>()
                        .is_some_and(|c| matches!(c.kind(), csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe))
            });
            if broken_pipe {
                std::process::exit(0);
            }
            eprintln!("sitrep: {e:#}");
            std::process::exit(1);
        }
    }
}
