//! The project's own catalog definitions in `data/catalog/`: the skill
//! vocabulary, which O*NET occupations are career paths, which NAICS
//! industries make each work setting, and which skills credentials vouch
//! for. These are choices, not figures; the figures come from the sources.

use std::path::Path;

use serde::Deserialize;

use super::table::Table;
use super::CatalogError;

/// One skill of the vocabulary, with the evidence it is measured by.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Skill {
    /// Stable id used in requests, e.g. `clinical_coding`.
    pub id: String,
    /// Human name.
    pub name: String,
    /// One sentence.
    pub description: String,
    /// O*NET Skills and Knowledge element names that stand for it.
    pub onet_elements: Vec<String>,
    /// Lower-case fragments of O*NET task statements that show it.
    pub task_keywords: Vec<String>,
    /// O*NET technology commodity titles that show it.
    pub technology_categories: Vec<String>,
    /// Lower-case fragments of ESCO skill names that show it.
    pub esco_keywords: Vec<String>,
}

/// Which O*NET occupation is a career path and where its BLS figures are.
#[derive(Debug, Clone)]
pub(crate) struct CareerPathDefinition {
    pub(crate) soc_code: String,
    pub(crate) bls_soc_code: String,
    pub(crate) core_him: bool,
    pub(crate) esco_occupations: Vec<String>,
}

/// A work setting as a set of NAICS industries.
#[derive(Debug, Clone)]
pub(crate) struct SettingDefinition {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) naics_codes: Vec<String>,
}

/// A credential and the skill levels it vouches for.
#[derive(Debug, Clone)]
pub struct Credential {
    /// Code as used in requests, e.g. `RHIT`.
    pub code: String,
    /// Full name.
    pub name: String,
    /// Who awards it.
    pub issuer: String,
    /// (skill index, minimum proficiency) pairs.
    pub skill_floors: Vec<(usize, f64)>,
}

pub(crate) fn read_skills(path: &Path) -> Result<Vec<Skill>, CatalogError> {
    let text = std::fs::read_to_string(path).map_err(|source| CatalogError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let skills: Vec<Skill> = serde_json::from_str(&text)
        .map_err(|e| CatalogError::at(path, e.line() as u64, e.to_string()))?;
    for (i, skill) in skills.iter().enumerate() {
        let valid = !skill.id.is_empty()
            && skill
                .id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !valid {
            return Err(CatalogError::at(
                path,
                0,
                format!("bad skill id {:?}", skill.id),
            ));
        }
        if skills[..i].iter().any(|s| s.id == skill.id) {
            return Err(CatalogError::at(
                path,
                0,
                format!("duplicate skill {}", skill.id),
            ));
        }
    }
    Ok(skills)
}

fn split_list(raw: &str) -> Vec<String> {
    raw.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

pub(crate) fn read_career_paths(path: &Path) -> Result<Vec<CareerPathDefinition>, CatalogError> {
    let table = Table::csv(path)?;
    let soc = table.column("soc_code")?;
    let bls = table.column("bls_soc_code")?;
    let core = table.column("core_him")?;
    let esco = table.column("esco_occupations")?;
    table
        .rows()
        .map(|row| {
            let core_him = match row.get(core) {
                "true" => true,
                "false" => false,
                other => return Err(row.error(format!("core_him {other:?} is not true/false"))),
            };
            Ok(CareerPathDefinition {
                soc_code: row.get(soc).to_owned(),
                bls_soc_code: row.get(bls).to_owned(),
                core_him,
                esco_occupations: split_list(row.get(esco)),
            })
        })
        .collect()
}

pub(crate) fn read_settings(path: &Path) -> Result<Vec<SettingDefinition>, CatalogError> {
    let table = Table::csv(path)?;
    let id = table.column("setting_id")?;
    let name = table.column("name")?;
    let naics = table.column("naics_codes")?;
    table
        .rows()
        .map(|row| {
            let naics_codes = split_list(row.get(naics));
            if naics_codes.is_empty() {
                return Err(row.error("a work setting needs at least one NAICS code"));
            }
            Ok(SettingDefinition {
                id: row.get(id).to_owned(),
                name: row.get(name).to_owned(),
                naics_codes,
            })
        })
        .collect()
}

pub(crate) fn read_credentials(
    path: &Path,
    skills: &[Skill],
) -> Result<Vec<Credential>, CatalogError> {
    let table = Table::csv(path)?;
    let code = table.column("code")?;
    let name = table.column("name")?;
    let issuer = table.column("issuer")?;
    let floors = table.column("skill_floors")?;
    table
        .rows()
        .map(|row| {
            let skill_floors = split_list(row.get(floors))
                .iter()
                .map(|pair| {
                    let (skill, level) = pair
                        .split_once(':')
                        .ok_or_else(|| row.error(format!("{pair:?} is not skill:level")))?;
                    let index = skills
                        .iter()
                        .position(|s| s.id == skill)
                        .ok_or_else(|| row.error(format!("unknown skill {skill:?}")))?;
                    let level: f64 = level
                        .parse()
                        .ok()
                        .filter(|l: &f64| (0.0..=1.0).contains(l))
                        .ok_or_else(|| row.error(format!("level {level:?} is not in [0,1]")))?;
                    Ok((index, level))
                })
                .collect::<Result<_, CatalogError>>()?;
            Ok(Credential {
                code: row.get(code).to_owned(),
                name: row.get(name).to_owned(),
                issuer: row.get(issuer).to_owned(),
                skill_floors,
            })
        })
        .collect()
}
