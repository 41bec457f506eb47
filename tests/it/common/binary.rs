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

/// Starts `himrec serve` on a free port, its log discarded, and waits
/// until it accepts connections; the address is `127.0.0.1:PORT`.
pub(crate) fn serve_quietly() -> (Child, String) {
    serve_quietly_with(&[])
}

/// [`serve_quietly`] with more arguments to `himrec serve`.
pub(crate) fn serve_quietly_with(args: &[&str]) -> (Child, String) {
    let addr = format!("127.0.0.1:{}", free_port());
    let mut server = himrec()
        .args(["serve", "--addr", &addr])
        .args(args)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while std::net::TcpStream::connect(&addr).is_err() {
        if Instant::now() > deadline {
            let _ = server.kill();
            panic!("server did not start");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    (server, addr)
}

/// A child process killed when dropped, so a failing test leaves no server
/// behind.
pub(crate) struct Stopping(pub(crate) Child);

impl Drop for Stopping {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `GET /metrics` over plain HTTP/1.1 from the metrics port.
pub(crate) fn scrape(port: u16) -> String {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "GET /metrics HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut text = String::new();
    stream.read_to_string(&mut text).unwrap();
    assert!(text.starts_with("HTTP/1.1 200"), "{text}");
    text
}

/// Waits, off the async threads, for `child` to exit: a test's own client
/// connections can close meanwhile, so the server's drain does not wait
/// for them.
pub(crate) async fn exit_of(mut child: Child) -> std::process::ExitStatus {
    tokio::task::spawn_blocking(move || child.wait().unwrap())
        .await
        .unwrap()
}

/// Sends the signal `name` (`TERM`, `HUP`, ...) to `child`.
pub(crate) fn signal(child: &Child, name: &str) {
    let status = Command::new("kill")
        .args([&format!("-{name}"), &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}
