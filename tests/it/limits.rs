//! Limits from the configuration: request size, skills per profile, batch
//! size, concurrent calls (shed with RESOURCE_EXHAUSTED), deadlines (the
//! server's default and the client's `grpc-timeout`), HTTP/2 keepalive.

use crate::common;

use std::time::{Duration, Instant};

use common::{profile, recommender, violated_fields, TestServer};
use himrec::config::Limits;
use himrec::live::Live;
use himrec::pb;
use himrec::server::ServeOptions;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tonic::Code;
use tonic_health::pb::health_client::HealthClient;
use tonic_health::pb::HealthCheckRequest;

async fn server_with(limits: Limits) -> TestServer {
    let options = ServeOptions {
        limits,
        ..ServeOptions::default()
    };
    TestServer::serve_live(Live::fixed(recommender()), options).await
}

fn request(skills: &[(&str, f64)]) -> pb::RecommendRequest {
    pb::RecommendRequest {
        profile: Some(profile(skills)),
        ..Default::default()
    }
}

fn item(i: usize) -> pb::RecommendBatchRequest {
    pb::RecommendBatchRequest {
        correlation_id: i.to_string(),
        request: Some(request(&[("clinical_coding", 0.5)])),
    }
}

/// Opens a batch stream, sends one item and reads its answer; the stream
/// stays open (and its call in flight) while the sender is kept.
async fn open_batch(
    server: &TestServer,
    timeout: Option<Duration>,
) -> (
    mpsc::Sender<pb::RecommendBatchRequest>,
    tonic::Streaming<pb::RecommendBatchResponse>,
) {
    let (send, receive) = mpsc::channel(4);
    send.send(item(0)).await.unwrap();
    let mut call = tonic::Request::new(ReceiverStream::new(receive));
    if let Some(timeout) = timeout {
        call.set_timeout(timeout);
    }
    let mut answers = server
        .client()
        .recommend_batch(call)
        .await
        .unwrap()
        .into_inner();
    answers.message().await.unwrap().expect("first answer");
    (send, answers)
}

#[tokio::test]
async fn request_size_skills_and_batch_limits_are_the_configured_ones() {
    let server = server_with(Limits {
        max_request_bytes: 1024,
        max_skills: 2,
        max_batch_items: 3,
        ..Limits::default()
    })
    .await;
    let mut client = server.client();

    let mut big = request(&[("clinical_coding", 0.5)]);
    big.profile.as_mut().unwrap().state = "x".repeat(2048);
    let err = client.recommend(big).await.unwrap_err();
    assert_eq!(err.code(), Code::OutOfRange, "{err:?}");

    let err = client
        .recommend(request(&[
            ("clinical_coding", 0.5),
            ("leadership", 0.5),
            ("data_analytics", 0.5),
        ]))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::InvalidArgument);
    assert_eq!(violated_fields(&err), ["profile.skills"]);
    assert!(err.message().contains("profile.skills"));
    assert!(client
        .recommend(request(&[("clinical_coding", 0.5), ("leadership", 0.5)]))
        .await
        .is_ok());

    let items: Vec<_> = (0..5).map(item).collect();
    let mut answers = client
        .recommend_batch(tokio_stream::iter(items))
        .await
        .unwrap()
        .into_inner();
    for i in 0..3 {
        let answer = answers.message().await.unwrap().unwrap();
        assert_eq!(answer.correlation_id, i.to_string());
    }
    let err = answers.message().await.unwrap_err();
    assert_eq!(err.code(), Code::ResourceExhausted);
    assert!(err.message().contains("at most 3"), "{}", err.message());
    server.stop().await;
}

#[tokio::test]
async fn calls_beyond_the_concurrency_limit_are_shed_at_once() {
    let live = Live::fixed(recommender());
    let options = ServeOptions {
        limits: Limits {
            max_concurrent_calls: 1,
            ..Limits::default()
        },
        ..ServeOptions::default()
    };
    let server = TestServer::serve_live(live.clone(), options).await;
    let (held, _answers) = open_batch(&server, None).await;

    let started = Instant::now();
    let err = server
        .client()
        .recommend(request(&[("clinical_coding", 0.5)]))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::ResourceExhausted, "{err:?}");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "answered, not queued"
    );
    // Probes are not shed.
    let health = HealthClient::new(server.channel.clone())
        .check(HealthCheckRequest::default())
        .await;
    assert!(health.is_ok());
    assert!(live
        .metrics()
        .encode()
        .contains("himrec_calls_shed_total{method=\"himrec.v1.Recommender/Recommend\"} 1"));

    drop(held);
    drop(_answers);
    // The permit comes back when the stream ends.
    let mut ok = false;
    for _ in 0..50 {
        if server
            .client()
            .recommend(request(&[("clinical_coding", 0.5)]))
            .await
            .is_ok()
        {
            ok = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(ok, "calls are admitted again once the stream ended");
    server.stop().await;
}

#[tokio::test]
async fn the_server_default_deadline_ends_a_call_that_set_none() {
    let server = server_with(Limits {
        default_deadline_ms: 300,
        ..Limits::default()
    })
    .await;
    let started = Instant::now();
    let (_held, mut answers) = open_batch(&server, None).await;
    let err = answers.message().await.unwrap_err();
    assert_eq!(err.code(), Code::DeadlineExceeded, "{err:?}");
    assert!(started.elapsed() >= Duration::from_millis(300));
    server.stop().await;
}

#[tokio::test]
async fn the_clients_deadline_is_honoured_up_to_the_maximum() {
    let server = server_with(Limits::default()).await;
    let (_held, mut answers) = open_batch(&server, Some(Duration::from_millis(300))).await;
    let err = answers.message().await.unwrap_err();
    assert_eq!(err.code(), Code::DeadlineExceeded, "{err:?}");
    server.stop().await;

    let server = server_with(Limits {
        default_deadline_ms: 200,
        max_deadline_ms: 400,
        ..Limits::default()
    })
    .await;
    let started = Instant::now();
    let (_held, mut answers) = open_batch(&server, Some(Duration::from_secs(60))).await;
    let err = answers.message().await.unwrap_err();
    assert_eq!(err.code(), Code::DeadlineExceeded, "{err:?}");
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "cut to the maximum"
    );
    server.stop().await;
}

/// Reads one HTTP/2 frame: (type, flags, payload).
async fn frame(stream: &mut tokio::net::TcpStream) -> std::io::Result<(u8, u8, Vec<u8>)> {
    let mut header = [0u8; 9];
    stream.read_exact(&mut header).await?;
    let len = u32::from_be_bytes([0, header[0], header[1], header[2]]) as usize;
    let mut payload = vec![0; len];
    stream.read_exact(&mut payload).await?;
    Ok((header[3], header[4], payload))
}

#[tokio::test]
async fn keepalive_pings_idle_connections_and_closes_dead_ones() {
    let server = server_with(Limits {
        keepalive_interval_secs: 1,
        keepalive_timeout_secs: 1,
        ..Limits::default()
    })
    .await;
    // A bare HTTP/2 connection that answers SETTINGS but never PINGs.
    let mut stream = tokio::net::TcpStream::connect(server.addr).await.unwrap();
    stream
        .write_all(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\x00\x00\x00\x04\x00\x00\x00\x00\x00")
        .await
        .unwrap();
    let started = Instant::now();
    let mut pinged = None;
    let closed = loop {
        let next = tokio::time::timeout(Duration::from_secs(10), frame(&mut stream)).await;
        match next.expect("the server acts within 10 s") {
            Ok((4, 0, _)) => stream
                .write_all(b"\x00\x00\x00\x04\x01\x00\x00\x00\x00")
                .await
                .unwrap(),
            Ok((6, 0, _)) => {
                pinged.get_or_insert(started.elapsed());
            }
            Ok((7, _, _)) | Err(_) => break started.elapsed(),
            Ok(_) => {}
        }
    };
    let pinged = pinged.expect("the server pinged the idle connection");
    assert!(pinged >= Duration::from_millis(500), "{pinged:?}");
    assert!(closed > pinged, "closed after the unanswered ping");
    server.stop().await;
}
