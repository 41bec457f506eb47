//! The HTTP/JSON door: every unary method as Connect's unary form, in JSON
//! and binary, answering what gRPC answers; Connect's errors for each kind
//! of bad call; keys, deadlines and CORS through the same guard; and the
//! OpenAPI document, committed and served, matching the proto.

use crate::common;

use std::net::SocketAddr;

use common::http1::http1;
use common::{profile, recommender, with_key, TestServer};
use himrec::config::{ApiKey, Role};
use himrec::live::Live;
use himrec::pb;
use himrec::pb::admin_client::AdminClient;
use himrec::pb::catalog_client::CatalogClient;
use himrec::server::ServeOptions;
use prost::Message;
use prost_reflect::{DescriptorPool, DynamicMessage};

fn pool() -> DescriptorPool {
    DescriptorPool::decode(pb::FILE_DESCRIPTOR_SET).unwrap()
}

/// `message` in the proto3 JSON mapping.
fn to_json<M: Message>(message: &M, name: &str) -> String {
    let desc = pool().get_message_by_name(name).unwrap();
    let dynamic = DynamicMessage::decode(desc, message.encode_to_vec().as_slice()).unwrap();
    serde_json::to_string(&dynamic).unwrap()
}

/// `message` in the proto3 JSON mapping with every field written, as the
/// door writes its answers.
fn every_field<M: Message>(message: &M, name: &str) -> serde_json::Value {
    let desc = pool().get_message_by_name(name).unwrap();
    let dynamic = DynamicMessage::decode(desc, message.encode_to_vec().as_slice()).unwrap();
    let options = prost_reflect::SerializeOptions::new().skip_default_fields(false);
    dynamic
        .serialize_with_options(serde_json::value::Serializer, &options)
        .unwrap()
}

/// A message read from the proto3 JSON mapping.
fn from_json<M: Message + Default>(json: &[u8], name: &str) -> M {
    let desc = pool().get_message_by_name(name).unwrap();
    let mut de = serde_json::Deserializer::from_slice(json);
    let dynamic = DynamicMessage::deserialize(desc, &mut de).unwrap();
    M::decode(dynamic.encode_to_vec().as_slice()).unwrap()
}

/// One POST to the door: (HTTP status, head in lower case, body).
async fn post(
    addr: SocketAddr,
    path: &str,
    content_type: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> (u16, String, Vec<u8>) {
    let extra: String = headers
        .iter()
        .map(|(k, v)| format!("{k}: {v}\r\n"))
        .collect();
    let head = format!(
        "POST {path} HTTP/1.1\r\nhost: {addr}\r\ncontent-type: {content_type}\r\n\
         content-length: {}\r\n{extra}connection: close\r\n\r\n",
        body.len()
    );
    let (head, body) = http1(addr, &head, body).await;
    let status = head[9..12].parse().unwrap();
    (status, head, body)
}

/// The door's JSON and binary answers to `request`, which must both be
/// `expected`, gRPC's answer.
async fn same_through_the_door<Req: Message, Resp: Message + Default + PartialEq>(
    addr: SocketAddr,
    method: &str,
    request: &Req,
    expected: &Resp,
) {
    let (service, name) = method.split_once('/').unwrap();
    let input = format!("himrec.v1.{name}Request");
    let output = format!("himrec.v1.{name}Response");
    let path = format!("/himrec.v1.{service}/{name}");
    let json = to_json(request, &input);
    let (status, head, body) = post(addr, &path, "application/json", &[], json.as_bytes()).await;
    assert_eq!(
        status,
        200,
        "{method}: {head}{}",
        String::from_utf8_lossy(&body)
    );
    assert!(head.contains("content-type: application/json"), "{head}");
    let answer: Resp = from_json(&body, &output);
    assert!(answer == *expected, "{method} in JSON differs from gRPC");
    // The text itself is the proto3 JSON mapping as an implementation of
    // it nobody here wrote writes it, every field included.
    let written: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(
        written,
        every_field(expected, &output),
        "{method}'s JSON text"
    );

    let (status, head, body) = post(
        addr,
        &path,
        "application/proto",
        &[],
        &request.encode_to_vec(),
    )
    .await;
    assert_eq!(status, 200, "{method}: {head}");
    assert!(head.contains("content-type: application/proto"), "{head}");
    assert!(
        Resp::decode(body.as_slice()).unwrap() == *expected,
        "{method} in binary"
    );
}

fn coder() -> pb::RecommendRequest {
    let mut person = profile(&[("clinical_coding", 0.85), ("medical_terminology", 0.9)]);
    person.state = "TX".into();
    person.credentials = vec!["CCA".into()];
    pb::RecommendRequest {
        profile: Some(person),
        max_programs: 5,
        ..Default::default()
    }
}

#[tokio::test]
async fn every_unary_method_answers_through_the_door_as_over_grpc() {
    let server = TestServer::start().await;
    let addr = server.addr;
    let mut recommender = server.client();
    let mut catalog = CatalogClient::new(server.channel.clone());

    let request = coder();
    let answer = recommender
        .recommend(request.clone())
        .await
        .unwrap()
        .into_inner();
    same_through_the_door(addr, "Recommender/Recommend", &request, &answer).await;

    let request = pb::GetModelInfoRequest {};
    let answer = recommender
        .get_model_info(request)
        .await
        .unwrap()
        .into_inner();
    same_through_the_door(addr, "Recommender/GetModelInfo", &request, &answer).await;

    let request = pb::ListSkillsRequest {};
    let answer = catalog.list_skills(request).await.unwrap().into_inner();
    same_through_the_door(addr, "Catalog/ListSkills", &request, &answer).await;

    let request = pb::ListCareerPathsRequest::default();
    let answer = catalog
        .list_career_paths(request.clone())
        .await
        .unwrap()
        .into_inner();
    same_through_the_door(addr, "Catalog/ListCareerPaths", &request, &answer).await;

    let request = pb::ListWorkSettingsRequest {};
    let answer = catalog
        .list_work_settings(request)
        .await
        .unwrap()
        .into_inner();
    same_through_the_door(addr, "Catalog/ListWorkSettings", &request, &answer).await;

    let request = pb::ListCredentialsRequest {};
    let answer = catalog
        .list_credentials(request)
        .await
        .unwrap()
        .into_inner();
    same_through_the_door(addr, "Catalog/ListCredentials", &request, &answer).await;

    let request = pb::ListProgramsRequest {
        page_size: 7,
        filter: Some(pb::ProgramFilter {
            states: vec!["TX".into()],
            ..Default::default()
        }),
        ..Default::default()
    };
    let answer = catalog
        .list_programs(request.clone())
        .await
        .unwrap()
        .into_inner();
    same_through_the_door(addr, "Catalog/ListPrograms", &request, &answer).await;
    // A page token from gRPC pages through the door, and the other way.
    let next = pb::ListProgramsRequest {
        page_token: answer.next_page_token.clone(),
        ..request
    };
    let second = catalog
        .list_programs(next.clone())
        .await
        .unwrap()
        .into_inner();
    same_through_the_door(addr, "Catalog/ListPrograms", &next, &second).await;

    let request = pb::GetProgramRequest {
        unitid: 102845,
        credential_level: 3,
    };
    let answer = catalog.get_program(request).await.unwrap().into_inner();
    same_through_the_door(addr, "Catalog/GetProgram", &request, &answer).await;

    // A hand-written JSON body, as a CRM would send it: field names in
    // either spelling, enums by name.
    let body = br#"{"profile": {"skills": {"clinical_coding": 0.85, "medical_terminology": 0.9},
        "state": "TX", "credentials": ["CCA"], "highest_education": "EDUCATION_LEVEL_UNSPECIFIED"},
        "maxPrograms": 5}"#;
    let (status, _, json) = post(
        addr,
        "/himrec.v1.Recommender/Recommend",
        "application/json; charset=utf-8",
        &[],
        body,
    )
    .await;
    assert_eq!(status, 200);
    let by_hand: pb::RecommendResponse = from_json(&json, "himrec.v1.RecommendResponse");
    let by_grpc = recommender.recommend(coder()).await.unwrap().into_inner();
    assert_eq!(by_hand, by_grpc);
}

#[tokio::test]
async fn reload_answers_through_the_door() {
    let admin = ApiKey {
        role: Role::Admin,
        ..key("operator", "hr_operator")
    };
    let server = TestServer::serve_live(
        Live::load(himrec::live::Sources {
            data: common::root().join("data"),
            model: common::root().join("models/career_model.json"),
            candidate: None,
            overlay: None,
            tenants: Vec::new(),
        })
        .unwrap(),
        ServeOptions {
            api_keys: vec![admin],
            ..ServeOptions::default()
        },
    )
    .await;
    let (status, _, body) = post(
        server.addr,
        "/himrec.v1.Admin/Reload",
        "application/json",
        &[("authorization", "Bearer hr_operator")],
        b"{}",
    )
    .await;
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    let reloaded: pb::ReloadResponse = from_json(&body, "himrec.v1.ReloadResponse");
    let info = AdminClient::new(server.channel.clone())
        .reload(with_key(pb::ReloadRequest {}, "hr_operator"))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(info.generation, reloaded.generation + 1);

    // Promotion and demotion through the door: with no candidate loaded,
    // each is a failed precondition, in Connect's form.
    for method in ["Promote", "Demote"] {
        let (status, _, body) = post(
            server.addr,
            &format!("/himrec.v1.Admin/{method}"),
            "application/json",
            &[("authorization", "Bearer hr_operator")],
            b"{}",
        )
        .await;
        assert_eq!(status, 400, "{method}: {}", String::from_utf8_lossy(&body));
        assert_eq!(connect_error(&body).0, "failed_precondition");
    }
}

/// The Connect error of a door answer: (code, field paths at fault).
fn connect_error(body: &[u8]) -> (String, Vec<String>) {
    let error: serde_json::Value = serde_json::from_slice(body).unwrap();
    let fields = error["details"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["type"] == "google.rpc.BadRequest")
        .flat_map(|d| d["debug"]["fieldViolations"].as_array().unwrap().clone())
        .map(|v| v["field"].as_str().unwrap().to_owned())
        .collect();
    (error["code"].as_str().unwrap().to_owned(), fields)
}

/// A bad call and how the door must answer it: path, content type, extra
/// headers, body; HTTP status, Connect code, fields at fault.
type BadCall = (
    &'static str,
    &'static str,
    Vec<(&'static str, &'static str)>,
    Vec<u8>,
    u16,
    &'static str,
    Vec<&'static str>,
);

#[tokio::test]
async fn bad_calls_get_connect_errors_naming_what_is_wrong() {
    let live = Live::fixed(recommender());
    let server = TestServer::serve_live(live.clone(), ServeOptions::default()).await;
    let addr = server.addr;
    let recommend = "/himrec.v1.Recommender/Recommend";
    let cases: Vec<BadCall> = vec![
        // The same violation, with the same field path, as over gRPC.
        (
            recommend,
            "application/json",
            vec![],
            br#"{"profile": {"skills": {"clinical_coding": 2}}}"#.to_vec(),
            400,
            "invalid_argument",
            vec!["profile.skills[clinical_coding]"],
        ),
        (
            recommend,
            "application/json",
            vec![],
            b"{}".to_vec(),
            400,
            "invalid_argument",
            vec!["profile"],
        ),
        // Malformed JSON, a wrong type, bad binary; a misspelt field is
        // ignored, so the profile is missing.
        (
            recommend,
            "application/json",
            vec![],
            b"{\"profile\": {".to_vec(),
            400,
            "invalid_argument",
            vec!["body"],
        ),
        (
            recommend,
            "application/json",
            vec![],
            br#"{"profil": {}}"#.to_vec(),
            400,
            "invalid_argument",
            vec!["profile"],
        ),
        (
            recommend,
            "application/json",
            vec![],
            br#"{"maxPrograms": "ten"}"#.to_vec(),
            400,
            "invalid_argument",
            vec!["max_programs"],
        ),
        // Every value of the wrong type is named by its field, with an
        // unknown enum word among them.
        (
            recommend,
            "application/json",
            vec![],
            br#"{"profile": {"skills": {"clinical_coding": "high"}, "goal": "retire",
                 "credentials": "RHIT"}}"#
                .to_vec(),
            400,
            "invalid_argument",
            vec![
                "profile.credentials",
                "profile.goal",
                "profile.skills[clinical_coding]",
            ],
        ),
        (
            recommend,
            "application/proto",
            vec![],
            vec![0xff, 0xff, 0xff],
            400,
            "invalid_argument",
            vec!["body"],
        ),
        // A wrong content type, a bad deadline, a missing program, an
        // unknown method.
        (
            recommend,
            "text/plain",
            vec![],
            b"hello".to_vec(),
            415,
            "invalid_argument",
            vec![],
        ),
        (
            recommend,
            "application/json",
            vec![("connect-timeout-ms", "soon")],
            b"{}".to_vec(),
            400,
            "invalid_argument",
            vec!["Connect-Timeout-Ms"],
        ),
        (
            "/himrec.v1.Catalog/GetProgram",
            "application/json",
            vec![],
            br#"{"unitid": 1, "credentialLevel": 2}"#.to_vec(),
            404,
            "not_found",
            vec![],
        ),
        (
            "/himrec.v1.Catalog/Nothing",
            "application/json",
            vec![],
            b"{}".to_vec(),
            404,
            "not_found",
            vec![],
        ),
        // A body over the message limit, refused on its declared length:
        // 413, not a 429 a gateway would retry.
        (
            recommend,
            "application/json",
            vec![],
            vec![b' '; 100 * 1024],
            413,
            "resource_exhausted",
            vec![],
        ),
    ];
    for (path, content_type, headers, body, status, code, fields) in cases {
        let (got, head, answer) = post(addr, path, content_type, &headers, &body).await;
        let shown = String::from_utf8_lossy(&answer);
        assert_eq!(got, status, "{path} {content_type}: {head}{shown}");
        assert!(head.contains("content-type: application/json"), "{head}");
        let (got_code, got_fields) = connect_error(&answer);
        assert_eq!(got_code, code, "{shown}");
        assert_eq!(got_fields, fields, "{shown}");
    }

    // Refusals of the door itself are counted apart; the calls it passed
    // on are counted by the guard, as gRPC calls.
    let metrics = live.metrics().encode();
    for line in [
        "himrec_door_refusals_total{code=\"INVALID_ARGUMENT\"} 6",
        "himrec_door_refusals_total{code=\"NOT_FOUND\"} 1",
        "himrec_door_refusals_total{code=\"RESOURCE_EXHAUSTED\"} 1",
        "himrec_calls_total{method=\"himrec.v1.Recommender/Recommend\",code=\"INVALID_ARGUMENT\"} 3",
        "himrec_calls_total{method=\"himrec.v1.Catalog/GetProgram\",code=\"NOT_FOUND\"} 1",
    ] {
        assert!(metrics.contains(line), "{line} not in\n{metrics}");
    }
}

fn key(name: &str, token: &str) -> ApiKey {
    common::api_keys(&[(name, token, Role::Client)]).remove(0)
}

#[tokio::test]
async fn keys_deadlines_and_cors_hold_on_the_door() {
    let server = TestServer::serve_live(
        Live::fixed(recommender()),
        ServeOptions {
            api_keys: vec![key("platform", "hr_platform")],
            cors_origins: vec!["https://apply.example.edu".into()],
            ..ServeOptions::default()
        },
    )
    .await;
    let addr = server.addr;
    let recommend = "/himrec.v1.Recommender/Recommend";
    let body = to_json(&coder(), "himrec.v1.RecommendRequest");

    let (status, head, answer) =
        post(addr, recommend, "application/json", &[], body.as_bytes()).await;
    assert_eq!(status, 401, "{head}{}", String::from_utf8_lossy(&answer));
    assert_eq!(connect_error(&answer).0, "unauthenticated");
    let wrong = [("authorization", "Bearer hr_nobody")];
    let (status, _, _) = post(addr, recommend, "application/json", &wrong, body.as_bytes()).await;
    assert_eq!(status, 401);
    let right = [("authorization", "Bearer hr_platform")];
    let (status, _, answer) =
        post(addr, recommend, "application/json", &right, body.as_bytes()).await;
    assert_eq!(status, 200);
    let by_grpc = server
        .client()
        .recommend(with_key(coder(), "hr_platform"))
        .await
        .unwrap()
        .into_inner();
    let by_door: pb::RecommendResponse = from_json(&answer, "himrec.v1.RecommendResponse");
    assert_eq!(by_door, by_grpc);

    // A deadline goes with the call as gRPC's; one of 0 is not a deadline
    // Connect allows, and the longest, ten digits, is taken in seconds.
    for (timeout, status) in [("0", 400), ("9999999999", 200), ("250", 200)] {
        let headers = [
            ("authorization", "Bearer hr_platform"),
            ("connect-timeout-ms", timeout),
        ];
        let (got, _, answer) = post(
            addr,
            recommend,
            "application/json",
            &headers,
            body.as_bytes(),
        )
        .await;
        assert_eq!(
            got,
            status,
            "{timeout}: {}",
            String::from_utf8_lossy(&answer)
        );
    }

    // A browser on an allowed origin may send the door's headers.
    let preflight = format!(
        "OPTIONS {recommend} HTTP/1.1\r\nhost: {addr}\r\norigin: https://apply.example.edu\r\n\
         access-control-request-method: POST\r\n\
         access-control-request-headers: content-type,connect-protocol-version,connect-timeout-ms,authorization\r\n\
         connection: close\r\n\r\n"
    );
    let (head, _) = http1(addr, &preflight, b"").await;
    assert!(
        head.contains("access-control-allow-origin: https://apply.example.edu"),
        "{head}"
    );
    assert!(head.contains("connect-timeout-ms"), "{head}");
}

#[tokio::test]
async fn the_door_answers_in_the_accept_language_when_the_request_names_none() {
    let server = TestServer::serve_live(Live::fixed(recommender()), ServeOptions::default()).await;
    let addr = server.addr;
    let recommend = "/himrec.v1.Recommender/Recommend";
    let body = to_json(&coder(), "himrec.v1.RecommendRequest");
    let spanish = [("accept-language", "es-US,es;q=0.9,en;q=0.8")];
    let (status, _, answer) = post(
        addr,
        recommend,
        "application/json",
        &spanish,
        body.as_bytes(),
    )
    .await;
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&answer));
    let json: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    assert_eq!(json["language"], "es");
    let held = json["careerPaths"][0]["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == "REASON_CODE_CREDENTIAL_HELD")
        .unwrap();
    assert!(held["explanation"]
        .as_str()
        .unwrap()
        .starts_with("Usted tiene la CCA"));
    let hospitals = json["workSettings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["settingId"] == "hospitals")
        .unwrap();
    assert_eq!(hospitals["name"], "Hospitales");

    // The request's own field wins over the header.
    let english = pb::RecommendRequest {
        language: "en".into(),
        ..coder()
    };
    let body = to_json(&english, "himrec.v1.RecommendRequest");
    let (_, _, answer) = post(
        addr,
        recommend,
        "application/json",
        &spanish,
        body.as_bytes(),
    )
    .await;
    let json: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    assert_eq!(json["language"], "en");

    // A malformed field is refused on the door as over gRPC.
    let body = r#"{"profile": {"credentials": ["CCA"]}, "language": "es_MX"}"#;
    let (status, _, answer) = post(addr, recommend, "application/json", &[], body.as_bytes()).await;
    assert_eq!(status, 400);
    assert_eq!(
        connect_error(&answer),
        ("invalid_argument".into(), vec!["language".into()])
    );
}

#[tokio::test]
async fn the_openapi_document_is_served_committed_and_matches_the_proto() {
    let server = TestServer::start().await;
    let head = format!(
        "GET /openapi.json HTTP/1.1\r\nhost: {}\r\nconnection: close\r\n\r\n",
        server.addr
    );
    let (head, body) = http1(server.addr, &head, b"").await;
    assert!(head.starts_with("http/1.1 200"), "{head}");
    let served: serde_json::Value = serde_json::from_slice(&body).unwrap();
    let committed = std::fs::read_to_string(common::root().join("docs/openapi.json")).unwrap();
    assert_eq!(
        committed,
        himrec::server::openapi_document(false),
        "docs/openapi.json is stale: run `cargo run --release -- openapi > docs/openapi.json`"
    );
    assert_eq!(
        served,
        serde_json::from_str::<serde_json::Value>(&committed).unwrap()
    );
    // Its 3.0 form too, with no 3.1-only keyword and no sibling of a $ref.
    let head = format!(
        "GET /openapi-3.0.json HTTP/1.1\r\nhost: {}\r\nconnection: close\r\n\r\n",
        server.addr
    );
    let (_, body) = http1(server.addr, &head, b"").await;
    let committed_30 =
        std::fs::read_to_string(common::root().join("docs/openapi-3.0.json")).unwrap();
    assert_eq!(
        committed_30,
        himrec::server::openapi_document(true),
        "docs/openapi-3.0.json is stale: run `cargo run --release -- openapi --3.0 > docs/openapi-3.0.json`"
    );
    assert_eq!(body, committed_30.trim_end().as_bytes());
    assert!(committed_30.contains("\"openapi\": \"3.0.3\""));
    assert!(!committed_30.contains("contentEncoding"));

    // Every unary method of the proto has a path, with its messages' schemas;
    // every field of a request is a property under its JSON name.
    let pool = pool();
    let mut methods = 0;
    for service in pool.services() {
        for method in service.methods() {
            let path = format!("/{}/{}", service.full_name(), method.name());
            let operation = &served["paths"][&path]["post"];
            if method.is_client_streaming() || method.is_server_streaming() {
                assert!(
                    operation.is_null(),
                    "{path} streams; the door has no such path"
                );
                continue;
            }
            methods += 1;
            let input = method.input();
            let schema = &served["components"]["schemas"][input.full_name()];
            for field in input.fields() {
                assert!(
                    !schema["properties"][field.json_name()].is_null(),
                    "{path}: {} has no schema",
                    field.json_name()
                );
            }
        }
    }
    assert_eq!(methods, 14);
}

#[tokio::test]
async fn unknown_fields_are_ignored_and_named_empty_lists_are_written_and_health_answers() {
    let server = TestServer::start().await;
    let addr = server.addr;
    // A CRM's extra field, at the top and inside the profile.
    let body = br#"{"applicantId": "A-17", "profile": {"skills": {"clinical_coding": 0.8}, "nickname": "Jo"}}"#;
    let (status, head, answer) = post(
        addr,
        "/himrec.v1.Recommender/Recommend",
        "application/json",
        &[],
        body,
    )
    .await;
    assert_eq!(status, 200, "{head}{}", String::from_utf8_lossy(&answer));
    assert!(
        head.contains("himrec-ignored-fields: applicantid, profile.nickname"),
        "{head}"
    );
    // An empty listing still has its list and its total.
    let (status, _, answer) = post(
        addr,
        "/himrec.v1.Catalog/ListPrograms",
        "application/json",
        &[],
        br#"{"nameContains": "no such institution anywhere"}"#,
    )
    .await;
    assert_eq!(status, 200);
    let json: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    assert_eq!(json["programs"], serde_json::json!([]));
    assert_eq!(json["totalSize"], 0);
    assert_eq!(json["nextPageToken"], "");
    // The short words the CLI, the examples and the tenant settings use
    // are the enum names they stand for, in any case.
    for (words, names) in [
        (
            r#"{"filter": {"controls": ["public"], "deliveryModes": ["Online"]}}"#,
            r#"{"filter": {"controls": ["CONTROL_PUBLIC"], "deliveryModes": ["DELIVERY_MODE_ONLINE"]}}"#,
        ),
        (
            r#"{"profile": {"highestEducation": "some_college", "goal": "find_work"}}"#,
            r#"{"profile": {"highestEducation": "EDUCATION_LEVEL_SOME_COLLEGE", "goal": "GOAL_FIND_WORK"}}"#,
        ),
    ] {
        let path = if words.contains("filter") {
            "/himrec.v1.Catalog/ListPrograms"
        } else {
            "/himrec.v1.Recommender/Recommend"
        };
        let (status, head, by_word) =
            post(addr, path, "application/json", &[], words.as_bytes()).await;
        assert_eq!(status, 200, "{head}{}", String::from_utf8_lossy(&by_word));
        assert!(!head.contains("\nhimrec-ignored-fields:"), "{head}");
        let (_, _, by_name) = post(addr, path, "application/json", &[], names.as_bytes()).await;
        assert_eq!(by_word, by_name, "{words}");
    }
    // Liveness and readiness over plain HTTP, without a key.
    for path in ["/healthz", "/readyz"] {
        let request = format!("GET {path} HTTP/1.1\r\nhost: {addr}\r\nconnection: close\r\n\r\n");
        let (head, body) = http1(addr, &request, b"").await;
        assert!(head.starts_with("http/1.1 200"), "{path}: {head}");
        assert_eq!(body, br#"{"status":"SERVING"}"#);
    }
}

#[tokio::test]
async fn a_strict_door_refuses_each_unknown_field_by_name() {
    let server = TestServer::serve_live(
        Live::fixed(recommender()),
        ServeOptions {
            strict_json: true,
            ..ServeOptions::default()
        },
    )
    .await;
    let body = br#"{"applicantId": "A-17", "profile": {"skills": {"clinical_coding": 0.8}, "nickname": "Jo"}}"#;
    let (status, _, answer) = post(
        server.addr,
        "/himrec.v1.Recommender/Recommend",
        "application/json",
        &[],
        body,
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(
        connect_error(&answer),
        (
            "invalid_argument".into(),
            vec!["applicantId".into(), "profile.nickname".into()]
        )
    );
}

/// A raw POST with extra header lines; (status, head, body as sent).
async fn post_raw(
    addr: SocketAddr,
    path: &str,
    headers: &str,
    body: &[u8],
) -> (u16, String, Vec<u8>) {
    let head = format!(
        "POST {path} HTTP/1.1\r\nhost: {addr}\r\ncontent-type: application/json\r\n\
         content-length: {}\r\n{headers}connection: close\r\n\r\n",
        body.len()
    );
    let (head, body) = http1(addr, &head, body).await;
    (head[9..12].parse().unwrap(), head, body)
}

#[tokio::test]
async fn answers_are_compressed_as_the_client_accepts_on_both_doors() {
    use std::io::{Read, Write};
    let server = TestServer::start().await;
    let addr = server.addr;
    let path = "/himrec.v1.Recommender/Recommend";
    let mut request = coder();
    request.max_programs = 100;
    let body = to_json(&request, "himrec.v1.RecommendRequest");
    let (status, head, plain) = post_raw(addr, path, "", body.as_bytes()).await;
    assert_eq!(status, 200);
    assert!(!head.contains("content-encoding"), "{head}");

    let (status, head, gzipped) =
        post_raw(addr, path, "accept-encoding: gzip\r\n", body.as_bytes()).await;
    assert_eq!(status, 200);
    assert!(head.contains("content-encoding: gzip"), "{head}");
    let mut unzipped = Vec::new();
    flate2::read::GzDecoder::new(gzipped.as_slice())
        .read_to_end(&mut unzipped)
        .unwrap();
    assert_eq!(unzipped, plain);
    assert!(
        gzipped.len() * 4 < plain.len(),
        "{} of {}",
        gzipped.len(),
        plain.len()
    );

    let (_, head, zstd) = post_raw(addr, path, "accept-encoding: zstd\r\n", body.as_bytes()).await;
    assert!(head.contains("content-encoding: zstd"), "{head}");
    assert_eq!(zstd::decode_all(zstd.as_slice()).unwrap(), plain);

    // A request body may come gzipped; a small answer is sent as it is.
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(body.as_bytes()).unwrap();
    let (status, _, answer) = post_raw(
        addr,
        path,
        "content-encoding: gzip\r\n",
        &encoder.finish().unwrap(),
    )
    .await;
    assert_eq!((status, answer), (200, plain.clone()));
    let request = format!(
        "GET /healthz HTTP/1.1\r\nhost: {addr}\r\naccept-encoding: gzip\r\nconnection: close\r\n\r\n"
    );
    let (head, _) = http1(addr, &request, b"").await;
    assert!(!head.contains("content-encoding"), "{head}");

    // gRPC: the client that asks for gzip or zstd gets the same answer.
    let expected = server
        .client()
        .recommend(coder())
        .await
        .unwrap()
        .into_inner();
    for encoding in [
        tonic::codec::CompressionEncoding::Gzip,
        tonic::codec::CompressionEncoding::Zstd,
    ] {
        let mut client = server
            .client()
            .accept_compressed(encoding)
            .send_compressed(encoding);
        let got = client.recommend(coder()).await.unwrap();
        assert_eq!(
            got.metadata().get("grpc-encoding").unwrap(),
            encoding.to_string().as_str()
        );
        assert_eq!(got.into_inner(), expected, "{encoding:?}");
    }
}
