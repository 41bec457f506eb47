//! himrec: recommends Health Information Management career paths, work
//! settings and programs from a person's skills and interests.
//!
//! The domain ([`catalog`], [`profile`], [`model`], [`rank`]) knows nothing of
//! gRPC; [`grpc`] validates and converts at the edge, and [`server::run`]
//! serves it all on a listener until a shutdown signal.

pub mod catalog;
pub mod client;
pub mod config;

/// Code generated from `proto/himrec/v1/*.proto`.
#[allow(missing_docs, unreachable_pub, clippy::all, clippy::pedantic)]
pub mod pb {
    tonic::include_proto!("himrec.v1");

    /// Encoded file descriptor set of the protos, for server reflection.
    pub const FILE_DESCRIPTOR_SET: &[u8] =
        include_bytes!(concat!(env!("OUT_DIR"), "/himrec_descriptor.bin"));
}
pub mod error;
pub mod grpc;
mod hex;
pub mod model;
pub mod profile;
pub mod rank;
pub mod server;
mod text;
