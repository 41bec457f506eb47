//! What each career path typically asks of a person: skill levels, interests
//! and education, derived from O*NET and ESCO evidence.
//!
//! A skill's typical level for an occupation is a weighted mean of up to four
//! kinds of evidence, each scaled to [0, 1], over the kinds that both the
//! skill defines and the occupation has data for:
//!
//! | evidence | weight | measure |
//! |---|---|---|
//! | O*NET Skills/Knowledge elements | 0.35 | mean of (importance - 1) / 4 |
//! | O*NET task statements | 0.35 | tasks mentioning it (core 1, supplemental 0.5), 3 or more = 1 |
//! | O*NET technology skills | 0.15 | examples in its commodity categories, 5 or more = 1 |
//! | ESCO skills of crosswalked occupations | 0.15 | essential 1, optional 0.5, else 0 |

use super::definitions::Skill;
use super::onet::{EscoOccupation, OnetOccupation};
use super::EDUCATION_CATEGORIES;

const ELEMENT_WEIGHT: f64 = 0.35;
const TASK_WEIGHT: f64 = 0.35;
const TECHNOLOGY_WEIGHT: f64 = 0.15;
const ESCO_WEIGHT: f64 = 0.15;
const TASKS_FOR_FULL_EVIDENCE: f64 = 3.0;
const EXAMPLES_FOR_FULL_EVIDENCE: f64 = 5.0;

/// Typical level of every skill of the vocabulary for one occupation.
pub(crate) fn typical_skills(
    skills: &[Skill],
    onet: &OnetOccupation,
    esco: &[&EscoOccupation],
) -> Vec<f64> {
    skills
        .iter()
        .map(|skill| {
            let evidence = [
                (ELEMENT_WEIGHT, element_evidence(skill, onet)),
                (TASK_WEIGHT, task_evidence(skill, onet)),
                (TECHNOLOGY_WEIGHT, technology_evidence(skill, onet)),
                (ESCO_WEIGHT, esco_evidence(skill, esco)),
            ];
            let (sum, weight) = evidence
                .iter()
                .filter_map(|(w, e)| e.map(|e| (w * e, *w)))
                .fold((0.0, 0.0), |(s, t), (x, w)| (s + x, t + w));
            if weight > 0.0 {
                sum / weight
            } else {
                0.0
            }
        })
        .collect()
}

fn element_evidence(skill: &Skill, onet: &OnetOccupation) -> Option<f64> {
    let found: Vec<f64> = skill
        .onet_elements
        .iter()
        .filter_map(|name| onet.elements.get(name))
        .map(|importance| (importance - 1.0) / 4.0)
        .collect();
    (!found.is_empty()).then(|| found.iter().sum::<f64>() / found.len() as f64)
}

fn task_evidence(skill: &Skill, onet: &OnetOccupation) -> Option<f64> {
    if skill.task_keywords.is_empty() || onet.tasks.is_empty() {
        return None;
    }
    let matched: f64 = onet
        .tasks
        .iter()
        .filter(|(task, _)| {
            let task = task.to_lowercase();
            skill
                .task_keywords
                .iter()
                .any(|k| task.contains(k.as_str()))
        })
        .map(|(_, core)| if *core { 1.0 } else { 0.5 })
        .sum();
    Some((matched / TASKS_FOR_FULL_EVIDENCE).min(1.0))
}

fn technology_evidence(skill: &Skill, onet: &OnetOccupation) -> Option<f64> {
    if skill.technology_categories.is_empty() || onet.technology.is_empty() {
        return None;
    }
    let examples = onet
        .technology
        .iter()
        .filter(|(category, _)| skill.technology_categories.contains(category))
        .count() as f64;
    Some((examples / EXAMPLES_FOR_FULL_EVIDENCE).min(1.0))
}

fn esco_evidence(skill: &Skill, esco: &[&EscoOccupation]) -> Option<f64> {
    if skill.esco_keywords.is_empty() || esco.is_empty() {
        return None;
    }
    let mentions = |list: &[String]| {
        list.iter()
            .any(|s| skill.esco_keywords.iter().any(|k| s.contains(k.as_str())))
    };
    let total: f64 = esco
        .iter()
        .map(|o| {
            if mentions(&o.essential) {
                1.0
            } else if mentions(&o.optional) {
                0.5
            } else {
                0.0
            }
        })
        .sum();
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
