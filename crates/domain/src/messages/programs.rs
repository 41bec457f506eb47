//! The sentences of program reasons: the step of a path's route a
//! program takes, its place, its outcomes and the facts a person weighs.

use crate::education::EducationLevel;

/// The step of a path's route a program takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RouteStep<'a> {
    /// Its operator says it prepares for this credential (code), a step
    /// of the route.
    Prepares(&'a str),
    /// A credential's route (code) needs a program of `level` accredited
    /// by `accreditor`; `later` when it is not the step needed next.
    Accredited {
        /// The credential's code.
        code: &'a str,
        /// The accreditor.
        accreditor: &'a str,
        /// The program's level, in words.
        level: &'a str,
        /// Whether the step comes after the one needed next.
        later: bool,
    },
    /// The credential's issuer recommends training of `level` before its
    /// exam.
    Recommended {
        /// The issuer.
        issuer: &'a str,
        /// The credential's code.
        code: &'a str,
        /// The program's level, in words.
        level: &'a str,
    },
    /// The education BLS says the path needs to enter.
    Entry(EducationLevel),
    /// A program of this level (in words).
    Level(&'a str),
}

/// Where a program is against where the person wants to study or work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceWords<'a> {
    /// Online, so open from the wanted state.
    Online(&'a str),
    /// In the wanted state.
    InState(&'a str),
    /// Outside the wanted state (first), in the program's (if known).
    OutOfState(&'a str, Option<&'a str>),
}

/// Earnings against a state's threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Against<'a> {
    /// The difference, without its sign: "2,100".
    pub amount: &'a str,
    /// Whether the earnings are above the threshold.
    pub above: bool,
    /// The state's name.
    pub state: &'a str,
}

/// How a program's debt is repaid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repaid<'a> {
    /// Not said.
    Unsaid,
    /// By about this many years of the premium over a state's threshold.
    InYears(&'a str, &'a str),
    /// Earnings at or below the state's threshold do not pay it back.
    Never(&'a str),
}

/// What an outcomes sentence says, its figures written out.
#[derive(Debug, Clone, Copy)]
pub struct OutcomeFigures<'a> {
    /// Median earnings ("48,917"), if published.
    pub earnings: Option<&'a str>,
    /// Scorecard's horizon id, e.g. "4yr_after_completion".
    pub horizon: &'a str,
    /// Against the program's own state's threshold.
    pub own: Option<Against<'a>>,
    /// Against the threshold where the person wants to work, when that
    /// state differs.
    pub there: Option<Against<'a>>,
    /// Median debt ("11,500"), if published.
    pub debt: Option<&'a str>,
    /// Debt as a percent of a year's earnings ("24").
    pub debt_share: Option<&'a str>,
    /// How the debt is repaid.
    pub repaid: Repaid<'a>,
    /// Campuses the figures are reported for together, when several:
    /// their number and the first by name.
    pub campuses: Option<(usize, &'a str)>,
}

/// What a year at a program's institution costs, after grants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetPrice<'a> {
    /// On average grants exceed its cost.
    GrantsExceed,
    /// The average net price a year ("$9,800").
    PerYear(&'a str),
    /// The average net price a year, and about what the years (in
    /// words, "2") the level takes full time come to.
    WithTotal(&'a str, &'a str, &'a str),
}

/// A program's tuition, and who states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tuition<'a> {
    /// As the institution (the operator) states it.
    Operator(&'a str),
    /// Scorecard's, in state.
    InState(&'a str),
    /// Scorecard's, out of state.
    OutOfState(&'a str),
}

/// What a cost sentence says, its figures written out ("$9,800").
#[derive(Debug, Clone, Copy)]
pub struct CostFigures<'a> {
    /// The net price, if Scorecard publishes one.
    pub net: Option<NetPrice<'a>>,
    /// The tuition, if known.
    pub tuition: Option<Tuition<'a>>,
    /// The cost of attendance a year before aid, if published.
    pub attendance: Option<&'a str>,
    /// Scorecard's cost year, when its figures are used.
    pub scorecard_year: Option<&'a str>,
    /// With nothing known: whether Scorecard has the institution's
    /// undergraduate costs only (the program being graduate).
    pub graduate: bool,
}

/// The sentences of program reasons.
pub trait Programs {
    /// A program on the route to the path titled `path`.
    fn route_step(&self, path: &str, step: RouteStep<'_>) -> String;
    /// What the program's Scorecard field does and does not say of its
    /// specialty.
    fn specialty(&self) -> &'static str;
    /// A program on no shown path's route, and what that counted.
    fn off_route(&self, factor: &str, contribution: &str) -> String;
    /// A program's place.
    fn place(&self, place: PlaceWords<'_>) -> String;
    /// The facts a person weighs (CAHIIM accreditation, practicum,
    /// career services), each known or unknown.
    fn facts(&self, facts: [Option<bool>; 3]) -> String;
    /// A program's outcomes (College Scorecard).
    fn outcomes(&self, figures: &OutcomeFigures<'_>) -> String;
    /// After the first campuses named, how many more.
    fn more_campuses(&self, more: usize) -> String;
    /// What a program likely costs, or that it is unknown.
    fn cost(&self, figures: &CostFigures<'_>) -> String;
}
