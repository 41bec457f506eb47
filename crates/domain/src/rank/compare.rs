//! Two models' answers to the same requests, compared as an operator reads
//! them before promoting one: how often the first career path stays, how
//! the path order correlates (Spearman), how much the fits move, how many
//! of the first ten programs stay, and which first paths move where.

use std::collections::BTreeMap;

use super::answer::Recommendations;
use super::query::{Detail, Query};

/// Programs compared per answer.
pub const PROGRAMS_COMPARED: usize = 10;

/// `query` as both models answer it for a comparison: every one of the
/// catalog's `paths` ranked (their orders are compared whole), the first
/// programs, and no reasons written.
pub fn comparable(mut query: Query, paths: usize) -> Query {
    query.limits.career_paths = paths;
    query.limits.programs = PROGRAMS_COMPARED;
    query.detail = Detail::Basic;
    query
}

/// The comparison of many answer pairs, added one pair at a time.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Comparison {
    /// Answer pairs compared.
    pub answers: usize,
    /// Sum of the Spearman correlations of the pairs' path orders.
    spearman_sum: f64,
    /// Sum over pairs of the mean absolute change of the paths' fits.
    fit_change_sum: f64,
    /// Sum over pairs of the share of the first programs both list.
    program_overlap_sum: f64,
    /// (stable first path, candidate first path) -> pairs; paths are
    /// catalog indices.
    pub first_paths: BTreeMap<(usize, usize), usize>,
}

impl Comparison {
    /// Adds one pair of answers to the same request. Both must rank every
    /// career path (the path orders are compared whole).
    pub fn add(&mut self, stable: &Recommendations, candidate: &Recommendations) {
        self.answers += 1;
        let (first, other) = (
            stable.career_paths.first().map(|c| c.path),
            candidate.career_paths.first().map(|c| c.path),
        );
        if let Some(pair) = first.zip(other) {
            *self.first_paths.entry(pair).or_default() += 1;
        }
        let paths = stable.career_paths.len().max(1);
        let place = |r: &Recommendations| {
            let mut places = vec![None; paths];
            for (i, c) in r.career_paths.iter().enumerate() {
                if let Some(p) = places.get_mut(c.path) {
                    *p = Some(i);
                }
            }
            places
        };
        let (a, b) = (place(stable), place(candidate));
        let n = paths as f64;
        let d2: f64 = a
            .iter()
            .zip(&b)
            .filter_map(|(x, y)| Some((x.as_ref()?, y.as_ref()?)))
            .map(|(x, y)| (*x as f64 - *y as f64).powi(2))
            .sum();
        self.spearman_sum += if paths > 1 {
            1.0 - 6.0 * d2 / (n * (n * n - 1.0))
        } else {
            1.0
        };
        let fit = |r: &Recommendations, path: usize| {
            r.career_paths
                .iter()
                .find(|c| c.path == path)
                .map(|c| c.score)
        };
        let changes: Vec<f64> = stable
            .career_paths
            .iter()
            .filter_map(|c| Some((c.score - fit(candidate, c.path)?).abs()))
            .collect();
        if !changes.is_empty() {
            self.fit_change_sum += changes.iter().sum::<f64>() / changes.len() as f64;
        }
        let top = |r: &Recommendations| -> Vec<usize> {
            r.programs
                .iter()
                .take(PROGRAMS_COMPARED)
                .map(|p| p.program)
                .collect()
        };
        let (x, y) = (top(stable), top(candidate));
        let listed = x.len().max(y.len());
        self.program_overlap_sum += if listed == 0 {
            1.0
        } else {
            x.iter().filter(|p| y.contains(p)).count() as f64 / listed as f64
        };
    }

    /// Adds the pairs `other` compared.
    pub fn merge(&mut self, other: &Comparison) {
        self.answers += other.answers;
        self.spearman_sum += other.spearman_sum;
        self.fit_change_sum += other.fit_change_sum;
        self.program_overlap_sum += other.program_overlap_sum;
        for (&pair, &n) in &other.first_paths {
            *self.first_paths.entry(pair).or_default() += n;
        }
    }

    /// Share of pairs whose first path is the same.
    pub fn first_path_agreement(&self) -> f64 {
        let same: usize = self
            .first_paths
            .iter()
            .filter(|((a, b), _)| a == b)
            .map(|(_, n)| n)
            .sum();
        self.mean(same as f64)
    }

    /// Mean Spearman correlation of the path orders.
    pub fn rank_correlation(&self) -> f64 {
        self.mean(self.spearman_sum)
    }

    /// Mean absolute change of a path's fit.
    pub fn mean_fit_change(&self) -> f64 {
        self.mean(self.fit_change_sum)
    }

    /// Mean share of the first ten programs both answers list.
    pub fn program_overlap(&self) -> f64 {
        self.mean(self.program_overlap_sum)
    }

    /// The moves of the first path, most frequent first.
    pub fn moves_by_count(&self) -> Vec<((usize, usize), usize)> {
        let mut moves: Vec<_> = self
            .first_paths
            .iter()
            .filter(|((a, b), _)| a != b)
            .map(|(k, v)| (*k, *v))
            .collect();
        moves.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        moves
    }

    /// `rows[stable][candidate]`: pairs by first path, over `paths` paths.
    pub fn first_path_matrix(&self, paths: usize) -> Vec<Vec<usize>> {
        let mut rows = vec![vec![0; paths]; paths];
        for (&(a, b), &n) in &self.first_paths {
            if a < paths && b < paths {
                rows[a][b] += n;
            }
        }
        rows
    }

    fn mean(&self, sum: f64) -> f64 {
        if self.answers == 0 {
            0.0
        } else {
            sum / self.answers as f64
        }
    }
}
