//! An operator's own outcome records: profiles with the career path each
//! person actually took, read from CSV with every bad row reported.
//!
//! Columns (header required; all but `career_path` optional):
//!
//! | column | value |
//! |---|---|
//! | `career_path` | O*NET-SOC code of the path taken, e.g. `29-2072.00` |
//! | a skill id, e.g. `clinical_coding` | proficiency in [0, 1]; empty = not stated |
//! | `interest_realistic` ... `interest_conventional` | [0, 1]; all six or none |
//! | `highest_education` | a word (`associate`, `bachelor`, ...) or code 1-10; empty = not stated |
//! | `credentials` | codes separated by `;` |
//! | `state` | USPS code |

use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::ModelError;
use crate::catalog::Catalog;
use crate::profile::{EducationLevel, Profile, ProfileInput, INTEREST_FIELDS};

/// Fewest usable rows a file must have.
pub const MIN_USABLE_ROWS: usize = 30;
/// Least share of rows that must be usable.
pub const MIN_USABLE_SHARE: f64 = 0.5;

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
    /// The career path each took (index into the catalog).
    pub labels: Vec<usize>,
    /// Rows that were not used.
    pub rejected: Vec<RejectedRow>,
    /// SHA-256 of the file, hex.
    pub sha256: String,
    /// File name.
    pub file: String,
}

/// Where a model's outcome rows came from, kept in the artifact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutcomesRecord {
    /// File name.
    pub file: String,
    /// SHA-256 of the file, hex.
    pub sha256: String,
    /// Data rows read.
    pub rows_read: usize,
    /// Rows used.
    pub rows_used: usize,
    /// Rows rejected.
    pub rows_rejected: usize,
    /// Share of the training rows drawn from the public-data prior.
    pub prior_weight: f64,
    /// Public-data rows mixed in.
    pub prior_rows: usize,
}

impl Outcomes {
    /// Rows read, used or not.
    pub fn rows_read(&self) -> usize {
        self.profiles.len() + self.rejected.len()
    }
}

fn invalid(path: &Path, reason: String) -> ModelError {
    ModelError::Training(format!("{}: {reason}", path.display()))
}

/// Reads an outcomes file. Fails as a whole on a bad header, or when too
/// little of it is usable; otherwise lists each rejected row.
pub fn read(path: &Path, catalog: &Catalog) -> Result<Outcomes, ModelError> {
    let bytes = std::fs::read(path).map_err(|source| ModelError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let sha256 = crate::hex::encode(&Sha256::digest(&bytes));
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
        let known = column == "career_path"
            || column == "highest_education"
            || column == "credentials"
            || column == "state"
            || interest_columns.contains(column)
            || catalog.skill_index(column).is_some();
        if !known {
            return Err(invalid(path, format!("unknown column `{column}`")));
        }
    }
    let Some(label_column) = header.iter().position(|h| h == "career_path") else {
        return Err(invalid(path, "no `career_path` column".into()));
    };

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
            .and_then(|r| row(&header, &r, label_column, &interest_columns, catalog));
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
    Ok(outcomes)
}

/// One data row as a checked profile and a label, or why not.
fn row(
    header: &[String],
    record: &csv::StringRecord,
    label_column: usize,
    interest_columns: &[String],
    catalog: &Catalog,
) -> Result<(Profile, usize), String> {
    if record.len() != header.len() {
        return Err(format!(
            "{} fields where the header has {}",
            record.len(),
            header.len()
        ));
    }
    let label_raw = record[label_column].trim();
    let label = catalog
        .career_paths
        .iter()
        .position(|p| p.soc_code == label_raw)
        .ok_or_else(|| format!("career_path {label_raw:?} is not one of the catalog's paths"))?;

    let mut input = ProfileInput::default();
    let mut interests = [None; 6];
    for (column, raw) in header.iter().zip(record.iter()) {
        let raw = raw.trim();
        if raw.is_empty() || column == "career_path" {
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
