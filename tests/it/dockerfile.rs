//! The Dockerfile cannot be built here (no Docker), so this reads it: its
//! build stage copies every workspace member, every file a build script or
//! an `include_str!`/`include_bytes!` reads, and everything the build
//! compiles (the bench folder holds an example target).

use crate::common;

use std::path::{Path, PathBuf};

/// The paths the build stage copies into its work folder.
fn copied() -> Vec<PathBuf> {
    let text = std::fs::read_to_string(common::root().join("Dockerfile")).unwrap();
    let build = text.split("\nFROM ").nth(1).unwrap();
    build
        .lines()
        .filter_map(|l| l.strip_prefix("COPY "))
        .filter(|l| !l.starts_with("--from"))
        .flat_map(|l| {
            let parts: Vec<&str> = l.split_whitespace().collect();
            let (sources, dest) = parts.split_at(parts.len() - 1);
            let dest = dest[0];
            sources
                .iter()
                .map(|s| {
                    if dest.ends_with('/') || dest == "." {
                        PathBuf::from(s)
                    } else {
                        PathBuf::from(dest)
                    }
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

fn is_copied(path: &Path, copied: &[PathBuf]) -> bool {
    copied.iter().any(|c| path.starts_with(c))
}

#[test]
fn the_build_stage_copies_the_whole_workspace_and_what_it_reads() {
    let copied = copied();
    let manifest: toml::Table = std::fs::read_to_string(common::root().join("Cargo.toml"))
        .unwrap()
        .parse()
        .unwrap();
    let members = manifest["workspace"]["members"].as_array().unwrap();
    assert!(members.len() >= 4, "{members:?}");
    let mut needed: Vec<PathBuf> = vec!["Cargo.toml".into(), "Cargo.lock".into(), "src".into()];
    for member in members.iter().map(|m| m.as_str().unwrap()) {
        if member != "." {
            needed.push(PathBuf::from(member).join("Cargo.toml"));
            needed.push(PathBuf::from(member).join("src"));
            if common::root().join(member).join("build.rs").exists() {
                needed.push(PathBuf::from(member).join("build.rs"));
            }
        }
    }
    // Targets the manifest names outside src/ (benches, examples).
    for kind in ["bench", "example"] {
        for target in manifest[kind].as_array().into_iter().flatten() {
            needed.push(target["path"].as_str().unwrap().into());
        }
    }
    // What the build script compiles: the protos it names.
    let build = std::fs::read_to_string(common::root().join("crates/serving/build.rs")).unwrap();
    assert!(
        build.contains("\"../../proto\""),
        "the build script reads ../../proto"
    );
    needed.push("proto/himrec/v1/recommender.proto".into());
    // Every file built into the program.
    let mut files = Vec::new();
    common::rust_files(&common::root().join("src"), &mut files);
    common::rust_files(&common::root().join("crates"), &mut files);
    let mut included = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for macro_name in ["include_str!(", "include_bytes!("] {
            for rest in text.split(macro_name).skip(1) {
                let Some(literal) = rest.trim_start().strip_prefix('"') else {
                    continue; // concat!(env!("OUT_DIR"), ...): generated
                };
                let relative = literal.split('"').next().unwrap();
                let target = file.parent().unwrap().join(relative);
                let target = std::fs::canonicalize(&target)
                    .unwrap_or_else(|e| panic!("{} names {relative}: {e}", file.display()));
                let root = std::fs::canonicalize(common::root()).unwrap();
                needed.push(target.strip_prefix(&root).unwrap().to_path_buf());
                included += 1;
            }
        }
    }
    assert!(included >= 2, "the reviewed table and the plots' font");
    let missing: Vec<&PathBuf> = needed.iter().filter(|p| !is_copied(p, &copied)).collect();
    assert!(
        missing.is_empty(),
        "the Dockerfile's build stage does not copy {missing:?} (it copies {copied:?})"
    );
}
