//! What a ranking returns: the items of each list, best first, each with
//! its score and reasons and the catalog entries it ranks, so a reader of
//! the answer needs no second lookup. Each item also keeps its entry's
//! index, by which two answers are compared.

use std::borrow::Cow;

pub use super::counsel::route::{CredentialCheck, EducationStep, StepKind};
pub use super::counsel::score::Rule;
pub use super::counsel::standing::Move;
pub use super::reason::Reason;
use crate::catalog::{
    CareerPath, Credential, CredentialRoute, OewsCell, Program, Skill, TypicalDuration, WorkSetting,
};
pub use crate::model::{CredentialStep, SkillGap};
use crate::profile::Goal;

/// A ranked career path.
#[derive(Debug, Clone)]
pub struct CareerPathScore<'a> {
    /// Index into `Catalog::career_paths`.
    pub path: usize,
    /// The path itself.
    pub career_path: &'a CareerPath,
    /// The score people read, in [0, 1]: the fit, weighed for the
    /// person's goal by the rules in `rules` (see `counsel::score`).
    pub score: f64,
    /// Fit in [0, 1]: the share of people sampled on the path whom the
    /// profile meets at least as well.
    pub fit: f64,
    /// Probability in [0, 1] that this path fits best among all; the
    /// shares of all paths sum to 1.
    pub share: f64,
    /// How the path stands to where the person is.
    pub movement: Move,
    /// The rules that weighed the fit into the score.
    pub rules: Vec<Rule>,
    /// The path's BLS figures in the person's state, where BLS publishes
    /// them: the state wages to show beside the national ones.
    pub state_cell: Option<&'a OewsCell>,
    /// Why.
    pub reasons: Vec<Reason>,
    /// What to learn next, most useful first.
    pub skill_gaps: Vec<SkillToLearn<'a>>,
    /// The program the person needs next on the route, if any, with its
    /// sentence when sentences were asked for.
    pub education_step: Option<(EducationStep<'a>, Option<String>)>,
    /// What to earn next, in the order the route names them.
    pub credential_steps: Vec<CredentialToEarn<'a>>,
}

/// A skill to learn for a path: the model's gap and the skill it names.
#[derive(Debug, Clone)]
pub struct SkillToLearn<'a> {
    /// The skill.
    pub skill: &'a Skill,
    /// How far below the path's typical level it is, and what closing it
    /// does to the fit.
    pub gap: SkillGap,
}

/// A credential to earn for a path: the credential, the issuer's route
/// checked against the person, what earning it does to the fit, and the
/// programs that lead to it.
#[derive(Debug, Clone)]
pub struct CredentialToEarn<'a> {
    /// The credential.
    pub credential: &'a Credential,
    /// The issuer's route that costs the person least, checked.
    pub check: CredentialCheck<'a>,
    /// The step in one sentence, when sentences were asked for.
    pub explanation: Option<String>,
    /// What earning it does to the fit (a gain of 0 where it would not
    /// raise it).
    pub step: CredentialStep,
    /// The credential levels of the catalog's programs that prepare for
    /// it, lowest first.
    pub prepared_levels: &'a [u32],
    /// The answer's programs that lead to it, in the answer's order: a
    /// route through the program's level not known to be closed, or an
    /// operator's word that it prepares for it.
    pub programs: Vec<&'a Program>,
}

/// A ranked work setting.
#[derive(Debug, Clone)]
pub struct SettingScore<'a> {
    /// Index into `Catalog::settings`.
    pub setting: usize,
    /// The setting itself.
    pub work_setting: &'a WorkSetting,
    /// Expected share of the person's likely paths working here, in [0, 1].
    pub score: f64,
    /// The BLS cell whose wages represent the setting for this person.
    pub wages_cell: Option<&'a OewsCell>,
    /// The cells of the career paths named in the reasons.
    pub staffing: Vec<&'a OewsCell>,
    /// Why.
    pub reasons: Vec<Reason>,
}

/// A ranked program.
#[derive(Debug, Clone)]
pub struct ProgramScore<'a> {
    /// Index into `Catalog::programs`: the campus that stands for its
    /// reporting unit.
    pub program: usize,
    /// The program as the catalog serves it.
    pub entry: ProgramEntry<'a>,
    /// Fit in [0, 1], whatever the program's place in the list.
    pub score: f64,
    /// Why.
    pub reasons: Vec<Reason>,
    /// Its debt against its earnings premium where the person will work.
    pub payback: Option<Payback>,
}

/// A program with what the catalog says around it: the campuses reported
/// with it, how long its level takes, and its routes to credentials.
#[derive(Debug, Clone)]
pub struct ProgramEntry<'a> {
    /// The program.
    pub program: &'a Program,
    /// Every campus Scorecard reports together with it in this view,
    /// itself included; empty when it is reported alone.
    pub campuses: Vec<&'a Program>,
    /// The usual length of its credential level, where one is defined.
    pub duration: Option<TypicalDuration>,
    /// That length's definition in the asked language, when sentences
    /// were asked for.
    pub duration_text: Option<&'static str>,
    /// What its title stands for, where it is not the program's own name,
    /// when sentences were asked for.
    pub title_note: Option<&'static str>,
    /// Its routes to credentials, in the catalog's credential order.
    pub routes: Vec<RouteEntry<'a>>,
}

/// A program's route to a credential, with the credential it leads to.
#[derive(Debug, Clone)]
pub struct RouteEntry<'a> {
    /// The route.
    pub route: CredentialRoute,
    /// The credential.
    pub credential: &'a Credential,
    /// The accreditor the route needs; `None` when any program of the
    /// level will do.
    pub accreditor: Option<&'a str>,
    /// The route in a sentence, when sentences were asked for.
    pub explanation: Option<Cow<'a, str>>,
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

/// Everything ranked for one profile, borrowing the catalog it ranks.
#[derive(Debug, Clone)]
pub struct Recommendations<'a> {
    /// The goal the answer serves.
    pub goal: Goal,
    /// True when the person gave no goal and the profile points to it.
    pub goal_inferred: bool,
    /// What every career path's score means for that goal, in the asked
    /// language.
    pub score_meaning: &'static str,
    /// Career paths left out as weak matches: scoring under
    /// `counsel::score::MIN_SCORE` when at least `MIN_LISTED` reach it.
    pub weak_career_paths: usize,
    /// Highest score first.
    pub career_paths: Vec<CareerPathScore<'a>>,
    /// Best first.
    pub settings: Vec<SettingScore<'a>>,
    /// Best first.
    pub programs: Vec<ProgramScore<'a>>,
}
