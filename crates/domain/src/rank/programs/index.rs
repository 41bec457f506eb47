//! What the program ranking precomputes from the catalog alone: the
//! candidates with their outcome factors, per-level lists sorted by
//! outcome, the campuses reported together, and the sentences that do not
//! depend on the person. The types only: `indexing` builds them, and the
//! factors, reasons and merge extend them.

use std::collections::HashMap;

use crate::catalog::{CredentialRoute, Program, ProgramFilter, ReportingUnits};
use crate::language::Language;
use crate::rank::reason::Written;
use crate::rank::ProgramPreferences;

/// What the ranking precomputes from the catalog alone. A program's score
/// is `level weight * state factor * outcome / k`; within a level, the
/// order of `state factor * outcome` depends only on the person's state.
/// So each level's programs are kept sorted by outcome (online ones apart,
/// overall and per state); a request reads each level in order by merging
/// the heads of at most three lists, and merges the levels' scores in a
/// heap instead of scoring the whole catalog.
#[derive(Debug, Clone)]
pub(crate) struct ProgramIndex {
    /// Programs that can be recommended.
    pub(super) candidates: Vec<Candidate>,
    /// The groups candidates are ranked in: first one per credential
    /// category (index `category - 1`), then one per category and set of
    /// credentials that some operator's programs prepare for.
    pub(super) groups: Vec<Group>,
    /// `anywhere[group]`: online programs, best outcome first.
    pub(super) anywhere: Vec<Vec<u32>>,
    /// `by_group[group]`: the other programs, best outcome first.
    pub(super) by_group: Vec<Vec<u32>>,
    /// Per state, the same lists holding only that state's programs.
    pub(super) by_state: HashMap<&'static str, Vec<Vec<u32>>>,
    /// Campuses Scorecard reports together.
    pub(crate) units: ReportingUnits,
    /// Each candidate's outcomes reason against its own state, written
    /// once (a person elsewhere gets one written for them).
    pub(super) outcome_texts: Vec<Written>,
    /// The sentence of every route a program can have, per language.
    pub(crate) route_texts: HashMap<CredentialRoute, [String; 2]>,
    /// The facts sentence of each combination of known and unknown facts,
    /// by [`facts_key`], per language.
    pub(super) fact_texts: Vec<[String; 2]>,
}

/// Programs ranked together, sharing one path fit: one credential category,
/// and the credentials they prepare for (none for public data's programs).
#[derive(Debug, Clone)]
pub(super) struct Group {
    /// O*NET education category of their credential level.
    pub(super) category: usize,
    /// Codes of the credentials they prepare for, as the overlay lists them.
    pub(super) credentials: Vec<String>,
    /// `relevance[path]`: how much the credential leads to the path, in
    /// [0, 1]: 1 for a path a prepared-for credential leads to, otherwise
    /// the category's share of the path's workers over its most common
    /// category's.
    pub(super) relevance: Vec<f64>,
    /// `path_texts[path]`: the reason saying that the group's programs
    /// lead to the path, written once.
    pub(super) path_texts: Vec<Written>,
    /// The reasons for a program of the group the list placed after
    /// programs that score less, and before programs that score more
    /// (filled once the group's level is known).
    pub(super) variety_texts: Vec<Written>,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Candidate {
    pub(super) program: usize,
    pub(super) category: usize,
    /// Its group in [`ProgramIndex::groups`].
    pub(super) group: usize,
    pub(super) state: Option<&'static str>,
    pub(super) outcome: f64,
    /// Known to be delivered fully online: open from any state.
    pub(super) online: bool,
    /// Known to be accredited.
    pub(super) accredited: bool,
    /// Its reporting unit, when other campuses share its figures.
    pub(super) unit: Option<u32>,
}

/// What one request asks of the program ranking.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Wanted<'a> {
    /// How many programs.
    pub(crate) limit: usize,
    /// The deprecated preferences.
    pub(crate) preferences: ProgramPreferences,
    /// The program filter, if any.
    pub(crate) filter: Option<&'a ProgramFilter>,
    /// Whether to write the reasons.
    pub(crate) explain: bool,
    /// The language to write them in.
    pub(crate) language: Language,
}

/// Which candidates one request may be offered: the (deprecated)
/// preferences and the program filter must both pass.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Admission<'a> {
    pub(crate) preferences: ProgramPreferences,
    pub(crate) filter: Option<&'a ProgramFilter>,
    pub(crate) programs: &'a [Program],
}

impl Candidate {
    pub(super) fn allowed(&self, admission: Admission<'_>) -> bool {
        let preferences = admission.preferences;
        (!preferences.require_accreditation || self.accredited)
            && (!preferences.online_only || self.online)
            && admission
                .filter
                .is_none_or(|f| f.matches(&admission.programs[self.program]))
    }
}
