//! The one place domain errors become gRPC statuses.
//!
//! Codes used, and why:
//! - `INVALID_ARGUMENT`: the request itself is wrong; retrying it unchanged
//!   cannot succeed. Details carry a `google.rpc.BadRequest` with one field
//!   violation per field at fault, so clients can point at the field.
//! - `NOT_FOUND`: an id names nothing in the catalog; the request is well
//!   formed, so this is not `INVALID_ARGUMENT`.
//! - `UNAUTHENTICATED`: no API key, or one that matches none configured.
//! - `PERMISSION_DENIED`: a valid key that may not call the method.
//! - `RESOURCE_EXHAUSTED`: the server is at its concurrency limit (retry
//!   with backoff), a key is over its quota (a `google.rpc.RetryInfo`
//!   detail says when to retry), or a batch sent more requests than one
//!   call may.
//! - `DEADLINE_EXCEEDED`: the call's deadline (the client's `grpc-timeout`,
//!   or the server's default) passed before it finished.
//! - `FAILED_PRECONDITION`: a reload found the new files unusable; the
//!   version serving before stays.

use tonic::{Code, Status};
use tonic_types::{ErrorDetails, StatusExt};

use crate::live::{PromotionError, ReloadError};
use crate::refusal::{AccessError, Refusal};
use himrec_domain::error::RequestError;

/// The status of a request the domain refused (a type of the domain
/// crate, so this is a function rather than a `From`).
pub(crate) fn request_status(err: RequestError) -> Status {
    {
        match err {
            RequestError::InvalidArgument(violations) => {
                let fields: Vec<&str> = violations.iter().map(|v| v.field.as_str()).collect();
                let message = format!("invalid request: {}", fields.join(", "));
                let mut details = ErrorDetails::new();
                for v in &violations {
                    details.add_bad_request_violation(v.field.clone(), v.description.clone());
                }
                Status::with_error_details(Code::InvalidArgument, message, details)
            }
            RequestError::NotFound { what } => Status::not_found(format!("no {what}")),
        }
    }
}

impl From<Refusal> for Status {
    fn from(refusal: Refusal) -> Self {
        let message = refusal.to_string();
        match refusal {
            Refusal::Access(AccessError::Unauthenticated(_)) => Status::unauthenticated(message),
            Refusal::Access(AccessError::PermissionDenied(_)) => Status::permission_denied(message),
            Refusal::Overloaded { .. } => Status::resource_exhausted(message),
            Refusal::OverQuota { retry_after, .. } => Status::with_error_details(
                Code::ResourceExhausted,
                message,
                ErrorDetails::with_retry_info(Some(retry_after)),
            ),
            Refusal::DeadlineExceeded(_) => Status::deadline_exceeded(message),
        }
    }
}

impl From<PromotionError> for Status {
    fn from(err: PromotionError) -> Self {
        Status::failed_precondition(err.to_string())
    }
}

impl From<ReloadError> for Status {
    fn from(err: ReloadError) -> Self {
        Status::failed_precondition(format!(
            "reload failed, the previous version keeps serving: {err}"
        ))
    }
}
