//! The sections of the configuration file, one struct per `[table]`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use himrec_domain::catalog::ProgramFilterInput;
use serde::{Deserialize, Serialize};

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
    /// Connections open at once; a new one beyond this is closed as soon as
    /// it is accepted, while open ones keep being served.
    pub max_connections: usize,
    /// Milliseconds a new connection has to send its opening bytes (the
    /// HTTP/2 preface and settings, a TLS hello or an HTTP/1.1 request
    /// line) before it is closed.
    pub handshake_timeout_ms: u64,
    /// Seconds a connection may stay open with no call in flight before it
    /// is closed; 0 keeps idle connections open.
    pub idle_timeout_secs: u64,
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
            max_connections: 4096,
            handshake_timeout_ms: 5_000,
            idle_timeout_secs: 600,
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

    /// [`Self::handshake_timeout_ms`] as a duration.
    pub fn handshake_timeout(&self) -> Duration {
        Duration::from_millis(self.handshake_timeout_ms)
    }

    /// [`Self::idle_timeout_secs`] as a duration, if idle connections are
    /// closed.
    pub fn idle_timeout(&self) -> Option<Duration> {
        (self.idle_timeout_secs > 0).then(|| Duration::from_secs(self.idle_timeout_secs))
    }

    /// [`Self::shutdown_grace_secs`] as a duration.
    pub fn shutdown_grace(&self) -> Duration {
        Duration::from_secs(self.shutdown_grace_secs)
    }
}

/// Shadow scoring: a share of the stable model's Recommend answers also
/// scored by the candidate, off the caller's path, and compared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Shadow {
    /// Share of answers compared, 0 to 1; 0 (the default) compares none.
    /// Needs `candidate_model`.
    pub share: f64,
    /// Sampled answers waiting to be compared at most; one more is
    /// dropped (and counted), never the call.
    pub queue: usize,
}

impl Default for Shadow {
    fn default() -> Self {
        Self {
            share: 0.0,
            queue: 1024,
        }
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiKey {
    /// Who holds the key, e.g. `admissions-backend`; appears in logs.
    pub name: String,
    /// Lowercase hex SHA-256 of the token (`himrec config new-key` makes both).
    pub sha256: String,
    /// What the key may do.
    #[serde(default)]
    pub role: Role,
    /// The calls a second the key may make on average; absent for no
    /// quota (the server's concurrency limit still holds). A call over it
    /// is refused with `RESOURCE_EXHAUSTED` (HTTP 429) and told when to
    /// retry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calls_per_second: Option<u32>,
    /// The calls the key may make at once after a quiet spell, above its
    /// rate; absent means one second's worth. Needs `calls_per_second`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub burst: Option<u32>,
    /// A publishable key's origins: the pages (`https://host[:port]`)
    /// that may use it from a browser; a call with it from any other
    /// origin, or with no origin, is refused. Only for publishable keys,
    /// which need at least one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub origins: Vec<String>,
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
    /// A key a web page shows to every visitor: what a client may call
    /// (Recommender and Catalog, which only read), from its `origins`
    /// only, as its tenant's caller. Never the Admin service.
    Publishable,
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
    /// [`Config::validate`](super::Config::validate)).
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

/// The HTTP/JSON door.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Json {
    /// Refuse a JSON body with fields the contract does not have
    /// (INVALID_ARGUMENT naming each); by default they are ignored and
    /// named in the `Himrec-Ignored-Fields` response header, so a client
    /// that sends one extra field, or a newer client, keeps working.
    pub strict: bool,
}

/// The page people use in a browser: the form and the advice, served at
/// `/` on the main port from files built into the binary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Page {
    /// Serve the page (`/` and `/page/...`). On by default; a deployment
    /// that only serves other programs may turn it off. Its calls are the
    /// JSON door's, under the same keys and limits.
    pub enabled: bool,
}

impl Default for Page {
    fn default() -> Self {
        Self { enabled: true }
    }
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

/// Traces exported over OTLP (gRPC) to an OpenTelemetry collector.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Tracing {
    /// The collector's OTLP/gRPC endpoint, e.g. `http://127.0.0.1:4317`;
    /// empty for none (no spans are built for export then).
    pub otlp_endpoint: String,
    /// `service.name` of the exported spans.
    pub service_name: String,
}

impl Default for Tracing {
    fn default() -> Self {
        Self {
            otlp_endpoint: String::new(),
            service_name: "himrec".to_owned(),
        }
    }
}

impl Tracing {
    /// Whether spans are exported.
    pub fn enabled(&self) -> bool {
        !self.otlp_endpoint.is_empty()
    }
}

/// One institution (or group of them) served by this deployment. Its
/// callers see the public catalog, its own overlay's facts and programs,
/// and no other tenant's; its overlay may speak only of its own unit ids.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tenant {
    /// Short name, e.g. `valley-college`; appears in logs.
    pub name: String,
    /// The IPEDS unit ids it speaks for; no two tenants share one.
    pub unitids: Vec<u32>,
    /// Its program overlay (same format as `programs_overlay`); empty for
    /// none.
    #[serde(default)]
    pub programs_overlay: PathBuf,
    /// Names of `[[auth.keys]]` whose callers are this tenant's; a key
    /// belongs to at most one tenant.
    pub keys: Vec<String>,
    /// Programs its callers see at most: a request's filter can narrow
    /// this, never widen it. The fields of the API's `ProgramFilter`, with
    /// controls, accreditation statuses and delivery modes by name.
    #[serde(default)]
    pub default_filter: Option<ProgramFilterInput>,
    /// The model its calls use unless a request asks for one: `stable`,
    /// `candidate`, or empty for `stable`.
    #[serde(default)]
    pub model_label: String,
}

impl Tenant {
    /// Its overlay, if it has one.
    pub fn programs_overlay(&self) -> Option<&std::path::Path> {
        (!self.programs_overlay.as_os_str().is_empty()).then_some(self.programs_overlay.as_path())
    }
}
