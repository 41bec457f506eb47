//! The career-path model: a multinomial logistic regression (linfa) from a
//! profile's features to a probability for each career path, with
//! explanations from its own coefficients.

mod artifact;
mod baselines;
pub mod eval;
pub mod features;
pub mod metrics;
pub mod outcomes;
pub mod progress;
pub mod synth;
pub mod train;

use std::path::PathBuf;

use ndarray::{Array2, ArrayView1};

pub use artifact::{DataFile, ModelArtifact, TrainingRecord, FORMAT_VERSION};
pub use metrics::Evaluation;

use crate::catalog::Catalog;

/// Why a model could not be loaded, checked or trained.
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
    /// The file is not a valid artifact.
    #[error("model {path} is corrupt: {reason}")]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// The artifact does not fit the catalog.
    #[error("model does not match the catalog: {0}")]
    Inconsistent(String),
    /// Training failed.
    #[error("training failed: {0}")]
    Training(String),
}

/// A loaded model, checked against the catalog it serves.
#[derive(Debug, Clone)]
pub struct CareerModel {
    artifact: ModelArtifact,
    /// Coefficients minus their mean across classes, per feature: softmax
    /// is unchanged by a common shift, so these are the coefficients that
    /// separate one path from the others.
    centered: Array2<f64>,
}

impl CareerModel {
    /// Checks that the artifact scores exactly the catalog's career paths
    /// from exactly the features the catalog's vocabulary gives.
    pub fn new(artifact: ModelArtifact, catalog: &Catalog) -> Result<Self, ModelError> {
        let classes: Vec<&str> = catalog
            .career_paths
            .iter()
            .map(|p| p.soc_code.as_str())
            .collect();
        if artifact.classes != classes {
            return Err(ModelError::Inconsistent(format!(
                "model classes {:?} differ from catalog career paths {:?}",
                artifact.classes, classes
            )));
        }
        let features = features::feature_names(&catalog.skills);
        if artifact.features != features {
            return Err(ModelError::Inconsistent(format!(
                "model features {:?} differ from the catalog's {:?}",
                artifact.features, features
            )));
        }
        let params = artifact.model.params();
        let means = params
            .mean_axis(ndarray::Axis(1))
            .expect("at least one class");
        let centered = params - &means.insert_axis(ndarray::Axis(1));
        Ok(Self { artifact, centered })
    }

    /// The artifact.
    pub fn artifact(&self) -> &ModelArtifact {
        &self.artifact
    }

    /// Version served to clients.
    pub fn version(&self) -> &str {
        &self.artifact.model_version
    }

    /// Probability of each career path, in catalog order, for one feature
    /// vector.
    pub fn probabilities(&self, features: &[f64]) -> Vec<f64> {
        let x = ArrayView1::from(features)
            .into_shape_with_order((1, features.len()))
            .expect("one row");
        self.artifact
            .model
            .predict_probabilities(&x)
            .into_raw_vec_and_offset()
            .0
    }

    /// Each feature's contribution to career path `class`'s centered
    /// log-odds, relative to the reference profile. They sum to
    /// `(z_c(x) - mean_k z_k(x)) - (z_c(ref) - mean_k z_k(ref))`, where `z`
    /// are the model's logits.
    pub fn contributions(&self, class: usize, features: &[f64]) -> Vec<f64> {
        self.centered
            .column(class)
            .iter()
            .zip(features)
            .zip(&self.artifact.reference)
            .map(|((w, x), r)| w * (x - r))
            .collect()
    }

    /// The probability of `class` after adding each `(feature, delta)` to a
    /// profile whose logits are `logits`: the model is linear in its
    /// features, so neither re-encoding nor allocation is needed.
    pub fn shifted_probability(
        &self,
        logits: &[f64],
        changes: &[(usize, f64)],
        class: usize,
    ) -> f64 {
        let params = self.artifact.model.params();
        let shifted = |k: usize| -> f64 {
            logits[k]
                + changes
                    .iter()
                    .map(|&(feature, delta)| params[[feature, k]] * delta)
                    .sum::<f64>()
        };
        let own = shifted(class);
        // p_c = 1 / sum_k exp(z_k - z_c), stable for any logits.
        let total: f64 = (0..logits.len()).map(|k| (shifted(k) - own).exp()).sum();
        1.0 / total
    }

    /// The model's logits for one feature vector.
    pub fn logits(&self, features: &[f64]) -> Vec<f64> {
        let x = ArrayView1::from(features);
        (x.dot(self.artifact.model.params()) + self.artifact.model.intercept()).to_vec()
    }
}
