//! Settings given outside the file: `HIMREC_*` environment variables and
//! `--set key=value` flags. A key's type is its default's type, so
//! `HIMREC_LIMITS_MAX_SKILLS=abc` is refused naming the variable and key.
//!
//! Why not `figment`: it would merge the layers (`apply`, some 40 lines),
//! but not the rest of what this file does for an operator. Its `Env`
//! provider nests keys on a separator, where ours are the dotted key
//! upper-cased (`limits.max_skills` is `HIMREC_LIMITS_MAX_SKILLS`, as the
//! manifests and docs/operations.md write them), so the name would still
//! be looked up among the known keys here; it guesses a value's type from
//! its text, where a key takes its default's (a list from commas, `1` as
//! a share). A misspelt `HIMREC_*` variable is refused here by its own
//! name. The file itself is read by `toml` and serde, as figment would
//! read it.

use super::{Config, ConfigError};

/// Prefix of the environment variables that override settings.
pub const ENV_PREFIX: &str = "HIMREC_";

/// Environment variables with the prefix that are not settings.
const NOT_SETTINGS: &[&str] = &["HIMREC_CONFIG"];

/// Where an override came from, for error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// An environment variable of this name.
    Env(String),
    /// A command-line flag of this name.
    Flag(String),
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Env(name) => write!(f, "environment variable {name}"),
            Self::Flag(name) => write!(f, "flag {name}"),
        }
    }
}

/// One setting given outside the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    /// Dotted key, e.g. `limits.max_skills`.
    pub key: String,
    /// The value as text; lists are comma-separated.
    pub value: String,
    /// Where it came from.
    pub source: Source,
}

impl Override {
    /// An override from a flag.
    pub fn flag(flag: &str, key: &str, value: impl Into<String>) -> Self {
        Self {
            key: key.to_owned(),
            value: value.into(),
            source: Source::Flag(flag.to_owned()),
        }
    }

    /// `--set key=value`.
    pub fn parse_set(text: &str) -> Result<Self, ConfigError> {
        let (key, value) = text
            .split_once('=')
            .ok_or_else(|| ConfigError::one(format!("--set {text:?}: expected KEY=VALUE")))?;
        Ok(Self::flag("--set", key.trim(), value))
    }

    /// The overrides among `vars` (e.g. `std::env::vars()`); an unknown
    /// `HIMREC_*` variable is an error, since it is most likely a typo.
    pub fn from_env(
        vars: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Vec<Self>, ConfigError> {
        let keys = settable_keys();
        let mut found = Vec::new();
        for (name, value) in vars {
            if !name.starts_with(ENV_PREFIX) || NOT_SETTINGS.contains(&name.as_str()) {
                continue;
            }
            let key = keys
                .iter()
                .find(|(key, _)| env_name(key) == name)
                .map(|(key, _)| key.clone())
                .ok_or_else(|| {
                    ConfigError::one(format!("{name}: not a setting (see `himrec config show`)"))
                })?;
            found.push(Self {
                key,
                value,
                source: Source::Env(name),
            });
        }
        found.sort_by(|a, b| a.key.cmp(&b.key));
        Ok(found)
    }
}

/// The environment variable that overrides `key`.
pub(super) fn env_name(key: &str) -> String {
    format!("{ENV_PREFIX}{}", key.replace('.', "_").to_uppercase())
}

/// Every key that can be overridden, with its default value; lists of
/// tables (API keys) are set in the file only.
fn settable_keys() -> Vec<(String, toml::Value)> {
    fn walk(prefix: &str, table: &toml::Table, out: &mut Vec<(String, toml::Value)>) {
        for (name, value) in table {
            let key = if prefix.is_empty() {
                name.clone()
            } else {
                format!("{prefix}.{name}")
            };
            match value {
                toml::Value::Table(inner) => walk(&key, inner, out),
                toml::Value::Array(items)
                    if key == "auth.keys" || items.iter().any(|v| v.is_table()) => {}
                _ => out.push((key, value.clone())),
            }
        }
    }
    let defaults = toml::Table::try_from(Config::default()).expect("defaults serialise");
    let mut out = Vec::new();
    walk("", &defaults, &mut out);
    out
}

/// Sets `o` in `table`, typed like the key's default.
pub(super) fn apply(table: &mut toml::Table, o: &Override) -> Result<(), ConfigError> {
    let keys = settable_keys();
    let (_, default) = keys
        .iter()
        .find(|(key, _)| *key == o.key)
        .ok_or_else(|| ConfigError::one(format!("{}: no setting {:?}", o.source, o.key)))?;
    let wrong = |what: &str| {
        ConfigError::one(format!(
            "{} ({}): expected {what}, got {:?}",
            o.source, o.key, o.value
        ))
    };
    let value = match default {
        toml::Value::Integer(_) => toml::Value::Integer(
            o.value
                .trim()
                .parse()
                .map_err(|_| wrong("a whole number"))?,
        ),
        toml::Value::Float(_) => toml::Value::Float(
            o.value
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|f| f.is_finite())
                .ok_or_else(|| wrong("a number"))?,
        ),
        toml::Value::Boolean(_) => {
            toml::Value::Boolean(o.value.trim().parse().map_err(|_| wrong("true or false"))?)
        }
        toml::Value::Array(_) => toml::Value::Array(
            o.value
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| toml::Value::String(s.to_owned()))
                .collect(),
        ),
        _ => toml::Value::String(o.value.clone()),
    };
    let mut parts: Vec<&str> = o.key.split('.').collect();
    let last = parts.pop().expect("keys are not empty");
    let mut at = table;
    for part in parts {
        at = at
            .entry(part)
            .or_insert_with(|| toml::Value::Table(toml::Table::new()))
            .as_table_mut()
            .ok_or_else(|| ConfigError::one(format!("{}: {part} is not a table", o.source)))?;
    }
    at.insert(last.to_owned(), value);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn file_then_env_then_flags() {
        let file = "addr = \"127.0.0.1:1\"\n[limits]\nmax_skills = 5\nmax_batch_items = 7\n";
        let mut overrides = Override::from_env(env(&[
            ("HIMREC_LIMITS_MAX_SKILLS", "6"),
            (
                "HIMREC_CORS_ORIGINS",
                "https://a.example, https://b.example",
            ),
            ("PATH", "/bin"),
            ("HIMREC_CONFIG", "ignored.toml"),
        ]))
        .unwrap();
        overrides.push(Override::flag("--addr", "addr", "127.0.0.1:2"));
        overrides.push(Override::parse_set("limits.max_skills=8").unwrap());
        let config = Config::from_toml(file, "t", &overrides).unwrap();
        assert_eq!(config.addr.port(), 2);
        assert_eq!(config.limits.max_skills, 8);
        assert_eq!(config.limits.max_batch_items, 7);
        assert_eq!(
            config.cors_origins,
            ["https://a.example", "https://b.example"]
        );
    }

    #[test]
    fn a_share_is_set_as_a_number_and_refused_as_anything_else() {
        let set = |v: &str| {
            let o = Override::parse_set(&format!("shadow.share={v}")).unwrap();
            Config::from_toml("candidate_model = \"c.json\"\n", "t", &[o])
        };
        assert_eq!(set("0.25").unwrap().shadow.share, 0.25);
        assert_eq!(set("1").unwrap().shadow.share, 1.0);
        for bad in ["a tenth", "NaN", "inf"] {
            let err = set(bad).unwrap_err().to_string();
            assert!(
                err.contains("shadow.share") && err.contains("a number"),
                "{err}"
            );
        }
        let o = Override::from_env(env(&[("HIMREC_SHADOW_SHARE", "0.1")])).unwrap();
        let config = Config::from_toml("candidate_model = \"c.json\"\n", "t", &o).unwrap();
        assert_eq!(config.shadow.share, 0.1);
    }

    #[test]
    fn bad_overrides_name_the_variable_and_key() {
        let err = Override::from_env(env(&[("HIMREC_LIMITS_MAX_SKILS", "6")])).unwrap_err();
        assert!(err.to_string().contains("HIMREC_LIMITS_MAX_SKILS"), "{err}");
        let o = Override::from_env(env(&[("HIMREC_LIMITS_MAX_SKILLS", "six")])).unwrap();
        let err = Config::from_toml("", "t", &o).unwrap_err().to_string();
        assert!(err.contains("HIMREC_LIMITS_MAX_SKILLS") && err.contains("limits.max_skills"));
        let err =
            Config::from_toml("", "t", &[Override::parse_set("nope=1").unwrap()]).unwrap_err();
        assert!(err.to_string().contains("nope"), "{err}");
    }

    #[test]
    fn every_setting_has_an_environment_variable() {
        let names: Vec<String> = settable_keys().iter().map(|(k, _)| env_name(k)).collect();
        for expected in [
            "HIMREC_ADDR",
            "HIMREC_DATA",
            "HIMREC_MODEL",
            "HIMREC_TLS_CERT",
            "HIMREC_METRICS_ADDR",
        ] {
            assert!(
                names.iter().any(|n| n == expected),
                "{expected} in {names:?}"
            );
        }
    }
}
