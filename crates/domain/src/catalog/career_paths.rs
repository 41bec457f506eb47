//! Career paths: the O*NET occupations the catalog defines as paths, each
//! with its BLS figures and what it typically asks of a person.

use std::collections::HashMap;
use std::path::Path;

use super::definitions::{CareerPathDefinition, Skill};
use super::error::CatalogError;
use super::oews::OewsCell;
use super::onet::{EscoOccupation, OnetOccupation, Relatedness, RIASEC};
use super::outlook::Outlook;
use super::requirements::{self, SkillEvidence, TaskTags};
use super::sources::{ALL_INDUSTRIES, HEALTH_CARE_SECTOR};

/// The number of O*NET's education categories (its "required level of
/// education" scale, categories 1 to 12).
pub const EDUCATION_CATEGORIES: usize = 12;

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
    pub education: [f64; EDUCATION_CATEGORIES],
    /// Whether `education` is O*NET survey data (else the job-zone rule).
    pub education_from_survey: bool,
    /// Typical level of each vocabulary skill, in [0, 1].
    pub typical_skills: Vec<f64>,
    /// What backs each typical level, in vocabulary order.
    pub skill_evidence: Vec<SkillEvidence>,
    /// O*NET's task statements for the occupation: (task id, statement).
    pub tasks: Vec<(u32, String)>,
    /// Job titles people on this path report (O*NET Sample of Reported
    /// Titles), e.g. "Coder".
    pub also_called: Vec<String>,
    /// O*NET's alternate titles of the occupation, e.g. "Registered Health
    /// Information Technician (RHIT)".
    pub alternate_titles: Vec<String>,
    /// The catalog's paths O*NET lists as related to this one, most related
    /// first (O*NET Related Occupations).
    pub related: Vec<usize>,
    /// The same, with O*NET's tier of each.
    pub related_tiers: Vec<(usize, Relatedness)>,
    /// BLS's projection for its BLS occupation, where published.
    pub outlook: Option<Outlook>,
    /// When BLS publishes one occupation for several O*NET occupations: all
    /// of those in the O*NET extract, (code, title), this one included;
    /// empty otherwise.
    pub bls_shared_by: Vec<(String, String)>,
}

/// The reviewed task tags of a path's occupation, checked to cover
/// exactly its O*NET tasks: a task nobody reviewed would silently count as
/// showing no skill.
fn reviewed_tags<'a>(
    file: &Path,
    all: &'a HashMap<String, TaskTags>,
    soc_code: &str,
    occupation: &OnetOccupation,
) -> Result<&'a TaskTags, CatalogError> {
    let invalid = |reason: String| CatalogError::at(file, 0, reason);
    let tags = all
        .get(soc_code)
        .ok_or_else(|| invalid(format!("no reviewed task tags for {soc_code}")))?;
    if let Some(task) = occupation.tasks.iter().find(|t| !tags.contains_key(&t.id)) {
        return Err(invalid(format!(
            "O*NET task {} of {soc_code} is not reviewed",
            task.id
        )));
    }
    if let Some(id) = tags
        .keys()
        .find(|id| !occupation.tasks.iter().any(|t| t.id == **id))
    {
        return Err(invalid(format!(
            "task {id} is not an O*NET task of {soc_code}"
        )));
    }
    Ok(tags)
}

/// The O*NET occupations of the extract that BLS publishes as `bls_code`,
/// sorted, when there are several.
fn shared_bls_code(
    onet: &HashMap<String, OnetOccupation>,
    bls_code: &str,
) -> Vec<(String, String)> {
    let mut sharing: Vec<(String, String)> = onet
        .iter()
        .filter(|(code, _)| code.split('.').next() == Some(bls_code))
        .map(|(code, o)| (code.clone(), o.title.clone()))
        .collect();
    sharing.sort();
    if sharing.len() < 2 {
        sharing.clear();
    }
    sharing
}

/// Builds the career paths, in definition order, from their definitions
/// (read from `path`, which errors name), the O*NET and ESCO occupations and
/// the BLS national-by-industry cells. Fails on a duplicate or unknown
/// occupation, missing O*NET or BLS figures, or fewer than two paths.
pub(super) fn build_career_paths(
    path: &Path,
    defs: &[CareerPathDefinition],
    skills: &[Skill],
    onet: &HashMap<String, OnetOccupation>,
    task_tags: (&Path, &HashMap<String, TaskTags>),
    esco: &HashMap<String, EscoOccupation>,
    national: &HashMap<(String, String), OewsCell>,
) -> Result<Vec<CareerPath>, CatalogError> {
    let (tags_file, task_tags) = task_tags;
    let mut career_paths = Vec::new();
    for def in defs {
        let invalid = |reason: String| CatalogError::at(path, 0, reason);
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
                    .map(|o| (name.as_str(), o))
                    .ok_or_else(|| invalid(format!("ESCO occupation {name:?} not found")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let tags = reviewed_tags(tags_file, task_tags, &def.soc_code, occupation)?;
        let skill_evidence =
            requirements::typical_skills(skills, occupation, tags, &esco_occupations);
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
            typical_skills: skill_evidence.iter().map(|e| e.level).collect(),
            skill_evidence,
            tasks: occupation
                .tasks
                .iter()
                .map(|t| (t.id, t.text.clone()))
                .collect(),
            also_called: occupation.reported_titles.clone(),
            alternate_titles: occupation.alternate_titles.clone(),
            related: Vec::new(),
            related_tiers: Vec::new(),
            outlook: None,
            bls_shared_by: shared_bls_code(onet, &def.bls_soc_code),
        });
    }
    for i in 0..career_paths.len() {
        let tiers = related_paths(&career_paths, &onet[&career_paths[i].soc_code].related);
        career_paths[i].related = tiers.iter().map(|(p, _)| *p).collect();
        career_paths[i].related_tiers = tiers;
    }
    if career_paths.len() < 2 {
        return Err(CatalogError::at(
            path,
            0,
            "fewer than two career paths".into(),
        ));
    }
    Ok(career_paths)
}

/// The catalog's paths among O*NET's related occupations, in O*NET's
/// order.
pub(super) fn related_paths(
    paths: &[CareerPath],
    related: &[(String, Relatedness)],
) -> Vec<(usize, Relatedness)> {
    related
        .iter()
        .filter_map(|(code, tier)| {
            paths
                .iter()
                .position(|p| &p.soc_code == code)
                .map(|i| (i, *tier))
        })
        .collect()
}
