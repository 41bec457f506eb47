//! A Connect client from npm (`@connectrpc/connect-node`) against the real
//! server binary over the HTTP/JSON door: `clients/connect/example.js`,
//! its services read from the descriptor set `himrec descriptors` writes.
//! The first run installs the locked npm packages
//! into `clients/connect/node_modules`. Without `node` or `npm` on PATH
//! the test says so and passes; `.ci/run` installs Node so that CI never
//! skips it.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn on_path(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Runs `npm ci` when the packages are missing or older than the lock file.
fn install(client: &Path) {
    let modified = |file: &str| std::fs::metadata(client.join(file)).and_then(|m| m.modified());
    let installed = client
        .join("node_modules/@connectrpc/connect-node")
        .exists()
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
        assert!(status.success(), "npm ci in clients/connect failed");
    }
}

#[test]
fn a_connect_client_calls_the_real_server_over_the_door() {
    if !on_path("node") || !on_path("npm") {
        eprintln!("node not found: skipping the Connect client test (install Node.js 18+)");
        return;
    }
    let client = common::root().join("clients/connect");
    install(&client);
    // The descriptors as `himrec descriptors` writes them.
    let descriptors = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("himrec.binpb");
    let output = common::binary::himrec()
        .arg("descriptors")
        .output()
        .unwrap();
    assert!(output.status.success());
    std::fs::write(&descriptors, &output.stdout).unwrap();

    let (mut server, addr) = common::binary::serve_quietly();
    let output = Command::new("node")
        .arg(client.join("example.js"))
        .args(["--addr", &addr, "--state", "TX", "--descriptors"])
        .arg(&descriptors)
        .output()
        .unwrap();
    let _ = server.kill();
    let _ = server.wait();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("career paths: 5"), "{stdout}");
    assert!(
        stdout.contains("first path: 29-2072.00 Medical Records Specialists"),
        "{stdout}"
    );
    assert!(stdout.contains("programs: 3"), "{stdout}");
    assert!(
        stdout
            .contains("refused: InvalidArgument invalid request: profile.skills[clinical_coding]"),
        "{stdout}"
    );
}
