//! The integrators' door: every unary method as the Connect protocol's
//! unary form, `POST /himrec.v1.<Service>/<Method>` with a JSON body
//! (`application/json`, the proto3 JSON mapping) or a binary one
//! (`application/proto`), over HTTP/1.1 or HTTP/2 on the gRPC port; and
//! the OpenAPI document of it at `GET /openapi.json` (3.1) and
//! `GET /openapi-3.0.json` (3.0.3).
//!
//! A door call becomes a gRPC call to the same services through the same
//! guard: its headers (`Authorization`, `traceparent`, `x-request-id`) go
//! with it, `Connect-Timeout-Ms` becomes its `grpc-timeout`, and its
//! answer or status comes back in Connect's form ([`error`]). Anything that
//! is not a door call (gRPC, gRPC-Web) passes through untouched; [`call`]
//! makes a door call into its gRPC call.
//!
//! As gateways expect of HTTP: a body over the limit is 413, load shed and
//! a key over its quota are 429 with `Retry-After`; JSON fields the contract does not have are
//! ignored and named in `Himrec-Ignored-Fields` (refused when strict);
//! every field of an answer is written, empty lists and zero totals too
//! (fields with presence stay absent when unknown); `GET /healthz`
//! (liveness) and `GET /readyz` (readiness, following the health service)
//! need no key.

mod call;
mod codec;
mod error;
pub(crate) mod examples;
pub(crate) mod openapi;
mod shape;

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use tonic::body::Body;
use tonic::codegen::http::{self, header, HeaderValue, Method, StatusCode};
use tonic::{Code, Status};
use tonic_types::StatusExt;
use tower::{Layer, Service};

use call::Refused;
pub(crate) use codec::Codec;
use codec::{unframe, Encoding};

use crate::metrics::Metrics;

/// Where the OpenAPI document is served.
const OPENAPI_PATH: &str = "/openapi.json";
/// Where its OpenAPI 3.0 form is served.
const OPENAPI_30_PATH: &str = "/openapi-3.0.json";
/// Liveness: the process answers.
const LIVE_PATH: &str = "/healthz";
/// Readiness: the services are serving (not starting, not draining).
const READY_PATH: &str = "/readyz";
/// The response header naming the request's ignored JSON fields.
pub(crate) const IGNORED_FIELDS: &str = "himrec-ignored-fields";
/// Seconds a client shed for load is asked to wait.
const RETRY_AFTER_SECS: u64 = 1;

/// What the door is configured with.
#[derive(Debug, Clone)]
pub(crate) struct DoorOptions {
    /// The largest request body.
    pub(crate) max_request_bytes: usize,
    /// Whether JSON fields the contract does not have are refused.
    pub(crate) strict_json: bool,
    /// Whether the services are serving (false while draining).
    pub(crate) ready: Arc<AtomicBool>,
}

/// Wraps the services in [`Connect`].
#[derive(Debug, Clone)]
pub(crate) struct ConnectLayer {
    door: Arc<Door>,
}

#[derive(Debug)]
struct Door {
    codec: Codec,
    options: DoorOptions,
    openapi: Bytes,
    openapi_30: Bytes,
    metrics: Metrics,
}

impl ConnectLayer {
    /// A door as `options` say, counting its own refusals in `metrics`
    /// (the calls it passes on are counted by the guard, as gRPC calls).
    pub(crate) fn new(
        options: DoorOptions,
        metrics: Metrics,
    ) -> Result<Self, prost_reflect::DescriptorError> {
        let codec = Codec::new()?;
        let pretty = |document| -> Bytes {
            serde_json::to_vec_pretty(&document)
                .expect("a JSON value serializes")
                .into()
        };
        let openapi = pretty(openapi::document(&codec));
        let openapi_30 = pretty(openapi::document_30(&codec));
        Ok(Self {
            door: Arc::new(Door {
                codec,
                options,
                openapi,
                openapi_30,
                metrics,
            }),
        })
    }
}

impl<S> Layer<S> for ConnectLayer {
    type Service = Connect<S>;

    fn layer(&self, inner: S) -> Self::Service {
        Connect {
            inner,
            door: self.door.clone(),
        }
    }
}

/// See the module documentation.
#[derive(Debug, Clone)]
pub(crate) struct Connect<S> {
    inner: S,
    door: Arc<Door>,
}

/// What a request is, to the door.
enum Kind {
    /// gRPC or gRPC-Web: not the door's.
    Passing,
    /// `GET /openapi.json`, or its 3.0 form.
    OpenApi { v3_0: bool },
    /// `GET /healthz`.
    Live,
    /// `GET /readyz`.
    Ready,
    /// A Connect unary call.
    Unary(Encoding),
    /// A POST in a content type the door does not speak.
    Unsupported,
}

fn kind(request: &http::Request<Body>) -> Kind {
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let media = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match *request.method() {
        Method::GET if request.uri().path() == OPENAPI_PATH => Kind::OpenApi { v3_0: false },
        Method::GET if request.uri().path() == OPENAPI_30_PATH => Kind::OpenApi { v3_0: true },
        Method::GET if request.uri().path() == LIVE_PATH => Kind::Live,
        Method::GET if request.uri().path() == READY_PATH => Kind::Ready,
        Method::POST if media.starts_with("application/grpc") => Kind::Passing,
        Method::POST if media == "application/json" => Kind::Unary(Encoding::Json),
        Method::POST if media == "application/proto" => Kind::Unary(Encoding::Proto),
        Method::POST => Kind::Unsupported,
        _ => Kind::Passing,
    }
}

type BoxFuture<T, E> = Pin<Box<dyn Future<Output = Result<T, E>> + Send>>;

impl<S> Service<http::Request<Body>> for Connect<S>
where
    S: Service<http::Request<Body>, Response = http::Response<Body>> + Clone + Send + 'static,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
{
    type Response = http::Response<Body>;
    type Error = S::Error;
    type Future = BoxFuture<Self::Response, Self::Error>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<Body>) -> Self::Future {
        match kind(&request) {
            Kind::Passing => Box::pin(self.inner.call(request)),
            Kind::OpenApi { v3_0 } => {
                let document = if v3_0 {
                    &self.door.openapi_30
                } else {
                    &self.door.openapi
                };
                let response = respond(StatusCode::OK, "application/json", document.clone());
                Box::pin(async move { Ok(response) })
            }
            Kind::Live => {
                let response = health(true);
                Box::pin(async move { Ok(response) })
            }
            Kind::Ready => {
                let response = health(self.door.options.ready.load(Ordering::SeqCst));
                Box::pin(async move { Ok(response) })
            }
            Kind::Unsupported => {
                let mut response = self.door.refuse_early(&Status::invalid_argument(
                    "the door takes application/json or application/proto bodies \
                     (gRPC takes application/grpc)",
                ));
                *response.status_mut() = StatusCode::UNSUPPORTED_MEDIA_TYPE;
                Box::pin(async move { Ok(response) })
            }
            Kind::Unary(encoding) => {
                // The clone that was made ready serves this call.
                let clone = self.inner.clone();
                let inner = std::mem::replace(&mut self.inner, clone);
                let door = self.door.clone();
                Box::pin(async move { Ok(door.unary(inner, request, encoding).await) })
            }
        }
    }
}

/// A response with a body and its content type.
fn respond(status: StatusCode, content_type: &'static str, body: Bytes) -> http::Response<Body> {
    let mut response = http::Response::new(Body::new(Full::new(body)));
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}

/// A health answer: 200 while serving, 503 otherwise.
fn health(serving: bool) -> http::Response<Body> {
    let (status, body) = if serving {
        (StatusCode::OK, r#"{"status":"SERVING"}"#)
    } else {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            r#"{"status":"NOT_SERVING"}"#,
        )
    };
    respond(
        status,
        "application/json",
        Bytes::from_static(body.as_bytes()),
    )
}

impl Door {
    /// `status` in Connect's error form; a client shed for load or over
    /// its key's quota is told when to retry: the status's `RetryInfo` in
    /// whole seconds, rounded up, or a second.
    fn refuse(&self, status: &Status) -> http::Response<Body> {
        let mut response = respond(
            error::http_status(status.code()),
            "application/json",
            error::body(&self.codec, status),
        );
        if response.status() == StatusCode::TOO_MANY_REQUESTS {
            let seconds = status
                .get_details_retry_info()
                .and_then(|info| info.retry_delay)
                .map_or(RETRY_AFTER_SECS, |delay| {
                    delay.as_secs() + u64::from(delay.subsec_nanos() > 0)
                })
                .max(1);
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }

    /// `status` in Connect's error form, for a call refused before it
    /// became a gRPC call: counted here, since the guard never saw it.
    fn refuse_early(&self, status: &Status) -> http::Response<Body> {
        self.metrics.door_refused(status.code());
        self.refuse(status)
    }

    async fn unary<S>(
        &self,
        mut inner: S,
        request: http::Request<Body>,
        encoding: Encoding,
    ) -> http::Response<Body>
    where
        S: Service<http::Request<Body>, Response = http::Response<Body>>,
    {
        let (call, method, ignored) = match self.prepare(request, encoding).await {
            Ok(prepared) => prepared,
            Err(Refused::TooLarge(status)) => {
                // Not load: the same body would be refused again.
                let mut response = self.refuse_early(&status);
                *response.status_mut() = StatusCode::PAYLOAD_TOO_LARGE;
                response.headers_mut().remove(header::RETRY_AFTER);
                return response;
            }
            Err(Refused::Other(status)) => return self.refuse_early(&status),
        };
        let mut response = match self.forward(&mut inner, call, method, encoding).await {
            Ok(response) => response,
            Err(status) => self.refuse(&status),
        };
        if !ignored.is_empty() {
            if let Ok(value) = HeaderValue::from_str(&ignored.join(", ")) {
                response.headers_mut().insert(IGNORED_FIELDS, value);
            }
        }
        response
    }

    /// The answer of the services to `call`, in the door's encoding.
    async fn forward<S>(
        &self,
        inner: &mut S,
        call: http::Request<Body>,
        method: prost_reflect::MethodDescriptor,
        encoding: Encoding,
    ) -> Result<http::Response<Body>, Status>
    where
        S: Service<http::Request<Body>, Response = http::Response<Body>>,
    {
        let response = inner
            .call(call)
            .await
            .map_err(|_| Status::unavailable("the service did not answer"))?;
        let (parts, body) = response.into_parts();
        // A refusal comes with its status in the headers and no body.
        if let Some(status) = Status::from_header_map(&parts.headers) {
            if status.code() != Code::Ok {
                return Err(status);
            }
        }
        let collected = body
            .collect()
            .await
            .map_err(|e| Status::unavailable(format!("the answer was cut short: {e}")))?;
        let trailers = collected.trailers().cloned().unwrap_or_default();
        if let Some(status) = Status::from_header_map(&trailers) {
            if status.code() != Code::Ok {
                return Err(status);
            }
        }
        let wire = unframe(&collected.to_bytes())
            .ok_or_else(|| Status::internal("the answer was not one message"))?;
        let out = self
            .codec
            .encode(method.output(), wire, encoding)
            .map_err(Status::internal)?;
        Ok(respond(StatusCode::OK, encoding.content_type(), out))
    }
}
