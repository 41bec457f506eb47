//! The integrators' door: every unary method as the Connect protocol's
//! unary form, `POST /himrec.v1.<Service>/<Method>` with a JSON body
//! (`application/json`, the proto3 JSON mapping) or a binary one
//! (`application/proto`), over HTTP/1.1 or HTTP/2 on the gRPC port; and
//! the OpenAPI document of it at `GET /openapi.json`.
//!
//! A door call becomes a gRPC call to the same services through the same
//! guard: its headers (`Authorization`, `traceparent`, `x-request-id`) go
//! with it, `Connect-Timeout-Ms` becomes its `grpc-timeout`, and its
//! answer or status comes back in Connect's form ([`error`]). Anything that
//! is not a door call (gRPC, gRPC-Web) passes through untouched.

mod codec;
mod error;
pub(crate) mod openapi;

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use tonic::body::Body;
use tonic::codegen::http::{self, header, HeaderValue, Method, StatusCode};
use tonic::{Code, Status};
use tower::{Layer, Service};

use crate::grpc::status::request_status;
pub(crate) use codec::Codec;
use codec::{frame, unframe, Encoding};

use crate::metrics::Metrics;
use himrec_domain::error::{FieldViolation, RequestError};

/// Where the OpenAPI document is served.
const OPENAPI_PATH: &str = "/openapi.json";

/// Wraps the services in [`Connect`].
#[derive(Debug, Clone)]
pub(crate) struct ConnectLayer {
    door: Arc<Door>,
}

#[derive(Debug)]
struct Door {
    codec: Codec,
    max_request_bytes: usize,
    openapi: Bytes,
    metrics: Metrics,
}

impl ConnectLayer {
    /// A door refusing bodies over `max_request_bytes`, counting its own
    /// refusals in `metrics` (the calls it passes on are counted by the
    /// guard, as gRPC calls).
    pub(crate) fn new(
        max_request_bytes: usize,
        metrics: Metrics,
    ) -> Result<Self, prost_reflect::DescriptorError> {
        let codec = Codec::new()?;
        let openapi = serde_json::to_vec_pretty(&openapi::document(&codec))
            .expect("a JSON value serializes")
            .into();
        Ok(Self {
            door: Arc::new(Door {
                codec,
                max_request_bytes,
                openapi,
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
    /// `GET /openapi.json`.
    OpenApi,
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
        Method::GET if request.uri().path() == OPENAPI_PATH => Kind::OpenApi,
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
            Kind::OpenApi => {
                let response = respond(
                    StatusCode::OK,
                    "application/json",
                    self.door.openapi.clone(),
                );
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

/// A refusal naming the field (or header) at fault.
fn invalid(field: &str, description: impl Into<String>) -> Status {
    request_status(RequestError::InvalidArgument(vec![FieldViolation::new(
        field,
        description,
    )]))
}

impl Door {
    /// `status` in Connect's error form.
    fn refuse(&self, status: &Status) -> http::Response<Body> {
        respond(
            error::http_status(status.code()),
            "application/json",
            error::body(&self.codec, status),
        )
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
        let (call, method) = match self.prepare(request, encoding).await {
            Ok(prepared) => prepared,
            Err(status) => return self.refuse_early(&status),
        };
        match self.forward(&mut inner, call, method, encoding).await {
            Ok(response) => response,
            Err(status) => self.refuse(&status),
        }
    }

    /// The gRPC call a door call stands for, and its method; refused
    /// before it reaches the guard when the method, body or headers are
    /// not what the door takes.
    async fn prepare(
        &self,
        request: http::Request<Body>,
        encoding: Encoding,
    ) -> Result<(http::Request<Body>, prost_reflect::MethodDescriptor), Status> {
        let path = request.uri().path().to_owned();
        let method = self
            .codec
            .method(&path)
            .filter(|m| !m.is_client_streaming() && !m.is_server_streaming())
            .ok_or_else(|| {
                Status::new(
                    Code::NotFound,
                    format!("{path} is not a unary method of this service"),
                )
            })?;
        let (mut parts, body) = request.into_parts();
        let declared = parts
            .headers
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok());
        if declared.is_some_and(|n| n > self.max_request_bytes) {
            return Err(too_large(self.max_request_bytes));
        }
        let body = Limited::new(body, self.max_request_bytes)
            .collect()
            .await
            .map_err(|e| {
                if e.downcast_ref::<http_body_util::LengthLimitError>()
                    .is_some()
                {
                    too_large(self.max_request_bytes)
                } else {
                    Status::invalid_argument(format!("the request body could not be read: {e}"))
                }
            })?
            .to_bytes();
        let message = self
            .codec
            .decode(method.input(), &body, encoding)
            .map_err(|e| invalid("body", e))?;
        let timeout = match parts.headers.get("connect-timeout-ms") {
            None => None,
            Some(value) => Some(grpc_timeout(value).ok_or_else(|| {
                invalid(
                    "Connect-Timeout-Ms",
                    "a positive whole number of milliseconds, at most 10 digits",
                )
            })?),
        };

        // gRPC is HTTP/2 to the services behind, whatever the door spoke.
        parts.version = http::Version::HTTP_2;
        let headers = &mut parts.headers;
        for name in [
            "connect-timeout-ms",
            "connect-protocol-version",
            "accept-encoding",
        ] {
            headers.remove(name);
        }
        headers.remove(header::CONTENT_LENGTH);
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/grpc"),
        );
        headers.insert(header::TE, HeaderValue::from_static("trailers"));
        if let Some(timeout) = timeout {
            headers.insert("grpc-timeout", timeout);
        }
        let call = http::Request::from_parts(parts, Body::new(Full::new(frame(&message))));
        Ok((call, method))
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

fn too_large(limit: usize) -> Status {
    Status::resource_exhausted(format!(
        "the request body is larger than the {limit} bytes a message may have"
    ))
}

/// `Connect-Timeout-Ms` as a `grpc-timeout` value: a positive number of at
/// most 10 digits of milliseconds (gRPC takes 8 digits of a unit, so long
/// ones go in seconds).
fn grpc_timeout(value: &HeaderValue) -> Option<HeaderValue> {
    let text = value.to_str().ok()?;
    if text.is_empty() || text.len() > 10 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let ms: u64 = text.parse().ok().filter(|&ms| ms > 0)?;
    let value = if ms < 100_000_000 {
        format!("{ms}m")
    } else {
        format!("{}S", ms.div_ceil(1000))
    };
    HeaderValue::from_str(&value).ok()
}
