//! The project's own catalog definitions in `data/catalog/`: the skill
//! vocabulary, which O*NET occupations are career paths, which NAICS
//! industries make each work setting, and which skills credentials vouch
//! for. These are choices, not figures; the figures come from the sources.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

use super::eligibility::ExperienceDomain;
use super::table::{Row, Table};
use super::CatalogError;

/// One skill of the vocabulary, with the evidence it is measured by.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Skill {
    /// Stable id used in requests, e.g. `clinical_coding`.
    pub id: String,
    /// Human name.
    pub name: String,
    /// Its name in Spanish (`catalog/spanish.json`).
    #[serde(skip)]
    pub name_es: String,
    /// One sentence.
    pub description: String,
    /// O*NET Skills and Knowledge element names that stand for it.
    pub onet_elements: Vec<String>,
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
    /// The work whose years an issuer counts that a year on the path is.
    pub(crate) experience: Vec<ExperienceDomain>,
}

/// A work setting as a set of NAICS industries.
#[derive(Debug, Clone)]
pub(crate) struct SettingDefinition {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) naics_codes: Vec<String>,
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

/// Reads a `skill:value;...` cell into (skill index, value) pairs, each
/// value checked by `valid` (`range` says what it must be).
pub(super) fn skill_values(
    row: &Row<'_>,
    cell: &str,
    skills: &[Skill],
    what: &str,
    range: &str,
    valid: impl Fn(f64) -> bool,
) -> Result<Vec<(usize, f64)>, CatalogError> {
    split_list(cell)
        .iter()
        .map(|pair| {
            let (skill, value) = pair
                .split_once(':')
                .ok_or_else(|| row.error(format!("{pair:?} is not skill:{what}")))?;
            let index = skills
                .iter()
                .position(|s| s.id == skill)
                .ok_or_else(|| row.error(format!("unknown skill {skill:?}")))?;
            let value: f64 = value
                .parse()
                .ok()
                .filter(|v: &f64| valid(*v))
                .ok_or_else(|| row.error(format!("{what} {value:?} is not in {range}")))?;
            Ok((index, value))
        })
        .collect()
}

pub(super) fn split_list(raw: &str) -> Vec<String> {
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
    let experience = table.column("experience")?;
    table
        .rows()
        .map(|row| {
            let core_him = match row.get(core) {
                "true" => true,
                "false" => false,
                other => return Err(row.error(format!("core_him {other:?} is not true/false"))),
            };
            let experience = split_list(row.get(experience))
                .iter()
                .map(|d| {
                    ExperienceDomain::from_name(d)
                        .ok_or_else(|| row.error(format!("unknown experience {d:?}")))
                })
                .collect::<Result<_, _>>()?;
            Ok(CareerPathDefinition {
                soc_code: row.get(soc).to_owned(),
                bls_soc_code: row.get(bls).to_owned(),
                core_him,
                esco_occupations: split_list(row.get(esco)),
                experience,
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

/// The reviewed links of one occupation's O*NET tasks to skills: task id ->
/// (skill index, weight in (0, 1]) pairs.
pub(crate) type TaskTags = HashMap<u32, Vec<(usize, f64)>>;

/// Reads the reviewed links of O*NET task statements to skills
/// (`soc_code,task_id,skills,task_excerpt`; `skills` as
/// `skill:weight;...`, empty for a task that shows none), keyed by
/// O*NET-SOC code.
pub(crate) fn read_task_tags(
    path: &Path,
    skills: &[Skill],
) -> Result<HashMap<String, TaskTags>, CatalogError> {
    let table = Table::csv(path)?;
    let soc = table.column("soc_code")?;
    let task = table.column("task_id")?;
    let tags = table.column("skills")?;
    let mut all: HashMap<String, TaskTags> = HashMap::new();
    for row in table.rows() {
        let id = row.count(task, "task_id")?;
        let links = skill_values(&row, row.get(tags), skills, "weight", "(0,1]", |w| {
            w > 0.0 && w <= 1.0
        })?;
        let occupation = all.entry(row.get(soc).to_owned()).or_default();
        if occupation.insert(id, links).is_some() {
            return Err(row.error(format!("task {id} is listed twice")));
        }
    }
    Ok(all)
}
