//! Traces across services: a call carrying a W3C `traceparent` is exported
//! over OTLP as a child of the caller's span, with its steps, the service
//! name and model version, and no profile values. The collector is a small
//! OTLP receiver run by the test itself.

use crate::common;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::binary::{exit_of, free_port, serve, signal};
use himrec::pb;
use himrec::pb::recommender_client::RecommenderClient;
use opentelemetry_proto::tonic::collector::trace::v1::trace_service_server::{
    TraceService, TraceServiceServer,
};
use opentelemetry_proto::tonic::collector::trace::v1::{
    ExportTraceServiceRequest, ExportTraceServiceResponse,
};
use opentelemetry_proto::tonic::common::v1::any_value::Value;
use opentelemetry_proto::tonic::common::v1::KeyValue;
use tonic::transport::Channel;

const TRACE_ID: &str = "4bf92f3577b34da6a3ce929d0e0e4736";
const PARENT_SPAN_ID: &str = "00f067aa0ba902b7";

/// Collects every export it receives.
#[derive(Clone, Default)]
struct Collector {
    received: Arc<Mutex<Vec<ExportTraceServiceRequest>>>,
}

#[tonic::async_trait]
impl TraceService for Collector {
    async fn export(
        &self,
        request: tonic::Request<ExportTraceServiceRequest>,
    ) -> Result<tonic::Response<ExportTraceServiceResponse>, tonic::Status> {
        self.received.lock().unwrap().push(request.into_inner());
        Ok(tonic::Response::new(ExportTraceServiceResponse::default()))
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn text(value: &Option<opentelemetry_proto::tonic::common::v1::AnyValue>) -> String {
    match value.as_ref().and_then(|v| v.value.as_ref()) {
        Some(Value::StringValue(s)) => s.clone(),
        Some(other) => format!("{other:?}"),
        None => String::new(),
    }
}

fn attribute<'a>(attributes: &'a [KeyValue], key: &str) -> Option<&'a KeyValue> {
    attributes.iter().find(|kv| kv.key == key)
}

// Two workers: the collector must keep answering while the test waits for
// the server to exit.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_call_with_a_traceparent_is_exported_as_a_child_with_its_steps() {
    let collector = Collector::default();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let collector_addr = listener.local_addr().unwrap();
    let service = TraceServiceServer::new(collector.clone());
    tokio::spawn(async move {
        tonic::transport::Server::builder()
            .add_service(service)
            .serve_with_incoming(tokio_stream::wrappers::TcpListenerStream::new(listener))
            .await
            .unwrap();
    });

    let port = free_port();
    let addr = format!("127.0.0.1:{port}");
    let endpoint = format!("tracing.otlp_endpoint=http://{collector_addr}");
    let child = serve(&["--addr", &addr, "--set", &endpoint]);
    let channel = Channel::from_shared(format!("http://{addr}"))
        .unwrap()
        .connect()
        .await
        .unwrap();
    let mut client = RecommenderClient::new(channel);
    // Distinctive values that must not appear in any exported attribute.
    let profile = pb::Profile {
        skills: [("registry_abstraction".to_owned(), 0.4242)].into(),
        state: "WY".into(),
        ..Default::default()
    };
    let mut request = tonic::Request::new(pb::RecommendRequest {
        profile: Some(profile),
        ..Default::default()
    });
    request.metadata_mut().insert(
        "traceparent",
        format!("00-{TRACE_ID}-{PARENT_SPAN_ID}-01")
            .parse()
            .unwrap(),
    );
    client.recommend(request).await.unwrap();
    // A call without a traceparent starts a trace of its own.
    client
        .recommend(pb::RecommendRequest {
            profile: Some(common::profile(&[("clinical_coding", 0.8)])),
            ..Default::default()
        })
        .await
        .unwrap();
    // Shutting down sends the spans still queued.
    signal(&child, "TERM");
    assert!(exit_of(child).await.success());

    let deadline = Instant::now() + Duration::from_secs(10);
    while collector.received.lock().unwrap().is_empty() {
        assert!(Instant::now() < deadline, "no spans were exported");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let received = collector.received.lock().unwrap().clone();
    let mut spans = Vec::new();
    for export in &received {
        for resource_spans in &export.resource_spans {
            let resource = resource_spans.resource.as_ref().expect("a resource");
            let name = attribute(&resource.attributes, "service.name").expect("service.name");
            assert_eq!(text(&name.value), "himrec");
            let version =
                attribute(&resource.attributes, "himrec.model_version").expect("model version");
            assert!(text(&version.value).starts_with("career-lr-"));
            for scope in &resource_spans.scope_spans {
                spans.extend(scope.spans.iter().cloned());
            }
        }
    }
    let ours: Vec<_> = spans
        .iter()
        .filter(|s| hex(&s.trace_id) == TRACE_ID)
        .collect();
    let names: Vec<&str> = ours.iter().map(|s| s.name.as_str()).collect();
    for step in [
        "call",
        "Recommend",
        "validate",
        "score",
        "rank_programs",
        "encode",
    ] {
        assert!(names.contains(&step), "no {step} span in {names:?}");
    }
    let call = ours.iter().find(|s| s.name == "call").unwrap();
    assert_eq!(hex(&call.parent_span_id), PARENT_SPAN_ID);
    // The second call is a trace of its own.
    assert!(spans
        .iter()
        .any(|s| s.name == "call" && hex(&s.trace_id) != TRACE_ID));

    for span in &spans {
        for kv in &span.attributes {
            let value = text(&kv.value);
            assert!(
                !value.contains("0.4242")
                    && value != "WY"
                    && !value.contains("registry_abstraction"),
                "span {} attribute {} = {value}",
                span.name,
                kv.key
            );
        }
    }
}
