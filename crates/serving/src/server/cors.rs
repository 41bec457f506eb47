//! CORS for browsers calling through gRPC-Web or the HTTP/JSON door.

use std::time::Duration;

use tonic::codegen::http::{HeaderName, HeaderValue, Method};
use tower_http::cors::{AllowOrigin, CorsLayer};

use super::StartError;

/// CORS from the allowed origins, for gRPC-Web and the JSON door: the
/// headers their clients send, and the status, request id and door
/// headers a page must be able to read.
pub(crate) fn cors_layer(origins: &[String]) -> Result<CorsLayer, StartError> {
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
        .allow_methods([Method::GET, Method::POST, Method::OPTIONS])
        .allow_headers([
            header("content-type"),
            header("x-grpc-web"),
            header("x-user-agent"),
            header("grpc-timeout"),
            header("authorization"),
            header("connect-protocol-version"),
            header("connect-timeout-ms"),
            header("traceparent"),
        ])
        .expose_headers([
            header("grpc-status"),
            header("grpc-message"),
            header("grpc-status-details-bin"),
            // The call's id, and what the JSON door ignored or asks.
            header("x-request-id"),
            header("himrec-ignored-fields"),
            header("retry-after"),
        ])
        .max_age(Duration::from_secs(24 * 3600)))
}
