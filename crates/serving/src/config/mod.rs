//! Server configuration: one TOML file, overridden by `HIMREC_*`
//! environment variables, overridden in turn by command-line flags.
//!
//! Every setting has a default, so an empty file (or none) serves the
//! bundled data and model on 127.0.0.1. Settings are checked as a whole by
//! [`Config::validate`], which reports every problem at once, each naming
//! the key at fault.

mod error;
mod keys;
mod overrides;
mod problem;
mod sections;
mod validate;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub use error::ConfigError;
pub use overrides::{Override, Source, ENV_PREFIX};
pub use sections::{
    ApiKey, Auth, Json, Limits, Log, LogFormat, Metrics, Page, Paging, Role, Shadow, Tenant, Tls,
    Tracing,
};

/// The whole configuration of `himrec serve`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Address the gRPC service listens on.
    pub addr: SocketAddr,
    /// Folder of the vendored data.
    pub data: PathBuf,
    /// Model artifact: the `stable` model, which calls use unless told
    /// otherwise.
    pub model: PathBuf,
    /// A second model artifact, the `candidate`, loaded beside the stable
    /// one for comparison and promotion; empty for none.
    pub candidate_model: PathBuf,
    /// Shadow scoring of the candidate model.
    pub shadow: Shadow,
    /// The operator's program overlay; empty for none.
    pub programs_overlay: PathBuf,
    /// Browser origins allowed to call through gRPC-Web.
    pub cors_origins: Vec<String>,
    /// Request, concurrency and connection limits.
    pub limits: Limits,
    /// Transport security.
    pub tls: Tls,
    /// API keys.
    pub auth: Auth,
    /// The Prometheus endpoint.
    pub metrics: Metrics,
    /// Log output.
    pub log: Log,
    /// Catalog paging.
    pub paging: Paging,
    /// The HTTP/JSON door.
    pub json: Json,
    /// The page people use in a browser.
    pub page: Page,
    /// Trace export.
    pub tracing: Tracing,
    /// Institutions served apart from each other; none means every caller
    /// sees the same catalog.
    pub tenants: Vec<Tenant>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 50051)),
            data: PathBuf::from("data"),
            model: PathBuf::from("models/career_model.json"),
            candidate_model: PathBuf::new(),
            shadow: Shadow::default(),
            programs_overlay: PathBuf::new(),
            cors_origins: Vec::new(),
            limits: Limits::default(),
            tls: Tls::default(),
            auth: Auth::default(),
            metrics: Metrics::default(),
            log: Log::default(),
            paging: Paging::default(),
            json: Json::default(),
            page: Page::default(),
            tracing: Tracing::default(),
            tenants: Vec::new(),
        }
    }
}

impl Config {
    /// Reads `file` (if any), then applies `overrides` in order, then
    /// validates the result.
    pub fn load(file: Option<&Path>, overrides: &[Override]) -> Result<Self, ConfigError> {
        let text = match file {
            Some(path) => std::fs::read_to_string(path)
                .map_err(|e| ConfigError::one(format!("{}: {e}", path.display())))?,
            None => String::new(),
        };
        let origin = file.map_or_else(|| "defaults".to_owned(), |p| p.display().to_string());
        Self::from_toml(&text, &origin, overrides)
    }

    /// [`Self::load`] from TOML text; `origin` names it in errors.
    pub fn from_toml(
        text: &str,
        origin: &str,
        overrides: &[Override],
    ) -> Result<Self, ConfigError> {
        // Deserialising the text itself first gives errors with line numbers
        // and unknown-key names.
        toml::from_str::<Self>(text).map_err(|e| ConfigError::one(format!("{origin}: {e}")))?;
        let mut table: toml::Table = text
            .parse()
            .map_err(|e| ConfigError::one(format!("{origin}: {e}")))?;
        for o in overrides {
            overrides::apply(&mut table, o)?;
        }
        let config: Self = toml::Value::Table(table)
            .try_into()
            .map_err(|e| ConfigError::one(format!("{origin} with overrides: {e}")))?;
        config.validate()?;
        Ok(config)
    }

    /// The candidate model, if one is set.
    pub fn candidate_model(&self) -> Option<&Path> {
        (!self.candidate_model.as_os_str().is_empty()).then_some(self.candidate_model.as_path())
    }

    /// The program overlay, if one is set.
    pub fn programs_overlay(&self) -> Option<&Path> {
        (!self.programs_overlay.as_os_str().is_empty()).then_some(self.programs_overlay.as_path())
    }

    /// This configuration as TOML with secrets (the page-token secret, the
    /// key hashes) replaced by `<redacted>`.
    pub fn redacted_toml(&self) -> String {
        let mut shown = self.clone();
        if !shown.paging.token_secret.is_empty() {
            shown.paging.token_secret = "<redacted>".to_owned();
        }
        for key in &mut shown.auth.keys {
            key.sha256 = "<redacted>".to_owned();
        }
        toml::to_string(&shown).expect("a configuration serialises")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_file_is_the_defaults() {
        assert_eq!(Config::from_toml("", "t", &[]).unwrap(), Config::default());
    }

    #[test]
    fn the_defaults_round_trip_through_toml() {
        let text = toml::to_string(&Config::default()).unwrap();
        assert_eq!(
            Config::from_toml(&text, "t", &[]).unwrap(),
            Config::default()
        );
    }

    #[test]
    fn parse_errors_name_the_key() {
        let err = |text: &str| Config::from_toml(text, "t", &[]).unwrap_err().to_string();
        assert!(err("[limits]\nmax_skils = 3\n").contains("max_skils"));
        assert!(err("[limits]\nmax_skills = \"many\"\n").contains("max_skills"));
        assert!(err("[log]\nformat = \"yaml\"\n").contains("format"));
    }

    #[test]
    fn secrets_are_redacted() {
        let mut config = Config::default();
        config.paging.token_secret = "a very secret string".to_owned();
        config.auth.keys.push(ApiKey {
            name: "platform".to_owned(),
            sha256: "ab".repeat(32),
            role: Role::Admin,
            ..ApiKey::default()
        });
        let shown = config.redacted_toml();
        assert!(!shown.contains("a very secret string"));
        assert!(!shown.contains(&"ab".repeat(32)));
        assert!(shown.contains("platform"));
    }
}
