//! The sentences of a career path's fit reasons (a skill, a credential,
//! the interests, education against what the path asks) and of what
//! links the path to where the person stands.

use super::Figure;

/// Where a stated skill stands against a path's typical level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Well above it.
    Above,
    /// Below it, but raising the fit: the path's people usually bring
    /// less.
    Toward,
    /// Below it.
    Below,
    /// About at it.
    At,
}

/// Who vouches for a skill's level, when it is not the level stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vouched<'a> {
    /// Nobody: the person stated it.
    Stated,
    /// A credential held, by its code.
    Credential(&'a str),
    /// The occupation the person works in, by its title.
    Work(&'a str),
}

/// Which way a part of the profile moved a path's fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// It raised the fit.
    Raises,
    /// It lowered the fit.
    Lowers,
    /// A good interest match that the path's own people meet more
    /// closely still: never told as a fault.
    GoodMatchBeaten,
}

/// How a credential that leads to a path is open to the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opening {
    /// It is the next rung of a ladder the person is on.
    NextRung,
    /// Its issuer has a route for graduates with the person's degree.
    DegreeRoute,
    /// Its issuer has a route for a credential or licence they hold.
    IssuerRoute,
}

/// The sentences of a career path's fit reasons and of what links it to
/// where the person stands.
pub trait Paths {
    /// A skill's level against a path's typical one: "Clinical coding
    /// 0.30, against 0.80 typical on this path".
    fn skill_level(
        &self,
        skill: &str,
        level: Figure<'_>,
        typical: Figure<'_>,
        standing: Standing,
        vouched: Vouched<'_>,
    ) -> String;
    /// The O*NET task behind a typical level, quoted as O*NET publishes
    /// it (in English), after a skill's level.
    fn task_evidence(&self, task: u32, quote: &str) -> String;
    /// The O*NET element behind a typical level, after a skill's level.
    fn element_evidence(&self, element: &str, importance: Figure<'_>) -> String;
    /// A credential held that leads to a path.
    fn credential_held(&self, code: &str, issuer: &str) -> String;
    /// The interests' correlation with a path's.
    fn interests_match(&self, correlation: Figure<'_>) -> String;
    /// The education held against a path's most common level (both in
    /// this language's words).
    fn education_against_usual(&self, held: &str, usual: &str) -> String;
    /// How a part moved the fit, after what it is.
    fn fit_direction(&self, direction: Direction) -> &'static str;
    /// O*NET lists the path among the occupations related to the
    /// person's (`title`), at `tier`.
    fn related_occupation(&self, title: &str, tier: &str) -> String;
    /// A credential that leads to the path, and how it is open to the
    /// person.
    fn credential_opens(&self, code: &str, issuer: &str, opening: Opening) -> String;
    /// The years the person gave in their work, after where they are:
    /// ", for 8 years"; `one` for a single year.
    fn years_there(&self, years: &str, one: bool) -> String;
}
