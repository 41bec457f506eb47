//! Compiles the workspace's `proto/` with a pure-Rust protobuf compiler (no system `protoc`)
//! and generates the tonic client and server, their proto3 JSON mapping, and
//! the descriptor set that server reflection publishes.

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
    let descriptors = fds.encode_to_vec();
    let out_dir = PathBuf::from(env::var("OUT_DIR")?);
    fs::write(out_dir.join("himrec_descriptor.bin"), &descriptors)?;
    fs::write(
        out_dir.join("himrec_method_messages.rs"),
        method_messages(&fds),
    )?;

    tonic_prost_build::configure()
        .build_client(true)
        .build_server(true)
        // The one well-known type the contract uses, with its proto3 JSON
        // mapping (src/timestamp.rs).
        .extern_path(".google.protobuf.Timestamp", "crate::timestamp::Timestamp")
        .compile_fds(fds)?;

    // The proto3 JSON mapping as generated serde code: what the JSON door
    // writes and reads, and what `himrec recommend --json` prints. Every
    // field is written, empty lists and zeros too (low-code tools fail on a
    // missing one); fields with presence stay absent when unknown. Unknown
    // fields are refused here: the door reads such a body's shape itself.
    pbjson_build::Builder::new()
        .register_descriptors(&descriptors)?
        .emit_fields()
        .build(&[".himrec.v1"])?;
    Ok(())
}

/// The messages the services' methods take and give, as a `typed!` call
/// listing each full name with its Rust type: the door's table of JSON
/// mappings, which therefore holds every method the contract has.
fn method_messages(fds: &prost_types::FileDescriptorSet) -> String {
    let mut names: Vec<&str> = fds
        .file
        .iter()
        .filter(|file| file.package() == "himrec.v1")
        .flat_map(|file| &file.service)
        .flat_map(|service| &service.method)
        .flat_map(|method| [method.input_type(), method.output_type()])
        .filter_map(|name| name.strip_prefix(".himrec.v1."))
        .collect();
    names.sort_unstable();
    names.dedup();
    let entries: Vec<String> = names
        .iter()
        .map(|name| format!("    \"himrec.v1.{name}\" => {name},\n"))
        .collect();
    format!("typed![\n{}]\n", entries.concat())
}
