//! Why a catalog could not be loaded.

use std::path::{Path, PathBuf};

/// Why a catalog could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// A file's content is wrong.
    #[error("{path}:{line}: {reason}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// 1-based line, or 0 where no line applies.
        line: u64,
        /// What is wrong.
        reason: String,
    },
}

impl CatalogError {
    pub(crate) fn at(path: &Path, line: u64, reason: String) -> Self {
        Self::Invalid {
            path: path.to_path_buf(),
            line,
            reason,
        }
    }
}
