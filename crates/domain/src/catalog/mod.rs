//! The catalog: career paths, work settings, programs, skills and
//! credentials, built from the public data in `data/` and checked as it is
//! loaded.

mod campuses;
mod career_paths;
mod costs;
mod credentials;
mod definitions;
mod durations;
mod eligibility;
mod error;
mod filter;
mod listing;
mod named;
mod occupations;
mod oews;
mod onet;
mod outlook;
pub mod overlay;
mod path_listing;
mod program_set;
mod programs;
mod requirements;
mod routes;
mod settings;
mod sources;
mod spanish;
pub mod states;
mod table;

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

pub use campuses::ReportingUnits;
pub use career_paths::{CareerPath, EDUCATION_CATEGORIES};
pub use costs::{InstitutionCost, COST_YEAR};
pub use credentials::{program_education, Apprentice, Credential};
pub use definitions::Skill;
pub use durations::{typical_duration, TypicalDuration};
pub use eligibility::{Condition, ExperienceDomain, Licence, Route};
pub use error::CatalogError;
pub use filter::{ProgramFilter, ProgramFilterInput};
pub use listing::{Listing, ListingInput, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};
pub use named::{Named, Vocabulary};
pub use occupations::Occupation;
pub use oews::{OewsCell, Wages};
pub use onet::{Relatedness, RIASEC};
pub use outlook::{Outlook, Trend, BASE_YEAR, PROJECTED_YEAR};
pub use path_listing::{PathListing, PathListingInput, PathOrder};
pub use program_set::Programs;
pub use programs::{
    Accreditation, Control, DeliveryMode, OperatorFacts, Program, NON_CREDENTIAL_LEVEL,
};
pub use requirements::SkillEvidence;
pub use routes::{CredentialRoute, RECORDED_ACCREDITOR};
pub use settings::WorkSetting;
pub use sources::{ALL_INDUSTRIES, DATA_RELEASES, HEALTH_CARE_SECTOR, SOURCE_FILES};

/// Everything the service recommends from. All but the programs is the
/// same in every view and shared by them; see [`Catalog::layer`].
#[derive(Debug, Clone)]
pub struct Catalog {
    /// The skill vocabulary, in feature order.
    pub skills: Arc<Vec<Skill>>,
    /// Known credentials.
    pub credentials: Arc<Vec<Credential>>,
    /// Career paths, in model class order.
    pub career_paths: Arc<Vec<CareerPath>>,
    /// Work settings.
    pub settings: Arc<Vec<WorkSetting>>,
    /// The occupations a person may work in now: the career paths, in
    /// their order, then the occupations people come from.
    pub occupations: Arc<Vec<Occupation>>,
    /// The percent change BLS projects for all occupations over the
    /// projections' decade, the average each outlook compares with.
    pub all_occupations_change: Option<f64>,
    /// Programs, in source order, then the operator's own.
    pub programs: Programs,
    state_cells: Arc<HashMap<(usize, &'static str), OewsCell>>,
    /// Scorecard's earnings threshold per state.
    state_thresholds: Arc<HashMap<&'static str, u32>>,
}

impl Catalog {
    /// Loads and checks the catalog from a data folder laid out as `data/`.
    pub fn load(dir: &Path) -> Result<Self, CatalogError> {
        let mut skills = definitions::read_skills(&dir.join("catalog/skills.json"))?;
        let credentials_file = dir.join("catalog/credentials.csv");
        let mut credentials = credentials::read_credentials(&credentials_file, &skills)?;
        let path_defs = definitions::read_career_paths(&dir.join("catalog/career_paths.csv"))?;
        let setting_defs = definitions::read_settings(&dir.join("catalog/work_settings.csv"))?;
        let onet = onet::read(&dir.join("onet_29_2_him"))?;
        let tags_file = dir.join("catalog/task_skills.csv");
        let task_tags = definitions::read_task_tags(&tags_file, &skills)?;
        let esco = onet::read_esco(&dir.join("esco_1_2_0_him_occupation_profiles.tsv"))?;
        let bls_codes: HashSet<String> = path_defs.iter().map(|p| p.bls_soc_code.clone()).collect();
        let national =
            oews::read_national(&dir.join("oews_2025_national_by_industry.csv"), &bls_codes)?;
        let by_state = oews::read_states(&dir.join("oews_2025_by_state.csv"), &bls_codes)?;
        let mut programs = programs::read(&dir.join("scorecard_cip5107_programs.csv"))?;
        let costs = costs::read(&dir.join("scorecard_institution_costs_2022_23.csv"))?;
        for program in &mut programs {
            program.cost = costs.get(&program.unitid).copied();
        }

        let projections = outlook::read(&dir.join("bls_ep_2024_34_occupations.csv"))?;
        let mut career_paths = career_paths::build_career_paths(
            &dir.join("catalog/career_paths.csv"),
            &path_defs,
            &skills,
            &onet,
            (&tags_file, &task_tags),
            &esco,
            &national,
        )?;
        for credential in &mut credentials {
            for code in &credential.leads_to {
                let index = career_paths
                    .iter()
                    .position(|p| &p.soc_code == code)
                    .ok_or_else(|| {
                        CatalogError::at(
                            &credentials_file,
                            0,
                            format!(
                                "{} leads to {code}, which is not a career path",
                                credential.code
                            ),
                        )
                    })?;
                credential.paths.push(index);
            }
        }
        for path in &mut career_paths {
            path.outlook = projections.by_code.get(&path.bls_soc_code).cloned();
        }
        let feeder_tags_file = dir.join("catalog/feeder_task_skills.csv");
        let feeder_tags = definitions::read_task_tags(&feeder_tags_file, &skills)?;
        let feeders = onet::read(&dir.join("onet_29_2_feeders"))?;
        let experience: Vec<_> = path_defs.iter().map(|d| d.experience.clone()).collect();
        let mut occupations = occupations::build(
            &career_paths,
            &experience,
            &feeders,
            &skills,
            (&feeder_tags_file, &feeder_tags),
        )?;
        for occupation in &mut occupations {
            let bls = occupation.soc_code.split('.').next().unwrap_or_default();
            occupation.outlook = projections.by_code.get(bls).cloned();
        }
        let settings = settings::build_settings(
            &dir.join("catalog/work_settings.csv"),
            &setting_defs,
            &career_paths,
            &national,
        )?;

        let mut settings = settings;
        spanish::apply(
            &dir.join("catalog/spanish.json"),
            &mut skills,
            &mut settings,
            &mut credentials,
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

        let state_thresholds = programs
            .iter()
            .filter_map(|p| Some((p.state?, p.state_earnings_threshold?)))
            .collect();
        Ok(Self {
            state_thresholds: Arc::new(state_thresholds),
            skills: Arc::new(skills),
            credentials: Arc::new(credentials),
            career_paths: Arc::new(career_paths),
            settings: Arc::new(settings),
            occupations: Arc::new(occupations),
            all_occupations_change: projections.all_occupations_change,
            programs: Programs::new(programs),
            state_cells: Arc::new(state_cells),
        })
    }

    /// A view of this catalog that shares everything with it: programs
    /// changed, added or hidden in the view are held by the view alone
    /// ([`Programs::layer`]).
    pub fn layer(&self) -> Self {
        Self {
            programs: self.programs.layer(),
            ..self.clone()
        }
    }

    /// The index of a skill id.
    pub fn skill_index(&self, id: &str) -> Option<usize> {
        self.skills.iter().position(|s| s.id == id)
    }

    /// The index of an occupation a person may work in now, by its O*NET-SOC
    /// code.
    pub fn occupation_index(&self, soc_code: &str) -> Option<usize> {
        self.occupations.iter().position(|o| o.soc_code == soc_code)
    }

    /// The index of a credential code or one of its aliases, in any
    /// letter case.
    pub fn credential_index(&self, code: &str) -> Option<usize> {
        self.credentials.iter().position(|c| {
            c.code.eq_ignore_ascii_case(code)
                || c.aliases.iter().any(|a| a.eq_ignore_ascii_case(code))
        })
    }

    /// The index of the credential whose apprentice form this code names
    /// (`CPC-A` for the CPC), in any letter case.
    pub fn apprentice_index(&self, code: &str) -> Option<usize> {
        self.credentials.iter().position(|c| {
            c.apprentice
                .as_ref()
                .is_some_and(|a| a.code.eq_ignore_ascii_case(code))
        })
    }

    /// The career paths a credential leads to, as `credentials.csv` says
    /// (from the issuer's description and O*NET's titles), in that order.
    pub fn credential_paths(&self, credential: usize) -> Vec<usize> {
        self.credentials[credential].paths.clone()
    }

    /// The credentials that lead to career path `path`, in catalog order.
    pub fn credentials_leading_to(&self, path: usize) -> Vec<usize> {
        (0..self.credentials.len())
            .filter(|&c| self.credentials[c].paths.contains(&path))
            .collect()
    }

    /// The indexes of the programs that pass `listing`'s filters, in
    /// catalog order.
    pub fn matching_programs(&self, listing: &Listing) -> Vec<usize> {
        self.programs
            .iter()
            .filter(|(_, p)| listing.matches(p))
            .map(|(i, _)| i)
            .collect()
    }

    /// The index of the program with this unit id at this Scorecard
    /// credential level.
    pub fn program_index(&self, unitid: u32, credential_level: u32) -> Option<usize> {
        let level = u8::try_from(credential_level).ok()?;
        self.programs.position(unitid, level)
    }

    /// The program with this unit id at this Scorecard credential level.
    pub fn program(&self, unitid: u32, credential_level: u32) -> Option<&Program> {
        self.programs
            .get(self.program_index(unitid, credential_level)?)
    }

    /// The earnings threshold Scorecard publishes for a state (the
    /// earnings of the state's high school graduates it compares program
    /// earnings with), where its programs carry one.
    pub fn state_earnings_threshold(&self, state: &str) -> Option<u32> {
        self.state_thresholds.get(state).copied()
    }

    /// The BLS cell of a career path in a state, where published.
    pub fn state_cell(&self, path: usize, state: &'static str) -> Option<&OewsCell> {
        self.state_cells.get(&(path, state))
    }
}
