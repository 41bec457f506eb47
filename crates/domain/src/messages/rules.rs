//! The sentences of the rules that weigh a path for the person's goal:
//! how it stands to where they are, what links it to them, whether they
//! can get the work now, whether BLS projects it to decline.

use super::Figure;
use crate::education::EducationLevel;

/// Where a person stands, as a move is measured from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whence<'a> {
    /// Their work, by the occupation's title.
    Work(&'a str),
    /// What their education reaches.
    Education,
}

/// How the place a person works now weighs on a path there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StayWeighed<'a> {
    /// It did not change the score.
    Not,
    /// Moving up: it counts this much (a rule's [`GoalRules::counted`]).
    ToMoveUp(&'a str),
    /// Changing field: the person is leaving it.
    Leaving(&'a str),
}

/// The sentences of a path's goal rules. `counted` is always a
/// [`GoalRules::counted`] clause.
pub trait GoalRules {
    /// What a rule did to the score: "it counts 0.5: -0.21".
    fn counted(&self, factor: Figure<'_>, contribution: Figure<'_>) -> String;
    /// The job zones compared, with the BLS median wages (path's, the
    /// person's) where both are known.
    fn zones(&self, zone: u8, current: u8, wages: Option<(&str, &str)>) -> String;
    /// A step up from where the person stands.
    fn step_up(&self, from: Whence<'_>, zones: &str) -> String;
    /// The occupation the person works in now, after their years there
    /// (`years`, empty or [`crate::messages::Paths::years_there`]).
    fn where_you_work(&self, years: &str, weighed: StayWeighed<'_>) -> String;
    /// About level with where the person stands; `counted` when that
    /// changed the score.
    fn lateral(&self, from: Whence<'_>, zones: &str, counted: Option<&str>) -> String;
    /// A role asking less than the person brings.
    fn brings_more(&self, zones: &str, counted: Option<&str>) -> String;
    /// What links the path to the person, a weaker link than others.
    fn weaker_link(&self, link: &str, counted: &str) -> String;
    /// The education BLS says the path needs to enter is above the
    /// person's (`held`, in words), for work they can get now.
    fn not_yet_qualified(&self, entry: EducationLevel, held: &str, counted: &str) -> String;
    /// BLS projects the occupation to shrink by `change` percent over
    /// `period`; `held_below` when it is also kept below the best path
    /// that is not shrinking.
    fn declining(
        &self,
        change: Figure<'_>,
        period: &str,
        held_below: bool,
        counted: &str,
    ) -> String;
    /// Nothing links the path to the person's work or credentials;
    /// `core` when it is one of the field's core occupations.
    fn unlinked(&self, core: bool, counted: &str) -> String;
    /// How strongly what the person said points to the path, and what
    /// that added to the score.
    fn points_here(&self, pointing: Figure<'_>, contribution: Figure<'_>) -> String;
    /// An occupation at the edge of the field, for someone exploring.
    fn adjacent(&self, counted: &str) -> String;
    /// A long way in, for someone exploring.
    fn long_route(&self, entry: EducationLevel, counted: &str) -> String;
}
