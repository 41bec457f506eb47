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

/// Where a program stands to the person's state: the rule the state
/// factor applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    /// No state given: the place moves nothing.
    Anywhere,
    /// Known to be fully online: open from any state.
    Online,
    /// In the person's state.
    InState,
    /// Outside it (or in an unknown state), and not known to be online.
    OutOfState,
}

impl Place {
    /// What the rule multiplies the score by.
    pub(super) fn factor(self) -> f64 {
        match self {
            Self::OutOfState => OUT_OF_STATE,
            Self::Anywhere | Self::Online | Self::InState => 1.0,
        }
    }

    /// What the place added to a score of `score`: the score less what
    /// it would be in the other place (in the person's state for one
    /// outside it, outside for one open to them).
    pub(super) fn contribution(self, score: f64) -> f64 {
        match self {
            Self::Anywhere => 0.0,
            Self::OutOfState => score - score / OUT_OF_STATE,
            Self::Online | Self::InState => score - score * OUT_OF_STATE,
        }
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
    /// Where it stands to the `wanted` state.
    pub(super) fn place(&self, wanted: Option<&str>) -> Place {
        match wanted {
            None => Place::Anywhere,
            Some(_) if self.online => Place::Online,
            Some(w) if self.state == Some(w) => Place::InState,
            Some(_) => Place::OutOfState,
        }
    }

    /// The state factor: 1 in the wanted state, online, or with no state.
    pub(super) fn state_factor(&self, wanted: Option<&str>) -> f64 {
        self.place(wanted).factor()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::NON_CREDENTIAL_LEVEL;

    fn candidate(state: Option<&'static str>, online: bool) -> Candidate {
        Candidate {
            program: 0,
            group: 0,
            state,
            outcome: 1.0,
            online,
            accredited: false,
            unit: None,
        }
    }

    #[test]
    fn the_place_rule_names_itself_and_its_factor() {
        let ohio = candidate(Some("OH"), false);
        assert_eq!(ohio.place(None), Place::Anywhere);
        assert_eq!(ohio.place(Some("OH")), Place::InState);
        assert_eq!(ohio.place(Some("TX")), Place::OutOfState);
        assert_eq!(candidate(None, false).place(Some("TX")), Place::OutOfState);
        assert_eq!(candidate(Some("OH"), true).place(Some("TX")), Place::Online);
        assert_eq!(ohio.state_factor(Some("TX")), OUT_OF_STATE);
        for place in [Place::Anywhere, Place::Online, Place::InState] {
            assert_eq!(place.factor(), 1.0);
        }
        // In the state, a score of 0.5 would be 0.2 outside it; outside, a
        // score of 0.2 would be 0.5 inside.
        assert!((Place::InState.contribution(0.5) - 0.3).abs() < 1e-12);
        assert!((Place::OutOfState.contribution(0.2) + 0.3).abs() < 1e-12);
        assert_eq!(Place::Anywhere.contribution(0.5), 0.0);
    }

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
