//! What the program ranking precomputes from the catalog alone: the
//! candidates with their outcome factors, per-level lists sorted by
//! outcome, the campuses reported together, and the sentences that do not
//! depend on the person. The types only: `indexing` builds them, and the
//! factors, reasons and merge extend them.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use fixedbitset::FixedBitSet;

use super::wants::Wants;
use crate::catalog::{CredentialRoute, ProgramFilter, Programs, ReportingUnits};
use crate::language::Language;
use crate::rank::reason::Written;
use crate::rank::ProgramPreferences;

/// What the ranking precomputes from the catalog alone. A program's score
/// is `group weight * state factor * outcome`; within a group, the
/// order of `state factor * outcome` depends only on the person's state.
/// So each level's programs are kept sorted by outcome (online ones apart,
/// overall and per state); a request reads each level in order by merging
/// the heads of at most three lists, and merges the levels' scores in a
/// heap instead of scoring the whole catalog.
///
/// The [`Core`] is built once from the public catalog and shared by every
/// view of it; a tenant's view adds its [`Layer`]: the public candidates
/// it does not offer as they are, and its own, in lists of their own that
/// the merge reads beside the shared ones.
#[derive(Debug, Clone)]
pub(crate) struct ProgramIndex {
    pub(super) core: Arc<Core>,
    pub(super) layer: Option<Arc<Layer>>,
}

/// The index of the public catalog.
#[derive(Debug)]
pub(super) struct Core {
    /// Programs that can be recommended.
    pub(super) candidates: Vec<Candidate>,
    /// The groups candidates are ranked in: first one per credential
    /// category (index `category - 1`), then one per category and set of
    /// credentials that some operator's programs prepare for.
    pub(super) groups: Vec<Group>,
    /// The prepared-for groups, by (category, sorted credential codes).
    pub(super) prepared: HashMap<(usize, Vec<String>), usize>,
    /// `anywhere[group]`: online programs, best outcome first.
    pub(super) anywhere: Vec<Vec<u32>>,
    /// `by_group[group]`: the other programs, best outcome first.
    pub(super) by_group: Vec<Vec<u32>>,
    /// Per state, the same lists holding only that state's programs.
    pub(super) by_state: HashMap<&'static str, Vec<Vec<u32>>>,
    /// Campuses Scorecard reports together.
    pub(super) units: ReportingUnits,
    /// Each candidate's outcomes reason against its own state, written
    /// once (a person elsewhere gets one written for them).
    pub(super) outcome_texts: Vec<Written>,
    /// The sentence of every route a program can have, per language.
    pub(super) route_texts: HashMap<CredentialRoute, [String; 2]>,
    /// The facts sentence of each combination of known and unknown facts,
    /// by [`facts_key`], per language.
    pub(super) fact_texts: Vec<[String; 2]>,
}

/// What one view of the catalog ranks differently from the public one.
/// Its candidates are numbered after the core's, its groups after the
/// core's groups.
#[derive(Debug, Default)]
pub(super) struct Layer {
    /// Bit `c` set: core candidate `c` is not offered (hidden, or held
    /// with other facts, which one of `candidates` carries).
    pub(super) skipped: FixedBitSet,
    /// Candidates of the view's own programs and changed public ones.
    pub(super) candidates: Vec<Candidate>,
    /// Groups the core does not have.
    pub(super) groups: Vec<Group>,
    /// The lists of `candidates`, by group (core's and the layer's).
    pub(super) anywhere: Vec<Vec<u32>>,
    pub(super) by_group: Vec<Vec<u32>>,
    pub(super) by_state: HashMap<&'static str, Vec<Vec<u32>>>,
    /// The outcomes reasons of `candidates`.
    pub(super) outcome_texts: Vec<Written>,
    /// Outcomes reasons of core candidates that name other campuses than
    /// the core's (some of their unit's campuses are hidden).
    pub(super) outcome_rewritten: HashMap<u32, Written>,
}

impl ProgramIndex {
    /// Candidate `c`, the core's or the layer's.
    pub(super) fn candidate(&self, c: u32) -> &Candidate {
        let core = self.core.candidates.len();
        match &self.layer {
            Some(layer) if c as usize >= core => &layer.candidates[c as usize - core],
            _ => &self.core.candidates[c as usize],
        }
    }

    /// Group `g`, the core's or the layer's.
    pub(super) fn group(&self, g: usize) -> &Group {
        let core = self.core.groups.len();
        match &self.layer {
            Some(layer) if g >= core => &layer.groups[g - core],
            _ => &self.core.groups[g],
        }
    }

    /// How many groups there are.
    pub(super) fn group_count(&self) -> usize {
        self.core.groups.len() + self.layer.as_ref().map_or(0, |l| l.groups.len())
    }

    /// Candidate `c`'s outcomes reason against its own state.
    pub(super) fn outcome_text(&self, c: u32) -> &Written {
        let core = self.core.candidates.len();
        match &self.layer {
            Some(layer) if c as usize >= core => &layer.outcome_texts[c as usize - core],
            Some(layer) => layer
                .outcome_rewritten
                .get(&c)
                .unwrap_or(&self.core.outcome_texts[c as usize]),
            None => &self.core.outcome_texts[c as usize],
        }
    }

    /// The sentences of `route`, per language, if written once.
    pub(crate) fn route_texts(&self, route: &CredentialRoute) -> Option<&[String; 2]> {
        self.core.route_texts.get(route)
    }

    /// Whether core candidate `c` is offered in this view.
    pub(super) fn offered(&self, c: u32) -> bool {
        self.layer
            .as_ref()
            .is_none_or(|layer| !layer.skipped.contains(c as usize))
    }

    /// Every campus reported with `program` that `programs` shows, itself
    /// included, in catalog order; empty when it is shown alone.
    pub(crate) fn campuses<'a>(&'a self, programs: &Programs, program: usize) -> Cow<'a, [usize]> {
        match self.layer {
            None => Cow::Borrowed(self.core.units.campuses(program)),
            Some(_) => shown_campuses(&self.core.units, programs, program),
        }
    }
}

/// The campuses `units` reports with `program` that `programs` shows,
/// itself included; empty when it is shown alone.
pub(super) fn shown_campuses<'a>(
    units: &'a ReportingUnits,
    programs: &Programs,
    program: usize,
) -> Cow<'a, [usize]> {
    let all = units.campuses(program);
    if !all.iter().any(|&p| programs.is_hidden(p)) {
        return Cow::Borrowed(all);
    }
    let shown: Vec<usize> = all
        .iter()
        .copied()
        .filter(|&p| !programs.is_hidden(p))
        .collect();
    if shown.len() > 1 {
        Cow::Owned(shown)
    } else {
        Cow::Borrowed(&[])
    }
}

/// Programs ranked together, sharing one weight: one credential level,
/// and the credentials they prepare for (none for public data's programs).
#[derive(Debug, Clone)]
pub(super) struct Group {
    /// O*NET education category of their credential level.
    pub(super) category: usize,
    /// Their Scorecard credential level.
    pub(super) level: u8,
    /// Codes of the credentials they prepare for, as the overlay lists them.
    pub(super) credentials: Vec<String>,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Candidate {
    pub(super) program: usize,
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
    /// The programs the shown paths' routes ask for.
    pub(crate) wants: &'a Wants,
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
pub(crate) struct Allowed<'a> {
    pub(crate) preferences: ProgramPreferences,
    pub(crate) filter: Option<&'a ProgramFilter>,
    pub(crate) programs: &'a Programs,
}

impl Candidate {
    pub(super) fn allowed(&self, admission: Allowed<'_>) -> bool {
        let preferences = admission.preferences;
        (!preferences.require_accreditation || self.accredited)
            && (!preferences.online_only || self.online)
            && admission
                .filter
                .is_none_or(|f| f.matches(&admission.programs[self.program]))
    }
}
