//! Baselines the model is measured against: class frequencies, and cosine
//! matching of a profile against each path's typical profile (skills and
//! interests, or interests alone as O*NET's Interest Profiler matches).

use super::metrics::evaluate as score;
use super::split::Split;
use himrec_domain::catalog::Catalog;
use himrec_domain::profile::Profile;

/// Class frequencies of the training labels: the majority class first for
/// every profile, with calibrated base rates.
pub(crate) fn class_frequencies(labels: &[usize], n_classes: usize) -> Vec<f64> {
    let mut counts = vec![0.0; n_classes];
    for &label in labels {
        counts[label] += 1.0;
    }
    let total: f64 = counts.iter().sum();
    counts.iter().map(|c| c / total).collect()
}

/// What a cosine baseline compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CosineInput {
    SkillsAndInterests,
    Interests,
}

#[derive(Debug, Clone)]
pub(crate) struct CosineBaseline {
    input: CosineInput,
    targets: Vec<Vec<f64>>,
    temperature: f64,
}

impl CosineBaseline {
    fn vector(input: CosineInput, skills: &[f64], interests: Option<&[f64; 6]>) -> Vec<f64> {
        let interests = interests.copied().unwrap_or([0.0; 6]);
        match input {
            CosineInput::SkillsAndInterests => {
                let mut v = skills.to_vec();
                v.extend_from_slice(&interests);
                v
            }
            CosineInput::Interests => interests.to_vec(),
        }
    }

    pub(crate) fn fit(catalog: &Catalog, input: CosineInput, split: &Split) -> Self {
        let targets = catalog
            .career_paths
            .iter()
            .map(|p| Self::vector(input, &p.typical_skills, Some(&p.interests)))
            .collect();
        let mut best = Self {
            input,
            targets,
            temperature: 1.0,
        };
        let mut best_loss = f64::INFINITY;
        for temperature in [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0] {
            let candidate = Self {
                temperature,
                ..best.clone()
            };
            let probabilities: Vec<Vec<f64>> = split
                .train
                .iter()
                .map(|p| candidate.probabilities(p))
                .collect();
            let loss = score("cosine", &probabilities, &split.train_labels).log_loss;
            if loss < best_loss {
                best_loss = loss;
                best = candidate;
            }
        }
        best
    }

    pub(crate) fn probabilities(&self, profile: &Profile) -> Vec<f64> {
        let person = Self::vector(self.input, &profile.skills, profile.interests.as_ref());
        let scores: Vec<f64> = self
            .targets
            .iter()
            .map(|t| self.temperature * cosine(&person, t))
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
