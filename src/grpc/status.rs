//! The one place domain errors become gRPC statuses.
//!
//! Codes used, and why:
//! - `INVALID_ARGUMENT`: the request itself is wrong; retrying it unchanged
//!   cannot succeed. Details carry a `google.rpc.BadRequest` with one field
//!   violation per field at fault, so clients can point at the field.
//! - `NOT_FOUND`: an id names nothing in the catalog; the request is well
//!   formed, so this is not `INVALID_ARGUMENT`.

use tonic::{Code, Status};
use tonic_types::{ErrorDetails, StatusExt};

use crate::error::RequestError;

impl From<RequestError> for Status {
    fn from(err: RequestError) -> Self {
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
