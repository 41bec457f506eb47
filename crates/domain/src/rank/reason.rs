//! A reason as data: a stable code from a documented catalog, the typed
//! values it speaks of, and the sentence the server writes from them in
//! the request's language (docs/api.md, "Reason codes").

use crate::catalog::DATA_RELEASES;
use crate::language::Language;

/// One factor that raised or lowered an item's score.
#[derive(Debug, Clone, PartialEq)]
pub struct Reason {
    /// What kind of reason it is.
    pub code: ReasonCode,
    /// Machine-readable factor, e.g. `skill:clinical_coding`.
    pub factor: String,
    /// Signed contribution (see each ranker for its unit).
    pub contribution: f64,
    /// The values the sentence speaks of, by name (see
    /// [`ReasonCode::value_names`]).
    pub values: Vec<Value>,
    /// One sentence in the request's language.
    pub explanation: String,
}

/// The kinds of reasons. Each names the values it carries in
/// [`ReasonCode::value_names`]; a value that is unknown is left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReasonCode {
    /// A career path: a stated skill well above the path's typical level.
    SkillAboveTypical,
    /// A career path: a skill below typical that still raises the fit
    /// (above what the path's people usually bring).
    SkillTowardTypical,
    /// A career path: a skill below the path's typical level.
    SkillBelowTypical,
    /// A career path: a skill at the path's typical level.
    SkillAtTypical,
    /// A career path: a credential held that leads to the path.
    CredentialHeld,
    /// A career path: the interests against the path's (O*NET).
    Interests,
    /// A career path: the education held against the path's most common.
    Education,
    /// A work setting: the share of a path's workers it employs (BLS).
    SettingStaffing,
    /// No longer produced (a program's link to a path is the route step
    /// it takes, [`ReasonCode::ProgramRouteStep`]); kept so the wire's
    /// code still maps. So are the next four.
    ProgramPathLevel,
    /// No longer produced.
    ProgramPathPreparation,
    /// No longer produced.
    ProgramPreparesFor,
    /// No longer produced: a route never asks for a level held for the
    /// same field.
    ProgramLevelHeld,
    /// No longer produced.
    ProgramNeedsBachelor,
    /// A program: in the person's state.
    ProgramInState,
    /// A program: online, so open from the person's state.
    ProgramOnline,
    /// A program: outside the person's state.
    ProgramOutOfState,
    /// A program: its graduates' earnings and debt (College Scorecard).
    ProgramOutcomes,
    /// A program: the facts a person weighs (accreditation, practicum,
    /// career services); contributes 0.
    ProgramFacts,
    /// No longer produced (programs run in score order); kept so the
    /// wire's code still maps.
    VarietyAfterLower,
    /// No longer produced, as above.
    VarietyBeforeHigher,
    /// A career path: a step up from where the person stands.
    PathStepUp,
    /// A career path: where the person works now.
    PathWhereYouAre,
    /// A career path: about level with where the person stands.
    PathLateral,
    /// A career path: below what the person brings.
    PathBringsMore,
    /// A career path: its entry education (BLS) is not yet the person's.
    PathNotYetQualified,
    /// A career path: BLS projects its occupation to decline.
    PathDeclining,
    /// A career path: O*NET relates it to the person's occupation.
    PathRelated,
    /// A program: a step of a shown path's route.
    ProgramRouteStep,
    /// A program: what its Scorecard field (CIP 51.07) does and does not
    /// say of its specialty; contributes 0.
    ProgramSpecialty,
    /// A career path: nothing in the sources links it to where the person
    /// stands.
    PathUnlinked,
    /// A career path (exploring): an occupation at the edge of the field.
    PathAdjacent,
    /// A career path (exploring): its entry education is a long way from
    /// the person's.
    PathLongRoute,
    /// A program: on no step of the shown paths' routes.
    ProgramOffRoute,
    /// A career path, exploring or finding work: how strongly what the
    /// person said points to it rather than the field's others.
    PathPointsHere,
    /// A career path: its BLS projection in the Handbook's words, with
    /// its openings; contributes 0.
    PathOutlook,
    /// A career path: what most of its workers earn (BLS OEWS), in the
    /// person's state or nationally; contributes 0.
    PathPayRange,
    /// A program: what it is likely to cost (College Scorecard
    /// institution costs); contributes 0.
    ProgramCost,
}

impl ReasonCode {
    /// Every code, in the order of the proto's enum.
    pub const ALL: [Self; 37] = [
        Self::SkillAboveTypical,
        Self::SkillTowardTypical,
        Self::SkillBelowTypical,
        Self::SkillAtTypical,
        Self::CredentialHeld,
        Self::Interests,
        Self::Education,
        Self::SettingStaffing,
        Self::ProgramPathLevel,
        Self::ProgramPathPreparation,
        Self::ProgramPreparesFor,
        Self::ProgramLevelHeld,
        Self::ProgramNeedsBachelor,
        Self::ProgramInState,
        Self::ProgramOnline,
        Self::ProgramOutOfState,
        Self::ProgramOutcomes,
        Self::ProgramFacts,
        Self::VarietyAfterLower,
        Self::VarietyBeforeHigher,
        Self::PathStepUp,
        Self::PathWhereYouAre,
        Self::PathLateral,
        Self::PathBringsMore,
        Self::PathNotYetQualified,
        Self::PathDeclining,
        Self::PathRelated,
        Self::ProgramRouteStep,
        Self::ProgramSpecialty,
        Self::PathUnlinked,
        Self::PathAdjacent,
        Self::PathLongRoute,
        Self::ProgramOffRoute,
        Self::PathPointsHere,
        Self::PathOutlook,
        Self::PathPayRange,
        Self::ProgramCost,
    ];

    /// The codes no longer produced, kept for the wire.
    pub const RETIRED: [Self; 7] = [
        Self::ProgramPathLevel,
        Self::ProgramPathPreparation,
        Self::ProgramPreparesFor,
        Self::ProgramLevelHeld,
        Self::ProgramNeedsBachelor,
        Self::VarietyAfterLower,
        Self::VarietyBeforeHigher,
    ];
}

/// A value a reason speaks of.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    /// Its name, one of the code's [`ReasonCode::value_names`].
    pub name: &'static str,
    /// The value.
    pub datum: Datum,
    /// What a number counts.
    pub unit: Unit,
    /// The public data it comes from; `None` for what the person or the
    /// operator gave.
    pub source: Option<DataSource>,
}

/// The value itself.
#[derive(Debug, Clone, PartialEq)]
pub enum Datum {
    /// An id, a code or a word.
    Text(String),
    /// A figure.
    Number(f64),
    /// Yes or no.
    Flag(bool),
}

/// What a number counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Unit {
    /// Not a number, or a plain count.
    #[default]
    None,
    /// A proficiency in [0, 1].
    SkillLevel,
    /// A Pearson correlation in [-1, 1].
    Correlation,
    /// A percentage, 0 to 100.
    Percent,
    /// U.S. dollars.
    Usd,
    /// Years.
    Years,
    /// People employed.
    Workers,
    /// An O*NET importance rating, 1 to 5.
    Importance,
    /// An O*NET job zone, 1 to 5.
    JobZone,
    /// Campuses.
    Campuses,
}

/// The public data set a value comes from, in the order of
/// `DATA_RELEASES`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataSource {
    /// BLS OEWS.
    Oews,
    /// College Scorecard.
    Scorecard,
    /// O*NET.
    Onet,
    /// ESCO.
    Esco,
    /// BLS Employment Projections.
    Projections,
    /// College Scorecard institution costs.
    ScorecardCosts,
}

// Every data release has its source.
const _: () = assert!(DataSource::ALL.len() == DATA_RELEASES.len());

impl DataSource {
    /// Every source, in the order of `DATA_RELEASES`.
    pub const ALL: [Self; 6] = [
        Self::Oews,
        Self::Scorecard,
        Self::Onet,
        Self::Esco,
        Self::Projections,
        Self::ScorecardCosts,
    ];

    /// (source, release) as `DATA_RELEASES` lists them.
    pub fn release(self) -> (&'static str, &'static str) {
        DATA_RELEASES[self as usize]
    }
}

impl Value {
    /// An id, a code or a word.
    pub fn text(name: &'static str, text: impl Into<String>) -> Self {
        Self {
            name,
            datum: Datum::Text(text.into()),
            unit: Unit::None,
            source: None,
        }
    }

    /// A figure in `unit`.
    pub fn number(name: &'static str, number: f64, unit: Unit) -> Self {
        Self {
            name,
            datum: Datum::Number(number),
            unit,
            source: None,
        }
    }

    /// Yes or no.
    pub fn flag(name: &'static str, flag: bool) -> Self {
        Self {
            name,
            datum: Datum::Flag(flag),
            unit: Unit::None,
            source: None,
        }
    }

    /// The same value, from `source`.
    pub fn from(mut self, source: DataSource) -> Self {
        self.source = Some(source);
        self
    }
}

/// A reason that depends on the catalog alone, written once in every
/// language; its contribution is the request's.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Written {
    pub(crate) code: ReasonCode,
    pub(crate) factor: String,
    pub(crate) values: Vec<Value>,
    /// Per [`Language::index`].
    pub(crate) explanations: [String; 2],
}

impl Written {
    /// The reason for one request.
    pub(crate) fn reason(&self, contribution: f64, language: Language) -> Reason {
        Reason {
            code: self.code,
            factor: self.factor.clone(),
            contribution,
            values: self.values.clone(),
            explanation: self.explanations[language.index()].clone(),
        }
    }
}
