//! himrec: recommends Health Information Management career paths, work
//! settings and programs from a person's skills and interests.
//!
//! Layers, lowest first; each imports only from layers below it:
//!
//! - [`error`], [`text`], [`language`], [`config`], [`pb`]: shared errors,
//!   number formatting, the languages answers are written in, settings,
//!   generated protobuf types;
//! - [`catalog`] (the public data), then [`profile`] (a person, checked
//!   against the catalog);
//! - [`model`]: the trained model as it serves;
//! - [`rank`]: requests checked into queries, and everything ranked;
//! - [`training`]: sampling, training and evaluating the model (never
//!   imported while serving);
//! - [`metrics`], then [`live`]: the serving snapshot and its reload;
//! - [`grpc`]: the edge that converts and validates, and maps errors to
//!   statuses; [`server`]: the listener, guard and services, started by
//!   [`server::run`]. [`client`] helps callers build requests.

pub mod catalog;
pub mod client;
pub mod config;
pub mod error;
pub mod grpc;
mod hex;
pub mod language;
pub mod live;
pub mod metrics;
pub mod model;
/// Code generated from `proto/himrec/v1/*.proto`.
#[allow(missing_docs, unreachable_pub, clippy::all, clippy::pedantic)]
pub mod pb {
    tonic::include_proto!("himrec.v1");

    /// Encoded file descriptor set of the protos, for server reflection.
    pub const FILE_DESCRIPTOR_SET: &[u8] =
        include_bytes!(concat!(env!("OUT_DIR"), "/himrec_descriptor.bin"));
}
pub mod profile;
pub mod rank;
pub mod server;
pub mod text;
mod top_k;
pub mod training;
