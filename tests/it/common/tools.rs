//! Installing the tools nobody here wrote that the tests run: Python
//! packages into a virtualenv under the target folder, npm packages from a
//! client's lock file, each only when missing or out of date.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Whether `program --version` runs.
pub(crate) fn on_path(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Whether every one of `programs` runs, for the test named `test`. One
/// missing skips the test, saying so, on a developer's machine; in CI (the
/// `CI` variable set, as `.ci/run` sets it) it fails the test instead, so
/// CI never passes what it did not run.
pub(crate) fn have(programs: &[&str], test: &str) -> bool {
    let missing: Vec<&str> = programs.iter().copied().filter(|p| !on_path(p)).collect();
    if missing.is_empty() {
        return true;
    }
    let said = format!("{test} needs {} on PATH", missing.join(" and "));
    assert!(
        std::env::var_os("CI").is_none(),
        "{said}, and CI must run it"
    );
    eprintln!("{said}: skipping it outside CI");
    false
}

/// A virtualenv `name` under the target folder holding the pinned
/// packages of `requirements` (a path from the repository's root); made
/// when `python -c probe` fails in it.
pub(crate) fn venv(name: &str, requirements: &str, probe: &str) -> PathBuf {
    let venv = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let ready = Command::new(venv.join("bin/python"))
        .args(["-c", probe])
        .status()
        .is_ok_and(|s| s.success());
    if !ready {
        let status = Command::new("python3")
            .args(["-m", "venv"])
            .arg(&venv)
            .status()
            .expect("python3 is needed for this test");
        assert!(status.success(), "creating the virtualenv {name} failed");
        let status = Command::new(venv.join("bin/pip"))
            .args(["install", "--quiet", "-r"])
            .arg(super::root().join(requirements))
            .status()
            .unwrap();
        assert!(status.success(), "installing {requirements} failed");
    }
    venv
}

/// Runs `npm ci` in `client` when `marker` (a package folder under
/// `node_modules`) is missing or the packages are older than the lock.
pub(crate) fn npm_ci(client: &Path, marker: &str) {
    let modified = |file: &str| std::fs::metadata(client.join(file)).and_then(|m| m.modified());
    let installed = client.join("node_modules").join(marker).exists()
        && matches!(
            (modified("node_modules/.package-lock.json"), modified("package-lock.json")),
            (Ok(installed), Ok(locked)) if installed >= locked
        );
    if !installed {
        let status = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--ignore-scripts"])
            .current_dir(client)
            .status()
            .unwrap();
        assert!(status.success(), "npm ci in {} failed", client.display());
    }
}
