//! Building the shared part of the [`ProgramIndex`] from the catalog: each program's group,
//! outcome factor and sentences, the groups' lists sorted by outcome, and
//! the texts shared by many programs.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::factors::{level_of, onet_category};

use super::index::{Candidate, Core, Group, ProgramIndex};
use super::outcomes::{outcome_factor, outcomes_reason};
use super::reasons::{describe_facts, facts_key, FACT_COMBINATIONS};
use super::texts::route_texts;
use crate::catalog::{
    Accreditation, Catalog, DeliveryMode, Program, ReportingUnits, EDUCATION_CATEGORIES,
    NON_CREDENTIAL_LEVEL,
};
use crate::language::Language;

impl ProgramIndex {
    /// The index of every program `catalog` shows.
    pub(crate) fn new(catalog: &Catalog) -> Self {
        let units = ReportingUnits::new(&catalog.programs);
        let plains: Vec<Group> = (1..=EDUCATION_CATEGORIES).map(plain_group).collect();
        let mut groups = plains.clone();
        let mut prepared = HashMap::new();
        let mut candidates = Vec::new();
        for (i, p) in catalog.programs.iter() {
            let Some(category) = category_of(p) else {
                continue;
            };
            let group = group_of(p, category, &plains, &mut prepared, &mut groups, 0);
            candidates.push(candidate(i, p, group, units.unit(i)));
        }
        let lists = Lists::sorted(&candidates, 0, groups.len());
        let outcome_texts = candidates
            .iter()
            .map(|c| {
                let program = &catalog.programs[c.program];
                outcomes_reason(catalog, program, None, units.campuses(c.program))
            })
            .collect();
        let mut fact_texts = vec![Default::default(); FACT_COMBINATIONS];
        for accreditation in [None, Some(true), Some(false)] {
            for practicum in [None, Some(true), Some(false)] {
                for services in [None, Some(true), Some(false)] {
                    let facts = [accreditation, practicum, services];
                    fact_texts[facts_key(facts)] = Language::ALL.map(|l| describe_facts(facts, l));
                }
            }
        }
        let core = Core {
            outcome_texts,
            route_texts: route_texts(catalog),
            fact_texts,
            candidates,
            groups,
            prepared,
            anywhere: lists.anywhere,
            by_group: lists.by_group,
            by_state: lists.by_state,
            units,
        };
        Self {
            core: Arc::new(core),
            layer: None,
        }
    }
}

/// A group's lists of candidates, best outcome first.
pub(super) struct Lists {
    pub(super) anywhere: Vec<Vec<u32>>,
    pub(super) by_group: Vec<Vec<u32>>,
    pub(super) by_state: HashMap<&'static str, Vec<Vec<u32>>>,
}

impl Lists {
    /// The lists of `candidates`, numbered from `first`, in `groups`
    /// groups: online programs score the same from every state, so they get
    /// lists of their own, and the state lists hold the rest.
    pub(super) fn sorted(candidates: &[Candidate], first: usize, groups: usize) -> Self {
        let sorted = |keep: &dyn Fn(&Candidate) -> bool| -> Vec<Vec<u32>> {
            let mut lists = vec![Vec::new(); groups];
            for (i, c) in candidates.iter().enumerate() {
                if keep(c) {
                    lists[c.group].push(i);
                }
            }
            lists
                .into_iter()
                .map(|mut list| {
                    list.sort_by(|&a, &b| {
                        let (a, b) = (&candidates[a], &candidates[b]);
                        b.outcome
                            .total_cmp(&a.outcome)
                            .then(a.program.cmp(&b.program))
                    });
                    list.into_iter().map(|i| (first + i) as u32).collect()
                })
                .collect()
        };
        let states: HashSet<&'static str> = candidates.iter().filter_map(|c| c.state).collect();
        Self {
            anywhere: sorted(&|c| c.online),
            by_group: sorted(&|c| !c.online),
            by_state: states
                .into_iter()
                .map(|state| (state, sorted(&|c| !c.online && c.state == Some(state))))
                .collect(),
        }
    }
}

/// The O*NET education category of a program that can be recommended.
pub(super) fn category_of(p: &Program) -> Option<usize> {
    if p.credential_level == NON_CREDENTIAL_LEVEL {
        return None;
    }
    onet_category(p.credential_level)
}

/// The group of program `p`: its category's plain group (of `plains`, one
/// per category), or the one of the credentials it prepares for, added to
/// `groups` (numbered from `first`) when new.
pub(super) fn group_of(
    p: &Program,
    category: usize,
    plains: &[Group],
    prepared: &mut HashMap<(usize, Vec<String>), usize>,
    groups: &mut Vec<Group>,
    first: usize,
) -> usize {
    if p.facts.prepares_for.is_empty() {
        return category - 1;
    }
    let mut codes = p.facts.prepares_for.clone();
    codes.sort();
    *prepared
        .entry((category, codes.clone()))
        .or_insert_with(|| {
            groups.push(prepared_group(&plains[category - 1], codes));
            first + groups.len() - 1
        })
}

/// The candidate of program `i`.
pub(super) fn candidate(i: usize, p: &Program, group: usize, unit: Option<u32>) -> Candidate {
    Candidate {
        program: i,
        group,
        state: p.state,
        outcome: outcome_factor(p),
        online: p.delivery() == Some(DeliveryMode::Online),
        accredited: p.accreditation == Accreditation::Accredited,
        unit,
    }
}

/// The group of a category's programs that prepare for no stated
/// credential.
pub(super) fn plain_group(category: usize) -> Group {
    Group {
        category,
        level: level_of(category),
        credentials: Vec::new(),
    }
}

/// The group of a category's programs that prepare for `codes`.
fn prepared_group(plain: &Group, codes: Vec<String>) -> Group {
    Group {
        category: plain.category,
        level: plain.level,
        credentials: codes,
    }
}
