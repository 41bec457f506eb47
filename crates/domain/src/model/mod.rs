//! The career-path model as it serves: each path's **fit** (how well a
//! profile meets what people on the path bring, [`fit`]) and each path's
//! **share** (a multinomial logistic regression, linfa: the probability
//! that the path fits best among all), both learned from the same training
//! set.
//!
//! [`CareerModel::assess`] is the one call a request makes into the model:
//! it computes every path's share and fit, and for the paths shown (when
//! asked) what raised or lowered their fit and which skill or credential
//! would raise it most. Training lives in `crate::training`.

mod artifact;
mod assessment;
mod error;
pub mod features;
pub mod fit;
pub mod report;

use ndarray::ArrayView2;

pub use artifact::{DataFile, ModelArtifact, TrainingRecord, FORMAT_VERSION};
pub use assessment::{
    Assessment, CredentialStep, Explanation, Part, SkillGap, MIN_GAP, MIN_UNSTATED_STEP,
};
pub use error::ModelError;
pub use report::Evaluation;

use crate::catalog::Catalog;
use crate::profile::Profile;

/// A loaded model, checked against the catalog it serves.
#[derive(Debug, Clone)]
pub struct CareerModel {
    artifact: ModelArtifact,
    /// What each path's fit compares a profile with, in class order.
    targets: Vec<fit::Target>,
    /// Each credential's skill floors, in catalog order.
    floors: Vec<Vec<(usize, f64)>>,
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
        Ok(Self {
            artifact,
            targets: fit::Target::all(catalog),
            floors: catalog
                .credentials
                .iter()
                .map(|c| c.skill_floors.clone())
                .collect(),
        })
    }

    /// The artifact.
    pub fn artifact(&self) -> &ModelArtifact {
        &self.artifact
    }

    /// Path `class`'s fit for one profile.
    pub fn fit(&self, class: usize, profile: &Profile) -> f64 {
        let (m, _) = self.matched(profile, class);
        self.artifact.fit.paths[class].fit(m)
    }

    /// What each path's fit compares a profile with, in class order.
    pub fn targets(&self) -> &[fit::Target] {
        &self.targets
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

    /// Every path's share and fit for one profile, and the `paths` ranked
    /// first (by [`fit::PathFit::rank`]: the fit extended beyond [0, 1],
    /// with what the profile's stated parts say for each path against the
    /// field; ties by share, then catalog order), with, when `explain`,
    /// what raised or lowered each one's fit and what would raise it
    /// (otherwise none of that is computed and the lists are empty).
    pub fn assess(&self, profile: &Profile, paths: usize, explain: bool) -> Assessment {
        let reference = &self.artifact.reference;
        let mut features = Vec::with_capacity(reference.len());
        features::encode(profile, reference, &mut features);
        let probabilities = softmax(&self.logits(&features));
        let mut closeness = Vec::with_capacity(fit::dimensions(profile.skills.len()));
        let mut matches = Vec::with_capacity(self.targets.len());
        let mut keys = Vec::with_capacity(self.targets.len());
        let mut pointing = Vec::with_capacity(self.targets.len());
        let unknown = vec![f64::NAN; fit::dimensions(profile.skills.len())];
        let fits: Vec<f64> = self
            .targets
            .iter()
            .zip(&self.artifact.fit.paths)
            .map(|(target, path)| {
                // What was said, unstated parts NaN: the evidence.
                fit::closeness(profile, target, &unknown, &mut closeness);
                let evidence = path.evidence(&closeness);
                pointing.push(1.0 / (1.0 + (-evidence).exp()));
                fit::closeness(profile, target, &path.reference, &mut closeness);
                let m = path.matching(&closeness);
                matches.push(m);
                keys.push(path.rank(m, evidence));
                path.fit(m)
            })
            .collect();
        let mut order: Vec<usize> = (0..fits.len()).collect();
        order.sort_by(|&a, &b| {
            keys[b]
                .total_cmp(&keys[a])
                .then(probabilities[b].total_cmp(&probabilities[a]))
                .then(a.cmp(&b))
        });
        order.truncate(paths);
        let explained = order
            .into_iter()
            .map(|class| {
                if explain {
                    self.explain_with(profile, class, matches[class], &mut closeness)
                } else {
                    Explanation {
                        class,
                        interest_match: self.interest_match(profile, class),
                        parts: Vec::new(),
                        gaps: Vec::new(),
                        credential_steps: Vec::new(),
                    }
                }
            })
            .collect();
        Assessment {
            shares: probabilities,
            fits,
            pointing,
            explained,
        }
    }

    /// What raised or lowered path `class`'s fit for `profile`, and which
    /// skill or credential would raise it most.
    pub fn explain(&self, profile: &Profile, class: usize) -> Explanation {
        let (m, mut closeness) = self.matched(profile, class);
        self.explain_with(profile, class, m, &mut closeness)
    }

    /// The profile's match on path `class`, with its closeness features.
    fn matched(&self, profile: &Profile, class: usize) -> (f64, Vec<f64>) {
        let path = &self.artifact.fit.paths[class];
        let mut closeness = Vec::with_capacity(path.weights.len());
        fit::closeness(
            profile,
            &self.targets[class],
            &path.reference,
            &mut closeness,
        );
        (path.matching(&closeness), closeness)
    }

    /// [`Self::explain`] for a profile whose match on the path is `m`,
    /// with a buffer for its closeness features.
    fn explain_with(
        &self,
        profile: &Profile,
        class: usize,
        m: f64,
        closeness: &mut Vec<f64>,
    ) -> Explanation {
        let path = &self.artifact.fit.paths[class];
        fit::closeness(profile, &self.targets[class], &path.reference, closeness);
        Explanation {
            class,
            interest_match: self.interest_match(profile, class),
            parts: self.parts(class, profile, m, closeness),
            gaps: self.gaps(class, profile, m, closeness),
            credential_steps: self.credential_steps(class, profile, m, closeness),
        }
    }

    /// The credentials not held that lead to path `class` and would raise
    /// its fit, the largest rise first: [`Explanation::credential_steps`]
    /// without the rest of the explanation.
    pub fn credential_gains(&self, profile: &Profile, class: usize) -> Vec<CredentialStep> {
        let (m, closeness) = self.matched(profile, class);
        self.credential_steps(class, profile, m, &closeness)
    }

    /// The Pearson correlation of the profile's interests with path
    /// `class`'s (O*NET), if it states interests.
    pub fn interest_match(&self, profile: &Profile, class: usize) -> Option<f64> {
        profile
            .interests
            .map(|i| fit::pearson(&i, &self.targets[class].interests))
    }

    /// Each part's contribution to path `class`'s fit: the fit minus the fit
    /// with that part as the path's reference person has it (on the fit
    /// extended beyond [0, 1], so a part still counts where the fit is
    /// floored at 0), largest magnitude first.
    fn parts(
        &self,
        class: usize,
        profile: &Profile,
        m: f64,
        closeness: &[f64],
    ) -> Vec<(Part, f64)> {
        let path = &self.artifact.fit.paths[class];
        let n = profile.skills.len();
        let now = path.standing(m);
        let without = |features: &[usize]| -> f64 {
            let delta: f64 = features
                .iter()
                .map(|&j| path.weights[j] * (closeness[j] - path.reference[j]))
                .sum();
            now - path.standing(m - delta)
        };
        let mut parts: Vec<(Part, f64)> = (0..n).map(|s| (Part::Skill(s), without(&[s]))).collect();
        if self.targets[class].credentialed(profile) {
            parts.push((Part::Credential, without(&[fit::credential_feature(n)])));
        }
        if profile.interests.is_some() {
            parts.push((Part::Interests, without(&[fit::interests_feature(n)])));
        }
        if profile.education.is_some() {
            parts.push((Part::Education, without(&[fit::education_feature(n)])));
        }
        parts.retain(|(_, c)| *c != 0.0);
        parts.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
        parts
    }

    /// The fit of path `class` with the closeness features `changes`
    /// replaced, from a profile whose match is `m`.
    fn fit_with(&self, class: usize, m: f64, closeness: &[f64], changes: &[(usize, f64)]) -> f64 {
        let path = &self.artifact.fit.paths[class];
        let delta: f64 = changes
            .iter()
            .map(|&(j, value)| path.weights[j] * (value - closeness[j]))
            .sum();
        path.fit(m + delta)
    }

    /// Skills at least [`MIN_GAP`] below the path's typical level whose
    /// closing raises the fit, the largest rise first.
    fn gaps(&self, class: usize, profile: &Profile, m: f64, closeness: &[f64]) -> Vec<SkillGap> {
        let typical = &self.targets[class].typical;
        let n = typical.len();
        let now = self.artifact.fit.paths[class].fit(m);
        let known = |s: usize| profile.said[s] || profile.vouched_by[s].is_some();
        let mut gaps: Vec<SkillGap> = (0..n)
            .filter(|&s| typical[s] - profile.skills[s] >= MIN_GAP || !known(s))
            // A skill not stated is a next step only where the path asks
            // it in earnest: learning one to 0.05 is no advice.
            .filter(|&s| typical[s] >= if known(s) { MIN_GAP } else { MIN_UNSTATED_STEP })
            .filter_map(|s| {
                // At the typical level.
                let after = self.fit_with(class, m, closeness, &[(s, 1.0)]);
                (after > now).then_some(SkillGap {
                    skill: s,
                    current: known(s).then_some(profile.skills[s]),
                    vouched_by: profile.vouched_by[s],
                    typical: typical[s],
                    gain: after - now,
                    after,
                })
            })
            .collect();
        gaps.sort_by(|a, b| b.gain.total_cmp(&a.gain).then(a.skill.cmp(&b.skill)));
        gaps
    }

    /// Credentials not held that lead to the path and would raise its
    /// fit, the largest rise first. A floor raises the level a skill is
    /// vouched at, never the level stated, so it can only close gaps.
    fn credential_steps(
        &self,
        class: usize,
        profile: &Profile,
        m: f64,
        closeness: &[f64],
    ) -> Vec<CredentialStep> {
        let target = &self.targets[class];
        let typical = &target.typical;
        let credential_feature = fit::credential_feature(typical.len());
        let now = self.artifact.fit.paths[class].fit(m);
        let mut steps: Vec<CredentialStep> = target
            .credentials
            .iter()
            .filter(|credential| !profile.credentials.contains(credential))
            .filter_map(|&credential| {
                let floors = &self.floors[credential];
                let mut changes: Vec<(usize, f64)> = floors
                    .iter()
                    .filter(|&&(s, floor)| floor > profile.skills[s])
                    .map(|&(s, floor)| (s, closeness[s].max(1.0 - (typical[s] - floor).max(0.0))))
                    .collect();
                changes.push((credential_feature, 1.0));
                let after = self.fit_with(class, m, closeness, &changes);
                (after > now).then_some(CredentialStep {
                    credential,
                    gain: after - now,
                    after,
                })
            })
            .collect();
        steps.sort_by(|a, b| {
            b.gain
                .total_cmp(&a.gain)
                .then(a.credential.cmp(&b.credential))
        });
        steps
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
