//! Programs. A program's score is the product of four factors in [0, 1]:
//!
//! - **path fit** `sum_c P(c | profile) * r_c(level)`, where `r_c(level)` is
//!   the share of path `c`'s workers whose required education is the
//!   program's credential level, over the share of its most common level
//!   (O*NET education survey, or the job-zone rule where O*NET has none);
//! - **education**: 0.5 for a credential at or below the person's highest
//!   education, 0.25 for a graduate credential without a bachelor's, else 1
//!   (1 when education is not stated);
//! - **state**: 1 in the person's state, 0.4 elsewhere (1 when no state);
//! - **outcomes** `0.6 + 0.4 * o`, where `o` is the mean of the known parts
//!   of: `sigmoid((earnings - state threshold) / $10,000)` and
//!   `1 - min(debt / earnings, 1)`; `o = 0.5` when Scorecard suppressed
//!   both, so unknown outcomes neither help nor sink a program;
//! - **variety** `1 / k` for the k-th program of its credential level in the
//!   list, the level's programs taken best first by state x outcomes.
//!
//! Variety lets every level that fits the person into the list in
//! proportion to its fit. It also keeps the list stable: the first two
//! factors are shared by all programs of a level, so without it a small
//! change in the profile could pass one program over a long run of another
//! level's programs with close outcomes; with it, the k-th and (k+1)-th
//! programs of a level score at least a factor `(k + 1) / k` apart.
//!
//! Non-credential programs (Scorecard level 99) are never recommended.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap, HashSet};

use super::program_outcomes::{describe_outcomes, outcome_factor, NEUTRAL_FACTOR};
use super::{ProgramPreferences, ProgramScore, Reason};
use crate::catalog::{Accreditation, Catalog, DeliveryMode, NON_CREDENTIAL_LEVEL};
use crate::profile::{EducationLevel, Profile};
use crate::text::{fixed, ordinal};

const AT_OR_BELOW_EDUCATION: f64 = 0.5;
const NEEDS_BACHELOR_FIRST: f64 = 0.25;
const OUT_OF_STATE: f64 = 0.4;
const REASON_PATHS: usize = 2;

/// O*NET education category (1-12) of a Scorecard credential level.
pub(crate) fn onet_category(credential_level: u8) -> Option<usize> {
    match credential_level {
        1 => Some(3),
        2 => Some(5),
        3 => Some(6),
        4 => Some(7),
        5 => Some(8),
        6 => Some(11),
        7 => Some(10),
        8 => Some(9),
        _ => None,
    }
}

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
    candidates: Vec<Candidate>,
    /// `relevance[category - 1][path]`.
    relevance: Vec<Vec<f64>>,
    /// `path_texts[category - 1][path]`: the factor and sentence saying that
    /// a credential at this level leads to the path, written once.
    path_texts: Vec<Vec<(String, String)>>,
    /// Each candidate's outcome sentence, written once.
    outcome_texts: Vec<String>,
    /// `level_names[category - 1]`: the credential level in lower case.
    level_names: Vec<String>,
    /// `anywhere[category - 1]`: online programs, best outcome first.
    anywhere: Vec<Vec<u32>>,
    /// `by_category[category - 1]`: the other programs, best outcome first.
    by_category: Vec<Vec<u32>>,
    /// Per state, the same lists holding only that state's programs.
    by_state: HashMap<&'static str, Vec<Vec<u32>>>,
}

#[derive(Debug, Clone, Copy)]
struct Candidate {
    program: usize,
    category: usize,
    state: Option<&'static str>,
    outcome: f64,
    /// Known to be delivered fully online: open from any state.
    online: bool,
    /// Known to be accredited.
    accredited: bool,
}

impl Candidate {
    fn allowed(&self, preferences: ProgramPreferences) -> bool {
        (!preferences.require_accreditation || self.accredited)
            && (!preferences.online_only || self.online)
    }

    /// The state factor: 1 in the wanted state, online, or with no state.
    fn state_factor(&self, wanted: Option<&str>) -> f64 {
        if self.online {
            1.0
        } else {
            state_factor(wanted, self.state)
        }
    }
}

/// One sorted list being read: its factor and where it has got to.
struct Cursor<'a> {
    list: &'a [u32],
    next: usize,
    /// The state factor of its programs.
    factor: f64,
    /// Programs of this state are skipped (they are in the in-state list).
    skip_state: Option<&'static str>,
}

impl<'a> Cursor<'a> {
    fn new(list: &'a [u32], factor: f64, skip_state: Option<&'static str>) -> Self {
        Self {
            list,
            next: 0,
            factor,
            skip_state,
        }
    }

    /// The list's next program that may be offered, with its value (state
    /// factor x outcome), without moving past it.
    fn peek(&mut self, candidates: &[Candidate], preferences: ProgramPreferences) -> Option<Item> {
        while let Some(&candidate) = self.list.get(self.next) {
            let c = &candidates[candidate as usize];
            let skipped = self.skip_state.is_some() && c.state == self.skip_state;
            if skipped || !c.allowed(preferences) {
                self.next += 1;
                continue;
            }
            return Some(Item {
                candidate,
                program: c.program,
                value: self.factor * c.outcome,
            });
        }
        None
    }
}

/// A program and its value within its credential level.
#[derive(Debug, Clone, Copy)]
struct Item {
    candidate: u32,
    program: usize,
    value: f64,
}

impl Item {
    /// The order within a level: higher value first, then lower program.
    fn precedes(&self, other: &Item) -> bool {
        self.value
            .total_cmp(&other.value)
            .then(other.program.cmp(&self.program))
            .is_gt()
    }
}

/// One credential level's programs in the person's order, merged lazily
/// from its online, in-state and other lists.
struct Level<'a> {
    category: usize,
    /// Path fit x education factor.
    weight: f64,
    cursors: Vec<Cursor<'a>>,
    /// Programs of this level ranked so far.
    taken: usize,
}

impl Level<'_> {
    fn next(&mut self, candidates: &[Candidate], preferences: ProgramPreferences) -> Option<Item> {
        let mut best: Option<(usize, Item)> = None;
        for (i, cursor) in self.cursors.iter_mut().enumerate() {
            if let Some(item) = cursor.peek(candidates, preferences) {
                if best.is_none_or(|(_, b)| item.precedes(&b)) {
                    best = Some((i, item));
                }
            }
        }
        let (i, item) = best?;
        self.cursors[i].next += 1;
        Some(item)
    }
}

/// A level's next program in the merge heap: best score first, then the
/// lower credential category (one head per level, so no two are equal).
#[derive(Debug)]
struct Head {
    score: f64,
    category: usize,
    candidate: u32,
    program: usize,
    /// How many programs of its level come before it.
    place: usize,
    level: usize,
}

impl PartialEq for Head {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Head {}

impl PartialOrd for Head {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Head {
    fn cmp(&self, other: &Self) -> Ordering {
        self.score
            .total_cmp(&other.score)
            .then(other.category.cmp(&self.category))
    }
}

/// The score of the program at `place` (0-based) among its level's
/// programs: each further program of one level counts less.
fn diversified(weight: f64, value: f64, place: usize) -> f64 {
    (weight * value / (place + 1) as f64).clamp(0.0, 1.0)
}

impl ProgramIndex {
    pub(crate) fn new(catalog: &Catalog) -> Self {
        let relevance = (0..12)
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
            let mut lists = vec![Vec::new(); 12];
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
        let mut level_names = vec![String::new(); 12];
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
        let path_texts = (1..=12)
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

    /// The `limit` best programs, best first; equal scores by credential
    /// category, then by place within the level.
    pub(crate) fn rank(
        &self,
        catalog: &Catalog,
        profile: &Profile,
        probabilities: &[f64],
        limit: usize,
        preferences: ProgramPreferences,
    ) -> Vec<ProgramScore> {
        let mut levels = self.levels(profile, probabilities);
        let mut heap = BinaryHeap::with_capacity(levels.len());
        for level in 0..levels.len() {
            if let Some(head) = self.head(&mut levels, level, preferences) {
                heap.push(head);
            }
        }
        let mut ranked = Vec::with_capacity(limit);
        while ranked.len() < limit {
            let Some(head) = heap.pop() else { break };
            if let Some(next) = self.head(&mut levels, head.level, preferences) {
                heap.push(next);
            }
            ranked.push(ProgramScore {
                program: head.program,
                score: head.score,
                reasons: self.reasons(catalog, profile, probabilities, &head),
            });
        }
        ranked
    }

    /// Path fit x education factor of a credential category.
    fn weight(&self, profile: &Profile, probabilities: &[f64], category: usize) -> f64 {
        let fit: f64 = self.relevance[category - 1]
            .iter()
            .zip(probabilities)
            .map(|(r, p)| r * p)
            .sum();
        fit * education_factor(profile.education, category)
    }

    /// Every level with programs, each reading its lists in the order
    /// the person's state gives them.
    fn levels(&self, profile: &Profile, probabilities: &[f64]) -> Vec<Level<'_>> {
        let state = profile.state.map(|s| s.usps);
        let in_state = state.and_then(|s| self.by_state.get(s));
        let mut levels = Vec::new();
        for (index, list) in self.by_category.iter().enumerate() {
            let online = &self.anywhere[index];
            if list.is_empty() && online.is_empty() {
                continue;
            }
            let mut cursors = vec![Cursor::new(online, 1.0, None)];
            match (state, in_state) {
                (None, _) => cursors.push(Cursor::new(list, 1.0, None)),
                (Some(wanted), local) => {
                    if let Some(local) = local {
                        cursors.push(Cursor::new(&local[index], 1.0, None));
                    }
                    cursors.push(Cursor::new(list, OUT_OF_STATE, Some(wanted)));
                }
            }
            levels.push(Level {
                category: index + 1,
                weight: self.weight(profile, probabilities, index + 1),
                cursors,
                taken: 0,
            });
        }
        levels
    }

    /// The next head of `level`, moving past it.
    fn head(
        &self,
        levels: &mut [Level<'_>],
        level: usize,
        preferences: ProgramPreferences,
    ) -> Option<Head> {
        let l = &mut levels[level];
        let item = l.next(&self.candidates, preferences)?;
        let place = l.taken;
        l.taken += 1;
        Some(Head {
            score: diversified(l.weight, item.value, place),
            category: l.category,
            candidate: item.candidate,
            program: item.program,
            place,
            level,
        })
    }

    /// Every candidate's score, by brute force; the merge must agree.
    #[cfg(test)]
    fn brute_force(
        &self,
        profile: &Profile,
        probabilities: &[f64],
        preferences: ProgramPreferences,
    ) -> Vec<(usize, f64)> {
        let state = profile.state.map(|s| s.usps);
        let mut all = Vec::new();
        for category in 1..=12 {
            let weight = self.weight(profile, probabilities, category);
            let mut level: Vec<Item> = self
                .candidates
                .iter()
                .enumerate()
                .filter(|(_, c)| c.category == category && c.allowed(preferences))
                .map(|(i, c)| Item {
                    candidate: i as u32,
                    program: c.program,
                    value: c.state_factor(state) * c.outcome,
                })
                .collect();
            level.sort_by(|a, b| b.value.total_cmp(&a.value).then(a.program.cmp(&b.program)));
            for (place, item) in level.iter().enumerate() {
                let score = diversified(weight, item.value, place);
                all.push((score, category, place, item.program));
            }
        }
        all.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
        all.into_iter()
            .map(|(score, _, _, program)| (program, score))
            .collect()
    }

    fn reasons(
        &self,
        catalog: &Catalog,
        profile: &Profile,
        probabilities: &[f64],
        head: &Head,
    ) -> Vec<Reason> {
        let (candidate, score) = (head.candidate, head.score);
        let c = self.candidates[candidate as usize];
        let program = &catalog.programs[c.program];
        let education = education_factor(profile.education, c.category);
        let state = profile.state.map(|s| s.usps);
        let share = 1.0 / (head.place + 1) as f64;
        let rest = education * c.state_factor(state) * c.outcome * share;
        let mut reasons = Vec::with_capacity(REASON_PATHS + 4);

        let relevance = &self.relevance[c.category - 1];
        let mut paths: Vec<(usize, f64)> = relevance
            .iter()
            .zip(probabilities)
            .map(|(r, p)| r * p)
            .enumerate()
            .collect();
        paths.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        for &(path, fit) in paths.iter().take(REASON_PATHS).filter(|(_, f)| *f > 0.0) {
            let (factor, explanation) = &self.path_texts[c.category - 1][path];
            reasons.push(Reason {
                factor: factor.clone(),
                contribution: fit * rest,
                explanation: explanation.clone(),
            });
        }
        if education != 1.0 {
            let level = profile.education.map_or("", EducationLevel::describe);
            let explanation = if education == NEEDS_BACHELOR_FIRST {
                "Needs a bachelor's degree first".to_owned()
            } else {
                format!("You already hold {level} or higher")
            };
            reasons.push(Reason {
                factor: "education".into(),
                contribution: score - score / education,
                explanation,
            });
        }
        if let Some(wanted) = state {
            let (here, other) = if c.state_factor(state) == 1.0 {
                (1.0, OUT_OF_STATE)
            } else {
                (OUT_OF_STATE, 1.0)
            };
            let contribution = score - score * other / here;
            let explanation = if c.online {
                format!("Online, so open from {wanted}")
            } else if here == 1.0 {
                format!("In {wanted}")
            } else {
                format!(
                    "Outside {wanted} (in {}), unless it is offered online",
                    program.state.unwrap_or("an unknown state")
                )
            };
            reasons.push(Reason {
                factor: "state".into(),
                contribution,
                explanation,
            });
        }
        reasons.push(Reason {
            factor: "outcomes".into(),
            contribution: score - score * NEUTRAL_FACTOR / c.outcome,
            explanation: self.outcome_texts[candidate as usize].clone(),
        });
        if head.place > 0 {
            reasons.push(Reason {
                factor: "variety".into(),
                contribution: score - score / share,
                explanation: format!(
                    "{} {} program in the list, counted 1/{} so other levels get a place",
                    ordinal(head.place + 1),
                    self.level_names[c.category - 1],
                    head.place + 1
                ),
            });
        }
        reasons
    }
}

fn education_factor(education: Option<EducationLevel>, category: usize) -> f64 {
    let Some(held) = education else {
        return 1.0;
    };
    let level = EducationLevel::from_onet_category(category);
    if level <= held {
        AT_OR_BELOW_EDUCATION
    } else if level > EducationLevel::Bachelor && held < EducationLevel::Bachelor {
        NEEDS_BACHELOR_FIRST
    } else {
        1.0
    }
}

fn state_factor(wanted: Option<&str>, program: Option<&str>) -> f64 {
    match wanted {
        Some(w) if program != Some(w) => OUT_OF_STATE,
        _ => 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn education_factor_rules() {
        use EducationLevel::*;
        assert_eq!(education_factor(None, 8), 1.0);
        assert_eq!(education_factor(Some(Bachelor), 5), AT_OR_BELOW_EDUCATION);
        assert_eq!(education_factor(Some(Associate), 8), NEEDS_BACHELOR_FIRST);
        assert_eq!(education_factor(Some(Associate), 6), 1.0);
        assert_eq!(education_factor(Some(Bachelor), 8), 1.0);
    }

    #[test]
    fn the_merge_agrees_with_scoring_every_program() {
        use crate::profile::ProfileInput;
        use rand::{Rng, SeedableRng};

        let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let mut catalog = Catalog::load(&root.join("data")).unwrap();
        // With overlay facts, so online lists and preferences are exercised.
        crate::catalog::overlay::apply(&mut catalog, &root.join("tests/fixtures/overlay.csv"))
            .unwrap();
        let index = ProgramIndex::new(&catalog);
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(3);
        let n = catalog.career_paths.len();
        for round in 0..200 {
            let mut probabilities: Vec<f64> = (0..n).map(|_| rng.gen::<f64>()).collect();
            let total: f64 = probabilities.iter().sum();
            probabilities.iter_mut().for_each(|p| *p /= total);
            let state = ["", "TX", "CA", "WY", "PR", "DC"][round % 6];
            let profile = ProfileInput {
                highest_education: rng.gen_range(0..=10),
                state: state.into(),
                ..Default::default()
            }
            .check(&catalog, "profile")
            .unwrap();
            let preferences = ProgramPreferences {
                require_accreditation: round % 7 == 3,
                online_only: round % 11 == 5,
            };
            let merged = index.rank(&catalog, &profile, &probabilities, 60, preferences);
            let brute = index.brute_force(&profile, &probabilities, preferences);
            let merged: Vec<(usize, f64)> = merged.iter().map(|p| (p.program, p.score)).collect();
            assert_eq!(merged, brute[..brute.len().min(60)], "round {round}");
        }
    }

    #[test]
    fn every_credential_level_has_a_category() {
        for level in 1..=8 {
            assert!(onet_category(level).is_some());
        }
        assert_eq!(onet_category(NON_CREDENTIAL_LEVEL), None);
    }
}
