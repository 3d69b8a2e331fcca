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
/// The same files as JSON, made by the build (`build.rs`): parsed several times faster.
const BUILTIN_VERBS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/verbs.json"));
const BUILTIN_CAMEO_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/cameo.json"));
pub(crate) const BUILTIN_CAMEO_PLOVER_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/cameo-plover.json"));

/// A built-in file, from the JSON the build made of its YAML.
pub(crate) fn parse_built<T: serde::de::DeserializeOwned>(path: &str, json: &str) -> Result<T, LexiconError> {
    serde_json::from_str(json).map_err(|e| LexiconError::Parse { path: path.into(), message: e.to_string() })
}

pub fn builtin_patterns() -> Result<Vec<PatternRow>, LexiconError> {
    parse_built("dictionaries/verbs.yaml", BUILTIN_VERBS_JSON)
}

/// A user's pattern file, with its text (for the lexicon's fingerprint).
pub fn pattern_file(path: &Path) -> Result<(Vec<PatternRow>, String), LexiconError> {
    let text = std::fs::read_to_string(path).map_err(|e| LexiconError::Io(path.to_path_buf(), e))?;
    Ok((parse(&path.display().to_string(), &text)?, text))
}

pub fn builtin_cameo() -> Result<HashMap<String, f64>, LexiconError> {
    let rows: Vec<CameoRow> = parse_built("dictionaries/cameo.yaml", BUILTIN_CAMEO_JSON)?;
    Ok(rows.into_iter().map(|r| (r.code, r.goldstein)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The JSON the build writes is read into the very rows the YAML gives.
    #[test]
    fn built_in_json_reads_as_the_yaml() {
        fn same<T: serde::de::DeserializeOwned + std::fmt::Debug>(path: &str, yaml: &str, json: &str) {
            let from_yaml: Vec<T> = parse(path, yaml).unwrap();
            let from_json: Vec<T> = parse_built(path, json).unwrap();
            assert!(!from_yaml.is_empty(), "{path}");
            assert_eq!(format!("{from_yaml:?}"), format!("{from_json:?}"), "{path}");
        }
        same::<PatternRow>("verbs", BUILTIN_VERBS, BUILTIN_VERBS_JSON);
        same::<CameoRow>("cameo", BUILTIN_CAMEO, BUILTIN_CAMEO_JSON);
        let plover = include_str!("../../../../dictionaries/cameo-plover.yaml");
        same::<super::super::petrarch::MapRow>("cameo-plover", plover, BUILTIN_CAMEO_PLOVER_JSON);
    }
}
