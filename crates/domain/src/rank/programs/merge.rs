//! Reading the best programs without scoring the whole catalog: each
//! credential level's programs come in the person's order by merging the
//! heads of its online, in-state and other lists, and the levels' next
//! programs are merged in a heap. A campus whose reporting unit is already
//! in the list is passed over: its figures are the ones already shown.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashSet};

use super::factors::diversified;
use super::index::{Admission, Candidate, ProgramIndex, Wanted};
use crate::catalog::Catalog;
use crate::profile::Profile;
use crate::rank::ProgramScore;

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
    fn peek(&mut self, candidates: &[Candidate], admission: Admission<'_>) -> Option<Item> {
        while let Some(&candidate) = self.list.get(self.next) {
            let c = &candidates[candidate as usize];
            let skipped = self.skip_state.is_some() && c.state == self.skip_state;
            if skipped || !c.allowed(admission) {
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

/// One group's programs (a credential level, or a level's programs that
/// prepare for given credentials) in the person's order, merged lazily
/// from its online, in-state and other lists.
struct Group<'a> {
    category: usize,
    group: usize,
    /// Path fit x education factor.
    weight: f64,
    cursors: Vec<Cursor<'a>>,
    /// Programs of this group in the list so far.
    taken: usize,
}

impl Group<'_> {
    fn next(&mut self, candidates: &[Candidate], admission: Admission<'_>) -> Option<Item> {
        let mut best: Option<(usize, Item)> = None;
        for (i, cursor) in self.cursors.iter_mut().enumerate() {
            if let Some(item) = cursor.peek(candidates, admission) {
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

/// A group's next program in the merge heap: first in the list order
/// (score over place), then the lower credential category, then the lower
/// group (one head per group, so no two are equal).
#[derive(Debug)]
pub(super) struct Head {
    /// The program's score, whatever its place.
    pub(super) score: f64,
    /// Its key in the list's order: `score / (place + 1)`.
    pub(super) order: f64,
    pub(super) category: usize,
    pub(super) group: usize,
    pub(super) candidate: u32,
    pub(super) program: usize,
    /// Its position in `levels`.
    pub(super) level: usize,
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
        self.order
            .total_cmp(&other.order)
            .then(other.category.cmp(&self.category))
            .then(other.group.cmp(&self.group))
    }
}

impl ProgramIndex {
    /// The `limit` best programs in the list's order (each group's k-th
    /// program by its score over k, so every level that fits gets a
    /// place), one campus per reporting unit; equal keys by credential
    /// category, then by group, then by place within the group.
    pub(crate) fn rank(
        &self,
        catalog: &Catalog,
        profile: &Profile,
        probabilities: &[f64],
        wanted: Wanted<'_>,
    ) -> Vec<ProgramScore> {
        let Wanted {
            limit,
            preferences,
            filter,
            explain,
            language,
        } = wanted;
        let admission = Admission {
            preferences,
            filter,
            programs: &catalog.programs,
        };
        let mut levels = self.levels(profile, probabilities);
        let mut heap = BinaryHeap::with_capacity(levels.len());
        for level in 0..levels.len() {
            if let Some(head) = self.head(&mut levels, level, admission) {
                heap.push(head);
            }
        }
        let mut units = HashSet::new();
        let mut heads = Vec::with_capacity(limit);
        while heads.len() < limit {
            let Some(head) = heap.pop() else { break };
            let level = head.level;
            // A campus of a unit already listed is passed over without
            // taking a place in its group.
            let unit = self.candidates[head.candidate as usize].unit;
            if unit.is_none_or(|u| units.insert(u)) {
                levels[level].taken += 1;
                heads.push(head);
            }
            if let Some(next) = self.head(&mut levels, level, admission) {
                heap.push(next);
            }
        }
        self.scored(catalog, profile, probabilities, heads, explain, language)
    }

    /// Every group with programs, each reading its lists in the order
    /// the person's state gives them.
    fn levels(&self, profile: &Profile, probabilities: &[f64]) -> Vec<Group<'_>> {
        let state = profile.state.map(|s| s.usps);
        let in_state = state.and_then(|s| self.by_state.get(s));
        let mut levels = Vec::new();
        for (index, list) in self.by_group.iter().enumerate() {
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
                    cursors.push(Cursor::new(
                        list,
                        super::factors::OUT_OF_STATE,
                        Some(wanted),
                    ));
                }
            }
            levels.push(Group {
                category: self.groups[index].category,
                group: index,
                weight: self.weight(profile, probabilities, index),
                cursors,
                taken: 0,
            });
        }
        levels
    }

    /// The next head of `level`, moving past it.
    fn head(
        &self,
        levels: &mut [Group<'_>],
        level: usize,
        admission: Admission<'_>,
    ) -> Option<Head> {
        let l = &mut levels[level];
        let item = l.next(&self.candidates, admission)?;
        let score = (l.weight * item.value).clamp(0.0, 1.0);
        Some(Head {
            score,
            order: diversified(score, l.taken),
            category: l.category,
            group: l.group,
            candidate: item.candidate,
            program: item.program,
            level,
        })
    }

    /// The list by brute force, for the merge to agree with: at each step,
    /// every group's best program not yet passed over, by value.
    #[cfg(test)]
    fn brute_force(
        &self,
        profile: &Profile,
        probabilities: &[f64],
        admission: Admission<'_>,
        limit: usize,
    ) -> Vec<(usize, f64)> {
        let state = profile.state.map(|s| s.usps);
        let lists: Vec<Vec<Item>> = (0..self.groups.len())
            .map(|group| {
                let mut list: Vec<Item> = self
                    .candidates
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.group == group && c.allowed(admission))
                    .map(|(i, c)| Item {
                        candidate: i as u32,
                        program: c.program,
                        value: c.state_factor(state) * c.outcome,
                    })
                    .collect();
                list.sort_by(|a, b| b.value.total_cmp(&a.value).then(a.program.cmp(&b.program)));
                list
            })
            .collect();
        let weights: Vec<f64> = (0..self.groups.len())
            .map(|g| self.weight(profile, probabilities, g))
            .collect();
        let mut next = vec![0; lists.len()];
        let mut taken = vec![0; lists.len()];
        let mut units = HashSet::new();
        let mut out = Vec::new();
        while out.len() < limit {
            let mut best: Option<(f64, usize, usize, f64)> = None;
            for (g, list) in lists.iter().enumerate() {
                while list.get(next[g]).is_some_and(|item| {
                    self.candidates[item.candidate as usize]
                        .unit
                        .is_some_and(|u| units.contains(&u))
                }) {
                    next[g] += 1;
                }
                let Some(item) = list.get(next[g]) else {
                    continue;
                };
                let score = (weights[g] * item.value).clamp(0.0, 1.0);
                let order = diversified(score, taken[g]);
                let key = (order, self.groups[g].category, g, score);
                let better = best.is_none_or(|b| {
                    key.0
                        .total_cmp(&b.0)
                        .then(b.1.cmp(&key.1))
                        .then(b.2.cmp(&key.2))
                        .is_gt()
                });
                if better {
                    best = Some(key);
                }
            }
            let Some((_, _, g, score)) = best else { break };
            let item = lists[g][next[g]];
            if let Some(u) = self.candidates[item.candidate as usize].unit {
                units.insert(u);
            }
            next[g] += 1;
            taken[g] += 1;
            out.push((item.program, score));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rank::ProgramPreferences;

    #[test]
    fn the_merge_agrees_with_scoring_every_program() {
        use crate::profile::ProfileInput;
        use rand::{Rng, SeedableRng};

        let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut catalog = Catalog::load(&root.join("data")).unwrap();
        // With overlay facts, so online lists and preferences are exercised.
        crate::catalog::overlay::apply(
            &mut catalog,
            &root.join("tests/fixtures/overlay.csv"),
            None,
        )
        .unwrap();
        // And programs that prepare for credentials, in groups of their own.
        for (i, program) in catalog.programs.iter_mut().enumerate() {
            program.facts.prepares_for = match i % 37 {
                0 => vec!["RHIT".into()],
                1 => vec!["CCS".into(), "CPC".into()],
                _ => continue,
            };
        }
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
            // Every fifth round also keeps only some states' programs.
            let filter = (round % 5 == 2).then(|| {
                crate::catalog::ProgramFilterInput {
                    states: vec!["TX".into(), "CA".into(), "OH".into()],
                    ..Default::default()
                }
                .check(&catalog, "program_filter")
                .unwrap()
            });
            let wanted = Wanted {
                limit: 60,
                preferences,
                filter: filter.as_ref(),
                explain: true,
                language: crate::language::Language::En,
            };
            let merged = index.rank(&catalog, &profile, &probabilities, wanted);
            let admission = Admission {
                preferences,
                filter: filter.as_ref(),
                programs: &catalog.programs,
            };
            let brute = index.brute_force(&profile, &probabilities, admission, 60);
            let merged: Vec<(usize, f64)> = merged.iter().map(|p| (p.program, p.score)).collect();
            assert_eq!(merged, brute, "round {round}");
        }
    }
}
