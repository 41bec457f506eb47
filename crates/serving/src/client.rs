//! Client-side helpers: the generated client is `pb::recommender_client`;
//! this reads the profile files that `himrec recommend` and the benchmarks
//! send.

use std::path::Path;

use anyhow::{anyhow, Context};

use crate::pb;
use himrec_domain::profile::ProfileFile;

/// Reads a profile file (see `examples/profile.json`): the `Profile`
/// message in JSON, with the education level and the goal as words
/// (`"bachelor"`, `"advance"`) or their enum names.
pub fn read_profile_file(path: &Path) -> anyhow::Result<pb::Profile> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let input = ProfileFile::parse(&text)
        .and_then(ProfileFile::into_input)
        .map_err(|e| anyhow!(e))
        .with_context(|| format!("parsing {}", path.display()))?;
    Ok(input.into())
}
