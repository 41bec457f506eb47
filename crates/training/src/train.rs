//! Training: sample the public-data training set, hold out a split, fit the
//! linfa model, evaluate it beside the baselines, and build the artifact.

use std::path::Path;

use sha2::{Digest, Sha256};

use super::eval;
use super::logistic::fit_logistic;
pub use super::logistic::TrainConfig;
use super::outcome_split::outcomes_split;
use super::outcomes::Outcomes;
use super::progress::{Progress, Silent};
use super::split::{split, Split};
use super::TrainingError;
use himrec_domain::catalog::{Catalog, SOURCE_FILES};
use himrec_domain::model::features::feature_names;
use himrec_domain::model::report::{EvalReport, OutcomesRecord};
use himrec_domain::model::{CareerModel, DataFile, ModelArtifact, TrainingRecord, FORMAT_VERSION};

/// Mixed into the seed to draw the fit's background profiles.
const BACKGROUND_SEED: u64 = 0x006b_6772_6e64;

/// The learning algorithms recorded in artifacts: each path's fit
/// ([`super::fit_paths`]) and the share ([`super::logistic`]).
pub const ALGORITHM: &str = "fit: a linfa-logistic logistic regression per path on closeness to its O*NET profile (L-BFGS, L2, weights non-negative); share: linfa-logistic multinomial logistic regression (L-BFGS, L2)";

/// Hashes every catalog source file under `data_dir`.
pub fn hash_data(data_dir: &Path) -> Result<(Vec<DataFile>, String), TrainingError> {
    let mut files = Vec::new();
    let mut all = Sha256::new();
    for name in SOURCE_FILES {
        let path = data_dir.join(name);
        let bytes = std::fs::read(&path).map_err(|source| TrainingError::Io { path, source })?;
        let sha256 = hex::encode(Sha256::digest(&bytes));
        all.update(name.as_bytes());
        all.update(sha256.as_bytes());
        files.push(DataFile {
            path: (*name).to_owned(),
            sha256,
        });
    }
    Ok((files, hex::encode(all.finalize())))
}

/// Trains on the catalog's public data and evaluates on a held-out split.
pub fn train(
    catalog: &Catalog,
    data_dir: &Path,
    config: TrainConfig,
) -> Result<ModelArtifact, TrainingError> {
    train_with(catalog, data_dir, config, &Silent)
}

/// [`train`], telling `progress` how it goes.
pub fn train_with(
    catalog: &Catalog,
    data_dir: &Path,
    config: TrainConfig,
    progress: &dyn Progress,
) -> Result<ModelArtifact, TrainingError> {
    check_config(&config)?;
    progress.stage("sampling profiles", 0);
    let split = split(catalog, config.seed, config.rows, config.test_fraction);
    fit(catalog, data_dir, config, &split, None, progress)
}

fn check_config(config: &TrainConfig) -> Result<(), TrainingError> {
    if !(0.05..=0.5).contains(&config.test_fraction) || config.rows < 100 {
        return Err(TrainingError::Settings {
            reason: "need at least 100 rows and a test fraction between 0.05 and 0.5",
        });
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
) -> Result<ModelArtifact, TrainingError> {
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
) -> Result<ModelArtifact, TrainingError> {
    check_config(&config)?;
    if !(0.0..1.0).contains(&prior_weight) {
        return Err(TrainingError::Settings {
            reason: "the prior weight must be at least 0 and below 1",
        });
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

/// Fits the model on the split's training rows and evaluates it on the
/// held-out rows.
fn fit(
    catalog: &Catalog,
    data_dir: &Path,
    config: TrainConfig,
    split: &Split,
    outcomes: Option<OutcomesRecord>,
    progress: &dyn Progress,
) -> Result<ModelArtifact, TrainingError> {
    let names = feature_names(&catalog.skills);
    let (n_train, n_test) = (split.train.len(), split.test.len());
    progress.stage("fitting the model", 0);
    let (fitted, reference) = fit_logistic(catalog, &config, &split.train, &split.train_labels)?;
    progress.stage("fitting each path's fit", 0);
    let fit_params = super::fit_paths::fit_paths(
        catalog,
        config.max_iterations,
        &split.train,
        &split.train_labels,
        config.seed ^ BACKGROUND_SEED,
    )?;

    let (mut data_files, mut data_sha256) = hash_data(data_dir)?;
    if let Some(record) = &outcomes {
        data_files.push(DataFile {
            path: record.file.clone(),
            sha256: record.sha256.clone(),
        });
        let mut h = Sha256::new();
        h.update(data_sha256.as_bytes());
        h.update(record.sha256.as_bytes());
        data_sha256 = hex::encode(h.finalize());
    }
    let version_hash = {
        let mut h = Sha256::new();
        h.update(data_sha256.as_bytes());
        h.update(format!("{config:?}").as_bytes());
        h.update(env!("CARGO_PKG_VERSION").as_bytes());
        let fitted_json = serde_json::to_vec(&fitted)?;
        h.update(&fitted_json);
        h.update(serde_json::to_vec(&fit_params)?);
        hex::encode(h.finalize())
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
        fit: fit_params,
    };

    let model = CareerModel::new(artifact.clone(), catalog)?;
    artifact.evaluation = eval::report_with(catalog, &model, split, progress);
    progress.finish();
    Ok(artifact)
}
