//! Tools nobody here wrote, against the door's OpenAPI document:
//! `openapi-spec-validator` validates it, and `schemathesis` fuzzes the
//! real server binary from it, finding no 5xx answer and no crash. The
//! first run installs the pinned packages
//! (`tests/tools/openapi-requirements.txt`) into a virtualenv under the
//! target folder.

mod common;

use std::process::Command;

#[test]
fn the_document_validates_and_a_fuzzer_finds_no_server_error() {
    let venv = common::tools::venv(
        "openapi-venv",
        "tests/tools/openapi-requirements.txt",
        "import schemathesis, openapi_spec_validator",
    );
    let document = common::root().join("docs/openapi.json");
    let output = Command::new(venv.join("bin/openapi-spec-validator"))
        .arg(&document)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );

    let (mut server, addr) = common::binary::serve_quietly();
    let output = Command::new(venv.join("bin/schemathesis"))
        .arg("run")
        .arg(&document)
        .args(["--url", &format!("http://{addr}")])
        .args(["--checks", "not_a_server_error"])
        .args(["--max-examples", "25", "--seed", "1", "--workers", "1"])
        .env("NO_COLOR", "1")
        // Its cache of findings goes under the target folder.
        .current_dir(env!("CARGO_TARGET_TMPDIR"))
        .output()
        .unwrap();
    let alive = server.try_wait().unwrap().is_none();
    let _ = server.kill();
    let _ = server.wait();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(alive, "the server died under the fuzzer:\n{stdout}");
    assert!(output.status.success(), "{stdout}");
    assert!(stdout.contains("Tested: 16"), "{stdout}");
}
