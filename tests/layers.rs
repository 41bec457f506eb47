//! The crate's layers only point down: a module imports from the layers
//! below it, never from one above, so each layer can be read on its own
//! and serving never pulls in training. The order is the one `src/lib.rs`
//! documents.

use std::collections::BTreeSet;
use std::path::Path;

mod common;

/// Top-level modules, lowest layer first. Modules on one line share a
/// layer and may not import each other.
const LAYERS: &[&[&str]] = &[
    &["error", "text", "language", "hex", "top_k", "config", "pb"],
    &["catalog"],
    &["profile"],
    &["model"],
    &["rank"],
    &["training"],
    &["metrics"],
    &["live"],
    &["grpc"],
    &["server", "client"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// The top-level module a source file belongs to: `src/rank/query.rs` is
/// in `rank`, `src/error.rs` in `error`.
fn module_of(file: &Path, src: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative.components().next().unwrap().as_os_str();
    first.to_string_lossy().trim_end_matches(".rs").to_owned()
}

/// Every `crate::name` a file mentions, outside comments.
fn crate_paths(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            let before = rest[..at].chars().last();
            // `himrec_crate::` or `some_crate::` are not ours.
            if !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
                found.insert(name);
            }
            rest = after;
        }
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_module_imports_from_a_layer_above_its_own() {
    let src = common::root().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut upward = Vec::new();
    let mut unknown = BTreeSet::new();
    for file in &files {
        let module = module_of(file, &src);
        // The binary's command line sits on top of everything.
        if ["main", "lib", "cli"].contains(&module.as_str()) {
            continue;
        }
        let Some(own) = layer_of(&module) else {
            unknown.insert(module);
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap();
        for used in crate_paths(&text) {
            if used == module {
                continue;
            }
            match layer_of(&used) {
                Some(layer) if layer < own => {}
                Some(_) => upward.push(format!(
                    "{} imports crate::{used}",
                    file.strip_prefix(&src).unwrap().display()
                )),
                None => {
                    unknown.insert(used);
                }
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "modules missing from LAYERS: {unknown:?}"
    );
    assert!(
        upward.is_empty(),
        "imports that point up or sideways: {upward:#?}"
    );
}

#[test]
fn the_scanner_sees_imports() {
    let text =
        "use crate::rank::Limits;\n// crate::training in a comment\nlet x = crate::model::f();";
    let found: Vec<String> = crate_paths(text).into_iter().collect();
    assert_eq!(found, ["model", "rank"]);
}
