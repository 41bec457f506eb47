//! Career paths as the catalog lists them: narrowed by their BLS outlook
//! and ordered by a figure a person weighs, checked like a profile is.

use super::named::Named;
use super::outlook::Trend;
use super::{CareerPath, Catalog};
use crate::error::FieldViolation;

/// The orders career paths can be listed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PathOrder {
    /// Model class order.
    #[default]
    Catalog,
    /// Highest projected percent change first.
    ChangePercent,
    /// Most average annual openings first.
    OpeningsPerYear,
    /// Highest national median annual wage first.
    MedianWage,
}

/// A listing as received; an enum number the contract does not define is
/// kept as unknown so the check can name it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PathListingInput {
    /// Only paths whose outlook is one of these.
    pub trends: Vec<Named<Trend>>,
    /// Only paths projected to change by at least this percent.
    pub min_change_percent: Option<f64>,
    /// The order; `None` is model class order.
    pub order_by: Option<Named<PathOrder>>,
}

/// A checked listing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PathListing {
    trends: Vec<Trend>,
    min_change_percent: Option<f64>,
    order_by: PathOrder,
}

/// The largest percent change a filter may ask for (BLS projections stay
/// within a few hundred percent).
const MAX_CHANGE: f64 = 1000.0;

impl PathListingInput {
    /// Checks every field, naming each at fault.
    pub fn check(self) -> Result<PathListing, Vec<FieldViolation>> {
        let mut violations = Vec::new();
        let mut listing = PathListing::default();
        for (i, trend) in self.trends.iter().enumerate() {
            match trend {
                Named::Known(t) => listing.trends.push(*t),
                Named::Unknown(raw) => violations.push(FieldViolation::new(
                    format!("trends[{i}]"),
                    format!("{raw:?} is not an outlook trend (OutlookTrend, 1-6)"),
                )),
            }
        }
        if let Some(min) = self.min_change_percent {
            if !min.is_finite() || min.abs() > MAX_CHANGE {
                violations.push(FieldViolation::new(
                    "min_change_percent",
                    format!("a percent between -{MAX_CHANGE} and {MAX_CHANGE}"),
                ));
            }
            listing.min_change_percent = Some(min);
        }
        match self.order_by {
            None => {}
            Some(Named::Known(order)) => listing.order_by = order,
            Some(Named::Unknown(raw)) => violations.push(FieldViolation::new(
                "order_by",
                format!("{raw:?} is not an order (CareerPathOrder, 0-3)"),
            )),
        }
        if violations.is_empty() {
            Ok(listing)
        } else {
            Err(violations)
        }
    }
}

impl PathListing {
    fn passes(&self, path: &CareerPath) -> bool {
        let change = path.outlook.as_ref().and_then(|o| o.change_percent);
        (self.trends.is_empty() || change.is_some_and(|c| self.trends.contains(&Trend::of(c))))
            && self
                .min_change_percent
                .is_none_or(|min| change.is_some_and(|c| c >= min))
    }

    /// The figure the order sorts by, highest first; `None` sorts last.
    fn key(&self, path: &CareerPath) -> Option<f64> {
        let outlook = path.outlook.as_ref();
        match self.order_by {
            PathOrder::Catalog => Some(0.0),
            PathOrder::ChangePercent => outlook.and_then(|o| o.change_percent),
            PathOrder::OpeningsPerYear => outlook.and_then(|o| o.openings_per_year).map(f64::from),
            PathOrder::MedianWage => path.national.wages.median.map(f64::from),
        }
    }
}

impl Catalog {
    /// The career paths a listing lets through, in its order (ties, and
    /// paths without the figure at the end, in model class order).
    pub fn list_paths(&self, listing: &PathListing) -> Vec<usize> {
        let mut paths: Vec<(usize, Option<f64>)> = self
            .career_paths
            .iter()
            .enumerate()
            .filter(|(_, p)| listing.passes(p))
            .map(|(i, p)| (i, listing.key(p)))
            .collect();
        paths.sort_by(|(a, x), (b, y)| match (x, y) {
            (Some(x), Some(y)) => y.total_cmp(x).then(a.cmp(b)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.cmp(b),
        });
        paths.into_iter().map(|(i, _)| i).collect()
    }

    /// The index of the career path with O*NET-SOC code `soc_code`: the
    /// occupation of that code, where it is a path.
    pub fn path_index(&self, soc_code: &str) -> Option<usize> {
        self.occupation_index(soc_code)
            .and_then(|o| self.occupations[o].path)
    }
}
