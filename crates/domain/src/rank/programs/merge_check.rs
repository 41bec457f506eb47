//! The merge checked against brute force (every group's best program not
//! yet passed over, scored at each step), and a tenant's layered index
//! against a full index of the same view.

use std::collections::HashSet;

use super::index::{Allowed, ProgramIndex, Wanted};
use super::wants::{Want, Wants};
use crate::catalog::{Catalog, ProgramFilter, Programs};
use crate::profile::{Profile, ProfileInput};
use crate::rank::{ProgramPreferences, ProgramScore};
use rand::{Rng, SeedableRng};

/// A candidate in a group's list, with its value within the group.
#[derive(Debug, Clone, Copy)]
struct Entry {
    candidate: u32,
    program: usize,
    value: f64,
}

impl ProgramIndex {
    /// The list by brute force, for the merge to agree with: at each step,
    /// every group's best program not yet passed over, by value.
    fn brute_force(
        &self,
        catalog: &Catalog,
        profile: &Profile,
        wants: &Wants,
        admission: Allowed<'_>,
        limit: usize,
    ) -> Vec<(usize, f64)> {
        let state = profile.state.map(|s| s.usps);
        let core = self.core.candidates.len() as u32;
        let own = self.layer.as_ref().map_or(0, |l| l.candidates.len()) as u32;
        let all: Vec<u32> = (0..core)
            .filter(|&c| self.offered(c))
            .chain(core..core + own)
            .collect();
        let lists: Vec<Vec<Entry>> = (0..self.group_count())
            .map(|group| {
                let mut list: Vec<Entry> = all
                    .iter()
                    .map(|&i| (i, self.candidate(i)))
                    .filter(|(_, c)| c.group == group && c.allowed(admission))
                    .map(|(i, c)| Entry {
                        candidate: i,
                        program: c.program,
                        value: c.state_factor(state) * c.outcome,
                    })
                    .collect();
                list.sort_by(|a, b| b.value.total_cmp(&a.value).then(a.program.cmp(&b.program)));
                list
            })
            .collect();
        let weights: Vec<f64> = (0..self.group_count())
            .map(|g| self.weight(catalog, wants, g))
            .collect();
        let mut next = vec![0; lists.len()];
        let mut units = HashSet::new();
        let mut out = Vec::new();
        while out.len() < limit {
            let mut best: Option<(f64, usize, usize, f64)> = None;
            for (g, list) in lists.iter().enumerate() {
                if weights[g] <= 0.0 {
                    continue;
                }
                while list.get(next[g]).is_some_and(|entry| {
                    self.candidate(entry.candidate)
                        .unit
                        .is_some_and(|u| units.contains(&u))
                }) {
                    next[g] += 1;
                }
                let Some(entry) = list.get(next[g]) else {
                    continue;
                };
                let score = (weights[g] * entry.value).clamp(0.0, 1.0);
                let key = (score, self.group(g).category, g, score);
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
            let entry = lists[g][next[g]];
            if let Some(u) = self.candidate(entry.candidate).unit {
                units.insert(u);
            }
            next[g] += 1;
            out.push((entry.program, score));
        }
        out
    }
}

/// The bundled catalog with the test overlay's facts, so online lists and
/// preferences are exercised.
fn catalog() -> Catalog {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut catalog = Catalog::load(&root.join("data")).unwrap();
    crate::catalog::overlay::apply(&mut catalog, &root.join("tests/fixtures/overlay.csv"), None)
        .unwrap();
    catalog
}

/// Makes every `every`-th program prepare for credentials, so they rank in
/// groups of their own.
fn prepare_some(catalog: &mut Catalog, every: usize) {
    for i in 0..catalog.programs.index_end() {
        let mut program = catalog.programs[i].clone();
        program.facts.prepares_for = match i % every {
            0 => vec!["RHIT".into()],
            1 => vec!["CCS".into(), "CPC".into()],
            _ => continue,
        };
        catalog.programs.set(i, program);
    }
}

/// One request: what the routes ask of programs, the profile, the
/// preferences and (every fifth) a filter to some states.
type Round = (Wants, Profile, ProgramPreferences, Option<ProgramFilter>);

/// Random wants: five paths with weights, each asking for one or two
/// levels (the first in full, the second as a later step) and naming some
/// credentials its route holds.
fn random_wants(catalog: &Catalog, rng: &mut impl Rng) -> Wants {
    let n = catalog.career_paths.len();
    let codes = ["RHIT", "CCS", "CPC", "RHIA"].map(|c| catalog.credential_index(c).unwrap());
    let mut wants = Wants {
        list: Vec::new(),
        credentials: vec![Vec::new(); n],
        weights: vec![0.0; n],
    };
    for _ in 0..5 {
        let path = rng.gen_range(0..n);
        let weight = rng.gen::<f64>();
        wants.weights[path] = weight;
        for strength in [1.0, super::wants::LATER_STEP]
            .into_iter()
            .take(rng.gen_range(1..=2))
        {
            wants.list.push(Want {
                path,
                weight,
                level: rng.gen_range(1..=8),
                strength,
                credential: None,
                accreditor: None,
                entry: None,
            });
        }
        wants.credentials[path] = codes
            .iter()
            .copied()
            .filter(|_| rng.gen_bool(0.3))
            .collect();
    }
    let total: f64 = wants.weights.iter().sum();
    wants.weights.iter_mut().for_each(|w| *w /= total);
    for want in &mut wants.list {
        want.weight = wants.weights[want.path];
    }
    wants
}

fn rounds(catalog: &Catalog, count: usize) -> Vec<Round> {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(3);
    (0..count)
        .map(|round| {
            let wants = random_wants(catalog, &mut rng);
            let state = ["", "TX", "CA", "WY", "PR", "DC"][round % 6];
            let profile = ProfileInput {
                highest_education: rng.gen_range(0..=10),
                state: state.into(),
                ..Default::default()
            }
            .check(catalog, "profile")
            .unwrap();
            let preferences = ProgramPreferences {
                require_accreditation: round % 7 == 3,
                online_only: round % 11 == 5,
            };
            let filter = (round % 5 == 2).then(|| {
                crate::catalog::ProgramFilterInput {
                    states: vec!["TX".into(), "CA".into(), "OH".into()],
                    ..Default::default()
                }
                .check(catalog, "program_filter")
                .unwrap()
            });
            (wants, profile, preferences, filter)
        })
        .collect()
}

fn wanted(round: &Round) -> Wanted<'_> {
    Wanted {
        wants: &round.0,
        limit: 60,
        preferences: round.2,
        filter: round.3.as_ref(),
        explain: true,
        language: crate::language::Language::En,
    }
}

/// The merge's list and the brute force's agree in every round.
fn agree(index: &ProgramIndex, catalog: &Catalog) {
    for (i, round) in rounds(catalog, 200).iter().enumerate() {
        let (wants, profile, preferences, filter) = round;
        let merged = index.rank(catalog, profile, wanted(round));
        let admission = Allowed {
            preferences: *preferences,
            filter: filter.as_ref(),
            programs: &catalog.programs,
        };
        let brute = index.brute_force(catalog, profile, wants, admission, 60);
        let merged: Vec<(usize, f64)> = merged.iter().map(|p| (p.program, p.score)).collect();
        assert_eq!(merged, brute, "round {i}");
    }
}

#[test]
fn the_merge_agrees_with_scoring_every_program() {
    let mut catalog = catalog();
    prepare_some(&mut catalog, 37);
    agree(&ProgramIndex::new(&catalog), &catalog);
}

/// A tenant's view: facts changed on some public programs (some of them
/// now preparing for credentials), programs of its own, and a default
/// filter hiding others.
fn view_of(public: &Catalog) -> Catalog {
    let mut view = public.layer();
    prepare_some(&mut view, 41);
    for i in (5..view.programs.index_end()).step_by(97) {
        let mut program = view.programs[i].clone();
        program.facts.delivery = Some(crate::catalog::DeliveryMode::Online);
        program.facts.tuition = Some(7000);
        view.programs.set(i, program);
    }
    for k in 0..6u32 {
        let mut own = view.programs[(k * 11) as usize].clone();
        own.unitid = 990_000 + k;
        own.opeid6 = None;
        own.operator_only = true;
        view.programs.push(own);
    }
    view.programs.retain(|p| p.unitid % 7 != 0);
    view
}

#[test]
fn a_tenants_layer_ranks_as_a_full_index_of_its_view() {
    let public = catalog();
    let index = ProgramIndex::new(&public);
    let view = view_of(&public);
    let layered = index.layered(&view);
    agree(&layered, &view);

    // The same view held as a catalog of its own, indexed in full.
    let mut flat = view.clone();
    flat.programs = Programs::new(view.programs.values().cloned().collect());
    let full = ProgramIndex::new(&flat);
    let described = |catalog: &Catalog, answer: Vec<ProgramScore>| {
        answer
            .into_iter()
            .map(|p| {
                let program = &catalog.programs[p.program];
                let key = (program.unitid, program.credential_level);
                format!("{key:?} {} {:?} {:?}", p.score, p.reasons, p.payback)
            })
            .collect::<Vec<_>>()
    };
    let mut compared = 0;
    for round in rounds(&view, 200) {
        let (_, profile, _, _) = &round;
        let a = layered.rank(&view, profile, wanted(&round));
        let b = full.rank(&flat, profile, wanted(&round));
        compared += a.len();
        assert_eq!(described(&view, a), described(&flat, b));
    }
    assert!(compared > 5000);
    // The campuses a program is reported with are the view's.
    for (i, p) in view.programs.iter() {
        let shown: Vec<u32> = layered
            .campuses(&view.programs, i)
            .iter()
            .map(|&c| view.programs[c].unitid)
            .collect();
        let flat_index = flat
            .programs
            .position(p.unitid, p.credential_level)
            .unwrap();
        let expected: Vec<u32> = full
            .campuses(&flat.programs, flat_index)
            .iter()
            .map(|&c| flat.programs[c].unitid)
            .collect();
        assert_eq!(shown, expected, "{}", p.unitid);
    }
}
