//! Turning a profile into the model's feature vector.
//!
//! Features, in order: every vocabulary skill (proficiency after credential
//! floors, 0 when not stated); the six RIASEC scores (0 when interests are
//! not given) and `interests_stated`; `education_stated` and four
//! cumulative education indicators. Unknown interests or education thus
//! move no weight but the `*_stated` flag's, which the model learns from
//! profiles that leave them out.

use crate::catalog::Skill;
use crate::profile::{EducationLevel, Profile, INTEREST_FIELDS};

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
    names.push("interests_stated".into());
    names.push("education_stated".into());
    names.extend(EDUCATION_THRESHOLDS.iter().map(|(n, _)| (*n).to_owned()));
    names
}

/// Number of features beyond the skills.
pub const NON_SKILL_FEATURES: usize = 6 + 1 + 1 + EDUCATION_THRESHOLDS.len();

/// Writes the profile's features into `out` (cleared first).
pub fn encode(profile: &Profile, out: &mut Vec<f64>) {
    out.clear();
    out.extend_from_slice(&profile.skills);
    match &profile.interests {
        Some(scores) => {
            out.extend_from_slice(scores);
            out.push(1.0);
        }
        None => out.extend_from_slice(&[0.0; 7]),
    }
    match profile.education {
        Some(level) => {
            out.push(1.0);
            out.extend(
                EDUCATION_THRESHOLDS
                    .iter()
                    .map(|(_, min)| if level >= *min { 1.0 } else { 0.0 }),
            );
        }
        None => out.extend_from_slice(&[0.0; 1 + EDUCATION_THRESHOLDS.len()]),
    }
}

/// A sentence fragment naming a feature's value, for explanations.
pub fn describe(name: &str, value: f64) -> String {
    if let Some(area) = name.strip_prefix("interest_") {
        format!("{area} interest {value:.2}")
    } else if name == "interests_stated" {
        if value > 0.0 {
            "interests given".into()
        } else {
            "interests not given".into()
        }
    } else if name == "education_stated" {
        if value > 0.0 {
            "education stated".into()
        } else {
            "education not stated".into()
        }
    } else if let Some(level) = name.strip_prefix("education_at_least_") {
        let level = level.replace('_', " ");
        if value > 0.0 {
            format!("education at or above {level}")
        } else {
            format!("education below {level}")
        }
    } else {
        format!("{name} {value:.2}")
    }
}
