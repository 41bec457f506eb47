//! Why a model could not be trained or evaluated.

use std::path::PathBuf;

use himrec_domain::model::ModelError;

/// Why training stopped. Every variant carries what went wrong, so the
/// caller can say which setting, file or career path to fix.
#[derive(Debug, thiserror::Error)]
pub enum TrainingError {
    /// The training settings are out of range.
    #[error("training failed: {reason}")]
    Settings {
        /// Which setting and its range.
        reason: &'static str,
    },
    /// A career path has no rows to learn it from.
    #[error(
        "training failed: career path {soc_code} has no training rows: sample more rows, or mix in the public prior"
    )]
    NoRows {
        /// The path's O*NET-SOC code.
        soc_code: String,
    },
    /// An input file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The operator's outcome records cannot be used as a whole.
    #[error("training failed: {}: {reason}", path.display())]
    Outcomes {
        /// The file.
        path: PathBuf,
        /// What is wrong, with the line where one applies.
        reason: String,
    },
    /// The optimiser failed.
    #[error("training failed: {0}")]
    Fit(#[from] linfa_logistic::error::Error),
    /// The fitted model could not be written out for its version hash.
    #[error("training failed: {0}")]
    Encode(#[from] serde_json::Error),
    /// The trained model does not load or does not fit the catalog.
    #[error(transparent)]
    Model(#[from] ModelError),
}
