//! Compiles the workspace's `proto/` with a pure-Rust protobuf compiler (no system `protoc`)
//! and generates the tonic client and server, plus the descriptor set that
//! server reflection publishes.

use prost::Message;
use std::{env, fs, path::PathBuf};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // The contract sits at the workspace root, beside the crates.
    let protos = [
        "himrec/v1/recommender.proto",
        "himrec/v1/catalog.proto",
        "himrec/v1/admin.proto",
        "himrec/v1/types.proto",
    ];
    println!("cargo:rerun-if-changed=../../proto");

    let fds = protox::compile(protos, ["../../proto"])?;
    let out_dir = PathBuf::from(env::var("OUT_DIR")?);
    fs::write(out_dir.join("himrec_descriptor.bin"), fds.encode_to_vec())?;

    tonic_prost_build::configure()
        .build_client(true)
        .build_server(true)
        // Lets `himrec recommend --json` print responses as they are.
        .type_attribute(".himrec.v1", "#[derive(serde::Serialize)]")
        .field_attribute(
            ".himrec.v1.GetModelInfoResponse.loaded_at",
            "#[serde(skip)]",
        )
        .field_attribute(".himrec.v1.ReloadResponse.loaded_at", "#[serde(skip)]")
        .field_attribute(".himrec.v1.ShadowReport.since", "#[serde(skip)]")
        .compile_fds(fds)?;
    Ok(())
}
