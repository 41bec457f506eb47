//! BLS Occupational Employment and Wage Statistics (OEWS) cells.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::states;
use super::table::{Row, Table};
use super::CatalogError;

/// Annual wage percentiles in dollars; `None` where BLS did not release one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Wages {
    /// 10th percentile.
    pub p10: Option<u32>,
    /// 25th percentile.
    pub p25: Option<u32>,
    /// Median.
    pub median: Option<u32>,
    /// 75th percentile.
    pub p75: Option<u32>,
    /// 90th percentile.
    pub p90: Option<u32>,
    /// Mean.
    pub mean: Option<u32>,
}

/// Employment and wages of one occupation in one industry or state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OewsCell {
    /// BLS occupation code with a hyphen, e.g. `29-2072`.
    pub bls_soc_code: String,
    /// BLS occupation title.
    pub occupation: String,
    /// NAICS code as BLS writes it (`622000`), or the USPS state code for
    /// state cells.
    pub area_or_industry: String,
    /// Industry or state name.
    pub label: String,
    /// Employment; `None` where not released.
    pub employment: Option<u32>,
    /// Annual wages.
    pub wages: Wages,
}

/// Turns BLS's `292072` into `29-2072`.
pub(crate) fn hyphenate(soc: &str) -> String {
    if soc.len() == 6 && soc.bytes().all(|b| b.is_ascii_digit()) {
        format!("{}-{}", &soc[..2], &soc[2..])
    } else {
        soc.to_owned()
    }
}

struct Columns {
    soc: usize,
    occupation: usize,
    employment: usize,
    mean: usize,
    p10: usize,
    p25: usize,
    median: usize,
    p75: usize,
    p90: usize,
}

impl Columns {
    fn of(table: &Table) -> Result<Self, CatalogError> {
        Ok(Self {
            soc: table.column("soc_code")?,
            occupation: table.column("occupation")?,
            employment: table.column("employment")?,
            mean: table.column("annual_mean")?,
            p10: table.column("annual_p10")?,
            p25: table.column("annual_p25")?,
            median: table.column("annual_median")?,
            p75: table.column("annual_p75")?,
            p90: table.column("annual_p90")?,
        })
    }

    fn cell(&self, row: Row<'_>, key: String, label: String) -> Result<OewsCell, CatalogError> {
        Ok(OewsCell {
            bls_soc_code: hyphenate(row.get(self.soc)),
            occupation: row.get(self.occupation).to_owned(),
            area_or_industry: key,
            label,
            employment: row.optional_count(self.employment, "employment")?,
            wages: Wages {
                p10: row.optional_count(self.p10, "annual_p10")?,
                p25: row.optional_count(self.p25, "annual_p25")?,
                median: row.optional_count(self.median, "annual_median")?,
                p75: row.optional_count(self.p75, "annual_p75")?,
                p90: row.optional_count(self.p90, "annual_p90")?,
                mean: row.optional_count(self.mean, "annual_mean")?,
            },
        })
    }
}

/// The national-by-industry cells for the given occupations, keyed by
/// (BLS SOC code, NAICS code).
pub(crate) fn read_national(
    path: &Path,
    occupations: &HashSet<String>,
) -> Result<HashMap<(String, String), OewsCell>, CatalogError> {
    let table = Table::csv(path)?;
    let columns = Columns::of(&table)?;
    let naics = table.column("naics_code")?;
    let industry = table.column("industry")?;
    let mut cells = HashMap::new();
    for row in table.rows() {
        let soc = hyphenate(row.get(columns.soc));
        if !occupations.contains(&soc) {
            continue;
        }
        let code = row.get(naics).to_owned();
        let cell = columns.cell(row, code.clone(), row.get(industry).to_owned())?;
        if cells.insert((soc, code), cell).is_some() {
            return Err(row.error("duplicate occupation and industry"));
        }
    }
    Ok(cells)
}

/// The all-industry cells by state for the given occupations, keyed by
/// (BLS SOC code, USPS state code).
pub(crate) fn read_states(
    path: &Path,
    occupations: &HashSet<String>,
) -> Result<HashMap<(String, String), OewsCell>, CatalogError> {
    let table = Table::csv(path)?;
    let columns = Columns::of(&table)?;
    let fips = table.column("state_fips")?;
    let mut cells = HashMap::new();
    for row in table.rows() {
        let soc = hyphenate(row.get(columns.soc));
        if !occupations.contains(&soc) {
            continue;
        }
        let state = states::by_fips(row.get(fips))
            .ok_or_else(|| row.error(format!("unknown state FIPS code {:?}", row.get(fips))))?;
        let cell = columns.cell(row, state.usps.to_owned(), state.name.to_owned())?;
        if cells.insert((soc, state.usps.to_owned()), cell).is_some() {
            return Err(row.error("duplicate occupation and state"));
        }
    }
    Ok(cells)
}
