//! Turning a profile into the model's feature vector.
//!
//! Features, in order: every vocabulary skill (proficiency after credential
//! floors, 0 when not claimed); `skills_stated`, the share of the
//! vocabulary the person claims at all (so a profile that gives no skills
//! is not read as one weak at everything; a skill counts in full from 0.5
//! up and in proportion below, so a small change never jumps); the six RIASEC scores; four
//! cumulative education indicators. Interests or education left out are filled with
//! the reference profile's values (the training means), so what a person
//! does not say moves no score and earns no explanation.

use crate::catalog::Skill;
use crate::profile::{EducationLevel, Profile, INTEREST_FIELDS};
use crate::text::fixed;

/// Education thresholds, as (feature name, lowest level that sets it).
const EDUCATION_THRESHOLDS: [(&str, EducationLevel); 4] = [
    (
        "education_at_least_postsecondary_certificate",
        EducationLevel::PostsecondaryCertificate,
    ),
    ("education_at_least_associate", EducationLevel::Associate),
    ("education_at_least_bachelor", EducationLevel::Bachelor),
    ("education_at_least_master", EducationLevel::Master),
];

/// Proficiency from which a skill counts in full in `skills_stated`.
const STATED_RAMP: f64 = 0.5;

/// A skill's share in `skills_stated`, before dividing by the vocabulary
/// size.
pub fn stated_weight(level: f64) -> f64 {
    (level / STATED_RAMP).min(1.0)
}

/// The feature names for a vocabulary, in order.
pub fn feature_names(skills: &[Skill]) -> Vec<String> {
    let mut names: Vec<String> = skills.iter().map(|s| s.id.clone()).collect();
    names.push("skills_stated".into());
    names.extend(INTEREST_FIELDS.iter().map(|f| format!("interest_{f}")));
    names.extend(EDUCATION_THRESHOLDS.iter().map(|(n, _)| (*n).to_owned()));
    names
}

/// Writes the profile's features into `out` (cleared first), taking the
/// values of unknown interests and education from `fill` (a full feature
/// vector, normally the reference profile).
pub fn encode(profile: &Profile, fill: &[f64], out: &mut Vec<f64>) {
    out.clear();
    out.extend_from_slice(&profile.skills);
    let stated: f64 = profile.skills.iter().map(|s| stated_weight(*s)).sum();
    out.push(stated / profile.skills.len().max(1) as f64);
    let interests = out.len()..out.len() + INTEREST_FIELDS.len();
    match &profile.interests {
        Some(scores) => out.extend_from_slice(scores),
        None => out.extend_from_slice(&fill[interests]),
    }
    let education = out.len()..out.len() + EDUCATION_THRESHOLDS.len();
    match profile.education {
        Some(level) => {
            out.extend(
                EDUCATION_THRESHOLDS
                    .iter()
                    .map(|(_, min)| if level >= *min { 1.0 } else { 0.0 }),
            )
        }
        None => out.extend_from_slice(&fill[education]),
    }
}

/// A sentence fragment naming a feature's value, for explanations.
pub fn describe(name: &str, value: f64) -> String {
    if name == "skills_stated" {
        format!("{}% of the skills stated", fixed(100.0 * value, 0))
    } else if let Some(area) = name.strip_prefix("interest_") {
        format!("{area} interest {}", fixed(value, 2))
    } else if let Some(level) = name.strip_prefix("education_at_least_") {
        let level = level.replace('_', " ");
        if value > 0.0 {
            format!("education at or above {level}")
        } else {
            format!("education below {level}")
        }
    } else {
        format!("{name} {}", fixed(value, 2))
    }
}
