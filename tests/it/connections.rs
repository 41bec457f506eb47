//! Connections that could exhaust the server: sockets that never complete
//! their handshake, idle connections, more connections than the cap, and
//! running out of file descriptors.

use crate::common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::binary::{exit_of, free_port, himrec, scrape, signal};
use common::{recommender, TestServer};
use himrec::config::Limits;
use himrec::live::Live;
use himrec::server::ServeOptions;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tonic::transport::Channel;
use tonic_health::pb::health_client::HealthClient;
use tonic_health::pb::HealthCheckRequest;

/// The HTTP/2 client preface and an empty SETTINGS frame.
const GREETING: &[u8] = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\x00\x00\x00\x04\x00\x00\x00\x00\x00";

async fn server_with(limits: Limits) -> (TestServer, Live) {
    let live = Live::fixed(recommender());
    let options = ServeOptions {
        limits,
        ..ServeOptions::default()
    };
    (TestServer::serve_live(live.clone(), options).await, live)
}

/// Whether the server closes (or resets) `socket` within `within`.
async fn closed_within(socket: &mut TcpStream, within: Duration) -> bool {
    let mut buf = [0u8; 256];
    let deadline = tokio::time::Instant::now() + within;
    loop {
        match tokio::time::timeout_at(deadline, socket.read(&mut buf)).await {
            Err(_) => return false,
            Ok(Ok(0)) | Ok(Err(_)) => return true,
            // The server's own SETTINGS frame; keep reading.
            Ok(Ok(_)) => {}
        }
    }
}

async fn serving(channel: Channel) -> bool {
    HealthClient::new(channel)
        .check(HealthCheckRequest::default())
        .await
        .is_ok()
}

async fn connect(addr: std::net::SocketAddr) -> Result<Channel, tonic::transport::Error> {
    Channel::from_shared(format!("http://{addr}"))
        .unwrap()
        .connect_timeout(Duration::from_secs(2))
        .connect()
        .await
}

/// `name value` of a metric line in `text`, 0 when absent.
fn metric(text: &str, name: &str) -> f64 {
    text.lines()
        .find_map(|line| line.strip_prefix(name)?.strip_prefix(' ')?.parse().ok())
        .unwrap_or(0.0)
}

#[tokio::test]
async fn sockets_that_never_greet_are_closed_after_the_handshake_timeout() {
    let limits = Limits {
        handshake_timeout_ms: 300,
        ..Limits::default()
    };
    let (server, live) = server_with(limits).await;
    let mut silent = TcpStream::connect(server.addr).await.unwrap();
    let mut partial = TcpStream::connect(server.addr).await.unwrap();
    partial.write_all(&GREETING[..10]).await.unwrap();
    let mut greeted = TcpStream::connect(server.addr).await.unwrap();
    greeted.write_all(GREETING).await.unwrap();

    assert!(closed_within(&mut silent, Duration::from_secs(5)).await);
    assert!(closed_within(&mut partial, Duration::from_secs(5)).await);
    // A client that greeted stays connected past the deadline.
    assert!(!closed_within(&mut greeted, Duration::from_millis(800)).await);
    // And the server keeps answering on fresh connections.
    assert!(serving(connect(server.addr).await.unwrap()).await);
    let text = live.metrics().encode();
    assert_eq!(
        metric(
            &text,
            "himrec_connections_closed_total{reason=\"handshake_timeout\"}"
        ),
        2.0,
        "{text}"
    );
}

#[tokio::test]
async fn at_the_cap_a_new_connection_is_refused_and_open_ones_still_answer() {
    let limits = Limits {
        max_connections: 2,
        ..Limits::default()
    };
    let (server, live) = server_with(limits).await;
    // The test server's own channel holds the first place.
    assert!(serving(server.channel.clone()).await);
    let second = connect(server.addr).await.unwrap();
    assert!(serving(second.clone()).await);

    let mut third = TcpStream::connect(server.addr).await.unwrap();
    let _ = third.write_all(GREETING).await;
    assert!(closed_within(&mut third, Duration::from_secs(2)).await);
    let refused = match connect(server.addr).await {
        Err(_) => true,
        Ok(channel) => !serving(channel).await,
    };
    assert!(refused, "a connection over the cap was served");

    // Health probes on the open connections keep working.
    assert!(serving(server.channel.clone()).await);
    assert!(serving(second.clone()).await);
    let text = live.metrics().encode();
    assert!(
        metric(&text, "himrec_connections_refused_total") >= 2.0,
        "{text}"
    );
    assert_eq!(metric(&text, "himrec_connections_open"), 2.0, "{text}");

    // A place frees when a connection closes.
    drop(second);
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        if let Ok(channel) = connect(server.addr).await {
            if serving(channel).await {
                break;
            }
        }
        assert!(Instant::now() < deadline, "no place freed");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn idle_connections_are_closed_and_busy_ones_are_not() {
    let limits = Limits {
        idle_timeout_secs: 1,
        ..Limits::default()
    };
    let (server, live) = server_with(limits).await;
    let mut raw = TcpStream::connect(server.addr).await.unwrap();
    raw.write_all(GREETING).await.unwrap();

    // A call that lasts longer than the idle timeout keeps its connection.
    let busy = connect(server.addr).await.unwrap();
    let mut health = HealthClient::new(busy.clone());
    let mut watch = health
        .watch(HealthCheckRequest::default())
        .await
        .unwrap()
        .into_inner();
    watch.message().await.unwrap().unwrap();

    assert!(closed_within(&mut raw, Duration::from_secs(5)).await);
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let text = live.metrics().encode();
    assert!(
        metric(&text, "himrec_connections_closed_total{reason=\"idle\"}") >= 2.0,
        "{text}"
    );
    // The watched connection is still open: its stream still reads.
    let next = tokio::time::timeout(Duration::from_millis(300), watch.message()).await;
    assert!(next.is_err(), "the stream ended: {next:?}");
    assert!(serving(busy).await);
}

/// Runs `himrec serve` with at most `files` open file descriptors,
/// collecting its log lines.
fn serve_with_descriptor_limit(
    files: u32,
    port: u16,
    metrics_port: u16,
) -> (std::process::Child, Arc<Mutex<Vec<String>>>) {
    let binary = himrec().get_program().to_owned();
    let mut child = std::process::Command::new("sh")
        .current_dir(common::root())
        .args(["-c", &format!("ulimit -n {files} && exec \"$0\" \"$@\"")])
        .arg(binary)
        .args([
            "serve",
            "--addr",
            &format!("127.0.0.1:{port}"),
            "--metrics-addr",
            &format!("127.0.0.1:{metrics_port}"),
        ])
        .env("RUST_LOG", "info")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let log = Arc::new(Mutex::new(Vec::new()));
    let lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let sink = log.clone();
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            sink.lock().unwrap().push(line);
        }
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    while !log.lock().unwrap().iter().any(|l| l.contains("serving")) {
        assert!(Instant::now() < deadline, "server did not start");
        std::thread::sleep(Duration::from_millis(20));
    }
    (child, log)
}

// Two workers, so the client connections' tasks can close them while the
// test waits for the server to exit.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_server_recovers_when_descriptors_free_up() {
    let (port, metrics_port) = (free_port(), free_port());
    let (child, log) = serve_with_descriptor_limit(40, port, metrics_port);
    let addr: std::net::SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();

    // More greeted connections than the process has descriptors for.
    let mut held = Vec::new();
    for _ in 0..60 {
        let mut socket = TcpStream::connect(addr).await.unwrap();
        socket.write_all(GREETING).await.unwrap();
        held.push(socket);
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    let failing = |log: &Arc<Mutex<Vec<String>>>| {
        log.lock()
            .unwrap()
            .iter()
            .filter(|l| l.contains("cannot accept connections"))
            .count()
    };
    while failing(&log) == 0 {
        assert!(Instant::now() < deadline, "no accept error was logged");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    // Once per burst, with the reason.
    assert_eq!(failing(&log), 1);
    assert!(log
        .lock()
        .unwrap()
        .iter()
        .any(|l| l.contains("cannot accept connections") && l.contains("open files")));

    drop(held);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Ok(channel) = connect(addr).await {
            if serving(channel).await {
                break;
            }
        }
        assert!(Instant::now() < deadline, "the server did not recover");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(log
        .lock()
        .unwrap()
        .iter()
        .any(|l| l.contains("accepting connections again")));
    let text = scrape(metrics_port);
    assert!(metric(&text, "himrec_accept_errors_total") >= 1.0, "{text}");

    signal(&child, "TERM");
    assert!(exit_of(child).await.success());
}

/// A client that goes on writing after the server has answered and closed
/// its connection (as one that opens a stream just before the server's
/// GOAWAY reaches it) must be able to read that last answer and the close,
/// not be cut off with a reset or a broken pipe.
#[tokio::test]
async fn a_client_still_writing_after_the_close_reads_the_last_answer() {
    let (server, _live) = server_with(Limits::default()).await;
    let mut socket = TcpStream::connect(server.addr).await.unwrap();
    let request = format!(
        "GET /openapi.json HTTP/1.1\r\nhost: {}\r\nconnection: close\r\n\r\n",
        server.addr
    );
    socket.write_all(request.as_bytes()).await.unwrap();
    // The server answers and closes; the client has not read yet.
    tokio::time::sleep(Duration::from_millis(300)).await;
    for _ in 0..3 {
        // Bytes the closed server never reads; a socket closed without
        // reading them answers with a reset, and the next write fails.
        socket
            .write_all(b"GET /openapi.json HTTP/1.1\r\n\r\n")
            .await
            .expect("writes after the close are absorbed");
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(5), socket.read_to_end(&mut answer))
        .await
        .expect("the server closed its side")
        .expect("the answer and the close, without a reset");
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer:.200}");
    assert!(answer.contains("\"openapi\""), "{answer:.200}");
}
