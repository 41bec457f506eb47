//! The project's own catalog definitions in `data/catalog/`: the skill
//! vocabulary, which O*NET occupations are career paths, which NAICS
//! industries make each work setting, and which skills credentials vouch
//! for. These are choices, not figures; the figures come from the sources.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

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
}

/// A work setting as a set of NAICS industries.
#[derive(Debug, Clone)]
pub(crate) struct SettingDefinition {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) naics_codes: Vec<String>,
}

/// A credential as its issuer defines it, the career paths it leads to
/// and the skill levels it vouches for.
#[derive(Debug, Clone)]
pub struct Credential {
    /// Code as used in requests, e.g. `RHIT`.
    pub code: String,
    /// Other codes requests may use for it, e.g. `CTR` for `ODS`, the
    /// name its issuer used before.
    pub aliases: Vec<String>,
    /// Full name, as the issuer writes it.
    pub name: String,
    /// Who awards it, short, e.g. `AHIMA`.
    pub issuer: String,
    /// The issuer's full name.
    pub issuer_name: String,
    /// What its exam covers, in the issuer's terms.
    pub exam_scope: String,
    /// The issuer's eligibility routes, each one sentence; empty when they
    /// could not be confirmed from the issuer's own pages.
    pub eligibility: Vec<String>,
    /// The same routes in Spanish (`catalog/spanish.json`).
    pub eligibility_es: Vec<String>,
    /// Scorecard credential levels (1-8) whose graduates have a route to
    /// it through their program, lowest first; empty when no route goes
    /// through a program.
    pub program_levels: Vec<u8>,
    /// The accreditor such a program needs, e.g. `CAHIIM`; empty when any
    /// program of those levels will do.
    pub program_accreditor: String,
    /// O*NET-SOC codes of the career paths it leads to.
    pub leads_to: Vec<String>,
    /// Indexes of the catalog's career paths it leads to, in `leads_to`'s
    /// order (filled when the catalog is built).
    pub paths: Vec<usize>,
    /// (skill index, minimum proficiency) pairs.
    pub skill_floors: Vec<(usize, f64)>,
    /// The issuer's page the facts come from.
    pub source_url: String,
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
fn skill_values(
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
    let columns = [
        "code",
        "aliases",
        "name",
        "issuer",
        "issuer_name",
        "exam_scope",
        "eligibility",
        "program_levels",
        "program_accreditor",
        "leads_to",
        "skill_floors",
        "source_url",
    ]
    .map(|name| table.column(name));
    let [code, aliases, name, issuer, issuer_name, scope, eligibility, levels, accreditor, leads_to, floors, url] =
        columns;
    let (code, aliases, name, issuer, issuer_name, scope, eligibility) = (
        code?,
        aliases?,
        name?,
        issuer?,
        issuer_name?,
        scope?,
        eligibility?,
    );
    let (levels, accreditor, leads_to, floors, url) =
        (levels?, accreditor?, leads_to?, floors?, url?);
    let mut credentials: Vec<Credential> = Vec::new();
    for row in table.rows() {
        let skill_floors = skill_values(&row, row.get(floors), skills, "level", "[0,1]", |l| {
            (0.0..=1.0).contains(&l)
        })?;
        let program_levels = split_list(row.get(levels))
            .iter()
            .map(|level| {
                level
                    .parse::<u8>()
                    .ok()
                    .filter(|l| (1..=8).contains(l))
                    .ok_or_else(|| row.error(format!("program level {level:?} is not 1-8")))
            })
            .collect::<Result<Vec<u8>, _>>()?;
        let eligibility: Vec<String> = row
            .get(eligibility)
            .split(" | ")
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_owned)
            .collect();
        let credential = Credential {
            code: row.get(code).to_owned(),
            aliases: split_list(row.get(aliases)),
            name: row.get(name).to_owned(),
            issuer: row.get(issuer).to_owned(),
            issuer_name: row.get(issuer_name).to_owned(),
            exam_scope: row.get(scope).to_owned(),
            eligibility,
            eligibility_es: Vec::new(),
            program_levels,
            program_accreditor: row.get(accreditor).to_owned(),
            leads_to: split_list(row.get(leads_to)),
            paths: Vec::new(),
            skill_floors,
            source_url: row.get(url).to_owned(),
        };
        let missing = [
            ("code", &credential.code),
            ("name", &credential.name),
            ("issuer", &credential.issuer),
            ("exam_scope", &credential.exam_scope),
            ("source_url", &credential.source_url),
        ]
        .into_iter()
        .find(|(_, v)| v.is_empty());
        if let Some((column, _)) = missing {
            return Err(row.error(format!("{column} is empty")));
        }
        if credential.leads_to.is_empty() {
            return Err(row.error("a credential needs at least one career path it leads to"));
        }
        let codes = |c: &Credential| -> Vec<String> {
            std::iter::once(&c.code)
                .chain(&c.aliases)
                .map(|s| s.to_ascii_uppercase())
                .collect()
        };
        let new_codes = codes(&credential);
        if let Some(taken) = credentials
            .iter()
            .flat_map(codes)
            .find(|c| new_codes.contains(c))
        {
            return Err(row.error(format!("duplicate credential code {taken}")));
        }
        credentials.push(credential);
    }
    Ok(credentials)
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
