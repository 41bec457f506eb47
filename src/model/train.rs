//! Training: sample the public-data training set, hold out a split, fit the
//! linfa model, evaluate it beside the baselines, and build the artifact.

use std::path::Path;

use linfa::prelude::*;
use linfa_logistic::MultiLogisticRegression;
use ndarray::{Array1, Array2};
use sha2::{Digest, Sha256};

use super::artifact::{DataFile, ModelArtifact, TrainingRecord, FORMAT_VERSION};
use super::features::{encode, feature_names};
use super::metrics::{evaluate, Evaluation};
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
        let sha256 = hex(&Sha256::digest(&bytes));
        all.update(name.as_bytes());
        all.update(sha256.as_bytes());
        files.push(DataFile {
            path: (*name).to_owned(),
            sha256,
        });
    }
    Ok((files, hex(&all.finalize())))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Trains on the catalog's public data and evaluates on a held-out split.
pub fn train(
    catalog: &Catalog,
    data_dir: &Path,
    config: TrainConfig,
) -> Result<ModelArtifact, ModelError> {
    if !(0.05..=0.5).contains(&config.test_fraction) || config.rows < 100 {
        return Err(ModelError::Training(
            "need at least 100 rows and a test fraction between 0.05 and 0.5".into(),
        ));
    }
    let names = feature_names(&catalog.skills);
    let n_classes = catalog.career_paths.len();
    let (profiles, labels) = sample(
        catalog,
        SynthConfig {
            rows: config.rows,
            seed: config.seed,
        },
    );
    let n_test = (config.rows as f64 * config.test_fraction).round() as usize;
    let n_train = config.rows - n_test;
    // Unknown interests and education are filled with the training means,
    // which also make the reference profile.
    let reference = known_means(&matrix(&profiles[..n_train], &vec![f64::NAN; names.len()]));
    let x_train = matrix(&profiles[..n_train], &reference);
    let y_train = Array1::from(labels[..n_train].to_vec());
    let x_test = matrix(&profiles[n_train..], &reference);
    let y_test = &labels[n_train..];
    for class in 0..n_classes {
        if !y_train.iter().any(|y| *y == class) {
            return Err(ModelError::Training(format!(
                "career path {} has no training rows; sample more rows",
                catalog.career_paths[class].soc_code
            )));
        }
    }

    let dataset = Dataset::new(x_train.clone(), y_train.clone());
    let fitted = MultiLogisticRegression::default()
        .alpha(config.alpha)
        .max_iterations(config.max_iterations)
        .fit(&dataset)
        .map_err(|e| ModelError::Training(e.to_string()))?;

    let (data_files, data_sha256) = hash_data(data_dir)?;
    let version_hash = {
        let mut h = Sha256::new();
        h.update(data_sha256.as_bytes());
        h.update(format!("{config:?}").as_bytes());
        h.update(env!("CARGO_PKG_VERSION").as_bytes());
        let fitted_json =
            serde_json::to_vec(&fitted).map_err(|e| ModelError::Training(e.to_string()))?;
        h.update(&fitted_json);
        hex(&h.finalize())
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
            training_rows: n_train,
            test_rows: n_test,
            alpha: config.alpha,
            max_iterations: config.max_iterations,
            code_version: env!("CARGO_PKG_VERSION").into(),
            data_files,
            data_sha256,
        },
        evaluations: Vec::new(),
        model: fitted,
    };

    let model = CareerModel::new(artifact.clone(), catalog)?;
    let rows =
        |x: &Array2<f64>| -> Vec<Vec<f64>> { x.rows().into_iter().map(|r| r.to_vec()).collect() };
    let test_rows = rows(&x_test);
    let model_probs: Vec<Vec<f64>> = test_rows.iter().map(|r| model.probabilities(r)).collect();
    let majority = majority_baseline(&labels[..n_train], n_classes);
    let cosine = CosineBaseline::fit(catalog, &rows(&x_train), &labels[..n_train]);
    artifact.evaluations = vec![
        evaluate("model", &model_probs, y_test),
        evaluate("majority_class", &vec![majority; test_rows.len()], y_test),
        evaluate(
            "nearest_profile_cosine",
            &test_rows
                .iter()
                .map(|r| cosine.probabilities(r))
                .collect::<Vec<_>>(),
            y_test,
        ),
    ];
    Ok(artifact)
}

/// Class frequencies of the training rows: the majority class first for
/// every profile, with calibrated base rates.
fn majority_baseline(labels: &[usize], n_classes: usize) -> Vec<f64> {
    let mut counts = vec![0.0; n_classes];
    for &label in labels {
        counts[label] += 1.0;
    }
    let total: f64 = counts.iter().sum();
    counts.iter().map(|c| c / total).collect()
}

/// Nearest-profile matching: cosine similarity between the person's skills
/// and interests and each path's typical skills and O*NET interests, turned
/// into probabilities by a softmax whose temperature is fitted on the
/// training rows (so its log-loss is as fair as it can be).
#[derive(Debug, Clone)]
pub struct CosineBaseline {
    targets: Vec<Vec<f64>>,
    temperature: f64,
}

impl CosineBaseline {
    /// The baseline's temperature is picked from a grid by training log-loss.
    pub fn fit(catalog: &Catalog, x: &[Vec<f64>], y: &[usize]) -> Self {
        let targets = catalog
            .career_paths
            .iter()
            .map(|p| {
                let mut v = p.typical_skills.clone();
                v.extend_from_slice(&p.interests);
                v
            })
            .collect();
        let mut best = Self {
            targets,
            temperature: 1.0,
        };
        let mut best_loss = f64::INFINITY;
        for temperature in [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0] {
            let candidate = Self {
                temperature,
                ..best.clone()
            };
            let probs: Vec<Vec<f64>> = x.iter().map(|r| candidate.probabilities(r)).collect();
            let loss = evaluate("cosine", &probs, y).log_loss;
            if loss < best_loss {
                best_loss = loss;
                best = candidate;
            }
        }
        best
    }

    /// Probabilities over paths for one feature row.
    pub fn probabilities(&self, features: &[f64]) -> Vec<f64> {
        let len = self.targets[0].len();
        let person = &features[..len];
        let scores: Vec<f64> = self
            .targets
            .iter()
            .map(|t| self.temperature * cosine(person, t))
            .collect();
        softmax(&scores)
    }
}

fn cosine(a: &[f64], b: &[f64]) -> f64 {
    let dot: f64 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    let na: f64 = a.iter().map(|x| x * x).sum::<f64>().sqrt();
    let nb: f64 = b.iter().map(|x| x * x).sum::<f64>().sqrt();
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot / (na * nb)
    }
}

fn softmax(scores: &[f64]) -> Vec<f64> {
    let max = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let exp: Vec<f64> = scores.iter().map(|s| (s - max).exp()).collect();
    let total: f64 = exp.iter().sum();
    exp.iter().map(|e| e / total).collect()
}

/// The evaluation as a Markdown table.
pub fn evaluation_table(evaluations: &[Evaluation]) -> String {
    let mut out = String::from(
        "| method | top-1 accuracy | top-3 accuracy | NDCG@3 | log-loss |\n|---|---|---|---|---|\n",
    );
    for e in evaluations {
        out.push_str(&format!(
            "| {} | {:.3} | {:.3} | {:.3} | {:.3} |\n",
            e.method, e.top1_accuracy, e.top3_accuracy, e.ndcg_at_3, e.log_loss
        ));
    }
    out
}
