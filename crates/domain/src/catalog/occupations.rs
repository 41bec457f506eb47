//! The occupations a person may say they work in now
//! (`Profile.current_occupation`): every career path of the catalog, and
//! the occupations people commonly come from into HIM work, whose O*NET
//! 29.2 rows are in `data/onet_29_2_feeders/`. Each says where it stands
//! (its O*NET job zone), which of the catalog's paths O*NET relates to it,
//! what working in it vouches for (its typical skill levels, read from
//! O*NET as a path's are) and what licence it holds by definition.

use std::collections::HashMap;
use std::path::Path;

use super::career_paths::CareerPath;
use super::definitions::{Skill, TaskTags};
use super::eligibility::{ExperienceDomain, Licence};
use super::onet::{OnetOccupation, Relatedness};
use super::outlook::Outlook;
use super::requirements;
use super::CatalogError;

/// An occupation a person works in now.
#[derive(Debug, Clone)]
pub struct Occupation {
    /// O*NET-SOC code, e.g. `29-1141.00`.
    pub soc_code: String,
    /// O*NET title.
    pub title: String,
    /// O*NET job zone (1-5).
    pub job_zone: u8,
    /// The catalog's career path it is, if it is one.
    pub path: Option<usize>,
    /// The catalog's paths O*NET lists among its related occupations,
    /// most related first.
    pub related: Vec<(usize, Relatedness)>,
    /// Typical level of each vocabulary skill among its workers: what
    /// working in it vouches for.
    pub typical_skills: Vec<f64>,
    /// The licence it holds by definition, where O*NET's description
    /// says "Licensing or registration required" of a nursing occupation.
    pub licence: Option<Licence>,
    /// The work whose years an issuer counts that its years are.
    pub experience: Vec<ExperienceDomain>,
    /// BLS's projection for its BLS occupation, where published.
    pub outlook: Option<Outlook>,
}

/// Licences the feeder occupations hold by definition: O*NET 29.2
/// describes Registered Nurses ("Licensing or registration required") and
/// Licensed Practical and Licensed Vocational Nurses ("Licensing
/// required").
const LICENSED: [(&str, Licence); 2] = [
    ("29-1141.00", Licence::RegisteredNurse),
    ("29-2061.00", Licence::PracticalNurse),
];

/// Builds the occupations: the career paths first, in catalog order, then
/// the feeder occupations by code. `experience` gives, per path, the
/// experience its years count for (`career_paths.csv`); `tags` the
/// reviewed task links of the feeders' tasks (`feeder_task_skills.csv`,
/// named by `tags_file` in errors).
pub(super) fn build(
    paths: &[CareerPath],
    experience: &[Vec<ExperienceDomain>],
    feeders: &HashMap<String, OnetOccupation>,
    skills: &[Skill],
    (tags_file, tags): (&Path, &HashMap<String, TaskTags>),
) -> Result<Vec<Occupation>, CatalogError> {
    let mut occupations: Vec<Occupation> = paths
        .iter()
        .enumerate()
        .map(|(index, path)| Occupation {
            soc_code: path.soc_code.clone(),
            title: path.title.clone(),
            job_zone: path.job_zone,
            path: Some(index),
            related: path.related_tiers.clone(),
            typical_skills: path.typical_skills.clone(),
            licence: None,
            experience: experience[index].clone(),
            outlook: None,
        })
        .collect();
    let mut codes: Vec<&String> = feeders.keys().collect();
    codes.sort();
    for code in codes {
        let onet = &feeders[code];
        let invalid = |reason: String| CatalogError::at(tags_file, 0, reason);
        if paths.iter().any(|p| &p.soc_code == code) {
            return Err(invalid(format!("{code} is a career path, not a feeder")));
        }
        let occupation_tags = tags
            .get(code)
            .ok_or_else(|| invalid(format!("no reviewed task tags for {code}")))?;
        if let Some(task) = onet
            .tasks
            .iter()
            .find(|t| !occupation_tags.contains_key(&t.id))
        {
            return Err(invalid(format!(
                "O*NET task {} of {code} is not reviewed",
                task.id
            )));
        }
        let job_zone = onet
            .job_zone
            .ok_or_else(|| invalid(format!("{code} has no O*NET job zone")))?;
        let typical_skills = requirements::typical_skills(skills, onet, occupation_tags, &[])
            .into_iter()
            .map(|e| e.level)
            .collect();
        occupations.push(Occupation {
            soc_code: code.clone(),
            title: onet.title.clone(),
            job_zone,
            path: None,
            related: super::career_paths::related_paths(paths, &onet.related),
            typical_skills,
            licence: LICENSED
                .iter()
                .find(|(soc, _)| soc == code)
                .map(|(_, l)| *l),
            experience: Vec::new(),
            outlook: None,
        });
    }
    if let Some(code) = tags.keys().find(|c| !feeders.contains_key(*c)) {
        return Err(CatalogError::at(
            tags_file,
            0,
            format!("{code} is not a feeder occupation"),
        ));
    }
    Ok(occupations)
}
