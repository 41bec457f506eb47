//! The catalog's own words in Spanish (`catalog/spanish.json`): skill
//! names, work setting names and the credentials' eligibility routes. Every
//! skill and setting must have a name, and every credential with routes the
//! same number of routes, so no answer is half translated.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use super::credentials::Credential;
use super::definitions::Skill;
use super::error::CatalogError;
use super::settings::WorkSetting;
use crate::language::Language;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Spanish {
    skills: BTreeMap<String, String>,
    work_settings: BTreeMap<String, String>,
    credential_eligibility: BTreeMap<String, Vec<String>>,
}

/// Reads the Spanish words and gives them to the catalog's entries.
pub(crate) fn apply(
    path: &Path,
    skills: &mut [Skill],
    settings: &mut [WorkSetting],
    credentials: &mut [Credential],
) -> Result<(), CatalogError> {
    let text = std::fs::read_to_string(path).map_err(|source| CatalogError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut spanish: Spanish = serde_json::from_str(&text)
        .map_err(|e| CatalogError::at(path, e.line() as u64, e.to_string()))?;
    let missing =
        |what: &str, id: &str| CatalogError::at(path, 0, format!("no Spanish {what} for {id:?}"));
    for skill in skills.iter_mut() {
        skill.name_es = spanish
            .skills
            .remove(&skill.id)
            .ok_or_else(|| missing("skill name", &skill.id))?;
    }
    for setting in settings.iter_mut() {
        setting.name_es = spanish
            .work_settings
            .remove(&setting.id)
            .ok_or_else(|| missing("work setting name", &setting.id))?;
    }
    for credential in credentials.iter_mut() {
        let routes = spanish
            .credential_eligibility
            .remove(&credential.code)
            .unwrap_or_default();
        if routes.len() != credential.eligibility.len() {
            return Err(CatalogError::at(
                path,
                0,
                format!(
                    "{} has {} eligibility routes in credentials.csv and {} in Spanish",
                    credential.code,
                    credential.eligibility.len(),
                    routes.len()
                ),
            ));
        }
        credential.eligibility_es = routes;
    }
    let unknown = spanish
        .skills
        .keys()
        .chain(spanish.work_settings.keys())
        .chain(spanish.credential_eligibility.keys())
        .next();
    match unknown {
        Some(id) => Err(CatalogError::at(
            path,
            0,
            format!("{id:?} is not in the catalog"),
        )),
        None => Ok(()),
    }
}

impl Skill {
    /// Its name in `language`.
    pub fn name_in(&self, language: Language) -> &str {
        match language {
            Language::En => &self.name,
            Language::Es => &self.name_es,
        }
    }
}

impl WorkSetting {
    /// Its name in `language`.
    pub fn name_in(&self, language: Language) -> &str {
        match language {
            Language::En => &self.name,
            Language::Es => &self.name_es,
        }
    }
}

impl Credential {
    /// Its eligibility routes in `language`.
    pub fn eligibility_in(&self, language: Language) -> &[String] {
        match language {
            Language::En => &self.eligibility,
            Language::Es => &self.eligibility_es,
        }
    }
}
