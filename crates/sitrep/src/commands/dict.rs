//! `sitrep dict import-petrarch`: bring PETRARCH/TABARI (CAMEO) dictionaries into our formats.
//!
//! Actor and agent files become one sectioned `actors.yaml` (for `--dict`), verb files one
//! `verbs.yaml` (for `--verbs`). The kind of each file is read from its content unless `--kind`
//! says it. A summary says what was read, written and skipped (with the reasons); errors name
//! the file and line and never stop the import.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::{Args, Subcommand, ValueEnum};
use sitrep_actors::dictionary::petrarch as actors;
use sitrep_events::lexicon::petrarch as verbs;

#[derive(Args, Debug)]
pub struct DictArgs {
    #[command(subcommand)]
    pub command: DictCommand,
}

#[derive(Subcommand, Debug)]
pub enum DictCommand {
    /// Import PETRARCH/TABARI actor, agent and verb dictionaries into our YAML formats.
    ImportPetrarch(ImportArgs),
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// PETRARCH dictionary files (actors, agents, verbs; the kind is read from the content).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Folder to write `actors.yaml` and `verbs.yaml` into.
    #[arg(long, default_value = "dictionaries/imported")]
    pub out: PathBuf,
    /// The kind of every file given, instead of reading it from the content.
    #[arg(long, value_enum)]
    pub kind: Option<Kind>,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum Kind {
    Actors,
    Agents,
    Verbs,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Actors => "actors",
            Kind::Agents => "agents",
            Kind::Verbs => "verbs",
        }
    }
}

/// Read a file's kind from its lines: verb blocks (`--- VERB [..] ---`, `- pattern`), agent
/// codes (`[~GOV]`, `!SET! = ...`) or actor codes (`[PAKGOV]`).
pub fn detect(text: &str) -> Option<Kind> {
    let (mut verb, mut agent, mut actor) = (0usize, 0usize, 0usize);
    for line in text.lines().map(str::trim) {
        if line.starts_with('#') || line.starts_with("<!") || line.is_empty() {
            continue;
        }
        if line.starts_with("<ISSUE") {
            return None;
        }
        if line.starts_with("---") && line.contains('[') {
            verb += 10;
        } else if line.starts_with("- ") && line.contains('[') {
            verb += 2;
        } else if line.contains("[~") || line.contains("~]") || (line.starts_with('!') && line.contains("! =")) {
            agent += 1;
        } else if line.contains('[') {
            actor += 1;
        }
    }
    let best = [(verb, Kind::Verbs), (agent, Kind::Agents), (actor, Kind::Actors)].into_iter().max_by_key(|(n, _)| *n)?;
    (best.0 > 0).then_some(best.1)
}

pub fn import(a: &DictArgs) -> Result<i32> {
    let DictCommand::ImportPetrarch(args) = &a.command;
    let mut actor_imp = actors::Importer::default();
    let mut verb_imp = verbs::Importer::new()?;
    let (mut actor_files, mut verb_files, mut bad) = (Vec::new(), Vec::new(), Vec::new());
    for path in &args.files {
        let name = path.display().to_string();
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                bad.push(format!("{name}: {e}"));
                continue;
            }
        };
        // Old dictionaries mix encodings: read what is UTF-8, replace the rest.
        let text = String::from_utf8_lossy(&bytes);
        let Some(kind) = args.kind.or_else(|| detect(&text)) else {
            bad.push(format!("{name}: not a PETRARCH actor, agent or verb dictionary (use --kind to say which)"));
            continue;
        };
        println!("{name}: {}", kind.as_str());
        match kind {
            Kind::Actors => actor_imp.add_actors(&name, &text),
            Kind::Agents => actor_imp.add_agents(&name, &text),
            Kind::Verbs => verb_imp.add(&name, &text),
        }
        if kind == Kind::Verbs { verb_files.push(name) } else { actor_files.push(name) }
    }
    let mut wrote = false;
    if !actor_files.is_empty() {
        let (file, report) = actor_imp.finish()?;
        let target = args.out.join("actors.yaml");
        if !file.is_empty() {
            write(&target, &actor_files, "--dict", &file.to_yaml())?;
            wrote = true;
        }
        let parts: Vec<String> = report.written.iter().map(|(k, n)| format!("{k} {n}")).collect();
        println!(
            "actors and agents: {} entries read; written: {} -> {}",
            report.read,
            if parts.is_empty() { "nothing".into() } else { parts.join(", ") },
            target.display()
        );
        summary(report.skipped_total(), &report.skipped, &report.notes);
        bad.extend(report.errors);
    }
    if !verb_files.is_empty() {
        let (rows, report) = verb_imp.finish();
        let target = args.out.join("verbs.yaml");
        if !rows.is_empty() {
            write(&target, &verb_files, "--verbs", &verbs_yaml(&rows))?;
            wrote = true;
        }
        println!("verbs: {} entries read; {} patterns written -> {}", report.read, report.written, target.display());
        summary(report.skipped.values().sum(), &report.skipped, &report.notes);
        bad.extend(report.errors);
    }
    if !bad.is_empty() {
        println!("errors: {} (listed on standard error)", bad.len());
        for e in &bad {
            eprintln!("sitrep: {e}");
        }
    }
    Ok(if wrote { 0 } else { 1 })
}

fn verbs_yaml(rows: &[verbs::VerbRow]) -> String {
    // The rows are plain data; one flow mapping per line keeps the file readable like ours.
    let mut out = String::new();
    for r in rows {
        out.push_str(&format!(
            "- {{pattern: {}, type: {}, mode: {}, cameo: \"{}\", reverse: {}}}\n",
            quote(&r.pattern),
            r.kind,
            r.mode.as_deref().unwrap_or("null"),
            r.cameo,
            r.reverse
        ));
    }
    out
}

/// A YAML scalar for a pattern: plain when safe, else double-quoted.
fn quote(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars().all(|c| c.is_alphanumeric() || matches!(c, ' ' | '*' | '-' | '.'))
        && !s.starts_with(['*', '-', ' '])
        && !matches!(s, "null" | "true" | "false" | "yes" | "no" | "on" | "off");
    if plain { s.to_string() } else { format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\"")) }
}

fn summary(total: usize, skipped: &std::collections::BTreeMap<String, usize>, notes: &std::collections::BTreeMap<String, usize>) {
    if total > 0 {
        println!("  skipped {total}:");
        let mut reasons: Vec<_> = skipped.iter().collect();
        reasons.sort_by(|a, b| b.1.cmp(a.1));
        for (why, n) in reasons {
            println!("    {n:>6}  {why}");
        }
    }
    for (what, n) in notes {
        println!("  note: {what} ({n})");
    }
}

fn write(target: &Path, from: &[String], flag: &str, body: &str) -> Result<()> {
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let head = format!(
        "# Imported by `sitrep dict import-petrarch` from:\n{}# Use it with `sitrep {flag} {}`.\n",
        from.iter().map(|f| format!("#   {f}\n")).collect::<String>(),
        target.display()
    );
    std::fs::write(target, head + body).with_context(|| format!("writing {}", target.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_content() {
        assert_eq!(detect("<!-- x -->\nHAMAS [PSEREBHMS]\n+HAMAS_MOVEMENT\nISRAEL [ISR]\n"), Some(Kind::Actors));
        assert_eq!(detect("!PERSON! = MAN, WOMAN\nPOLICE {} [~COP]\nTROOPS [~MIL]\n"), Some(Kind::Agents));
        assert_eq!(detect("&SET\n+A\n--- ATTACK [190] ---\nATTACK\n- * TOWN [190]\n"), Some(Kind::Verbs));
        assert_eq!(detect("MONTHS LATER\n+TYPHOON\n"), None);
        assert_eq!(detect("<ISSUE CATEGORY=\"X\">\nn:school [SCHOOLS]\n"), None);
    }

    #[test]
    fn patterns_quoted_when_needed() {
        assert_eq!(quote("restore * diplomatic ties"), "restore * diplomatic ties");
        assert_eq!(quote("did n't agree"), "\"did n't agree\"");
        assert_eq!(quote("null"), "\"null\"");
    }
}
