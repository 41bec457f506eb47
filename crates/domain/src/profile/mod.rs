//! A person's profile as it arrives ([`ProfileInput`]) and as the domain
//! uses it once checked ([`Profile`]). Checking collects every fault with
//! the path of its field, so a caller can fix them all at once.

use crate::catalog::states::{self, State};
use crate::catalog::Catalog;
use crate::error::FieldViolation;
use crate::language::Language;

/// Highest education completed, on O*NET's education categories 1-9, with
/// 10-12 (first professional, doctoral, post-doctoral) as one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EducationLevel {
    /// Less than a high school diploma.
    LessThanHighSchool = 1,
    /// High school diploma.
    HighSchool = 2,
    /// Post-secondary certificate.
    PostsecondaryCertificate = 3,
    /// Some college, no degree.
    SomeCollege = 4,
    /// Associate's degree.
    Associate = 5,
    /// Bachelor's degree.
    Bachelor = 6,
    /// Post-baccalaureate certificate.
    PostBaccalaureateCertificate = 7,
    /// Master's degree.
    Master = 8,
    /// Post-master's certificate.
    PostMastersCertificate = 9,
    /// Doctoral or first professional degree.
    Doctorate = 10,
}

impl EducationLevel {
    /// Every level, lowest first.
    pub const ALL: [Self; 10] = [
        Self::LessThanHighSchool,
        Self::HighSchool,
        Self::PostsecondaryCertificate,
        Self::SomeCollege,
        Self::Associate,
        Self::Bachelor,
        Self::PostBaccalaureateCertificate,
        Self::Master,
        Self::PostMastersCertificate,
        Self::Doctorate,
    ];

    /// The level with this code (1-10).
    pub fn from_code(code: i32) -> Option<Self> {
        Self::ALL.into_iter().find(|l| *l as i32 == code)
    }

    /// The level named by a word such as `bachelor` or `some college`, or
    /// by its enum name such as `EDUCATION_LEVEL_BACHELOR`, in any case.
    pub fn from_name(name: &str) -> Option<Self> {
        let name = name.trim().to_ascii_lowercase().replace([' ', '-'], "_");
        let name = name.strip_prefix("education_level_").unwrap_or(&name);
        Self::ALL.into_iter().find(|l| l.name() == name)
    }

    /// The level's name, as [`EducationLevel::from_name`] reads it.
    pub fn name(self) -> &'static str {
        match self {
            Self::LessThanHighSchool => "less_than_high_school",
            Self::HighSchool => "high_school",
            Self::PostsecondaryCertificate => "postsecondary_certificate",
            Self::SomeCollege => "some_college",
            Self::Associate => "associate",
            Self::Bachelor => "bachelor",
            Self::PostBaccalaureateCertificate => "post_baccalaureate_certificate",
            Self::Master => "master",
            Self::PostMastersCertificate => "post_masters_certificate",
            Self::Doctorate => "doctorate",
        }
    }

    /// The level of an O*NET education category (1-12).
    pub fn from_onet_category(category: usize) -> Self {
        Self::ALL[category.clamp(1, 10) - 1]
    }

    /// Words for a sentence in `language`.
    pub fn describe_in(self, language: Language) -> &'static str {
        match language {
            Language::En => self.describe(),
            Language::Es => match self {
                Self::LessThanHighSchool => "estudios inferiores a la escuela secundaria",
                Self::HighSchool => "un diploma de escuela secundaria",
                Self::PostsecondaryCertificate => "un certificado postsecundario",
                Self::SomeCollege => "algunos estudios universitarios",
                Self::Associate => "un título asociado",
                Self::Bachelor => "una licenciatura",
                Self::PostBaccalaureateCertificate => "un certificado de posbachillerato",
                Self::Master => "una maestría",
                Self::PostMastersCertificate => "un certificado posterior a la maestría",
                Self::Doctorate => "un doctorado o título profesional",
            },
        }
    }

    /// Words for a sentence.
    pub fn describe(self) -> &'static str {
        match self {
            Self::LessThanHighSchool => "less than high school",
            Self::HighSchool => "a high school diploma",
            Self::PostsecondaryCertificate => "a post-secondary certificate",
            Self::SomeCollege => "some college",
            Self::Associate => "an associate's degree",
            Self::Bachelor => "a bachelor's degree",
            Self::PostBaccalaureateCertificate => "a post-baccalaureate certificate",
            Self::Master => "a master's degree",
            Self::PostMastersCertificate => "a post-master's certificate",
            Self::Doctorate => "a doctoral or professional degree",
        }
    }
}

/// Highest area score of the O*NET Interest Profiler Short Form: ten items
/// per area, each answered 0 (strongly dislike) to 4 (strongly like).
pub const INTEREST_PROFILER_MAX: u32 = 40;

/// The most credentials a profile may list.
pub const MAX_CREDENTIALS: usize = 32;

/// A profile as received: nothing checked yet.
#[derive(Debug, Clone, Default)]
pub struct ProfileInput {
    /// (skill id, proficiency) pairs.
    pub skills: Vec<(String, f64)>,
    /// RIASEC scores, if given.
    pub interests: Option<[f64; 6]>,
    /// O*NET Interest Profiler Short Form area scores (0-40), if given.
    pub interest_profiler: Option<[u32; 6]>,
    /// Education code; 0 means not stated.
    pub highest_education: i32,
    /// Credential codes.
    pub credentials: Vec<String>,
    /// USPS state code or empty.
    pub state: String,
}

/// A checked profile.
///
/// A skill the person did not name is *unknown*, not lacking: `said` is
/// false for it and its fit counts neither for nor against. A skill named
/// with 0 says "I do not have this".
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// Proficiency per vocabulary skill as stated (0 where not stated).
    pub stated_skills: Vec<f64>,
    /// Whether the person named each skill (an explicit 0 included).
    pub said: Vec<bool>,
    /// Proficiency per skill after credentials' floors are applied.
    pub skills: Vec<f64>,
    /// For each skill, the credential whose floor raised it, if any.
    pub vouched_by: Vec<Option<usize>>,
    /// RIASEC scores in [0, 1], if given.
    pub interests: Option<[f64; 6]>,
    /// Highest education, if stated.
    pub education: Option<EducationLevel>,
    /// Indexes of held credentials, without repeats.
    pub credentials: Vec<usize>,
    /// The state, if given.
    pub state: Option<&'static State>,
}

/// The RIASEC field names, in order.
pub const INTEREST_FIELDS: [&str; 6] = crate::riasec::AREAS;

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
        if self.credentials.len() > MAX_CREDENTIALS {
            violations.push(FieldViolation::new(
                format!("{prefix}.credentials"),
                format!("at most {MAX_CREDENTIALS} credentials"),
            ));
        } else {
            for (i, code) in self.credentials.iter().enumerate() {
                match catalog.credential_index(code) {
                    Some(index) if !credentials.contains(&index) => credentials.push(index),
                    Some(_) => {}
                    None => violations.push(FieldViolation::new(
                        format!("{prefix}.credentials[{i}]"),
                        "unknown credential code; see the credential list",
                    )),
                }
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
            ..Profile::new(stated_skills, interests, education)
        };
        for credential in credentials {
            profile.hold(catalog, credential);
        }
        Ok(profile)
    }
}

impl Profile {
    /// A profile of these skills (every skill of the vocabulary, `None`
    /// for one not stated), interests and education, holding no credential
    /// and naming no state.
    pub fn new(
        skills: Vec<Option<f64>>,
        interests: Option<[f64; 6]>,
        education: Option<EducationLevel>,
    ) -> Self {
        let stated_skills: Vec<f64> = skills.iter().map(|s| s.unwrap_or(0.0)).collect();
        Self {
            skills: stated_skills.clone(),
            said: skills.iter().map(Option::is_some).collect(),
            vouched_by: vec![None; stated_skills.len()],
            stated_skills,
            interests,
            education,
            credentials: Vec::new(),
            state: None,
        }
    }

    /// States skill `skill` at `level`, keeping the floor of any credential
    /// held.
    pub fn state_skill(&mut self, skill: usize, level: f64) {
        self.stated_skills[skill] = level;
        self.said[skill] = true;
        if level >= self.skills[skill] || self.vouched_by[skill].is_none() {
            self.skills[skill] = level;
            self.vouched_by[skill] = None;
        }
    }

    /// Forgets skill `skill`, as if never stated (a credential's floor
    /// stays).
    pub fn unsay_skill(&mut self, skill: usize) {
        self.said[skill] = false;
        self.stated_skills[skill] = 0.0;
        if self.vouched_by[skill].is_none() {
            self.skills[skill] = 0.0;
        }
    }

    /// The number of skills the person named.
    pub fn skills_said(&self) -> usize {
        self.said.iter().filter(|s| **s).count()
    }

    /// Adds credential `credential` (an index into the catalog's
    /// credentials), raising each skill it examines to its floor; holding
    /// it already changes nothing.
    pub fn hold(&mut self, catalog: &Catalog, credential: usize) {
        if self.credentials.contains(&credential) {
            return;
        }
        self.credentials.push(credential);
        for &(skill, floor) in &catalog.credentials[credential].skill_floors {
            if self.skills[skill] < floor {
                self.skills[skill] = floor;
                self.vouched_by[skill] = Some(credential);
            }
        }
    }
}
