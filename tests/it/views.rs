//! Answers as small as the caller needs: the BASIC view carries the same
//! items, scores and figures as FULL, without reasons (nor the staffing
//! cells behind them) or skill gaps.

use crate::common;

use common::{interests, profile, violated_fields, TestServer};
use himrec::pb;
use prost::Message;
use tonic::Code;

fn request(view: pb::RecommendView, state: &str) -> pb::RecommendRequest {
    let mut person = profile(&[
        ("clinical_coding", 0.8),
        ("medical_terminology", 0.9),
        ("sql_databases", 0.4),
        ("leadership", 0.3),
    ]);
    person.interests = Some(interests([0.2, 0.5, 0.1, 0.4, 0.3, 0.9]));
    person.highest_education = pb::EducationLevel::Associate as i32;
    person.credentials = vec!["RHIT".into()];
    person.state = state.into();
    pb::RecommendRequest {
        profile: Some(person),
        max_career_paths: 8,
        max_work_settings: 12,
        max_programs: 50,
        view: view as i32,
        ..Default::default()
    }
}

/// The answer with every reason and skill gap removed.
fn stripped(mut answer: pb::RecommendResponse) -> pb::RecommendResponse {
    for c in &mut answer.career_paths {
        c.reasons.clear();
        c.skill_gaps.clear();
        // The route stays, without its sentences: what to earn next is
        // the answer, not a reason.
        for step in &mut c.credential_steps {
            step.explanation.clear();
        }
        if let Some(step) = c.education_step.as_mut() {
            step.explanation.clear();
        }
    }
    for s in &mut answer.work_settings {
        s.reasons.clear();
        s.staffing.clear();
    }
    for p in &mut answer.programs {
        p.reasons.clear();
        let program = p.program.as_mut().unwrap();
        program.title_note.clear();
        for route in &mut program.credential_routes {
            route.explanation.clear();
        }
        if let Some(d) = program.typical_duration.as_mut() {
            d.description.clear();
        }
    }
    answer
}

#[tokio::test]
async fn basic_carries_the_same_items_and_scores_without_reasons() {
    let server = TestServer::start().await;
    let mut client = server.client();
    for state in ["", "TX", "WY"] {
        let full = client
            .recommend(request(pb::RecommendView::Full, state))
            .await
            .unwrap()
            .into_inner();
        let basic = client
            .recommend(request(pb::RecommendView::Basic, state))
            .await
            .unwrap()
            .into_inner();
        let unspecified = client
            .recommend(request(pb::RecommendView::Unspecified, state))
            .await
            .unwrap()
            .into_inner();
        assert_eq!(unspecified, full, "UNSPECIFIED means FULL");
        assert!(full.career_paths.iter().all(|c| !c.reasons.is_empty()));
        assert!(full.programs.iter().all(|p| !p.reasons.is_empty()));
        assert!(basic.career_paths.iter().all(|c| c.reasons.is_empty()));
        assert!(basic.career_paths.iter().all(|c| c.skill_gaps.is_empty()));
        assert!(basic
            .work_settings
            .iter()
            .all(|s| s.reasons.is_empty() && s.staffing.is_empty()));
        assert!(basic.work_settings.iter().all(|s| s.wages.is_some()));
        assert!(basic.programs.iter().all(|p| p.reasons.is_empty()));
        assert_eq!(basic, stripped(full.clone()), "state {state:?}");
        assert!(basic.encoded_len() * 3 < full.encoded_len());
    }
}

#[tokio::test]
async fn an_unknown_view_is_refused_naming_it() {
    let server = TestServer::start().await;
    let mut bad = request(pb::RecommendView::Basic, "TX");
    bad.view = 7;
    let status = server.client().recommend(bad).await.unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    assert_eq!(violated_fields(&status), ["view"]);
}
