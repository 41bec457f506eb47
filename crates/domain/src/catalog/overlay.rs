//! The operator's program overlay: facts public data lacks (CAHIIM
//! accreditation, delivery mode, tuition, practicum, career services, URL,
//! the program's name and six-digit CIP code, the credentials it prepares
//! for) merged onto programs by (`unitid`, `credential_level`), and
//! programs of the operator's own. The whole file is checked first; any bad
//! row refuses it, so a server never serves half an overlay. A tenant's
//! overlay is given its [`Scope`]: a row about any other unit id is refused.
//!
//! A CSV file (`.csv`, with a header) or JSON Lines (`.jsonl` or `.json`,
//! one object per line) with these fields; empty or absent means unknown:
//!
//! | field | value |
//! |---|---|
//! | `unitid`, `credential_level` | required; the program's key |
//! | `cahiim_accredited` | `true` or `false` |
//! | `delivery_mode` | `online`, `hybrid` or `campus` |
//! | `tuition` | yearly dollars |
//! | `practicum`, `career_services` | `true` or `false` |
//! | `program_url` | `http(s)://...` |
//! | `program_name` | the program's own name, at most 200 characters |
//! | `cip_code` | six digits within the program's CIP family, `51.0707` or `510707`; a program of the operator's own may also be `51.2706` (Medical Informatics) |
//! | `prepares_for` | credential codes (`RHIT`, `CCS`, ...), separated by `;` in CSV, a list or that text in JSON |
//! | `institution_name`, `state`, `control` | required for a program not in the public data |

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::programs::{
    Accreditation, Control, DeliveryMode, OperatorFacts, Program, NON_CREDENTIAL_LEVEL,
};
use super::states;
use super::Catalog;

/// Why an overlay was refused.
#[derive(Debug, thiserror::Error)]
#[error("program overlay {} refused:{}", path.display(), problems.iter().map(|(line, reason)| format!("\n  line {line}: {reason}")).collect::<String>())]
pub struct OverlayError {
    /// The file.
    pub path: PathBuf,
    /// (line, reason) of every bad row; line 0 for the file as a whole.
    pub problems: Vec<(u64, String)>,
}

/// What an overlay did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverlaySummary {
    /// Public programs that received facts.
    pub merged: usize,
    /// Programs of the operator's own that were added.
    pub added: usize,
}

/// Whose overlay this is: a tenant may speak only of its own unit ids.
#[derive(Debug, Clone, Copy)]
pub struct Scope<'a> {
    /// The tenant's name, for errors.
    pub tenant: &'a str,
    /// The unit ids it speaks for.
    pub unitids: &'a HashSet<u32>,
}

/// Longest program name accepted.
const MAX_PROGRAM_NAME: usize = 200;

/// CIP 51.27, where Medical Informatics (51.2706) sits.
const INFORMATICS_CIP: (&str, &str) = ("5127", "Medical Illustration and Informatics");

const FIELDS: [&str; 14] = [
    "unitid",
    "credential_level",
    "cahiim_accredited",
    "delivery_mode",
    "tuition",
    "practicum",
    "career_services",
    "program_url",
    "institution_name",
    "state",
    "control",
    "program_name",
    "cip_code",
    "prepares_for",
];

/// One row as text fields, with its line.
type RawRow = (u64, HashMap<String, String>);

fn read_rows(path: &Path) -> Result<Vec<RawRow>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read: {e}"))?;
    let is_csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if is_csv {
        let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
        let header: Vec<String> = reader
            .headers()
            .map_err(|e| format!("bad header: {e}"))?
            .iter()
            .map(|h| h.trim().to_owned())
            .collect();
        if let Some(unknown) = header.iter().find(|h| !FIELDS.contains(&h.as_str())) {
            return Err(format!("unknown column `{unknown}`"));
        }
        let mut rows = Vec::new();
        for (i, record) in reader.records().enumerate() {
            let line = i as u64 + 2;
            let record = record.map_err(|e| format!("line {line}: {e}"))?;
            let fields = header
                .iter()
                .cloned()
                .zip(record.iter().map(|v| v.trim().to_owned()))
                .filter(|(_, v)| !v.is_empty())
                .collect();
            rows.push((line, fields));
        }
        Ok(rows)
    } else {
        let mut rows = Vec::new();
        for (i, line_text) in text.lines().enumerate() {
            let line = i as u64 + 1;
            if line_text.trim().is_empty() {
                continue;
            }
            let value: serde_json::Value = serde_json::from_str(line_text)
                .map_err(|e| format!("line {line}: not a JSON object: {e}"))?;
            let object = value
                .as_object()
                .ok_or_else(|| format!("line {line}: not a JSON object"))?;
            let mut fields = HashMap::new();
            for (key, value) in object {
                if !FIELDS.contains(&key.as_str()) {
                    return Err(format!("line {line}: unknown field `{key}`"));
                }
                let text = match value {
                    serde_json::Value::Null => continue,
                    serde_json::Value::String(s) => s.trim().to_owned(),
                    serde_json::Value::Array(items) => items
                        .iter()
                        .map(|item| {
                            item.as_str().map(str::trim).ok_or_else(|| {
                                format!("line {line}: `{key}` must be a list of strings")
                            })
                        })
                        .collect::<Result<Vec<_>, _>>()?
                        .join(";"),
                    other => other.to_string(),
                };
                if !text.is_empty() {
                    fields.insert(key.clone(), text);
                }
            }
            rows.push((line, fields));
        }
        Ok(rows)
    }
}

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

/// Checks an overlay file whole, then merges it into the catalog; with a
/// `scope`, a row about a unit id outside it is refused.
pub fn apply(
    catalog: &mut Catalog,
    path: &Path,
    scope: Option<Scope<'_>>,
) -> Result<OverlaySummary, OverlayError> {
    let refuse = |problems| OverlayError {
        path: path.to_path_buf(),
        problems,
    };
    let rows = read_rows(path).map_err(|reason| refuse(vec![(0, reason)]))?;
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    let mut updates: Vec<(usize, Program)> = Vec::new();
    let mut added = Vec::new();
    for (line, fields) in &rows {
        let result = (|| -> Result<(), String> {
            let unitid = number(fields, "unitid")?.ok_or("unitid is required")?;
            if let Some(scope) = scope {
                if !scope.unitids.contains(&unitid) {
                    return Err(format!(
                        "unitid {unitid} is not one of tenant {:?}'s unit ids; a tenant states facts only about its own programs",
                        scope.tenant
                    ));
                }
            }
            let level =
                number(fields, "credential_level")?.ok_or("credential_level is required")?;
            let level = match level {
                1..=8 => level as u8,
                99 => NON_CREDENTIAL_LEVEL,
                _ => return Err(format!("credential_level {level} is not 1-8 or 99")),
            };
            if !seen.insert((unitid, level)) {
                return Err(format!("unitid {unitid} at level {level} is given twice"));
            }
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
            let public = catalog.programs.position(unitid, level);
            let mut program = match public {
                Some(i) => catalog.programs[i].clone(),
                None => {
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
                    Program {
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
                    }
                }
            };
            if let Some(a) = accredited {
                program.accreditation = if a {
                    Accreditation::Accredited
                } else {
                    Accreditation::NotAccredited
                };
            }
            let facts = &mut program.facts;
            facts.delivery = delivery.or(facts.delivery);
            facts.tuition = number(fields, "tuition")?.or(facts.tuition);
            facts.practicum = flag(fields, "practicum")?.or(facts.practicum);
            facts.career_services = flag(fields, "career_services")?.or(facts.career_services);
            facts.url = url.or(facts.url.take());
            facts.program_name = program_name.or(facts.program_name.take());
            if let Some(codes) = prepares_for {
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
            match public {
                Some(i) => updates.push((i, program)),
                None => added.push(program),
            }
            Ok(())
        })();
        if let Err(reason) = result {
            problems.push((*line, reason));
        }
    }
    if !problems.is_empty() {
        return Err(refuse(problems));
    }
    let summary = OverlaySummary {
        merged: updates.len(),
        added: added.len(),
    };
    for (i, program) in updates {
        catalog.programs.set(i, program);
    }
    for program in added {
        catalog.programs.push(program);
    }
    Ok(summary)
}
