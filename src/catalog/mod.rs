//! The catalog: career paths, work settings, programs, skills and
//! credentials, built from the public data in `data/` and checked as it is
//! loaded.

mod definitions;
mod filter;
mod oews;
mod onet;
pub mod overlay;
mod programs;
mod requirements;
pub mod states;
mod table;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

pub use definitions::{Credential, Skill};
pub use filter::{ProgramFilter, ProgramFilterInput};
pub use oews::{OewsCell, Wages};
pub use onet::RIASEC;
pub use programs::{
    Accreditation, Control, DeliveryMode, OperatorFacts, Program, NON_CREDENTIAL_LEVEL,
};

/// The source files under the data folder that the catalog reads.
pub const SOURCE_FILES: &[&str] = &[
    "catalog/skills.json",
    "catalog/career_paths.csv",
    "catalog/work_settings.csv",
    "catalog/credentials.csv",
    "oews_2025_national_by_industry.csv",
    "oews_2025_by_state.csv",
    "scorecard_cip5107_programs.csv",
    "esco_1_2_0_him_occupation_profiles.tsv",
    "onet_29_2_him/Occupation Data.txt",
    "onet_29_2_him/Job Zones.txt",
    "onet_29_2_him/Interests.txt",
    "onet_29_2_him/Skills.txt",
    "onet_29_2_him/Knowledge.txt",
    "onet_29_2_him/Education, Training, and Experience.txt",
    "onet_29_2_him/Task Statements.txt",
    "onet_29_2_him/Technology Skills.txt",
];

/// The public data releases the catalog serves, as (source, release).
pub const DATA_RELEASES: &[(&str, &str)] = &[
    (
        "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics",
        "May 2025",
    ),
    (
        "U.S. Department of Education, College Scorecard",
        "2026-06-10",
    ),
    ("O*NET Database, USDOL/ETA", "29.2"),
    ("ESCO, European Commission", "v1.2.0"),
];

/// BLS's all-industries code.
pub const ALL_INDUSTRIES: &str = "000000";
/// BLS's Health Care and Social Assistance sector code.
pub const HEALTH_CARE_SECTOR: &str = "62--63";

/// Why a catalog could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// A file's content is wrong.
    #[error("{path}:{line}: {reason}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// 1-based line, or 0 where no line applies.
        line: u64,
        /// What is wrong.
        reason: String,
    },
}

impl CatalogError {
    pub(crate) fn at(path: &Path, line: u64, reason: String) -> Self {
        Self::Invalid {
            path: path.to_path_buf(),
            line,
            reason,
        }
    }
}

/// A career path: an O*NET occupation with its BLS figures and what it
/// typically asks of a person.
#[derive(Debug, Clone)]
pub struct CareerPath {
    /// O*NET-SOC code, e.g. `29-2072.00`.
    pub soc_code: String,
    /// O*NET title.
    pub title: String,
    /// O*NET description.
    pub description: String,
    /// O*NET job zone (1-5).
    pub job_zone: u8,
    /// The BLS occupation its figures come from, e.g. `29-2072`.
    pub bls_soc_code: String,
    /// Whether it is one of the core HIM occupations counted in a work
    /// setting's HIM employment.
    pub core_him: bool,
    /// The BLS all-industries national cell.
    pub national: OewsCell,
    /// Employment in the Health Care and Social Assistance sector.
    pub health_care_employment: Option<u32>,
    /// O*NET interests scaled from 1-7 to [0, 1], RIASEC order.
    pub interests: [f64; 6],
    /// Shares over O*NET's 12 education categories, summing to 1.
    pub education: [f64; 12],
    /// Whether `education` is O*NET survey data (else the job-zone rule).
    pub education_from_survey: bool,
    /// Typical level of each vocabulary skill, in [0, 1].
    pub typical_skills: Vec<f64>,
}

/// A work setting: a group of NAICS industries, with the BLS cells of every
/// career path in them.
#[derive(Debug, Clone)]
pub struct WorkSetting {
    /// Stable id, e.g. `hospitals`.
    pub id: String,
    /// Human name.
    pub name: String,
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

/// Everything the service recommends from.
#[derive(Debug, Clone)]
pub struct Catalog {
    /// The skill vocabulary, in feature order.
    pub skills: Vec<Skill>,
    /// Known credentials.
    pub credentials: Vec<Credential>,
    /// Career paths, in model class order.
    pub career_paths: Vec<CareerPath>,
    /// Work settings.
    pub settings: Vec<WorkSetting>,
    /// Programs, in source order.
    pub programs: Vec<Program>,
    state_cells: HashMap<(usize, &'static str), OewsCell>,
}

impl Catalog {
    /// Loads and checks the catalog from a data folder laid out as `data/`.
    pub fn load(dir: &Path) -> Result<Self, CatalogError> {
        let skills = definitions::read_skills(&dir.join("catalog/skills.json"))?;
        let credentials =
            definitions::read_credentials(&dir.join("catalog/credentials.csv"), &skills)?;
        let path_defs = definitions::read_career_paths(&dir.join("catalog/career_paths.csv"))?;
        let setting_defs = definitions::read_settings(&dir.join("catalog/work_settings.csv"))?;
        let onet = onet::read(&dir.join("onet_29_2_him"))?;
        let esco = onet::read_esco(&dir.join("esco_1_2_0_him_occupation_profiles.tsv"))?;
        let bls_codes: HashSet<String> = path_defs.iter().map(|p| p.bls_soc_code.clone()).collect();
        let national =
            oews::read_national(&dir.join("oews_2025_national_by_industry.csv"), &bls_codes)?;
        let by_state = oews::read_states(&dir.join("oews_2025_by_state.csv"), &bls_codes)?;
        let programs = programs::read(&dir.join("scorecard_cip5107_programs.csv"))?;

        let defs_path = dir.join("catalog/career_paths.csv");
        let mut career_paths = Vec::new();
        for def in &path_defs {
            let invalid = |reason: String| CatalogError::at(&defs_path, 0, reason);
            if career_paths
                .iter()
                .any(|p: &CareerPath| p.soc_code == def.soc_code)
            {
                return Err(invalid(format!("duplicate career path {}", def.soc_code)));
            }
            let occupation = onet
                .get(&def.soc_code)
                .ok_or_else(|| invalid(format!("{} is not in the O*NET extract", def.soc_code)))?;
            let job_zone = occupation
                .job_zone
                .ok_or_else(|| invalid(format!("{} has no O*NET job zone", def.soc_code)))?;
            let mut interests = [0.0; 6];
            for (area, score) in occupation.interests.iter().enumerate() {
                let score = score.ok_or_else(|| {
                    invalid(format!("{} has no {} interest", def.soc_code, RIASEC[area]))
                })?;
                interests[area] = (score - 1.0) / 6.0;
            }
            let esco_occupations = def
                .esco_occupations
                .iter()
                .map(|name| {
                    esco.get(name)
                        .ok_or_else(|| invalid(format!("ESCO occupation {name:?} not found")))
                })
                .collect::<Result<Vec<_>, _>>()?;
            let national_cell = national
                .get(&(def.bls_soc_code.clone(), ALL_INDUSTRIES.to_owned()))
                .filter(|c| c.employment.is_some())
                .ok_or_else(|| {
                    invalid(format!(
                        "BLS has no national employment for {}",
                        def.bls_soc_code
                    ))
                })?
                .clone();
            let health_care_employment = national
                .get(&(def.bls_soc_code.clone(), HEALTH_CARE_SECTOR.to_owned()))
                .and_then(|c| c.employment);
            let (education, education_from_survey) =
                requirements::education_shares(occupation, job_zone);
            career_paths.push(CareerPath {
                soc_code: def.soc_code.clone(),
                title: occupation.title.clone(),
                description: occupation.description.clone(),
                job_zone,
                bls_soc_code: def.bls_soc_code.clone(),
                core_him: def.core_him,
                national: national_cell,
                health_care_employment,
                interests,
                education,
                education_from_survey,
                typical_skills: requirements::typical_skills(
                    &skills,
                    occupation,
                    &esco_occupations,
                ),
            });
        }
        if career_paths.len() < 2 {
            return Err(CatalogError::at(
                &defs_path,
                0,
                "fewer than two career paths".into(),
            ));
        }

        let settings = build_settings(
            &dir.join("catalog/work_settings.csv"),
            &setting_defs,
            &career_paths,
            &national,
        )?;

        let mut state_cells = HashMap::new();
        for ((soc, _), cell) in by_state {
            for (index, path) in career_paths.iter().enumerate() {
                if path.bls_soc_code == soc {
                    let usps = states::by_usps(&cell.area_or_industry)
                        .map(|s| s.usps)
                        .expect("state cells are keyed by known USPS codes");
                    state_cells.insert((index, usps), cell.clone());
                }
            }
        }

        Ok(Self {
            skills,
            credentials,
            career_paths,
            settings,
            programs,
            state_cells,
        })
    }

    /// The index of a skill id.
    pub fn skill_index(&self, id: &str) -> Option<usize> {
        self.skills.iter().position(|s| s.id == id)
    }

    /// The index of a credential code, in any letter case.
    pub fn credential_index(&self, code: &str) -> Option<usize> {
        self.credentials
            .iter()
            .position(|c| c.code.eq_ignore_ascii_case(code))
    }

    /// The BLS cell of a career path in a state, where published.
    pub fn state_cell(&self, path: usize, state: &'static str) -> Option<&OewsCell> {
        self.state_cells.get(&(path, state))
    }
}

/// NAICS code with its trailing zeros trimmed: `622000` -> `622`. One code
/// is inside another when its trimmed form starts with the other's.
fn naics_prefix(code: &str) -> &str {
    code.trim_end_matches('0')
}

fn build_settings(
    path: &Path,
    defs: &[definitions::SettingDefinition],
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
