//! Why a configuration cannot be used.

/// A configuration that cannot be used: every problem found, each naming
/// its key (`"{key}: {why}"`). Displayed as the problems joined by `"; "`,
/// so an error with one problem reads as that problem alone.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", problems.join("; "))]
pub struct ConfigError {
    /// The problems, in the order the settings are checked; never empty.
    pub problems: Vec<String>,
}

impl ConfigError {
    /// An error of one problem, e.g. a file that cannot be read or parsed.
    pub fn one(problem: impl Into<String>) -> Self {
        Self {
            problems: vec![problem.into()],
        }
    }
}
