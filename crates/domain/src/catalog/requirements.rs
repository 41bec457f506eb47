//! What each career path typically asks of a person: skill levels, interests
//! and education, derived from O*NET and ESCO evidence, each level with the
//! evidence behind it.
//!
//! A skill's typical level for an occupation is a weighted mean of up to
//! three kinds of evidence, each scaled to [0, 1], over the kinds that both
//! the skill defines and the occupation has data for:
//!
//! | evidence | weight | measure |
//! |---|---|---|
//! | the work: O*NET task statements or Skills/Knowledge elements, the stronger | 0.8 | tasks the reviewed tags link to the skill (`data/catalog/task_skills.csv`): tag weight x (core 1, supplemental 0.5), 2 or more = 1; elements: mean of (importance - 1) / 4 over the skill's own elements |
//! | O*NET technology skills | 0.1 | examples in its commodity categories, 5 or more = 1 |
//! | ESCO skills of crosswalked occupations | 0.1 | essential 1, optional 0.5, else 0 |
//!
//! Tasks and elements are two readings of the same work, so the skill
//! counts as much as the stronger shows it: an element rated important
//! for the occupation is evidence even where no task names the skill.
//!
//! Task statements are linked to skills by a reviewed table rather than by
//! words in them: "records" of a billing clerk are accounts, not clinical
//! documentation, and entering data is not querying a database.

use super::definitions::Skill;
pub(crate) use super::definitions::TaskTags;
use super::onet::{EscoOccupation, OnetOccupation};
use super::EDUCATION_CATEGORIES;

const WORK_WEIGHT: f64 = 0.8;
const TECHNOLOGY_WEIGHT: f64 = 0.1;
const ESCO_WEIGHT: f64 = 0.1;
const TASKS_FOR_FULL_EVIDENCE: f64 = 2.0;
const EXAMPLES_FOR_FULL_EVIDENCE: f64 = 5.0;
const SUPPLEMENTAL_TASK: f64 = 0.5;

/// A typical skill level and what backs it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SkillEvidence {
    /// The typical level, in [0, 1].
    pub level: f64,
    /// O*NET task ids that show the skill, strongest first.
    pub tasks: Vec<u32>,
    /// O*NET Skills/Knowledge elements that stand for it, with their
    /// importance (1-5) for the occupation.
    pub elements: Vec<(String, f64)>,
    /// O*NET technology examples in the skill's commodity categories.
    pub technology: Vec<String>,
    /// Crosswalked ESCO occupations that list it, essential first.
    pub esco: Vec<String>,
}

/// Typical level and evidence of every skill of the vocabulary for one
/// occupation.
pub(crate) fn typical_skills(
    skills: &[Skill],
    onet: &OnetOccupation,
    tags: &TaskTags,
    esco: &[(&str, &EscoOccupation)],
) -> Vec<SkillEvidence> {
    skills
        .iter()
        .enumerate()
        .map(|(index, skill)| {
            let mut found = SkillEvidence::default();
            let tasks = task_evidence(index, onet, tags, &mut found);
            let elements = element_evidence(skill, onet, &mut found);
            // Tasks and elements are two readings of the same work: the
            // skill counts as much as the stronger of them shows it.
            let work = match (tasks, elements) {
                (Some(t), Some(e)) => Some(t.max(e)),
                (t, e) => t.or(e),
            };
            let evidence = [
                (WORK_WEIGHT, work),
                (
                    TECHNOLOGY_WEIGHT,
                    technology_evidence(skill, onet, &mut found),
                ),
                (ESCO_WEIGHT, esco_evidence(skill, esco, &mut found)),
            ];
            let (sum, weight) = evidence
                .iter()
                .filter_map(|(w, e)| e.map(|e| (w * e, *w)))
                .fold((0.0, 0.0), |(s, t), (x, w)| (s + x, t + w));
            found.level = if weight > 0.0 { sum / weight } else { 0.0 };
            found
        })
        .collect()
}

fn task_evidence(
    skill: usize,
    onet: &OnetOccupation,
    tags: &TaskTags,
    found: &mut SkillEvidence,
) -> Option<f64> {
    if onet.tasks.is_empty() {
        return None;
    }
    let mut shown: Vec<(u32, f64)> = onet
        .tasks
        .iter()
        .filter_map(|task| {
            let weight = tags
                .get(&task.id)?
                .iter()
                .find(|(s, _)| *s == skill)
                .map(|(_, w)| *w)?;
            let kind = if task.core { 1.0 } else { SUPPLEMENTAL_TASK };
            Some((task.id, weight * kind))
        })
        .collect();
    let total: f64 = shown.iter().map(|(_, w)| w).sum();
    // Strongest first; ties in the file's order.
    shown.sort_by(|a, b| b.1.total_cmp(&a.1));
    found.tasks = shown.into_iter().map(|(id, _)| id).collect();
    Some((total / TASKS_FOR_FULL_EVIDENCE).min(1.0))
}

fn element_evidence(
    skill: &Skill,
    onet: &OnetOccupation,
    found: &mut SkillEvidence,
) -> Option<f64> {
    found.elements = skill
        .onet_elements
        .iter()
        .filter_map(|name| onet.elements.get(name).map(|i| (name.clone(), *i)))
        .collect();
    let n = found.elements.len();
    (n > 0).then(|| {
        found
            .elements
            .iter()
            .map(|(_, importance)| (importance - 1.0) / 4.0)
            .sum::<f64>()
            / n as f64
    })
}

fn technology_evidence(
    skill: &Skill,
    onet: &OnetOccupation,
    found: &mut SkillEvidence,
) -> Option<f64> {
    if skill.technology_categories.is_empty() || onet.technology.is_empty() {
        return None;
    }
    found.technology = onet
        .technology
        .iter()
        .filter(|(category, _)| skill.technology_categories.contains(category))
        .map(|(_, example)| example.clone())
        .collect();
    Some((found.technology.len() as f64 / EXAMPLES_FOR_FULL_EVIDENCE).min(1.0))
}

fn esco_evidence(
    skill: &Skill,
    esco: &[(&str, &EscoOccupation)],
    found: &mut SkillEvidence,
) -> Option<f64> {
    if skill.esco_keywords.is_empty() || esco.is_empty() {
        return None;
    }
    let mentions = |list: &[String]| {
        list.iter()
            .any(|s| skill.esco_keywords.iter().any(|k| s.contains(k.as_str())))
    };
    let mut essential = Vec::new();
    let mut optional = Vec::new();
    for (name, occupation) in esco {
        if mentions(&occupation.essential) {
            essential.push((*name).to_owned());
        } else if mentions(&occupation.optional) {
            optional.push((*name).to_owned());
        }
    }
    let total = essential.len() as f64 + 0.5 * optional.len() as f64;
    found.esco = essential.into_iter().chain(optional).collect();
    Some(total / esco.len() as f64)
}

/// Share of people in each of O*NET's 12 education categories. From
/// O*NET's "required level of education" survey where it has one; where it
/// has none (29-2072.00, 29-9021.00, 13-1041.00 in this release), from the
/// occupation's job zone by the rule in [`job_zone_education`].
pub(crate) fn education_shares(
    onet: &OnetOccupation,
    job_zone: u8,
) -> ([f64; EDUCATION_CATEGORIES], bool) {
    match onet.education {
        Some(shares) if shares.iter().sum::<f64>() > 0.0 => {
            let total: f64 = shares.iter().sum();
            (shares.map(|s| s / total), true)
        }
        _ => (job_zone_education(job_zone), false),
    }
}
/// O*NET's job zone definitions, as shares over the 12 education
/// categories: zone 2 "usually requires a high school diploma", zone 3
/// "training in vocational schools, related on-the-job experience, or an
/// associate's degree", zone 4 "most require a four-year bachelor's
/// degree", zone 5 "most require graduate school". In zone 3 the
/// associate's degree weighs more than a certificate: it is the route to
/// the RHIT credential that HIM employers ask for. (Equal weights also made
/// certificate and associate programs tie exactly, so that tiny profile
/// changes swapped whole blocks of programs.)
pub(crate) fn job_zone_education(job_zone: u8) -> [f64; EDUCATION_CATEGORIES] {
    let mut shares = [0.0; EDUCATION_CATEGORIES];
    let spread: &[(usize, f64)] = match job_zone {
        1 => &[(1, 0.5), (2, 0.5)],
        2 => &[(2, 0.7), (3, 0.15), (4, 0.15)],
        3 => &[(2, 0.15), (3, 0.25), (4, 0.2), (5, 0.35), (6, 0.05)],
        4 => &[(5, 0.1), (6, 0.7), (8, 0.2)],
        _ => &[(6, 0.2), (8, 0.6), (11, 0.2)],
    };
    for (category, share) in spread {
        shares[category - 1] = *share;
    }
    shares
}
