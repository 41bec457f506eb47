//! Hot reload: a new model and catalog swapped in while calls are served,
//! through the authenticated Admin service; a bad reload changes nothing.

use crate::common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use common::{interests, profile, root, scratch, with_key, TestServer};
use himrec::config::{ApiKey, Role};
use himrec::live::{Live, Sources};
use himrec::pb;
use himrec::pb::admin_client::AdminClient;
use himrec::pb::recommender_server::Recommender as _;
use himrec::server::ServeOptions;
use himrec::training::train::{train, TrainConfig};
use tonic::Code;

const CLIENT_TOKEN: &str = "hr_client_token_for_tests";
const ADMIN_TOKEN: &str = "hr_admin_token_for_tests";

fn keys() -> Vec<ApiKey> {
    common::api_keys(&[
        ("platform", CLIENT_TOKEN, Role::Client),
        ("operator", ADMIN_TOKEN, Role::Admin),
    ])
}

/// Profiles different enough that their answers differ between versions.
fn profiles() -> Vec<pb::RecommendRequest> {
    let people = [
        profile(&[("clinical_coding", 0.9), ("medical_terminology", 0.8)]),
        pb::Profile {
            interests: Some(interests([0.1, 0.8, 0.2, 0.3, 0.4, 0.6])),
            ..profile(&[("data_analytics", 0.9), ("ehr_systems", 0.7)])
        },
        pb::Profile {
            state: "TX".into(),
            highest_education: pb::EducationLevel::Bachelor as i32,
            ..profile(&[("privacy_compliance", 0.8), ("leadership", 0.7)])
        },
    ];
    people
        .into_iter()
        .map(|p| pb::RecommendRequest {
            profile: Some(p),
            ..Default::default()
        })
        .collect()
}

/// Version A: the committed model and a one-row overlay. Version B: a
/// small model trained here and the full test overlay.
struct Versions {
    model_a: PathBuf,
    model_b: PathBuf,
    overlay_a: PathBuf,
    overlay_b: PathBuf,
}

fn versions(dir: &Path) -> Versions {
    let data = root().join("data");
    let catalog = himrec::catalog::Catalog::load(&data).unwrap();
    let small = TrainConfig {
        seed: 7,
        rows: 3_000,
        max_iterations: 100,
        ..TrainConfig::default()
    };
    let model_b = dir.join("model_b.json");
    train(&catalog, &data, small)
        .unwrap()
        .save(&model_b)
        .unwrap();
    let model_a = dir.join("model_a.json");
    std::fs::copy(root().join("models/career_model.json"), &model_a).unwrap();
    let full = std::fs::read_to_string(root().join("tests/fixtures/overlay.csv")).unwrap();
    let one_row: String = full.lines().take(2).map(|l| format!("{l}\n")).collect();
    let overlay_a = dir.join("overlay_a.csv");
    let overlay_b = dir.join("overlay_b.csv");
    std::fs::write(&overlay_a, one_row).unwrap();
    std::fs::write(&overlay_b, full).unwrap();
    Versions {
        model_a,
        model_b,
        overlay_a,
        overlay_b,
    }
}

/// Puts a version's files where the server reads them, each by an atomic
/// rename, as an operator should.
fn install(dir: &Path, model: &Path, overlay: &Path) {
    for (from, to) in [(model, "model.json"), (overlay, "overlay.csv")] {
        let tmp = dir.join(format!("{to}.tmp"));
        std::fs::copy(from, &tmp).unwrap();
        std::fs::rename(&tmp, dir.join(to)).unwrap();
    }
}

fn sources(dir: &Path) -> Sources {
    Sources {
        data: root().join("data"),
        model: dir.join("model.json"),
        candidate: None,
        overlay: Some(dir.join("overlay.csv")),
        tenants: Vec::new(),
    }
}

/// Every profile's full answer from the files now installed.
async fn answers(dir: &Path) -> Vec<pb::RecommendResponse> {
    let limits = himrec::config::Limits::default();
    let live = Live::load(sources(dir)).unwrap();
    let service =
        himrec::grpc::RecommenderService::new(live, limits.max_skills, limits.max_batch_items);
    let mut out = Vec::new();
    for request in profiles() {
        let response = service.recommend(tonic::Request::new(request)).await;
        out.push(response.unwrap().into_inner());
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reloads_under_load_fail_no_call_and_mix_no_versions() {
    let dir = scratch("reload");
    let v = versions(&dir);
    install(&dir, &v.model_b, &v.overlay_b);
    let expected_b = answers(&dir).await;
    install(&dir, &v.model_a, &v.overlay_a);
    let expected_a = answers(&dir).await;
    assert_ne!(expected_a[0].model_version, expected_b[0].model_version);
    let expected: HashMap<String, Vec<pb::RecommendResponse>> = [
        (expected_a[0].model_version.clone(), expected_a),
        (expected_b[0].model_version.clone(), expected_b),
    ]
    .into();
    let expected = Arc::new(expected);

    let live = Live::load(sources(&dir)).unwrap();
    let options = ServeOptions {
        api_keys: keys(),
        ..ServeOptions::default()
    };
    let server = TestServer::serve_live(live.clone(), options).await;
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut callers = Vec::new();
    for caller in 0..4 {
        let mut client = server.client();
        let expected = expected.clone();
        let stop = stop.clone();
        callers.push(tokio::spawn(async move {
            let requests = profiles();
            let mut seen: HashMap<String, usize> = HashMap::new();
            let mut i = caller;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let k = i % requests.len();
                let response = client
                    .recommend(with_key(requests[k].clone(), CLIENT_TOKEN))
                    .await
                    .unwrap_or_else(|status| panic!("a call failed during reloads: {status:?}"))
                    .into_inner();
                let whole = expected
                    .get(&response.model_version)
                    .unwrap_or_else(|| panic!("unknown version {}", response.model_version));
                assert!(
                    whole[k] == response,
                    "a response mixes versions (model {})",
                    response.model_version
                );
                *seen.entry(response.model_version).or_default() += 1;
                i += 1;
            }
            seen
        }));
    }

    let mut admin = AdminClient::new(server.channel.clone());
    let reloads = 12;
    for n in 0..reloads {
        let (model, overlay) = if n % 2 == 0 {
            (&v.model_b, &v.overlay_b)
        } else {
            (&v.model_a, &v.overlay_a)
        };
        install(&dir, model, overlay);
        let answer = admin
            .reload(with_key(pb::ReloadRequest {}, ADMIN_TOKEN))
            .await
            .expect("reload succeeds")
            .into_inner();
        assert_eq!(answer.generation, n + 2);
        tokio::time::sleep(Duration::from_millis(30)).await;
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let mut total: HashMap<String, usize> = HashMap::new();
    for caller in callers {
        for (version, n) in caller.await.unwrap() {
            *total.entry(version).or_default() += n;
        }
    }
    assert_eq!(total.len(), 2, "both versions served: {total:?}");
    println!("responses by version: {total:?}");
    let metrics = live.metrics().encode();
    assert!(
        metrics.contains(&format!(
            "himrec_reloads_total{{outcome=\"success\"}} {reloads}"
        )),
        "{metrics}"
    );
    server.stop().await;
}

#[tokio::test]
async fn a_failed_reload_keeps_the_old_version_and_says_why() {
    let dir = scratch("reload-bad");
    install(
        &dir,
        &root().join("models/career_model.json"),
        &root().join("tests/fixtures/overlay.csv"),
    );
    let live = Live::load(sources(&dir)).unwrap();
    let options = ServeOptions {
        api_keys: keys(),
        ..ServeOptions::default()
    };
    let server = TestServer::serve_live(live.clone(), options).await;
    let before = server
        .client()
        .get_model_info(with_key(pb::GetModelInfoRequest {}, CLIENT_TOKEN))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(before.generation, 1);
    assert!(before.loaded_at.is_some());

    std::fs::write(dir.join("model.json"), "{ not a model").unwrap();
    let mut admin = AdminClient::new(server.channel.clone());
    let err = admin
        .reload(with_key(pb::ReloadRequest {}, ADMIN_TOKEN))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::FailedPrecondition);
    assert!(err.message().contains("model.json"), "{}", err.message());

    std::fs::copy(
        root().join("tests/fixtures/overlay_bad.csv"),
        dir.join("overlay.csv"),
    )
    .unwrap();
    std::fs::copy(
        root().join("models/career_model.json"),
        dir.join("model.json"),
    )
    .unwrap();
    let err = admin
        .reload(with_key(pb::ReloadRequest {}, ADMIN_TOKEN))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::FailedPrecondition);
    assert!(
        err.message().contains("overlay.csv") && err.message().contains("line 2:"),
        "{}",
        err.message()
    );

    let after = server
        .client()
        .get_model_info(with_key(pb::GetModelInfoRequest {}, CLIENT_TOKEN))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(after.generation, 1);
    assert_eq!(after.loaded_at, before.loaded_at);
    let answer = server
        .client()
        .recommend(with_key(profiles()[0].clone(), CLIENT_TOKEN))
        .await;
    assert!(answer.is_ok(), "still serving after failed reloads");
    assert!(live
        .metrics()
        .encode()
        .contains("himrec_reloads_total{outcome=\"failure\"} 2"));
    server.stop().await;
}

#[tokio::test]
async fn reloading_needs_an_admin_key() {
    let dir = scratch("reload-auth");
    install(
        &dir,
        &root().join("models/career_model.json"),
        &root().join("tests/fixtures/overlay.csv"),
    );
    let options = ServeOptions {
        api_keys: keys(),
        ..ServeOptions::default()
    };
    let server = TestServer::serve_live(Live::load(sources(&dir)).unwrap(), options).await;
    let mut admin = AdminClient::new(server.channel.clone());
    let none = admin.reload(pb::ReloadRequest {}).await.unwrap_err();
    assert_eq!(none.code(), Code::Unauthenticated);
    let client = admin
        .reload(with_key(pb::ReloadRequest {}, CLIENT_TOKEN))
        .await
        .unwrap_err();
    assert_eq!(client.code(), Code::PermissionDenied);
    server.stop().await;

    // With no keys configured, client calls are open and admin calls shut.
    let server =
        TestServer::serve_live(Live::load(sources(&dir)).unwrap(), ServeOptions::default()).await;
    let mut admin = AdminClient::new(server.channel.clone());
    let err = admin
        .reload(with_key(pb::ReloadRequest {}, ADMIN_TOKEN))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::PermissionDenied);
    assert!(server
        .client()
        .recommend(profiles()[0].clone())
        .await
        .is_ok());
    server.stop().await;
}
