//! Prometheus metrics of the calls served and the versions loaded. Labels
//! are method names and status codes from fixed lists, never anything a
//! caller sent. The HTTP endpoint that serves them is the server's.

use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;
use std::sync::atomic::AtomicU64;

mod calls;
mod shadow;

pub(crate) use calls::Calls;

use shadow::ShadowMetrics;

/// The methods the server answers, as metric labels; anything else is
/// counted as `other`.
const METHODS: &[&str] = &[
    "himrec.v1.Recommender/Recommend",
    "himrec.v1.Recommender/RecommendBatch",
    "himrec.v1.Recommender/GetModelInfo",
    "himrec.v1.Catalog/ListSkills",
    "himrec.v1.Catalog/ListCareerPaths",
    "himrec.v1.Catalog/GetCareerPath",
    "himrec.v1.Catalog/ListWorkSettings",
    "himrec.v1.Catalog/ListCredentials",
    "himrec.v1.Catalog/ListOccupations",
    "himrec.v1.Catalog/ListPrograms",
    "himrec.v1.Catalog/GetProgram",
    "himrec.v1.Admin/Reload",
    "himrec.v1.Admin/Promote",
    "himrec.v1.Admin/Demote",
    "himrec.v1.Admin/GetShadowReport",
    "grpc.health.v1.Health/Check",
    "grpc.health.v1.Health/Watch",
    "grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
    "grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
];

/// The name of a gRPC status code as gRPC spells it (`INVALID_ARGUMENT`),
/// as a metric label and wherever a code is written out.
pub fn code_label(code: tonic::Code) -> &'static str {
    use tonic::Code::*;
    match code {
        Ok => "OK",
        Cancelled => "CANCELLED",
        Unknown => "UNKNOWN",
        InvalidArgument => "INVALID_ARGUMENT",
        DeadlineExceeded => "DEADLINE_EXCEEDED",
        NotFound => "NOT_FOUND",
        AlreadyExists => "ALREADY_EXISTS",
        PermissionDenied => "PERMISSION_DENIED",
        ResourceExhausted => "RESOURCE_EXHAUSTED",
        FailedPrecondition => "FAILED_PRECONDITION",
        Aborted => "ABORTED",
        OutOfRange => "OUT_OF_RANGE",
        Unimplemented => "UNIMPLEMENTED",
        Internal => "INTERNAL",
        Unavailable => "UNAVAILABLE",
        DataLoss => "DATA_LOSS",
        Unauthenticated => "UNAUTHENTICATED",
    }
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct CallLabels {
    method: &'static str,
    code: &'static str,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct CodeLabels {
    code: &'static str,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct KeyLabels {
    key: String,
    tenant: String,
    outcome: &'static str,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct MethodLabels {
    method: &'static str,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OutcomeLabels {
    outcome: &'static str,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ReasonLabels {
    reason: &'static str,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct VersionLabels {
    version: String,
}

/// The server's metrics; cheap to clone.
#[derive(Debug, Clone)]
pub struct Metrics {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    registry: Registry,
    calls: Family<CallLabels, Counter>,
    durations: Family<MethodLabels, Histogram>,
    in_flight: Gauge,
    shed: Family<MethodLabels, Counter>,
    reloads: Family<OutcomeLabels, Counter>,
    model: Family<VersionLabels, Gauge>,
    loaded_at: Gauge<f64, AtomicU64>,
    connections_open: Gauge,
    connections_refused: Counter,
    connections_closed: Family<ReasonLabels, Counter>,
    accept_errors: Counter,
    door_refusals: Family<CodeLabels, Counter>,
    key_calls: Family<KeyLabels, Counter>,
    shadow: ShadowMetrics,
}

fn duration_histogram() -> Histogram {
    // 50 us to about 1.6 s.
    Histogram::new(exponential_buckets(0.000_05, 2.0, 16))
}

impl Metrics {
    /// Fresh metrics, all zero.
    pub fn new() -> Self {
        let calls = Family::<CallLabels, Counter>::default();
        let durations = Family::<MethodLabels, Histogram>::new_with_constructor(
            duration_histogram as fn() -> Histogram,
        );
        let in_flight = Gauge::default();
        let shed = Family::<MethodLabels, Counter>::default();
        let reloads = Family::<OutcomeLabels, Counter>::default();
        let model = Family::<VersionLabels, Gauge>::default();
        let loaded_at = Gauge::<f64, AtomicU64>::default();
        let connections_open = Gauge::default();
        let connections_refused = Counter::default();
        let connections_closed = Family::<ReasonLabels, Counter>::default();
        let accept_errors = Counter::default();
        let door_refusals = Family::<CodeLabels, Counter>::default();
        let mut registry = Registry::with_prefix("himrec");
        registry.register(
            "calls",
            "Calls answered, by method and gRPC status code",
            calls.clone(),
        );
        registry.register(
            "call_duration_seconds",
            "Time from a call's arrival to its last byte, by method",
            durations.clone(),
        );
        registry.register(
            "calls_in_flight",
            "Calls being served now",
            in_flight.clone(),
        );
        registry.register(
            "calls_shed",
            "Calls refused with RESOURCE_EXHAUSTED because the server was at its concurrency limit",
            shed.clone(),
        );
        registry.register(
            "reloads",
            "Reloads of the model and catalog, by outcome",
            reloads.clone(),
        );
        registry.register(
            "model_info",
            "The model version serving (value 1)",
            model.clone(),
        );
        registry.register(
            "model_loaded_timestamp_seconds",
            "When the serving model and catalog were loaded, Unix time",
            loaded_at.clone(),
        );
        registry.register(
            "connections_open",
            "Client connections open now",
            connections_open.clone(),
        );
        registry.register(
            "connections_refused",
            "Connections closed on arrival because limits.max_connections were open",
            connections_refused.clone(),
        );
        registry.register(
            "connections_closed",
            "Connections the server closed, by reason (handshake_timeout, idle)",
            connections_closed.clone(),
        );
        registry.register(
            "accept_errors",
            "Failed accepts of new connections (for example, out of file descriptors)",
            accept_errors.clone(),
        );
        registry.register(
            "door_refusals",
            "HTTP/JSON door calls refused before they became gRPC calls (unknown method, content type, unreadable, oversize or malformed body, bad header), by the Connect error's gRPC code",
            door_refusals.clone(),
        );
        let key_calls = Family::<KeyLabels, Counter>::default();
        registry.register(
            "key_calls",
            "Calls made with an API key, by key, its tenant (\"\" for none) and outcome (admitted, or over_quota when the key's quota refused it)",
            key_calls.clone(),
        );
        let shadow = ShadowMetrics::register(&mut registry);
        Self {
            inner: Arc::new(Inner {
                registry,
                calls,
                durations,
                in_flight,
                shed,
                reloads,
                model,
                loaded_at,
                connections_open,
                connections_refused,
                connections_closed,
                accept_errors,
                door_refusals,
                key_calls,
                shadow,
            }),
        }
    }

    /// A call began; the returned guard ends it.
    pub(crate) fn call_started(&self) -> InFlight {
        self.inner.in_flight.inc();
        InFlight(self.inner.in_flight.clone())
    }

    /// Calls in flight now.
    pub fn in_flight(&self) -> i64 {
        self.inner.in_flight.get()
    }

    pub(crate) fn reloaded(&self, ok: bool) {
        let outcome = if ok { "success" } else { "failure" };
        self.inner
            .reloads
            .get_or_create(&OutcomeLabels { outcome })
            .inc();
    }

    pub(crate) fn model_loaded(&self, version: &str, at: SystemTime) {
        self.inner.model.clear();
        self.inner
            .model
            .get_or_create(&VersionLabels {
                version: version.to_owned(),
            })
            .set(1);
        let unix = at.duration_since(UNIX_EPOCH).unwrap_or_default();
        self.inner.loaded_at.set(unix.as_secs_f64());
    }

    /// A connection was accepted; the returned guard counts it open until
    /// dropped.
    pub(crate) fn connection_opened(&self) -> InFlight {
        self.inner.connections_open.inc();
        InFlight(self.inner.connections_open.clone())
    }

    /// A connection was closed on arrival at the connection cap.
    pub(crate) fn connection_refused(&self) {
        self.inner.connections_refused.inc();
    }

    /// The server closed a connection for `reason`.
    pub(crate) fn connection_closed(&self, reason: &'static str) {
        self.inner
            .connections_closed
            .get_or_create(&ReasonLabels { reason })
            .inc();
    }

    /// The HTTP/JSON door refused a call with `code` before it reached
    /// the services.
    pub(crate) fn door_refused(&self, code: tonic::Code) {
        self.inner
            .door_refusals
            .get_or_create(&CodeLabels {
                code: code_label(code),
            })
            .inc();
    }

    /// The counters of calls with API key `key` of `tenant` ("" for
    /// none): (admitted, refused for being over the key's quota),
    /// resolved once per key.
    pub(crate) fn key_calls(&self, key: &str, tenant: &str) -> (Counter, Counter) {
        let counter = |outcome| {
            self.inner
                .key_calls
                .get_or_create(&KeyLabels {
                    key: key.to_owned(),
                    tenant: tenant.to_owned(),
                    outcome,
                })
                .clone()
        };
        (counter("admitted"), counter("over_quota"))
    }

    /// An accept failed.
    pub(crate) fn accept_failed(&self) {
        self.inner.accept_errors.inc();
    }

    /// The metrics in the OpenMetrics text format.
    pub fn encode(&self) -> String {
        let mut text = String::new();
        prometheus_client::encoding::text::encode(&mut text, &self.inner.registry)
            .expect("writing to a String does not fail");
        text
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

/// Counts a call in flight, or a connection open, until dropped.
#[derive(Debug)]
pub(crate) struct InFlight(Gauge);

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.dec();
    }
}
