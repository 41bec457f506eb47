//! Serving: the recommender, health and reflection on one listener until a
//! shutdown future resolves. `main` and the tests run this same function.

use std::future::Future;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use std::sync::atomic::{AtomicU64, Ordering};
use tokio::net::TcpListener;
use tokio_stream::wrappers::TcpListenerStream;
use tokio_stream::StreamExt;
use tonic::codegen::http::{HeaderName, HeaderValue, Method};
use tonic::transport::Server;

use tonic::codegen::http;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::request_id::{
    MakeRequestId, PropagateRequestIdLayer, RequestId, SetRequestIdLayer,
};
use tracing::info;

use crate::catalog::{Catalog, CatalogError};
use crate::grpc::{CatalogService, RecommenderService};
use crate::model::{CareerModel, ModelArtifact, ModelError};
use crate::pb;
use crate::pb::catalog_server::CatalogServer;
use crate::pb::recommender_server::RecommenderServer;
use crate::rank::Recommender;

/// Largest request the server decodes. A full profile is well under 4 KiB.
pub const MAX_REQUEST_BYTES: usize = 64 * 1024;
/// Longest a request may run on the server.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The catalog is missing or invalid.
    #[error("catalog: {0}")]
    Catalog(#[from] CatalogError),
    /// The model is missing, corrupt, or does not fit the catalog.
    #[error("{0}")]
    Model(#[from] ModelError),
    /// The program overlay is invalid.
    #[error("{0}")]
    Overlay(#[from] crate::catalog::overlay::OverlayError),
    /// Reflection could not be built from the descriptors.
    #[error("reflection: {0}")]
    Reflection(#[from] tonic_reflection::server::Error),
    /// The serving options are invalid.
    #[error("options: {0}")]
    Options(String),
    /// The transport failed.
    #[error("transport: {0}")]
    Transport(#[from] tonic::transport::Error),
}

/// Accepted connections with Nagle's algorithm off: a response larger than
/// one segment would otherwise wait for the peer's delayed ACK (about 40 ms).
fn incoming(
    listener: TcpListener,
) -> impl tokio_stream::Stream<Item = std::io::Result<tokio::net::TcpStream>> {
    TcpListenerStream::new(listener).map(|stream| {
        let stream = stream?;
        stream.set_nodelay(true)?;
        Ok(stream)
    })
}

/// Makes request ids: a random prefix per process and a counter.
#[derive(Debug, Clone)]
struct RequestIds {
    prefix: Arc<str>,
    next: Arc<AtomicU64>,
}

impl RequestIds {
    fn new() -> Self {
        let prefix = format!("hr-{:08x}", rand::random::<u32>());
        Self {
            prefix: prefix.into(),
            next: Arc::new(AtomicU64::new(1)),
        }
    }
}

impl MakeRequestId for RequestIds {
    fn make_request_id<B>(&mut self, _request: &http::Request<B>) -> Option<RequestId> {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        HeaderValue::from_str(&format!("{}-{n}", self.prefix))
            .ok()
            .map(RequestId::new)
    }
}

/// CORS for gRPC-Web from the allowed origins: the headers a gRPC-Web
/// client sends, and the gRPC status headers it must be able to read.
fn cors_layer(origins: &[String]) -> Result<CorsLayer, StartError> {
    let origins = origins
        .iter()
        .map(|o| {
            HeaderValue::from_str(o)
                .map_err(|_| StartError::Options(format!("bad CORS origin {o:?}")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let header = HeaderName::from_static;
    Ok(CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::POST, Method::OPTIONS])
        .allow_headers([
            header("content-type"),
            header("x-grpc-web"),
            header("x-user-agent"),
            header("grpc-timeout"),
            header("authorization"),
        ])
        .expose_headers([
            header("grpc-status"),
            header("grpc-message"),
            header("grpc-status-details-bin"),
        ])
        .max_age(Duration::from_secs(24 * 3600)))
}

/// Loads the catalog and the model and checks that they fit each other.
pub fn load(data_dir: &Path, model_path: &Path) -> Result<Recommender, StartError> {
    load_with_overlay(data_dir, model_path, None)
}

/// [`load`], merging an operator's program overlay into the catalog first.
pub fn load_with_overlay(
    data_dir: &Path,
    model_path: &Path,
    overlay: Option<&Path>,
) -> Result<Recommender, StartError> {
    let mut catalog = Catalog::load(data_dir)?;
    if let Some(path) = overlay {
        let summary = crate::catalog::overlay::apply(&mut catalog, path)?;
        info!(
            merged = summary.merged,
            added = summary.added,
            "program overlay merged"
        );
    }
    let artifact = ModelArtifact::load(model_path)?;
    let model = CareerModel::new(artifact, &catalog)?;
    Ok(Recommender::new(catalog, model))
}

/// How the server serves, beyond what it serves.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ServeOptions {
    /// Browser origins (e.g. `https://apply.example.edu`) allowed to call
    /// through gRPC-Web; empty means none (same-origin pages and non-browser
    /// clients are unaffected).
    pub cors_origins: Vec<String>,
}

/// Serves `recommender` on `listener` with default options until
/// `shutdown` resolves; see [`run_with`].
pub async fn run(
    listener: TcpListener,
    recommender: Arc<Recommender>,
    shutdown: impl Future<Output = ()> + Send,
) -> Result<(), StartError> {
    run_with(listener, recommender, ServeOptions::default(), shutdown).await
}

/// Serves gRPC (HTTP/2) and gRPC-Web (HTTP/1.1 or HTTP/2) on `listener`
/// until `shutdown` resolves, then reports NOT_SERVING, stops accepting,
/// and lets calls in flight finish.
pub async fn run_with(
    listener: TcpListener,
    recommender: Arc<Recommender>,
    options: ServeOptions,
    shutdown: impl Future<Output = ()> + Send,
) -> Result<(), StartError> {
    let (health, health_service) = tonic_health::server::health_reporter();
    health
        .set_serving::<RecommenderServer<RecommenderService>>()
        .await;
    let reflection_v1 = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(pb::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        .build_v1()?;
    let reflection_v1alpha = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(pb::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        .build_v1alpha()?;
    health.set_serving::<CatalogServer<CatalogService>>().await;
    let catalog_service = CatalogServer::new(CatalogService::new(recommender.clone()))
        .max_decoding_message_size(MAX_REQUEST_BYTES);
    let recommender_service = RecommenderServer::new(RecommenderService::new(recommender))
        .max_decoding_message_size(MAX_REQUEST_BYTES);

    info!(addr = ?listener.local_addr().ok(), "serving");
    let reporter = health.clone();
    let cors = cors_layer(&options.cors_origins)?;
    Server::builder()
        .accept_http1(true)
        .timeout(REQUEST_TIMEOUT)
        // Every call carries an id: the caller's `x-request-id`, or one made
        // here; it is sent back in the response and names the call's span.
        .layer(SetRequestIdLayer::x_request_id(RequestIds::new()))
        .layer(PropagateRequestIdLayer::x_request_id())
        .trace_fn(|request| {
            let id = request
                .headers()
                .get("x-request-id")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            tracing::debug_span!("call", path = %request.uri().path(), request_id = %id)
        })
        .layer(cors)
        .layer(tonic_web::GrpcWebLayer::new())
        .add_service(health_service)
        .add_service(reflection_v1)
        .add_service(reflection_v1alpha)
        .add_service(recommender_service)
        .add_service(catalog_service)
        .serve_with_incoming_shutdown(incoming(listener), async move {
            shutdown.await;
            info!("shutting down: draining calls in flight");
            reporter
                .set_not_serving::<RecommenderServer<RecommenderService>>()
                .await;
            reporter
                .set_not_serving::<CatalogServer<CatalogService>>()
                .await;
            reporter
                .set_service_status("", tonic_health::ServingStatus::NotServing)
                .await;
        })
        .await?;
    info!("stopped");
    Ok(())
}
