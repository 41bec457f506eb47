//! The integration tests, one binary: each module runs the real server, the
//! real binary or the bundled data and model from outside, as a client, an
//! operator or a reviewer would. Shared helpers are in `common`.
//!
//! One binary links the whole stack once; `cargo test --test it MODULE::`
//! runs one module's tests.

mod common;

mod answers;
mod batch;
mod catalog;
mod catalog_api;
mod cli;
mod compare;
mod connect_client;
mod connect_door;
mod connections;
mod counsel;
mod counselor;
mod dockerfile;
mod docs;
mod fit;
mod fleet;
mod grpc_web;
mod hardening;
mod kubernetes;
mod labels;
mod languages;
mod layers;
mod limits;
mod model;
mod node_client;
mod openapi_tools;
mod operations;
mod outcomes;
mod overlay;
mod page;
mod program_answers;
mod program_filter;
mod publishable;
mod python_client;
mod ranking;
mod reload;
mod security;
mod server;
mod shadow;
mod sparse_profiles;
mod tenants;
mod traces;
mod views;
