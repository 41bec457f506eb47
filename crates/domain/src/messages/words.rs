//! The catalog's own words in a sentence: education levels, Scorecard
//! credential levels, a program's routes to credentials, what a Scorecard
//! title leaves out, and how long a credential level takes.

use crate::education::EducationLevel;

/// What a credential route's sentence says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RouteWords<'a> {
    /// The credential's code.
    pub code: &'a str,
    /// Its issuer.
    pub issuer: &'a str,
    /// Whether the route is the issuer's by program level (else only the
    /// operator's word that the program prepares for it).
    pub by_level: bool,
    /// The levels of programs whose graduates may sit the exam, in words
    /// ("associate or bachelor's").
    pub levels: &'a str,
    /// The accreditor such a program needs, if any.
    pub accreditor: Option<&'a str>,
    /// Whether the accreditation is one the operator can record.
    pub recorded: bool,
    /// The program's accreditation as the operator states it.
    pub accredited: Option<bool>,
    /// Whether the operator says the program prepares for it.
    pub prepares: bool,
}

/// The catalog's words.
pub trait CatalogWords {
    /// An education level as a sentence names it: "an associate's degree".
    fn education(&self, level: EducationLevel) -> &'static str;
    /// A Scorecard credential level as a word of a phrase: "associate".
    fn credential_level(&self, level: u8) -> &'static str;
    /// A program's route to a credential, in one sentence.
    fn credential_route(&self, route: &RouteWords<'_>) -> String;
    /// What a Scorecard title (CIP family 51.07) leaves out.
    fn cip_family_note(&self) -> &'static str;
    /// How long a Scorecard credential level takes full time, as NCES
    /// defines it; `None` where the definition gives no length.
    fn duration(&self, level: u8) -> Option<&'static str>;
}
