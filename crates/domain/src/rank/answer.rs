//! What a ranking returns: the items of each list, best first, each with
//! its score and reasons. Items name catalog entries by index; the edge
//! turns them into what a client reads.

pub use super::reason::Reason;
pub use crate::model::{CredentialStep, SkillGap};

/// A ranked career path.
#[derive(Debug, Clone, PartialEq)]
pub struct CareerPathScore {
    /// Index into `Catalog::career_paths`.
    pub path: usize,
    /// Fit in [0, 1]: the share of people sampled on the path whom the
    /// profile meets at least as well.
    pub score: f64,
    /// Probability in [0, 1] that this path fits best among all; the
    /// shares of all paths sum to 1.
    pub share: f64,
    /// The person's state, where BLS publishes the path's wages there: the
    /// state wages to show beside the national ones.
    pub wages_state: Option<&'static str>,
    /// Why.
    pub reasons: Vec<Reason>,
    /// What to learn next, most useful first.
    pub skill_gaps: Vec<SkillGap>,
    /// What to earn next, most useful first.
    pub credential_steps: Vec<CredentialStep>,
}

/// A BLS cell of a setting: (career path index, index into the setting's
/// NAICS codes).
pub type CellRef = (usize, usize);

/// A ranked work setting.
#[derive(Debug, Clone, PartialEq)]
pub struct SettingScore {
    /// Index into `Catalog::settings`.
    pub setting: usize,
    /// Expected share of the person's likely paths working here, in [0, 1].
    pub score: f64,
    /// The cell whose wages represent the setting for this person.
    pub wages_cell: Option<CellRef>,
    /// The cells of the career paths named in the reasons.
    pub staffing: Vec<CellRef>,
    /// Why.
    pub reasons: Vec<Reason>,
}

/// A ranked program.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgramScore {
    /// Index into `Catalog::programs`: the campus that stands for its
    /// reporting unit.
    pub program: usize,
    /// Fit in [0, 1], whatever the program's place in the list.
    pub score: f64,
    /// Why.
    pub reasons: Vec<Reason>,
    /// Its debt against its earnings premium where the person will work.
    pub payback: Option<Payback>,
}

/// A program's median debt against its graduates' earnings premium over
/// a state's earnings threshold (College Scorecard figures).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Payback {
    /// The state whose threshold is used.
    pub state: &'static str,
    /// That threshold, in dollars.
    pub threshold: u32,
    /// Median earnings minus the threshold, in dollars.
    pub premium: i64,
    /// Years of the premium that add up to the median debt; `None` when
    /// the debt is suppressed or the premium is not above 0.
    pub years: Option<f64>,
}

/// Everything ranked for one profile.
#[derive(Debug, Clone, PartialEq)]
pub struct Recommendations {
    /// Best first.
    pub career_paths: Vec<CareerPathScore>,
    /// Best first.
    pub settings: Vec<SettingScore>,
    /// Best first.
    pub programs: Vec<ProgramScore>,
}
