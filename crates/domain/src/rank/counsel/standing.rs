//! Where a person stands: the goal they gave (or the one their profile
//! points to), the occupation they work in, and the level they stand at,
//! from which each career path is a step up, a step sideways, where they
//! are, or below what they bring.

use std::cmp::Ordering;

use crate::catalog::Catalog;
use crate::education::EducationLevel;
use crate::profile::{Goal, Profile};

/// How much higher a path's median wage must be, in the same O*NET job
/// zone, to count as a step up (and lower, as below): 10%.
pub(crate) const WAGE_STEP: f64 = 1.10;

/// How a career path stands to where the person is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Move {
    /// Neither an occupation nor an education says where the person
    /// stands: every path is a way in.
    WayIn,
    /// The occupation the person works in now.
    Current,
    /// Above where the person stands: a higher O*NET job zone, or in the
    /// same zone a higher typical entry education or, at the same entry,
    /// a median wage at least 10% higher (BLS).
    StepUp,
    /// About level with where the person stands.
    Lateral,
    /// One job zone below where the person stands, or in the same zone a
    /// lower entry education or a median wage at least 10% lower: the
    /// person brings more than it asks.
    Below,
    /// Two or more job zones below: an entry role for this person.
    WellBelow,
}

/// Where the person stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing {
    /// The goal the answer serves.
    pub goal: Goal,
    /// True when the person gave none and the profile points to it.
    pub inferred: bool,
    /// The occupation the person works in now (index into the catalog's
    /// occupations).
    pub occupation: Option<usize>,
    /// The O*NET job zone the person stands at: their occupation's, or
    /// without one, the one their education reaches; `None` when neither
    /// is known.
    pub zone: Option<u8>,
    /// The education BLS says their occupation typically needs to enter,
    /// where known.
    pub entry: Option<EducationLevel>,
    /// The median wage of their occupation (BLS Employment Projections,
    /// 2024), where known.
    pub wage: Option<u32>,
    /// The highest education stated or implied by a credential held.
    pub education: Option<EducationLevel>,
    /// Years in the occupation, if stated.
    pub years: Option<f64>,
}

/// The O*NET job zone an education level reaches, by O*NET's definitions
/// of the zones: zone 2 "usually requires a high school diploma", zone 3
/// "training in vocational schools, related on-the-job experience, or an
/// associate's degree", zone 4 "a four-year bachelor's degree", zone 5
/// "graduate school".
pub fn education_zone(level: EducationLevel) -> u8 {
    match level {
        EducationLevel::LessThanHighSchool => 1,
        EducationLevel::HighSchool | EducationLevel::SomeCollege => 2,
        EducationLevel::PostsecondaryCertificate | EducationLevel::Associate => 3,
        EducationLevel::Bachelor | EducationLevel::PostBaccalaureateCertificate => 4,
        EducationLevel::Master
        | EducationLevel::PostMastersCertificate
        | EducationLevel::Doctorate => 5,
    }
}

/// The goal a profile that names none points to: working in a career
/// path, moving up from it; working in another occupation, coming into
/// HIM from it; holding a credential of the field, finding work with it;
/// otherwise, exploring.
pub fn inferred_goal(catalog: &Catalog, profile: &Profile) -> Goal {
    match profile.occupation.map(|o| &catalog.occupations[o]) {
        Some(occupation) if occupation.path.is_some() => Goal::Advance,
        Some(_) => Goal::Change,
        None if !profile.credentials.is_empty() => Goal::FindWork,
        None => Goal::Explore,
    }
}

impl Standing {
    /// Where `profile`'s person stands.
    pub fn of(catalog: &Catalog, profile: &Profile) -> Self {
        let (goal, inferred) = match profile.goal {
            Some(goal) => (goal, false),
            None => (inferred_goal(catalog, profile), true),
        };
        let occupation = profile.occupation.map(|o| &catalog.occupations[o]);
        let education = profile.education_known(catalog);
        let zone = occupation
            .map(|o| o.job_zone)
            .or(education.map(education_zone));
        let outlook = occupation.and_then(|o| o.outlook.as_ref());
        Self {
            goal,
            inferred,
            occupation: profile.occupation,
            zone,
            entry: outlook.and_then(|o| o.entry_education),
            wage: outlook.and_then(|o| o.median_wage),
            education,
            years: profile.years_experience,
        }
    }

    /// How career path `path` stands to where the person is.
    pub fn movement(&self, catalog: &Catalog, path: usize) -> Move {
        if self
            .occupation
            .is_some_and(|o| catalog.occupations[o].path == Some(path))
        {
            return Move::Current;
        }
        let Some(zone) = self.zone else {
            return Move::WayIn;
        };
        let career_path = &catalog.career_paths[path];
        let outlook = career_path.outlook.as_ref();
        let wage = outlook.and_then(|o| o.median_wage);
        let entry = outlook.and_then(|o| o.entry_education);
        match career_path.job_zone.cmp(&zone) {
            Ordering::Greater => Move::StepUp,
            Ordering::Equal => match (
                entry.cmp(&self.entry),
                entry.is_some() && self.entry.is_some(),
            ) {
                (Ordering::Greater, true) => Move::StepUp,
                (Ordering::Less, true) => Move::Below,
                _ => match (wage, self.wage) {
                    (Some(there), Some(here))
                        if f64::from(there) >= WAGE_STEP * f64::from(here) =>
                    {
                        Move::StepUp
                    }
                    (Some(there), Some(here))
                        if WAGE_STEP * f64::from(there) <= f64::from(here) =>
                    {
                        Move::Below
                    }
                    _ => Move::Lateral,
                },
            },
            Ordering::Less if career_path.job_zone + 1 == zone => Move::Below,
            Ordering::Less => Move::WellBelow,
        }
    }
}
