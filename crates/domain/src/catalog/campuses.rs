//! Campuses reported together. College Scorecard publishes field-of-study
//! figures for an institution group (one six-digit OPEID: a main campus and
//! its branches), not per campus, so the campuses of one group at one
//! credential level carry the same earnings and debt. Such campuses form
//! one *reporting unit*: their figures are one data point, not several.

use std::collections::HashMap;

use super::Programs;

/// The reporting units of a list of programs.
#[derive(Debug, Clone, Default)]
pub struct ReportingUnits {
    /// `unit_of[program]`: its unit, when it shares one with another campus.
    unit_of: Vec<Option<u32>>,
    /// Each unit's programs, in catalog order.
    members: Vec<Vec<usize>>,
}

/// What makes programs one reporting unit: the institution group, the
/// credential level, and the very figures Scorecard published for them.
#[derive(PartialEq, Eq, Hash)]
struct UnitKey<'a> {
    opeid6: &'a str,
    credential_level: u8,
    earnings: Option<u32>,
    debt: Option<u32>,
    debt_to_earnings: Option<u64>,
}

impl ReportingUnits {
    /// Groups `programs`: those of one OPEID6 group and credential level
    /// with identical earnings, debt and debt-to-earnings. An operator's own
    /// programs (no OPEID6) stand alone.
    pub fn new(programs: &Programs) -> Self {
        let mut by_key: HashMap<UnitKey<'_>, Vec<usize>> = HashMap::new();
        for (i, p) in programs.iter() {
            let Some(opeid6) = p.opeid6.as_deref() else {
                continue;
            };
            let key = UnitKey {
                opeid6,
                credential_level: p.credential_level,
                earnings: p.median_earnings,
                debt: p.median_debt,
                debt_to_earnings: p.debt_to_earnings.map(f64::to_bits),
            };
            by_key.entry(key).or_default().push(i);
        }
        let mut members: Vec<Vec<usize>> = by_key.into_values().filter(|m| m.len() > 1).collect();
        members.sort_unstable();
        let mut unit_of = vec![None; programs.index_end()];
        for (unit, programs) in members.iter().enumerate() {
            for &p in programs {
                unit_of[p] = Some(unit as u32);
            }
        }
        Self { unit_of, members }
    }

    /// The reporting unit of `program`, when other campuses share it.
    pub fn unit(&self, program: usize) -> Option<u32> {
        self.unit_of.get(program).copied().flatten()
    }

    /// Every campus reported with `program`, itself included, in catalog
    /// order; empty when it is reported alone.
    pub fn campuses(&self, program: usize) -> &[usize] {
        self.unit(program)
            .map_or(&[], |unit| self.members[unit as usize].as_slice())
    }

    /// How many units group two or more campuses.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether no campuses are reported together.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_public_extract_reports_campuses_together() {
        let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
        let catalog = crate::catalog::Catalog::load(&root.join("data")).unwrap();
        let units = ReportingUnits::new(&catalog.programs);
        // 184 (OPEID6, level) groups of the extract share their figures.
        assert_eq!(units.len(), 184);
        for unit in &units.members {
            let first = &catalog.programs[unit[0]];
            for &p in unit {
                let p = &catalog.programs[p];
                assert_eq!(p.opeid6, first.opeid6);
                assert_eq!(p.credential_level, first.credential_level);
                assert_eq!(p.median_earnings, first.median_earnings);
                assert_eq!(p.median_debt, first.median_debt);
            }
        }
        let alone = (0..catalog.programs.len())
            .find(|&p| units.unit(p).is_none())
            .unwrap();
        assert!(units.campuses(alone).is_empty());
    }
}
