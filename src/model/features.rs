//! Turning a profile into the model's feature vector.
//!
//! Features, in order: every vocabulary skill (proficiency after credential
//! floors, 0 when not claimed); the six RIASEC scores; four cumulative
//! education indicators. Interests or education left out are filled with
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

/// The feature names for a vocabulary, in order.
pub fn feature_names(skills: &[Skill]) -> Vec<String> {
    let mut names: Vec<String> = skills.iter().map(|s| s.id.clone()).collect();
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
    if let Some(area) = name.strip_prefix("interest_") {
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
