//! A recommendation request as received ([`QueryInput`]) and once checked
//! ([`Query`]): every check a request goes through happens here, and every
//! fault is reported with its field.

use crate::catalog::{Catalog, ProgramFilter, ProgramFilterInput};
use crate::error::{FieldViolation, RequestError};
use crate::language::{from_accept_language, from_tag, Chosen};
use crate::profile::{Profile, ProfileInput};

/// Hard requirements on recommended programs; unknown counts as not met.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ProgramPreferences {
    /// Only programs known to be accredited.
    pub require_accreditation: bool,
    /// Only programs known to be fully online.
    pub online_only: bool,
}

/// The detail level of an answer: how much of each item to return.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Detail {
    /// Scores, figures, reasons and skill gaps.
    #[default]
    Full,
    /// Scores and figures only; reasons and skill gaps are not computed.
    Basic,
}

/// How many items of each kind to return.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListLimits {
    /// Career paths.
    pub career_paths: usize,
    /// Work settings.
    pub work_settings: usize,
    /// Programs.
    pub programs: usize,
}

/// (field, default, maximum) of each limit.
pub const LIMITS: [(&str, usize, usize); 3] = [
    ("max_career_paths", 5, 50),
    ("max_work_settings", 5, 50),
    ("max_programs", 10, 100),
];

impl ListLimits {
    /// Checks requested limits: 0 means the default, above the maximum is a
    /// violation.
    pub fn check(requested: [u32; 3]) -> Result<Self, Vec<FieldViolation>> {
        let mut values = [0; 3];
        let mut violations = Vec::new();
        for (i, ((field, default, max), asked)) in LIMITS.iter().zip(requested).enumerate() {
            let asked = asked as usize;
            values[i] = match asked {
                0 => *default,
                n if n > *max => {
                    violations.push(FieldViolation::new(*field, format!("at most {max}")));
                    0
                }
                n => n,
            };
        }
        if violations.is_empty() {
            Ok(Self {
                career_paths: values[0],
                work_settings: values[1],
                programs: values[2],
            })
        } else {
            Err(violations)
        }
    }
}

impl Default for ListLimits {
    fn default() -> Self {
        Self {
            career_paths: LIMITS[0].1,
            work_settings: LIMITS[1].1,
            programs: LIMITS[2].1,
        }
    }
}

/// A request as received: nothing checked yet.
#[derive(Debug, Clone, Default)]
pub struct QueryInput {
    /// The profile; required.
    pub profile: Option<ProfileInput>,
    /// Requested (career paths, work settings, programs); 0 for defaults.
    pub limits: [u32; 3],
    /// Which programs may be recommended at all (deprecated: see `filter`).
    pub preferences: ProgramPreferences,
    /// Which programs may be recommended at all.
    pub filter: Option<ProgramFilterInput>,
    /// The detail level; `None` for a value that names none.
    pub detail: Option<Detail>,
    /// The BCP 47 tag asked for; empty for none.
    pub language: String,
}

/// A checked request.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    /// The checked profile.
    pub profile: Profile,
    /// How many items of each kind.
    pub limits: ListLimits,
    /// Which programs may be recommended.
    pub preferences: ProgramPreferences,
    /// Which programs may be recommended; both this and the preferences
    /// must pass.
    pub filter: Option<ProgramFilter>,
    /// The detail level.
    pub detail: Detail,
    /// The language the answer is written in.
    pub language: Chosen,
}

impl QueryInput {
    /// Checks the request against the catalog. A profile stating more than
    /// `max_skills` skills is refused before anything else is read;
    /// otherwise every violation is collected, limits first.
    pub fn check(self, catalog: &Catalog, max_skills: usize) -> Result<Query, RequestError> {
        self.check_heard(catalog, max_skills, None)
    }

    /// [`QueryInput::check`], reading the caller's `Accept-Language` list
    /// when the request names no language.
    pub fn check_heard(
        self,
        catalog: &Catalog,
        max_skills: usize,
        accept_language: Option<&str>,
    ) -> Result<Query, RequestError> {
        let skills = self.profile.as_ref().map_or(0, |p| p.skills.len());
        if skills > max_skills {
            return Err(RequestError::InvalidArgument(vec![FieldViolation::new(
                "profile.skills",
                format!("at most {max_skills} skills per profile"),
            )]));
        }
        let mut violations = Vec::new();
        let limits = ListLimits::check(self.limits)
            .map_err(|v| violations.extend(v))
            .ok();
        let filter = ProgramFilterInput::check_optional(
            self.filter,
            catalog,
            "program_filter",
            &mut violations,
        );
        if self.detail.is_none() {
            violations.push(FieldViolation::new("view", "not a known view"));
        }
        let language = match (self.language.as_str(), accept_language) {
            ("", Some(header)) => Some(from_accept_language(header)),
            (tag, _) => from_tag(tag)
                .map_err(|e| violations.push(FieldViolation::new("language", e.to_string())))
                .ok(),
        };
        let profile = match self.profile {
            None => {
                violations.push(FieldViolation::new("profile", "required"));
                None
            }
            Some(p) => p
                .check(catalog, "profile")
                .map_err(|v| violations.extend(v))
                .ok(),
        };
        match (profile, limits, filter, language) {
            (Some(profile), Some(limits), Some(filter), Some(language))
                if violations.is_empty() =>
            {
                Ok(Query {
                    profile,
                    limits,
                    preferences: self.preferences,
                    filter,
                    detail: self.detail.unwrap_or_default(),
                    language,
                })
            }
            _ => Err(RequestError::InvalidArgument(violations)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_default_and_maximum() {
        assert_eq!(ListLimits::check([0, 0, 0]).unwrap(), ListLimits::default());
        let err = ListLimits::check([51, 3, 101]).unwrap_err();
        let fields: Vec<_> = err.iter().map(|v| v.field.as_str()).collect();
        assert_eq!(fields, ["max_career_paths", "max_programs"]);
    }
}
