//! Traces across services: the caller's W3C `traceparent` makes a call's
//! span a child of the caller's, and spans are exported over OTLP to a
//! collector. Off unless `tracing.otlp_endpoint` is set; when off, no span
//! is built for export and no header is parsed.
//!
//! Exported spans carry the method path, the request id and the steps of
//! a call (validate, score, rank, encode), never a profile's values.

use opentelemetry::propagation::{Extractor, TextMapPropagator};
use opentelemetry::trace::TracerProvider as _;
use opentelemetry::KeyValue;
use opentelemetry_otlp::WithExportConfig;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::span_processor_with_async_runtime::BatchSpanProcessor;
use opentelemetry_sdk::trace::SdkTracerProvider;
use opentelemetry_sdk::Resource;
use tonic::codegen::http::HeaderMap;
use tracing_opentelemetry::OpenTelemetrySpanExt;

use crate::config::Tracing;

/// The target prefix of the spans exported: this crate's own.
pub const EXPORTED_TARGET: &str = "himrec";

/// Why the exporter could not start.
#[derive(Debug, thiserror::Error)]
#[error("cannot export traces to {endpoint}: {source}")]
pub struct TelemetryError {
    endpoint: String,
    #[source]
    source: opentelemetry_otlp::ExporterBuildError,
}

/// The running span exporter; [`Telemetry::shutdown`] sends what is left.
#[derive(Debug)]
pub struct Telemetry {
    provider: SdkTracerProvider,
}

impl Telemetry {
    /// Starts exporting to `config.otlp_endpoint`, with `service.name` and
    /// the model version serving at start as resource attributes. Must be
    /// called inside a tokio runtime, which then runs the exporter.
    pub fn start(config: &Tracing, model_version: &str) -> Result<Self, TelemetryError> {
        let exporter = opentelemetry_otlp::SpanExporter::builder()
            .with_tonic()
            .with_endpoint(config.otlp_endpoint.clone())
            .build()
            .map_err(|source| TelemetryError {
                endpoint: config.otlp_endpoint.clone(),
                source,
            })?;
        let resource = Resource::builder()
            .with_service_name(config.service_name.clone())
            .with_attribute(KeyValue::new(
                "service.version",
                env!("CARGO_PKG_VERSION").to_owned(),
            ))
            .with_attribute(KeyValue::new(
                "himrec.model_version",
                model_version.to_owned(),
            ))
            .build();
        let processor =
            BatchSpanProcessor::builder(exporter, opentelemetry_sdk::runtime::Tokio).build();
        let provider = SdkTracerProvider::builder()
            .with_span_processor(processor)
            .with_resource(resource)
            .build();
        Ok(Self { provider })
    }

    /// The tracer for `tracing_opentelemetry::layer().with_tracer(..)`.
    pub fn tracer(&self) -> opentelemetry_sdk::trace::Tracer {
        self.provider.tracer("himrec")
    }

    /// Exports the spans still queued and stops.
    pub fn shutdown(self) {
        if let Err(err) = self.provider.shutdown() {
            tracing::warn!(error = %err, "trace export did not finish");
        }
    }
}

/// Reads W3C trace context from gRPC metadata.
struct Headers<'a>(&'a HeaderMap);

impl Extractor for Headers<'_> {
    fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key)?.to_str().ok()
    }

    fn keys(&self) -> Vec<&str> {
        self.0.keys().map(|k| k.as_str()).collect()
    }
}

/// Makes `span` a child of the caller's span named by the request's
/// `traceparent` (and `tracestate`), when there is one.
pub(crate) fn join_callers_trace(span: &tracing::Span, headers: &HeaderMap) {
    if !headers.contains_key("traceparent") {
        return;
    }
    let parent = TraceContextPropagator::new().extract(&Headers(headers));
    // A span that no layer exports has no context to join; that is fine.
    let _ = span.set_parent(parent);
}
