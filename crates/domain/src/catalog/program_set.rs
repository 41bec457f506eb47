//! The programs of one view of the catalog. The public programs are read
//! once and shared by every view; a tenant's view ([`Programs::layer`])
//! holds only what differs from them: the public programs its overlay
//! merged facts onto, the programs of its own, and which programs its
//! default filter hides. A program keeps its index in every view (a
//! hidden one leaves a gap), so an index means the same program whichever
//! view it came from.

use std::collections::{BTreeMap, HashMap};
use std::ops::Index;
use std::sync::Arc;

use super::Program;

/// The programs one view of the catalog shows, in index order.
#[derive(Debug, Clone, Default)]
pub struct Programs {
    public: Arc<Public>,
    /// Whether changes go over the shared programs ([`Programs::layer`])
    /// rather than into them.
    layered: bool,
    /// Public programs this view holds with other facts, by index.
    changed: BTreeMap<usize, Program>,
    /// This view's own programs, after the public ones.
    added: Vec<Program>,
    /// Bit `i` set: program `i` is not shown.
    hidden: Vec<u64>,
}

/// The programs every view shares, and their keys.
#[derive(Debug, Clone, Default)]
struct Public {
    programs: Vec<Program>,
    /// (unit id, credential level) to index.
    keys: HashMap<(u32, u8), usize>,
}

impl Programs {
    /// The programs `programs`, shown in that order.
    pub fn new(programs: Vec<Program>) -> Self {
        let mut keys = HashMap::with_capacity(programs.len());
        for (i, p) in programs.iter().enumerate() {
            keys.entry((p.unitid, p.credential_level)).or_insert(i);
        }
        Self {
            public: Arc::new(Public { programs, keys }),
            ..Self::default()
        }
    }

    /// A view over these programs sharing them: what is changed, added or
    /// hidden from now on is held apart, and these programs stay as they are.
    pub fn layer(&self) -> Self {
        Self {
            layered: true,
            ..self.clone()
        }
    }

    /// Whether this is a view made by [`Programs::layer`].
    pub fn is_layered(&self) -> bool {
        self.layered
    }

    /// Whether `other` is a view over the same shared programs.
    pub fn shares_public_with(&self, other: &Programs) -> bool {
        Arc::ptr_eq(&self.public, &other.public)
    }

    /// One past the highest index a program of this view can have.
    pub fn index_end(&self) -> usize {
        self.public.programs.len() + self.added.len()
    }

    /// How many programs are shown.
    pub fn len(&self) -> usize {
        let hidden: u32 = self.hidden.iter().map(|w| w.count_ones()).sum();
        self.index_end() - hidden as usize
    }

    /// Whether no program is shown.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether program `i` is hidden in this view.
    pub fn is_hidden(&self, i: usize) -> bool {
        self.hidden
            .get(i / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    /// Whether this view hides any program.
    pub fn hides_any(&self) -> bool {
        self.hidden.iter().any(|w| *w != 0)
    }

    /// Program `i`, if this view shows it.
    pub fn get(&self, i: usize) -> Option<&Program> {
        (i < self.index_end() && !self.is_hidden(i)).then(|| &self[i])
    }

    /// The programs shown, with their indexes, in index order.
    pub fn iter(&self) -> impl Iterator<Item = (usize, &Program)> + '_ {
        (0..self.index_end())
            .filter(|&i| !self.is_hidden(i))
            .map(|i| (i, &self[i]))
    }

    /// The programs shown, in index order.
    pub fn values(&self) -> impl Iterator<Item = &Program> + '_ {
        self.iter().map(|(_, p)| p)
    }

    /// The index of the shown program with this unit id and credential
    /// level.
    pub fn position(&self, unitid: u32, credential_level: u8) -> Option<usize> {
        let public = self.public.keys.get(&(unitid, credential_level)).copied();
        let own = || {
            self.added
                .iter()
                .position(|p| p.unitid == unitid && p.credential_level == credential_level)
                .map(|i| self.public.programs.len() + i)
        };
        public.or_else(own).filter(|&i| !self.is_hidden(i))
    }

    /// Replaces program `i` in this view.
    pub fn set(&mut self, i: usize, program: Program) {
        let public = self.public.programs.len();
        if i >= public {
            self.added[i - public] = program;
        } else if self.layered {
            self.changed.insert(i, program);
        } else {
            Arc::make_mut(&mut self.public).programs[i] = program;
        }
    }

    /// Adds a program after the others.
    pub fn push(&mut self, program: Program) {
        if self.layered {
            self.added.push(program);
        } else {
            let public = Arc::make_mut(&mut self.public);
            let key = (program.unitid, program.credential_level);
            public.keys.entry(key).or_insert(public.programs.len());
            public.programs.push(program);
        }
    }

    /// Hides every shown program `keep` does not keep.
    pub fn retain(&mut self, keep: impl Fn(&Program) -> bool) {
        let dropped: Vec<usize> = self
            .iter()
            .filter(|(_, p)| !keep(p))
            .map(|(i, _)| i)
            .collect();
        self.hidden.resize(self.index_end().div_ceil(64), 0);
        for i in dropped {
            self.hidden[i / 64] |= 1 << (i % 64);
        }
    }

    /// Whether public program `i` is not shown as the shared programs hold
    /// it: hidden, or held with other facts.
    pub fn differs_from_public(&self, i: usize) -> bool {
        self.is_hidden(i) || self.changed.contains_key(&i)
    }

    /// The shown programs this view holds itself (changed public ones and
    /// its own), with their indexes, in index order.
    pub fn own(&self) -> impl Iterator<Item = (usize, &Program)> + '_ {
        let public = self.public.programs.len();
        let added = (public..self.index_end()).map(move |i| (i, &self.added[i - public]));
        self.changed
            .iter()
            .map(|(&i, p)| (i, p))
            .chain(added)
            .filter(|(i, _)| !self.is_hidden(*i))
    }
}

/// Two views are equal when they show the same programs at the same
/// indexes, however each holds them.
impl PartialEq for Programs {
    fn eq(&self, other: &Self) -> bool {
        self.index_end() == other.index_end() && self.iter().eq(other.iter())
    }
}

impl Index<usize> for Programs {
    type Output = Program;

    /// Program `i`, shown or hidden.
    fn index(&self, i: usize) -> &Program {
        let public = &self.public.programs;
        match self.changed.get(&i) {
            Some(program) => program,
            None if i < public.len() => &public[i],
            None => &self.added[i - public.len()],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog_programs() -> Programs {
        let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
        crate::catalog::Catalog::load(&root.join("data"))
            .unwrap()
            .programs
    }

    #[test]
    fn a_layer_changes_adds_and_hides_without_touching_the_shared_programs() {
        let public = catalog_programs();
        let mut view = public.layer();
        let first = public[0].clone();
        let mut changed = first.clone();
        changed.facts.tuition = Some(1234);
        view.set(0, changed);
        let mut own = first.clone();
        own.unitid = 999_999;
        view.push(own);
        view.retain(|p| p.state != public[1].state || [first.unitid, 999_999].contains(&p.unitid));

        assert!(view.shares_public_with(&public));
        assert_eq!(public[0].facts.tuition, first.facts.tuition);
        assert_eq!(view[0].facts.tuition, Some(1234));
        assert_eq!(view.index_end(), public.index_end() + 1);
        let end = public.index_end();
        assert_eq!(view.position(999_999, first.credential_level), Some(end));
        assert!(view.get(1).is_none() && view.is_hidden(1));
        assert_eq!(
            view.position(public[1].unitid, public[1].credential_level),
            None
        );
        assert_eq!(view.len(), view.iter().count());
        assert!(view.len() < public.len());
        let own: Vec<usize> = view.own().map(|(i, _)| i).collect();
        assert_eq!(own, vec![0, end]);
        assert!(view.differs_from_public(0) && view.differs_from_public(1));
    }
}
