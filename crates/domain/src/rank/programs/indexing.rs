//! Building the shared part of the [`ProgramIndex`] from the catalog: each program's group,
//! outcome factor and sentences, the groups' lists sorted by outcome, and
//! the texts shared by many programs.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::factors::onet_category;

use super::index::{Candidate, Core, Group, ProgramIndex};
use super::outcomes::{outcome_factor, outcomes_reason};
use super::reasons::{describe_facts, facts_key, FACT_COMBINATIONS};
use super::texts::{leads_to, prepares_for, route_texts, variety_texts};
use crate::catalog::{
    Accreditation, Catalog, DeliveryMode, Program, ReportingUnits, EDUCATION_CATEGORIES,
    NON_CREDENTIAL_LEVEL,
};
use crate::language::Language;

impl ProgramIndex {
    /// The index of every program `catalog` shows.
    pub(crate) fn new(catalog: &Catalog) -> Self {
        let units = ReportingUnits::new(&catalog.programs);
        let plains: Vec<Group> = (1..=EDUCATION_CATEGORIES)
            .map(|category| plain_group(catalog, category))
            .collect();
        let mut groups = plains.clone();
        let mut prepared = HashMap::new();
        let mut candidates = Vec::new();
        for (i, p) in catalog.programs.iter() {
            let Some(category) = category_of(p) else {
                continue;
            };
            let group = group_of(catalog, p, category, &plains, &mut prepared, &mut groups, 0);
            candidates.push(candidate(i, p, category, group, units.unit(i)));
        }
        let lists = Lists::sorted(&candidates, 0, groups.len());
        let mut representatives: Vec<Option<&Program>> = vec![None; EDUCATION_CATEGORIES];
        for c in &candidates {
            representatives[c.category - 1].get_or_insert(&catalog.programs[c.program]);
        }
        for group in &mut groups {
            if let Some(program) = representatives[group.category - 1] {
                group.variety_texts = variety_texts(program, &group.credentials);
            }
        }
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
    catalog: &Catalog,
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
            groups.push(prepared_group(catalog, &plains[category - 1], codes));
            first + groups.len() - 1
        })
}

/// The candidate of program `i`.
pub(super) fn candidate(
    i: usize,
    p: &Program,
    category: usize,
    group: usize,
    unit: Option<u32>,
) -> Candidate {
    Candidate {
        program: i,
        category,
        group,
        state: p.state,
        outcome: outcome_factor(p),
        online: p.facts.delivery == Some(DeliveryMode::Online),
        accredited: p.accreditation == Accreditation::Accredited,
        unit,
    }
}

/// The group of a category's programs that prepare for no stated
/// credential: each path's relevance is the category's share of the path's
/// workers over its most common category's (O*NET).
pub(super) fn plain_group(catalog: &Catalog, category: usize) -> Group {
    let (relevance, path_texts) = catalog
        .career_paths
        .iter()
        .map(|career| {
            let max = career.education.iter().copied().fold(0.0, f64::max);
            let relevance = if max > 0.0 {
                career.education[category - 1] / max
            } else {
                0.0
            };
            (relevance, leads_to(career, category))
        })
        .unzip();
    Group {
        category,
        credentials: Vec::new(),
        relevance,
        path_texts,
        variety_texts: Vec::new(),
    }
}

/// The group of a category's programs that prepare for `codes`: a path one
/// of the credentials leads to ([`Catalog::credential_paths`]) has
/// relevance 1, whatever its usual education; the others keep the plain
/// category's.
fn prepared_group(catalog: &Catalog, plain: &Group, codes: Vec<String>) -> Group {
    let mut relevance = plain.relevance.clone();
    let mut path_texts = plain.path_texts.clone();
    let leads_to: Vec<Vec<usize>> = codes
        .iter()
        .map(|code| {
            catalog
                .credential_index(code)
                .map_or_else(Vec::new, |c| catalog.credential_paths(c))
        })
        .collect();
    for (path, career) in catalog.career_paths.iter().enumerate() {
        let leading: Vec<&str> = codes
            .iter()
            .zip(&leads_to)
            .filter(|(_, paths)| paths.contains(&path))
            .map(|(code, _)| code.as_str())
            .collect();
        if !leading.is_empty() {
            relevance[path] = 1.0;
            path_texts[path] = prepares_for(career, &leading);
        }
    }
    Group {
        category: plain.category,
        credentials: codes,
        relevance,
        path_texts,
        variety_texts: Vec::new(),
    }
}
