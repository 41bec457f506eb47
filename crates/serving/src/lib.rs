//! Serving himrec over gRPC: the configuration, the metrics, the live
//! snapshot of catalog and model with its reload, model labels and shadow
//! scoring, the gRPC edge that converts, validates and maps errors to
//! statuses, and the server (the guard, TLS, the HTTP/JSON door) started by
//! [`server::run`]. It builds on the domain crate and never on training.
//!
//! Modules, lowest first; each imports only from those above it in this
//! list:
//!
//! - [`timestamp`]: the contract's one well-known type;
//! - [`config`], [`pb`], [`refusal`]: settings, generated protobuf types
//!   (with their proto3 JSON mapping), why the guard refuses a call;
//! - [`metrics`], then [`live`]: the serving snapshot and its reload;
//! - [`grpc`]: the edge; [`server`]: the listener, guard and services.
//!   [`client`] helps callers build requests.

pub mod client;
pub mod config;
pub mod grpc;
pub mod live;
pub mod metrics;
pub mod refusal;
/// Code generated from `proto/himrec/v1/*.proto`.
#[allow(missing_docs, unreachable_pub, clippy::all, clippy::pedantic)]
pub mod pb {
    tonic::include_proto!("himrec.v1");
    include!(concat!(env!("OUT_DIR"), "/himrec.v1.serde.rs"));

    /// Encoded file descriptor set of the protos, for server reflection.
    pub const FILE_DESCRIPTOR_SET: &[u8] =
        include_bytes!(concat!(env!("OUT_DIR"), "/himrec_descriptor.bin"));
}
pub mod server;
pub mod timestamp;
