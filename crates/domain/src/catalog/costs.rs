//! What an institution costs (College Scorecard institution data, cost
//! year 2022-23: `data/scorecard_institution_costs_2022_23.csv`). The
//! figures are the institution's, for its undergraduates, not a
//! program's: a program's total is an estimate from its length. The cost
//! year is older than the program outcomes' release, and is served with
//! them.

use std::collections::HashMap;
use std::path::Path;

use super::table::Table;
use super::CatalogError;

/// The academic year the costs are for.
pub const COST_YEAR: &str = "2022-23";

/// One institution's costs, in dollars a year; `None` is unknown (NULL or
/// PrivacySuppressed in the source), never 0.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct InstitutionCost {
    /// Average annual cost of attendance before aid: tuition and fees,
    /// books and supplies, and living costs.
    pub cost_of_attendance: Option<u32>,
    /// Whether the cost of attendance is for a program year (an
    /// institution that teaches in program years, `costt4_p`) rather than
    /// an academic year (`costt4_a`).
    pub program_year: bool,
    /// In-state tuition and fees.
    pub tuition_in_state: Option<u32>,
    /// Out-of-state tuition and fees.
    pub tuition_out_of_state: Option<u32>,
    /// Average net price after grants and scholarships, for full-time
    /// first-time undergraduates who receive aid; below 0 where grants
    /// exceed the cost.
    pub net_price: Option<i32>,
    /// Whether the institution teaches only at a distance.
    pub distance_only: Option<bool>,
}

impl InstitutionCost {
    /// The tuition for a student of `person_state` at an institution in
    /// `institution_state`: in-state when they are the same (or no state
    /// is known), out-of-state otherwise; with whether it is in-state.
    pub fn tuition_for(
        &self,
        person_state: Option<&str>,
        institution_state: Option<&str>,
    ) -> (Option<u32>, bool) {
        match (person_state, institution_state) {
            (Some(p), Some(i)) if p != i => (self.tuition_out_of_state, false),
            _ => (self.tuition_in_state, true),
        }
    }
}

/// Reads the costs file, by IPEDS unit id.
pub(crate) fn read(path: &Path) -> Result<HashMap<u32, InstitutionCost>, CatalogError> {
    let table = Table::csv(path)?;
    let unitid = table.column("unitid")?;
    let academic = table.column("costt4_a")?;
    let program = table.column("costt4_p")?;
    let tuition_in = table.column("tuitionfee_in")?;
    let tuition_out = table.column("tuitionfee_out")?;
    let public = table.column("npt4_pub")?;
    let private = table.column("npt4_priv")?;
    let distance = table.column("distanceonly")?;
    let mut costs = HashMap::new();
    for row in table.rows() {
        let id = row.count(unitid, "unitid")?;
        let academic = row.optional_count(academic, "costt4_a")?;
        let program = row.optional_count(program, "costt4_p")?;
        if academic.is_some() && program.is_some() {
            return Err(row.error("both an academic-year and a program-year cost"));
        }
        let net = |column: usize, name: &str| -> Result<Option<i32>, CatalogError> {
            Ok(row.optional_number(column, name)?.map(|n| n.round() as i32))
        };
        let (public, private) = (net(public, "npt4_pub")?, net(private, "npt4_priv")?);
        if public.is_some() && private.is_some() {
            return Err(row.error("both a public and a private net price"));
        }
        let distance_only = match row.get(distance) {
            "" => None,
            "0" => Some(false),
            "1" => Some(true),
            other => return Err(row.error(format!("distanceonly {other:?} is not 0 or 1"))),
        };
        let cost = InstitutionCost {
            cost_of_attendance: academic.or(program),
            program_year: program.is_some(),
            tuition_in_state: row.optional_count(tuition_in, "tuitionfee_in")?,
            tuition_out_of_state: row.optional_count(tuition_out, "tuitionfee_out")?,
            net_price: public.or(private),
            distance_only,
        };
        if costs.insert(id, cost).is_some() {
            return Err(row.error(format!("unitid {id} listed twice")));
        }
    }
    Ok(costs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tuition_follows_the_person_state() {
        let cost = InstitutionCost {
            tuition_in_state: Some(4000),
            tuition_out_of_state: Some(12000),
            ..InstitutionCost::default()
        };
        assert_eq!(cost.tuition_for(Some("OH"), Some("OH")), (Some(4000), true));
        assert_eq!(
            cost.tuition_for(Some("TX"), Some("OH")),
            (Some(12000), false)
        );
        assert_eq!(cost.tuition_for(None, Some("OH")), (Some(4000), true));
    }
}
