//! Work settings: groups of NAICS industries, with the BLS cells of every
//! career path in them.

use std::collections::HashMap;
use std::path::Path;

use super::career_paths::CareerPath;
use super::definitions::SettingDefinition;
use super::error::CatalogError;
use super::oews::OewsCell;

/// A work setting: a group of NAICS industries, with the BLS cells of every
/// career path in them.
#[derive(Debug, Clone)]
pub struct WorkSetting {
    /// Stable id, e.g. `hospitals`.
    pub id: String,
    /// Human name.
    pub name: String,
    /// Its name in Spanish (`catalog/spanish.json`).
    pub name_es: String,
    /// NAICS codes as BLS writes them.
    pub naics_codes: Vec<String>,
    /// `cells[path][i]`: career path `path` in `naics_codes[i]`, where BLS
    /// publishes the cell.
    pub cells: Vec<Vec<Option<OewsCell>>>,
    /// Share of each career path's national employment that works here,
    /// from published cells.
    pub shares: Vec<f64>,
    /// Employment of the core HIM career paths here, from published cells.
    pub him_employment: u32,
}

/// NAICS code with its trailing zeros trimmed: `622000` -> `622`. One code
/// is inside another when its trimmed form starts with the other's.
fn naics_prefix(code: &str) -> &str {
    code.trim_end_matches('0')
}

/// Builds the work settings, in definition order, from their definitions
/// (read from `path`, which errors name) and the BLS national-by-industry
/// cells of the career paths. Fails on a duplicate setting, overlapping
/// NAICS codes, a code with no cell for any career path, or no settings.
pub(super) fn build_settings(
    path: &Path,
    defs: &[SettingDefinition],
    career_paths: &[CareerPath],
    national: &HashMap<(String, String), OewsCell>,
) -> Result<Vec<WorkSetting>, CatalogError> {
    let invalid = |reason: String| CatalogError::at(path, 0, reason);
    let mut all_codes: Vec<(&str, &str)> = Vec::new();
    let mut settings = Vec::new();
    for def in defs {
        if settings.iter().any(|s: &WorkSetting| s.id == def.id) {
            return Err(invalid(format!("duplicate work setting {}", def.id)));
        }
        for code in &def.naics_codes {
            for (other, owner) in &all_codes {
                let (a, b) = (naics_prefix(code), naics_prefix(other));
                if a.starts_with(b) || b.starts_with(a) {
                    return Err(invalid(format!(
                        "NAICS {code} in {} overlaps {other} in {owner}: BLS cells of a parent include its children",
                        def.id
                    )));
                }
            }
            all_codes.push((code, &def.id));
            let published = career_paths
                .iter()
                .any(|p| national.contains_key(&(p.bls_soc_code.clone(), code.clone())));
            if !published {
                return Err(invalid(format!(
                    "NAICS {code} in {} has no BLS cell for any career path",
                    def.id
                )));
            }
        }
        let cells: Vec<Vec<Option<OewsCell>>> = career_paths
            .iter()
            .map(|p| {
                def.naics_codes
                    .iter()
                    .map(|code| {
                        national
                            .get(&(p.bls_soc_code.clone(), code.clone()))
                            .cloned()
                    })
                    .collect()
            })
            .collect();
        let employment_of = |path: usize| -> u32 {
            cells[path]
                .iter()
                .flatten()
                .filter_map(|c| c.employment)
                .sum()
        };
        let shares = career_paths
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let total = p.national.employment.unwrap_or(0);
                if total == 0 {
                    0.0
                } else {
                    f64::from(employment_of(i)) / f64::from(total)
                }
            })
            .collect();
        let him_employment = career_paths
            .iter()
            .enumerate()
            .filter(|(_, p)| p.core_him)
            .map(|(i, _)| employment_of(i))
            .sum();
        settings.push(WorkSetting {
            id: def.id.clone(),
            name: def.name.clone(),
            name_es: String::new(),
            naics_codes: def.naics_codes.clone(),
            cells,
            shares,
            him_employment,
        });
    }
    if settings.is_empty() {
        return Err(invalid("no work settings".into()));
    }
    Ok(settings)
}
