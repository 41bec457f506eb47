//! The counsel a person gets for their goal, through the real server: the
//! new profile fields refused field by field, and each route checked
//! against the issuers' eligibility rules as a program director reads them
//! (AHIMA's RHIA routes, ACDIS's CCDS routes, AAPC's apprenticeship).

mod common;

use common::TestServer;
use himrec::pb;
use tonic::Code;

fn profile(json: &str) -> pb::Profile {
    himrec::profile::ProfileFile::parse(json)
        .unwrap()
        .into_input()
        .unwrap()
        .into()
}

async fn answer(server: &TestServer, json: &str) -> pb::RecommendResponse {
    let request = pb::RecommendRequest {
        profile: Some(profile(json)),
        max_career_paths: 14,
        ..Default::default()
    };
    server
        .client()
        .recommend(request)
        .await
        .unwrap()
        .into_inner()
}

fn path<'a>(answer: &'a pb::RecommendResponse, soc: &str) -> &'a pb::CareerPathRecommendation {
    answer
        .career_paths
        .iter()
        .find(|c| c.soc_code == soc)
        .unwrap_or_else(|| panic!("{soc} not listed"))
}

fn step<'a>(path: &'a pb::CareerPathRecommendation, code: &str) -> &'a pb::CredentialStep {
    path.credential_steps
        .iter()
        .find(|s| s.code == code)
        .unwrap_or_else(|| panic!("{}: no {code} step", path.soc_code))
}

/// Whether a step has a condition of `status` whose words hold `words`.
fn has(step: &pb::CredentialStep, status: pb::StepStatus, words: &str) -> bool {
    step.conditions
        .iter()
        .any(|c| c.status == status as i32 && c.text.contains(words))
}

#[tokio::test]
async fn a_goal_an_occupation_and_years_out_of_range_are_each_named() {
    let server = TestServer::start().await;
    let base = || profile(r#"{"skills": {"clinical_coding": 0.8}}"#);
    for (bad, field) in [
        (pb::Profile { goal: 9, ..base() }, "profile.goal"),
        (
            pb::Profile {
                current_occupation: "99-9999.00".into(),
                ..base()
            },
            "profile.current_occupation",
        ),
        (
            pb::Profile {
                current_occupation: "29-2072.00".into(),
                years_experience: Some(70.0),
                ..base()
            },
            "profile.years_experience",
        ),
        (
            pb::Profile {
                years_experience: Some(3.0),
                ..base()
            },
            "profile.years_experience",
        ),
    ] {
        let request = pb::RecommendRequest {
            profile: Some(bad),
            ..Default::default()
        };
        let status = server.client().recommend(request).await.unwrap_err();
        assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
        assert_eq!(common::violated_fields(&status), [field]);
    }
}

#[tokio::test]
async fn the_rhia_route_is_the_program_the_person_needs_next() {
    let server = TestServer::start().await;
    // An RHIT with an associate degree: AHIMA's RHIA needs a
    // CAHIIM-accredited baccalaureate program.
    let rhit = answer(
        &server,
        r#"{"skills": {"clinical_documentation": 0.9, "privacy_compliance": 0.8},
            "highest_education": "associate", "credentials": ["RHIT"],
            "goal": "advance", "current_occupation": "29-2072.00", "years_experience": 8}"#,
    )
    .await;
    let technologists = path(&rhit, "29-9021.00");
    let rhia = step(technologists, "RHIA");
    assert_eq!(rhia.status, pb::StepStatus::Needs as i32);
    assert!(rhia.route_credential_levels.contains(&3), "{rhia:?}");
    // Never the credential held, on any path.
    assert!(rhit
        .career_paths
        .iter()
        .flat_map(|c| &c.credential_steps)
        .all(|s| s.code != "RHIT"));
    // Where she works now is marked, and is not the step forward.
    let here = path(&rhit, "29-2072.00");
    assert_eq!(here.path_move, pb::PathMove::Current as i32);
    assert_ne!(rhit.career_paths[0].soc_code, "29-2072.00");

    // A bachelor's graduate: the post-baccalaureate certificate route.
    let graduate = answer(
        &server,
        r#"{"skills": {"communication": 0.7, "research": 0.6},
            "highest_education": "bachelor", "goal": "change"}"#,
    )
    .await;
    let rhia = step(path(&graduate, "29-9021.00"), "RHIA");
    assert_eq!(rhia.status, pb::StepStatus::Needs as i32);
    let condition = |status, words| has(rhia, status, words);
    assert!(
        condition(pb::StepStatus::Open, "bachelor's degree"),
        "{rhia:?}"
    );
    assert!(
        condition(pb::StepStatus::Needs, "post-baccalaureate certificate"),
        "{rhia:?}"
    );
}

#[tokio::test]
async fn a_nurse_meets_the_ccds_licence_and_needs_the_cdi_years() {
    let server = TestServer::start().await;
    // ACDIS: an RN (or MD, DO, RHIA, RHIT) with two years as a CDI
    // specialist. A nurse changing field has the licence; nursing years
    // are not CDI years, so those are the step still to take.
    let nurse = answer(
        &server,
        r#"{"skills": {"clinical_documentation": 0.9, "medical_terminology": 0.95},
            "highest_education": "bachelor", "goal": "change",
            "current_occupation": "29-1141.00", "years_experience": 6}"#,
    )
    .await;
    let ccds = step(path(&nurse, "29-9021.00"), "CCDS");
    assert_eq!(ccds.status, pb::StepStatus::Needs as i32, "{ccds:?}");
    let condition = |status, words| has(ccds, status, words);
    assert!(condition(pb::StepStatus::Open, "RN"), "{ccds:?}");
    assert!(
        condition(pb::StepStatus::Needs, "CDI specialist"),
        "{ccds:?}"
    );
    // What meets a condition is said as what the person has: the RN
    // licence, not "an RN or MD licence".
    assert!(
        ccds.explanation.contains("you have an RN licence"),
        "{}",
        ccds.explanation
    );
}

#[tokio::test]
async fn a_cpc_apprentice_is_told_how_the_apprentice_mark_comes_off() {
    let server = TestServer::start().await;
    let apprentice = answer(
        &server,
        r#"{"skills": {"clinical_coding": 0.7, "medical_terminology": 0.7},
            "highest_education": "high_school", "credentials": ["CPC-A"], "goal": "find_work"}"#,
    )
    .await;
    let coders = path(&apprentice, "29-2072.00");
    let cpc = step(coders, "CPC");
    assert_eq!(
        cpc.kind,
        pb::CredentialStepKind::CompleteApprenticeship as i32,
        "{cpc:?}"
    );
    assert_ne!(cpc.status, pb::StepStatus::Open as i32);
}
