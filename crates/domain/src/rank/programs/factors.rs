//! The scoring rule's factors: a group's weight (how much the shown
//! paths' routes ask for its programs) and the state factor.

use super::index::{Candidate, ProgramIndex};
use super::wants::Wants;
use crate::catalog::Catalog;

pub(super) const OUT_OF_STATE: f64 = 0.4;

/// O*NET education category (1 to EDUCATION_CATEGORIES) of a Scorecard credential level.
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

/// The Scorecard credential level of an O*NET education category.
pub(crate) fn level_of(category: usize) -> u8 {
    (1..=8)
        .find(|&level| onet_category(level) == Some(category))
        .unwrap_or(crate::catalog::NON_CREDENTIAL_LEVEL)
}

pub(super) fn state_factor(wanted: Option<&str>, program: Option<&str>) -> f64 {
    match wanted {
        Some(w) if program != Some(w) => OUT_OF_STATE,
        _ => 1.0,
    }
}

impl ProgramIndex {
    /// How much the shown paths' routes ask for a group's programs.
    pub(super) fn weight(&self, catalog: &Catalog, wants: &Wants, group: usize) -> f64 {
        let group = self.group(group);
        wants.weight(catalog, group.level, &group.credentials)
    }
}

impl Candidate {
    /// The state factor: 1 in the wanted state, online, or with no state.
    pub(super) fn state_factor(&self, wanted: Option<&str>) -> f64 {
        if self.online {
            1.0
        } else {
            state_factor(wanted, self.state)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::NON_CREDENTIAL_LEVEL;

    #[test]
    fn every_credential_level_has_a_category() {
        for level in 1..=8 {
            assert!(onet_category(level).is_some());
        }
        assert_eq!(onet_category(NON_CREDENTIAL_LEVEL), None);
        for level in 1..=8 {
            assert_eq!(level_of(onet_category(level).unwrap()), level);
        }
    }
}
