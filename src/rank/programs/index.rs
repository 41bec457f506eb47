//! What the program ranking precomputes from the catalog alone: the
//! candidates with their outcome factors, per-level lists sorted by
//! outcome, the campuses reported together, and the sentences that do not
//! depend on the person.

use std::collections::{HashMap, HashSet};

use super::factors::{onet_category, state_factor};
use super::outcomes::{outcome_factor, outcomes_reason};
use super::reasons::{describe_facts, facts_key, FACT_COMBINATIONS};
use super::texts::{leads_to, prepares_for, route_texts, variety_texts};
use crate::catalog::{
    Accreditation, Catalog, CredentialRoute, DeliveryMode, Program, ProgramFilter, ReportingUnits,
    EDUCATION_CATEGORIES, NON_CREDENTIAL_LEVEL,
};
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
        let units = ReportingUnits::new(&catalog.programs);
        let mut groups: Vec<Group> = (1..=EDUCATION_CATEGORIES)
            .map(|category| plain_group(catalog, category))
            .collect();
        let mut prepared: HashMap<(usize, Vec<String>), usize> = HashMap::new();
        let mut candidates = Vec::new();
        for (i, p) in catalog.programs.iter().enumerate() {
            if p.credential_level == NON_CREDENTIAL_LEVEL {
                continue;
            }
            let Some(category) = onet_category(p.credential_level) else {
                continue;
            };
            let group = if p.facts.prepares_for.is_empty() {
                category - 1
            } else {
                let mut codes = p.facts.prepares_for.clone();
                codes.sort();
                *prepared
                    .entry((category, codes.clone()))
                    .or_insert_with(|| {
                        groups.push(prepared_group(catalog, &groups[category - 1], codes));
                        groups.len() - 1
                    })
            };
            candidates.push(Candidate {
                program: i,
                category,
                group,
                state: p.state,
                outcome: outcome_factor(p),
                online: p.facts.delivery == Some(DeliveryMode::Online),
                accredited: p.accreditation == Accreditation::Accredited,
                unit: units.unit(i),
            });
        }
        let sorted = |keep: &dyn Fn(&Candidate) -> bool| -> Vec<Vec<u32>> {
            let mut lists = vec![Vec::new(); groups.len()];
            for (i, c) in candidates.iter().enumerate() {
                if keep(c) {
                    lists[c.group].push(i as u32);
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
        let by_group = sorted(&|c| !c.online);
        let states: HashSet<&'static str> = candidates.iter().filter_map(|c| c.state).collect();
        let by_state = states
            .into_iter()
            .map(|state| (state, sorted(&|c| !c.online && c.state == Some(state))))
            .collect();
        let mut levels: Vec<Option<&Program>> = vec![None; EDUCATION_CATEGORIES];
        for c in &candidates {
            levels[c.category - 1].get_or_insert(&catalog.programs[c.program]);
        }
        for group in &mut groups {
            if let Some(program) = levels[group.category - 1] {
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
        Self {
            outcome_texts,
            route_texts: route_texts(catalog),
            fact_texts,
            candidates,
            groups,
            anywhere,
            by_group,
            by_state,
            units,
        }
    }
}

/// The group of a category's programs that prepare for no stated
/// credential: each path's relevance is the category's share of the path's
/// workers over its most common category's (O*NET).
fn plain_group(catalog: &Catalog, category: usize) -> Group {
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
