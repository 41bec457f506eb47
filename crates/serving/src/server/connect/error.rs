//! Connect's error form: the HTTP status its code maps to, and a JSON body
//! with `code`, `message` and `details` (each detail's type, its binary
//! value in base64, and the same as JSON under `debug`).

use base64::engine::general_purpose::STANDARD_NO_PAD;
use base64::Engine as _;
use bytes::Bytes;
use prost::Message;
use tonic::codegen::http::StatusCode;
use tonic::{Code, Status};

use super::codec::Codec;

/// Connect's name for a code, e.g. `invalid_argument`.
pub(crate) fn code_name(code: Code) -> &'static str {
    match code {
        Code::Ok => "ok",
        Code::Cancelled => "canceled",
        Code::Unknown => "unknown",
        Code::InvalidArgument => "invalid_argument",
        Code::DeadlineExceeded => "deadline_exceeded",
        Code::NotFound => "not_found",
        Code::AlreadyExists => "already_exists",
        Code::PermissionDenied => "permission_denied",
        Code::ResourceExhausted => "resource_exhausted",
        Code::FailedPrecondition => "failed_precondition",
        Code::Aborted => "aborted",
        Code::OutOfRange => "out_of_range",
        Code::Unimplemented => "unimplemented",
        Code::Internal => "internal",
        Code::Unavailable => "unavailable",
        Code::DataLoss => "data_loss",
        Code::Unauthenticated => "unauthenticated",
    }
}

/// The HTTP status Connect gives a code.
pub(crate) fn http_status(code: Code) -> StatusCode {
    match code {
        Code::Ok => StatusCode::OK,
        Code::Cancelled => StatusCode::from_u16(499).expect("499 is a status code"),
        Code::InvalidArgument | Code::FailedPrecondition | Code::OutOfRange => {
            StatusCode::BAD_REQUEST
        }
        Code::DeadlineExceeded => StatusCode::GATEWAY_TIMEOUT,
        Code::NotFound => StatusCode::NOT_FOUND,
        Code::AlreadyExists | Code::Aborted => StatusCode::CONFLICT,
        Code::PermissionDenied => StatusCode::FORBIDDEN,
        Code::ResourceExhausted => StatusCode::TOO_MANY_REQUESTS,
        Code::Unimplemented => StatusCode::NOT_IMPLEMENTED,
        Code::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        Code::Unauthenticated => StatusCode::UNAUTHORIZED,
        Code::Unknown | Code::Internal | Code::DataLoss => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// The JSON body of a Connect error for `status`, with its details.
pub(crate) fn body(codec: &Codec, status: &Status) -> Bytes {
    let details: Vec<serde_json::Value> = tonic_types::pb::Status::decode(status.details())
        .map(|s| s.details)
        .unwrap_or_default()
        .into_iter()
        .map(|any| {
            let type_name = any
                .type_url
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .to_owned();
            let mut detail = serde_json::json!({
                "type": type_name,
                "value": STANDARD_NO_PAD.encode(&any.value),
            });
            if let Some(debug) = codec.to_json(&type_name, &any.value) {
                detail["debug"] = debug;
            }
            detail
        })
        .collect();
    let mut error = serde_json::json!({
        "code": code_name(status.code()),
        "message": status.message(),
    });
    if !details.is_empty() {
        error["details"] = details.into();
    }
    serde_json::to_vec(&error)
        .expect("a JSON value serializes")
        .into()
}
