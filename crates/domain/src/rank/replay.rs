//! One model's answers to a file of real requests, summed up as an
//! operator reads them before serving it: which career path people would
//! see first and how well it fits them, and, for people who hold a
//! credential, whether a path that credential leads to (as its issuer
//! describes it, `Credential::leads_to`) comes first or in the first three.
//! Nothing of a profile is kept: only counts by path and the fits.

use super::answer::Recommendations;
use super::query::Query;
use crate::catalog::Catalog;

/// The first places a credential holder's own path may take to count as
/// near the top.
pub const NEAR_TOP: usize = 3;

/// The summary of many answers, added one at a time.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Replay {
    /// Answers added.
    pub answers: usize,
    /// Answers by first career path (catalog index).
    pub first_paths: Vec<usize>,
    /// The first path's fit, per answer.
    first_fits: Vec<f64>,
    /// Answers to profiles that state at least one credential.
    pub credentialed: usize,
    /// Of those, answers whose first path is one a stated credential leads to.
    pub own_path_first: usize,
    /// Of those, answers with such a path among the first [`NEAR_TOP`].
    pub own_path_near_top: usize,
}

impl Replay {
    /// Adds the answer to `query`, which must rank at least [`NEAR_TOP`]
    /// paths.
    pub fn add(&mut self, catalog: &Catalog, query: &Query, answer: &Recommendations) {
        self.answers += 1;
        self.first_paths.resize(catalog.career_paths.len(), 0);
        if let Some(first) = answer.career_paths.first() {
            if let Some(n) = self.first_paths.get_mut(first.path) {
                *n += 1;
            }
            self.first_fits.push(first.score);
        }
        let held = &query.profile.credentials;
        if held.is_empty() {
            return;
        }
        self.credentialed += 1;
        let own = |path: usize| {
            held.iter()
                .any(|&c| catalog.credentials[c].paths.contains(&path))
        };
        let places: Vec<usize> = answer.career_paths.iter().map(|c| c.path).collect();
        if places.first().is_some_and(|&p| own(p)) {
            self.own_path_first += 1;
        }
        if places.iter().take(NEAR_TOP).any(|&p| own(p)) {
            self.own_path_near_top += 1;
        }
    }

    /// The first path's fit at quantile `q` (0 to 1) of the answers; `None`
    /// before any answer.
    pub fn first_fit_quantile(&self, q: f64) -> Option<f64> {
        if self.first_fits.is_empty() {
            return None;
        }
        let mut fits = self.first_fits.clone();
        fits.sort_by(f64::total_cmp);
        let at = ((fits.len() - 1) as f64 * q.clamp(0.0, 1.0)).round() as usize;
        Some(fits[at])
    }

    /// Paths by how many answers put them first, most first; paths no
    /// answer put first are left out.
    pub fn first_paths_by_count(&self) -> Vec<(usize, usize)> {
        let mut paths: Vec<(usize, usize)> = self
            .first_paths
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, n)| *n > 0)
            .collect();
        paths.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        paths
    }
}
