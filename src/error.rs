//! Errors a request can end in, before they become gRPC statuses in
//! `grpc::status`.

use crate::profile::FieldViolation;

/// Why a request was not answered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RequestError {
    /// One or more fields are invalid; each violation names its field.
    #[error("{} invalid field(s)", .0.len())]
    InvalidArgument(Vec<FieldViolation>),
    /// The named thing does not exist.
    #[error("no {what}")]
    NotFound {
        /// What was asked for, e.g. `program with unitid 1 at level 2`.
        what: String,
    },
}
