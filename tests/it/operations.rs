//! The binary as an operator runs it: configuration checks, reload on
//! SIGHUP, the metrics endpoint, and SIGTERM during load.

use crate::common;

use std::path::Path;
use std::process::Child;
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::binary::{self, free_port, himrec, scrape, signal};
use common::{profile, root, scratch};
use himrec::pb;
use himrec::pb::recommender_client::RecommenderClient;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tonic::transport::Channel;
use tonic::Code;

/// Starts `himrec serve --config FILE`.
fn serve(config: &Path) -> Child {
    binary::serve(&["--config", config.to_str().unwrap()])
}

/// Serves on a free port with `shutdown_grace_secs`; returns the port.
fn serve_with_grace(name: &str, grace_secs: u64) -> (u16, Child) {
    let port = free_port();
    let config = scratch(name).join("himrec.toml");
    std::fs::write(
        &config,
        format!("addr = \"127.0.0.1:{port}\"\n[limits]\nshutdown_grace_secs = {grace_secs}\n"),
    )
    .unwrap();
    (port, serve(&config))
}

/// Waits up to `limit` for the child to exit.
fn wait_exit(child: &mut Child, limit: Duration) -> std::process::ExitStatus {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the server did not exit within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

async fn channel(port: u16) -> Channel {
    Channel::from_shared(format!("http://127.0.0.1:{port}"))
        .unwrap()
        .connect()
        .await
        .unwrap()
}

fn request() -> pb::RecommendRequest {
    pb::RecommendRequest {
        profile: Some(profile(&[("clinical_coding", 0.8), ("leadership", 0.3)])),
        ..Default::default()
    }
}

fn config_check(file: &Path) -> std::process::Output {
    himrec()
        .args(["config", "check"])
        .arg(file)
        .output()
        .unwrap()
}

#[test]
fn config_check_names_the_bad_key_and_show_redacts_secrets() {
    let dir = scratch("config");
    let bad = dir.join("bad.toml");
    std::fs::write(&bad, "[limits]\nmax_concurrent_calls = 0\n").unwrap();
    let output = config_check(&bad);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("limits.max_concurrent_calls"), "{stderr}");

    std::fs::write(&bad, "[limits]\nmax_skils = 3\n").unwrap();
    let output = config_check(&bad);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("max_skils"));

    let output = himrec()
        .args(["config", "new-key", "operator", "--role", "admin"])
        .args(["--calls-per-second", "5", "--burst", "20"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let new_key = String::from_utf8(output.stdout).unwrap();
    assert!(
        new_key.contains("calls_per_second = 5\nburst = 20\n"),
        "{new_key}"
    );
    // A publishable key is bound to its pages' origins and its tenant.
    let output = himrec()
        .args(["config", "new-key", "valley-portal", "--publishable"])
        .args([
            "--tenant",
            "valley",
            "--origin",
            "https://apply.valley.example",
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    let publishable = String::from_utf8(output.stdout).unwrap();
    assert!(
        publishable
            .contains("role = \"publishable\"\norigins = [\"https://apply.valley.example\"]\n")
            && publishable.contains("under the keys of tenant \"valley\""),
        "{publishable}"
    );
    // A burst needs a rate, and a rate is at least one call a second; a
    // publishable key needs a tenant, and only a publishable key origins.
    for bad in [
        &["--burst", "3"][..],
        &["--calls-per-second", "0"][..],
        &["--publishable", "--origin", "https://a.example"][..],
        &["--origin", "https://a.example"][..],
    ] {
        let output = himrec()
            .args(["config", "new-key", "someone"])
            .args(bad)
            .output()
            .unwrap();
        assert!(!output.status.success(), "{bad:?}");
    }
    let token = new_key
        .lines()
        .find_map(|l| l.trim_start_matches('#').trim().strip_prefix("hr_"))
        .map(|rest| format!("hr_{rest}"))
        .expect("a token");
    let keys: String = new_key
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(keys.contains(&himrec::server::token_sha256(&token)));

    let good = dir.join("good.toml");
    std::fs::write(
        &good,
        format!("[paging]\ntoken_secret = \"a-shared-secret-of-some-length\"\n\n{keys}"),
    )
    .unwrap();
    let output = config_check(&good);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains(": ok"));

    let output = himrec()
        .args(["config", "show", "--config"])
        .arg(&good)
        .args(["--set", "limits.max_batch_items=77"])
        .env("HIMREC_LIMITS_MAX_SKILLS", "9")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let shown = String::from_utf8(output.stdout).unwrap();
    assert!(shown.contains("max_skills = 9"), "{shown}");
    assert!(shown.contains("max_batch_items = 77"), "{shown}");
    assert!(shown.contains("name = \"operator\""), "{shown}");
    assert!(!shown.contains("a-shared-secret-of-some-length"), "{shown}");
    assert!(
        !shown.contains(&himrec::server::token_sha256(&token)),
        "{shown}"
    );

    let output = himrec()
        .args(["config", "show"])
        .env("HIMREC_LIMITS_MAX_SKILS", "9")
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("HIMREC_LIMITS_MAX_SKILS"));
}

// Two workers: the client's connection must keep answering the server
// (its shutdown PING) while this thread waits for the process.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sighup_reloads_and_metrics_report_calls_and_reloads() {
    let dir = scratch("sighup");
    let model = dir.join("model.json");
    std::fs::copy(root().join("models/career_model.json"), &model).unwrap();
    let (port, metrics_port) = (free_port(), free_port());
    let config = dir.join("himrec.toml");
    std::fs::write(
        &config,
        format!(
            "addr = \"127.0.0.1:{port}\"\nmodel = {model:?}\n[metrics]\naddr = \"127.0.0.1:{metrics_port}\"\n"
        ),
    )
    .unwrap();
    let mut server = serve(&config);
    let mut client = RecommenderClient::new(channel(port).await);
    let info = |c: &mut RecommenderClient<Channel>| {
        let mut c = c.clone();
        async move {
            c.get_model_info(pb::GetModelInfoRequest {})
                .await
                .unwrap()
                .into_inner()
        }
    };
    assert_eq!(info(&mut client).await.generation, 1);
    client.recommend(request()).await.unwrap();
    let bad = client.recommend(pb::RecommendRequest::default()).await;
    assert_eq!(bad.unwrap_err().code(), Code::InvalidArgument);

    signal(&server, "HUP");
    let deadline = Instant::now() + Duration::from_secs(30);
    while info(&mut client).await.generation != 2 {
        assert!(Instant::now() < deadline, "SIGHUP did not reload");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    std::fs::write(&model, "{ not a model").unwrap();
    signal(&server, "HUP");
    let deadline = Instant::now() + Duration::from_secs(30);
    while !scrape(metrics_port).contains("himrec_reloads_total{outcome=\"failure\"} 1") {
        assert!(
            Instant::now() < deadline,
            "the failed reload was not counted"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(
        info(&mut client).await.generation,
        2,
        "the old version serves"
    );
    assert!(client.recommend(request()).await.is_ok());

    let metrics = scrape(metrics_port);
    for line in [
        "himrec_calls_total{method=\"himrec.v1.Recommender/Recommend\",code=\"OK\"} 2",
        "himrec_calls_total{method=\"himrec.v1.Recommender/Recommend\",code=\"INVALID_ARGUMENT\"} 1",
        "himrec_reloads_total{outcome=\"success\"} 1",
        "himrec_call_duration_seconds_count{method=\"himrec.v1.Recommender/Recommend\"} 3",
        "himrec_calls_in_flight 0",
        "himrec_model_info{version=\"",
        "himrec_model_loaded_timestamp_seconds ",
    ] {
        assert!(metrics.contains(line), "{line} missing from\n{metrics}");
    }
    // With nothing in flight, an open idle connection does not hold the
    // shutdown for the grace period (20 s by default).
    signal(&server, "TERM");
    assert!(wait_exit(&mut server, Duration::from_secs(15)).success());
}

/// Calls Recommend on its own connection until one fails; returns the
/// number of successes and the failure.
async fn hammer(port: u16) -> (usize, Option<tonic::Status>) {
    let Ok(channel) = Channel::from_shared(format!("http://127.0.0.1:{port}"))
        .unwrap()
        .connect()
        .await
    else {
        return (0, None);
    };
    let mut client = RecommenderClient::new(channel);
    let mut ok = 0;
    loop {
        match client.recommend(request()).await {
            Ok(_) => ok += 1,
            Err(status) => return (ok, Some(status)),
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_under_load_lets_every_accepted_call_finish() {
    let (port, mut server) = serve_with_grace("sigterm", 10);

    // Streams opened before the signal, which go on sending after it.
    let mut streams = Vec::new();
    for _ in 0..2 {
        let (send, receive) = mpsc::channel(1);
        let mut client = RecommenderClient::new(channel(port).await);
        let answers = client
            .recommend_batch(ReceiverStream::new(receive))
            .await
            .unwrap()
            .into_inner();
        streams.push((send, answers));
    }
    let hammers: Vec<_> = (0..6).map(|_| tokio::spawn(hammer(port))).collect();
    tokio::time::sleep(Duration::from_millis(500)).await;
    // Ready before the signal, as an HTTP load balancer's probe sees it.
    let probe =
        format!("GET /readyz HTTP/1.1\r\nhost: 127.0.0.1:{port}\r\nconnection: close\r\n\r\n");
    let addr = std::net::SocketAddr::from(([127, 0, 0, 1], port));
    let (head, _) = common::http1::http1(addr, &probe, b"").await;
    assert!(head.starts_with("http/1.1 200"), "{head}");
    signal(&server, "TERM");
    tokio::time::sleep(Duration::from_millis(300)).await;

    // New connections, readiness probes among them, are refused while the
    // streams drain: the load balancer takes the replica out.
    assert!(
        std::net::TcpStream::connect(("127.0.0.1", port)).is_err(),
        "a new connection was accepted after SIGTERM"
    );
    let total = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    for (send, mut answers) in streams {
        for i in 0..20 {
            send.send(pb::RecommendBatchRequest {
                correlation_id: i.to_string(),
                request: Some(request()),
            })
            .await
            .unwrap();
            let answer = answers
                .message()
                .await
                .expect("the stream goes on after SIGTERM")
                .expect("an answer");
            assert_eq!(answer.correlation_id, i.to_string());
            total.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        drop(send);
        assert!(answers.message().await.expect("ends cleanly").is_none());
    }
    assert_eq!(total.load(std::sync::atomic::Ordering::Relaxed), 40);

    let mut served = 0;
    for hammer in hammers {
        let (ok, failure) = hammer.await.unwrap();
        served += ok;
        // A call the server did not take fails as UNAVAILABLE (refused
        // connection or stream), as CANCELLED by the client's own HTTP
        // layer when the connection closed before the call was written
        // (hyper's `Canceled`: never sent), or with the server's graceful
        // GOAWAY (NO_ERROR) when the stream was opened after the last one
        // the server accepted: HTTP/2 (RFC 9113, 6.8) guarantees such a
        // stream was not processed. Each may be retried elsewhere; no call
        // the server took may fail.
        if let Some(status) = failure {
            let debug = format!("{status:?}");
            let not_sent = status.code() == Code::Unavailable
                || (status.code() == Code::Cancelled && debug.contains("hyper::Error(Canceled"))
                || debug.contains("GoAway(b\"\", NO_ERROR, Remote)");
            assert!(not_sent, "{status:?}");
        }
    }
    assert!(served > 0);
    assert!(wait_exit(&mut server, Duration::from_secs(30)).success());
}

#[tokio::test]
async fn the_grace_period_bounds_how_long_shutdown_waits() {
    let (port, mut server) = serve_with_grace("grace", 1);
    let (send, receive) = mpsc::channel(1);
    let mut client = RecommenderClient::new(channel(port).await);
    let _answers = client
        .recommend_batch(ReceiverStream::new(receive))
        .await
        .unwrap();
    let started = Instant::now();
    signal(&server, "TERM");
    // The stream is never closed; the server stops waiting after a second.
    let status = wait_exit(&mut server, Duration::from_secs(20));
    assert!(status.success());
    assert!(started.elapsed() >= Duration::from_secs(1));
    drop(send);
}

#[test]
fn a_signal_sent_while_the_server_starts_is_not_lost() {
    use std::io::{BufRead, BufReader};
    for name in ["TERM", "HUP"] {
        let port = free_port();
        let mut server = himrec()
            .args(["serve", "--addr", &format!("127.0.0.1:{port}")])
            .env("RUST_LOG", "info")
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(server.stderr.take().unwrap()).lines();
        // "loaded" comes before the listener is bound and the server serves.
        for line in lines.by_ref() {
            if line.unwrap().contains("loaded") {
                break;
            }
        }
        signal(&server, name);
        std::thread::spawn(move || for _ in lines {});
        if name == "HUP" {
            // A reload, not the end: the server keeps serving.
            std::thread::sleep(Duration::from_millis(300));
            assert!(server.try_wait().unwrap().is_none(), "SIGHUP ended it");
            signal(&server, "TERM");
        }
        let status = wait_exit(&mut server, Duration::from_secs(20));
        assert!(status.success(), "{name}: {status:?}");
    }
}
