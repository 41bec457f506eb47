//! The sampled rows, split into the rows a model is fitted on and the rows
//! it is evaluated on.

use super::synth::{sample, SynthConfig};
use himrec_domain::catalog::Catalog;
use himrec_domain::profile::Profile;

/// The sampled rows, split into training and held-out parts.
#[derive(Debug, Clone)]
pub struct Split {
    /// Training profiles.
    pub train: Vec<Profile>,
    /// Their career-path indexes.
    pub train_labels: Vec<usize>,
    /// Held-out profiles.
    pub test: Vec<Profile>,
    /// Their career-path indexes.
    pub test_labels: Vec<usize>,
}

/// Samples `rows` profiles with `seed` and holds out the last
/// `test_fraction` of them.
pub fn split(catalog: &Catalog, seed: u64, rows: usize, test_fraction: f64) -> Split {
    let (mut profiles, mut labels) = sample(catalog, SynthConfig { rows, seed });
    let n_test = (rows as f64 * test_fraction).round() as usize;
    let n_train = rows - n_test;
    let test = profiles.split_off(n_train);
    let test_labels = labels.split_off(n_train);
    Split {
        train: profiles,
        train_labels: labels,
        test,
        test_labels,
    }
}
