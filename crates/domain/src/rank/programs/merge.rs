//! Reading the best programs without scoring the whole catalog: each
//! group's programs (a credential level's, or those of a level that prepare
//! for the same credentials) come in the person's order by merging the
//! heads of its online, in-state and other lists, and the groups' next
//! programs are merged in a heap. A campus whose reporting unit is already
//! in the list is passed over: its figures are the ones already shown.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap, HashSet};

use super::index::{Allowed, ProgramIndex, Wanted};
use super::wants::Wants;
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
    /// A list of the shared index, whose candidates a view may not offer.
    shared: bool,
}

impl<'a> Cursor<'a> {
    fn new(list: &'a [u32], factor: f64, skip_state: Option<&'static str>, shared: bool) -> Self {
        Self {
            list,
            next: 0,
            factor,
            skip_state,
            shared,
        }
    }

    /// The list's next program that may be offered, with its value (state
    /// factor x outcome), without moving past it.
    fn peek(&mut self, index: &ProgramIndex, admission: Allowed<'_>) -> Option<Item> {
        while let Some(&candidate) = self.list.get(self.next) {
            let c = index.candidate(candidate);
            let skipped = (self.skip_state.is_some() && c.state == self.skip_state)
                || (self.shared && !index.offered(candidate));
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

/// A program and its value within its group.
#[derive(Debug, Clone, Copy)]
struct Item {
    candidate: u32,
    program: usize,
    value: f64,
}

impl Item {
    /// The order within a group: higher value first, then lower program.
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
struct GroupStream<'a> {
    category: usize,
    group: usize,
    /// How much the shown paths' routes ask for its programs.
    weight: f64,
    cursors: Vec<Cursor<'a>>,
}

impl GroupStream<'_> {
    fn next(&mut self, index: &ProgramIndex, admission: Allowed<'_>) -> Option<Item> {
        let mut best: Option<(usize, Item)> = None;
        for (i, cursor) in self.cursors.iter_mut().enumerate() {
            if let Some(item) = cursor.peek(index, admission) {
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

/// A group's lists, by group: online, the rest, and the rest per state.
type GroupLists<'a> = (
    &'a Vec<Vec<u32>>,
    &'a Vec<Vec<u32>>,
    &'a HashMap<&'static str, Vec<Vec<u32>>>,
);

/// Adds the cursors of group `index`'s lists in `lists`, read in the
/// order the person's state gives them.
fn push_cursors<'a>(
    cursors: &mut Vec<Cursor<'a>>,
    (anywhere, by_group, by_state): GroupLists<'a>,
    index: usize,
    state: Option<&'static str>,
    shared: bool,
) {
    let list = |lists: &'a Vec<Vec<u32>>| lists.get(index).map_or(&[][..], Vec::as_slice);
    let (online, rest) = (list(anywhere), list(by_group));
    if online.is_empty() && rest.is_empty() {
        return;
    }
    cursors.push(Cursor::new(online, 1.0, None, shared));
    match state {
        None => cursors.push(Cursor::new(rest, 1.0, None, shared)),
        Some(wanted) => {
            if let Some(local) = by_state.get(wanted) {
                cursors.push(Cursor::new(list(local), 1.0, None, shared));
            }
            let factor = super::factors::OUT_OF_STATE;
            cursors.push(Cursor::new(rest, factor, Some(wanted), shared));
        }
    }
}

/// A group's next program in the merge heap: the higher score first, then
/// the lower credential category, then the lower group (one head per
/// group, so no two are equal).
#[derive(Debug)]
pub(super) struct Head {
    /// The program's score.
    pub(super) score: f64,
    pub(super) category: usize,
    pub(super) group: usize,
    pub(super) candidate: u32,
    pub(super) program: usize,
    /// Its group's position among the groups being merged.
    pub(super) slot: usize,
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
            .then(other.group.cmp(&self.group))
    }
}

impl ProgramIndex {
    /// The `limit` programs of highest score, one campus per reporting
    /// unit; equal scores by credential category, then by group, then by
    /// place within the group. A program on no shown path's route (score
    /// 0) is not listed.
    pub(crate) fn rank<'a>(
        &'a self,
        catalog: &'a Catalog,
        profile: &Profile,
        wanted: Wanted<'_>,
    ) -> Vec<ProgramScore<'a>> {
        let Wanted {
            wants,
            limit,
            preferences,
            filter,
            explain,
            language,
        } = wanted;
        let admission = Allowed {
            preferences,
            filter,
            programs: &catalog.programs,
        };
        let mut groups = self.groups(catalog, profile, wants);
        let mut heap = BinaryHeap::with_capacity(groups.len());
        for slot in 0..groups.len() {
            if let Some(head) = self.head(&mut groups, slot, admission) {
                heap.push(head);
            }
        }
        let mut units = HashSet::new();
        let mut heads = Vec::with_capacity(limit);
        while heads.len() < limit {
            let Some(head) = heap.pop() else { break };
            let slot = head.slot;
            // A campus of a unit already listed is passed over without
            // taking a place in its group.
            let unit = self.candidate(head.candidate).unit;
            if unit.is_none_or(|u| units.insert(u)) {
                heads.push(head);
            }
            if let Some(next) = self.head(&mut groups, slot, admission) {
                heap.push(next);
            }
        }
        self.scored(catalog, profile, wants, heads, explain, language)
    }

    /// Every group with programs that the shown paths' routes ask for,
    /// each reading its lists in the order the person's state gives them.
    fn groups(&self, catalog: &Catalog, profile: &Profile, wants: &Wants) -> Vec<GroupStream<'_>> {
        let state = profile.state.map(|s| s.usps);
        let mut groups = Vec::new();
        for index in 0..self.group_count() {
            let mut cursors = Vec::new();
            let core = &self.core;
            let lists = (&core.anywhere, &core.by_group, &core.by_state);
            push_cursors(&mut cursors, lists, index, state, true);
            if let Some(layer) = &self.layer {
                let lists = (&layer.anywhere, &layer.by_group, &layer.by_state);
                push_cursors(&mut cursors, lists, index, state, false);
            }
            let weight = self.weight(catalog, wants, index);
            if cursors.is_empty() || weight <= 0.0 {
                continue;
            }
            groups.push(GroupStream {
                category: self.group(index).category,
                group: index,
                weight,
                cursors,
            });
        }
        groups
    }

    /// The next head of `groups[slot]`, moving past it.
    fn head(
        &self,
        groups: &mut [GroupStream<'_>],
        slot: usize,
        admission: Allowed<'_>,
    ) -> Option<Head> {
        let l = &mut groups[slot];
        let item = l.next(self, admission)?;
        let score = (l.weight * item.value).clamp(0.0, 1.0);
        Some(Head {
            score,
            category: l.category,
            group: l.group,
            candidate: item.candidate,
            program: item.program,
            slot,
        })
    }
}
