//! Client-side helpers: the generated client is `pb::recommender_client`;
//! this reads the profile files that `himrec recommend` and the benchmarks
//! send.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{bail, Context};
use serde::Deserialize;

use crate::pb;
use himrec_domain::profile::EducationLevel;
use himrec_domain::riasec::Riasec;

/// A profile file: the `Profile` message in JSON, with the education level
/// written as a word (`"bachelor"`) or the enum name.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileFile {
    #[serde(default)]
    skills: HashMap<String, f64>,
    interests: Option<Riasec<f64>>,
    interest_profiler: Option<Riasec<u32>>,
    #[serde(default)]
    highest_education: Option<String>,
    #[serde(default)]
    credentials: Vec<String>,
    #[serde(default)]
    state: String,
}

/// The `EducationLevel` code of a word such as `bachelor` or an enum name.
pub fn education_code(word: &str) -> anyhow::Result<i32> {
    match EducationLevel::from_name(word) {
        Some(level) => Ok(level as i32),
        None => bail!(
            "unknown highest_education {word:?}: use e.g. \"associate\", \"bachelor\", \"master\""
        ),
    }
}

/// Reads a profile file (see `examples/profile.json`) as a `Profile`.
pub fn read_profile_file(path: &Path) -> anyhow::Result<pb::Profile> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let file: ProfileFile =
        serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
    Ok(pb::Profile {
        skills: file.skills,
        interests: file.interests.map(Into::into),
        interest_profiler: file.interest_profiler.map(Into::into),
        highest_education: file
            .highest_education
            .as_deref()
            .map(education_code)
            .transpose()?
            .unwrap_or(0),
        credentials: file.credentials,
        state: file.state,
    })
}
