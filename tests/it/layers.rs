//! The layers only point down: a module imports from the layers below it
//! in its crate, never from one above, and no folder's modules use each
//! other in a cycle, so each can be read on its own. The crates are layers
//! too: serving never pulls in training (Cargo holds that; `cargo tree`
//! shows it). The orders are the ones each crate's `lib.rs` documents.

use std::collections::BTreeSet;
use std::path::Path;

use crate::common;

/// Each crate's top-level modules, lowest layer first. Modules on one line
/// share a layer and may not import each other. The crates themselves are
/// layers too, which Cargo holds: serving and training build on the
/// domain, and neither on the other.
const CRATES: &[(&str, &[&[&str]])] = &[
    (
        "crates/domain/src",
        &[
            &["error", "text", "language", "top_k", "riasec"],
            &["education"],
            &["catalog"],
            &["profile"],
            &["messages"],
            &["model"],
            &["rank"],
        ],
    ),
    ("crates/training/src", &[]),
    (
        "crates/serving/src",
        &[
            &["timestamp"],
            &["config", "pb", "refusal"],
            &["metrics"],
            &["live"],
            &["grpc"],
            &["server", "client"],
        ],
    ),
];

fn layer_of(layers: &[&[&str]], module: &str) -> Option<usize> {
    layers.iter().position(|layer| layer.contains(&module))
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

#[test]
fn no_module_imports_from_a_layer_above_its_own() {
    let mut upward = Vec::new();
    let mut unknown = BTreeSet::new();
    for (dir, layers) in CRATES.iter().filter(|(_, l)| !l.is_empty()) {
        let src = common::root().join(dir);
        let mut files = Vec::new();
        common::rust_files(&src, &mut files);
        for file in &files {
            let module = module_of(file, &src);
            if module == "lib" {
                continue;
            }
            let Some(own) = layer_of(layers, &module) else {
                unknown.insert(format!("{dir}: {module}"));
                continue;
            };
            let text = std::fs::read_to_string(file).unwrap();
            for used in crate_paths(&text) {
                if used == module {
                    continue;
                }
                match layer_of(layers, &used) {
                    Some(layer) if layer < own => {}
                    Some(_) => upward.push(format!(
                        "{} imports crate::{used}",
                        file.strip_prefix(common::root()).unwrap().display()
                    )),
                    None => {
                        unknown.insert(format!("{dir}: {used}"));
                    }
                }
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "modules missing from CRATES: {unknown:?}"
    );
    assert!(
        upward.is_empty(),
        "imports that point up or sideways: {upward:#?}"
    );
}

/// The sibling modules a file in a folder names through `super::`.
fn siblings_named(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("super::") {
            let after = &rest[at + "super::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.insert(name);
            }
            rest = after;
        }
    }
    found
}

/// Within a folder, the files (modules) that name each other through
/// `super::` form no cycle, so each can be read after the ones it uses.
#[test]
fn no_folder_holds_a_cycle_of_modules() {
    let mut cycles = Vec::new();
    let mut folders = vec![common::root().join("src")];
    folders.extend(CRATES.iter().map(|(dir, _)| common::root().join(dir)));
    while let Some(folder) = folders.pop() {
        let mut edges: std::collections::BTreeMap<String, BTreeSet<String>> = Default::default();
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            if path.extension().is_none_or(|e| e != "rs")
                || ["mod", "lib", "main"].contains(&stem.as_str())
            {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            edges.insert(stem.clone(), siblings_named(&text));
        }
        // A folder module's own files name their siblings the same way.
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                let mut files = Vec::new();
                common::rust_files(&path, &mut files);
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                let mut named = BTreeSet::new();
                for file in files {
                    let text = std::fs::read_to_string(&file).unwrap();
                    // From inside `name/`, a sibling of `name` is `super::super::x`
                    // (from its files) or `super::x` (from its mod.rs).
                    for s in siblings_named(&text.replace("super::super::", "super::")) {
                        named.insert(s);
                    }
                }
                edges.insert(name, named);
            }
        }
        let names: Vec<String> = edges.keys().cloned().collect();
        for start in &names {
            // A path from `start` back to itself through siblings.
            let mut stack = vec![(start.clone(), vec![start.clone()])];
            let mut seen = BTreeSet::new();
            while let Some((at, path)) = stack.pop() {
                for next in edges.get(&at).into_iter().flatten() {
                    if next == start {
                        cycles.push(format!(
                            "{}: {} -> {next}",
                            folder.strip_prefix(common::root()).unwrap().display(),
                            path.join(" -> ")
                        ));
                    } else if edges.contains_key(next) && seen.insert(next.clone()) {
                        let mut longer = path.clone();
                        longer.push(next.clone());
                        stack.push((next.clone(), longer));
                    }
                }
            }
        }
    }
    cycles.sort();
    cycles.dedup();
    assert!(
        cycles.is_empty(),
        "modules that use each other: {cycles:#?}"
    );
}

/// The serving crate links neither the training crate nor the drawing and
/// progress-bar libraries the command line uses: what `cargo tree` says of
/// its normal dependencies.
#[test]
fn serving_builds_without_training_plots_or_progress_bars() {
    let output = std::process::Command::new(env!("CARGO"))
        .args([
            "tree",
            "--offline",
            "--locked",
            "-p",
            "himrec-serving",
            "-e",
            "normal",
        ])
        .args(["--prefix", "none", "--format", "{p}"])
        .current_dir(common::root())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let tree = String::from_utf8_lossy(&output.stdout);
    let names: BTreeSet<&str> = tree
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(
        names.contains("himrec-domain") && names.contains("tonic"),
        "{tree}"
    );
    for absent in ["himrec-training", "plotters", "indicatif"] {
        assert!(
            !names.contains(absent),
            "{absent} in the serving crate's tree:\n{tree}"
        );
    }
}

#[test]
fn the_scanner_sees_imports() {
    let text =
        "use crate::rank::Limits;\n// crate::training in a comment\nlet x = crate::model::f();";
    let found: Vec<String> = crate_paths(text).into_iter().collect();
    assert_eq!(found, ["model", "rank"]);
}
