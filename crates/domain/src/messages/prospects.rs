//! The sentences of a career path's prospects: BLS's projection for its
//! occupation, and its pay.

use crate::catalog::Trend;

/// What an outlook sentence says, its figures written out.
#[derive(Debug, Clone, Copy)]
pub struct OutlookFigures<'a> {
    /// BLS's trend for the change.
    pub trend: Trend,
    /// The change, signed: "-3.1".
    pub change: &'a str,
    /// The change without its sign: "3.1".
    pub magnitude: &'a str,
    /// The projection's decade: "2024-34".
    pub period: &'a str,
    /// The change BLS projects for all occupations, if known: "3.1".
    pub average: Option<&'a str>,
    /// How many times the average the change is, where it is at least
    /// about twice (rounded).
    pub times_average: Option<u32>,
    /// Openings a year, about: "14,200".
    pub openings: Option<&'a str>,
    /// The BLS occupation (title, code) whose projection a detailed
    /// O*NET occupation takes, when it shares one.
    pub shared: Option<(&'a str, &'a str)>,
}

/// What a pay sentence says, its figures written out ("$37,000").
#[derive(Debug, Clone, Copy)]
pub struct PayFigures<'a> {
    /// The 10th percentile wage, if published.
    pub low: Option<&'a str>,
    /// The 90th percentile wage, if published.
    pub high: Option<&'a str>,
    /// The median wage, if published.
    pub median: Option<&'a str>,
    /// The state the wages are for; none for national ones.
    pub state: Option<&'a str>,
}

/// The sentences of a path's prospects.
pub trait Prospects {
    /// BLS's projection for the path's occupation.
    fn outlook(&self, figures: &OutlookFigures<'_>) -> String;
    /// Who earns what on the path; `None` when neither the 10th
    /// percentile nor the median is published.
    fn pay(&self, figures: &PayFigures<'_>) -> Option<String>;
}
