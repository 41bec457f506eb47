//! The multinomial logistic regression that gives each path's share: its
//! settings, the feature matrix of sampled profiles, and the linfa fit.
//! Both training on sampled profiles and training on outcome records use
//! it.

use linfa::prelude::*;
use linfa_logistic::{MultiFittedLogisticRegression, MultiLogisticRegression};
use ndarray::{Array1, Array2};

use super::TrainingError;
use himrec_domain::catalog::Catalog;
use himrec_domain::model::features::{encode, feature_names};
use himrec_domain::model::TrainingRecord;
use himrec_domain::profile::Profile;

/// Training settings. The defaults produce the committed model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrainConfig {
    /// Seed of the sampled training set.
    pub seed: u64,
    /// Rows sampled in all (training plus held out).
    pub rows: usize,
    /// Share of rows held out for evaluation.
    pub test_fraction: f64,
    /// L2 penalty.
    pub alpha: f64,
    /// Optimiser iteration cap.
    pub max_iterations: u64,
}

impl Default for TrainConfig {
    fn default() -> Self {
        Self {
            seed: 20_250_501,
            rows: 30_000,
            test_fraction: 0.2,
            alpha: 1e-3,
            max_iterations: 300,
        }
    }
}

impl From<&TrainingRecord> for TrainConfig {
    /// The settings a model was trained with.
    fn from(record: &TrainingRecord) -> Self {
        Self {
            seed: record.seed,
            rows: record.rows,
            test_fraction: record.test_fraction,
            alpha: record.alpha,
            max_iterations: record.max_iterations,
        }
    }
}

/// The feature rows of `profiles`, unknown values filled from `fill`.
pub(super) fn matrix(profiles: &[Profile], fill: &[f64]) -> Array2<f64> {
    let n_features = fill.len();
    let mut data = Vec::with_capacity(profiles.len() * n_features);
    let mut row = Vec::with_capacity(n_features);
    for profile in profiles {
        encode(profile, fill, &mut row);
        data.extend_from_slice(&row);
    }
    Array2::from_shape_vec((profiles.len(), n_features), data).expect("rows have n features")
}

/// Mean of each column over the rows where it is known (not NaN).
fn known_means(x: &Array2<f64>) -> Vec<f64> {
    x.columns()
        .into_iter()
        .map(|column| {
            let (sum, n) = column
                .iter()
                .filter(|v| !v.is_nan())
                .fold((0.0, 0.0), |(s, n), v| (s + v, n + 1.0));
            if n > 0.0 {
                sum / n
            } else {
                0.0
            }
        })
        .collect()
}

/// Fits the logistic regression on `rows`, and gives the reference profile:
/// the training means, which also fill unknown interests and education.
pub(super) fn fit_logistic(
    catalog: &Catalog,
    config: &TrainConfig,
    rows: &[Profile],
    labels: &[usize],
) -> Result<(MultiFittedLogisticRegression<f64, usize>, Vec<f64>), TrainingError> {
    let n_features = feature_names(&catalog.skills).len();
    let reference = known_means(&matrix(rows, &vec![f64::NAN; n_features]));
    for (class, path) in catalog.career_paths.iter().enumerate() {
        if !labels.contains(&class) {
            return Err(TrainingError::NoRows {
                soc_code: path.soc_code.clone(),
            });
        }
    }
    let dataset = Dataset::new(matrix(rows, &reference), Array1::from(labels.to_vec()));
    let fitted = MultiLogisticRegression::default()
        .alpha(config.alpha)
        .max_iterations(config.max_iterations)
        .fit(&dataset)?;
    Ok((fitted, reference))
}
