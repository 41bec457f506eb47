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
//!   both, so unknown outcomes neither help nor sink a program.
//!
//! Non-credential programs (Scorecard level 99) are never recommended.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap, HashSet};

use super::program_outcomes::{describe_outcomes, outcome_factor, NEUTRAL_FACTOR};
use super::{ProgramPreferences, ProgramScore, Reason};
use crate::catalog::{Accreditation, Catalog, DeliveryMode, NON_CREDENTIAL_LEVEL};
use crate::profile::{EducationLevel, Profile};
use crate::text::fixed;

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
/// is `group factor * outcome`, where the group factor depends only on its
/// credential level and whether it is in the person's state; so each
/// level's programs are kept sorted by outcome, overall and per state, and
/// a request merges the heads of at most two lists per level instead of
/// scoring the whole catalog.
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

/// One sorted list being merged: its factor and where it has got to.
struct Cursor<'a> {
    list: &'a [u32],
    next: usize,
    factor: f64,
    /// Programs of this state are skipped (they are in the in-state list).
    skip_state: Option<&'static str>,
}

/// A list head in the merge heap: best score first, then lowest program.
#[derive(PartialEq)]
struct Head {
    score: f64,
    program: usize,
    candidate: u32,
    cursor: usize,
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
            .then(other.program.cmp(&self.program))
    }
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
            outcome_texts,
            relevance,
            anywhere,
            by_category,
            by_state,
        }
    }

    /// The `limit` best programs, best first; equal scores in catalog order.
    pub(crate) fn rank(
        &self,
        catalog: &Catalog,
        profile: &Profile,
        probabilities: &[f64],
        limit: usize,
        preferences: ProgramPreferences,
    ) -> Vec<ProgramScore> {
        let state = profile.state.map(|s| s.usps);
        let in_state = state.and_then(|s| self.by_state.get(s));
        let mut cursors = Vec::new();
        for (index, list) in self.by_category.iter().enumerate() {
            let online = &self.anywhere[index];
            if list.is_empty() && online.is_empty() {
                continue;
            }
            let fit: f64 = self.relevance[index]
                .iter()
                .zip(probabilities)
                .map(|(r, p)| r * p)
                .sum();
            let factor = fit * education_factor(profile.education, index + 1);
            cursors.push(Cursor {
                list: online,
                next: 0,
                factor,
                skip_state: None,
            });
            match state {
                None => cursors.push(Cursor {
                    list,
                    next: 0,
                    factor,
                    skip_state: None,
                }),
                Some(wanted) => {
                    if let Some(local) = in_state {
                        cursors.push(Cursor {
                            list: &local[index],
                            next: 0,
                            factor: factor * state_factor(state, Some(wanted)),
                            skip_state: None,
                        });
                    }
                    cursors.push(Cursor {
                        list,
                        next: 0,
                        factor: factor * OUT_OF_STATE,
                        skip_state: Some(wanted),
                    });
                }
            }
        }
        let mut heap = BinaryHeap::with_capacity(cursors.len());
        for cursor in 0..cursors.len() {
            if let Some(head) = self.advance(&mut cursors, cursor, preferences) {
                heap.push(head);
            }
        }
        let mut ranked = Vec::with_capacity(limit);
        while ranked.len() < limit {
            let Some(head) = heap.pop() else { break };
            if let Some(next) = self.advance(&mut cursors, head.cursor, preferences) {
                heap.push(next);
            }
            ranked.push(ProgramScore {
                program: head.program,
                score: head.score,
                reasons: self.reasons(catalog, profile, probabilities, head.candidate, head.score),
            });
        }
        ranked
    }

    /// The next head of list `cursor`, moving past it.
    fn advance(
        &self,
        cursors: &mut [Cursor<'_>],
        cursor: usize,
        preferences: ProgramPreferences,
    ) -> Option<Head> {
        let c = &mut cursors[cursor];
        while let Some(&candidate) = c.list.get(c.next) {
            c.next += 1;
            let program = &self.candidates[candidate as usize];
            if c.skip_state.is_some() && program.state == c.skip_state {
                continue;
            }
            if !program.allowed(preferences) {
                continue;
            }
            return Some(Head {
                score: (c.factor * program.outcome).clamp(0.0, 1.0),
                program: program.program,
                candidate,
                cursor,
            });
        }
        None
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
        let mut all: Vec<(usize, f64)> = self
            .candidates
            .iter()
            .filter(|c| c.allowed(preferences))
            .map(|c| {
                let fit: f64 = self.relevance[c.category - 1]
                    .iter()
                    .zip(probabilities)
                    .map(|(r, p)| r * p)
                    .sum();
                let factor =
                    fit * education_factor(profile.education, c.category) * c.state_factor(state);
                (c.program, (factor * c.outcome).clamp(0.0, 1.0))
            })
            .collect();
        all.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        all
    }

    fn reasons(
        &self,
        catalog: &Catalog,
        profile: &Profile,
        probabilities: &[f64],
        candidate: u32,
        score: f64,
    ) -> Vec<Reason> {
        let c = self.candidates[candidate as usize];
        let program = &catalog.programs[c.program];
        let education = education_factor(profile.education, c.category);
        let state = profile.state.map(|s| s.usps);
        let rest = education * c.state_factor(state) * c.outcome;
        let mut reasons = Vec::new();

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
