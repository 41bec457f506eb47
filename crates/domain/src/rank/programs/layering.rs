//! Building a view's [`Layer`] over the shared index: the public
//! candidates the view does not offer as they are (hidden by its default
//! filter, or carrying its overlay's facts), and candidates of its own
//! programs and changed public ones, with their lists and sentences. A
//! view of five overlay rows costs a few kilobytes, not a copy of the
//! index.

use std::collections::HashMap;
use std::sync::Arc;

use fixedbitset::FixedBitSet;

use super::index::{shown_campuses, Layer, ProgramIndex};
use super::indexing::{candidate, category_of, group_of, Lists};
use super::outcomes::outcomes_reason;
use crate::catalog::{Catalog, EDUCATION_CATEGORIES};

impl ProgramIndex {
    /// The index of `catalog`, a view ([`Catalog::layer`]) of the catalog
    /// this index was built from: the shared part as it is, and what the
    /// view ranks differently beside it.
    pub(crate) fn layered(&self, catalog: &Catalog) -> Self {
        let core = &self.core;
        let programs = &catalog.programs;
        let mut skipped = FixedBitSet::with_capacity(core.candidates.len());
        for (c, candidate) in core.candidates.iter().enumerate() {
            if programs.differs_from_public(candidate.program) {
                skipped.insert(c);
            }
        }
        let mut prepared = core.prepared.clone();
        let mut groups = Vec::new();
        let mut candidates = Vec::new();
        for (i, p) in programs.own() {
            let Some(category) = category_of(p) else {
                continue;
            };
            let group = group_of(
                p,
                category,
                &core.groups[..EDUCATION_CATEGORIES],
                &mut prepared,
                &mut groups,
                core.groups.len(),
            );
            candidates.push(candidate(i, p, group, core.units.unit(i)));
        }
        let first = core.candidates.len();
        let lists = Lists::sorted(&candidates, first, core.groups.len() + groups.len());

        let outcome_texts = candidates
            .iter()
            .map(|c| {
                let campuses = shown_campuses(&core.units, programs, c.program);
                outcomes_reason(catalog, &programs[c.program], None, &campuses)
            })
            .collect();
        let mut outcome_rewritten = HashMap::new();
        if programs.hides_any() {
            for (c, candidate) in core.candidates.iter().enumerate() {
                let all = core.units.campuses(candidate.program);
                let offered = !skipped.contains(c);
                if offered && all.iter().any(|&p| programs.is_hidden(p)) {
                    let campuses = shown_campuses(&core.units, programs, candidate.program);
                    let program = &programs[candidate.program];
                    let text = outcomes_reason(catalog, program, None, &campuses);
                    outcome_rewritten.insert(c as u32, text);
                }
            }
        }
        let layer = Layer {
            skipped,
            candidates,
            groups,
            anywhere: lists.anywhere,
            by_group: lists.by_group,
            by_state: lists.by_state,
            outcome_texts,
            outcome_rewritten,
        };
        Self {
            core: self.core.clone(),
            layer: Some(Arc::new(layer)),
        }
    }
}
