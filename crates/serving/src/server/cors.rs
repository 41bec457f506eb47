//! CORS for browsers calling through gRPC-Web or the HTTP/JSON door.

use std::time::Duration;

use tonic::codegen::http::{HeaderName, HeaderValue, Method};
use tower_http::cors::{AllowOrigin, CorsLayer};

use super::StartError;

/// CORS for gRPC-Web from the allowed origins: the headers a gRPC-Web
/// client sends, and the gRPC status headers it must be able to read.
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
        .allow_methods([Method::POST, Method::OPTIONS])
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
        ])
        .max_age(Duration::from_secs(24 * 3600)))
}
