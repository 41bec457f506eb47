//! Fitting each career path's fit ([`himrec_domain::model::fit`]): per path, the
//! reference closeness of its sampled people, a logistic regression (linfa)
//! of the path's people against the other paths' people and background
//! profiles drawn from no path (`synth::background`) on the closeness
//! features, negative weights set to 0, and the quantiles of the match
//! among the path's own rows that describe their person in full
//! (`fit::describes_fully`).
//!
//! Against the other paths the regression learns what sets the path's
//! people apart (coding for coders); against a uniform background, what is
//! typical of them on every side, so a path whose people never state a
//! skill far above its level learns to weigh that, whether or not another
//! path's people do.

use linfa::prelude::*;
use linfa_logistic::LogisticRegression;
use ndarray::{Array1, Array2};

use super::{synth, TrainingError};
use himrec_domain::catalog::Catalog;
use himrec_domain::model::fit::{
    closeness, credential_feature, describes_fully, dimensions, interests_feature, FitParams,
    PathFit, Target, QUANTILES,
};
use himrec_domain::profile::Profile;

/// L2 penalty of each path's regression, far above the share's: without
/// it, a weight can rest on a feature nearly constant among the path's
/// sampled people (closeness to a skill the path barely asks), which would
/// make a real person's honest 0 there a large fault. Chosen on the
/// held-out evaluation (it keeps O*NET's Related Occupations in the top
/// three for 12 of 13 paths, where 3 keeps 11).
pub const FIT_ALPHA: f64 = 10.0;

/// Background profiles per path's people.
const BACKGROUND_PER_ROW: usize = 2;

/// Fits every path's fit on the training rows; `seed` draws the
/// background.
pub(crate) fn fit_paths(
    catalog: &Catalog,
    max_iterations: u64,
    rows: &[Profile],
    labels: &[usize],
    seed: u64,
) -> Result<FitParams, TrainingError> {
    let targets = Target::all(catalog);
    let mut paths = Vec::with_capacity(targets.len());
    let mut fitted_paths = Vec::with_capacity(targets.len());
    let per_path = rows.len() / targets.len().max(1);
    let background = synth::background(catalog, BACKGROUND_PER_ROW * per_path, seed);
    let interests = interests_feature(catalog.skills.len());
    let mut references: Vec<Vec<f64>> = targets
        .iter()
        .enumerate()
        .map(|(class, target)| {
            let own = rows.iter().zip(labels).filter(|(_, &l)| l == class);
            mean_closeness(own.map(|(r, _)| r), target)
        })
        .collect();
    // The field: every path's people, on this path's target.
    let fields: Vec<Vec<f64>> = targets
        .iter()
        .map(|target| mean_closeness(rows.iter(), target))
        .collect();
    // Interests not given count alike on every path (the mean over all
    // paths' people), so that interests, when given, order the paths as
    // their correlations do.
    let field =
        references.iter().map(|r| r[interests]).sum::<f64>() / references.len().max(1) as f64;
    for reference in &mut references {
        reference[interests] = field;
    }
    let fields: Vec<Vec<f64>> = fields
        .into_iter()
        .map(|mut f| {
            f[interests] = field;
            f
        })
        .collect();
    for (class, target) in targets.iter().enumerate() {
        let reference = references[class].clone();
        let dims = reference.len();
        let own: Vec<&Profile> = rows
            .iter()
            .zip(labels)
            .filter(|(_, &l)| l == class)
            .map(|(r, _)| r)
            .collect();
        let others = rows
            .iter()
            .zip(labels)
            .filter(|(_, &l)| l != class)
            .map(|(r, _)| r);
        let all: Vec<&Profile> = own
            .iter()
            .copied()
            .chain(others)
            .chain(&background)
            .collect();
        let mut x = Array2::zeros((all.len(), dims));
        let mut buffer = Vec::with_capacity(dims);
        for (i, row) in all.iter().enumerate() {
            closeness(row, target, &reference, &mut buffer);
            x.row_mut(i)
                .assign(&ndarray::ArrayView1::from(buffer.as_slice()));
        }
        let y: Array1<bool> = (0..all.len()).map(|i| i < own.len()).collect();
        let fitted = LogisticRegression::default()
            .alpha(FIT_ALPHA)
            .max_iterations(max_iterations)
            .fit(&Dataset::new(x.clone(), y))?;
        // linfa's positive class is the larger one: here, the background.
        let sign = if fitted.labels().pos.class { 1.0 } else { -1.0 };
        let weights: Vec<f64> = fitted
            .params()
            .iter()
            .map(|w| (sign * w).max(0.0))
            .collect();
        fitted_paths.push((weights, reference, x, own));
    }
    // One weight for the interests on every path: the mean of the learned
    // ones. Interests alone then order the paths as their correlations do,
    // which is how O*NET's Interest Profiler matches people to occupations.
    let shared = fitted_paths.iter().map(|(w, ..)| w[interests]).sum::<f64>()
        / fitted_paths.len().max(1) as f64;
    for (mut weights, reference, x, own_rows) in fitted_paths {
        let n_own = own_rows.len();
        weights[interests] = shared;
        // The fit compares with the path's people described in full.
        let full: Vec<usize> = (0..n_own)
            .filter(|&i| describes_fully(own_rows[i]))
            .collect();
        let described = if full.is_empty() {
            (0..n_own).collect()
        } else {
            full
        };
        let mut own: Vec<f64> = described
            .iter()
            .map(|&i| x.row(i).iter().zip(&weights).map(|(f, w)| f * w).sum())
            .collect();
        own.sort_by(f64::total_cmp);
        let quantiles = (0..QUANTILES)
            .map(|k| {
                let at = k as f64 / (QUANTILES - 1) as f64 * (own.len() - 1) as f64;
                let (low, high) = (at.floor() as usize, at.ceil() as usize);
                own[low] + (own[high] - own[low]) * (at - low as f64)
            })
            .collect();
        paths.push(PathFit {
            weights,
            reference,
            quantiles,
            field: fields[paths.len()].clone(),
        });
    }
    Ok(FitParams { paths })
}

/// Each closeness feature's mean over the rows that say it (a skill over
/// the rows naming it, interests and education over the rows giving them;
/// 0.5 if none does), and the credential feature's over all of them (the
/// share holding a credential that leads to the path).
fn mean_closeness<'a>(rows: impl Iterator<Item = &'a Profile>, target: &Target) -> Vec<f64> {
    let dims = dimensions(target.typical.len());
    let credential = credential_feature(target.typical.len());
    let mut unknown = vec![f64::NAN; dims];
    unknown[credential] = 0.0;
    let (mut sums, mut counts) = (vec![0.0; dims], vec![0usize; dims]);
    let mut buffer = Vec::with_capacity(dims);
    for row in rows {
        closeness(row, target, &unknown, &mut buffer);
        for (j, value) in buffer.iter().enumerate() {
            if value.is_finite() {
                sums[j] += value;
                counts[j] += 1;
            }
        }
    }
    sums.iter()
        .zip(&counts)
        .map(|(s, &c)| if c > 0 { s / c as f64 } else { 0.5 })
        .collect()
}
