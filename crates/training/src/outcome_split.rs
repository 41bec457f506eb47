//! The training and held-out rows of a model trained on an operator's
//! outcome records, with public-data rows mixed in and the career paths of
//! rows that name only a work setting drawn from a first model.

use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::logistic::{fit_logistic, matrix, TrainConfig};
use super::outcomes::{Outcomes, Taken};
use super::split::Split;
use super::synth::{sample, SynthConfig};
use super::TrainingError;
use himrec_domain::catalog::Catalog;
use himrec_domain::profile::Profile;

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
) -> Result<(Split, usize), TrainingError> {
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
