//! Training: sample the public-data training set, hold out a split, fit the
//! linfa model, evaluate it beside the baselines, and build the artifact.

use std::path::Path;

use linfa::prelude::*;
use linfa_logistic::{MultiFittedLogisticRegression, MultiLogisticRegression};
use ndarray::{Array1, Array2};
use sha2::{Digest, Sha256};

use super::artifact::{DataFile, ModelArtifact, TrainingRecord, FORMAT_VERSION};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::eval::{self, EvalReport, Split};
use super::features::{encode, feature_names};
use super::outcomes::{Outcomes, OutcomesRecord, Taken};
use super::progress::{Progress, Silent};
use super::synth::{sample, SynthConfig};
use super::{CareerModel, ModelError};
use crate::catalog::{Catalog, SOURCE_FILES};
use crate::profile::Profile;

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

/// The algorithm name recorded in artifacts.
pub const ALGORITHM: &str = "linfa-logistic multinomial logistic regression (L-BFGS, L2)";

fn matrix(profiles: &[Profile], fill: &[f64]) -> Array2<f64> {
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

/// Hashes every catalog source file under `data_dir`.
pub fn hash_data(data_dir: &Path) -> Result<(Vec<DataFile>, String), ModelError> {
    let mut files = Vec::new();
    let mut all = Sha256::new();
    for name in SOURCE_FILES {
        let path = data_dir.join(name);
        let bytes = std::fs::read(&path).map_err(|source| ModelError::Io { path, source })?;
        let sha256 = crate::hex::encode(&Sha256::digest(&bytes));
        all.update(name.as_bytes());
        all.update(sha256.as_bytes());
        files.push(DataFile {
            path: (*name).to_owned(),
            sha256,
        });
    }
    Ok((files, crate::hex::encode(&all.finalize())))
}

/// Trains on the catalog's public data and evaluates on a held-out split.
pub fn train(
    catalog: &Catalog,
    data_dir: &Path,
    config: TrainConfig,
) -> Result<ModelArtifact, ModelError> {
    train_with(catalog, data_dir, config, &Silent)
}

/// [`train`], telling `progress` how it goes.
pub fn train_with(
    catalog: &Catalog,
    data_dir: &Path,
    config: TrainConfig,
    progress: &dyn Progress,
) -> Result<ModelArtifact, ModelError> {
    check_config(&config)?;
    progress.stage("sampling profiles", 0);
    let split = eval::split(catalog, config.seed, config.rows, config.test_fraction);
    fit(catalog, data_dir, config, &split, None, progress)
}

fn check_config(config: &TrainConfig) -> Result<(), ModelError> {
    if !(0.05..=0.5).contains(&config.test_fraction) || config.rows < 100 {
        return Err(ModelError::Training(
            "need at least 100 rows and a test fraction between 0.05 and 0.5".into(),
        ));
    }
    Ok(())
}

/// Trains on an operator's outcome records, holding out `test_fraction` of
/// them for evaluation, with public-data rows mixed in so that they make
/// `prior_weight` of the training rows (0: the records alone).
pub fn train_on_outcomes(
    catalog: &Catalog,
    data_dir: &Path,
    config: TrainConfig,
    outcomes: &Outcomes,
    prior_weight: f64,
) -> Result<ModelArtifact, ModelError> {
    train_on_outcomes_with(catalog, data_dir, config, outcomes, prior_weight, &Silent)
}

/// [`train_on_outcomes`], telling `progress` how it goes.
pub fn train_on_outcomes_with(
    catalog: &Catalog,
    data_dir: &Path,
    config: TrainConfig,
    outcomes: &Outcomes,
    prior_weight: f64,
    progress: &dyn Progress,
) -> Result<ModelArtifact, ModelError> {
    check_config(&config)?;
    if !(0.0..1.0).contains(&prior_weight) {
        return Err(ModelError::Training(
            "the prior weight must be at least 0 and below 1".into(),
        ));
    }
    progress.stage("preparing the outcome records", 0);
    let (split, n_prior) = outcomes_split(catalog, &config, outcomes, prior_weight)?;
    let record = OutcomesRecord {
        file: outcomes.file.clone(),
        sha256: outcomes.sha256.clone(),
        rows_read: outcomes.rows_read(),
        rows_used: outcomes.profiles.len(),
        rows_rejected: outcomes.rejected.len(),
        setting_only_rows: outcomes.profiles.len() - outcomes.path_rows(),
        prior_weight,
        prior_rows: n_prior,
    };
    fit(catalog, data_dir, config, &split, Some(record), progress)
}

/// The training and held-out rows of an outcomes model, and how many
/// public-data rows were mixed in.
///
/// Only rows naming a career path are held out. A training row naming only
/// a work setting gets a path drawn from `P(path | profile, setting)`,
/// proportional to `P(path | profile) * share(setting | path)`: the first
/// factor from a model fitted on the other training rows (the path rows and
/// the prior), the second the BLS staffing share. All seeded by
/// `config.seed`.
pub fn outcomes_split(
    catalog: &Catalog,
    config: &TrainConfig,
    outcomes: &Outcomes,
    prior_weight: f64,
) -> Result<(Split, usize), ModelError> {
    // A seeded shuffle, so the held-out records do not depend on file order
    // patterns such as sorting by path.
    let mut order: Vec<usize> = (0..outcomes.profiles.len()).collect();
    order.shuffle(&mut ChaCha8Rng::seed_from_u64(config.seed));
    let path_rows: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&i| matches!(outcomes.labels[i], Taken::Path(_)))
        .collect();
    let n_test = ((path_rows.len() as f64) * config.test_fraction).round() as usize;
    let test = &path_rows[..n_test];
    let mut held_out = vec![false; order.len()];
    test.iter().for_each(|&i| held_out[i] = true);
    let train: Vec<usize> = order.iter().copied().filter(|&i| !held_out[i]).collect();
    let n_prior = (prior_weight / (1.0 - prior_weight) * train.len() as f64).round() as usize;
    let (prior, prior_labels) = if n_prior > 0 {
        sample(
            catalog,
            SynthConfig {
                rows: n_prior,
                seed: config.seed,
            },
        )
    } else {
        (Vec::new(), Vec::new())
    };
    let path_of = |i: usize| match outcomes.labels[i] {
        Taken::Path(path) => Some(path),
        Taken::Setting(_) => None,
    };
    let mut train_labels: Vec<Option<usize>> = train.iter().map(|&i| path_of(i)).collect();
    let settings_only: Vec<usize> = train
        .iter()
        .enumerate()
        .filter(|(_, &i)| path_of(i).is_none())
        .map(|(at, _)| at)
        .collect();
    if !settings_only.is_empty() {
        // The first model: the training rows that name a path, and the prior.
        let (known, known_labels): (Vec<Profile>, Vec<usize>) = train
            .iter()
            .filter_map(|&i| Some((outcomes.profiles[i].clone(), path_of(i)?)))
            .chain(prior.iter().cloned().zip(prior_labels.iter().copied()))
            .unzip();
        let (fitted, reference) = fit_logistic(catalog, config, &known, &known_labels)?;
        let rows: Vec<Profile> = settings_only
            .iter()
            .map(|&at| outcomes.profiles[train[at]].clone())
            .collect();
        let probabilities = fitted.predict_probabilities(&matrix(&rows, &reference));
        let mut rng = ChaCha8Rng::seed_from_u64(config.seed ^ INFERENCE_SEED);
        for (&at, p) in settings_only.iter().zip(probabilities.rows()) {
            let Taken::Setting(setting) = outcomes.labels[train[at]] else {
                unreachable!("rows without a path name a setting")
            };
            let weights: Vec<f64> = p
                .iter()
                .zip(&catalog.settings[setting].shares)
                .map(|(p, share)| p * share)
                .collect();
            train_labels[at] = Some(draw(&weights, &mut rng));
        }
    }
    let (mut train_profiles, mut train_labels): (Vec<Profile>, Vec<usize>) = train
        .iter()
        .zip(train_labels)
        .map(|(&i, label)| {
            (
                outcomes.profiles[i].clone(),
                label.expect("every row labelled"),
            )
        })
        .unzip();
    train_profiles.extend(prior);
    train_labels.extend(prior_labels);
    let (test_profiles, test_labels) = test
        .iter()
        .map(|&i| {
            (
                outcomes.profiles[i].clone(),
                path_of(i).expect("held-out rows name a path"),
            )
        })
        .unzip();
    let split = Split {
        train: train_profiles,
        train_labels,
        test: test_profiles,
        test_labels,
    };
    Ok((split, n_prior))
}

/// Mixed into the seed of the draws of inferred career paths.
const INFERENCE_SEED: u64 = 0x5e77_1265;

/// An index drawn with probability proportional to `weights` (not all 0).
fn draw(weights: &[f64], rng: &mut impl Rng) -> usize {
    let total: f64 = weights.iter().sum();
    let mut left = rng.gen::<f64>() * total;
    for (i, w) in weights.iter().enumerate() {
        if left < *w {
            return i;
        }
        left -= w;
    }
    // Rounding can leave a sliver past the last weight.
    weights.iter().rposition(|w| *w > 0.0).unwrap_or(0)
}

/// Fits the logistic regression on `rows`, and gives the reference profile:
/// the training means, which also fill unknown interests and education.
fn fit_logistic(
    catalog: &Catalog,
    config: &TrainConfig,
    rows: &[Profile],
    labels: &[usize],
) -> Result<(MultiFittedLogisticRegression<f64, usize>, Vec<f64>), ModelError> {
    let n_features = feature_names(&catalog.skills).len();
    let reference = known_means(&matrix(rows, &vec![f64::NAN; n_features]));
    for (class, path) in catalog.career_paths.iter().enumerate() {
        if !labels.contains(&class) {
            return Err(ModelError::Training(format!(
                "career path {} has no training rows: sample more rows, or mix in the public prior",
                path.soc_code
            )));
        }
    }
    let dataset = Dataset::new(matrix(rows, &reference), Array1::from(labels.to_vec()));
    let fitted = MultiLogisticRegression::default()
        .alpha(config.alpha)
        .max_iterations(config.max_iterations)
        .fit(&dataset)
        .map_err(|e| ModelError::Training(e.to_string()))?;
    Ok((fitted, reference))
}

/// Fits the model on the split's training rows and evaluates it on the
/// held-out rows.
fn fit(
    catalog: &Catalog,
    data_dir: &Path,
    config: TrainConfig,
    split: &Split,
    outcomes: Option<OutcomesRecord>,
    progress: &dyn Progress,
) -> Result<ModelArtifact, ModelError> {
    let names = feature_names(&catalog.skills);
    let (n_train, n_test) = (split.train.len(), split.test.len());
    progress.stage("fitting the model", 0);
    let (fitted, reference) = fit_logistic(catalog, &config, &split.train, &split.train_labels)?;

    let (mut data_files, mut data_sha256) = hash_data(data_dir)?;
    if let Some(record) = &outcomes {
        data_files.push(DataFile {
            path: record.file.clone(),
            sha256: record.sha256.clone(),
        });
        let mut h = Sha256::new();
        h.update(data_sha256.as_bytes());
        h.update(record.sha256.as_bytes());
        data_sha256 = crate::hex::encode(&h.finalize());
    }
    let version_hash = {
        let mut h = Sha256::new();
        h.update(data_sha256.as_bytes());
        h.update(format!("{config:?}").as_bytes());
        h.update(env!("CARGO_PKG_VERSION").as_bytes());
        let fitted_json =
            serde_json::to_vec(&fitted).map_err(|e| ModelError::Training(e.to_string()))?;
        h.update(&fitted_json);
        crate::hex::encode(&h.finalize())
    };
    let mut artifact = ModelArtifact {
        format_version: FORMAT_VERSION,
        model_version: format!("career-lr-{}-{}", FORMAT_VERSION, &version_hash[..12]),
        algorithm: ALGORITHM.into(),
        classes: catalog
            .career_paths
            .iter()
            .map(|p| p.soc_code.clone())
            .collect(),
        features: names,
        reference,
        training: TrainingRecord {
            seed: config.seed,
            rows: config.rows,
            test_fraction: config.test_fraction,
            training_rows: n_train,
            test_rows: n_test,
            alpha: config.alpha,
            max_iterations: config.max_iterations,
            code_version: env!("CARGO_PKG_VERSION").into(),
            data_files,
            data_sha256,
            outcomes,
        },
        evaluation: EvalReport::default(),
        model: fitted,
    };

    let model = CareerModel::new(artifact.clone(), catalog)?;
    artifact.evaluation = eval::report_with(catalog, &model, split, progress);
    progress.finish();
    Ok(artifact)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_follow_the_weights_and_never_pick_a_zero() {
        let weights = [0.0, 0.5, 0.0, 0.3, 0.2];
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let mut counts = [0usize; 5];
        let n = 100_000;
        for _ in 0..n {
            counts[draw(&weights, &mut rng)] += 1;
        }
        assert_eq!((counts[0], counts[2]), (0, 0));
        for (count, weight) in counts.iter().zip(weights) {
            // Within five standard deviations of the expected count.
            let expected = weight * n as f64;
            let sd = (n as f64 * weight * (1.0 - weight)).sqrt();
            assert!(
                (*count as f64 - expected).abs() <= 5.0 * sd + 1e-9,
                "{counts:?}"
            );
        }
    }
}
