//! College Scorecard programs (field of study by institution).

use std::collections::HashSet;
use std::path::Path;

use super::costs::InstitutionCost;
use super::states;
use super::table::Table;
use super::CatalogError;

/// Institutional control.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Control {
    /// Public.
    Public,
    /// Private nonprofit.
    PrivateNonprofit,
    /// Private for-profit.
    PrivateForProfit,
}

impl Control {
    fn parse(raw: &str) -> Option<Self> {
        match raw {
            "Public" => Some(Self::Public),
            "Private, nonprofit" => Some(Self::PrivateNonprofit),
            "Private, for-profit" => Some(Self::PrivateForProfit),
            _ => None,
        }
    }
}

/// Programmatic accreditation. Public data carries none, so everything
/// loaded from Scorecard is `Unknown`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Accreditation {
    /// No source says.
    Unknown,
    /// Accredited.
    Accredited,
    /// Known not to be accredited.
    NotAccredited,
}

/// Scorecard credential level 99: preparatory coursework, no credential.
pub const NON_CREDENTIAL_LEVEL: u8 = 99;

/// One program at one institution at one credential level.
#[derive(Debug, Clone, PartialEq)]
pub struct Program {
    /// IPEDS unit id.
    pub unitid: u32,
    /// Institution name.
    pub institution_name: String,
    /// The six-digit OPEID of the institution group Scorecard reports the
    /// program's figures for (a main campus and its branches); `None` for
    /// an operator's own program.
    pub opeid6: Option<String>,
    /// USPS state code; `None` where Scorecard gives none.
    pub state: Option<&'static str>,
    /// Control.
    pub control: Control,
    /// CIP code as Scorecard writes it (`5107`).
    pub cip_code: String,
    /// CIP title.
    pub cip_title: String,
    /// Scorecard credential level: 1-8, or 99 for non-credential.
    pub credential_level: u8,
    /// Scorecard's description of the level.
    pub credential_description: String,
    /// Completers; `None` when suppressed.
    pub completers: Option<u32>,
    /// Median earnings; `None` when suppressed.
    pub median_earnings: Option<u32>,
    /// When earnings were measured.
    pub earnings_horizon: String,
    /// Median debt; `None` when suppressed.
    pub median_debt: Option<u32>,
    /// Debt-to-earnings ratio; `None` when either side is suppressed.
    pub debt_to_earnings: Option<f64>,
    /// The state's earnings threshold.
    pub state_earnings_threshold: Option<u32>,
    /// Accreditation.
    pub accreditation: Accreditation,
    /// Facts only the operator's overlay gives; all unknown otherwise.
    pub facts: OperatorFacts,
    /// Added by the operator's overlay, not in the public data.
    pub operator_only: bool,
    /// The institution's costs (College Scorecard, cost year
    /// [`super::COST_YEAR`]); `None` when Scorecard has none for it or the
    /// program is the operator's own.
    pub cost: Option<InstitutionCost>,
}

/// What an operator knows of a program that public data does not say;
/// `None` is unknown, which is not the same as no.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OperatorFacts {
    /// How it is delivered.
    pub delivery: Option<DeliveryMode>,
    /// Yearly tuition in dollars.
    pub tuition: Option<u32>,
    /// Whether it includes a practicum or internship.
    pub practicum: Option<bool>,
    /// Whether it offers career services.
    pub career_services: Option<bool>,
    /// The program's web page.
    pub url: Option<String>,
    /// The program's own name, e.g. "AAS Health Information Technology".
    pub program_name: Option<String>,
    /// Its six-digit CIP code with the dot, e.g. `51.0707`.
    pub detailed_cip_code: Option<String>,
    /// Codes of the catalog's credentials it prepares for, e.g. `RHIT`,
    /// without repeats, as the catalog spells them.
    pub prepares_for: Vec<String>,
}

/// What the CIP family of public data's programs holds, said where a
/// program has no name of its own (NCES CIP 2020, series 51.07).
impl Program {
    /// How it is delivered: as the operator says, else online where the
    /// institution teaches only at a distance (College Scorecard), else
    /// unknown.
    pub fn delivery(&self) -> Option<DeliveryMode> {
        self.facts.delivery.or_else(|| {
            self.cost
                .and_then(|c| c.distance_only)
                .filter(|&only| only)
                .map(|_| DeliveryMode::Online)
        })
    }

    /// What the program is: its own name from the operator, else the CIP
    /// family and credential level Scorecard reports.
    pub fn title(&self) -> String {
        if let Some(name) = &self.facts.program_name {
            return name.clone();
        }
        // Written by hand: this runs for every program served.
        let code = &self.cip_code;
        let mut title = String::with_capacity(
            self.cip_title.len() + self.credential_description.len() + code.len() + 10,
        );
        title.push_str(&self.cip_title);
        title.push_str(" (CIP ");
        match (code.get(..2), code.get(2..)) {
            (Some(family), Some(series)) if code.len() == 4 => {
                title.push_str(family);
                title.push('.');
                title.push_str(series);
            }
            _ => title.push_str(code),
        }
        title.push_str("), ");
        title.push_str(&self.credential_description);
        title
    }

    /// Median earnings minus an earnings threshold, in dollars; `None`
    /// when Scorecard suppressed the earnings.
    pub fn earnings_premium(&self, threshold: u32) -> Option<i64> {
        Some(i64::from(self.median_earnings?) - i64::from(threshold))
    }

    /// Years of the earnings premium over `threshold` that add up to the
    /// median debt; `None` when either figure is suppressed or graduates do
    /// not earn above the threshold (the premium then never repays it).
    pub fn payback_years(&self, threshold: u32) -> Option<f64> {
        let premium = self.earnings_premium(threshold)?;
        let debt = self.median_debt?;
        (premium > 0).then(|| f64::from(debt) / premium as f64)
    }
}

/// How a program is delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DeliveryMode {
    /// Fully online.
    Online,
    /// Partly online.
    Hybrid,
    /// On campus.
    Campus,
}

impl DeliveryMode {
    /// Reads `online`, `hybrid` or `campus`, in any case.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "online" => Some(Self::Online),
            "hybrid" => Some(Self::Hybrid),
            "campus" => Some(Self::Campus),
            _ => None,
        }
    }
}

impl Accreditation {
    /// Reads `accredited`, `not_accredited` or `unknown`, in any case.
    pub fn from_name(raw: &str) -> Option<Self> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "accredited" => Some(Self::Accredited),
            "not_accredited" => Some(Self::NotAccredited),
            "unknown" => Some(Self::Unknown),
            _ => None,
        }
    }
}

impl Control {
    /// Reads Scorecard's wording, or `public`, `private_nonprofit`,
    /// `private_for_profit`.
    pub fn from_name(raw: &str) -> Option<Self> {
        Self::parse(raw).or(match raw.trim().to_ascii_lowercase().as_str() {
            "public" => Some(Self::Public),
            "private_nonprofit" => Some(Self::PrivateNonprofit),
            "private_for_profit" => Some(Self::PrivateForProfit),
            _ => None,
        })
    }
}

/// Reads and checks every program in the Scorecard extract, keeping the
/// non-credential rows (level 99) so the catalog mirrors its source; the
/// ranking leaves them out.
pub(crate) fn read(path: &Path) -> Result<Vec<Program>, CatalogError> {
    let table = Table::csv(path)?;
    let unitid = table.column("unitid")?;
    let name = table.column("inst_name")?;
    let opeid6 = table.column("opeid6")?;
    let state = table.column("state")?;
    let control = table.column("control")?;
    let cip = table.column("cip_code")?;
    let cip_desc = table.column("cip_desc")?;
    let level = table.column("credential_level")?;
    let level_desc = table.column("credential_desc")?;
    let completers = table.column("completers_count")?;
    let earnings = table.column("earnings")?;
    let horizon = table.column("earnings_horizon")?;
    let threshold = table.column("earnings_threshold_state")?;
    let debt = table.column("debt_median")?;
    let dte = table.column("debt_to_earnings_ratio")?;

    let mut seen = HashSet::new();
    let mut programs = Vec::new();
    for row in table.rows() {
        let id = row.count(unitid, "unitid")?;
        let credential_level = row.count(level, "credential_level")?;
        let credential_level = match credential_level {
            1..=8 => credential_level as u8,
            99 => NON_CREDENTIAL_LEVEL,
            other => return Err(row.error(format!("credential_level {other} is not 1-8 or 99"))),
        };
        if !seen.insert((id, credential_level)) {
            return Err(row.error(format!(
                "duplicate program: unitid {id} at credential level {credential_level}"
            )));
        }
        let state = match row.get(state) {
            "" => None,
            raw => Some(
                states::by_usps(raw)
                    .filter(|_| raw.len() == 2)
                    .ok_or_else(|| row.error(format!("unknown state {raw:?}")))?
                    .usps,
            ),
        };
        let control = Control::parse(row.get(control))
            .ok_or_else(|| row.error(format!("unknown control {:?}", row.get(control))))?;
        let median_earnings = row.optional_count(earnings, "earnings")?;
        let median_debt = row.optional_count(debt, "debt_median")?;
        let debt_to_earnings = row.optional_number(dte, "debt_to_earnings_ratio")?;
        if median_earnings == Some(0) || median_debt == Some(0) {
            return Err(row.error("earnings or debt of 0: suppressed values must be empty"));
        }
        programs.push(Program {
            unitid: id,
            institution_name: row.get(name).to_owned(),
            opeid6: Some(row.get(opeid6).to_owned()).filter(|o| !o.is_empty()),
            state,
            control,
            cip_code: row.get(cip).to_owned(),
            cip_title: row.get(cip_desc).trim_end_matches('.').to_owned(),
            credential_level,
            credential_description: row.get(level_desc).to_owned(),
            completers: row.optional_count(completers, "completers_count")?,
            median_earnings,
            earnings_horizon: row.get(horizon).to_owned(),
            median_debt,
            debt_to_earnings,
            state_earnings_threshold: row.optional_count(threshold, "earnings_threshold_state")?,
            accreditation: Accreditation::Unknown,
            facts: OperatorFacts::default(),
            operator_only: false,
            cost: None,
        });
    }
    if programs.is_empty() {
        return Err(CatalogError::at(table.path(), 1, "no programs".into()));
    }
    Ok(programs)
}
