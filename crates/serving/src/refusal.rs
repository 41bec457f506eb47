//! Why the call guard refused a call before it reached a service: a key
//! that does not admit it or is over its quota, the concurrency limit, or
//! its deadline.
//! `grpc::status` is the one place these become gRPC statuses.

use std::time::Duration;

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
    /// The key has spent its quota for now.
    #[error(
        "API key {key:?} is over its quota of {per_second} calls a second; retry in {:.2} s",
        retry_after.as_secs_f64()
    )]
    OverQuota {
        /// The key's name.
        key: String,
        /// Its rate.
        per_second: u32,
        /// How long until a call would be let in.
        retry_after: Duration,
    },
    /// The call's deadline passed.
    #[error("deadline of {0:?} exceeded")]
    DeadlineExceeded(Duration),
}
