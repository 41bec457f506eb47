//! Shadow scoring: with `shadow.share` set, that share of the stable
//! model's Recommend answers is also scored by the candidate off the
//! caller's path, and the comparison (the one `himrec compare` prints)
//! appears in the Prometheus metrics and in Admin.GetShadowReport. At a
//! share of 0 nothing is compared; a full queue drops comparisons, never
//! calls; a promotion starts the comparison afresh.

use crate::common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::{scratch, with_key, TestServer};
use himrec::config::{Config, Role, Shadow};
use himrec::live::{Live, Sources};
use himrec::pb;
use himrec::pb::admin_client::AdminClient;
use himrec::pb::recommend_batch_response::Result as BatchResult;
use himrec::rank::compare::{comparable, Comparison};
use himrec::rank::QueryInput;
use himrec::server::ServeOptions;
use rand::{Rng, SeedableRng};

const CLIENT: &str = "hr_client_shadow";
const ADMIN: &str = "hr_admin_shadow";
const CANDIDATE: &str = "career-lr-candidate-shadow";

fn config(dir: &Path, share: f64, queue: usize) -> Config {
    Config {
        data: common::root().join("data"),
        model: common::root().join("models/career_model.json"),
        candidate_model: common::altered_model(dir, CANDIDATE, true),
        shadow: Shadow { share, queue },
        ..Config::default()
    }
}

async fn serve(config: &Config) -> (TestServer, Live) {
    config.validate().unwrap();
    let live = Live::load(Sources::from_config(config)).unwrap();
    let options = ServeOptions {
        api_keys: common::api_keys(&[
            ("platform", CLIENT, Role::Client),
            ("operator", ADMIN, Role::Admin),
        ]),
        ..ServeOptions::from(config)
    };
    (TestServer::serve_live(live.clone(), options).await, live)
}

/// `n` different requests, as a platform's applicants send them.
fn requests(n: usize) -> Vec<pb::RecommendRequest> {
    let skills = [
        "clinical_coding",
        "medical_terminology",
        "registry_abstraction",
        "data_analytics",
        "leadership",
        "revenue_cycle",
        "privacy_compliance",
        "ehr_systems",
    ];
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(22);
    (0..n)
        .map(|i| {
            let mut stated: Vec<(&str, f64)> = Vec::new();
            for skill in skills {
                if rng.gen_bool(0.4) {
                    stated.push((skill, rng.gen_range(0.1..=1.0)));
                }
            }
            let mut profile = common::profile(&stated);
            profile.state = ["TX", "CA", "NY", ""][i % 4].into();
            pb::RecommendRequest {
                profile: Some(profile),
                ..Default::default()
            }
        })
        .collect()
}

async fn report(server: &TestServer) -> pb::ShadowReport {
    AdminClient::new(server.channel.clone())
        .get_shadow_report(with_key(pb::ShadowReportRequest {}, ADMIN))
        .await
        .unwrap()
        .into_inner()
}

/// The report once `done` holds of it, within a minute.
async fn report_when(
    server: &TestServer,
    done: impl Fn(&pb::ShadowReport) -> bool,
) -> pb::ShadowReport {
    let start = Instant::now();
    loop {
        let report = report(server).await;
        if done(&report) || start.elapsed() > Duration::from_secs(60) {
            return report;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The metric lines that start with `name{` (or are `name value`).
fn lines<'a>(metrics: &'a str, name: &str) -> Vec<&'a str> {
    metrics
        .lines()
        .filter(|l| l.starts_with(&format!("{name}{{")) || l.starts_with(&format!("{name} ")))
        .collect()
}

fn value(line: &str) -> f64 {
    line.rsplit(' ').next().unwrap().parse().unwrap()
}

#[tokio::test]
async fn every_sampled_answer_is_compared_as_compare_would_and_exposed() {
    let dir = scratch("shadow-all");
    let (server, live) = serve(&config(&dir, 1.0, 4096)).await;
    let asked = requests(40);
    let mut client = server.client();
    for request in &asked {
        let answer = client
            .recommend(with_key(request.clone(), CLIENT))
            .await
            .unwrap()
            .into_inner();
        // The caller gets the stable answer, whatever the shadow does.
        assert_eq!(answer.model_label, "stable");
        assert_ne!(answer.model_version, CANDIDATE);
    }
    // One asking for the candidate is not a stable answer: not compared.
    let mut candidate = asked[0].clone();
    candidate.model_label = "candidate".into();
    client.recommend(with_key(candidate, CLIENT)).await.unwrap();
    let shown = report_when(&server, |r| r.compared >= 40).await;
    assert_eq!(shown.compared, 40);
    assert_eq!(shown.dropped, 0);
    assert_eq!(shown.share, 1.0);
    assert_eq!(shown.queue_capacity, 4096);
    assert_eq!(shown.candidate_model_version, CANDIDATE);
    assert!(shown.since.is_some());

    // The same comparison `himrec compare` makes of these requests.
    let snapshot = live.current();
    let (stable, other) = (
        snapshot.public(),
        &snapshot.candidate.as_ref().unwrap().public,
    );
    let mut expected = Comparison::default();
    for request in &asked {
        let query = QueryInput::from(request.clone())
            .check(stable.catalog(), 64)
            .unwrap();
        let query = comparable(query, stable.catalog().career_paths.len());
        expected.add(&stable.answer(&query), &other.answer(&query));
    }
    let close = |a: Option<f64>, b: f64| (a.unwrap() - b).abs() < 1e-9;
    assert!(close(
        shown.first_path_agreement,
        expected.first_path_agreement()
    ));
    assert!(close(shown.rank_correlation, expected.rank_correlation()));
    assert!(close(shown.mean_fit_change, expected.mean_fit_change()));
    assert!(close(shown.program_overlap, expected.program_overlap()));
    // A candidate this different moves first paths, and each move names
    // real paths by code and title.
    assert!(expected.first_path_agreement() < 1.0);
    let moves: Vec<u64> = shown.moves.iter().map(|m| m.answers).collect();
    let want: Vec<u64> = expected
        .moves_by_count()
        .iter()
        .map(|(_, n)| *n as u64)
        .collect();
    assert_eq!(moves, want);
    for m in &shown.moves {
        assert_ne!(m.stable_soc_code, m.candidate_soc_code);
        assert!(m.stable_title.len() > 5 && m.candidate_title.len() > 5);
    }

    // The metrics say the same, by model pair.
    let metrics = live.metrics().encode();
    let compared = lines(&metrics, "himrec_shadow_comparisons_total");
    assert_eq!(compared.len(), 1, "{metrics}");
    assert!(compared[0].contains(&format!("candidate_model=\"{CANDIDATE}\"")));
    assert_eq!(value(compared[0]), 40.0);
    let first: Vec<&str> = lines(&metrics, "himrec_shadow_first_paths_total");
    assert_eq!(first.iter().map(|l| value(l)).sum::<f64>(), 40.0);
    let same: f64 = first
        .iter()
        .filter(|l| {
            let code = |key: &str| l.split(key).nth(1).unwrap().split('"').next().unwrap();
            code("stable_path=\"") == code("candidate_path=\"")
        })
        .map(|l| value(l))
        .sum();
    assert!((same / 40.0 - expected.first_path_agreement()).abs() < 1e-9);
    for histogram in [
        "himrec_shadow_rank_correlation_count",
        "himrec_shadow_fit_change_count",
        "himrec_shadow_program_overlap_count",
    ] {
        let counted = lines(&metrics, histogram);
        assert_eq!(counted.len(), 1, "{histogram} in\n{metrics}");
        assert_eq!(value(counted[0]), 40.0);
    }
    let sum = lines(&metrics, "himrec_shadow_rank_correlation_sum");
    assert!((value(sum[0]) / 40.0 - expected.rank_correlation()).abs() < 1e-6);
    assert_eq!(
        value(lines(&metrics, "himrec_shadow_dropped_total")[0]),
        0.0
    );

    // A promotion swaps the models: the comparison of the new pair starts
    // from nothing.
    AdminClient::new(server.channel.clone())
        .promote(with_key(pb::PromoteRequest {}, ADMIN))
        .await
        .unwrap();
    let swapped = report(&server).await;
    assert_eq!(swapped.stable_model_version, CANDIDATE);
    assert_eq!(swapped.compared, 0);
    assert_eq!(swapped.since, None);
    assert_eq!(swapped.first_path_agreement, None);
    assert!(swapped.moves.is_empty());
    server.stop().await;
}

#[tokio::test]
async fn a_share_compares_exactly_that_share_and_none_at_zero() {
    let dir = scratch("shadow-share");
    let asked = requests(40);
    for (share, compared) in [(0.25, 10), (0.0, 0)] {
        let (server, live) = serve(&config(&dir, share, 1024)).await;
        let mut client = server.client();
        for request in &asked {
            client
                .recommend(with_key(request.clone(), CLIENT))
                .await
                .unwrap();
        }
        let shown = report_when(&server, |r| r.compared >= compared).await;
        assert_eq!(shown.share, share);
        assert_eq!(shown.compared, compared);
        let metrics = live.metrics().encode();
        let counted = lines(&metrics, "himrec_shadow_comparisons_total");
        if compared == 0 {
            // Off: not one comparison, nothing in the metrics but their
            // descriptions, and the report has no figures.
            assert!(counted.is_empty(), "{metrics}");
            assert!(lines(&metrics, "himrec_shadow_first_paths_total").is_empty());
            assert_eq!(shown.since, None);
            assert_eq!(shown.rank_correlation, None);
        } else {
            assert_eq!(value(counted[0]), compared as f64);
        }
        server.stop().await;
    }
}

// Four batch streams of short answers on both cores: the caller's side
// answers items faster than one worker, scheduled below it, can score each
// twice, so a queue of one fills.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_queue_drops_comparisons_and_never_a_call() {
    let dir = scratch("shadow-full");
    let (server, live) = serve(&config(&dir, 1.0, 1)).await;
    let asked = requests(100);
    let streams: Vec<_> = (0..4)
        .map(|stream| {
            let items: Vec<pb::RecommendBatchRequest> = asked
                .iter()
                .enumerate()
                .map(|(i, request)| pb::RecommendBatchRequest {
                    correlation_id: format!("{stream}-{i}"),
                    request: Some(pb::RecommendRequest {
                        view: pb::RecommendView::Basic as i32,
                        ..request.clone()
                    }),
                })
                .collect();
            let mut client = server.client();
            tokio::spawn(async move {
                let mut answers = client
                    .recommend_batch(with_key(tokio_stream::iter(items), CLIENT))
                    .await
                    .unwrap()
                    .into_inner();
                let mut answered = 0;
                while let Some(item) = answers.message().await.unwrap() {
                    match item.result.unwrap() {
                        BatchResult::Response(r) => assert_eq!(r.model_label, "stable"),
                        BatchResult::Error(e) => panic!("{e:?}"),
                    }
                    answered += 1;
                }
                answered
            })
        })
        .collect();
    for stream in streams {
        assert_eq!(stream.await.unwrap(), 100);
    }
    let shown = report_when(&server, |r| r.compared + r.dropped >= 400).await;
    assert_eq!(shown.compared + shown.dropped, 400);
    assert!(shown.dropped > 0, "{shown:?}");
    assert!(shown.compared > 0, "{shown:?}");
    let metrics = live.metrics().encode();
    assert_eq!(
        value(lines(&metrics, "himrec_shadow_dropped_total")[0]),
        shown.dropped as f64
    );
    server.stop().await;
}

#[tokio::test]
async fn the_report_needs_an_admin_key() {
    let dir = scratch("shadow-admin");
    let (server, _live) = serve(&config(&dir, 0.5, 16)).await;
    let refused = AdminClient::new(server.channel.clone())
        .get_shadow_report(with_key(pb::ShadowReportRequest {}, CLIENT))
        .await
        .unwrap_err();
    assert_eq!(refused.code(), tonic::Code::PermissionDenied);
    server.stop().await;
}
