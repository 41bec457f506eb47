//! Server configuration: one TOML file, overridden by `HIMREC_*`
//! environment variables, overridden in turn by command-line flags.
//!
//! Every setting has a default, so an empty file (or none) serves the
//! bundled data and model on 127.0.0.1. Settings are checked as a whole by
//! [`Config::validate`]; each error names the key at fault.

mod overrides;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

pub use overrides::{Override, Source, ENV_PREFIX};

/// The whole configuration of `himrec serve`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Address the gRPC service listens on.
    pub addr: SocketAddr,
    /// Folder of the vendored data.
    pub data: PathBuf,
    /// Model artifact.
    pub model: PathBuf,
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
}

impl Default for Config {
    fn default() -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 50051)),
            data: PathBuf::from("data"),
            model: PathBuf::from("models/career_model.json"),
            programs_overlay: PathBuf::new(),
            cors_origins: Vec::new(),
            limits: Limits::default(),
            tls: Tls::default(),
            auth: Auth::default(),
            metrics: Metrics::default(),
            log: Log::default(),
            paging: Paging::default(),
        }
    }
}

/// Limits that keep one client or one burst from taking the server down.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// Largest request message the server decodes, in bytes.
    pub max_request_bytes: usize,
    /// Most skills one profile may state.
    pub max_skills: usize,
    /// Most requests one `RecommendBatch` call may send.
    pub max_batch_items: usize,
    /// Calls served at once; a call beyond this is refused at once with
    /// `RESOURCE_EXHAUSTED` rather than queued. Health checks do not count.
    pub max_concurrent_calls: usize,
    /// Deadline of a call whose client sets none, in milliseconds.
    pub default_deadline_ms: u64,
    /// Longest deadline a client may ask for, in milliseconds; a longer
    /// `grpc-timeout` is cut to this.
    pub max_deadline_ms: u64,
    /// Seconds between HTTP/2 keepalive pings on a connection; 0 for none.
    pub keepalive_interval_secs: u64,
    /// Seconds to wait for a ping's answer before closing the connection.
    pub keepalive_timeout_secs: u64,
    /// Seconds calls in flight may take to finish after a shutdown signal.
    pub shutdown_grace_secs: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_request_bytes: 64 * 1024,
            max_skills: 64,
            max_batch_items: 100_000,
            max_concurrent_calls: 256,
            default_deadline_ms: 10_000,
            max_deadline_ms: 60_000,
            keepalive_interval_secs: 30,
            keepalive_timeout_secs: 10,
            shutdown_grace_secs: 20,
        }
    }
}

impl Limits {
    /// [`Self::default_deadline_ms`] as a duration.
    pub fn default_deadline(&self) -> Duration {
        Duration::from_millis(self.default_deadline_ms)
    }

    /// [`Self::max_deadline_ms`] as a duration.
    pub fn max_deadline(&self) -> Duration {
        Duration::from_millis(self.max_deadline_ms)
    }

    /// [`Self::keepalive_interval_secs`] as a duration, if pings are on.
    pub fn keepalive_interval(&self) -> Option<Duration> {
        (self.keepalive_interval_secs > 0)
            .then(|| Duration::from_secs(self.keepalive_interval_secs))
    }

    /// [`Self::keepalive_timeout_secs`] as a duration.
    pub fn keepalive_timeout(&self) -> Duration {
        Duration::from_secs(self.keepalive_timeout_secs)
    }

    /// [`Self::shutdown_grace_secs`] as a duration.
    pub fn shutdown_grace(&self) -> Duration {
        Duration::from_secs(self.shutdown_grace_secs)
    }
}

/// TLS from PEM files; all empty means plain TCP.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Tls {
    /// The server's certificate chain.
    pub cert: PathBuf,
    /// The server's private key.
    pub key: PathBuf,
    /// CA certificates that sign client certificates; when set, every
    /// client must present one (mutual TLS).
    pub client_ca: PathBuf,
}

impl Tls {
    /// Whether TLS is on.
    pub fn enabled(&self) -> bool {
        !self.cert.as_os_str().is_empty()
    }
}

/// API keys; none means every caller may use the client RPCs and nobody
/// may use the admin RPCs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Auth {
    /// The keys, each stored as the SHA-256 of its token.
    pub keys: Vec<ApiKey>,
}

/// One named API key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiKey {
    /// Who holds the key, e.g. `admissions-backend`; appears in logs.
    pub name: String,
    /// Lowercase hex SHA-256 of the token (`himrec config new-key` makes both).
    pub sha256: String,
    /// What the key may do.
    #[serde(default)]
    pub role: Role,
}

/// What a key may call.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Recommender, Catalog and reflection.
    #[default]
    Client,
    /// Everything a client may, and the Admin service.
    Admin,
}

/// The Prometheus endpoint.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Metrics {
    /// Address of the HTTP endpoint serving `/metrics`; empty for none.
    pub addr: String,
}

impl Metrics {
    /// The endpoint's address, if one is configured (checked by
    /// [`Config::validate`]).
    pub fn socket_addr(&self) -> Option<SocketAddr> {
        self.addr.parse().ok()
    }
}

/// Log output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Log {
    /// `auto` (text on a terminal, JSON otherwise), `json` or `text`.
    pub format: LogFormat,
    /// Filter in `RUST_LOG` syntax; `RUST_LOG` itself wins when set.
    pub level: String,
}

impl Default for Log {
    fn default() -> Self {
        Self {
            format: LogFormat::Auto,
            level: "info".to_owned(),
        }
    }
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Text on a terminal, JSON otherwise.
    Auto,
    /// One JSON object per line.
    Json,
    /// Human-readable text.
    Text,
}

/// Catalog paging.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Paging {
    /// Secret that signs page tokens. Replicas behind one address must share
    /// it so a token from one is honoured by another; empty draws a random
    /// secret per process.
    pub token_secret: String,
}

/// A configuration that cannot be used; the message names the key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ConfigError(pub String);

fn bad(key: &str, why: impl std::fmt::Display) -> ConfigError {
    ConfigError(format!("{key}: {why}"))
}

impl Config {
    /// Reads `file` (if any), then applies `overrides` in order, then
    /// validates the result.
    pub fn load(file: Option<&Path>, overrides: &[Override]) -> Result<Self, ConfigError> {
        let text = match file {
            Some(path) => std::fs::read_to_string(path)
                .map_err(|e| ConfigError(format!("{}: {e}", path.display())))?,
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
        toml::from_str::<Self>(text).map_err(|e| ConfigError(format!("{origin}: {e}")))?;
        let mut table: toml::Table = text
            .parse()
            .map_err(|e| ConfigError(format!("{origin}: {e}")))?;
        for o in overrides {
            overrides::apply(&mut table, o)?;
        }
        let config: Self = toml::Value::Table(table)
            .try_into()
            .map_err(|e| ConfigError(format!("{origin} with overrides: {e}")))?;
        config.validate()?;
        Ok(config)
    }

    /// Checks the settings that a type alone cannot.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let l = &self.limits;
        let at_least_one = [
            ("limits.max_request_bytes", l.max_request_bytes),
            ("limits.max_skills", l.max_skills),
            ("limits.max_batch_items", l.max_batch_items),
            ("limits.max_concurrent_calls", l.max_concurrent_calls),
            ("limits.default_deadline_ms", l.default_deadline_ms as usize),
            ("limits.max_deadline_ms", l.max_deadline_ms as usize),
        ];
        for (key, value) in at_least_one {
            if value == 0 {
                return Err(bad(key, "must be at least 1"));
            }
        }
        if l.max_request_bytes > 16 * 1024 * 1024 {
            return Err(bad("limits.max_request_bytes", "must be at most 16 MiB"));
        }
        if l.default_deadline_ms > l.max_deadline_ms {
            return Err(bad(
                "limits.default_deadline_ms",
                "must not exceed limits.max_deadline_ms",
            ));
        }
        if l.keepalive_interval_secs > 0 && l.keepalive_timeout_secs == 0 {
            return Err(bad(
                "limits.keepalive_timeout_secs",
                "must be at least 1 when keepalive pings are on",
            ));
        }
        let tls = &self.tls;
        let set = |p: &PathBuf| !p.as_os_str().is_empty();
        match (set(&tls.cert), set(&tls.key)) {
            (true, false) => return Err(bad("tls.key", "required when tls.cert is set")),
            (false, true) => return Err(bad("tls.cert", "required when tls.key is set")),
            _ => {}
        }
        if set(&tls.client_ca) && !set(&tls.cert) {
            return Err(bad(
                "tls.client_ca",
                "mutual TLS needs tls.cert and tls.key",
            ));
        }
        for (key, path) in [
            ("tls.cert", &tls.cert),
            ("tls.key", &tls.key),
            ("tls.client_ca", &tls.client_ca),
        ] {
            if set(path) && !path.is_file() {
                return Err(bad(key, format!("no file {}", path.display())));
            }
        }
        let mut names = std::collections::HashSet::new();
        for (i, key) in self.auth.keys.iter().enumerate() {
            let at = format!("auth.keys[{i}]");
            if key.name.trim().is_empty() {
                return Err(bad(&format!("{at}.name"), "must not be empty"));
            }
            if !names.insert(key.name.as_str()) {
                return Err(bad(
                    &format!("{at}.name"),
                    format!("{:?} is used twice", key.name),
                ));
            }
            let hex = key.sha256.len() == 64
                && key
                    .sha256
                    .bytes()
                    .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
            if !hex {
                return Err(bad(
                    &format!("{at}.sha256"),
                    "must be 64 lowercase hex digits (the SHA-256 of the token)",
                ));
            }
        }
        if !self.metrics.addr.is_empty() {
            let Some(metrics) = self.metrics.socket_addr() else {
                return Err(bad("metrics.addr", "not a HOST:PORT socket address"));
            };
            if metrics == self.addr && metrics.port() != 0 {
                return Err(bad("metrics.addr", "must differ from addr"));
            }
        }
        if let Err(e) = tracing_subscriber::EnvFilter::try_new(&self.log.level) {
            return Err(bad("log.level", e));
        }
        for origin in &self.cors_origins {
            if origin.parse::<tonic::codegen::http::HeaderValue>().is_err() || origin.is_empty() {
                return Err(bad("cors_origins", format!("bad origin {origin:?}")));
            }
        }
        if !self.paging.token_secret.is_empty() && self.paging.token_secret.len() < 16 {
            return Err(bad("paging.token_secret", "must be at least 16 characters"));
        }
        Ok(())
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
    fn errors_name_the_key() {
        let err = |text: &str| Config::from_toml(text, "t", &[]).unwrap_err().0;
        assert!(err("[limits]\nmax_skils = 3\n").contains("max_skils"));
        assert!(err("[limits]\nmax_skills = \"many\"\n").contains("max_skills"));
        assert!(err("[limits]\nmax_concurrent_calls = 0\n").contains("limits.max_concurrent_calls"));
        assert!(err("[tls]\ncert = \"a.pem\"\n").contains("tls.key"));
        assert!(err("[metrics]\naddr = \"nowhere\"\n").contains("metrics.addr"));
        assert!(
            err("[[auth.keys]]\nname = \"a\"\nsha256 = \"xyz\"\n").contains("auth.keys[0].sha256")
        );
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
        });
        let shown = config.redacted_toml();
        assert!(!shown.contains("a very secret string"));
        assert!(!shown.contains(&"ab".repeat(32)));
        assert!(shown.contains("platform"));
    }
}
