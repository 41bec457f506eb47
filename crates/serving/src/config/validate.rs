//! Checks of the settings that their types alone cannot make, reporting
//! every problem found ([`ConfigError`]), each naming its key.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use super::problem::{bad, origin};
use super::{Config, ConfigError};

impl Config {
    /// Checks the settings that a type alone cannot, reporting every problem
    /// at once rather than only the first.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let mut problems = Vec::new();
        self.check_limits(&mut problems);
        self.check_tls(&mut problems);
        self.check_auth(&mut problems);
        self.check_metrics(&mut problems);
        self.check_tenants(&mut problems);
        self.check_shadow(&mut problems);
        if let Err(e) = tracing_subscriber::EnvFilter::try_new(&self.log.level) {
            problems.push(bad("log.level", e));
        }
        for (i, allowed) in self.cors_origins.iter().enumerate() {
            if let Err(why) = origin(allowed) {
                problems.push(bad(&format!("cors_origins[{i}]"), why));
            }
        }
        let endpoint = &self.tracing.otlp_endpoint;
        let url = endpoint.starts_with("http://") || endpoint.starts_with("https://");
        if !endpoint.is_empty() && !url {
            problems.push(bad(
                "tracing.otlp_endpoint",
                "must be an http:// or https:// URL, e.g. http://127.0.0.1:4317",
            ));
        }
        if self.tracing.service_name.trim().is_empty() {
            problems.push(bad("tracing.service_name", "must not be empty"));
        }
        if !self.paging.token_secret.is_empty() && self.paging.token_secret.len() < 16 {
            problems.push(bad("paging.token_secret", "must be at least 16 characters"));
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(ConfigError { problems })
        }
    }

    /// `limits.*`.
    fn check_limits(&self, problems: &mut Vec<String>) {
        let l = &self.limits;
        let at_least_one = [
            ("limits.max_request_bytes", l.max_request_bytes),
            ("limits.max_skills", l.max_skills),
            ("limits.max_batch_items", l.max_batch_items),
            ("limits.max_concurrent_calls", l.max_concurrent_calls),
            ("limits.max_connections", l.max_connections),
            (
                "limits.handshake_timeout_ms",
                l.handshake_timeout_ms as usize,
            ),
            ("limits.default_deadline_ms", l.default_deadline_ms as usize),
            ("limits.max_deadline_ms", l.max_deadline_ms as usize),
        ];
        for (key, value) in at_least_one {
            if value == 0 {
                problems.push(bad(key, "must be at least 1"));
            }
        }
        if l.max_request_bytes > 16 * 1024 * 1024 {
            problems.push(bad("limits.max_request_bytes", "must be at most 16 MiB"));
        }
        // A zero maximum is reported above; comparing against it adds nothing.
        if l.max_deadline_ms > 0 && l.default_deadline_ms > l.max_deadline_ms {
            problems.push(bad(
                "limits.default_deadline_ms",
                "must not exceed limits.max_deadline_ms",
            ));
        }
        if l.keepalive_interval_secs > 0 && l.keepalive_timeout_secs == 0 {
            problems.push(bad(
                "limits.keepalive_timeout_secs",
                "must be at least 1 when keepalive pings are on",
            ));
        }
    }

    /// `tls.*`: the files are looked for only once the settings agree with
    /// each other, as a missing partner says more than a missing file.
    fn check_tls(&self, problems: &mut Vec<String>) {
        let tls = &self.tls;
        let set = |p: &PathBuf| !p.as_os_str().is_empty();
        let before = problems.len();
        match (set(&tls.cert), set(&tls.key)) {
            (true, false) => problems.push(bad("tls.key", "required when tls.cert is set")),
            (false, true) => problems.push(bad("tls.cert", "required when tls.key is set")),
            _ => {}
        }
        if set(&tls.client_ca) && !set(&tls.cert) {
            problems.push(bad(
                "tls.client_ca",
                "mutual TLS needs tls.cert and tls.key",
            ));
        }
        if problems.len() > before {
            return;
        }
        for (key, path) in [
            ("tls.cert", &tls.cert),
            ("tls.key", &tls.key),
            ("tls.client_ca", &tls.client_ca),
        ] {
            if set(path) && !path.is_file() {
                problems.push(bad(key, format!("no file {}", path.display())));
            }
        }
    }

    /// `tenants`: each named once, speaking for unit ids no other tenant
    /// claims, through keys that exist and belong to no other tenant.
    fn check_tenants(&self, problems: &mut Vec<String>) {
        let mut names = HashSet::new();
        let mut unitids: HashMap<u32, &str> = HashMap::new();
        let mut keys: HashMap<&str, &str> = HashMap::new();
        let known: HashSet<&str> = self.auth.keys.iter().map(|k| k.name.as_str()).collect();
        for (i, tenant) in self.tenants.iter().enumerate() {
            let at = format!("tenants[{i}]");
            let name = tenant.name.as_str();
            if name.trim().is_empty() {
                problems.push(bad(&format!("{at}.name"), "must not be empty"));
            } else if !names.insert(name) {
                problems.push(bad(
                    &format!("{at}.name"),
                    format!("{name:?} is used twice"),
                ));
            }
            match tenant.model_label.as_str() {
                "" | "stable" => {}
                "candidate" if self.candidate_model().is_some() => {}
                "candidate" => problems.push(bad(
                    &format!("{at}.model_label"),
                    "\"candidate\" needs candidate_model to name a model",
                )),
                _ => problems.push(bad(
                    &format!("{at}.model_label"),
                    "must be \"stable\" or \"candidate\"",
                )),
            }
            if tenant.unitids.is_empty() {
                problems.push(bad(
                    &format!("{at}.unitids"),
                    "must list the unit ids the tenant speaks for",
                ));
            }
            for (j, unitid) in tenant.unitids.iter().enumerate() {
                match unitids.insert(*unitid, name) {
                    Some(other) if other == name => problems.push(bad(
                        &format!("{at}.unitids[{j}]"),
                        format!("unit id {unitid} is listed twice"),
                    )),
                    Some(other) => problems.push(bad(
                        &format!("{at}.unitids[{j}]"),
                        format!("unit id {unitid} already belongs to tenant {other:?}"),
                    )),
                    None => {}
                }
            }
            if tenant.keys.is_empty() {
                problems.push(bad(
                    &format!("{at}.keys"),
                    "must name at least one of auth.keys",
                ));
            }
            for (j, key) in tenant.keys.iter().enumerate() {
                let key_at = format!("{at}.keys[{j}]");
                if !known.contains(key.as_str()) {
                    problems.push(bad(&key_at, format!("no key named {key:?} in auth.keys")));
                } else if let Some(other) = keys.insert(key, name) {
                    problems.push(bad(
                        &key_at,
                        format!("key {key:?} is already listed under tenant {other:?}"),
                    ));
                }
            }
            if let Some(path) = tenant.programs_overlay() {
                if !path.is_file() {
                    problems.push(bad(
                        &format!("{at}.programs_overlay"),
                        format!("no file {}", path.display()),
                    ));
                }
            }
        }
    }

    /// `shadow.*`: a share from 0 to 1, which needs a candidate to score,
    /// and a queue of at least one.
    fn check_shadow(&self, problems: &mut Vec<String>) {
        let share = self.shadow.share;
        if !(0.0..=1.0).contains(&share) {
            problems.push(bad("shadow.share", "must be from 0 to 1"));
        } else if share > 0.0 && self.candidate_model().is_none() {
            problems.push(bad(
                "shadow.share",
                "needs candidate_model: shadow scoring compares the candidate with the stable model",
            ));
        }
        if !(1..=1_000_000).contains(&self.shadow.queue) {
            problems.push(bad("shadow.queue", "must be from 1 to 1000000"));
        }
    }

    /// `metrics.addr`: empty, or a socket address other than `addr`.
    fn check_metrics(&self, problems: &mut Vec<String>) {
        if self.metrics.addr.is_empty() {
            return;
        }
        match self.metrics.socket_addr() {
            None => problems.push(bad("metrics.addr", "not a HOST:PORT socket address")),
            Some(metrics) if metrics == self.addr && metrics.port() != 0 => {
                problems.push(bad("metrics.addr", "must differ from addr"));
            }
            Some(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> ConfigError {
        Config::from_toml(text, "t", &[]).unwrap_err()
    }

    #[test]
    fn errors_name_the_key() {
        let msg = |text: &str| err(text).to_string();
        assert!(msg("[limits]\nmax_concurrent_calls = 0\n").contains("limits.max_concurrent_calls"));
        assert!(msg("[tls]\ncert = \"a.pem\"\n").contains("tls.key"));
        assert!(msg("[metrics]\naddr = \"nowhere\"\n").contains("metrics.addr"));
        assert!(
            msg("[[auth.keys]]\nname = \"a\"\nsha256 = \"xyz\"\n").contains("auth.keys[0].sha256")
        );
        let hash = "0".repeat(64);
        let quota = |extra: &str| {
            err(&format!(
                "[[auth.keys]]\nname = \"a\"\nsha256 = \"{hash}\"\n{extra}"
            ))
            .problems
        };
        assert_eq!(
            quota("calls_per_second = 0\n"),
            ["auth.keys[0].calls_per_second: must be at least 1; leave it out for no quota"]
        );
        assert_eq!(
            quota("burst = 5\n"),
            ["auth.keys[0].burst: needs calls_per_second, the rate it bursts above"]
        );
        let ok = format!(
            "[[auth.keys]]\nname = \"a\"\nsha256 = \"{hash}\"\ncalls_per_second = 2\nburst = 5\n"
        );
        let config = Config::from_toml(&ok, "t", &[]).unwrap();
        assert_eq!(
            (
                config.auth.keys[0].calls_per_second,
                config.auth.keys[0].burst
            ),
            (Some(2), Some(5))
        );
    }

    #[test]
    fn shadow_scoring_needs_a_share_from_0_to_1_a_candidate_and_a_queue() {
        let problems = |text: &str| err(text).problems;
        assert_eq!(
            problems("[shadow]\nshare = 0.1\n"),
            ["shadow.share: needs candidate_model: shadow scoring compares the candidate with the stable model"]
        );
        assert_eq!(
            problems("candidate_model = \"c.json\"\n[shadow]\nshare = 1.5\nqueue = 0\n"),
            [
                "shadow.share: must be from 0 to 1",
                "shadow.queue: must be from 1 to 1000000"
            ]
        );
        let fine = "candidate_model = \"c.json\"\n[shadow]\nshare = 0.1\n";
        let config = Config::from_toml(fine, "t", &[]).unwrap();
        assert_eq!(config.shadow.share, 0.1);
        assert_eq!(config.shadow.queue, 1024);
    }

    #[test]
    fn one_problem_reads_as_that_problem_alone() {
        let e = err("[limits]\nmax_concurrent_calls = 0\n");
        assert_eq!(
            e.problems,
            ["limits.max_concurrent_calls: must be at least 1"]
        );
        assert_eq!(
            e.to_string(),
            "limits.max_concurrent_calls: must be at least 1"
        );
    }

    #[test]
    fn every_bad_key_is_reported_at_once() {
        let mut config = Config::default();
        config.limits.max_skills = 0;
        config.tls.key = PathBuf::from("server.key");
        config.metrics.addr = "nope".to_owned();
        let e = config.validate().unwrap_err();
        assert_eq!(
            e.problems,
            [
                "limits.max_skills: must be at least 1",
                "tls.cert: required when tls.key is set",
                "metrics.addr: not a HOST:PORT socket address",
            ]
        );
        let shown = e.to_string();
        for key in ["limits.max_skills", "tls.cert", "metrics.addr"] {
            assert!(shown.contains(key), "{key} in {shown}");
        }
        assert_eq!(shown.matches("; ").count(), 2, "{shown}");
    }

    const TWO_TENANTS: &str = r#"
[[auth.keys]]
name = "valley-web"
sha256 = "0000000000000000000000000000000000000000000000000000000000000000"

[[auth.keys]]
name = "hill-web"
sha256 = "1111111111111111111111111111111111111111111111111111111111111111"

[[tenants]]
name = "valley"
unitids = [100654]
keys = ["valley-web"]

[[tenants]]
name = "hill"
unitids = [100663]
keys = ["hill-web"]
"#;

    #[test]
    fn tenants_are_read_with_their_keys() {
        let config = Config::from_toml(TWO_TENANTS, "t", &[]).unwrap();
        assert_eq!(config.tenants.len(), 2);
        assert_eq!(config.tenants[1].keys, ["hill-web"]);
        assert_eq!(config.tenants[0].default_filter, None);
        // And survive the round trip `config show` makes.
        let shown = config.redacted_toml();
        assert!(shown.contains("[[tenants]]"), "{shown}");
    }

    #[test]
    fn a_key_or_unit_id_under_two_tenants_is_refused() {
        let text = TWO_TENANTS
            .replace(
                "keys = [\"hill-web\"]",
                "keys = [\"hill-web\", \"valley-web\"]",
            )
            .replace("unitids = [100663]", "unitids = [100663, 100654]");
        let e = err(&text);
        assert_eq!(
            e.problems,
            [
                "tenants[1].unitids[1]: unit id 100654 already belongs to tenant \"valley\"",
                "tenants[1].keys[1]: key \"valley-web\" is already listed under tenant \"valley\"",
            ]
        );
        let e = err(&TWO_TENANTS.replace("keys = [\"hill-web\"]", "keys = [\"nobody\"]"));
        assert_eq!(
            e.problems,
            ["tenants[1].keys[0]: no key named \"nobody\" in auth.keys"]
        );
    }
}
