//! A Connect client from npm (`@connectrpc/connect-node`) against the real
//! server binary over the HTTP/JSON door: `clients/connect/example.js`,
//! its services read from the descriptor set `himrec descriptors` writes.
//! The first run installs the locked npm packages
//! into `clients/connect/node_modules`. Without `node` or `npm` on PATH
//! the test says so and is skipped, except in CI, where it fails;
//! `.ci/run` installs Node.

use crate::common;

use std::path::PathBuf;
use std::process::Command;

#[test]
fn a_connect_client_calls_the_real_server_over_the_door() {
    if !common::tools::have(&["node", "npm"], "the Connect client test (Node.js 18+)") {
        return;
    }
    let client = common::root().join("clients/connect");
    common::tools::npm_ci(&client, "@connectrpc/connect-node");
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
