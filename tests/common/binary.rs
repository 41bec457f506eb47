//! The `himrec` binary as a child process.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// `himrec`, run from the repository's root.
pub(crate) fn himrec() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_himrec"));
    command.current_dir(super::root());
    command
}

/// A port nothing listens on now.
pub(crate) fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Starts `himrec serve ARGS` and waits until its log says it is serving.
pub(crate) fn serve(args: &[&str]) -> Child {
    let mut child = himrec()
        .arg("serve")
        .args(args)
        .env("RUST_LOG", "info")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        assert!(Instant::now() < deadline, "server did not start");
        let line = lines.next().expect("server exited early").unwrap();
        if line.contains("serving") {
            break;
        }
    }
    // Keep draining the log so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    child
}

/// Sends the signal `name` (`TERM`, `HUP`, ...) to `child`.
pub(crate) fn signal(child: &Child, name: &str) {
    let status = Command::new("kill")
        .args([&format!("-{name}"), &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}
