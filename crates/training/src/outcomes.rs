//! An operator's own outcome records: profiles with the career path each
//! person actually took, or only the work setting, read from CSV with every
//! bad row reported.
//!
//! Columns (header required; `career_path` or `work_setting` or both, the
//! rest optional):
//!
//! | column | value |
//! |---|---|
//! | `career_path` | O*NET-SOC code of the path taken, e.g. `29-2072.00` |
//! | `work_setting` | id of the setting, e.g. `hospitals`; used when `career_path` is empty |
//! | a skill id, e.g. `clinical_coding` | proficiency in [0, 1]; empty = not stated |
//! | `interest_realistic` ... `interest_conventional` | [0, 1]; all six or none |
//! | `highest_education` | a word (`associate`, `bachelor`, ...) or code 1-10; empty = not stated |
//! | `credentials` | codes separated by `;` |
//! | `state` | USPS code |

use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::TrainingError;
use himrec_domain::catalog::Catalog;
use himrec_domain::profile::{EducationLevel, Profile, ProfileInput, INTEREST_FIELDS};

/// Fewest usable rows a file must have.
pub const MIN_USABLE_ROWS: usize = 30;
/// Least share of rows that must be usable.
pub const MIN_USABLE_SHARE: f64 = 0.5;
/// Fewest usable rows that must name a career path: only they can be held
/// out to evaluate the model.
pub const MIN_PATH_ROWS: usize = 10;

/// What a person took.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Taken {
    /// A career path (index into the catalog's paths).
    Path(usize),
    /// Only a work setting (index into the catalog's settings); training
    /// infers the path.
    Setting(usize),
}

/// A row that could not be used, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RejectedRow {
    /// 1-based line in the file (the header is line 1).
    pub line: u64,
    /// Why.
    pub reason: String,
}

/// The usable rows of an outcomes file, and the rest.
#[derive(Debug, Clone)]
pub struct Outcomes {
    /// Usable profiles.
    pub profiles: Vec<Profile>,
    /// What each took.
    pub labels: Vec<Taken>,
    /// Rows that were not used.
    pub rejected: Vec<RejectedRow>,
    /// SHA-256 of the file, hex.
    pub sha256: String,
    /// File name.
    pub file: String,
}

impl Outcomes {
    /// Rows read, used or not.
    pub fn rows_read(&self) -> usize {
        self.profiles.len() + self.rejected.len()
    }

    /// Usable rows that name a career path.
    pub fn path_rows(&self) -> usize {
        self.labels
            .iter()
            .filter(|t| matches!(t, Taken::Path(_)))
            .count()
    }
}

fn invalid(path: &Path, reason: String) -> TrainingError {
    TrainingError::Outcomes {
        path: path.to_path_buf(),
        reason,
    }
}

/// Reads an outcomes file. Fails as a whole on a bad header, or when too
/// little of it is usable; otherwise lists each rejected row.
pub fn read(path: &Path, catalog: &Catalog) -> Result<Outcomes, TrainingError> {
    let bytes = std::fs::read(path).map_err(|source| TrainingError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let sha256 = hex::encode(Sha256::digest(&bytes));
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(bytes.as_slice());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| invalid(path, format!("bad header: {e}")))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    let interest_columns: Vec<String> = INTEREST_FIELDS
        .iter()
        .map(|f| format!("interest_{f}"))
        .collect();
    for column in &header {
        let known = LABEL_COLUMNS.contains(&column.as_str())
            || column == "highest_education"
            || column == "credentials"
            || column == "state"
            || interest_columns.contains(column)
            || catalog.skill_index(column).is_some();
        if !known {
            return Err(invalid(path, format!("unknown column `{column}`")));
        }
    }
    let labels = LABEL_COLUMNS.map(|name| header.iter().position(|h| h == name));
    if labels.iter().all(Option::is_none) {
        return Err(invalid(
            path,
            "no `career_path` or `work_setting` column".into(),
        ));
    }

    let mut outcomes = Outcomes {
        profiles: Vec::new(),
        labels: Vec::new(),
        rejected: Vec::new(),
        sha256,
        file: path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
    };
    for (i, record) in reader.records().enumerate() {
        let line = i as u64 + 2;
        let result = record
            .map_err(|e| e.to_string())
            .and_then(|r| row(&header, &r, labels, &interest_columns, catalog));
        match result {
            Ok((profile, label)) => {
                outcomes.profiles.push(profile);
                outcomes.labels.push(label);
            }
            Err(reason) => outcomes.rejected.push(RejectedRow { line, reason }),
        }
    }

    let read = outcomes.rows_read();
    let used = outcomes.profiles.len();
    if used < MIN_USABLE_ROWS || (used as f64) < MIN_USABLE_SHARE * read as f64 {
        let listed: Vec<String> = outcomes
            .rejected
            .iter()
            .take(20)
            .map(|r| format!("  line {}: {}", r.line, r.reason))
            .collect();
        return Err(invalid(
            path,
            format!(
                "only {used} of {read} rows are usable; training needs at least {MIN_USABLE_ROWS} \
                 and at least half of the file. Rejected rows:\n{}",
                listed.join("\n")
            ),
        ));
    }
    let path_rows = outcomes.path_rows();
    if path_rows < MIN_PATH_ROWS {
        return Err(invalid(
            path,
            format!(
                "only {path_rows} usable rows name a career path; at least {MIN_PATH_ROWS} must, \
                 to hold out for evaluating the model"
            ),
        ));
    }
    Ok(outcomes)
}

/// The columns saying what a person took, in the order [`row`] reads them.
const LABEL_COLUMNS: [&str; 2] = ["career_path", "work_setting"];

/// One data row as a checked profile and a label, or why not.
fn row(
    header: &[String],
    record: &csv::StringRecord,
    labels: [Option<usize>; 2],
    interest_columns: &[String],
    catalog: &Catalog,
) -> Result<(Profile, Taken), String> {
    if record.len() != header.len() {
        return Err(format!(
            "{} fields where the header has {}",
            record.len(),
            header.len()
        ));
    }
    let [career_path, work_setting] =
        labels.map(|column| column.map(|c| record[c].trim()).filter(|v| !v.is_empty()));
    let setting = work_setting
        .map(|raw| {
            let index = catalog
                .settings
                .iter()
                .position(|s| s.id == raw)
                .ok_or_else(|| {
                    format!("work_setting {raw:?} is not one of the catalog's settings")
                })?;
            if catalog.settings[index]
                .shares
                .iter()
                .all(|share| *share <= 0.0)
            {
                return Err(format!(
                    "work_setting {raw:?} employs none of the catalog's career paths"
                ));
            }
            Ok(index)
        })
        .transpose()?;
    let label = match (career_path, setting) {
        (Some(raw), _) => Taken::Path(
            catalog
                .career_paths
                .iter()
                .position(|p| p.soc_code == raw)
                .ok_or_else(|| format!("career_path {raw:?} is not one of the catalog's paths"))?,
        ),
        (None, Some(setting)) => Taken::Setting(setting),
        (None, None) => return Err("neither career_path nor work_setting given".into()),
    };

    let mut input = ProfileInput::default();
    let mut interests = [None; 6];
    for (column, raw) in header.iter().zip(record.iter()) {
        let raw = raw.trim();
        if raw.is_empty() || LABEL_COLUMNS.contains(&column.as_str()) {
            continue;
        }
        let number = || -> Result<f64, String> {
            raw.parse::<f64>()
                .map_err(|_| format!("{column}: {raw:?} is not a number"))
        };
        if let Some(i) = interest_columns.iter().position(|c| c == column) {
            interests[i] = Some(number()?);
        } else if column == "highest_education" {
            input.highest_education = match raw.parse::<i32>() {
                Ok(code) => code,
                Err(_) => EducationLevel::from_name(raw)
                    .ok_or_else(|| format!("highest_education {raw:?} is not a known level"))?
                    as i32,
            };
        } else if column == "credentials" {
            input.credentials = raw.split(';').map(|c| c.trim().to_owned()).collect();
        } else if column == "state" {
            input.state = raw.to_owned();
        } else {
            input.skills.push((column.clone(), number()?));
        }
    }
    match interests.iter().filter(|i| i.is_some()).count() {
        0 => {}
        6 => input.interests = Some(interests.map(|i| i.unwrap_or_default())),
        _ => return Err("give all six interest columns or none".into()),
    }
    let profile = input.check(catalog, "row").map_err(|violations| {
        violations
            .iter()
            .map(|v| format!("{}: {}", v.field.trim_start_matches("row."), v.description))
            .collect::<Vec<_>>()
            .join("; ")
    })?;
    Ok((profile, label))
}
