//! The command line.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(name = "sitrep", version, about = "Turn raw news into sourced event data and an actor graph")]
pub struct Cli {
    /// The store: a SQLite file.
    #[arg(long, global = true, env = "SITREP_DB", default_value = "sitrep.db")]
    pub db: PathBuf,
    /// Extra actor dictionaries (YAML, same format as ours); repeatable.
    #[arg(long = "dict", global = true)]
    pub dicts: Vec<PathBuf>,
    /// Extra event pattern files (YAML, the format of dictionaries/verbs.yaml); repeatable.
    #[arg(long = "verbs", global = true)]
    pub verbs: Vec<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Ingest sources and print a briefing (the main job).
    Run(RunArgs),
    /// Add documents to the store (the same content is stored once).
    Ingest(RunArgs),
    /// List stored events.
    Events(EventArgs),
    /// List actors across the corpus.
    Actors(ActorArgs),
    /// List stories (reports grouped by story).
    Stories(StoryArgs),
    /// Print what the text and actor stages see, one JSON object per document (no store).
    Extract(ExtractArgs),
    /// Show one stored article with its events, or what cleaning removed.
    Show(ShowArgs),
    /// How much two articles report the same story, as JSON (no store).
    Similar(SimilarArgs),
    /// Dictionary tools: `import-petrarch` brings PETRARCH/TABARI dictionaries into our formats.
    Dict(crate::commands::dict::DictArgs),
}

#[derive(Args, Debug, Clone)]
pub struct SourceArgs {
    /// Files or folders to read; `-` reads standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Largest document accepted, in bytes.
    #[arg(long, default_value_t = 16 * 1024 * 1024)]
    pub max_bytes: usize,
    /// JSON Lines field holding the text (default: text, body, content, article).
    #[arg(long)]
    pub text_field: Option<String>,
    /// JSON Lines field holding the id (default: id, doc, guid, uuid).
    #[arg(long)]
    pub id_field: Option<String>,
    /// JSON Lines field holding the publication date.
    #[arg(long)]
    pub date_field: Option<String>,
    /// JSON Lines field holding the title.
    #[arg(long)]
    pub title_field: Option<String>,
}

#[derive(Args, Debug)]
pub struct RunArgs {
    #[command(flatten)]
    pub source: SourceArgs,
    /// Print the briefing (or the ingest summary) as JSON.
    #[arg(long)]
    pub json: bool,
    /// Key events to list in the briefing.
    #[arg(long, default_value_t = 12)]
    pub top: usize,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Table,
    Jsonl,
    Csv,
}

#[derive(Args, Debug)]
pub struct ListArgs {
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Args, Debug)]
pub struct StoryArgs {
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Show, per story, the facts its reports disagree on, side by side.
    #[arg(long)]
    pub contradictions: bool,
}

#[derive(Args, Debug)]
pub struct ActorArgs {
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Explain how an actor was resolved: its forms, roles, merges and near misses.
    #[arg(long, value_name = "NAME")]
    pub explain: Option<String>,
}

#[derive(Args, Debug)]
pub struct EventArgs {
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Events where this actor (id, name or country code) is source or target.
    #[arg(long)]
    pub actor: Option<String>,
    /// Events between two actors, either direction: `--dyad PAK,AFG`.
    #[arg(long, value_parser = parse_dyad)]
    pub dyad: Option<(String, String)>,
    /// PLOVER types, comma-separated (`ASSAULT,COERCE`).
    #[arg(long = "type", value_delimiter = ',')]
    pub kinds: Vec<String>,
    /// Statuses, comma-separated (`asserted,reported`).
    #[arg(long, value_delimiter = ',')]
    pub status: Vec<String>,
    /// Events dated on or after (YYYY-MM-DD).
    #[arg(long)]
    pub since: Option<String>,
    /// Events dated on or before (YYYY-MM-DD).
    #[arg(long)]
    pub until: Option<String>,
    /// Events of one document.
    #[arg(long)]
    pub doc: Option<String>,
}

fn parse_dyad(s: &str) -> Result<(String, String), String> {
    match s.split_once(',') {
        Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => Ok((a.trim().to_string(), b.trim().to_string())),
        _ => Err("expected two actors separated by a comma, e.g. PAK,AFG".into()),
    }
}

#[derive(Args, Debug)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub source: SourceArgs,
}

#[derive(Args, Debug)]
pub struct SimilarArgs {
    /// The first article (any readable format; the first document in it is used).
    pub a: std::path::PathBuf,
    /// The second article.
    pub b: std::path::PathBuf,
}

#[derive(Args, Debug)]
pub struct ShowArgs {
    /// Document id.
    pub doc: String,
    /// List what cleaning removed, and why.
    #[arg(long)]
    pub removed: bool,
}
