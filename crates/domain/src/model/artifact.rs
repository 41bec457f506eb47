//! The saved model: each path's fit (the weights of a linfa logistic
//! regression per path and the quantiles of its sampled people) and the
//! share's fitted linfa multinomial logistic regression, with everything
//! needed to check, explain and reproduce them.

use std::path::{Path, PathBuf};

use linfa_logistic::MultiFittedLogisticRegression;
use serde::{Deserialize, Serialize};

use super::fit::{FitParams, QUANTILES};
use super::report::{EvalReport, Evaluation, OutcomesRecord};
use super::ModelError;

/// Format of the artifact file; bumped when its layout changes.
pub const FORMAT_VERSION: u32 = 2;

/// A data file the model was trained from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataFile {
    /// Path under the data folder.
    pub path: String,
    /// SHA-256 of its bytes, hex.
    pub sha256: String,
}

/// How the model was trained.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainingRecord {
    /// Seed of the sampled training set.
    pub seed: u64,
    /// Rows sampled in all.
    pub rows: usize,
    /// Share of them held out.
    pub test_fraction: f64,
    /// Rows used for fitting.
    pub training_rows: usize,
    /// Rows held out for evaluation.
    pub test_rows: usize,
    /// L2 penalty.
    pub alpha: f64,
    /// Optimiser iteration cap.
    pub max_iterations: u64,
    /// Version of himrec that trained it.
    pub code_version: String,
    /// Every input file with its hash.
    pub data_files: Vec<DataFile>,
    /// SHA-256 over all input files' hashes, hex.
    pub data_sha256: String,
    /// The operator's outcome records, when the model was trained on them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcomes: Option<OutcomesRecord>,
}

/// The artifact written to `models/`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelArtifact {
    /// [`FORMAT_VERSION`] at writing.
    pub format_version: u32,
    /// Version string served to clients.
    pub model_version: String,
    /// The learning algorithms: of each path's fit and of the share.
    pub algorithm: String,
    /// O*NET-SOC codes, in class order.
    pub classes: Vec<String>,
    /// Feature names, in order.
    pub features: Vec<String>,
    /// The reference profile explanations are relative to: the mean
    /// feature vector of the training rows. Unknown interests and education
    /// are filled from it.
    pub reference: Vec<f64>,
    /// How it was trained.
    pub training: TrainingRecord,
    /// Held-out evaluation of the model and the baselines.
    pub evaluation: EvalReport,
    /// The fitted linfa model: the share of each path.
    pub model: MultiFittedLogisticRegression<f64, usize>,
    /// Each path's fit ([`super::fit`]).
    pub fit: FitParams,
}

impl ModelArtifact {
    /// The model's and the baselines' figures on full held-out profiles.
    pub fn evaluations(&self) -> &[Evaluation] {
        self.evaluation
            .slices
            .first()
            .map_or(&[], |s| s.evaluations.as_slice())
    }

    /// Writes the artifact as pretty JSON. The same artifact always gives
    /// the same bytes.
    pub fn save(&self, path: &Path) -> Result<(), ModelError> {
        let text = serde_json::to_string_pretty(self).map_err(|source| ModelError::Json {
            path: path.to_path_buf(),
            source,
        })?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| io(path, source))?;
        }
        std::fs::write(path, text + "\n").map_err(|source| io(path, source))
    }

    /// Reads an artifact and checks its own consistency.
    pub fn load(path: &Path) -> Result<Self, ModelError> {
        let text = std::fs::read_to_string(path).map_err(|source| io(path, source))?;
        let artifact: Self = serde_json::from_str(&text).map_err(|source| ModelError::Json {
            path: path.to_path_buf(),
            source,
        })?;
        let corrupt = |reason: String| ModelError::Corrupt {
            path: path.to_path_buf(),
            reason,
        };
        if artifact.format_version != FORMAT_VERSION {
            return Err(ModelError::Format {
                path: path.to_path_buf(),
                expected: FORMAT_VERSION,
                found: artifact.format_version,
            });
        }
        let (rows, cols) = artifact.model.params().dim();
        if rows != artifact.features.len()
            || cols != artifact.classes.len()
            || artifact.model.intercept().len() != cols
            || artifact.reference.len() != rows
        {
            return Err(corrupt(format!(
                "shape {rows}x{cols} does not match {} features and {} classes",
                artifact.features.len(),
                artifact.classes.len()
            )));
        }
        let skills = artifact
            .features
            .iter()
            .position(|f| f == "skills_stated")
            .unwrap_or(0);
        let fit_ok = artifact.fit.paths.len() == cols
            && artifact.fit.paths.iter().all(|p| {
                p.weights.len() == super::fit::dimensions(skills)
                    && p.reference.len() == super::fit::dimensions(skills)
                    && p.field.len() == super::fit::dimensions(skills)
                    && p.quantiles.len() == QUANTILES
                    && p.weights.iter().all(|w| w.is_finite() && *w >= 0.0)
                    && p.reference.iter().all(|v| v.is_finite())
                    && p.field.iter().all(|v| v.is_finite())
                    && p.quantiles.iter().all(|v| v.is_finite())
                    && p.quantiles.windows(2).all(|w| w[0] <= w[1])
            });
        if !fit_ok {
            return Err(corrupt(
                "the fit's parameters do not match the classes and skills, or are not finite, non-negative weights over rising quantiles".into(),
            ));
        }
        let labels: Vec<usize> = (0..cols).collect();
        if artifact.model.classes() != labels.as_slice() {
            return Err(corrupt("class labels are not 0..n in order".into()));
        }
        let finite = artifact.model.params().iter().all(|v| v.is_finite())
            && artifact.model.intercept().iter().all(|v| v.is_finite())
            && artifact.reference.iter().all(|v| v.is_finite());
        if !finite {
            return Err(corrupt("non-finite parameters".into()));
        }
        Ok(artifact)
    }
}

fn io(path: &Path, source: std::io::Error) -> ModelError {
    ModelError::Io {
        path: PathBuf::from(path),
        source,
    }
}
