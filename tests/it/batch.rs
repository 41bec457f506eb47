//! RecommendBatch: many profiles in one call, answers in order with their
//! correlation ids, a bad profile answered with an error without ending the
//! stream, and answers flowing while requests are still being sent.

use crate::common;

use std::time::Duration;

use common::{profile, TestServer};
use himrec::pb;
use himrec::pb::recommend_batch_response::Result as BatchResult;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tonic::Code;

fn item(i: usize) -> pb::RecommendBatchRequest {
    let value = if i == 5_000 {
        1.5
    } else {
        (i % 100) as f64 / 100.0
    };
    pb::RecommendBatchRequest {
        correlation_id: format!("applicant-{i}"),
        request: Some(pb::RecommendRequest {
            profile: Some(profile(&[("clinical_coding", value), ("leadership", 0.5)])),
            max_programs: 3,
            ..Default::default()
        }),
    }
}

#[tokio::test]
async fn ten_thousand_profiles_in_lockstep_with_a_bad_one_in_the_middle() {
    let server = TestServer::start().await;
    let mut client = server.client();
    // A channel of one: the next request is only sent after the previous
    // answer came back, which works only if the server answers as it reads
    // instead of collecting the whole stream first.
    let (send, receive) = mpsc::channel(1);
    send.send(item(0)).await.unwrap();
    let mut answers = client
        .recommend_batch(ReceiverStream::new(receive))
        .await
        .unwrap()
        .into_inner();
    let total = 10_000;
    for i in 0..total {
        let answer = tokio::time::timeout(Duration::from_secs(10), answers.message())
            .await
            .expect("an answer before the next request is sent")
            .unwrap()
            .expect("an answer for every request");
        assert_eq!(answer.correlation_id, format!("applicant-{i}"));
        match answer.result.unwrap() {
            BatchResult::Response(r) => {
                assert_ne!(i, 5_000);
                assert_eq!(r.programs.len(), 3);
            }
            BatchResult::Error(e) => {
                assert_eq!(i, 5_000);
                assert_eq!(e.code, Code::InvalidArgument as i32);
                assert_eq!(
                    e.field_violations[0].field,
                    "request.profile.skills[clinical_coding]"
                );
            }
        }
        if i + 1 < total {
            send.send(item(i + 1)).await.unwrap();
        }
    }
    drop(send);
    assert!(
        answers.message().await.unwrap().is_none(),
        "no answer beyond the requests"
    );
}

#[tokio::test]
async fn a_batch_item_without_a_request_is_refused_alone() {
    let server = TestServer::start().await;
    let items = vec![
        pb::RecommendBatchRequest {
            correlation_id: "empty".into(),
            request: None,
        },
        item(1),
    ];
    let mut answers = server
        .client()
        .recommend_batch(tokio_stream::iter(items))
        .await
        .unwrap()
        .into_inner();
    let first = answers.message().await.unwrap().unwrap();
    assert_eq!(first.correlation_id, "empty");
    let Some(BatchResult::Error(e)) = first.result else {
        panic!("expected an error answer");
    };
    assert_eq!(e.field_violations[0].field, "request.profile");
    let second = answers.message().await.unwrap().unwrap();
    assert!(matches!(second.result, Some(BatchResult::Response(_))));
}
