//! Checking an issuer's eligibility routes against a person: each
//! condition met, missing (a step to take) or unknown (the profile does
//! not say), and the route that costs the person least, in years.
//!
//! What was not said is unknown, never missing: experience is missing
//! only where the person named an occupation whose years do not count
//! for it, or is new to the field by their own word (exploring, changing
//! field), and a program only where they hold less education than it
//! gives, or come from another field.

use super::standing::Standing;
use crate::catalog::{program_education, Catalog, Condition, Licence, Route};
use crate::education::EducationLevel;
use crate::profile::{Goal, Profile};

/// A year of work counts this much against a year of school in a
/// route's cost: work is paid, and many do it already.
const WORK_YEAR: f64 = 0.5;
/// What a condition the profile cannot tell costs.
const UNKNOWN_COST: f64 = 0.5;
/// What a missing licence costs: a nursing program.
const LICENCE_COST: f64 = 3.0;
/// What another credential a route names costs to earn first.
const CREDENTIAL_COST: f64 = 2.0;

/// Whether a condition holds for the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// It holds.
    Met,
    /// The profile does not say.
    Unknown,
    /// It does not hold yet: a step to take.
    Missing,
}

/// A condition and whether it holds, with what is left of it: years of
/// experience still to gain.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked<'a> {
    /// The condition.
    pub condition: &'a Condition,
    /// Whether it holds.
    pub status: Status,
    /// For experience, the years the person has of it, where known.
    pub years_held: Option<f64>,
    /// Where it holds, what of the person's meets it.
    pub met_by: Option<MetBy>,
}

/// What of the person's meets a condition: their education (which may be
/// more than the condition asks), the credential or the licence they hold
/// among those it names.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MetBy {
    /// Their education.
    Education(EducationLevel),
    /// A credential held, by index into the catalog's.
    Credential(usize),
    /// A licence held.
    Licence(Licence),
}

/// One of an issuer's routes checked against the person.
#[derive(Debug, Clone, PartialEq)]
pub struct RouteCheck<'a> {
    /// Its index among the issuer's routes.
    pub route: usize,
    /// Its conditions, checked.
    pub conditions: Vec<Checked<'a>>,
    /// What it costs the person, in years of school (work counts half).
    pub cost: f64,
}

impl<'a> RouteCheck<'a> {
    /// Met when every condition is; missing when any is; else unknown.
    pub fn status(&self) -> Status {
        self.conditions
            .iter()
            .map(|c| c.status)
            .max()
            .unwrap_or(Status::Met)
    }

    /// Whether a condition met names a credential or licence the person
    /// holds: a route the issuer opens to what they already have.
    pub fn builds_on_holding(&self) -> bool {
        self.conditions.iter().any(|c| {
            c.status == Status::Met
                && matches!(c.condition, Condition::Holds(_) | Condition::Licence(_))
        })
    }

    /// Whether a condition met is a bachelor's degree or more the person
    /// holds: a route the issuer opens to degree holders.
    pub fn builds_on_degree(&self) -> bool {
        self.conditions.iter().any(|c| {
            c.status == Status::Met
                && matches!(c.condition, Condition::Education(level) if *level >= EducationLevel::Bachelor)
        })
    }

    /// The program a condition not met asks for, if any, with whether it
    /// is missing or unknown.
    pub fn program(&self) -> Option<(u8, &'a str, Status)> {
        self.conditions.iter().find_map(|c| match c.condition {
            Condition::Program { level, accreditor } if c.status != Status::Met => {
                Some((*level, accreditor.as_str(), c.status))
            }
            _ => None,
        })
    }
}

/// Years of school to reach an education level from none past high
/// school (IPEDS's usual lengths: an associate's 2, a bachelor's 4, a
/// master's 2 more).
fn years_to(level: EducationLevel) -> f64 {
    match level {
        EducationLevel::LessThanHighSchool | EducationLevel::HighSchool => 0.0,
        EducationLevel::PostsecondaryCertificate | EducationLevel::SomeCollege => 1.0,
        EducationLevel::Associate => 2.0,
        EducationLevel::Bachelor => 4.0,
        EducationLevel::PostBaccalaureateCertificate => 5.0,
        EducationLevel::Master => 6.0,
        EducationLevel::PostMastersCertificate => 7.0,
        EducationLevel::Doctorate => 9.0,
    }
}

/// Years a program of a Scorecard credential level takes on top of what
/// it builds on.
pub(crate) fn program_years(level: u8) -> f64 {
    match level {
        1 | 4 | 8 => 1.0,
        6 | 7 => 4.0,
        _ => 2.0,
    }
}

/// The person routes are checked against.
#[derive(Debug, Clone, Copy)]
pub struct Person<'c, 'p> {
    /// The catalog.
    pub catalog: &'c Catalog,
    /// The profile.
    pub profile: &'p Profile,
    /// Where they stand.
    pub standing: &'p Standing,
}

impl Person<'_, '_> {
    /// Whether one condition holds for the person.
    pub fn check<'c>(&self, condition: &'c Condition) -> Checked<'c> {
        let (status, years_held) = self.status(condition);
        let met_by = (status == Status::Met)
            .then(|| self.met_by(condition))
            .flatten();
        Checked {
            condition,
            status,
            years_held,
            met_by,
        }
    }

    /// What of the person's meets `condition`, where it holds.
    fn met_by(&self, condition: &Condition) -> Option<MetBy> {
        let profile = self.profile;
        match condition {
            Condition::Education(_) | Condition::College60 => {
                self.standing.education.map(MetBy::Education)
            }
            Condition::Holds(codes) => profile
                .credentials
                .iter()
                .find(|c| codes.contains(c) && !profile.apprentice.contains(c))
                .map(|&c| MetBy::Credential(c)),
            Condition::Licence(licences) => licences
                .iter()
                .find(|l| profile.licences.contains(l))
                .map(|&l| MetBy::Licence(l)),
            _ => None,
        }
    }

    fn status(&self, condition: &Condition) -> (Status, Option<f64>) {
        let education = self.standing.education;
        let at_least = |level: EducationLevel| match education {
            Some(held) if held >= level => Status::Met,
            Some(_) => Status::Missing,
            None => Status::Unknown,
        };
        let status = match condition {
            Condition::Open => Status::Met,
            Condition::Education(level) => at_least(*level),
            Condition::College60 => match education {
                Some(held) if held >= EducationLevel::Associate => Status::Met,
                // Some college may or may not be 60 credits.
                Some(held) if held >= EducationLevel::SomeCollege => Status::Unknown,
                Some(_) => Status::Missing,
                None => Status::Unknown,
            },
            Condition::Program { level, .. } => {
                let gives = program_education(*level).unwrap_or(EducationLevel::Doctorate);
                let from_another_field = matches!(self.standing.goal, Goal::Explore | Goal::Change);
                match education {
                    Some(held) if held >= gives && !from_another_field => Status::Unknown,
                    _ => Status::Missing,
                }
            }
            Condition::Holds(codes) => {
                let held = self
                    .profile
                    .credentials
                    .iter()
                    .any(|c| codes.contains(c) && !self.profile.apprentice.contains(c));
                if held {
                    Status::Met
                } else {
                    Status::Missing
                }
            }
            Condition::Licence(licences) => {
                if licences.iter().any(|l| self.profile.licences.contains(l)) {
                    Status::Met
                } else {
                    Status::Missing
                }
            }
            Condition::Experience { years, domain } => {
                let Some(occupation) = self.standing.occupation else {
                    // New to the field, by their own word: no years in it.
                    return match self.standing.goal {
                        Goal::Explore | Goal::Change => (Status::Missing, Some(0.0)),
                        _ => (Status::Unknown, None),
                    };
                };
                if !self.catalog.occupations[occupation]
                    .experience
                    .contains(domain)
                {
                    return (Status::Missing, Some(0.0));
                }
                return match self.profile.years_experience {
                    Some(held) if held >= *years => (Status::Met, Some(held)),
                    Some(held) => (Status::Missing, Some(held)),
                    None => (Status::Unknown, None),
                };
            }
            Condition::Coursework(_) => Status::Unknown,
        };
        (status, None)
    }

    /// What a checked condition costs the person, in years.
    fn cost(&self, checked: &Checked<'_>) -> f64 {
        let from = self
            .standing
            .education
            .unwrap_or(EducationLevel::HighSchool);
        match (checked.status, checked.condition) {
            (Status::Met, _) => 0.0,
            // Education not stated: half what it costs from high school.
            (Status::Unknown, Condition::Education(level)) if self.standing.education.is_none() => {
                0.5 * years_to(*level)
            }
            (Status::Unknown, Condition::College60) if self.standing.education.is_none() => {
                0.5 * years_to(EducationLevel::Associate)
            }
            (Status::Unknown, _) => UNKNOWN_COST,
            (Status::Missing, Condition::Education(level)) => {
                (years_to(*level) - years_to(from)).max(1.0)
            }
            (Status::Missing, Condition::College60) => {
                (years_to(EducationLevel::Associate) - years_to(from)).max(1.0)
            }
            (Status::Missing, Condition::Program { level, .. }) => {
                let gives = program_education(*level).unwrap_or(EducationLevel::Doctorate);
                if from < gives {
                    (years_to(gives) - years_to(from)).max(program_years(*level).min(1.0))
                } else {
                    program_years(*level)
                }
            }
            (Status::Missing, Condition::Licence(_)) => LICENCE_COST,
            (Status::Missing, Condition::Holds(_)) => CREDENTIAL_COST,
            (Status::Missing, Condition::Experience { years, .. }) => {
                WORK_YEAR * (years - checked.years_held.unwrap_or(0.0)).max(0.0)
            }
            (Status::Missing, Condition::Open | Condition::Coursework(_)) => UNKNOWN_COST,
        }
    }

    /// Every route of `routes`, checked.
    pub fn routes<'s, 'r: 's>(
        &'s self,
        routes: &'r [Route],
    ) -> impl Iterator<Item = RouteCheck<'r>> + 's {
        routes.iter().enumerate().map(|(index, route)| {
            let conditions: Vec<Checked<'r>> = route.iter().map(|c| self.check(c)).collect();
            let cost = conditions.iter().map(|c| self.cost(c)).sum();
            RouteCheck {
                route: index,
                conditions,
                cost,
            }
        })
    }

    /// The route of `routes` that costs the person least (the first of
    /// equals); `None` when there are no routes (the issuer's rules are
    /// unknown).
    pub fn best_route<'r>(&self, routes: &'r [Route]) -> Option<RouteCheck<'r>> {
        self.routes(routes).reduce(|best, next| {
            let key = |r: &RouteCheck<'_>| (r.status(), r.cost);
            if key(&next).0 < key(&best).0
                || (key(&next).0 == key(&best).0 && next.cost < best.cost)
            {
                next
            } else {
                best
            }
        })
    }
}
