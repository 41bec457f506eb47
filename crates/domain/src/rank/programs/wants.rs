//! The programs a person's answer asks for: the steps of the shown
//! career paths' routes that a program takes. A program is on a path's
//! route when its level is the program the route needs next (its
//! education step: the first credential's program route, or the path's
//! entry education), counted in full; or a program route of another
//! credential on the route (a credential leads somewhere new, whatever
//! the level the person holds), counted at [`LATER_STEP`]; or, for a
//! credential open now whose issuer recommends training first, a
//! certificate program, in full for the first credential; or, where its
//! operator says it prepares for a credential on the route, in full. Its level alone never links a
//! program to a path: CIP 51.07 holds HIM and HIT, health administration,
//! medical office, coding and billing programs alike.

use crate::catalog::{Catalog, Condition};
use crate::education::EducationLevel;
use crate::rank::counsel::eligibility::Status;
use crate::rank::counsel::route::{CredentialCheck, PathRoute, Serves};

/// What a program of a later step of a route counts against the step
/// the person needs next.
pub(crate) const LATER_STEP: f64 = 0.6;

/// What a program on no step of the shown paths' routes counts: a filter
/// that lets it through still sees it ranked, below every program on a
/// route.
pub(crate) const OFF_ROUTE: f64 = 0.1;

/// The Scorecard level of an undergraduate certificate.
const CERTIFICATE: u8 = 1;

/// Whether the issuer recommends training before the exam that the person
/// is not known to have (AAPC's coding training, AHIMA's coding program
/// for the CCA).
fn recommends_training(check: &CredentialCheck<'_>) -> bool {
    check.recommended.as_ref().is_some_and(|r| {
        r.status() != Status::Met
            && r.conditions
                .iter()
                .any(|c| matches!(c.condition, Condition::Coursework(_)) && c.status != Status::Met)
    })
}

/// One program a path's route asks for.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Want {
    /// The career path.
    pub(crate) path: usize,
    /// The path's weight in the answer (its score over the shown paths').
    pub(crate) weight: f64,
    /// The Scorecard credential level of the program.
    pub(crate) level: u8,
    /// How much of the step it is: 1 for the step needed next.
    pub(crate) strength: f64,
    /// The credential whose route it is, if any (index into the catalog's).
    pub(crate) credential: Option<usize>,
    /// The accreditor the route needs, if any.
    pub(crate) accreditor: Option<String>,
    /// The entry education it gives, when it is the path's entry step.
    pub(crate) entry: Option<EducationLevel>,
}

/// Everything the shown paths' routes ask of programs.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Wants {
    pub(crate) list: Vec<Want>,
    /// Per path (catalog order), the credentials of its route shown.
    pub(crate) credentials: Vec<Vec<usize>>,
    /// Per path, its weight.
    pub(crate) weights: Vec<f64>,
}

impl Wants {
    /// The wants of the shown paths: `(path, weight, route)`.
    pub(crate) fn new(catalog: &Catalog, shown: &[(usize, f64, &PathRoute<'_>)]) -> Self {
        let paths = catalog.career_paths.len();
        let mut wants = Self {
            list: Vec::new(),
            credentials: vec![Vec::new(); paths],
            weights: vec![0.0; paths],
        };
        for &(path, weight, route) in shown {
            wants.weights[path] = weight;
            wants.credentials[path] = route.credentials.iter().map(|c| c.credential).collect();
            if let Some(step) = &route.education {
                for &level in &step.levels {
                    let (credential, entry) = match step.serves {
                        Serves::Credential(c) => (Some(c), None),
                        Serves::Entry(e) => (None, Some(e)),
                    };
                    wants.list.push(Want {
                        path,
                        weight,
                        level,
                        strength: 1.0,
                        credential,
                        accreditor: step.accreditor.map(str::to_owned),
                        entry,
                    });
                }
            }
            for (i, check) in route.credentials.iter().enumerate() {
                let strength = if i == 0 { 1.0 } else { LATER_STEP };
                if let Some((level, accreditor, status)) =
                    check.route.as_ref().and_then(|r| r.program())
                {
                    // A credential's program route leads somewhere new,
                    // whatever the level the person holds.
                    let first = wants
                        .list
                        .iter()
                        .any(|w| w.path == path && w.level == level && w.strength == 1.0);
                    if !first && status != Status::Met {
                        wants.list.push(Want {
                            path,
                            weight,
                            level,
                            strength: LATER_STEP,
                            credential: Some(check.credential),
                            accreditor: Some(accreditor.to_owned()),
                            entry: None,
                        });
                    }
                } else if check.status() != Status::Missing && recommends_training(check) {
                    // Open now, with the training its issuer recommends
                    // first: a certificate program takes it.
                    wants.list.push(Want {
                        path,
                        weight,
                        level: CERTIFICATE,
                        strength,
                        credential: Some(check.credential),
                        accreditor: None,
                        entry: None,
                    });
                }
            }
        }
        wants
    }

    /// How much each shown path's route asks for a group of programs of
    /// `level` that prepare for `prepares` (credential codes, as operators
    /// state them): per path, the strongest match, strongest path first.
    pub(crate) fn for_group(
        &self,
        catalog: &Catalog,
        level: u8,
        prepares: &[String],
    ) -> Vec<Match> {
        let prepared: Vec<usize> = prepares
            .iter()
            .filter_map(|code| catalog.credential_index(code))
            .collect();
        let mut matches: Vec<Match> = Vec::new();
        for (path, &weight) in self.weights.iter().enumerate() {
            if weight <= 0.0 {
                continue;
            }
            // The operator's word that it prepares for a credential on the
            // route puts it on the route whatever its level.
            if let Some(&credential) = prepared.iter().find(|c| self.credentials[path].contains(c))
            {
                matches.push(Match {
                    path,
                    weight,
                    strength: 1.0,
                    want: None,
                    prepared: Some(credential),
                });
                continue;
            }
            // A credential that leads to the path, though not among the
            // route's first steps shown: a later step.
            let later = prepared
                .iter()
                .find(|&&c| catalog.credentials[c].paths.contains(&path));
            let best = self
                .list
                .iter()
                .filter(|w| w.path == path && w.level == level)
                .max_by(|a, b| a.strength.total_cmp(&b.strength));
            if let Some(&credential) = later {
                if best.is_none_or(|w| w.strength <= LATER_STEP) {
                    matches.push(Match {
                        path,
                        weight,
                        strength: LATER_STEP,
                        want: None,
                        prepared: Some(credential),
                    });
                    continue;
                }
            }
            if let Some(want) = best {
                matches.push(Match {
                    path,
                    weight,
                    strength: want.strength,
                    want: Some(want.clone()),
                    prepared: None,
                });
            }
        }
        matches.sort_by(|a, b| {
            (b.weight * b.strength)
                .total_cmp(&(a.weight * a.strength))
                .then(a.path.cmp(&b.path))
        });
        matches
    }

    /// The weight of a group: the strongest of the shown paths' asks for
    /// its programs, each path's weight taken against the first path's (1
    /// for the step the first path needs next); [`OFF_ROUTE`] when no
    /// route asks for them. The strongest ask, not
    /// their sum: a level several weaker paths share must not outrank the
    /// step the first path needs.
    pub(crate) fn weight(&self, catalog: &Catalog, level: u8, prepares: &[String]) -> f64 {
        let top = self.weights.iter().copied().fold(0.0, f64::max);
        if top <= 0.0 {
            return OFF_ROUTE;
        }
        self.for_group(catalog, level, prepares)
            .iter()
            .map(|m| m.weight * m.strength / top)
            .fold(OFF_ROUTE, f64::max)
    }
}

/// How a path's route asks for a group of programs.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Match {
    /// The career path.
    pub(crate) path: usize,
    /// Its weight in the answer.
    pub(crate) weight: f64,
    /// How much of its route's next step the programs are.
    pub(crate) strength: f64,
    /// The program step of the route they take, if by level.
    pub(crate) want: Option<Want>,
    /// The credential on the route the operator says they prepare for.
    pub(crate) prepared: Option<usize>,
}
