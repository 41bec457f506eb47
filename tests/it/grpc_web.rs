//! gRPC-Web on the same port: a browser-style call over HTTP/1.1, and CORS
//! for configured origins only.

use crate::common;

use common::http1::http1;
use common::{profile, TestServer};
use himrec::pb;
use himrec::server::ServeOptions;
use prost::Message;

#[tokio::test]
async fn recommend_over_grpc_web_on_http1() {
    let server = TestServer::start().await;
    let message = pb::RecommendRequest {
        profile: Some(profile(&[
            ("clinical_coding", 0.9),
            ("medical_terminology", 0.9),
        ])),
        ..Default::default()
    };
    let request = message.encode_to_vec();
    let mut frame = vec![0];
    frame.extend_from_slice(&(request.len() as u32).to_be_bytes());
    frame.extend_from_slice(&request);
    let head = format!(
        "POST /himrec.v1.Recommender/Recommend HTTP/1.1\r\nhost: {}\r\n\
         content-type: application/grpc-web+proto\r\nx-grpc-web: 1\r\n\
         content-length: {}\r\nconnection: close\r\n\r\n",
        server.addr,
        frame.len()
    );
    let (head, body) = http1(server.addr, &head, &frame).await;
    assert!(head.starts_with("http/1.1 200"), "{head}");
    assert!(
        head.contains("content-type: application/grpc-web"),
        "{head}"
    );
    // The body: a data frame with the response, then a trailer frame.
    assert_eq!(body[0], 0);
    let len = u32::from_be_bytes([body[1], body[2], body[3], body[4]]) as usize;
    let response = pb::RecommendResponse::decode(&body[5..5 + len]).unwrap();
    // The same answer as over gRPC.
    let native = server
        .client()
        .recommend(message)
        .await
        .unwrap()
        .into_inner();
    assert!(!response.career_paths.is_empty());
    assert_eq!(response, native);
    let trailer = &body[5 + len..];
    assert_eq!(trailer[0], 0x80);
    let trailers = String::from_utf8_lossy(&trailer[5..]).to_lowercase();
    assert!(trailers.contains("grpc-status:0"), "{trailers}");
}

#[tokio::test]
async fn cors_answers_configured_origins_only() {
    let server = TestServer::start_with(ServeOptions {
        cors_origins: vec!["https://apply.example.edu".into()],
        ..ServeOptions::default()
    })
    .await;
    let preflight = |origin: &str| {
        format!(
            "OPTIONS /himrec.v1.Recommender/Recommend HTTP/1.1\r\nhost: {}\r\norigin: {origin}\r\n\
             access-control-request-method: POST\r\n\
             access-control-request-headers: content-type,x-grpc-web\r\n\
             connection: close\r\n\r\n",
            server.addr
        )
    };
    let (head, _) = http1(server.addr, &preflight("https://apply.example.edu"), b"").await;
    assert!(
        head.contains("access-control-allow-origin: https://apply.example.edu"),
        "{head}"
    );
    let (head, _) = http1(server.addr, &preflight("https://evil.example.com"), b"").await;
    assert!(!head.contains("access-control-allow-origin"), "{head}");
}
