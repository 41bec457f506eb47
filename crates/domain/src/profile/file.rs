//! A profile as people write it in a file or a document: the `Profile`
//! message in JSON, with the education level and the goal as words
//! (`"bachelor"`, `"advance"`) or their enum names, and field names as
//! the proto writes them or as its JSON mapping does (`highestEducation`):
//! the same words the JSON door takes. `himrec recommend` reads it, and so
//! do the counselor panel and the examples.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{EducationLevel, Goal, ProfileInput};
use crate::riasec::Riasec;

/// A profile file, nothing checked but its shape and its words.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileFile {
    #[serde(default)]
    skills: BTreeMap<String, f64>,
    interests: Option<Riasec<f64>>,
    #[serde(alias = "interestProfiler")]
    interest_profiler: Option<Riasec<u32>>,
    #[serde(alias = "highestEducation")]
    highest_education: Option<String>,
    #[serde(default)]
    credentials: Vec<String>,
    #[serde(default)]
    state: String,
    goal: Option<String>,
    #[serde(default, alias = "currentOccupation")]
    current_occupation: String,
    #[serde(alias = "yearsExperience")]
    years_experience: Option<f64>,
}

impl ProfileFile {
    /// Reads a profile from JSON text.
    pub fn parse(text: &str) -> Result<Self, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    /// The profile as received, or what word is not known.
    pub fn into_input(self) -> Result<ProfileInput, String> {
        let highest_education = match self.highest_education.as_deref() {
            None => 0,
            Some(word) => EducationLevel::from_name(word).map(|l| l as i32).ok_or_else(|| {
                format!(
                    "unknown highest_education {word:?}: use e.g. \"associate\", \"bachelor\", \"master\""
                )
            })?,
        };
        let goal = match self.goal.as_deref() {
            None => 0,
            Some(word) => Goal::from_name(word).map(|g| g as i32).ok_or_else(|| {
                format!(
                    "unknown goal {word:?}: use \"explore\", \"find_work\", \"advance\" or \"change\""
                )
            })?,
        };
        Ok(ProfileInput {
            skills: self.skills.into_iter().collect(),
            interests: self.interests.map(Into::into),
            interest_profiler: self.interest_profiler.map(Into::into),
            highest_education,
            credentials: self.credentials,
            state: self.state,
            goal,
            current_occupation: self.current_occupation,
            years_experience: self.years_experience,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_enum_names_are_read() {
        let file = ProfileFile::parse(
            r#"{"highest_education": "EDUCATION_LEVEL_BACHELOR", "goal": "advance",
                "current_occupation": "29-2072.00", "years_experience": 8}"#,
        )
        .unwrap();
        let input = file.into_input().unwrap();
        assert_eq!(input.highest_education, EducationLevel::Bachelor as i32);
        assert_eq!(input.goal, Goal::Advance as i32);
        assert_eq!(input.years_experience, Some(8.0));
        // The JSON door's field names read the same.
        let door = ProfileFile::parse(
            r#"{"highestEducation": "bachelor", "currentOccupation": "29-2072.00",
                "yearsExperience": 8, "goal": "GOAL_ADVANCE"}"#,
        )
        .unwrap();
        let door = door.into_input().unwrap();
        assert_eq!(
            (door.highest_education, door.goal, door.years_experience),
            (input.highest_education, input.goal, input.years_experience)
        );
        assert_eq!(door.current_occupation, "29-2072.00");
        let bad = ProfileFile::parse(r#"{"goal": "retire"}"#).unwrap();
        assert!(bad.into_input().unwrap_err().contains("retire"));
        assert!(ProfileFile::parse(r#"{"applicant": 1}"#).is_err());
    }
}
