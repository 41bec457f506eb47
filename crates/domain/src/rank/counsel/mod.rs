//! Counsel: what a career path means for this person, as an HIM program
//! director or career counselor would weigh it. The model says how well
//! the person meets what each path asks (the fit); counsel asks what
//! they want and where they stand ([`standing`]), scores each path for
//! that goal by documented rules ([`score`]), leaves out weak matches,
//! and lays out the route to each path shown, checked against the
//! issuers' eligibility rules ([`eligibility`], [`route`]). Its sentences
//! are in [`texts`].

pub mod eligibility;
pub mod links;
pub mod prospects;
pub mod reasons;
pub mod route;
pub mod score;
pub mod standing;
pub mod texts;
mod words;

use crate::catalog::Catalog;
use crate::profile::Profile;
use eligibility::Person;
use route::PathRoute;
use score::{PathScore, MIN_LISTED, MIN_SCORE};
use standing::Standing;

/// Every career path scored for one person's goal.
#[derive(Debug, Clone)]
pub struct Counsel {
    /// Where the person stands, and the goal the answer serves.
    pub standing: Standing,
    /// Every path's score, in catalog order.
    pub scores: Vec<PathScore>,
}

impl Counsel {
    /// Scores every path from its `fits` and how strongly what the
    /// profile says points to it (`pointing`, [`crate::model::Assessment`]).
    pub fn new(catalog: &Catalog, profile: &Profile, fits: &[f64], pointing: &[f64]) -> Self {
        let standing = Standing::of(catalog, profile);
        let person = Person {
            catalog,
            profile,
            standing: &standing,
        };
        let mut scores: Vec<PathScore> = fits
            .iter()
            .zip(pointing)
            .enumerate()
            .map(|(index, (&fit, &pointing))| {
                let path = score::Path {
                    index,
                    fit: fit.clamp(0.0, 1.0),
                    pointing,
                    link: links::link(&person, index),
                };
                score::score(catalog, &standing, profile, path)
            })
            .collect();
        score::hold_shrinking_below(standing.goal, &mut scores);
        Self { standing, scores }
    }

    /// The paths worth listing (score at least [`MIN_SCORE`], or the best
    /// [`MIN_LISTED`] whatever their scores when fewer reach it), highest
    /// score first; ties by fit, then catalog order.
    pub fn listed(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.scores.len()).collect();
        order.sort_by(|&a, &b| {
            let (x, y) = (&self.scores[a], &self.scores[b]);
            y.score
                .total_cmp(&x.score)
                .then(y.fit.total_cmp(&x.fit))
                .then(a.cmp(&b))
        });
        let strong = order
            .iter()
            .filter(|&&p| self.scores[p].score >= MIN_SCORE)
            .count();
        order.truncate(strong.max(MIN_LISTED));
        order
    }

    /// How many paths are left out of [`Counsel::listed`] as weak matches.
    pub fn weak(&self) -> usize {
        self.scores.len() - self.listed().len()
    }

    /// The route to path `path`; `gain` says how much each credential
    /// would raise its fit.
    pub fn route<'a>(
        &self,
        catalog: &'a Catalog,
        profile: &Profile,
        path: usize,
        gain: impl Fn(usize) -> f64,
    ) -> PathRoute<'a> {
        let person = Person {
            catalog,
            profile,
            standing: &self.standing,
        };
        route::route(&person, path, gain)
    }
}
