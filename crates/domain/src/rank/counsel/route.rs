//! The route to a career path from where the person stands: the
//! education step it needs (a program of the level the person needs
//! next), and the credentials that lead to it in the order a counselor
//! names them, each checked against the issuer's eligibility routes.
//!
//! Credentials held are never offered, nor those a credential held
//! supersedes: the lower rungs of an issuer's ladder (`follows`: the CCA
//! under the CCS, the RHIT under the RHIA), and an issuer's credentials
//! that lead to the same path at a lower education (the CCA under the
//! RHIT); nor one every route to which is a program below the education
//! the person holds (the RHIT's associate program to a bachelor's). A credential held in its apprentice form (CPC-A) is a step of
//! its own: completing the apprenticeship. The order: the next rung of a
//! ladder the person is on; then a route the issuer opens to a
//! credential, licence or degree they hold (CHPS to an RHIT, CCDS to an
//! RN, the RHIA's post-baccalaureate certificate to a bachelor's); then
//! what they can sit now, those whose issuer's recommendations they meet
//! first; then the routes that cost least, in years of school (work
//! counting half); then the credential that leads to more of the field's
//! paths; then what raises the fit most. A credential whose issuer's
//! rules could not be confirmed comes last, said as unknown.

use super::eligibility::{Person, RouteCheck, Status};
use crate::catalog::{program_education, Catalog, Condition, Credential};
use crate::education::EducationLevel;

/// What a credential step asks of the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    /// Earn the credential.
    Earn,
    /// Complete the apprenticeship of a credential held in its apprentice
    /// form.
    CompleteApprenticeship,
}

/// A credential on the route, checked against the person.
#[derive(Debug, Clone, PartialEq)]
pub struct CredentialCheck<'a> {
    /// Index into the catalog's credentials.
    pub credential: usize,
    /// Earn it, or complete its apprenticeship.
    pub kind: StepKind,
    /// The issuer's route that costs the person least; `None` when the
    /// issuer's rules could not be confirmed.
    pub route: Option<RouteCheck<'a>>,
    /// The issuer's recommendations, checked the same way, if it makes
    /// any.
    pub recommended: Option<RouteCheck<'a>>,
    /// The next rung of a ladder the person is on.
    pub next_rung: bool,
}

impl CredentialCheck<'_> {
    /// Open now, missing something, or unknown.
    pub fn status(&self) -> Status {
        self.route
            .as_ref()
            .map_or(Status::Unknown, RouteCheck::status)
    }
}

/// What an education step serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Serves {
    /// A credential's program route (index into the catalog's).
    Credential(usize),
    /// The path's entry education (BLS's typical education for entry).
    Entry(EducationLevel),
}

/// A program the person needs next on the route.
#[derive(Debug, Clone, PartialEq)]
pub struct EducationStep<'a> {
    /// The Scorecard credential levels of programs that take it.
    pub levels: Vec<u8>,
    /// The accreditor such a program needs, if any.
    pub accreditor: Option<&'a str>,
    /// What it serves.
    pub serves: Serves,
    /// Missing, or unknown (the person's degree may be such a program).
    pub status: Status,
}

/// The route to one career path.
#[derive(Debug, Clone, PartialEq)]
pub struct PathRoute<'a> {
    /// The program the person needs next, if any.
    pub education: Option<EducationStep<'a>>,
    /// The credentials, in the order a counselor names them.
    pub credentials: Vec<CredentialCheck<'a>>,
}

/// The Scorecard credential levels of programs that give an entry
/// education (none for a high school diploma).
pub fn entry_levels(entry: EducationLevel) -> Vec<u8> {
    match entry {
        EducationLevel::LessThanHighSchool | EducationLevel::HighSchool => Vec::new(),
        EducationLevel::PostsecondaryCertificate | EducationLevel::SomeCollege => vec![1],
        EducationLevel::Associate => vec![2],
        EducationLevel::Bachelor => vec![3],
        EducationLevel::PostBaccalaureateCertificate => vec![4],
        EducationLevel::Master | EducationLevel::PostMastersCertificate => vec![5],
        EducationLevel::Doctorate => vec![6],
    }
}

/// Whether holding `held` makes `credential` a step back: a lower rung
/// of its issuer's ladder, or the same issuer's credential for a path
/// they share at a lower education.
pub fn superseded(catalog: &Catalog, held: usize, credential: usize) -> bool {
    let (h, c) = (&catalog.credentials[held], &catalog.credentials[credential]);
    let mut rungs = h.follows.clone();
    let mut seen = Vec::new();
    while let Some(rung) = rungs.pop() {
        if rung == credential {
            return true;
        }
        if !seen.contains(&rung) {
            seen.push(rung);
            rungs.extend(&catalog.credentials[rung].follows);
        }
    }
    let shares_a_path = c.paths.iter().any(|p| h.paths.contains(p));
    h.issuer == c.issuer
        && shares_a_path
        && matches!(
            (c.implied_education(), h.implied_education()),
            (Some(lower), Some(higher)) if lower < higher
        )
}

/// Whether every route to `credential` is a program below the education
/// the person holds: going back to a lower degree (the RHIT's associate
/// program for one who holds a bachelor's) is no step forward.
fn below_education(credential: &Credential, held: Option<EducationLevel>) -> bool {
    let Some(held) = held else { return false };
    !credential.rules.is_empty()
        && credential.rules.iter().all(|route| {
            route.iter().any(|c| match c {
                Condition::Program { level, .. } => {
                    program_education(*level).is_some_and(|gives| gives < held)
                }
                _ => false,
            })
        })
}

/// The route to career path `path` for `person`; `gain` says how much
/// each credential would raise the path's fit (0 where it would not).
pub fn route<'a>(
    person: &Person<'a, '_>,
    path: usize,
    gain: impl Fn(usize) -> f64,
) -> PathRoute<'a> {
    let catalog = person.catalog;
    let profile = person.profile;
    let full: Vec<usize> = profile
        .credentials
        .iter()
        .copied()
        .filter(|c| !profile.apprentice.contains(c))
        .collect();
    let mut steps: Vec<CredentialCheck<'a>> = catalog
        .credentials
        .iter()
        .enumerate()
        .filter(|(c, credential)| credential.paths.contains(&path) && !full.contains(c))
        .filter(|(c, _)| !full.iter().any(|&h| superseded(catalog, h, *c)))
        .filter(|(_, credential)| !below_education(credential, person.standing.education))
        .map(|(c, credential)| check(person, &full, c, credential))
        .collect();
    let breadth = |c: usize| catalog.credentials[c].paths.len();
    steps.sort_by(|a, b| {
        let key = |s: &CredentialCheck<'_>| {
            let known = s.route.is_some();
            // A route for a credential or licence held comes before one
            // for any graduate of a degree held.
            let builds = s.route.as_ref().map_or(0, |r| {
                if r.builds_on_holding() {
                    2
                } else {
                    u8::from(r.builds_on_degree())
                }
            });
            let advice = match (s.status(), &s.recommended) {
                (Status::Met, Some(r)) => r.status(),
                _ => Status::Met,
            };
            let cost = s.route.as_ref().map_or(0.0, |r| r.cost)
                + s.recommended.as_ref().map_or(0.0, |r| r.cost);
            (!known, !s.next_rung, 2 - builds, s.status(), advice, cost)
        };
        let (ka, kb) = (key(a), key(b));
        (ka.0, ka.1, ka.2, ka.3, ka.4)
            .cmp(&(kb.0, kb.1, kb.2, kb.3, kb.4))
            .then(ka.5.total_cmp(&kb.5))
            .then(breadth(b.credential).cmp(&breadth(a.credential)))
            .then(gain(b.credential).total_cmp(&gain(a.credential)))
            .then(a.credential.cmp(&b.credential))
    });
    let education = education_step(person, path, &steps);
    PathRoute {
        education,
        credentials: steps,
    }
}

fn check<'a>(
    person: &Person<'a, '_>,
    full: &[usize],
    index: usize,
    credential: &'a Credential,
) -> CredentialCheck<'a> {
    let apprentice = person.profile.apprentice.contains(&index);
    match (&credential.apprentice, apprentice) {
        (Some(form), true) => CredentialCheck {
            credential: index,
            kind: StepKind::CompleteApprenticeship,
            route: person.best_route(&form.removal),
            recommended: None,
            next_rung: true,
        },
        _ => CredentialCheck {
            credential: index,
            kind: StepKind::Earn,
            route: person.best_route(&credential.rules),
            recommended: person.best_route(&credential.recommended),
            next_rung: credential.follows.iter().any(|f| full.contains(f)),
        },
    }
}

/// The program the person needs next on the route: the program the first
/// credential's route asks, or else the path's entry education where the
/// person's is known to be lower.
fn education_step<'a>(
    person: &Person<'a, '_>,
    path: usize,
    steps: &[CredentialCheck<'a>],
) -> Option<EducationStep<'a>> {
    if let Some((level, accreditor, status)) = steps
        .first()
        .and_then(|s| s.route.as_ref())
        .and_then(RouteCheck::program)
    {
        return Some(EducationStep {
            levels: vec![level],
            accreditor: Some(accreditor),
            serves: Serves::Credential(steps[0].credential),
            status,
        });
    }
    let entry = person.catalog.career_paths[path]
        .outlook
        .as_ref()?
        .entry_education?;
    let held = person.standing.education?;
    let levels = entry_levels(entry);
    (held < entry && !levels.is_empty()).then_some(EducationStep {
        levels,
        accreditor: None,
        serves: Serves::Entry(entry),
        status: Status::Missing,
    })
}
