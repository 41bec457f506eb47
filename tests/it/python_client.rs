//! The Python client end to end: stubs generated from `proto/` with
//! grpcio-tools, then the example script against the real server binary.
//! The first run installs the pinned Python packages into a virtualenv
//! under the target folder.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn python(venv: &Path) -> Command {
    Command::new(venv.join("bin/python"))
}

#[test]
fn generated_python_stubs_call_the_real_server() {
    let venv = common::tools::venv(
        "python-venv",
        "clients/python/requirements.txt",
        "import grpc_tools, grpc_health",
    );
    let generated = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("python-stubs");
    let status = python(&venv)
        .arg(common::root().join("clients/python/generate.py"))
        .arg(&generated)
        .status()
        .unwrap();
    assert!(status.success(), "stub generation failed");
    assert!(generated.join("himrec/v1/recommender_pb2_grpc.py").exists());

    let (mut server, addr) = common::binary::serve_quietly();

    let output = python(&venv)
        .arg(common::root().join("clients/python/example.py"))
        .args(["--addr", &addr, "--state", "TX"])
        .env("PYTHONPATH", &generated)
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
    assert!(stdout.contains("health: SERVING"), "{stdout}");
    assert!(stdout.contains("path: "), "{stdout}");
    assert!(
        stdout.contains("29-2072.00 Medical Records Specialists"),
        "{stdout}"
    );
    assert!(stdout.contains("bad request: INVALID_ARGUMENT"), "{stdout}");
    assert!(stdout.contains("programs in TX: 222 of 222"), "{stdout}");
}
