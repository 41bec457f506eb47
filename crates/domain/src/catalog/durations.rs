//! How long a credential level takes full time, as NCES defines the award
//! levels for IPEDS (data/SOURCES.md, "Award levels"). College Scorecard's
//! credential levels map onto them; where the definition gives no length,
//! the duration is unknown and absent.

/// The full-time length of a credential level, in academic years.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TypicalDuration {
    /// At least this many years; `None` when the definition gives no floor.
    pub min_years: Option<f64>,
    /// At most (or under) this many years; `None` when it gives no ceiling.
    pub max_years: Option<f64>,
}

/// The typical full-time duration of Scorecard credential level `level`,
/// where NCES's award-level definition gives one.
pub fn typical_duration(level: u8) -> Option<TypicalDuration> {
    let (min_years, max_years) = match level {
        1 => (None, Some(4.0)),
        2 => (Some(2.0), Some(4.0)),
        3 => (Some(4.0), Some(5.0)),
        5 => (Some(1.0), Some(2.0)),
        _ => return None,
    };
    Some(TypicalDuration {
        min_years,
        max_years,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn degrees_have_lengths_and_undefined_levels_have_none() {
        assert_eq!(typical_duration(2).unwrap().min_years, Some(2.0));
        assert_eq!(typical_duration(3).unwrap().max_years, Some(5.0));
        assert!(typical_duration(4).is_none());
        assert!(typical_duration(99).is_none());
    }
}
