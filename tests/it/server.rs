//! End to end: the real server on an ephemeral port, called through the
//! generated client.

use crate::common;

use common::{interests, profile, TestServer};
use himrec::pb;
use tonic::Code;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;
use tonic_health::pb::HealthCheckRequest;

fn coder() -> pb::Profile {
    pb::Profile {
        interests: Some(interests([0.2, 0.4, 0.1, 0.3, 0.2, 0.9])),
        highest_education: pb::EducationLevel::PostsecondaryCertificate as i32,
        ..profile(&[
            ("clinical_coding", 0.9),
            ("medical_terminology", 0.9),
            ("anatomy_physiology", 0.6),
            ("clinical_documentation", 0.7),
        ])
    }
}

fn manager() -> pb::Profile {
    pb::Profile {
        interests: Some(interests([0.2, 0.5, 0.2, 0.6, 0.9, 0.7])),
        highest_education: pb::EducationLevel::Bachelor as i32,
        ..profile(&[
            ("leadership", 0.9),
            ("information_governance", 0.8),
            ("project_management", 0.8),
            ("quality_improvement", 0.7),
            ("communication", 0.8),
            ("revenue_cycle", 0.6),
        ])
    }
}

fn request(profile: pb::Profile) -> pb::RecommendRequest {
    pb::RecommendRequest {
        profile: Some(profile),
        ..Default::default()
    }
}

#[tokio::test]
async fn coding_profile_leads_to_medical_records_in_hospitals_or_offices() {
    let server = TestServer::start().await;
    let response = server
        .client()
        .recommend(request(coder()))
        .await
        .unwrap()
        .into_inner();
    let top_paths: Vec<&str> = response.career_paths[..2]
        .iter()
        .map(|c| c.soc_code.as_str())
        .collect();
    assert!(
        top_paths.contains(&"29-2072.00"),
        "top paths: {top_paths:?}"
    );
    let top_settings: Vec<&str> = response.work_settings[..3]
        .iter()
        .map(|s| s.setting_id.as_str())
        .collect();
    assert!(
        top_settings.contains(&"hospitals") || top_settings.contains(&"physician_offices"),
        "top settings: {top_settings:?}"
    );
    let mrs = response
        .career_paths
        .iter()
        .find(|c| c.soc_code == "29-2072.00")
        .unwrap();
    // Coding near the path's typical level is never told as a fault (a
    // reason measures a part against the path's reference person, so
    // coding at the level its people state neither raises nor lowers).
    assert!(!mrs
        .reasons
        .iter()
        .any(|r| r.factor == "skill:clinical_coding" && r.contribution < 0.0));
    server.stop().await;
}

#[tokio::test]
async fn management_profile_with_bachelors_leads_to_health_services_managers() {
    let server = TestServer::start().await;
    let response = server
        .client()
        .recommend(request(manager()))
        .await
        .unwrap()
        .into_inner();
    let top: Vec<&str> = response.career_paths[..2]
        .iter()
        .map(|c| c.soc_code.as_str())
        .collect();
    assert!(top.contains(&"11-9111.00"), "top paths: {top:?}");
}

#[tokio::test]
async fn hospital_setting_serves_bls_figures_for_medical_records_specialists() {
    let server = TestServer::start().await;
    let mut req = request(coder());
    req.max_work_settings = 50;
    let response = server.client().recommend(req).await.unwrap().into_inner();
    let hospitals = response
        .work_settings
        .iter()
        .find(|s| s.setting_id == "hospitals")
        .expect("hospitals ranked");
    assert_eq!(hospitals.naics_codes, ["622000"]);
    let cell = hospitals
        .staffing
        .iter()
        .find(|c| c.bls_soc_code == "29-2072" && c.naics_code == "622000")
        .expect("MRS in hospitals");
    assert_eq!(cell.employment, Some(55_530));
    assert_eq!(cell.wages.as_ref().unwrap().median, Some(59_120));
    // The setting's wages are those of the path it weighs most, one of
    // this person's two coding and records paths, as BLS gives them there.
    let wages = hospitals
        .staffing
        .iter()
        .find(|c| c.bls_soc_code == hospitals.wages_soc_code && c.naics_code == "622000")
        .expect("the wages' cell");
    assert!(["29-2072", "29-9021"].contains(&hospitals.wages_soc_code.as_str()));
    assert_eq!(hospitals.wages, wages.wages);
}

#[tokio::test]
async fn state_wages_appear_only_when_a_state_is_given() {
    let server = TestServer::start().await;
    let mut client = server.client();
    let national = client
        .recommend(request(coder()))
        .await
        .unwrap()
        .into_inner();
    assert!(national
        .career_paths
        .iter()
        .all(|c| c.state_wages.is_none()));
    let texan = pb::Profile {
        state: "TX".into(),
        ..coder()
    };
    let response = client.recommend(request(texan)).await.unwrap().into_inner();
    let mrs = response
        .career_paths
        .iter()
        .find(|c| c.soc_code == "29-2072.00")
        .unwrap();
    // BLS OEWS May 2025, Texas, Medical Records Specialists.
    assert!(mrs.state_wages.as_ref().unwrap().median.is_some());
    assert!(mrs.state_employment.is_some());
    // In Texas, or online and so open from it.
    assert!(response.programs[..5].iter().all(|p| {
        let program = p.program.as_ref().unwrap();
        program.state == "TX" || program.delivery_mode == pb::DeliveryMode::Online as i32
    }));
}

#[tokio::test]
async fn limits_are_honoured_and_items_sorted() {
    let server = TestServer::start().await;
    let req = pb::RecommendRequest {
        profile: Some(manager()),
        max_career_paths: 3,
        max_work_settings: 2,
        max_programs: 7,
        ..Default::default()
    };
    let response = server.client().recommend(req).await.unwrap().into_inner();
    assert_eq!(response.career_paths.len(), 3);
    assert_eq!(response.work_settings.len(), 2);
    assert_eq!(response.programs.len(), 7);
    let sorted = |scores: Vec<f64>| scores.windows(2).all(|w| w[0] >= w[1]);
    assert!(sorted(
        response.career_paths.iter().map(|c| c.score).collect()
    ));
    assert!(sorted(
        response.work_settings.iter().map(|c| c.score).collect()
    ));
    assert!(sorted(response.programs.iter().map(|p| p.score).collect()));
    assert!(!response.model_version.is_empty());
    assert_eq!(response.data_releases.len(), 6);
}

async fn violations(req: pb::RecommendRequest) -> Vec<String> {
    let server = TestServer::start().await;
    let status = server.client().recommend(req).await.unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
    common::violated_fields(&status)
}

#[tokio::test]
async fn unknown_skill_is_named() {
    let req = request(profile(&[("sql_database", 0.5)]));
    assert_eq!(violations(req).await, ["profile.skills[sql_database]"]);
}

#[tokio::test]
async fn skill_outside_unit_interval_or_not_finite_is_named() {
    let req = request(profile(&[
        ("sql_databases", 1.5),
        ("statistics", f64::NAN),
        ("programming", -0.1),
        ("research", f64::INFINITY),
    ]));
    assert_eq!(
        violations(req).await,
        [
            "profile.skills[programming]",
            "profile.skills[research]",
            "profile.skills[sql_databases]",
            "profile.skills[statistics]",
        ]
    );
}

#[tokio::test]
async fn unknown_state_is_named() {
    let req = request(pb::Profile {
        state: "XX".into(),
        ..coder()
    });
    assert_eq!(violations(req).await, ["profile.state"]);
}

#[tokio::test]
async fn limit_above_maximum_is_named() {
    let req = pb::RecommendRequest {
        profile: Some(coder()),
        max_programs: 101,
        ..Default::default()
    };
    assert_eq!(violations(req).await, ["max_programs"]);
}

#[tokio::test]
async fn missing_profile_is_named() {
    assert_eq!(
        violations(pb::RecommendRequest::default()).await,
        ["profile"]
    );
}

#[tokio::test]
async fn bad_interests_education_and_credentials_are_named() {
    let req = request(pb::Profile {
        interests: Some(interests([0.5, 2.0, 0.5, 0.5, 0.5, 0.5])),
        highest_education: 42,
        credentials: vec!["RHIT".into(), "NOPE".into()],
        ..coder()
    });
    assert_eq!(
        violations(req).await,
        [
            "profile.interests.investigative",
            "profile.highest_education",
            "profile.credentials[1]",
        ]
    );
}

#[tokio::test]
async fn bad_request_does_not_disturb_others() {
    let server = TestServer::start().await;
    let mut calls = Vec::new();
    for i in 0..20 {
        let mut client = server.client();
        calls.push(tokio::spawn(async move {
            let req = if i % 2 == 0 {
                request(coder())
            } else {
                request(profile(&[("clinical_coding", f64::NAN)]))
            };
            (i, client.recommend(req).await)
        }));
    }
    for call in calls {
        let (i, result) = call.await.unwrap();
        if i % 2 == 0 {
            assert_eq!(result.unwrap().into_inner().career_paths.len(), 5);
        } else {
            assert_eq!(result.unwrap_err().code(), Code::InvalidArgument);
        }
    }
}

#[tokio::test]
async fn health_answers_serving() {
    let server = TestServer::start().await;
    let mut health = HealthClient::new(server.channel.clone());
    for service in ["", "himrec.v1.Recommender", "himrec.v1.Catalog"] {
        let status = health
            .check(HealthCheckRequest {
                service: service.into(),
            })
            .await
            .unwrap()
            .into_inner()
            .status;
        assert_eq!(status, ServingStatus::Serving as i32, "service {service:?}");
    }
}

#[tokio::test]
async fn model_info_describes_the_served_model() {
    let server = TestServer::start().await;
    let info = server
        .client()
        .get_model_info(pb::GetModelInfoRequest {})
        .await
        .unwrap()
        .into_inner();
    assert_eq!(info.career_paths.len(), 14);
    assert!(info.career_paths.contains(&"29-2072.00".to_owned()));
    let methods: Vec<&str> = info.evaluations.iter().map(|e| e.method.as_str()).collect();
    assert_eq!(
        methods,
        [
            "model",
            "majority_class",
            "nearest_profile_cosine",
            "interest_profiler_cosine"
        ]
    );
    assert_eq!(info.data_sha256.len(), 64);
}

#[tokio::test]
async fn reflection_lists_the_services() {
    use tonic_reflection::pb::v1::server_reflection_request::MessageRequest;
    use tonic_reflection::pb::v1::server_reflection_response::MessageResponse;

    let server = TestServer::start().await;
    let response = reflect(&server, MessageRequest::ListServices(String::new())).await;
    let Some(MessageResponse::ListServicesResponse(list)) = response else {
        panic!("expected a service list");
    };
    let names: Vec<String> = list.service.into_iter().map(|s| s.name).collect();
    assert!(
        names.contains(&"himrec.v1.Recommender".to_owned()),
        "{names:?}"
    );
    assert!(
        names.contains(&"grpc.health.v1.Health".to_owned()),
        "{names:?}"
    );
    assert!(names.contains(&"himrec.v1.Catalog".to_owned()), "{names:?}");
}

/// Reflection's answer to one request.
async fn reflect(
    server: &TestServer,
    request: tonic_reflection::pb::v1::server_reflection_request::MessageRequest,
) -> Option<tonic_reflection::pb::v1::server_reflection_response::MessageResponse> {
    use tonic_reflection::pb::v1::server_reflection_client::ServerReflectionClient;
    use tonic_reflection::pb::v1::ServerReflectionRequest;

    let mut client = ServerReflectionClient::new(server.channel.clone());
    let request = ServerReflectionRequest {
        host: String::new(),
        message_request: Some(request),
    };
    let mut stream = client
        .server_reflection_info(tokio_stream::iter([request]))
        .await
        .unwrap()
        .into_inner();
    stream.message().await.unwrap().unwrap().message_response
}

/// The files reflection returns for `request`, decoded.
async fn reflected_files(
    server: &TestServer,
    request: tonic_reflection::pb::v1::server_reflection_request::MessageRequest,
) -> Vec<prost_types::FileDescriptorProto> {
    use prost::Message as _;
    use tonic_reflection::pb::v1::server_reflection_response::MessageResponse;

    match reflect(server, request).await {
        Some(MessageResponse::FileDescriptorResponse(files)) => files
            .file_descriptor_proto
            .iter()
            .map(|bytes| prost_types::FileDescriptorProto::decode(bytes.as_slice()).unwrap())
            .collect(),
        other => panic!("expected file descriptors, got {other:?}"),
    }
}

#[tokio::test]
async fn reflection_resolves_the_error_details_errors_carry() {
    use tonic_reflection::pb::v1::server_reflection_request::MessageRequest;

    let server = TestServer::start().await;
    // What a tool does with a status detail of type
    // `type.googleapis.com/google.rpc.BadRequest`.
    let files = reflected_files(
        &server,
        MessageRequest::FileContainingSymbol("google.rpc.BadRequest".into()),
    )
    .await;
    let file = files
        .iter()
        .find(|f| f.package() == "google.rpc")
        .expect("the google.rpc file");
    let bad_request = file
        .message_type
        .iter()
        .find(|m| m.name() == "BadRequest")
        .expect("BadRequest");
    let violation = bad_request
        .nested_type
        .iter()
        .find(|m| m.name() == "FieldViolation")
        .expect("BadRequest.FieldViolation");
    let fields: Vec<&str> = violation.field.iter().map(|f| f.name()).collect();
    assert!(
        fields.contains(&"field") && fields.contains(&"description"),
        "{fields:?}"
    );
    // Every file it imports resolves too, so the tool can build the type.
    for dependency in &file.dependency {
        let found =
            reflected_files(&server, MessageRequest::FileByFilename(dependency.clone())).await;
        assert!(found.iter().any(|f| f.name() == dependency), "{dependency}");
    }
}

#[tokio::test]
async fn oversized_request_is_refused_and_the_server_keeps_serving() {
    let server = TestServer::start().await;
    let mut client = server.client();
    let huge = "x".repeat(himrec::config::Limits::default().max_request_bytes + 1);
    let status = client
        .recommend(request(profile(&[(huge.as_str(), 0.5)])))
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::OutOfRange, "{status:?}");
    let response = client
        .recommend(request(coder()))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(response.career_paths.len(), 5);
}

fn profiler(scores: [u32; 6]) -> pb::InterestProfilerScores {
    pb::InterestProfilerScores {
        realistic: scores[0],
        investigative: scores[1],
        artistic: scores[2],
        social: scores[3],
        enterprising: scores[4],
        conventional: scores[5],
    }
}

#[tokio::test]
async fn interest_profiler_scores_count_as_their_share_of_forty() {
    let server = TestServer::start().await;
    let mut client = server.client();
    let from_profiler = pb::Profile {
        interests: None,
        interest_profiler: Some(profiler([8, 16, 4, 12, 8, 36])),
        ..coder()
    };
    let from_scores = pb::Profile {
        interests: Some(interests([0.2, 0.4, 0.1, 0.3, 0.2, 0.9])),
        ..coder()
    };
    let a = client
        .recommend(request(from_profiler))
        .await
        .unwrap()
        .into_inner();
    let b = client
        .recommend(request(from_scores))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(a, b);
}

#[tokio::test]
async fn interest_profiler_out_of_range_or_beside_interests_is_named() {
    let req = request(pb::Profile {
        interest_profiler: Some(profiler([8, 16, 4, 41, 8, 36])),
        ..coder()
    });
    assert_eq!(
        violations(req).await,
        [
            "profile.interest_profiler",
            "profile.interest_profiler.social"
        ]
    );
    let req = request(pb::Profile {
        interests: None,
        interest_profiler: Some(profiler([0, 0, 0, 0, 0, 40])),
        ..coder()
    });
    let server = TestServer::start().await;
    assert!(server.client().recommend(req).await.is_ok());
}

#[tokio::test]
async fn every_call_carries_a_request_id_back() {
    let server = TestServer::start().await;
    let mut client = server.client();
    let mut given = tonic::Request::new(request(coder()));
    given
        .metadata_mut()
        .insert("x-request-id", "admissions-42".parse().unwrap());
    let response = client.recommend(given).await.unwrap();
    assert_eq!(
        response.metadata().get("x-request-id").unwrap(),
        "admissions-42"
    );

    let first = client.recommend(request(coder())).await.unwrap();
    let second = client.recommend(request(coder())).await.unwrap();
    let id = |r: &tonic::Response<pb::RecommendResponse>| {
        r.metadata()
            .get("x-request-id")
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned()
    };
    assert!(id(&first).starts_with("hr-"), "{}", id(&first));
    assert_ne!(id(&first), id(&second));

    // Errors carry it too.
    let status = client
        .recommend(pb::RecommendRequest::default())
        .await
        .unwrap_err();
    assert!(status.metadata().get("x-request-id").is_some());
}
