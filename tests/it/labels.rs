//! Model labels: a `stable` and a `candidate` model on one catalog, calls
//! on stable unless their tenant is pinned to a label or the request asks
//! for one, both listed by GetModelInfo, and Admin.Promote / Admin.Demote
//! swapping them at once. A candidate that does not load fails the load
//! (start or reload) naming it, and a reload that fails keeps both serving.

use crate::common;

use std::path::Path;

use common::{scratch, with_key, TestServer};
use himrec::config::{ApiKey, Config, Role, Tenant};
use himrec::live::{Live, Sources};
use himrec::pb;
use himrec::pb::admin_client::AdminClient;
use himrec::server::{token_sha256, ServeOptions};
use tonic::Code;

const VALLEY: &str = "hr_valley_labels";
const HILL: &str = "hr_hill_labels";
const ADMIN: &str = "hr_admin_labels";
const CANDIDATE: &str = "career-lr-candidate-labels";

/// Two tenants, valley pinned to the candidate (the committed model with
/// its weights negated, so its answers differ).
fn config(dir: &Path) -> Config {
    let tenant = |name: &str, label: &str| Tenant {
        name: name.into(),
        unitids: vec![if name == "valley" { 156392 } else { 191986 }],
        keys: vec![format!("{name}-web")],
        model_label: label.into(),
        ..Tenant::default()
    };
    Config {
        data: common::root().join("data"),
        model: common::root().join("models/career_model.json"),
        candidate_model: common::altered_model(dir, CANDIDATE, false),
        tenants: vec![tenant("valley", "candidate"), tenant("hill", "")],
        ..Config::default()
    }
}

fn keys() -> Vec<ApiKey> {
    common::api_keys(&[
        ("valley-web", VALLEY, Role::Client),
        ("hill-web", HILL, Role::Client),
        ("operator", ADMIN, Role::Admin),
    ])
}

async fn serve(config: &Config) -> (TestServer, Live) {
    let live = Live::load(Sources::from_config(config)).unwrap();
    let options = ServeOptions {
        api_keys: keys(),
        tenants: config.tenants.clone(),
        ..ServeOptions::default()
    };
    (TestServer::serve_live(live.clone(), options).await, live)
}

fn request(label: &str) -> pb::RecommendRequest {
    pb::RecommendRequest {
        profile: Some(common::profile(&[("clinical_coding", 0.8)])),
        model_label: label.into(),
        ..Default::default()
    }
}

async fn recommend(
    server: &TestServer,
    token: &str,
    label: &str,
) -> Result<pb::RecommendResponse, tonic::Status> {
    server
        .client()
        .recommend(with_key(request(label), token))
        .await
        .map(tonic::Response::into_inner)
}

#[tokio::test]
async fn calls_use_stable_unless_pinned_or_asked_and_promotion_swaps_at_once() {
    let dir = scratch("labels");
    let (server, _live) = serve(&config(&dir)).await;
    let stable = server
        .client()
        .get_model_info(with_key(pb::GetModelInfoRequest {}, HILL))
        .await
        .unwrap()
        .into_inner();
    let labels: Vec<(&str, &str)> = stable
        .models
        .iter()
        .map(|m| (m.label.as_str(), m.model_version.as_str()))
        .collect();
    let stable_version = stable.model_version.clone();
    assert_eq!(
        labels,
        [
            ("stable", stable_version.as_str()),
            ("candidate", CANDIDATE)
        ]
    );
    assert!(stable.models.iter().all(|m| !m.evaluations.is_empty()));
    assert!(!stable.promoted);

    // Who gets which: hill on stable, valley pinned to the candidate,
    // either overridden by the request.
    let version = |r: &pb::RecommendResponse| (r.model_label.clone(), r.model_version.clone());
    let hill = recommend(&server, HILL, "").await.unwrap();
    let valley = recommend(&server, VALLEY, "").await.unwrap();
    assert_eq!(version(&hill), ("stable".into(), stable_version.clone()));
    assert_eq!(version(&valley), ("candidate".into(), CANDIDATE.into()));
    let asked = recommend(&server, HILL, "candidate").await.unwrap();
    assert_eq!(version(&asked), ("candidate".into(), CANDIDATE.into()));
    let back = recommend(&server, VALLEY, "stable").await.unwrap();
    assert_eq!(version(&back), ("stable".into(), stable_version.clone()));
    let shares = |r: &pb::RecommendResponse| -> Vec<f64> {
        r.career_paths.iter().map(|c| c.share).collect()
    };
    assert_ne!(
        shares(&hill),
        shares(&asked),
        "the candidate scores otherwise"
    );

    let refused = recommend(&server, HILL, "canary").await.unwrap_err();
    assert_eq!(refused.code(), Code::InvalidArgument);
    assert_eq!(common::violated_fields(&refused), ["model_label"]);

    // Promotion needs the admin key, swaps both at once, and demotion puts
    // them back; neither can happen twice.
    let mut admin = AdminClient::new(server.channel.clone());
    let denied = admin
        .promote(with_key(pb::PromoteRequest {}, HILL))
        .await
        .unwrap_err();
    assert_eq!(denied.code(), Code::PermissionDenied);
    let promoted = admin
        .promote(with_key(pb::PromoteRequest {}, ADMIN))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(promoted.stable_model_version, CANDIDATE);
    assert_eq!(promoted.candidate_model_version, stable_version);
    assert!(promoted.promoted);
    // The generation counts promotions and demotions as it counts reloads
    // (admin.proto, GetModelInfo's generation): one more for each that
    // succeeds, none for one refused.
    assert_eq!(promoted.generation, stable.generation + 1);
    let hill = recommend(&server, HILL, "").await.unwrap();
    assert_eq!(version(&hill), ("stable".into(), CANDIDATE.into()));
    let valley = recommend(&server, VALLEY, "").await.unwrap();
    assert_eq!(
        version(&valley),
        ("candidate".into(), stable_version.clone())
    );
    let again = admin
        .promote(with_key(pb::PromoteRequest {}, ADMIN))
        .await
        .unwrap_err();
    assert_eq!(again.code(), Code::FailedPrecondition);

    let demoted = admin
        .demote(with_key(pb::DemoteRequest {}, ADMIN))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(demoted.stable_model_version, stable_version);
    assert!(!demoted.promoted);
    assert_eq!(demoted.generation, promoted.generation + 1);
    let hill = recommend(&server, HILL, "").await.unwrap();
    assert_eq!(version(&hill), ("stable".into(), stable_version));
    let twice = admin
        .demote(with_key(pb::DemoteRequest {}, ADMIN))
        .await
        .unwrap_err();
    assert_eq!(twice.code(), Code::FailedPrecondition);
}

#[tokio::test]
async fn without_a_candidate_the_label_is_refused_and_promotion_has_nothing_to_do() {
    let server = TestServer::serve_live(
        Live::fixed(common::recommender()),
        ServeOptions {
            api_keys: keys(),
            ..ServeOptions::default()
        },
    )
    .await;
    let refused = recommend(&server, HILL, "candidate").await.unwrap_err();
    assert_eq!(refused.code(), Code::InvalidArgument);
    assert_eq!(common::violated_fields(&refused), ["model_label"]);
    assert!(
        refused.message().contains("model_label"),
        "{}",
        refused.message()
    );
    let stable = recommend(&server, HILL, "stable").await.unwrap();
    assert_eq!(stable.model_label, "stable");

    let mut admin = AdminClient::new(server.channel.clone());
    let nothing = admin
        .promote(with_key(pb::PromoteRequest {}, ADMIN))
        .await
        .unwrap_err();
    assert_eq!(nothing.code(), Code::FailedPrecondition);
    assert!(
        nothing.message().contains("no candidate"),
        "{}",
        nothing.message()
    );
}

#[tokio::test]
async fn a_candidate_that_does_not_load_fails_the_load_and_a_reload_keeps_both() {
    let dir = scratch("labels-bad");
    let mut config = config(&dir);
    let good = config.candidate_model.clone();
    config.candidate_model = dir.join("missing.json");
    let err = Live::load(Sources::from_config(&config)).unwrap_err();
    assert!(err.to_string().starts_with("candidate model:"), "{err}");
    assert!(err.to_string().contains("missing.json"), "{err}");

    // Loaded with a good candidate, then the file breaks: the reload
    // fails and both models keep serving.
    config.candidate_model = good.clone();
    let (server, live) = serve(&config).await;
    std::fs::write(&good, "{ not a model").unwrap();
    let failed = live.reload().await.unwrap_err();
    assert!(
        failed.to_string().starts_with("candidate model:"),
        "{failed}"
    );
    let valley = recommend(&server, VALLEY, "").await.unwrap();
    assert_eq!(valley.model_version, CANDIDATE);

    // A tenant pinned to a candidate that is not configured is a
    // configuration error naming the setting.
    let text = format!(
        "[[auth.keys]]\nname = \"v\"\nsha256 = \"{}\"\n\n[[tenants]]\nname = \"valley\"\nunitids = [156392]\nkeys = [\"v\"]\nmodel_label = \"candidate\"\n",
        token_sha256(VALLEY)
    );
    let err = Config::from_toml(&text, "himrec.toml", &[]).unwrap_err();
    assert!(err.to_string().contains("tenants[0].model_label"), "{err}");
}
