//! A file of requests as `himrec compare` and `himrec eval --profiles` read
//! it: JSON Lines, one `RecommendRequest` per line in the proto3 JSON
//! mapping (what the HTTP/JSON door takes; a platform's own export), each
//! checked as the server checks it.

use std::path::Path;

use anyhow::Context;

use himrec::catalog::Catalog;
use himrec::config::Limits;
use himrec::error::RequestError;
use himrec::pb;
use himrec::rank::{Query, QueryInput};

/// The non-empty lines of a request file, with their line numbers.
pub(crate) struct RequestFile {
    lines: Vec<(usize, String)>,
}

impl RequestFile {
    /// Reads `path`.
    pub(crate) fn read(path: &Path) -> anyhow::Result<Self> {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let lines = text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| (i + 1, l.to_owned()))
            .collect();
        Ok(Self { lines })
    }

    /// How many requests (non-empty lines) the file holds.
    pub(crate) fn len(&self) -> usize {
        self.lines.len()
    }

    /// Each line's number and its request checked against `catalog` with
    /// the server's default limits, or why it is refused (field by field,
    /// as INVALID_ARGUMENT would name them).
    pub(crate) fn queries<'a>(
        &'a self,
        catalog: &'a Catalog,
    ) -> impl Iterator<Item = (usize, anyhow::Result<Query>)> + 'a {
        let max_skills = Limits::default().max_skills;
        self.lines
            .iter()
            .map(move |(number, line)| (*number, self.query(line, catalog, max_skills)))
    }

    fn query(&self, line: &str, catalog: &Catalog, max_skills: usize) -> anyhow::Result<Query> {
        let request: pb::RecommendRequest = serde_json::from_str(line)?;
        QueryInput::from(request)
            .check(catalog, max_skills)
            .map_err(|err| match err {
                RequestError::InvalidArgument(violations) => {
                    let named: Vec<String> = violations
                        .iter()
                        .map(|v| format!("{}: {}", v.field, v.description))
                        .collect();
                    anyhow::anyhow!(named.join("; "))
                }
                other => other.into(),
            })
    }
}
