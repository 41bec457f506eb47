//! Arbitrary requests, and arbitrary bytes sent as requests, are answered
//! with OK or a proper error, never a panic, and the server keeps serving.
//! (`fuzz/` holds the same check for cargo-fuzz.)

use crate::common;

use std::collections::HashMap;

use common::raw::Raw;
use common::{recommender, TestServer};
use himrec::grpc::RecommenderService;
use himrec::live::Live;
use himrec::pb;
use himrec::pb::recommender_server::Recommender as _;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use tonic::Code;

const SKILLS: &[&str] = &[
    "medical_terminology",
    "clinical_coding",
    "ehr_systems",
    "data_analytics",
    "privacy_compliance",
    "leadership",
    "statistics",
];

fn number() -> impl Strategy<Value = f64> {
    // Mostly valid, so that whole requests often are.
    prop_oneof![
        40 => 0.0..=1.0f64,
        1 => -2.0..2.0f64,
        1 => any::<f64>(),
        1 => Just(f64::NAN),
        1 => Just(f64::INFINITY),
        1 => Just(-0.0),
    ]
}

fn text(known: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![
        30 => proptest::sample::select(known).prop_map(str::to_owned),
        1 => ".{0,12}",
    ]
}

fn riasec() -> impl Strategy<Value = pb::RiasecScores> {
    proptest::array::uniform6(number()).prop_map(|v| pb::RiasecScores {
        realistic: v[0],
        investigative: v[1],
        artistic: v[2],
        social: v[3],
        enterprising: v[4],
        conventional: v[5],
    })
}

fn interest_profiler() -> impl Strategy<Value = pb::InterestProfilerScores> {
    proptest::array::uniform6(prop_oneof![20 => 0..=40u32, 1 => any::<u32>()]).prop_map(|v| {
        pb::InterestProfilerScores {
            realistic: v[0],
            investigative: v[1],
            artistic: v[2],
            social: v[3],
            enterprising: v[4],
            conventional: v[5],
        }
    })
}

fn profile() -> impl Strategy<Value = pb::Profile> {
    (
        proptest::collection::hash_map(text(SKILLS), number(), 0..6),
        proptest::option::of(riasec()),
        prop_oneof![20 => 0..8i32, 1 => any::<i32>()],
        proptest::collection::vec(text(&["RHIT", "CCS", "CTR", "PMP"]), 0..3),
        text(&["TX", "CA", "NY", "", "PR"]),
        proptest::option::weighted(0.1, interest_profiler()),
        prop_oneof![20 => 0..5i32, 1 => any::<i32>()],
        text(&[
            "",
            "",
            "",
            "29-2072.00",
            "43-3021.00",
            "29-1141.00",
            "15-0000.00",
        ]),
        proptest::option::weighted(0.1, prop_oneof![10 => 0.0..40.0f64, 1 => any::<f64>()]),
    )
        .prop_map(
            |(skills, interests, education, credentials, state, ip, goal, occupation, years)| {
                pb::Profile {
                    skills: skills.into_iter().collect::<HashMap<_, _>>(),
                    interests,
                    highest_education: education,
                    credentials,
                    state,
                    interest_profiler: ip,
                    goal,
                    current_occupation: occupation,
                    years_experience: years,
                }
            },
        )
}

fn request() -> impl Strategy<Value = pb::RecommendRequest> {
    (
        proptest::option::of(profile()),
        proptest::array::uniform3(prop_oneof![20 => 0..20u32, 1 => any::<u32>()]),
        proptest::option::of((any::<bool>(), any::<bool>())),
    )
        .prop_map(|(profile, limits, preferences)| pb::RecommendRequest {
            profile,
            max_career_paths: limits[0],
            max_work_settings: limits[1],
            max_programs: limits[2],
            // Deprecated, still honoured: both spellings are exercised.
            #[allow(deprecated)]
            program_preferences: preferences.map(|(a, o)| pb::ProgramPreferences {
                require_accreditation: a,
                online_only: o,
            }),
            program_filter: preferences.map(|(a, o)| pb::ProgramFilter {
                states: if a { vec!["TX".into()] } else { Vec::new() },
                credential_levels: if o { vec![2, 3] } else { Vec::new() },
                ..Default::default()
            }),
            // 3 names no view and must be refused.
            view: (limits[0] % 4) as i32,
            // Spoken, unspoken (English), malformed (refused).
            language: ["", "es", "es-MX", "fr", "e_s", "en-US"][(limits[1] % 6) as usize].into(),
            // Without a candidate loaded, only "" and "stable" are served.
            model_label: ["", "", "stable", "candidate", "canary"][(limits[2] % 5) as usize].into(),
        })
}

/// OK with finite scores (true), or INVALID_ARGUMENT naming fields (false).
fn check(answer: Result<tonic::Response<pb::RecommendResponse>, tonic::Status>) -> bool {
    match answer {
        Ok(response) => {
            let r = response.into_inner();
            let scores = r
                .career_paths
                .iter()
                .map(|c| c.score)
                .chain(r.work_settings.iter().map(|s| s.score))
                .chain(r.programs.iter().map(|p| p.score));
            for score in scores {
                assert!(score.is_finite(), "score {score}");
            }
            true
        }
        Err(status) => {
            assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
            assert!(!common::violated_fields(&status).is_empty());
            false
        }
    }
}

/// The service with the default limits, and a runtime to call it on.
fn in_process() -> (RecommenderService, tokio::runtime::Runtime) {
    let limits = himrec::config::Limits::default();
    let service = RecommenderService::new(
        Live::fixed(recommender()),
        limits.max_skills,
        limits.max_batch_items,
    );
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    (service, runtime)
}

fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

#[test]
fn arbitrary_requests_get_an_answer_or_field_violations() {
    let (service, runtime) = in_process();
    let mut runner = runner(1_000);
    let answered = std::cell::Cell::new([0usize; 2]);
    runner
        .run(&request(), |request| {
            let ok = check(runtime.block_on(service.recommend(tonic::Request::new(request))));
            let mut counts = answered.get();
            counts[usize::from(ok)] += 1;
            answered.set(counts);
            Ok(())
        })
        .unwrap();
    let [refused, ok] = answered.get();
    assert!(ok > 50 && refused > 50, "{ok} answered, {refused} refused");
}

#[test]
fn arbitrary_bytes_decoded_as_requests_get_an_answer_or_field_violations() {
    use prost::Message;
    let (service, runtime) = in_process();
    let mut runner = runner(2_000);
    runner
        .run(&proptest::collection::vec(any::<u8>(), 0..256), |bytes| {
            if let Ok(request) = pb::RecommendRequest::decode(bytes.as_slice()) {
                check(runtime.block_on(service.recommend(tonic::Request::new(request))));
            }
            Ok(())
        })
        .unwrap();
}

#[tokio::test]
async fn arbitrary_bytes_on_the_wire_are_answered_and_the_server_keeps_serving() {
    let server = TestServer::start().await;
    let mut grpc = tonic::client::Grpc::new(server.channel.clone());
    use proptest::strategy::ValueTree;
    let mut runner = TestRunner::deterministic();
    let strategy = proptest::collection::vec(any::<u8>(), 0..512);
    let payloads: Vec<Vec<u8>> = (0..300)
        .map(|_| strategy.new_tree(&mut runner).unwrap().current())
        .collect();
    for path in [
        "/himrec.v1.Recommender/Recommend",
        "/himrec.v1.Catalog/ListPrograms",
        "/himrec.v1.Catalog/GetProgram",
    ] {
        for bytes in &payloads {
            grpc.ready().await.unwrap();
            let answer = grpc
                .unary(
                    tonic::Request::new(bytes.clone()),
                    tonic::codegen::http::uri::PathAndQuery::from_static(path),
                    Raw,
                )
                .await;
            if let Err(status) = answer {
                // INTERNAL is gRPC's code for a message that does not decode.
                assert!(
                    matches!(
                        status.code(),
                        Code::InvalidArgument | Code::NotFound | Code::Internal
                    ),
                    "{path}: {status:?}"
                );
            }
        }
    }
    let still = server
        .client()
        .get_model_info(pb::GetModelInfoRequest {})
        .await;
    assert!(still.is_ok(), "the server still serves");
    server.stop().await;
}
