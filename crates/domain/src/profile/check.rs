//! Checking a profile as it arrives against the catalog, collecting every
//! fault with the path of its field.

use super::{
    EducationLevel, Goal, Profile, ProfileInput, INTEREST_FIELDS, INTEREST_PROFILER_MAX,
    MAX_CREDENTIALS,
};
use crate::catalog::states;
use crate::catalog::{Catalog, Licence};
use crate::error::FieldViolation;

/// The most years of experience a profile may state.
pub const MAX_YEARS: f64 = 60.0;

fn unit_interval(value: f64) -> Option<&'static str> {
    if !value.is_finite() {
        Some("must be a finite number")
    } else if !(0.0..=1.0).contains(&value) {
        Some("must be between 0 and 1")
    } else {
        None
    }
}

impl ProfileInput {
    /// Checks every field against the catalog, naming fields under `prefix`
    /// (e.g. `profile`).
    pub fn check(self, catalog: &Catalog, prefix: &str) -> Result<Profile, Vec<FieldViolation>> {
        let mut violations = Vec::new();
        let n = catalog.skills.len();
        let mut stated_skills = vec![None; n];
        for (id, value) in &self.skills {
            let field = format!("{prefix}.skills[{id}]");
            match catalog.skill_index(id) {
                None => violations.push(FieldViolation::new(
                    field,
                    "unknown skill id; see the skill vocabulary",
                )),
                Some(index) => match unit_interval(*value) {
                    Some(problem) => violations.push(FieldViolation::new(field, problem)),
                    None => stated_skills[index] = Some(*value),
                },
            }
        }
        if let Some(interests) = &self.interests {
            for (value, name) in interests.iter().zip(INTEREST_FIELDS) {
                if let Some(problem) = unit_interval(*value) {
                    violations.push(FieldViolation::new(
                        format!("{prefix}.interests.{name}"),
                        problem,
                    ));
                }
            }
        }
        let mut interests = self.interests;
        if let Some(scores) = self.interest_profiler {
            if self.interests.is_some() {
                violations.push(FieldViolation::new(
                    format!("{prefix}.interest_profiler"),
                    "give interests or interest_profiler, not both",
                ));
            }
            for (score, name) in scores.iter().zip(INTEREST_FIELDS) {
                if *score > INTEREST_PROFILER_MAX {
                    violations.push(FieldViolation::new(
                        format!("{prefix}.interest_profiler.{name}"),
                        format!("must be 0-{INTEREST_PROFILER_MAX}, the Short Form's range"),
                    ));
                }
            }
            interests = Some(scores.map(|s| f64::from(s) / f64::from(INTEREST_PROFILER_MAX)));
        }
        let education = match self.highest_education {
            0 => None,
            code => {
                let level = EducationLevel::from_code(code);
                if level.is_none() {
                    violations.push(FieldViolation::new(
                        format!("{prefix}.highest_education"),
                        "unknown education level",
                    ));
                }
                level
            }
        };
        let mut credentials = Vec::new();
        let mut apprentice = Vec::new();
        let mut licences = Vec::new();
        if self.credentials.len() > MAX_CREDENTIALS {
            violations.push(FieldViolation::new(
                format!("{prefix}.credentials"),
                format!("at most {MAX_CREDENTIALS} credentials"),
            ));
        } else {
            for (i, code) in self.credentials.iter().enumerate() {
                if let Some(index) = catalog.credential_index(code) {
                    credentials.push(index);
                } else if let Some(index) = catalog.apprentice_index(code) {
                    credentials.push(index);
                    apprentice.push(index);
                } else if let Some(licence) = Licence::from_code(code) {
                    licences.push(licence);
                } else {
                    violations.push(FieldViolation::new(
                        format!("{prefix}.credentials[{i}]"),
                        "unknown credential code; see the credential list (a licence is RN, LPN, LVN, MD or DO)",
                    ));
                }
            }
        }
        // The full credential and its apprentice form: the full one.
        apprentice.retain(|a| {
            self.credentials
                .iter()
                .all(|code| catalog.credential_index(code) != Some(*a))
        });
        let goal = match self.goal {
            0 => None,
            code => {
                let goal = Goal::from_code(code);
                if goal.is_none() {
                    violations.push(FieldViolation::new(
                        format!("{prefix}.goal"),
                        "unknown goal: explore, find_work, advance or change",
                    ));
                }
                goal
            }
        };
        let occupation = match self.current_occupation.trim() {
            "" => None,
            code => {
                let index = catalog.occupation_index(code);
                if index.is_none() {
                    violations.push(FieldViolation::new(
                        format!("{prefix}.current_occupation"),
                        "not an occupation the service knows: give the O*NET-SOC code of a career path (Catalog.ListOccupations lists them all, with the occupations people come from)",
                    ));
                }
                index
            }
        };
        if let Some(years) = self.years_experience {
            let field = format!("{prefix}.years_experience");
            if !years.is_finite() {
                violations.push(FieldViolation::new(field, "must be a finite number"));
            } else if !(0.0..=MAX_YEARS).contains(&years) {
                violations.push(FieldViolation::new(
                    field,
                    format!("must be between 0 and {MAX_YEARS}"),
                ));
            } else if self.current_occupation.trim().is_empty() {
                violations.push(FieldViolation::new(
                    field,
                    "the years are in the current occupation: give current_occupation too",
                ));
            }
        }
        let state = match self.state.as_str() {
            "" => None,
            code => {
                let state = states::by_usps(code).filter(|_| code.len() == 2);
                if state.is_none() {
                    violations.push(FieldViolation::new(
                        format!("{prefix}.state"),
                        "not a two-letter USPS state code",
                    ));
                }
                state
            }
        };
        if !violations.is_empty() {
            return Err(violations);
        }

        let mut profile = Profile {
            state,
            goal,
            apprentice,
            ..Profile::new(stated_skills, interests, education)
        };
        for credential in credentials {
            profile.hold(catalog, credential);
        }
        for licence in licences {
            profile.hold_licence(licence);
        }
        if let Some(occupation) = occupation {
            profile.work_in(catalog, occupation, self.years_experience);
        }
        Ok(profile)
    }
}
