//! What the program ranking precomputes from the catalog alone: the
//! candidates with their outcome factors, per-level lists sorted by
//! outcome, the campuses reported together, and the sentences that do not
//! depend on the person.

use std::collections::{HashMap, HashSet};

use super::factors::{onet_category, state_factor};
use super::outcomes::describe_outcomes;
use super::outcomes::outcome_factor;
use super::reasons::{describe_facts, facts_key, FACT_COMBINATIONS};
use crate::catalog::{
    Accreditation, Catalog, CredentialRoute, DeliveryMode, Program, ProgramFilter, ReportingUnits,
    EDUCATION_CATEGORIES, NON_CREDENTIAL_LEVEL, RECORDED_ACCREDITOR,
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
    /// Each candidate's outcomes sentence against its own state, written
    /// once (a person elsewhere gets one written for them).
    pub(super) outcome_texts: Vec<String>,
    /// The factor and sentence of every route a program can have.
    pub(crate) route_texts: HashMap<CredentialRoute, (String, String)>,
    /// The facts sentence of each combination of known and unknown facts,
    /// by [`facts_key`].
    pub(super) fact_texts: Vec<String>,
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
    /// `path_texts[path]`: the factor and sentence saying that the group's
    /// programs lead to the path, written once.
    pub(super) path_texts: Vec<(String, String)>,
    /// The sentences for a program of the group the list placed after
    /// programs that score less, and before programs that score more.
    pub(super) variety_texts: (String, String),
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
        let mut level_names = vec![String::new(); EDUCATION_CATEGORIES];
        for c in &candidates {
            let name = &mut level_names[c.category - 1];
            if name.is_empty() {
                *name = catalog.programs[c.program]
                    .credential_description
                    .to_lowercase();
            }
        }
        for group in &mut groups {
            group.variety_texts =
                variety_texts(&level_names[group.category - 1], &group.credentials);
        }
        let outcome_texts = candidates
            .iter()
            .map(|c| {
                let program = &catalog.programs[c.program];
                describe_outcomes(catalog, program, None, units.campuses(c.program))
            })
            .collect();
        let mut fact_texts = vec![String::new(); FACT_COMBINATIONS];
        for accreditation in [None, Some(true), Some(false)] {
            for practicum in [None, Some(true), Some(false)] {
                for services in [None, Some(true), Some(false)] {
                    let facts = [accreditation, practicum, services];
                    fact_texts[facts_key(facts)] = describe_facts(facts);
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

/// What a program of a group placed for variety says: listed after
/// programs that score less, or before programs that score more.
fn variety_texts(level: &str, credentials: &[String]) -> (String, String) {
    let programs = if credentials.is_empty() {
        format!("{level} programs")
    } else {
        format!(
            "{level} programs preparing for the {}",
            credentials.join(" and ")
        )
    };
    (
        format!(
            "Listed after programs that score less, so that each credential level that fits gets a place; its score is its own (one of the {programs} in the list)"
        ),
        format!(
            "Listed before programs that score more, so that each credential level that fits gets a place (one of the {programs} in the list)"
        ),
    )
}

/// Every route a program can have, with its factor and sentence.
fn route_texts(catalog: &Catalog) -> HashMap<CredentialRoute, (String, String)> {
    let mut texts = HashMap::new();
    for (credential, c) in catalog.credentials.iter().enumerate() {
        for by_level in [true, false] {
            let needs_accreditation = by_level && !c.program_accreditor.is_empty();
            let statuses: &[Option<bool>] =
                if needs_accreditation && c.program_accreditor == RECORDED_ACCREDITOR {
                    &[None, Some(true), Some(false)]
                } else {
                    &[None]
                };
            for &accredited in statuses {
                for prepares in [true, false] {
                    if !by_level && !prepares {
                        continue;
                    }
                    let route = CredentialRoute {
                        credential,
                        by_level,
                        needs_accreditation,
                        accredited,
                        prepares,
                    };
                    let factor = format!("credential_route:{}", c.code);
                    texts.insert(route, (factor, route.describe(catalog)));
                }
            }
        }
    }
    texts
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
            let text = (
                format!("career_path:{}", career.soc_code),
                format!(
                    "Leads to {}: {}",
                    career.title,
                    education_fact(career, category)
                ),
            );
            (relevance, text)
        })
        .unzip();
    Group {
        category,
        credentials: Vec::new(),
        relevance,
        path_texts,
        variety_texts: Default::default(),
    }
}

/// What O*NET says of the education `category` for `career`, in plain
/// words: the share of its workers who say their job needs it, or, where
/// O*NET ran no education survey, how O*NET describes the preparation its
/// occupations of that kind need.
fn education_fact(career: &crate::catalog::CareerPath, category: usize) -> String {
    if career.education_from_survey {
        format!(
            "{}% of {} say their job needs {} (O*NET education survey)",
            fixed(100.0 * career.education[category - 1], 0),
            career.title,
            education_phrase(category)
        )
    } else {
        format!(
            "O*NET has no education survey for this occupation and says most such jobs need {} (O*NET preparation level)",
            preparation_phrase(career.job_zone)
        )
    }
}

/// O*NET's education category, as a phrase: "an associate's degree".
fn education_phrase(category: usize) -> &'static str {
    match category {
        1 => "less than a high school diploma",
        2 => "a high school diploma",
        3 => "a post-secondary certificate",
        4 => "some college courses",
        5 => "an associate's degree",
        6 => "a bachelor's degree",
        7 => "a post-baccalaureate certificate",
        8 => "a master's degree",
        9 => "a post-master's certificate",
        10 => "a first professional degree",
        11 => "a doctoral degree",
        _ => "post-doctoral training",
    }
}

/// The preparation O*NET's job zone definitions describe for a zone.
fn preparation_phrase(job_zone: u8) -> &'static str {
    match job_zone {
        1 => "little or no preparation",
        2 => "a high school diploma",
        3 => "training in vocational schools, related on-the-job experience, or an associate's degree",
        4 => "a four-year bachelor's degree",
        _ => "graduate school",
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
            path_texts[path].1 = format!(
                "Leads to {}: the operator says it prepares for the {}, a credential for this path",
                career.title,
                leading.join(" and ")
            );
        }
    }
    Group {
        category: plain.category,
        credentials: codes,
        relevance,
        path_texts,
        variety_texts: Default::default(),
    }
}
