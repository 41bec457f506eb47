//! Serving: the Recommender, Catalog, Admin, health and reflection services
//! on one listener until a shutdown future resolves. `main` and the tests
//! run this same function.
//!
//! Layers, outermost first: request ids, CORS, HTTP compression, the page
//! (`/`, when on), the HTTP/JSON door (Connect), gRPC-Web, then the guard
//! (API keys, quotas, concurrency limit, deadlines, metrics), then the
//! services, which compress gRPC answers as the client accepts.

mod auth;
mod connect;
mod connections;
mod cors;
mod guard;
mod linger;
mod metrics_endpoint;
mod page;
mod request_id;
mod telemetry;
mod tls;

use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use tokio::net::TcpListener;
use tonic::codec::CompressionEncoding;
use tonic::transport::Server;
use tower_http::compression::predicate::{NotForContentType, Predicate, SizeAbove};
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::decompression::RequestDecompressionLayer;
use tower_http::map_request_body::MapRequestBodyLayer;
use tower_http::request_id::{PropagateRequestIdLayer, SetRequestIdLayer};
use tracing::{info, warn};

pub use auth::{new_token, token_sha256};
pub use metrics_endpoint::serve_metrics;
pub use telemetry::{Telemetry, TelemetryError, EXPORTED_TARGET};

use crate::config::{ApiKey, Config, Limits, Tenant, Tls};
use crate::grpc::{AdminService, CatalogService, RecommenderService};
use crate::live::{Live, LoadError, ShadowScorer, Sources, Views};
use crate::pb;
use crate::pb::admin_server::AdminServer;
use crate::pb::catalog_server::CatalogServer;
use crate::pb::recommender_server::RecommenderServer;
use himrec_domain::rank::Recommender;

/// HTTP answers at least this large are compressed when the client
/// accepts it; smaller ones gain too little to pay for it.
const COMPRESS_ABOVE_BYTES: u64 = 1024;

/// A gRPC service that takes and sends messages compressed with gzip or
/// zstd, as the client says it accepts (`grpc-accept-encoding`).
macro_rules! compressed {
    ($service:expr) => {
        $service
            .accept_compressed(CompressionEncoding::Gzip)
            .accept_compressed(CompressionEncoding::Zstd)
            .send_compressed(CompressionEncoding::Gzip)
            .send_compressed(CompressionEncoding::Zstd)
    };
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The data, model or overlay did not load.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// Reflection could not be built from the descriptors.
    #[error("reflection: {0}")]
    Reflection(#[from] tonic_reflection::server::Error),
    /// The descriptors the HTTP/JSON door reads did not decode.
    #[error("descriptors: {0}")]
    Descriptors(#[from] prost_reflect::DescriptorError),
    /// The serving options are invalid.
    #[error("options: {0}")]
    Options(String),
    /// The transport failed.
    #[error("transport: {0}")]
    Transport(#[from] tonic::transport::Error),
}

/// Loads everything `config` names (data, model, overlays, tenants, TLS
/// files) without serving: what `himrec config check` runs.
pub fn check(config: &Config) -> Result<Views, StartError> {
    if let Some(tls) = tls::server_config(&config.tls)? {
        Server::builder().tls_config(tls)?;
    }
    Ok(Sources::from_config(config).load()?)
}

/// How the server serves, beyond what it serves; the defaults are the
/// configuration's.
#[derive(Debug, Clone, PartialEq)]
pub struct ServeOptions {
    /// Browser origins (e.g. `https://apply.example.edu`) allowed to call
    /// through gRPC-Web; empty means none (same-origin pages and non-browser
    /// clients are unaffected).
    pub cors_origins: Vec<String>,
    /// Request, concurrency and connection limits.
    pub limits: Limits,
    /// TLS certificate files; none means plain TCP.
    pub tls: Tls,
    /// API keys; none means client methods are open and admin methods shut.
    pub api_keys: Vec<ApiKey>,
    /// Tenants, for which of them each key calls as.
    pub tenants: Vec<Tenant>,
    /// Secret that signs page tokens; empty for a random one.
    pub page_token_secret: String,
    /// Whether calls join the caller's trace (`traceparent`): on when
    /// spans are exported.
    pub join_traces: bool,
    /// Shadow scoring of the candidate model.
    pub shadow: crate::config::Shadow,
    /// Whether the JSON door refuses fields the contract does not have.
    pub strict_json: bool,
    /// Whether the page is served at `/`.
    pub page: bool,
}

impl Default for ServeOptions {
    fn default() -> Self {
        Self::from(&Config::default())
    }
}

impl From<&Config> for ServeOptions {
    fn from(config: &Config) -> Self {
        Self {
            cors_origins: config.cors_origins.clone(),
            limits: config.limits.clone(),
            tls: config.tls.clone(),
            api_keys: config.auth.keys.clone(),
            tenants: config.tenants.clone(),
            page_token_secret: config.paging.token_secret.clone(),
            join_traces: config.tracing.enabled(),
            shadow: config.shadow.clone(),
            strict_json: config.json.strict,
            page: config.page.enabled,
        }
    }
}

/// The OpenAPI document of the HTTP/JSON door as the server serves it:
/// 3.1 at `GET /openapi.json` (`docs/openapi.json` holds it), or with
/// `v3_0` the 3.0.3 form at `GET /openapi-3.0.json`
/// (`docs/openapi-3.0.json`).
pub fn openapi_document(v3_0: bool) -> String {
    let codec = connect::Codec::new().expect("the compiled descriptors decode");
    let document = if v3_0 {
        connect::openapi::document_30(&codec)
    } else {
        connect::openapi::document(&codec)
    };
    serde_json::to_string_pretty(&document).expect("a JSON value serializes") + "\n"
}

/// An answer as the OpenAPI document shows it in its examples: every list,
/// at any depth, cut to its first two entries.
pub fn openapi_example_answer(answer: serde_json::Value) -> serde_json::Value {
    connect::examples::shown(answer)
}

/// Reflection over every type a client may meet: our services, health,
/// and the `google.rpc` error details our errors carry (so grpcurl and
/// Postman can show a `BadRequest`'s field violations).
fn reflection() -> tonic_reflection::server::Builder<'static> {
    tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(pb::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_types::pb::FILE_DESCRIPTOR_SET)
}

/// Serves `recommender` on `listener` with default options until
/// `shutdown` resolves; see [`run_with`].
pub async fn run(
    listener: TcpListener,
    recommender: Arc<Recommender>,
    shutdown: impl Future<Output = ()> + Send,
) -> Result<(), StartError> {
    run_with(
        listener,
        Live::fixed(recommender),
        ServeOptions::default(),
        shutdown,
    )
    .await
}

/// Serves gRPC (HTTP/2) and gRPC-Web (HTTP/1.1 or HTTP/2) on `listener`
/// until `shutdown` resolves; then reports NOT_SERVING, stops accepting
/// connections, and gives calls in flight up to the shutdown grace period
/// to finish before returning.
pub async fn run_with(
    listener: TcpListener,
    live: Live,
    options: ServeOptions,
    shutdown: impl Future<Output = ()> + Send,
) -> Result<(), StartError> {
    let limits = options.limits.clone();
    let (health, health_service) = tonic_health::server::health_reporter();
    let reflection_v1 = reflection().build_v1()?;
    let reflection_v1alpha = reflection().build_v1alpha()?;
    let catalog_service = CatalogServer::new(CatalogService::new(
        live.clone(),
        &options.page_token_secret,
    ))
    .max_decoding_message_size(limits.max_request_bytes);
    let catalog_service = compressed!(catalog_service);
    let shadow = ShadowScorer::start(&options.shadow, live.metrics().clone());
    let recommender_service = RecommenderServer::new(
        RecommenderService::new(live.clone(), limits.max_skills, limits.max_batch_items)
            .with_shadow(shadow.clone()),
    )
    .max_decoding_message_size(limits.max_request_bytes);
    let recommender_service = compressed!(recommender_service);
    let admin_service = AdminServer::new(AdminService::new(live.clone(), shadow))
        .max_decoding_message_size(limits.max_request_bytes);
    let admin_service = compressed!(admin_service);
    report_serving(&health, true).await;
    // Readiness over plain HTTP follows the health service's status.
    let ready = Arc::new(AtomicBool::new(true));
    let draining = ready.clone();

    // Pages that use a publishable key may call from a browser too.
    let origins: Vec<String> = options
        .cors_origins
        .iter()
        .chain(options.api_keys.iter().flat_map(|k| &k.origins))
        .cloned()
        .collect();
    let cors = cors::cors_layer(&origins)?;
    let guard = guard::GuardLayer::new(
        auth::Keys::new(&options.api_keys, &options.tenants, live.metrics()),
        limits.clone(),
        live.metrics().clone(),
    );
    let mut builder = Server::builder();
    if let Some(tls) = tls::server_config(&options.tls)? {
        builder = builder.tls_config(tls)?;
    }
    let addr = listener
        .local_addr()
        .map_or_else(|_| "unknown".to_owned(), |a| a.to_string());
    info!(
        addr = %addr,
        tls = options.tls.enabled(),
        mutual_tls = !options.tls.client_ca.as_os_str().is_empty(),
        api_keys = options.api_keys.len(),
        max_connections = limits.max_connections,
        "serving"
    );
    if options.page {
        let scheme = if options.tls.enabled() {
            "https"
        } else {
            "http"
        };
        info!(url = %format!("{scheme}://{addr}/"), "the page for people is served");
    }
    let lingering = linger::Lingering::default();
    let incoming =
        connections::incoming(listener, &limits, live.metrics().clone(), lingering.clone());
    let join_traces = options.join_traces;
    let reporter = health.clone();
    let (grace_tx, grace_rx) = tokio::sync::oneshot::channel::<()>();
    let serve = builder
        .accept_http1(true)
        .http2_keepalive_interval(limits.keepalive_interval())
        .http2_keepalive_timeout(Some(limits.keepalive_timeout()))
        // Every call carries an id: the caller's `x-request-id`, or one made
        // here; it is sent back in the response and names the call's span.
        .layer(SetRequestIdLayer::x_request_id(
            request_id::RequestIds::new(),
        ))
        .layer(PropagateRequestIdLayer::x_request_id())
        .trace_fn(move |request| call_span(request, join_traces))
        .layer(cors)
        // HTTP answers (the door's, the OpenAPI document) above a size
        // are compressed as the client accepts (gzip, zstd); gRPC and
        // gRPC-Web are left to gRPC's own compression. A door request body
        // may come compressed too; the size limit holds on what it expands
        // to.
        .layer(
            CompressionLayer::new()
                .gzip(true)
                .zstd(true)
                // A server's answers are made once each: the fastest
                // level keeps most of the saving for a fraction of the
                // time (BENCHMARKS.md).
                .quality(CompressionLevel::Fastest)
                .compress_when(SizeAbove::new(COMPRESS_ABOVE_BYTES).and(NotForContentType::GRPC)),
        )
        .layer(RequestDecompressionLayer::new().gzip(true).zstd(true))
        .layer(MapRequestBodyLayer::new(tonic::body::Body::new))
        .layer(page::PageLayer::new(options.page, &origins))
        .layer(connect::ConnectLayer::new(
            connect::DoorOptions {
                max_request_bytes: limits.max_request_bytes,
                strict_json: options.strict_json,
                ready: ready.clone(),
            },
            live.metrics().clone(),
        )?)
        .layer(tonic_web::GrpcWebLayer::new())
        .layer(guard)
        .add_service(health_service)
        .add_service(reflection_v1)
        .add_service(reflection_v1alpha)
        .add_service(recommender_service)
        .add_service(catalog_service)
        .add_service(admin_service)
        .serve_with_incoming_shutdown(incoming, async move {
            shutdown.await;
            info!("shutting down: refusing new connections, draining calls in flight");
            report_serving(&reporter, false).await;
            draining.store(false, Ordering::SeqCst);
            let _ = grace_tx.send(());
        });
    let grace = limits.shutdown_grace();
    let grace_over = grace_after(grace_rx, grace);
    tokio::select! {
        served = serve => {
            served?;
            // Every connection has ended; let the last close before the
            // process may exit.
            lingering.finished().await;
        }
        () = grace_over => {
            let left = live.metrics().in_flight();
            warn!(calls_cut = left, grace_secs = grace.as_secs(), "grace period over; closing the calls still in flight");
        }
    }
    info!("stopped");
    Ok(())
}

/// Reports the Recommender and Catalog services as serving, or (at
/// shutdown) every service as not serving, so load balancers stop routing.
async fn report_serving(health: &tonic_health::server::HealthReporter, serving: bool) {
    if serving {
        health
            .set_serving::<RecommenderServer<RecommenderService>>()
            .await;
        health.set_serving::<CatalogServer<CatalogService>>().await;
    } else {
        health
            .set_not_serving::<RecommenderServer<RecommenderService>>()
            .await;
        health
            .set_not_serving::<CatalogServer<CatalogService>>()
            .await;
        health
            .set_service_status("", tonic_health::ServingStatus::NotServing)
            .await;
    }
}

/// The span of one call, named by its path and request id, joining the
/// caller's trace when `join_traces`.
fn call_span<B>(request: &tonic::codegen::http::Request<B>, join_traces: bool) -> tracing::Span {
    let id = request
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let span = tracing::debug_span!("call", path = %request.uri().path(), request_id = %id);
    if join_traces {
        telemetry::join_callers_trace(&span, request.headers());
    }
    span
}

/// Resolves `grace` after shutdown began (`began` fired), never if the
/// server stopped on its own.
async fn grace_after(began: tokio::sync::oneshot::Receiver<()>, grace: std::time::Duration) {
    if began.await.is_ok() {
        tokio::time::sleep(grace).await;
    } else {
        std::future::pending::<()>().await;
    }
}
