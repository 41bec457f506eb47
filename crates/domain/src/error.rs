//! Request faults found while checking input, shared by every layer that
//! checks some: the serving crate's `grpc::status` is the one place they
//! become gRPC statuses.

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
