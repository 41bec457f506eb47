//! Recorded answers: the README's example and 100 seeded random requests
//! (with the overlay fixture, so delivery and accreditation preferences
//! have programs to act on), plus refused requests and catalog pages, each
//! answered by a real server. Every answer is kept twice: as text a
//! reviewer reads (`render`: each list's order, scores, reasons and steps),
//! in insta snapshots under `tests/it/snapshots/`, so a change shows its
//! diff; and as the SHA-256 of its canonical JSON in
//! `tests/fixtures/answers.sha256`, so a change to any other field of any
//! answer fails here too.
//!
//! A change meant to alter answers records both again with
//! `INSTA_UPDATE=always HIMREC_RECORD_ANSWERS=1 cargo test --test it
//! answers::`, and says why in its commit.

// The recorded requests use `program_preferences`, deprecated but still
// honoured: its answers must not change either.
#![allow(deprecated)]

mod render;

use crate::common;

use std::fmt::Write as _;

use render::Render;

use himrec::live::{Live, Sources};
use himrec::pb;
use himrec::pb::catalog_client::CatalogClient;
use himrec::server::ServeOptions;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use sha2::{Digest, Sha256};
use tonic_types::StatusExt;

const RECORD: &str = "tests/fixtures/answers.sha256";

/// The states random requests draw from; "" is no state.
const STATES: [&str; 8] = ["", "", "TX", "CA", "NY", "WY", "PR", "DC"];

fn random_request(
    skill_ids: &[String],
    credentials: &[String],
    rng: &mut impl Rng,
) -> pb::RecommendRequest {
    let mut profile = pb::Profile::default();
    for id in skill_ids {
        if rng.gen_bool(0.4) {
            let level = if rng.gen_bool(0.3) {
                f64::from(rng.gen_range(0..=10u8)) / 10.0
            } else {
                rng.gen_range(0.0..=1.0)
            };
            profile.skills.insert(id.clone(), level);
        }
    }
    match rng.gen_range(0..3) {
        0 => {
            let s: [f64; 6] = [0; 6].map(|_| rng.gen_range(0.0..=1.0));
            profile.interests = Some(common::interests(s));
        }
        1 => {
            let s: [u32; 6] = [0; 6].map(|_| rng.gen_range(0..=40));
            profile.interest_profiler = Some(pb::InterestProfilerScores {
                realistic: s[0],
                investigative: s[1],
                artistic: s[2],
                social: s[3],
                enterprising: s[4],
                conventional: s[5],
            });
        }
        _ => {}
    }
    profile.highest_education = rng.gen_range(0..=10);
    let held = rng.gen_range(0..=2);
    profile.credentials = credentials.choose_multiple(rng, held).cloned().collect();
    profile.state = (*STATES.choose(rng).unwrap()).to_owned();
    let mut limit = |max: u32| {
        if rng.gen_bool(0.5) {
            0
        } else {
            rng.gen_range(1..=max)
        }
    };
    let (max_career_paths, max_work_settings, max_programs) = (limit(8), limit(12), limit(100));
    let program_preferences = match rng.gen_range(0..6) {
        0 => Some(pb::ProgramPreferences {
            require_accreditation: true,
            online_only: false,
        }),
        1 => Some(pb::ProgramPreferences {
            require_accreditation: false,
            online_only: true,
        }),
        _ => None,
    };
    pb::RecommendRequest {
        profile: Some(profile),
        max_career_paths,
        max_work_settings,
        max_programs,
        program_preferences,
        program_filter: None,
        view: 0,
        language: ["", "", "", "es", "es-MX", "fr"][rng.gen_range(0..6)].into(),
        model_label: String::new(),
    }
}

/// Requests that must be refused, one fault or several each.
fn refused_requests() -> Vec<pb::RecommendRequest> {
    let bad_profile = |edit: fn(&mut pb::Profile)| {
        let mut profile = common::profile(&[("clinical_coding", 0.8)]);
        edit(&mut profile);
        pb::RecommendRequest {
            profile: Some(profile),
            ..Default::default()
        }
    };
    let too_many_skills = pb::RecommendRequest {
        profile: Some(pb::Profile {
            skills: (0..300).map(|i| (format!("skill_{i}"), 0.5)).collect(),
            ..Default::default()
        }),
        ..Default::default()
    };
    vec![
        pb::RecommendRequest::default(),
        pb::RecommendRequest {
            max_career_paths: 51,
            max_programs: 101,
            ..Default::default()
        },
        bad_profile(|p| {
            p.skills.insert("juggling".into(), 0.5);
        }),
        bad_profile(|p| {
            p.skills.insert("sql_databases".into(), 1.5);
            p.skills.insert("statistics".into(), f64::NAN);
        }),
        bad_profile(|p| p.interests = Some(common::interests([0.1, 2.0, 0.0, 0.0, -1.0, 0.5]))),
        bad_profile(|p| {
            p.interests = Some(common::interests([0.5; 6]));
            p.interest_profiler = Some(pb::InterestProfilerScores {
                realistic: 41,
                ..Default::default()
            });
        }),
        bad_profile(|p| p.highest_education = 42),
        bad_profile(|p| p.credentials = vec!["RHIT".into(), "XYZ".into()]),
        bad_profile(|p| p.credentials = vec!["RHIT".into(); 40]),
        bad_profile(|p| p.state = "Texas".into()),
        pb::RecommendRequest {
            profile: Some(common::profile(&[("clinical_coding", 0.8)])),
            language: "es_MX".into(),
            ..Default::default()
        },
        too_many_skills,
    ]
}

fn catalog_requests() -> Vec<pb::ListProgramsRequest> {
    vec![
        pb::ListProgramsRequest::default(),
        pb::ListProgramsRequest {
            page_size: 7,
            states: vec!["TX".into(), "ca".into()],
            credential_levels: vec![2, 3],
            ..Default::default()
        },
        pb::ListProgramsRequest {
            page_size: 20,
            min_median_earnings: Some(40_000),
            max_median_debt: Some(15_000),
            name_contains: "college".into(),
            controls: vec![pb::Control::Public as i32],
            ..Default::default()
        },
        pb::ListProgramsRequest {
            delivery_modes: vec![pb::DeliveryMode::Online as i32],
            accreditations: vec![pb::Accreditation::Accredited as i32],
            ..Default::default()
        },
        pb::ListProgramsRequest {
            page_size: 501,
            credential_levels: vec![9],
            controls: vec![17],
            ..Default::default()
        },
    ]
}

/// SHA-256 of an answer's canonical JSON (keys sorted, floats exact).
fn digest<T: serde::Serialize>(answer: &T) -> String {
    let value = serde_json::to_value(answer).unwrap();
    if let Some(dir) = std::env::var_os("HIMREC_ANSWERS_DUMP") {
        // One file per answer, numbered in call order, to diff two runs.
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let text = serde_json::to_string_pretty(&value).unwrap();
        std::fs::write(
            std::path::Path::new(&dir).join(format!("{n:03}.json")),
            text,
        )
        .unwrap();
    }
    let hash = Sha256::digest(value.to_string().as_bytes());
    hash.iter().fold(String::new(), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

/// What a client sees of a refusal.
#[derive(serde::Serialize)]
pub(crate) struct Refusal {
    code: i32,
    message: String,
    fields: Vec<String>,
}

fn refusal(status: &tonic::Status) -> Refusal {
    Refusal {
        code: status.code() as i32,
        message: status.message().to_owned(),
        fields: status
            .get_details_bad_request()
            .map(|b| b.field_violations.into_iter().map(|v| v.field).collect())
            .unwrap_or_default(),
    }
}

/// One recorded answer: its name, the hash of its JSON and its text.
struct Recorded {
    name: String,
    hash: String,
    text: String,
}

fn recorded<T: serde::Serialize + Render>(name: impl Into<String>, answer: &T) -> Recorded {
    let mut text = String::new();
    answer.render(&mut text);
    Recorded {
        name: name.into(),
        hash: digest(answer),
        text,
    }
}

fn outcome<T: serde::Serialize + Render>(
    name: impl Into<String>,
    result: Result<tonic::Response<T>, tonic::Status>,
) -> Recorded {
    match result {
        Ok(response) => recorded(name, response.get_ref()),
        Err(status) => recorded(name, &refusal(&status)),
    }
}

async fn answers() -> Vec<Recorded> {
    let root = common::root();
    let live = Live::load(Sources {
        data: root.join("data"),
        model: root.join("models/career_model.json"),
        candidate: None,
        overlay: Some(root.join("tests/fixtures/overlay.csv")),
        tenants: Vec::new(),
    })
    .unwrap();
    let options = ServeOptions {
        page_token_secret: "recorded answers".into(),
        ..ServeOptions::default()
    };
    let server = common::TestServer::serve_live(live, options).await;
    let mut client = server.client();
    let mut catalog = CatalogClient::new(server.channel.clone());
    let mut out = Vec::new();

    let example = himrec::client::read_profile_file(&root.join("examples/profile.json")).unwrap();
    let request = pb::RecommendRequest {
        profile: Some(example),
        ..Default::default()
    };
    out.push(outcome(
        "readme-example",
        client.recommend(request.clone()).await,
    ));
    let spanish = pb::RecommendRequest {
        language: "es".into(),
        ..request
    };
    out.push(outcome(
        "readme-example-es",
        client.recommend(spanish).await,
    ));

    let skills = catalog.list_skills(pb::ListSkillsRequest {}).await.unwrap();
    let skill_ids: Vec<String> = skills
        .get_ref()
        .skills
        .iter()
        .map(|s| s.id.clone())
        .collect();
    let credentials: Vec<String> = [
        "RHIA", "RHIT", "CCS", "CCA", "CPC", "CDIP", "CHDA", "CTR", "CPHIMS", "PMP",
    ]
    .map(String::from)
    .to_vec();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(20261125);
    let mut batch = Vec::new();
    for i in 0..100 {
        let request = random_request(&skill_ids, &credentials, &mut rng);
        if i % 10 == 0 {
            batch.push(pb::RecommendBatchRequest {
                correlation_id: format!("b{i}"),
                request: Some(request.clone()),
            });
        }
        out.push(outcome(
            format!("random-{i}"),
            client.recommend(request).await,
        ));
    }
    for (i, request) in refused_requests().into_iter().enumerate() {
        batch.push(pb::RecommendBatchRequest {
            correlation_id: format!("r{i}"),
            request: Some(request.clone()),
        });
        out.push(outcome(
            format!("refused-{i}"),
            client.recommend(request).await,
        ));
    }
    let mut stream = client
        .recommend_batch(tokio_stream::iter(batch))
        .await
        .unwrap()
        .into_inner();
    while let Some(item) = stream.message().await.unwrap() {
        out.push(recorded(format!("batch-{}", item.correlation_id), &item));
    }

    out.push(recorded("skills", skills.get_ref()));
    let paths = catalog
        .list_career_paths(pb::ListCareerPathsRequest::default())
        .await;
    out.push(outcome("career-paths", paths));
    let settings = catalog
        .list_work_settings(pb::ListWorkSettingsRequest {})
        .await;
    out.push(outcome("work-settings", settings));
    for (i, request) in catalog_requests().into_iter().enumerate() {
        let first = catalog.list_programs(request.clone()).await;
        let token = first
            .as_ref()
            .map(|r| r.get_ref().next_page_token.clone())
            .unwrap_or_default();
        out.push(outcome(format!("programs-{i}-page-1"), first));
        if !token.is_empty() {
            let next = pb::ListProgramsRequest {
                page_token: token,
                ..request
            };
            out.push(outcome(
                format!("programs-{i}-page-2"),
                catalog.list_programs(next).await,
            ));
        }
    }
    for (unitid, credential_level) in [(102845, 3), (999001, 2), (1, 1), (102845, 42)] {
        let request = pb::GetProgramRequest {
            unitid,
            credential_level,
        };
        out.push(outcome(
            format!("program-{unitid}-{credential_level}"),
            catalog.get_program(request).await,
        ));
    }
    // When this server loaded its model is its own, not part of the answer.
    let model_info = client
        .get_model_info(pb::GetModelInfoRequest {})
        .await
        .map(|mut info| {
            info.get_mut().loaded_at = None;
            info
        });
    out.push(outcome("model-info", model_info));
    server.stop().await;
    out
}

/// The snapshot each answer's text is kept in, by its name.
fn group(name: &str) -> &'static str {
    match name.split('-').next() {
        Some("readme") => "readme",
        Some("random") => "random",
        Some("refused") => "refused",
        Some("batch") => "batch",
        _ => "catalog",
    }
}

#[tokio::test]
async fn every_recorded_answer_is_unchanged() {
    let answers = answers().await;
    let hashes: String = answers
        .iter()
        .map(|a| format!("{} {}\n", a.name, a.hash))
        .collect();
    let path = common::root().join(RECORD);
    if std::env::var_os("HIMREC_RECORD_ANSWERS").is_some() {
        std::fs::write(&path, &hashes).unwrap();
    }
    // A batch answers each request as a call of its own does.
    let text_of = |name: &str| answers.iter().find(|a| a.name == name).map(|a| &a.text);
    for item in answers.iter().filter(|a| a.name.starts_with("batch-b")) {
        let single = format!("random-{}", &item.name["batch-b".len()..]);
        assert_eq!(
            Some(&item.text),
            text_of(&single),
            "{} and {single}",
            item.name
        );
    }
    // The texts first: a changed snapshot shows what changed.
    for name in ["readme", "refused", "catalog", "batch", "random"] {
        let text = answers
            .iter()
            .filter(|a| group(&a.name) == name && !a.name.starts_with("batch-b"))
            .fold(String::new(), |mut out, a| {
                let _ = write!(out, "{}\n{}", a.name, a.text);
                out
            });
        insta::assert_snapshot!(name, text);
    }
    let recorded = std::fs::read_to_string(&path).expect("recorded answers exist");
    let changed: Vec<&str> = hashes
        .lines()
        .zip(recorded.lines())
        .filter(|(now, then)| now != then)
        .map(|(now, _)| now.split(' ').next().unwrap_or(now))
        .collect();
    assert_eq!(
        hashes.lines().count(),
        recorded.lines().count(),
        "a different set of answers than recorded"
    );
    assert!(
        changed.is_empty(),
        "answers changed in fields their texts do not show: {changed:?} \
         (HIMREC_ANSWERS_DUMP=DIR writes each answer's JSON to compare two runs)"
    );
}
