//! What the program ranking precomputes from the catalog alone: the
//! candidates with their outcome factors, per-level lists sorted by
//! outcome, and the sentences that do not depend on the person.

use std::collections::{HashMap, HashSet};

use super::factors::{onet_category, state_factor};
use super::outcomes::{describe_outcomes, outcome_factor};
use crate::catalog::{
    Accreditation, Catalog, DeliveryMode, Program, ProgramFilter, EDUCATION_CATEGORIES,
    NON_CREDENTIAL_LEVEL,
};
use crate::rank::ProgramPreferences;
use crate::text::fixed;

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
    /// `relevance[category - 1][path]`.
    pub(super) relevance: Vec<Vec<f64>>,
    /// `path_texts[category - 1][path]`: the factor and sentence saying that
    /// a credential at this level leads to the path, written once.
    pub(super) path_texts: Vec<Vec<(String, String)>>,
    /// Each candidate's outcome sentence, written once.
    pub(super) outcome_texts: Vec<String>,
    /// `level_names[category - 1]`: the credential level in lower case.
    pub(super) level_names: Vec<String>,
    /// `anywhere[category - 1]`: online programs, best outcome first.
    pub(super) anywhere: Vec<Vec<u32>>,
    /// `by_category[category - 1]`: the other programs, best outcome first.
    pub(super) by_category: Vec<Vec<u32>>,
    /// Per state, the same lists holding only that state's programs.
    pub(super) by_state: HashMap<&'static str, Vec<Vec<u32>>>,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Candidate {
    pub(super) program: usize,
    pub(super) category: usize,
    pub(super) state: Option<&'static str>,
    pub(super) outcome: f64,
    /// Known to be delivered fully online: open from any state.
    pub(super) online: bool,
    /// Known to be accredited.
    pub(super) accredited: bool,
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

    /// The state factor: 1 in the wanted state, online, or with no state.
    pub(super) fn state_factor(&self, wanted: Option<&str>) -> f64 {
        if self.online {
            1.0
        } else {
            state_factor(wanted, self.state)
        }
    }
}
impl ProgramIndex {
    pub(crate) fn new(catalog: &Catalog) -> Self {
        let relevance = (0..EDUCATION_CATEGORIES)
            .map(|category| {
                catalog
                    .career_paths
                    .iter()
                    .map(|p| {
                        let max = p.education.iter().copied().fold(0.0, f64::max);
                        if max > 0.0 {
                            p.education[category] / max
                        } else {
                            0.0
                        }
                    })
                    .collect()
            })
            .collect();
        let candidates: Vec<Candidate> = catalog
            .programs
            .iter()
            .enumerate()
            .filter(|(_, p)| p.credential_level != NON_CREDENTIAL_LEVEL)
            .filter_map(|(i, p)| {
                Some(Candidate {
                    program: i,
                    category: onet_category(p.credential_level)?,
                    state: p.state,
                    outcome: outcome_factor(p),
                    online: p.facts.delivery == Some(DeliveryMode::Online),
                    accredited: p.accreditation == Accreditation::Accredited,
                })
            })
            .collect();
        let sorted = |keep: &dyn Fn(&Candidate) -> bool| -> Vec<Vec<u32>> {
            let mut lists = vec![Vec::new(); EDUCATION_CATEGORIES];
            for (i, c) in candidates.iter().enumerate() {
                if keep(c) {
                    lists[c.category - 1].push(i as u32);
                }
            }
            for list in &mut lists {
                list.sort_by(|a, b| {
                    let (a, b) = (&candidates[*a as usize], &candidates[*b as usize]);
                    b.outcome
                        .total_cmp(&a.outcome)
                        .then(a.program.cmp(&b.program))
                });
            }
            lists
        };
        // Online programs score the same from every state: they get lists of
        // their own, and the state lists hold the rest.
        let anywhere = sorted(&|c| c.online);
        let by_category = sorted(&|c| !c.online);
        let states: HashSet<&'static str> = candidates.iter().filter_map(|c| c.state).collect();
        let by_state = states
            .into_iter()
            .map(|state| (state, sorted(&|c| !c.online && c.state == Some(state))))
            .collect();
        let mut level_names = vec![String::new(); EDUCATION_CATEGORIES];
        for c in &candidates {
            let name = &mut level_names[c.category - 1];
            if name.is_empty() {
                *name = catalog.programs[c.program]
                    .credential_description
                    .to_lowercase();
            }
        }
        let outcome_texts = candidates
            .iter()
            .map(|c| describe_outcomes(&catalog.programs[c.program]))
            .collect();
        let path_texts = (1..=EDUCATION_CATEGORIES)
            .map(|category| {
                catalog
                    .career_paths
                    .iter()
                    .map(|career| {
                        let source = if career.education_from_survey {
                            format!(
                                "{}% of its workers need this level (O*NET)",
                                fixed(100.0 * career.education[category - 1], 0)
                            )
                        } else {
                            format!("a usual level for job zone {} (O*NET)", career.job_zone)
                        };
                        (
                            format!("career_path:{}", career.soc_code),
                            format!("Leads to {}: {source}", career.title),
                        )
                    })
                    .collect()
            })
            .collect();
        Self {
            candidates,
            path_texts,
            level_names,
            outcome_texts,
            relevance,
            anywhere,
            by_category,
            by_state,
        }
    }
}
