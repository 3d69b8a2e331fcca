//! Reading `verbs.yaml` and `cameo.yaml`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("{path}: {message}")]
    Parse { path: String, message: String },
    #[error("{0}: {1}")]
    Io(PathBuf, std::io::Error),
}

#[derive(Clone, Debug, Deserialize)]
pub struct PatternRow {
    pub pattern: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub mode: Option<String>,
    pub cameo: String,
    #[serde(default)]
    pub reverse: bool,
}

#[derive(Clone, Debug, Deserialize)]
struct CameoRow {
    code: String,
    goldstein: f64,
}

fn parse<T: serde::de::DeserializeOwned>(path: &str, text: &str) -> Result<T, LexiconError> {
    serde_yaml_ng::from_str(text).map_err(|e| LexiconError::Parse { path: path.into(), message: e.to_string() })
}

pub const BUILTIN_VERBS: &str = include_str!("../../../../dictionaries/verbs.yaml");
pub const BUILTIN_CAMEO: &str = include_str!("../../../../dictionaries/cameo.yaml");

pub fn builtin_patterns() -> Result<Vec<PatternRow>, LexiconError> {
    parse("dictionaries/verbs.yaml", BUILTIN_VERBS)
}

/// A user's pattern file, with its text (for the lexicon's fingerprint).
pub fn pattern_file(path: &Path) -> Result<(Vec<PatternRow>, String), LexiconError> {
    let text = std::fs::read_to_string(path).map_err(|e| LexiconError::Io(path.to_path_buf(), e))?;
    Ok((parse(&path.display().to_string(), &text)?, text))
}

pub fn builtin_cameo() -> Result<HashMap<String, f64>, LexiconError> {
    let rows: Vec<CameoRow> = parse("dictionaries/cameo.yaml", BUILTIN_CAMEO)?;
    Ok(rows.into_iter().map(|r| (r.code, r.goldstein)).collect())
}
