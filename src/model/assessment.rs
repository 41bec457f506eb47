//! What the model says of one profile, as ranking consumes it.

/// A gap smaller than this is not a gap.
pub const MIN_GAP: f64 = 0.05;

/// The model's answer for one profile.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// The profile's feature vector (see `features`).
    pub features: Vec<f64>,
    /// Probability of each career path, in catalog order.
    pub probabilities: Vec<f64>,
    /// The most likely paths, best first, with why and what would raise
    /// them.
    pub explained: Vec<Explanation>,
}

/// Why one career path scored as it did, and what would raise it.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    /// Index into the catalog's career paths.
    pub class: usize,
    /// Each feature's contribution to the path's centered log-odds against
    /// the reference profile; they sum to the difference of the two.
    pub contributions: Vec<f64>,
    /// Skills below the path's typical level whose closing raises its
    /// probability, in skill order.
    pub gaps: Vec<SkillGap>,
}

/// A skill below a career path's typical level.
#[derive(Debug, Clone, PartialEq)]
pub struct SkillGap {
    /// Index into `Catalog::skills`.
    pub skill: usize,
    /// The profile's level.
    pub current: f64,
    /// The path's typical level.
    pub typical: f64,
    /// Rise of the path's score with the skill at the typical level.
    pub gain: f64,
}
