//! The scoring rule's factors: a group's path fit and education factor,
//! the state factor, and the variety share.

use super::index::{Candidate, ProgramIndex};
use crate::profile::{EducationLevel, Profile};

pub(super) const AT_OR_BELOW_EDUCATION: f64 = 0.5;
pub(super) const NEEDS_BACHELOR_FIRST: f64 = 0.25;
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

/// The key that orders the list: the score of the program at `place`
/// (0-based) among its group's listed programs, over `place + 1`, so each
/// level that fits gets a place. It orders; it is not the score.
pub(super) fn diversified(score: f64, place: usize) -> f64 {
    score / (place + 1) as f64
}

pub(super) fn education_factor(education: Option<EducationLevel>, category: usize) -> f64 {
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

pub(super) fn state_factor(wanted: Option<&str>, program: Option<&str>) -> f64 {
    match wanted {
        Some(w) if program != Some(w) => OUT_OF_STATE,
        _ => 1.0,
    }
}

impl ProgramIndex {
    /// Path fit x education factor of a group of programs.
    pub(super) fn weight(&self, profile: &Profile, shares: &[f64], group: usize) -> f64 {
        let group = self.group(group);
        let fit: f64 = group.relevance.iter().zip(shares).map(|(r, p)| r * p).sum();
        fit * education_factor(profile.education, group.category)
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
    fn education_factor_rules() {
        use EducationLevel::*;
        assert_eq!(education_factor(None, 8), 1.0);
        assert_eq!(education_factor(Some(Bachelor), 5), AT_OR_BELOW_EDUCATION);
        assert_eq!(education_factor(Some(Associate), 8), NEEDS_BACHELOR_FIRST);
        assert_eq!(education_factor(Some(Associate), 6), 1.0);
        assert_eq!(education_factor(Some(Bachelor), 8), 1.0);
    }

    #[test]
    fn every_credential_level_has_a_category() {
        for level in 1..=8 {
            assert!(onet_category(level).is_some());
        }
        assert_eq!(onet_category(NON_CREDENTIAL_LEVEL), None);
    }
}
