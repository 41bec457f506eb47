//! What links a career path to where the person stands, by the sources'
//! own statements: O*NET relates it to the occupation they work in
//! (Related Occupations), or an issuer leads to it from what they hold: a
//! credential whose issuer route names a credential or licence they hold
//! (the CCDS to an RN) and asks no more school, or
//! a route for a degree they hold that asks at most a year's program
//! (the RHIA's post-baccalaureate certificate to a bachelor's), or the
//! next rung of an issuer's ladder they are on (the RHIA after the RHIT).
//! A route links only when it is short: at most a year of school, or two
//! of work, still to go.

use super::eligibility::{program_years, Person, Status};
use crate::catalog::{Condition, Relatedness};

/// The most a route that links may still cost the person, in years of
/// school (work counting half): a link is a short way, not any way.
const MAX_LINK_COST: f64 = 1.0;

/// Why a path is linked to the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// O*NET lists it among their occupation's related occupations.
    Related(Relatedness),
    /// The issuer of a credential leading to it opens a route to a
    /// credential or licence they hold (index into the catalog's
    /// credentials).
    IssuerRoute(usize),
    /// The next rung of an issuer's ladder they are on leads to it
    /// (index into the catalog's credentials).
    Ladder(usize),
    /// The issuer of a credential leading to it opens a route to a degree
    /// they hold, with at most a year's program to go: a route for any
    /// graduate, so a weaker link than the others (index into the
    /// catalog's credentials).
    DegreeRoute(usize),
}

/// The first link of career path `path` to `person`, in the order above.
pub fn link(person: &Person<'_, '_>, path: usize) -> Option<Link> {
    let catalog = person.catalog;
    let profile = person.profile;
    if let Some(tier) = person.standing.occupation.and_then(|o| {
        catalog.occupations[o]
            .related
            .iter()
            .find(|(p, _)| *p == path)
            .map(|(_, t)| *t)
    }) {
        return Some(Link::Related(tier));
    }
    let held: Vec<usize> = profile
        .credentials
        .iter()
        .copied()
        .filter(|c| !profile.apprentice.contains(c))
        .collect();
    let leading = catalog
        .credentials
        .iter()
        .enumerate()
        .filter(|(c, credential)| credential.paths.contains(&path) && !held.contains(c));
    let (mut route, mut degree) = (None, None);
    for (index, credential) in leading {
        if credential.follows.iter().any(|f| held.contains(f)) {
            return Some(Link::Ladder(index));
        }
        for r in person.routes(&credential.rules) {
            let mut missing = r.conditions.iter().filter(|c| c.status == Status::Missing);
            if r.builds_on_holding() && r.cost <= MAX_LINK_COST {
                // The rest may be work, never more school.
                if route.is_none() && missing.all(|c| !is_education(c.condition)) {
                    route = Some(Link::IssuerRoute(index));
                }
            } else if degree.is_none()
                && r.cost <= MAX_LINK_COST
                && r.builds_on_degree()
                && missing.all(|c| {
                    matches!(c.condition, Condition::Program { level, .. } if program_years(*level) <= 1.0)
                })
            {
                degree = Some(Link::DegreeRoute(index));
            }
        }
    }
    route.or(degree)
}

/// Whether a condition asks for schooling (which a route that builds on
/// what the person holds should not still need).
fn is_education(condition: &Condition) -> bool {
    matches!(
        condition,
        Condition::Education(_) | Condition::College60 | Condition::Program { .. }
    )
}

impl Link {
    /// What the link counts for moving up or changing field: O*NET's
    /// Supplemental tier 0.9, a route open to any graduate 0.85 (changing
    /// field), the others 1.
    pub fn factor(self) -> f64 {
        match self {
            Self::Related(Relatedness::Supplemental) => 0.9,
            Self::DegreeRoute(_) => 0.85,
            _ => 1.0,
        }
    }
}
