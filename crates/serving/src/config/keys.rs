//! `auth.keys`: each key named once, with a well-formed hash, a quota
//! that can be kept, and, for a publishable key, the origins of the pages
//! that use it and the tenant it speaks for.

use std::collections::HashSet;

use super::problem::{bad, origin};
use super::{Config, Role};

impl Config {
    /// `auth.keys`: every key named, once, with a well-formed hash.
    pub(super) fn check_auth(&self, problems: &mut Vec<String>) {
        let mut names = HashSet::new();
        for (i, key) in self.auth.keys.iter().enumerate() {
            let at = format!("auth.keys[{i}]");
            if key.name.trim().is_empty() {
                problems.push(bad(&format!("{at}.name"), "must not be empty"));
            } else if !names.insert(key.name.as_str()) {
                problems.push(bad(
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
                problems.push(bad(
                    &format!("{at}.sha256"),
                    "must be 64 lowercase hex digits (the SHA-256 of the token)",
                ));
            }
            if key.calls_per_second == Some(0) {
                problems.push(bad(
                    &format!("{at}.calls_per_second"),
                    "must be at least 1; leave it out for no quota",
                ));
            }
            match (key.burst, key.calls_per_second) {
                (Some(0), _) => problems.push(bad(&format!("{at}.burst"), "must be at least 1")),
                (Some(_), None) => problems.push(bad(
                    &format!("{at}.burst"),
                    "needs calls_per_second, the rate it bursts above",
                )),
                _ => {}
            }
            self.check_origins(key, &at, problems);
        }
    }

    /// A publishable key's origins and tenant; no origins on another key.
    fn check_origins(&self, key: &super::ApiKey, at: &str, problems: &mut Vec<String>) {
        let origins = format!("{at}.origins");
        if key.role != Role::Publishable {
            if !key.origins.is_empty() {
                problems.push(bad(
                    &origins,
                    "only a publishable key (role = \"publishable\") is bound to origins",
                ));
            }
            return;
        }
        if key.origins.is_empty() {
            problems.push(bad(
                &origins,
                "a publishable key needs the origins of the pages that use it, e.g. [\"https://apply.example.edu\"]",
            ));
        }
        for (j, allowed) in key.origins.iter().enumerate() {
            if let Err(why) = origin(allowed) {
                problems.push(bad(&format!("{origins}[{j}]"), why));
            }
        }
        if !self.tenants.iter().any(|t| t.keys.contains(&key.name)) {
            problems.push(bad(
                &format!("{at}.role"),
                format!(
                    "a publishable key speaks for a tenant: list {:?} under one tenant's keys",
                    key.name
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HASH: &str = "5f85c35795b9a38f52716a5c34d943a32b8f1ad601b3699cf09bf321ed4cc4fc";

    fn problems(key: &str, tenant_keys: &str) -> Vec<String> {
        let text = format!(
            "[[auth.keys]]\nname = \"portal\"\nsha256 = \"{HASH}\"\n{key}\n\
             [[tenants]]\nname = \"valley\"\nunitids = [156392]\nkeys = [{tenant_keys}]\n\
             [[auth.keys]]\nname = \"backend\"\nsha256 = \"{HASH}\"\n"
        );
        match Config::from_toml(&text, "t", &[]) {
            Ok(_) => Vec::new(),
            Err(e) => e.problems,
        }
    }

    #[test]
    fn a_publishable_key_needs_its_origins_and_a_tenant() {
        let bound = "role = \"publishable\"\norigins = [\"https://apply.valley.example\"]";
        assert_eq!(problems(bound, "\"portal\""), Vec::<String>::new());
        assert_eq!(
            problems("role = \"publishable\"", "\"portal\""),
            ["auth.keys[0].origins: a publishable key needs the origins of the pages that use it, e.g. [\"https://apply.example.edu\"]"]
        );
        assert_eq!(
            problems(bound, "\"backend\""),
            ["auth.keys[0].role: a publishable key speaks for a tenant: list \"portal\" under one tenant's keys"]
        );
        let pathed = "role = \"publishable\"\norigins = [\"https://apply.valley.example/form\", \"apply.valley.example\", \"https://Apply.Valley.example\"]";
        assert_eq!(
            problems(pathed, "\"portal\""),
            [
                "auth.keys[0].origins[0]: \"https://apply.valley.example/form\" is not an origin: write scheme and host in lower case, e.g. \"https://apply.example.edu\"",
                "auth.keys[0].origins[1]: \"apply.valley.example\" is not an origin: write scheme and host in lower case, e.g. \"https://apply.example.edu\"",
                "auth.keys[0].origins[2]: \"https://Apply.Valley.example\" is not an origin: write scheme and host in lower case, e.g. \"https://apply.example.edu\""
            ]
        );
        // CORS origins are compared the same way, so checked the same way.
        let cors = Config::from_toml("cors_origins = [\"https://Apply.example\"]\n", "t", &[]);
        assert_eq!(
            cors.unwrap_err().problems,
            ["cors_origins[0]: \"https://Apply.example\" is not an origin: write scheme and host in lower case, e.g. \"https://apply.example.edu\""]
        );
        assert_eq!(
            problems("origins = [\"https://apply.valley.example\"]", "\"portal\""),
            ["auth.keys[0].origins: only a publishable key (role = \"publishable\") is bound to origins"]
        );
    }
}
