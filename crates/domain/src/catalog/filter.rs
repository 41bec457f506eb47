//! Filters over the program catalog, checked like a profile is. The same
//! filter narrows `ListPrograms` and the programs `Recommend` ranks.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::named::Named;
use super::programs::{Accreditation, Control, DeliveryMode, Program, NON_CREDENTIAL_LEVEL};
use super::states;
use super::Catalog;
use crate::error::FieldViolation;

/// Filters as received: from a request, or a tenant's default filter in
/// the configuration (where the vocabularies are written by name).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ProgramFilterInput {
    /// IPEDS unit ids; each must name an institution in the catalog.
    pub unitids: Vec<u32>,
    /// USPS codes.
    pub states: Vec<String>,
    /// Scorecard credential levels.
    pub credential_levels: Vec<u32>,
    /// Controls (`public`, `private_nonprofit`, `private_for_profit`).
    pub controls: Vec<Named<Control>>,
    /// Accreditation statuses (`accredited`, `not_accredited`, `unknown`).
    pub accreditations: Vec<Named<Accreditation>>,
    /// Least median earnings.
    pub min_median_earnings: Option<u32>,
    /// Most median debt.
    pub max_median_debt: Option<u32>,
    /// Text the institution name or the program's name must contain.
    pub name_contains: String,
    /// Delivery modes (`online`, `hybrid`, `campus`).
    pub delivery_modes: Vec<Named<DeliveryMode>>,
    /// Only operator-only programs (true) or only public ones (false).
    pub operator_only: Option<bool>,
    /// Only programs known to include a practicum (true) or known not to
    /// (false).
    pub practicum: Option<bool>,
    /// Only programs known to offer career services (true) or known not to
    /// (false).
    pub career_services: Option<bool>,
    /// Most average net price a year at the institution (College
    /// Scorecard); a program whose institution's is unknown does not pass.
    pub max_net_price: Option<u32>,
}

/// Checked filters, in a canonical order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ProgramFilter {
    unitids: Vec<u32>,
    states: Vec<&'static str>,
    credential_levels: Vec<u8>,
    controls: Vec<Control>,
    accreditations: Vec<Accreditation>,
    min_median_earnings: Option<u32>,
    max_median_debt: Option<u32>,
    name_contains: String,
    delivery_modes: Vec<DeliveryMode>,
    operator_only: Option<bool>,
    practicum: Option<bool>,
    career_services: Option<bool>,
    max_net_price: Option<u32>,
}

/// Longest name text accepted.
const MAX_NAME_TEXT: usize = 200;

impl ProgramFilterInput {
    /// Checks every filter against the catalog, naming fields under
    /// `prefix` (e.g. `program_filter`; empty for top-level fields).
    pub fn check(
        self,
        catalog: &Catalog,
        prefix: &str,
    ) -> Result<ProgramFilter, Vec<FieldViolation>> {
        let field = |name: String| {
            if prefix.is_empty() {
                name
            } else {
                format!("{prefix}.{name}")
            }
        };
        let mut violations = Vec::new();
        let mut filter = ProgramFilter::default();
        // One pass over the catalog, however many ids are asked for.
        let asked: HashSet<u32> = self.unitids.iter().copied().collect();
        let known: HashSet<u32> = catalog
            .programs
            .values()
            .map(|p| p.unitid)
            .filter(|u| asked.contains(u))
            .collect();
        for (i, unitid) in self.unitids.iter().enumerate() {
            if known.contains(unitid) {
                filter.unitids.push(*unitid);
            } else {
                violations.push(FieldViolation::new(
                    field(format!("unitids[{i}]")),
                    "no program of this institution in the catalog",
                ));
            }
        }
        for (i, code) in self.states.iter().enumerate() {
            match states::by_usps(code).filter(|_| code.len() == 2) {
                Some(state) => filter.states.push(state.usps),
                None => violations.push(FieldViolation::new(
                    field(format!("states[{i}]")),
                    "not a two-letter USPS state code",
                )),
            }
        }
        for (i, level) in self.credential_levels.iter().enumerate() {
            match *level {
                1..=8 => filter.credential_levels.push(*level as u8),
                l if l == u32::from(NON_CREDENTIAL_LEVEL) => {
                    filter.credential_levels.push(NON_CREDENTIAL_LEVEL)
                }
                _ => violations.push(FieldViolation::new(
                    field(format!("credential_levels[{i}]")),
                    "Scorecard credential levels are 1-8 and 99",
                )),
            }
        }
        filter.controls = vocabulary(&self.controls, "controls", &field, &mut violations, |raw| {
            format!(
                "{raw:?} is not a known control (public, private_nonprofit, private_for_profit)"
            )
        });
        filter.accreditations = vocabulary(
            &self.accreditations,
            "accreditations",
            &field,
            &mut violations,
            |raw| {
                format!(
                    "{raw:?} is not a known accreditation status (accredited, not_accredited, unknown)"
                )
            },
        );
        filter.delivery_modes = vocabulary(
            &self.delivery_modes,
            "delivery_modes",
            &field,
            &mut violations,
            |raw| format!("{raw:?} is not online, hybrid or campus"),
        );
        if self.name_contains.chars().count() > MAX_NAME_TEXT {
            violations.push(FieldViolation::new(
                field("name_contains".to_owned()),
                format!("at most {MAX_NAME_TEXT} characters"),
            ));
        }
        if !violations.is_empty() {
            return Err(violations);
        }
        canonical(&mut filter.unitids, |u| *u);
        canonical(&mut filter.states, |s| *s);
        canonical(&mut filter.credential_levels, |l| *l);
        canonical(&mut filter.controls, |c| *c as u8);
        canonical(&mut filter.accreditations, |a| *a as u8);
        canonical(&mut filter.delivery_modes, |m| *m as u8);
        filter.min_median_earnings = self.min_median_earnings;
        filter.max_median_debt = self.max_median_debt;
        filter.name_contains = self.name_contains.trim().to_lowercase();
        filter.operator_only = self.operator_only;
        filter.practicum = self.practicum;
        filter.career_services = self.career_services;
        filter.max_net_price = self.max_net_price;
        Ok(filter)
    }
}

impl ProgramFilterInput {
    /// Checks an optional filter, adding its violations to `violations`:
    /// `Some(None)` when there is none, `Some(Some(filter))` when it
    /// passes, `None` when it does not.
    pub fn check_optional(
        input: Option<Self>,
        catalog: &Catalog,
        prefix: &str,
        violations: &mut Vec<FieldViolation>,
    ) -> Option<Option<ProgramFilter>> {
        match input {
            None => Some(None),
            Some(f) => match f.check(catalog, prefix) {
                Ok(filter) => Some(Some(filter)),
                Err(v) => {
                    violations.extend(v);
                    None
                }
            },
        }
    }
}

/// The values of a vocabulary field that are known; each unknown one is a
/// violation at `name[i]`, worded by `fault` from what was given.
fn vocabulary<T: Copy>(
    given: &[Named<T>],
    name: &str,
    field: &impl Fn(String) -> String,
    violations: &mut Vec<FieldViolation>,
    fault: impl Fn(&str) -> String,
) -> Vec<T> {
    let mut values = Vec::with_capacity(given.len());
    for (i, value) in given.iter().enumerate() {
        match value {
            Named::Known(v) => values.push(*v),
            Named::Unknown(raw) => violations.push(FieldViolation::new(
                field(format!("{name}[{i}]")),
                fault(raw),
            )),
        }
    }
    values
}

/// Sorted by `key` and without repeats: one filter, one form.
fn canonical<T: PartialEq, K: Ord>(values: &mut Vec<T>, key: impl FnMut(&T) -> K) {
    values.sort_unstable_by_key(key);
    values.dedup();
}

/// Whether `text` contains `folded` (already lower case), in any case.
fn contains_folded(text: &str, folded: &str) -> bool {
    text.to_lowercase().contains(folded)
}

impl ProgramFilter {
    /// Whether a program passes every filter.
    pub fn matches(&self, program: &Program) -> bool {
        (self.unitids.is_empty() || self.unitids.binary_search(&program.unitid).is_ok())
            && self
                .operator_only
                .is_none_or(|only| program.operator_only == only)
            && (self.states.is_empty() || program.state.is_some_and(|s| self.states.contains(&s)))
            && (self.credential_levels.is_empty()
                || self.credential_levels.contains(&program.credential_level))
            && (self.controls.is_empty() || self.controls.contains(&program.control))
            && (self.accreditations.is_empty()
                || self.accreditations.contains(&program.accreditation))
            && self
                .min_median_earnings
                .is_none_or(|min| program.median_earnings.is_some_and(|e| e >= min))
            && self
                .max_median_debt
                .is_none_or(|max| program.median_debt.is_some_and(|d| d <= max))
            && self
                .practicum
                .is_none_or(|wanted| program.facts.practicum == Some(wanted))
            && self
                .career_services
                .is_none_or(|wanted| program.facts.career_services == Some(wanted))
            && self.max_net_price.is_none_or(|max| {
                program
                    .cost
                    .and_then(|c| c.net_price)
                    .is_some_and(|n| i64::from(n) <= i64::from(max))
            })
            && (self.delivery_modes.is_empty()
                || program
                    .delivery()
                    .is_some_and(|d| self.delivery_modes.contains(&d)))
            && (self.name_contains.is_empty()
                || contains_folded(&program.institution_name, &self.name_contains)
                || program
                    .facts
                    .program_name
                    .as_deref()
                    .is_some_and(|name| contains_folded(name, &self.name_contains)))
    }

    /// A short digest of the filter, to bind page tokens to it.
    pub fn digest(&self) -> [u8; 8] {
        // Conditions added later count only when set, so page tokens
        // issued before them stay good.
        let text = format!("{self:?}")
            .replace(", practicum: None, career_services: None", "")
            .replace(", max_net_price: None", "");
        let hash = Sha256::digest(text.as_bytes());
        let mut out = [0; 8];
        out.copy_from_slice(&hash[..8]);
        out
    }
}
