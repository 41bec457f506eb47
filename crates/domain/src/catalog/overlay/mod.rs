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

mod row;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::programs::Program;
use super::Catalog;
use row::{own_program, row_key, Stated};

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
            let (unitid, level) = row_key(fields, scope, &mut seen)?;
            let stated = Stated::read(fields, catalog)?;
            let public = catalog.programs.position(unitid, level);
            let mut program = match public {
                Some(i) => catalog.programs[i].clone(),
                None => own_program(catalog, fields, unitid, level)?,
            };
            stated.merge_into(&mut program, fields)?;
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
