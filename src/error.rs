//! Errors that several layers share, kept below all of them: request
//! faults found while checking input, and the refusals of the call guard.
//! `grpc::status` is the one place they become gRPC statuses.

use std::time::Duration;

/// One field at fault and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldViolation {
    /// Path of the field, e.g. `profile.skills[sql_databases]`.
    pub field: String,
    /// What is wrong, without echoing the value.
    pub description: String,
}

impl FieldViolation {
    /// A violation of `field`.
    pub fn new(field: impl Into<String>, description: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            description: description.into(),
        }
    }
}

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

/// Why a call was not let in.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AccessError {
    /// No token, a malformed one, or one that matches no key.
    #[error("{0}")]
    Unauthenticated(&'static str),
    /// A valid key that may not call this method, or no admin key at all.
    #[error("{0}")]
    PermissionDenied(String),
}

/// Why a call was refused before it reached a service.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// The API key check failed.
    #[error(transparent)]
    Access(#[from] AccessError),
    /// The server is serving as many calls as it may.
    #[error("server busy: {limit} calls in flight; retry with backoff")]
    Overloaded {
        /// The configured limit.
        limit: usize,
    },
    /// The call's deadline passed.
    #[error("deadline of {0:?} exceeded")]
    DeadlineExceeded(Duration),
}
