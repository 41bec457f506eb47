//! API keys: bearer tokens in the `authorization` metadata, stored as
//! their SHA-256 so the configuration holds nothing a caller could replay.
//! Each key has a name (to revoke one holder without touching the others,
//! and to say who called in logs), a role, at most one tenant, whose view
//! of the catalog its calls see, and optionally a quota: a rate and a
//! burst, kept by `governor`'s limiter, one per key. A publishable key,
//! which a web page shows to every visitor, is good only from the origins
//! it is bound to, and never for Admin.

use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultDirectRateLimiter, RateLimiter};
use prometheus_client::metrics::counter::Counter;
use rand::RngCore;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use tonic::codegen::http::HeaderMap;

use crate::config::{ApiKey, Role, Tenant};
use crate::live::TenantName;
use crate::metrics::Metrics;
use crate::refusal::AccessError;

/// What a method needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Access {
    /// Anyone: health checks, for probes.
    Open,
    /// A client or admin key, when keys are configured.
    Client,
    /// An admin key, always.
    Admin,
}

impl Access {
    /// What calling `path` (`/package.Service/Method`) needs.
    pub(crate) fn for_path(path: &str) -> Self {
        if path.starts_with("/grpc.health.v1.Health/") {
            Self::Open
        } else if path.starts_with("/himrec.v1.Admin/") {
            Self::Admin
        } else {
            Self::Client
        }
    }
}

struct Key {
    name: Arc<str>,
    sha256: [u8; 32],
    role: Role,
    tenant: Option<TenantName>,
    quota: Option<Arc<Quota>>,
    /// A publishable key's origins (none for another key).
    origins: Vec<String>,
    /// Its calls let in, and refused over its quota.
    counted: (Counter, Counter),
}

/// A key's rate and burst, and the calls it has made against them.
pub(crate) struct Quota {
    per_second: u32,
    limiter: DefaultDirectRateLimiter,
}

impl Quota {
    fn new(per_second: u32, burst: Option<u32>) -> Option<Self> {
        let rate = NonZeroU32::new(per_second)?;
        let burst = burst.and_then(NonZeroU32::new).unwrap_or(rate);
        Some(Self {
            per_second,
            limiter: RateLimiter::direct(governor::Quota::per_second(rate).allow_burst(burst)),
        })
    }

    /// Takes one call from the quota, or says how long until one may be
    /// taken.
    pub(crate) fn take(&self) -> Result<(), Duration> {
        self.limiter
            .check()
            .map_err(|not_until| not_until.wait_time_from(DefaultClock::default().now()))
    }

    /// The rate, calls a second.
    pub(crate) fn per_second(&self) -> u32 {
        self.per_second
    }
}

/// Who is calling: the key's name, its tenant and its quota, if any, and
/// the counters of its calls (admitted, over quota).
#[derive(Clone)]
pub(crate) struct Caller {
    pub(crate) key: Arc<str>,
    pub(crate) tenant: Option<TenantName>,
    pub(crate) quota: Option<Arc<Quota>>,
    pub(crate) counted: (Counter, Counter),
}

/// The configured keys.
pub(crate) struct Keys {
    keys: Vec<Key>,
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = self.keys.iter().map(|k| &*k.name).collect();
        f.debug_struct("Keys").field("names", &names).finish()
    }
}

/// Equality that takes the same time wherever the inputs differ.
fn same(a: &[u8; 32], b: &[u8; 32]) -> bool {
    a.ct_eq(b).into()
}

impl Keys {
    /// Keys from the configuration (already validated: hashes are hex, and
    /// a key is listed under one tenant at most).
    pub(crate) fn new(keys: &[ApiKey], tenants: &[Tenant], metrics: &Metrics) -> Self {
        let tenant_of = |name: &str| {
            tenants
                .iter()
                .find(|t| t.keys.iter().any(|k| k == name))
                .map(|t| TenantName(t.name.as_str().into()))
        };
        let counted = |key: &ApiKey| {
            let tenant = tenant_of(&key.name);
            metrics.key_calls(&key.name, tenant.as_ref().map_or("", |t| &*t.0))
        };
        Self {
            keys: keys
                .iter()
                .filter_map(|k| {
                    Some(Key {
                        name: k.name.as_str().into(),
                        sha256: hex::decode(&k.sha256).ok()?.try_into().ok()?,
                        role: k.role,
                        tenant: tenant_of(&k.name),
                        quota: k
                            .calls_per_second
                            .and_then(|rate| Quota::new(rate, k.burst))
                            .map(Arc::new),
                        origins: k.origins.clone(),
                        counted: counted(k),
                    })
                })
                .collect(),
        }
    }

    /// Whether the caller may make a call that needs `access`; on success,
    /// the key used, if any.
    pub(crate) fn check(
        &self,
        headers: &HeaderMap,
        access: Access,
    ) -> Result<Option<Caller>, AccessError> {
        if access == Access::Open || (access == Access::Client && self.keys.is_empty()) {
            return Ok(None);
        }
        if !self.keys.iter().any(|k| k.role == Role::Admin) && access == Access::Admin {
            return Err(AccessError::PermissionDenied(
                "no admin key is configured on this server".to_owned(),
            ));
        }
        let token = headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| {
                let (scheme, token) = v.trim().split_once(' ')?;
                scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
            })
            .ok_or(AccessError::Unauthenticated(
                "an API key is required: send `authorization: Bearer <token>`",
            ))?;
        let hash: [u8; 32] = Sha256::digest(token.as_bytes()).into();
        // Every key is compared, so the time taken does not say which matched.
        let mut found = None;
        for key in &self.keys {
            if same(&key.sha256, &hash) {
                found = Some(key);
            }
        }
        let key = found.ok_or(AccessError::Unauthenticated("unknown API key"))?;
        if access == Access::Admin && key.role != Role::Admin {
            return Err(AccessError::PermissionDenied(format!(
                "API key {:?} may not call admin methods",
                key.name
            )));
        }
        if key.role == Role::Publishable {
            let origin = headers.get("origin").and_then(|v| v.to_str().ok());
            if !origin.is_some_and(|o| key.origins.iter().any(|allowed| allowed == o)) {
                let from = origin.map_or_else(|| "no origin".to_owned(), |o| format!("{o:?}"));
                return Err(AccessError::PermissionDenied(format!(
                    "API key {:?} is publishable: it may be used only from {}, and this call comes from {from}",
                    key.name,
                    key.origins.join(", ")
                )));
            }
        }
        Ok(Some(Caller {
            key: key.name.clone(),
            tenant: key.tenant.clone(),
            quota: key.quota.clone(),
            counted: key.counted.clone(),
        }))
    }
}

/// A new random token and the SHA-256 (hex) to put in the configuration.
pub fn new_token() -> (String, String) {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    let token = format!("hr_{}", hex::encode(bytes));
    let hash = token_sha256(&token);
    (token, hash)
}

/// The SHA-256 of `token`, lowercase hex, as the configuration stores it.
pub fn token_sha256(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &str, token: &str, role: Role) -> ApiKey {
        ApiKey {
            name: name.to_owned(),
            sha256: token_sha256(token),
            role,
            ..ApiKey::default()
        }
    }

    fn bearer(token: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert("authorization", format!("Bearer {token}").parse().unwrap());
        headers
    }

    #[test]
    fn keys_open_what_their_role_allows() {
        let tenant = Tenant {
            name: "valley".to_owned(),
            unitids: vec![1],
            keys: vec!["app".to_owned()],
            ..Tenant::default()
        };
        let keys = Keys::new(
            &[
                key("app", "t1", Role::Client),
                key("ops", "t2", Role::Admin),
            ],
            &[tenant],
            &Metrics::new(),
        );
        let who = |caller: Option<Caller>| caller.map(|c| (c.key, c.tenant));
        assert_eq!(
            who(keys.check(&bearer("t1"), Access::Client).unwrap()),
            Some(("app".into(), Some(TenantName("valley".into()))))
        );
        assert_eq!(
            who(keys.check(&bearer("t2"), Access::Admin).unwrap()),
            Some(("ops".into(), None))
        );
        assert!(matches!(
            keys.check(&bearer("t1"), Access::Admin),
            Err(AccessError::PermissionDenied(_))
        ));
        assert!(matches!(
            keys.check(&bearer("t3"), Access::Client),
            Err(AccessError::Unauthenticated(_))
        ));
        assert!(matches!(
            keys.check(&HeaderMap::new(), Access::Client),
            Err(AccessError::Unauthenticated(_))
        ));
        assert!(keys
            .check(&HeaderMap::new(), Access::Open)
            .unwrap()
            .is_none());
    }

    #[test]
    fn a_quota_lets_its_burst_through_then_says_when_to_retry() {
        let quota = Quota::new(2, Some(3)).unwrap();
        for _ in 0..3 {
            assert_eq!(quota.take(), Ok(()));
        }
        let wait = quota.take().unwrap_err();
        assert!(
            wait > Duration::ZERO && wait <= Duration::from_millis(500),
            "{wait:?}"
        );
        assert!(Quota::new(0, None).is_none());
    }

    #[test]
    fn without_keys_clients_are_open_and_admin_is_closed() {
        let keys = Keys::new(&[], &[], &Metrics::new());
        assert!(keys
            .check(&HeaderMap::new(), Access::Client)
            .unwrap()
            .is_none());
        assert!(matches!(
            keys.check(&bearer("anything"), Access::Admin),
            Err(AccessError::PermissionDenied(_))
        ));
    }

    #[test]
    fn new_tokens_match_their_hash() {
        let (token, hash) = new_token();
        assert_eq!(token_sha256(&token), hash);
        assert_eq!(hash.len(), 64);
        assert_ne!(new_token().0, token);
    }
}
