//! BLS Employment Projections 2024-34 (`data/bls_ep_2024_34_occupations.csv`,
//! Table 1.2 of the National Employment Matrix): each occupation's
//! projected employment change, average annual openings and the education
//! BLS says is typically needed to enter it.

use std::collections::HashMap;
use std::path::Path;

use super::table::Table;
use super::CatalogError;
use crate::education::EducationLevel;

/// The projections' base year.
pub const BASE_YEAR: u16 = 2024;
/// The year projected to.
pub const PROJECTED_YEAR: u16 = 2034;
/// The code of the all-occupations row.
const ALL_OCCUPATIONS: &str = "00-0000";

/// A projected change in the Occupational Outlook Handbook's words. The
/// 2024-34 Handbook labels each occupation by its change rounded to a
/// whole percent against the 3% average for all occupations: 7% or more
/// much faster than average, 5-6% faster, 3-4% as fast, 1-2% slower, 0%
/// little or no change, -1% or lower a decline (the labels of its
/// occupational profiles' "Job Outlook, 2024-34", e.g.
/// <https://www.bls.gov/ooh/healthcare/medical-transcriptionists.htm>;
/// docs/model.md, "Outlook").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Trend {
    /// Projected to decline.
    Decline,
    /// Little or no change.
    LittleOrNoChange,
    /// Growth slower than average.
    SlowerThanAverage,
    /// Growth about as fast as average.
    AsFastAsAverage,
    /// Growth faster than average.
    FasterThanAverage,
    /// Growth much faster than average.
    MuchFasterThanAverage,
}

impl Trend {
    /// Every trend, lowest first.
    pub const ALL: [Self; 6] = [
        Self::Decline,
        Self::LittleOrNoChange,
        Self::SlowerThanAverage,
        Self::AsFastAsAverage,
        Self::FasterThanAverage,
        Self::MuchFasterThanAverage,
    ];

    /// The Handbook's word for a projected percent change.
    pub fn of(change_percent: f64) -> Self {
        // As the Handbook prints it: a whole percent, halves away from 0.
        let whole = change_percent.round();
        if whole >= 7.0 {
            Self::MuchFasterThanAverage
        } else if whole >= 5.0 {
            Self::FasterThanAverage
        } else if whole >= 3.0 {
            Self::AsFastAsAverage
        } else if whole >= 1.0 {
            Self::SlowerThanAverage
        } else if whole >= 0.0 {
            Self::LittleOrNoChange
        } else {
            Self::Decline
        }
    }

    /// Its id, as reason values and the page write it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Decline => "decline",
            Self::LittleOrNoChange => "little_or_no_change",
            Self::SlowerThanAverage => "slower_than_average",
            Self::AsFastAsAverage => "as_fast_as_average",
            Self::FasterThanAverage => "faster_than_average",
            Self::MuchFasterThanAverage => "much_faster_than_average",
        }
    }
}

/// One occupation's projection, in people (the source counts thousands).
#[derive(Debug, Clone, PartialEq)]
pub struct Outlook {
    /// The BLS occupation it is published for, e.g. `29-2072`.
    pub bls_soc_code: String,
    /// BLS's title of it.
    pub bls_title: String,
    /// Employment in [`BASE_YEAR`].
    pub employment_base: Option<u32>,
    /// Employment projected for [`PROJECTED_YEAR`].
    pub employment_projected: Option<u32>,
    /// Percent change over the decade.
    pub change_percent: Option<f64>,
    /// Average annual openings (growth plus replacement).
    pub openings_per_year: Option<u32>,
    /// The education BLS says is typically needed to enter it.
    pub entry_education: Option<EducationLevel>,
    /// Median annual wage in [`BASE_YEAR`], in dollars.
    pub median_wage: Option<u32>,
}

impl Outlook {
    /// The Handbook's word for its change; `None` when the change is
    /// unknown.
    pub fn trend(&self) -> Option<Trend> {
        self.change_percent.map(Trend::of)
    }
}

/// Every occupation's projection by BLS code, and the all-occupations
/// percent change.
#[derive(Debug, Clone, Default)]
pub(crate) struct Projections {
    pub(crate) by_code: HashMap<String, Outlook>,
    pub(crate) all_occupations_change: Option<f64>,
}

/// The education level a BLS "typical education needed for entry" names.
fn entry_education(text: &str) -> Option<EducationLevel> {
    match text {
        "No formal educational credential" => Some(EducationLevel::LessThanHighSchool),
        "High school diploma or equivalent" => Some(EducationLevel::HighSchool),
        "Postsecondary nondegree award" => Some(EducationLevel::PostsecondaryCertificate),
        "Some college, no degree" => Some(EducationLevel::SomeCollege),
        "Associate's degree" => Some(EducationLevel::Associate),
        "Bachelor's degree" => Some(EducationLevel::Bachelor),
        "Master's degree" => Some(EducationLevel::Master),
        "Doctoral or professional degree" => Some(EducationLevel::Doctorate),
        _ => None,
    }
}

/// Reads the projections file. Empty cells are unknown, never 0.
pub(crate) fn read(path: &Path) -> Result<Projections, CatalogError> {
    let table = Table::csv(path)?;
    let columns = [
        "title",
        "soc_code",
        "employment_2024_thousands",
        "employment_2034_thousands",
        "change_2024_34_percent",
        "openings_annual_avg_thousands",
        "typical_entry_education",
        "median_annual_wage_2024",
    ]
    .map(|c| table.column(c));
    let [title, code, base, projected, change, openings, education, wage] = columns;
    let (title, code, base, projected, change, openings, education, wage) = (
        title?, code?, base?, projected?, change?, openings?, education?, wage?,
    );
    let mut projections = Projections::default();
    for row in table.rows() {
        let people = |column: usize, name: &str| -> Result<Option<u32>, CatalogError> {
            Ok(row
                .optional_number(column, name)?
                .map(|thousands| (thousands * 1000.0).round() as u32))
        };
        let entry = match row.get(education) {
            "" => None,
            text => Some(
                entry_education(text)
                    .ok_or_else(|| row.error(format!("unknown entry education {text:?}")))?,
            ),
        };
        let outlook = Outlook {
            bls_soc_code: row.get(code).to_owned(),
            bls_title: row.get(title).to_owned(),
            employment_base: people(base, "employment_2024_thousands")?,
            employment_projected: people(projected, "employment_2034_thousands")?,
            change_percent: row.optional_number(change, "change_2024_34_percent")?,
            openings_per_year: people(openings, "openings_annual_avg_thousands")?,
            entry_education: entry,
            median_wage: row
                .optional_number(wage, "median_annual_wage_2024")?
                .map(|w| w.round() as u32),
        };
        if outlook.bls_soc_code == ALL_OCCUPATIONS {
            projections.all_occupations_change = outlook.change_percent;
        }
        if projections
            .by_code
            .insert(outlook.bls_soc_code.clone(), outlook)
            .is_some()
        {
            return Err(row.error("occupation listed twice"));
        }
    }
    Ok(projections)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_follow_the_handbook_labels() {
        // The paths' own 2024-34 figures and the Handbook's labels.
        assert_eq!(Trend::of(-4.9), Trend::Decline);
        assert_eq!(Trend::of(-3.7), Trend::Decline);
        assert_eq!(Trend::of(-0.4), Trend::LittleOrNoChange);
        assert_eq!(Trend::of(-0.6), Trend::Decline);
        assert_eq!(Trend::of(0.6), Trend::SlowerThanAverage);
        assert_eq!(Trend::of(3.0), Trend::AsFastAsAverage);
        assert_eq!(Trend::of(4.2), Trend::AsFastAsAverage);
        assert_eq!(Trend::of(5.5), Trend::FasterThanAverage);
        assert_eq!(Trend::of(7.1), Trend::MuchFasterThanAverage);
        assert_eq!(Trend::of(23.2), Trend::MuchFasterThanAverage);
    }
}
