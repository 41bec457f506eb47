//! himrec: recommends Health Information Management career paths, work
//! settings and programs from a person's skills and interests.
//!
//! The work is done by three crates, each a layer, which this one gathers
//! under one name for the `himrec` command, the tests and the benchmarks:
//!
//! - `himrec-domain`: [`catalog`], [`profile`], [`model`], [`rank`] and the
//!   small pieces below them ([`error`], [`text`], [`language`]);
//! - `himrec-training` ([`training`]): sampling, training and evaluating
//!   the model, never linked into serving;
//! - `himrec-serving`: [`config`], [`pb`], [`metrics`], [`live`],
//!   [`grpc`], [`server`] (started by [`server::run`]) and [`client`].

pub use himrec_domain::{catalog, error, language, model, profile, rank, riasec, text, top_k};
pub use himrec_serving::{client, config, grpc, live, metrics, pb, server};
pub use himrec_training as training;
