//! One overlay row checked: its key within the tenant's scope, the facts
//! it states, and the program it adds when the public data has none.

use std::collections::{HashMap, HashSet};

use super::Scope;
use crate::catalog::programs::{
    Accreditation, Control, DeliveryMode, OperatorFacts, Program, NON_CREDENTIAL_LEVEL,
};
use crate::catalog::{states, Catalog};

/// Longest program name accepted.
const MAX_PROGRAM_NAME: usize = 200;

/// CIP 51.27, where Medical Informatics (51.2706) sits.
const INFORMATICS_CIP: (&str, &str) = ("5127", "Medical Illustration and Informatics");

fn flag(fields: &HashMap<String, String>, name: &str) -> Result<Option<bool>, String> {
    match fields.get(name).map(|v| v.to_ascii_lowercase()) {
        None => Ok(None),
        Some(v) if v == "true" => Ok(Some(true)),
        Some(v) if v == "false" => Ok(Some(false)),
        Some(v) => Err(format!("{name} {v:?} is not true or false")),
    }
}

fn number(fields: &HashMap<String, String>, name: &str) -> Result<Option<u32>, String> {
    fields
        .get(name)
        .map(|v| {
            v.parse::<u32>()
                .map_err(|_| format!("{name} {v:?} is not a whole number"))
        })
        .transpose()
}

/// The six-digit CIP code `raw` (`51.0707` or `510707`) with its dot, if it
/// lies within `family` (four digits, e.g. `5107`).
fn detailed_cip(raw: &str, family: &str) -> Result<String, String> {
    let digits: String = raw.chars().filter(|c| *c != '.').collect();
    let shaped = digits.len() == 6
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (raw.len() == 6 || raw.find('.') == Some(2));
    if !shaped {
        return Err(format!(
            "cip_code {raw:?} is not a six-digit CIP code like 51.0707"
        ));
    }
    if !digits.starts_with(family) {
        return Err(format!(
            "cip_code {raw:?} is not within the program's CIP family {}.{}",
            &family[..2],
            &family[2..]
        ));
    }
    Ok(format!("{}.{}", &digits[..2], &digits[2..]))
}

/// The credential codes in `raw` (separated by `;`), as the catalog spells
/// them, without repeats.
fn credential_codes(catalog: &Catalog, raw: &str) -> Result<Vec<String>, String> {
    let mut codes: Vec<String> = Vec::new();
    for code in raw.split(';').map(str::trim).filter(|c| !c.is_empty()) {
        let index = catalog.credential_index(code).ok_or_else(|| {
            let known: Vec<&str> = catalog
                .credentials
                .iter()
                .map(|c| c.code.as_str())
                .collect();
            format!(
                "prepares_for: {code:?} is not a known credential ({})",
                known.join(", ")
            )
        })?;
        let code = &catalog.credentials[index].code;
        if !codes.contains(code) {
            codes.push(code.clone());
        }
    }
    Ok(codes)
}

/// A row's key, (unit id, credential level): within the tenant's scope,
/// a level Scorecard knows, and not given before in the file.
pub(super) fn row_key(
    fields: &HashMap<String, String>,
    scope: Option<Scope<'_>>,
    seen: &mut HashSet<(u32, u8)>,
) -> Result<(u32, u8), String> {
    let unitid = number(fields, "unitid")?.ok_or("unitid is required")?;
    if let Some(scope) = scope {
        if !scope.unitids.contains(&unitid) {
            return Err(format!(
                "unitid {unitid} is not one of tenant {:?}'s unit ids; a tenant states facts only about its own programs",
                scope.tenant
            ));
        }
    }
    let level = number(fields, "credential_level")?.ok_or("credential_level is required")?;
    let level = match level {
        1..=8 => level as u8,
        99 => NON_CREDENTIAL_LEVEL,
        _ => return Err(format!("credential_level {level} is not 1-8 or 99")),
    };
    if !seen.insert((unitid, level)) {
        return Err(format!("unitid {unitid} at level {level} is given twice"));
    }
    Ok((unitid, level))
}

/// The facts a row states that are checked before the program is found.
pub(super) struct Stated {
    accredited: Option<bool>,
    delivery: Option<DeliveryMode>,
    url: Option<String>,
    program_name: Option<String>,
    prepares_for: Option<Vec<String>>,
}

impl Stated {
    pub(super) fn read(
        fields: &HashMap<String, String>,
        catalog: &Catalog,
    ) -> Result<Self, String> {
        let accredited = flag(fields, "cahiim_accredited")?;
        let delivery = fields
            .get("delivery_mode")
            .map(|v| {
                DeliveryMode::parse(v).ok_or(format!(
                    "delivery_mode {v:?} is not online, hybrid or campus"
                ))
            })
            .transpose()?;
        let url = fields.get("program_url").cloned();
        if let Some(u) = &url {
            if !(u.starts_with("https://") || u.starts_with("http://")) {
                return Err(format!("program_url {u:?} is not an http(s) URL"));
            }
        }
        let program_name = fields.get("program_name").cloned();
        if program_name
            .as_ref()
            .is_some_and(|n| n.chars().count() > MAX_PROGRAM_NAME)
        {
            return Err(format!(
                "program_name is longer than {MAX_PROGRAM_NAME} characters"
            ));
        }
        let prepares_for = fields
            .get("prepares_for")
            .map(|v| credential_codes(catalog, v))
            .transpose()?;
        Ok(Self {
            accredited,
            delivery,
            url,
            program_name,
            prepares_for,
        })
    }

    /// Merges these facts and the row's others (tuition, practicum, career
    /// services, detailed CIP code) into `program`; what the row leaves
    /// empty keeps what was known.
    pub(super) fn merge_into(
        self,
        program: &mut Program,
        fields: &HashMap<String, String>,
    ) -> Result<(), String> {
        if let Some(a) = self.accredited {
            program.accreditation = if a {
                Accreditation::Accredited
            } else {
                Accreditation::NotAccredited
            };
        }
        let facts = &mut program.facts;
        facts.delivery = self.delivery.or(facts.delivery);
        facts.tuition = number(fields, "tuition")?.or(facts.tuition);
        facts.practicum = flag(fields, "practicum")?.or(facts.practicum);
        facts.career_services = flag(fields, "career_services")?.or(facts.career_services);
        facts.url = self.url.or(facts.url.take());
        facts.program_name = self.program_name.or(facts.program_name.take());
        if let Some(codes) = self.prepares_for {
            facts.prepares_for = codes;
        }
        if let Some(raw) = fields.get("cip_code") {
            let informatics = program.operator_only
                && raw.chars().filter(|c| *c != '.').collect::<String>() == "512706";
            if informatics {
                (program.cip_code, program.cip_title) =
                    (INFORMATICS_CIP.0.into(), INFORMATICS_CIP.1.into());
            }
            program.facts.detailed_cip_code = Some(detailed_cip(raw, &program.cip_code)?);
        }
        Ok(())
    }
}

/// A program of the operator's own, not in the public data: the row must
/// name its institution, state and control.
pub(super) fn own_program(
    catalog: &Catalog,
    fields: &HashMap<String, String>,
    unitid: u32,
    level: u8,
) -> Result<Program, String> {
    let missing: Vec<&str> = ["institution_name", "state", "control"]
        .into_iter()
        .filter(|f| !fields.contains_key(*f))
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "no program with unitid {unitid} at level {level} in the public data; to add one, give {}",
            missing.join(", ")
        ));
    }
    let state = &fields["state"];
    let state = states::by_usps(state)
        .filter(|_| state.len() == 2)
        .ok_or(format!("state {state:?} is not a USPS code"))?;
    let control = Control::from_name(&fields["control"]).ok_or(format!(
        "control {:?} is not public, private_nonprofit or private_for_profit",
        fields["control"]
    ))?;
    Ok(Program {
        unitid,
        institution_name: fields["institution_name"].clone(),
        state: Some(state.usps),
        control,
        opeid6: None,
        cip_code: "5107".into(),
        cip_title: "Health and Medical Administrative Services".into(),
        credential_level: level,
        // Scorecard's own wording for the level.
        credential_description: catalog
            .programs
            .values()
            .find(|p| p.credential_level == level)
            .map(|p| p.credential_description.clone())
            .unwrap_or_default(),
        completers: None,
        median_earnings: None,
        earnings_horizon: String::new(),
        median_debt: None,
        debt_to_earnings: None,
        state_earnings_threshold: None,
        accreditation: Accreditation::Unknown,
        facts: OperatorFacts::default(),
        operator_only: true,
        cost: None,
    })
}
