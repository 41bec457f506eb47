//! A person's profile as it arrives ([`ProfileInput`]) and as the domain
//! uses it once checked ([`Profile`]). Checking collects every fault with
//! the path of its field, so a caller can fix them all at once.

mod check;
mod file;
mod goal;

pub use crate::education::EducationLevel;
pub use check::MAX_YEARS;
pub use file::ProfileFile;
pub use goal::Goal;

use crate::catalog::states::State;
use crate::catalog::{Catalog, Licence};

/// Highest area score of the O*NET Interest Profiler Short Form: ten items
/// per area, each answered 0 (strongly dislike) to 4 (strongly like).
pub const INTEREST_PROFILER_MAX: u32 = 40;

/// The share of its workers' typical level (O*NET) that working in an
/// occupation vouches for: its workers vary, and a floor is "at least".
pub const WORK_FLOOR: f64 = 0.75;

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
    /// What the person wants, as a goal code (1-4); 0 means not stated.
    pub goal: i32,
    /// O*NET-SOC code of the occupation the person works in now, or empty.
    pub current_occupation: String,
    /// Years in that occupation, if stated.
    pub years_experience: Option<f64>,
}

/// What raised a skill above what the person stated: a credential held
/// (its floor) or the occupation they work in (its typical level).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voucher {
    /// A credential, by index into the catalog's credentials.
    Credential(usize),
    /// The occupation the person works in, by index into the catalog's
    /// occupations.
    Work(usize),
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
    /// Proficiency per skill after the floors of credentials held and of
    /// the occupation worked in are applied.
    pub skills: Vec<f64>,
    /// For each skill, what raised it above what was stated, if anything.
    pub vouched_by: Vec<Option<Voucher>>,
    /// RIASEC scores in [0, 1], if given.
    pub interests: Option<[f64; 6]>,
    /// Highest education, if stated.
    pub education: Option<EducationLevel>,
    /// Indexes of held credentials, without repeats (those held in their
    /// apprentice form included).
    pub credentials: Vec<usize>,
    /// Credentials held in their apprentice form (AAPC's CPC-A), by index.
    pub apprentice: Vec<usize>,
    /// Clinical licences held, stated or from the occupation.
    pub licences: Vec<Licence>,
    /// What the person wants, if they said.
    pub goal: Option<Goal>,
    /// The occupation the person works in now, by index into the
    /// catalog's occupations.
    pub occupation: Option<usize>,
    /// Years in that occupation, if stated.
    pub years_experience: Option<f64>,
    /// The state, if given.
    pub state: Option<&'static State>,
}

/// The RIASEC field names, in order.
pub const INTEREST_FIELDS: [&str; 6] = crate::riasec::AREAS;

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
            apprentice: Vec::new(),
            licences: Vec::new(),
            goal: None,
            occupation: None,
            years_experience: None,
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
            self.vouch(skill, floor, Voucher::Credential(credential));
        }
    }

    /// Says the person works in occupation `occupation` (an index into
    /// the catalog's occupations): each skill rises to the level typical
    /// of its workers, and its licence is held.
    pub fn work_in(&mut self, catalog: &Catalog, occupation: usize, years: Option<f64>) {
        self.occupation = Some(occupation);
        self.years_experience = years;
        let work = &catalog.occupations[occupation];
        for (skill, &level) in work.typical_skills.iter().enumerate() {
            self.vouch(skill, WORK_FLOOR * level, Voucher::Work(occupation));
        }
        if let Some(licence) = work.licence {
            self.hold_licence(licence);
        }
    }

    /// Adds a licence; holding it already changes nothing.
    pub fn hold_licence(&mut self, licence: Licence) {
        if !self.licences.contains(&licence) {
            self.licences.push(licence);
        }
    }

    /// Raises skill `skill` to `floor`, as `voucher` vouches.
    fn vouch(&mut self, skill: usize, floor: f64, voucher: Voucher) {
        if self.skills[skill] < floor {
            self.skills[skill] = floor;
            self.vouched_by[skill] = Some(voucher);
        }
    }

    /// The highest education the person states or their credentials
    /// imply (an RHIT implies an associate degree: its only route is a
    /// CAHIIM associate program), if either says.
    pub fn education_known(&self, catalog: &Catalog) -> Option<EducationLevel> {
        let implied = self
            .credentials
            .iter()
            .filter_map(|&c| catalog.credentials[c].implied_education())
            .max();
        self.education.max(implied)
    }
}
