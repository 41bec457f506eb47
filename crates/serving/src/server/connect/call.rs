//! A door call made into the gRPC call it stands for: its method, its
//! body read within the limit and decoded (JSON fields the contract does
//! not have ignored, or refused when strict), and its headers made gRPC's.

use http_body_util::{BodyExt, Full, Limited};
use tonic::body::Body;
use tonic::codegen::http::{self, header, HeaderValue};
use tonic::{Code, Status};

use super::codec::{frame, Encoding};
use super::Door;
use crate::grpc::status::request_status;
use himrec_domain::error::{FieldViolation, RequestError};

/// A refusal naming the field (or header) at fault.
fn invalid(field: &str, description: impl Into<String>) -> Status {
    request_status(RequestError::InvalidArgument(vec![FieldViolation::new(
        field,
        description,
    )]))
}

impl Door {
    /// The gRPC call a door call stands for, its method and the JSON
    /// fields ignored; refused before it reaches the guard when the
    /// method, body or headers are not what the door takes.
    pub(super) async fn prepare(
        &self,
        request: http::Request<Body>,
        encoding: Encoding,
    ) -> Result<Prepared, Refused> {
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
        let limit = self.options.max_request_bytes;
        if declared.is_some_and(|n| n > limit) {
            return Err(Refused::TooLarge(too_large(limit)));
        }
        let body = Limited::new(body, limit)
            .collect()
            .await
            .map_err(|e| {
                if e.downcast_ref::<http_body_util::LengthLimitError>()
                    .is_some()
                {
                    Refused::TooLarge(too_large(limit))
                } else {
                    Refused::Other(Status::invalid_argument(format!(
                        "the request body could not be read: {e}"
                    )))
                }
            })?
            .to_bytes();
        let decoded = self
            .codec
            .decode(method.input(), &body, encoding)
            .map_err(|faults| {
                let violations = faults
                    .into_iter()
                    .map(|f| FieldViolation::new(f.field, f.description))
                    .collect();
                Refused::Other(request_status(RequestError::InvalidArgument(violations)))
            })?;
        if self.options.strict_json && !decoded.unknown.is_empty() {
            let violations = decoded
                .unknown
                .iter()
                .map(|field| FieldViolation::new(field, "not a field of the contract"))
                .collect();
            return Err(Refused::Other(request_status(
                RequestError::InvalidArgument(violations),
            )));
        }
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
        let call = http::Request::from_parts(parts, Body::new(Full::new(frame(&decoded.wire))));
        Ok((call, method, decoded.unknown))
    }
}

/// A door call made ready for the services: the gRPC call, its method,
/// and the JSON fields ignored.
pub(super) type Prepared = (
    http::Request<Body>,
    prost_reflect::MethodDescriptor,
    Vec<String>,
);

/// Why a door call did not reach the services.
pub(super) enum Refused {
    /// The body is over the limit.
    TooLarge(Status),
    /// Anything else.
    Other(Status),
}

impl From<Status> for Refused {
    fn from(status: Status) -> Self {
        Self::Other(status)
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
