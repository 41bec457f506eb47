//! The sentences of counsel: what a score means for the person's goal,
//! the conditions of an issuer's route, and each step of the route to a
//! path, checked against the person. The rules that pick and order the
//! parts are in `rank::counsel::texts`; these only word them.

use crate::catalog::ExperienceDomain;
use crate::education::EducationLevel;
use crate::profile::Goal;

/// What an education step serves, for its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepServes<'a> {
    /// A credential's route (its code), which the person's own degree may
    /// already have been.
    CredentialUnlessHeld(&'a str),
    /// A credential's route, by its code.
    Credential(&'a str),
    /// The education BLS says the path needs to enter.
    Entry(EducationLevel),
}

/// The sentences of counsel.
pub trait Counsel {
    /// What every career path's score means for `goal`, in one sentence.
    fn score_meaning(&self, goal: Goal) -> &'static str;
    /// A number of years, `years` written out: "2 years", "1 year".
    fn years(&self, years: &str, one: bool) -> String;
    /// The work of an experience domain, after a number of years.
    fn experience_domain(&self, domain: ExperienceDomain) -> &'static str;
    /// Coursework an issuer names by `what`, in words; `None` for one
    /// this language has no words for.
    fn coursework(&self, what: &str) -> Option<&'static str>;
    /// A route that asks nothing.
    fn anyone_may_sit(&self) -> &'static str;
    /// An associate degree or 60 college credits.
    fn college_60(&self) -> &'static str;
    /// A program of `level` (its name) accredited by `accreditor`.
    fn accredited_program(&self, level: &str, accreditor: &str) -> String;
    /// A program of `level`, any accreditation.
    fn program_of_level(&self, level: &str) -> String;
    /// Holding one of these credentials: "the RHIA or the RHIT".
    fn the_credentials(&self, codes: &[&str]) -> String;
    /// Holding one of these licences: "an RN or LPN licence".
    fn licence(&self, codes: &[&str]) -> String;
    /// Alternatives: "a or b".
    fn or_list(&self, items: &[String]) -> String;
    /// Conditions together: "a and b".
    fn and_list(&self, items: &[String]) -> String;
    /// Whole routes, each of its conditions: "a and b, or c".
    fn either_route(&self, routes: &[String]) -> String;
    /// A condition of years not yet met, with the years already held.
    fn with_years_held(&self, condition: &str, years: &str) -> String;
    /// A route the person meets.
    fn can_sit_now(&self) -> &'static str;
    /// A route the profile does not say the person meets.
    fn may_sit_now(&self) -> &'static str;
    /// A route with `missing` still to meet.
    fn needs(&self, missing: &str) -> String;
    /// The conditions the person meets.
    fn you_have(&self, met: &str) -> String;
    /// The conditions the profile says nothing of.
    fn profile_does_not_say(&self, unknown: &str) -> String;
    /// A credential whose issuer's rules could not be confirmed here.
    fn rules_unconfirmed(&self, code: &str, issuer: &str, source: &str) -> String;
    /// A credential held in its apprentice form: what ends the
    /// apprenticeship, then the route's clause.
    fn apprenticeship(&self, code: &str, issuer: &str, removal: &str, clause: &str) -> String;
    /// A credential step: the credential, then its route's clause.
    fn credential_step(&self, code: &str, issuer: &str, clause: &str) -> String;
    /// The education held, after an education step.
    fn holding(&self, education: &str) -> String;
    /// An education step: the programs that take it (`programs`), what
    /// it serves, and `held` (empty, or [`Counsel::holding`]).
    fn education_step(&self, programs: &str, serves: StepServes<'_>, held: &str) -> String;
}
