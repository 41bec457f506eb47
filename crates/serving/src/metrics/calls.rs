//! One method's call metrics, resolved once per method and status code
//! rather than looked up by label on every call: the duration histogram,
//! the calls counter per code, and the shed counter. A series appears in
//! the output at its first use, as a looked-up one would.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::histogram::Histogram;

use super::{code_label, CallLabels, MethodLabels, Metrics, METHODS};

/// The gRPC status codes, 0 to 16.
const CODES: usize = 17;

/// The call metrics of one method.
#[derive(Debug)]
pub(crate) struct MethodCalls {
    method: &'static str,
    metrics: Metrics,
    duration: OnceLock<Histogram>,
    by_code: [OnceLock<Counter>; CODES],
    shed: OnceLock<Counter>,
}

impl MethodCalls {
    fn new(method: &'static str, metrics: Metrics) -> Self {
        Self {
            method,
            metrics,
            duration: OnceLock::new(),
            by_code: std::array::from_fn(|_| OnceLock::new()),
            shed: OnceLock::new(),
        }
    }

    /// A call ended with `code` after `elapsed`.
    pub(crate) fn finished(&self, code: tonic::Code, elapsed: Duration) {
        let inner = &self.metrics.inner;
        let method = self.method;
        self.by_code[(code as usize).min(CODES - 1)]
            .get_or_init(|| {
                let labels = CallLabels {
                    method,
                    code: code_label(code),
                };
                inner.calls.get_or_create(&labels).clone()
            })
            .inc();
        self.duration
            .get_or_init(|| {
                inner
                    .durations
                    .get_or_create(&MethodLabels { method })
                    .clone()
            })
            .observe(elapsed.as_secs_f64());
    }

    /// A call was refused at the concurrency limit.
    pub(crate) fn shed(&self) {
        let inner = &self.metrics.inner;
        self.shed
            .get_or_init(|| {
                let labels = MethodLabels {
                    method: self.method,
                };
                inner.shed.get_or_create(&labels).clone()
            })
            .inc();
    }
}

/// Every method's call metrics, found by request path.
#[derive(Debug, Clone)]
pub(crate) struct Calls {
    /// One per [`METHODS`], then `other`.
    methods: Arc<[MethodCalls]>,
}

impl Calls {
    /// The call metrics of every method, in `metrics`.
    pub(crate) fn new(metrics: &Metrics) -> Self {
        let methods = METHODS
            .iter()
            .copied()
            .chain(["other"])
            .map(|method| MethodCalls::new(method, metrics.clone()))
            .collect();
        Self { methods }
    }

    /// The index of the method of a request path such as
    /// `/himrec.v1.Catalog/ListSkills` (`other` for any other).
    pub(crate) fn index(&self, path: &str) -> usize {
        let name = path.strip_prefix('/').unwrap_or(path);
        METHODS
            .iter()
            .position(|m| *m == name)
            .unwrap_or(METHODS.len())
    }

    /// The call metrics of method `index`.
    pub(crate) fn method(&self, index: usize) -> &MethodCalls {
        &self.methods[index]
    }
}
