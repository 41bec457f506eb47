//! What the model says of one profile, as ranking consumes it.

/// A gap smaller than this is not a gap.
pub const MIN_GAP: f64 = 0.05;

/// The least typical level at which a skill not stated is offered as a
/// next step.
pub const MIN_UNSTATED_STEP: f64 = 0.3;

/// The model's answer for one profile.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// Each career path's share: the probability that it fits best among
    /// all, in catalog order; they sum to 1.
    pub shares: Vec<f64>,
    /// Each career path's fit in [0, 1], in catalog order (see
    /// [`super::fit`]).
    pub fits: Vec<f64>,
    /// How strongly what the profile says points to each career path
    /// rather than to the field's others, in (0, 1), in catalog order: the
    /// logistic of the evidence ([`super::fit::PathFit::evidence`], in
    /// log-odds of "on this path"); 0.5 where nothing said points either
    /// way.
    pub pointing: Vec<f64>,
    /// The `paths` asked for, the model's own ranking first (by
    /// [`super::fit::PathFit::rank`], ties by share, then catalog order;
    /// not the order of an answer, which follows each path's score), with
    /// why and what would raise them.
    pub explained: Vec<Explanation>,
}

/// What a part of a profile did to a path's fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// A skill, by index into `Catalog::skills`.
    Skill(usize),
    /// The RIASEC interests.
    Interests,
    /// Education.
    Education,
    /// Holding a credential that leads to the path.
    Credential,
}

/// Why one career path fits as it does, and what would raise it; empty
/// when the caller asked for no explanations.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    /// Index into the catalog's career paths.
    pub class: usize,
    /// The Pearson correlation of the profile's interests with the path's
    /// (O*NET); `None` when the profile states none.
    pub interest_match: Option<f64>,
    /// Each part's contribution to the fit: the fit minus the fit with that
    /// part as the path's typical sampled person has it (on the fit
    /// extended linearly beyond [0, 1]); largest magnitude first.
    pub parts: Vec<(Part, f64)>,
    /// Skills at least [`MIN_GAP`] below the path's typical level whose
    /// closing raises the fit, the largest rise first.
    pub gaps: Vec<SkillGap>,
    /// Credentials not held whose floors would raise the fit, the largest
    /// rise first.
    pub credential_steps: Vec<CredentialStep>,
}

/// A skill below a career path's typical level.
#[derive(Debug, Clone, PartialEq)]
pub struct SkillGap {
    /// Index into `Catalog::skills`.
    pub skill: usize,
    /// The profile's level (after the floors of credentials and of the
    /// occupation the person works in); `None` when the person did not
    /// name the skill and nothing vouches for it.
    pub current: Option<f64>,
    /// What vouches for `current` when it is not the level stated.
    pub vouched_by: Option<crate::profile::Voucher>,
    /// The path's typical level.
    pub typical: f64,
    /// Rise of the path's fit with the skill at the typical level.
    pub gain: f64,
    /// The path's fit then.
    pub after: f64,
}

/// A credential that would raise a career path's fit.
#[derive(Debug, Clone, PartialEq)]
pub struct CredentialStep {
    /// Index into `Catalog::credentials`.
    pub credential: usize,
    /// Rise of the path's fit once it is held.
    pub gain: f64,
    /// The path's fit then.
    pub after: f64,
}
