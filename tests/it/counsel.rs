//! The counsel a person gets for their goal, through the real server: the
//! new profile fields refused field by field, and each route checked
//! against the issuers' eligibility rules as a program director reads them
//! (AHIMA's RHIA routes, ACDIS's CCDS routes, AAPC's apprenticeship).

use crate::common;

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

/// The reason of `code` on a path, if any.
fn reason(path: &pb::CareerPathRecommendation, code: pb::ReasonCode) -> Option<&pb::Reason> {
    path.reasons.iter().find(|r| r.code == code as i32)
}

/// A reason's text value `name`.
fn text<'a>(reason: &'a pb::Reason, name: &str) -> Option<&'a str> {
    reason
        .values
        .iter()
        .find(|v| v.name == name)
        .and_then(|v| match &v.value {
            Some(pb::reason_value::Value::Text(t)) => Some(t.as_str()),
            _ => None,
        })
}

/// A reason's number value `name`.
fn figure(reason: &pb::Reason, name: &str) -> Option<f64> {
    reason
        .values
        .iter()
        .find(|v| v.name == name)
        .and_then(|v| match v.value {
            Some(pb::reason_value::Value::Number(n)) => Some(n),
            _ => None,
        })
}

fn shrinking(path: &pb::CareerPathRecommendation) -> bool {
    path.outlook
        .as_ref()
        .is_some_and(|o| o.trend == pb::OutlookTrend::Decline as i32)
}

#[tokio::test]
async fn a_shrinking_path_says_so_first_and_every_path_its_outlook_and_pay() {
    let server = TestServer::start().await;
    // A transcriptionist looking for work with what she has: her own
    // work may lead, with its decline said first.
    let transcriptionist = answer(
        &server,
        r#"{"skills": {"medical_terminology": 0.9, "clinical_documentation": 0.8, "communication": 0.6},
            "highest_education": "postsecondary_certificate", "state": "OH",
            "goal": "find_work", "current_occupation": "31-9094.00", "years_experience": 12}"#,
    )
    .await;
    for c in &transcriptionist.career_paths {
        let outlook = reason(c, pb::ReasonCode::PathOutlook)
            .unwrap_or_else(|| panic!("{}: no outlook reason", c.soc_code));
        let change = c.outlook.as_ref().unwrap().change_percent.unwrap();
        assert_eq!(figure(outlook, "change_percent"), Some(change));
        assert_eq!(figure(outlook, "all_occupations_change_percent"), Some(3.1));
        if shrinking(c) {
            assert_eq!(
                c.reasons[0].code,
                pb::ReasonCode::PathOutlook as i32,
                "{}",
                c.soc_code
            );
            assert!(
                c.reasons[0].explanation.starts_with("Shrinking"),
                "{}",
                c.reasons[0].explanation
            );
            assert_eq!(text(outlook, "trend"), Some("decline"));
        }
        // Pay in her state, 10th to 90th percentile.
        let pay = reason(c, pb::ReasonCode::PathPayRange).unwrap();
        let state = c.state_wages.as_ref().unwrap();
        assert_eq!(text(pay, "state"), Some("OH"), "{}", c.soc_code);
        assert_eq!(figure(pay, "wage_p10"), state.p10.map(f64::from));
        assert_eq!(figure(pay, "wage_p90"), state.p90.map(f64::from));
        assert!(pay.explanation.contains("in Ohio"), "{}", pay.explanation);
    }
    let own = path(&transcriptionist, "31-9094.00");
    assert!(shrinking(own));
    let billing = answer(
        &server,
        r#"{"skills": {"revenue_cycle": 0.8, "customer_service": 0.7}, "goal": "explore"}"#,
    )
    .await;
    let clerks = path(&billing, "43-3021.00");
    let outlook = reason(clerks, pb::ReasonCode::PathOutlook).unwrap();
    assert_eq!(text(outlook, "trend"), Some("little_or_no_change"));
    assert!(
        outlook.explanation.contains("little or no change"),
        "{}",
        outlook.explanation
    );
    // No state: national pay.
    let pay = reason(clerks, pb::ReasonCode::PathPayRange).unwrap();
    assert_eq!(text(pay, "state"), None);
    assert!(
        pay.explanation.contains("nationally"),
        "{}",
        pay.explanation
    );
}

#[tokio::test]
async fn no_shrinking_path_leads_for_someone_exploring_or_changing_field() {
    let server = TestServer::start().await;
    let mut catalog = himrec::pb::catalog_client::CatalogClient::new(server.channel.clone());
    let paths = catalog
        .list_career_paths(pb::ListCareerPathsRequest::default())
        .await
        .unwrap()
        .into_inner()
        .career_paths;
    let occupations = catalog
        .list_occupations(pb::ListOccupationsRequest::default())
        .await
        .unwrap()
        .into_inner()
        .occupations;
    // People made from each path's own typical skills, the shrinking ones
    // most of all: what they say points to that path.
    let mut profiles = Vec::new();
    for p in &paths {
        let skills: Vec<String> = p
            .typical_skills
            .iter()
            .filter(|(_, level)| **level >= 0.5)
            .map(|(id, level)| format!("\"{id}\": {level}"))
            .collect();
        for goal in ["explore", "change"] {
            profiles.push(format!(
                r#"{{"skills": {{{}}}, "goal": "{goal}"}}"#,
                skills.join(", ")
            ));
        }
    }
    // Everyone working in an occupation the catalog knows, changing field,
    // the transcriptionist and the claims clerk among them.
    for o in &occupations {
        profiles.push(format!(
            r#"{{"goal": "change", "current_occupation": "{}", "years_experience": 5}}"#,
            o.soc_code
        ));
    }
    assert!(profiles.len() > 40);
    for json in &profiles {
        let answer = answer(&server, json).await;
        let first = &answer.career_paths[0];
        assert!(!shrinking(first), "{} leads for {json}", first.soc_code);
        // The list runs in the order of the scores it shows.
        assert!(
            answer
                .career_paths
                .windows(2)
                .all(|w| w[0].score >= w[1].score),
            "{json}"
        );
    }
}

#[tokio::test]
async fn a_program_says_what_it_is_likely_to_cost_and_the_operator_tuition_wins() {
    let server = TestServer::with_overlay().await;
    let ask = |unitids: Vec<u32>, state: &str| pb::RecommendRequest {
        profile: Some(pb::Profile {
            state: state.into(),
            ..profile(
                r#"{"skills": {"clinical_coding": 0.8}, "highest_education": "high_school", "goal": "explore"}"#,
            )
        }),
        program_filter: Some(pb::ProgramFilter {
            unitids,
            ..Default::default()
        }),
        max_programs: 20,
        ..Default::default()
    };
    let cost_of = |answer: &pb::RecommendResponse, unitid: u32, level: u32| {
        let p = answer
            .programs
            .iter()
            .find(|p| {
                let program = p.program.as_ref().unwrap();
                (program.unitid, program.credential_level) == (unitid, level)
            })
            .unwrap_or_else(|| panic!("{unitid} at level {level} not listed"));
        p.reasons
            .iter()
            .find(|r| r.code == pb::ReasonCode::ProgramCost as i32)
            .cloned()
            .unwrap()
    };
    // Collin College (TX), an associate program: net price times the two
    // years it takes full time, and the tuition for the person's residency.
    let collin = 247834;
    let texan = server
        .client()
        .recommend(ask(vec![collin], "TX"))
        .await
        .unwrap()
        .into_inner();
    let cost = cost_of(&texan, collin, 2);
    let net = figure(&cost, "net_price").unwrap();
    assert_eq!(figure(&cost, "years"), Some(2.0));
    assert_eq!(figure(&cost, "estimated_total"), Some(net * 2.0));
    assert_eq!(text(&cost, "residency"), Some("in_state"));
    assert_eq!(text(&cost, "cost_year"), Some("2022-23"));
    let ohioan = server
        .client()
        .recommend(ask(vec![collin], "OH"))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        text(&cost_of(&ohioan, collin, 2), "residency"),
        Some("out_of_state")
    );
    // Charter College's bachelor's: the overlay's tuition, said as the
    // institution's own.
    let charter = server
        .client()
        .recommend(ask(vec![102845], "AK"))
        .await
        .unwrap()
        .into_inner();
    let cost = cost_of(&charter, 102845, 3);
    assert_eq!(figure(&cost, "tuition"), Some(15_000.0));
    assert_eq!(text(&cost, "tuition_source"), Some("operator"));
    assert!(
        cost.explanation.contains("as the institution states it"),
        "{}",
        cost.explanation
    );
}
