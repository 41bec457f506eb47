//! The six interest areas of Holland's RIASEC model, in the order O*NET
//! and its Interest Profiler report them, as one named value per area.

use serde::{Deserialize, Serialize};

/// The areas' names, in RIASEC order.
pub const AREAS: [&str; 6] = [
    "realistic",
    "investigative",
    "artistic",
    "social",
    "enterprising",
    "conventional",
];

/// One value per interest area: scores in [0, 1], or Interest Profiler
/// raw scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Riasec<T> {
    /// Realistic: working with things, tools, the outdoors.
    pub realistic: T,
    /// Investigative: ideas, analysis, science.
    pub investigative: T,
    /// Artistic: self-expression, design.
    pub artistic: T,
    /// Social: helping, teaching, caring for people.
    pub social: T,
    /// Enterprising: leading, persuading, business.
    pub enterprising: T,
    /// Conventional: data, records, procedures.
    pub conventional: T,
}

impl<T> From<Riasec<T>> for [T; 6] {
    fn from(r: Riasec<T>) -> Self {
        [
            r.realistic,
            r.investigative,
            r.artistic,
            r.social,
            r.enterprising,
            r.conventional,
        ]
    }
}

impl<T> From<[T; 6]> for Riasec<T> {
    fn from(
        [realistic, investigative, artistic, social, enterprising, conventional]: [T; 6],
    ) -> Self {
        Self {
            realistic,
            investigative,
            artistic,
            social,
            enterprising,
            conventional,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn areas_keep_their_order_both_ways_and_by_name() {
        let scores = Riasec::from([1, 2, 3, 4, 5, 6]);
        assert_eq!(scores.social, 4);
        assert_eq!(<[u32; 6]>::from(scores), [1, 2, 3, 4, 5, 6]);
        let json = serde_json::to_value(scores).unwrap();
        for (i, area) in AREAS.iter().enumerate() {
            assert_eq!(json[area], i as u32 + 1);
        }
        let extra = r#"{"realistic":1,"investigative":2,"artistic":3,"social":4,"enterprising":5,"conventional":6,"other":7}"#;
        assert!(serde_json::from_str::<Riasec<u32>>(extra).is_err());
    }
}
