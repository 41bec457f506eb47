//! Why a model could not be loaded or checked.

use std::path::PathBuf;

/// Why a model could not be loaded or checked. Each variant says what to
/// fix: the file, its content, or the data it was trained on.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The file could not be read or written.
    #[error("cannot access model {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The file is not JSON of an artifact.
    #[error("model {path} is corrupt: {source}")]
    Json {
        /// The file.
        path: PathBuf,
        /// Where and why parsing failed.
        #[source]
        source: serde_json::Error,
    },
    /// The artifact was written in another format version.
    #[error("model {path} is corrupt: format version {found} is not {expected}")]
    Format {
        /// The file.
        path: PathBuf,
        /// The version this build reads.
        expected: u32,
        /// The version in the file.
        found: u32,
    },
    /// The artifact's parts do not agree with each other.
    #[error("model {path} is corrupt: {reason}")]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// The artifact scores other career paths, or from other features,
    /// than the catalog has: it was trained on other data.
    #[error("model does not match the catalog: model {what} {found:?} differ from the catalog's {expected:?}")]
    Mismatch {
        /// `classes` or `features`.
        what: &'static str,
        /// The catalog's, in order.
        expected: Vec<String>,
        /// The model's, in order.
        found: Vec<String>,
    },
}
