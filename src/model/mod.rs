//! The career-path model as it serves: a multinomial logistic regression
//! (linfa) from a profile's features to a probability for each career
//! path, explained by its own coefficients.
//!
//! [`CareerModel::assess`] is the one call a request makes into the model:
//! it encodes the profile, computes the logits once, and returns the
//! probabilities with the contributions and skill-gap gains of the paths
//! that will be shown. Training lives in `crate::training`.

mod artifact;
mod assessment;
mod error;
pub mod features;
pub mod report;

use ndarray::{Array2, ArrayView2};

pub use artifact::{DataFile, ModelArtifact, TrainingRecord, FORMAT_VERSION};
pub use assessment::{Assessment, Explanation, SkillGap, MIN_GAP};
pub use error::ModelError;
pub use report::Evaluation;

use crate::catalog::Catalog;
use crate::top_k::top_k;

/// A loaded model, checked against the catalog it serves.
#[derive(Debug, Clone)]
pub struct CareerModel {
    artifact: ModelArtifact,
    /// Coefficients minus their mean across classes, per feature: softmax
    /// is unchanged by a common shift, so these are the coefficients that
    /// separate one path from the others.
    centered: Array2<f64>,
    /// `typical[class][skill]`: the path's typical level of each skill, the
    /// level a skill gap closes to.
    typical: Vec<Vec<f64>>,
}

impl CareerModel {
    /// Checks that the artifact scores exactly the catalog's career paths
    /// from exactly the features the catalog's vocabulary gives.
    pub fn new(artifact: ModelArtifact, catalog: &Catalog) -> Result<Self, ModelError> {
        let classes: Vec<String> = catalog
            .career_paths
            .iter()
            .map(|p| p.soc_code.clone())
            .collect();
        if artifact.classes != classes {
            return Err(ModelError::Mismatch {
                what: "classes",
                expected: classes,
                found: artifact.classes,
            });
        }
        let features = features::feature_names(&catalog.skills);
        if artifact.features != features {
            return Err(ModelError::Mismatch {
                what: "features",
                expected: features,
                found: artifact.features,
            });
        }
        let params = artifact.model.params();
        let means = params
            .mean_axis(ndarray::Axis(1))
            .expect("at least one class");
        let centered = params - &means.insert_axis(ndarray::Axis(1));
        let typical = catalog
            .career_paths
            .iter()
            .map(|p| p.typical_skills.clone())
            .collect();
        Ok(Self {
            artifact,
            centered,
            typical,
        })
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
        softmax(&self.logits(features))
    }

    /// Everything a ranking needs of one profile: its features, every
    /// path's probability, and the `paths` most likely paths (best first,
    /// ties in catalog order), with, when `explain`, each feature's
    /// contribution and the skill gaps whose closing would raise the path
    /// (otherwise neither is computed and both are empty).
    pub fn assess(
        &self,
        profile: &crate::profile::Profile,
        paths: usize,
        explain: bool,
    ) -> Assessment {
        let reference = &self.artifact.reference;
        let mut features = Vec::with_capacity(reference.len());
        features::encode(profile, reference, &mut features);
        let logits = self.logits(&features);
        let probabilities = softmax(&logits);
        let explained = top_k(&probabilities, paths)
            .into_iter()
            .map(|class| match explain {
                true => Explanation {
                    class,
                    contributions: self.contributions(class, &features),
                    gaps: self.gaps(class, profile, &logits, probabilities[class]),
                },
                false => Explanation {
                    class,
                    contributions: Vec::new(),
                    gaps: Vec::new(),
                },
            })
            .collect();
        Assessment {
            features,
            probabilities,
            explained,
        }
    }

    /// The logits of one feature vector, computed as linfa computes them
    /// for its own probabilities (a one-row matrix product plus the
    /// intercept), so [`Self::assess`] and [`Self::probabilities`] agree to
    /// the last bit.
    pub fn logits(&self, features: &[f64]) -> Vec<f64> {
        let x = ArrayView2::from_shape((1, features.len()), features).expect("one row");
        let z = x.dot(self.artifact.model.params()) + self.artifact.model.intercept();
        z.into_raw_vec_and_offset().0
    }

    /// Each feature's contribution to career path `class`'s centered
    /// log-odds, relative to the reference profile. They sum to
    /// `(z_c(x) - mean_k z_k(x)) - (z_c(ref) - mean_k z_k(ref))`, where `z`
    /// are the model's logits.
    fn contributions(&self, class: usize, features: &[f64]) -> Vec<f64> {
        self.centered
            .column(class)
            .iter()
            .zip(features)
            .zip(&self.artifact.reference)
            .map(|((w, x), r)| w * (x - r))
            .collect()
    }

    /// For each skill at least [`MIN_GAP`] below the path's typical level,
    /// how much the path's probability would rise were the skill at that
    /// level; only gaps that raise it, in skill order.
    fn gaps(
        &self,
        class: usize,
        profile: &crate::profile::Profile,
        logits: &[f64],
        probability: f64,
    ) -> Vec<SkillGap> {
        let typical = &self.typical[class];
        let n = typical.len();
        (0..n)
            .filter(|&s| typical[s] - profile.skills[s] >= MIN_GAP)
            .filter_map(|s| {
                let current = profile.skills[s];
                let stated_change = (features::stated_weight(typical[s])
                    - features::stated_weight(current))
                    / n as f64;
                let changes = [(s, typical[s] - current), (n, stated_change)];
                let gain = self.shifted_probability(logits, &changes, class) - probability;
                (gain > 0.0).then_some(SkillGap {
                    skill: s,
                    current,
                    typical: typical[s],
                    gain,
                })
            })
            .collect()
    }

    /// The probability of `class` after adding each `(feature, delta)` to a
    /// profile whose logits are `logits`: the model is linear in its
    /// features, so neither re-encoding nor allocation is needed.
    fn shifted_probability(&self, logits: &[f64], changes: &[(usize, f64)], class: usize) -> f64 {
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
}

/// The softmax of one row of logits, in the order of operations linfa's
/// `predict_probabilities` uses.
fn softmax(logits: &[f64]) -> Vec<f64> {
    let mut row = ndarray::Array1::from(logits.to_vec());
    let max = row.iter().copied().reduce(f64::max).expect("a class");
    row.mapv_inplace(|z| (z - max).exp());
    let sum = row.sum();
    row.mapv_inplace(|e| e / sum);
    row.to_vec()
}
