//! The Catalog service end to end: listings, AIP-158 pagination, filters,
//! and NOT_FOUND.

mod common;

use std::collections::HashSet;

use common::TestServer;
use himrec::pb;
use himrec::pb::catalog_client::CatalogClient;
use tonic::transport::Channel;
use tonic::Code;

fn client(server: &TestServer) -> CatalogClient<Channel> {
    CatalogClient::new(server.channel.clone())
}

async fn all_pages(
    client: &mut CatalogClient<Channel>,
    mut request: pb::ListProgramsRequest,
) -> (Vec<pb::Program>, u32, usize) {
    let mut programs = Vec::new();
    let mut pages = 0;
    let total = loop {
        let page = client
            .list_programs(request.clone())
            .await
            .unwrap()
            .into_inner();
        pages += 1;
        programs.extend(page.programs);
        if page.next_page_token.is_empty() {
            break page.total_size;
        }
        request.page_token = page.next_page_token;
    };
    (programs, total, pages)
}

#[tokio::test]
async fn paging_lists_every_program_once_in_a_stable_order() {
    let server = TestServer::start().await;
    let mut client = client(&server);
    let request = pb::ListProgramsRequest {
        page_size: 500,
        ..Default::default()
    };
    let (programs, total, pages) = all_pages(&mut client, request.clone()).await;
    assert_eq!(total, 3752);
    assert_eq!(programs.len(), 3752);
    assert_eq!(pages, 8);
    let keys: HashSet<(u32, u32)> = programs
        .iter()
        .map(|p| (p.unitid, p.credential_level))
        .collect();
    assert_eq!(keys.len(), 3752, "duplicates across pages");
    let (again, _, _) = all_pages(&mut client, request).await;
    assert_eq!(programs, again, "order changed between two passes");
}

#[tokio::test]
async fn forged_or_misused_page_tokens_are_refused() {
    let server = TestServer::start().await;
    let mut client = client(&server);
    let first = client
        .list_programs(pb::ListProgramsRequest {
            page_size: 10,
            states: vec!["TX".into()],
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let token = first.next_page_token;
    assert!(!token.is_empty());
    let mut forged = token.clone().into_bytes();
    forged[3] = if forged[3] == b'f' { b'e' } else { b'f' };
    for (page_token, states) in [
        (String::from_utf8(forged).unwrap(), vec!["TX".to_owned()]),
        (token.clone(), vec!["OH".to_owned()]),
        ("not-a-token".to_owned(), vec!["TX".to_owned()]),
    ] {
        let status = client
            .list_programs(pb::ListProgramsRequest {
                page_size: 10,
                page_token,
                states,
                ..Default::default()
            })
            .await
            .unwrap_err();
        assert_eq!(status.code(), Code::InvalidArgument);
        let fields = common::violated_fields(&status);
        assert_eq!(fields, ["page_token"]);
    }
    // A token from another server process is refused too.
    let other = TestServer::start().await;
    let status = CatalogClient::new(other.channel.clone())
        .list_programs(pb::ListProgramsRequest {
            page_size: 10,
            page_token: token,
            states: vec!["TX".into()],
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
}

#[tokio::test]
async fn every_filter_keeps_only_matching_programs() {
    let server = TestServer::start().await;
    let mut client = client(&server);
    let request = pb::ListProgramsRequest {
        page_size: 500,
        states: vec!["TX".into(), "OH".into()],
        credential_levels: vec![2, 3],
        controls: vec![pb::Control::Public as i32],
        accreditations: vec![pb::Accreditation::Unknown as i32],
        min_median_earnings: Some(40_000),
        max_median_debt: Some(20_000),
        name_contains: "college".into(),
        ..Default::default()
    };
    let (programs, total, _) = all_pages(&mut client, request).await;
    assert!(!programs.is_empty());
    assert_eq!(programs.len() as u32, total);
    for p in &programs {
        assert!(p.state == "TX" || p.state == "OH");
        assert!(p.credential_level == 2 || p.credential_level == 3);
        assert_eq!(p.control, pb::Control::Public as i32);
        assert!(p.median_earnings.unwrap() >= 40_000);
        assert!(p.median_debt.unwrap() <= 20_000);
        assert!(p.institution_name.to_lowercase().contains("college"));
    }
    // Each filter alone narrows the catalog.
    let count = |request: pb::ListProgramsRequest| {
        let mut client = client.clone();
        async move {
            client
                .list_programs(request)
                .await
                .unwrap()
                .into_inner()
                .total_size
        }
    };
    let everything = count(pb::ListProgramsRequest::default()).await;
    for narrower in [
        pb::ListProgramsRequest {
            states: vec!["WY".into()],
            ..Default::default()
        },
        pb::ListProgramsRequest {
            credential_levels: vec![99],
            ..Default::default()
        },
        pb::ListProgramsRequest {
            controls: vec![pb::Control::PrivateForProfit as i32],
            ..Default::default()
        },
        pb::ListProgramsRequest {
            min_median_earnings: Some(60_000),
            ..Default::default()
        },
        pb::ListProgramsRequest {
            max_median_debt: Some(5_000),
            ..Default::default()
        },
        pb::ListProgramsRequest {
            name_contains: "university".into(),
            ..Default::default()
        },
    ] {
        let n = count(narrower.clone()).await;
        assert!(n > 0 && n < everything, "{narrower:?}: {n}");
    }
    assert_eq!(
        count(pb::ListProgramsRequest {
            credential_levels: vec![99],
            ..Default::default()
        })
        .await,
        12
    );
    assert_eq!(
        count(pb::ListProgramsRequest {
            accreditations: vec![pb::Accreditation::Accredited as i32],
            ..Default::default()
        })
        .await,
        0,
        "public data knows no accreditation"
    );
}

#[tokio::test]
async fn bad_filters_are_named() {
    let server = TestServer::start().await;
    let status = client(&server)
        .list_programs(pb::ListProgramsRequest {
            page_size: 501,
            states: vec!["TX".into(), "XX".into()],
            credential_levels: vec![9],
            controls: vec![0],
            accreditations: vec![77],
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    let fields = common::violated_fields(&status);
    assert_eq!(
        fields,
        [
            "page_size",
            "states[1]",
            "credential_levels[0]",
            "controls[0]",
            "accreditations[0]"
        ]
    );
}

#[tokio::test]
async fn get_program_finds_one_or_answers_not_found() {
    let server = TestServer::start().await;
    let mut client = client(&server);
    let program = client
        .get_program(pb::GetProgramRequest {
            unitid: 102845,
            credential_level: 3,
        })
        .await
        .unwrap()
        .into_inner()
        .program
        .unwrap();
    assert_eq!(program.institution_name, "Charter College");
    assert_eq!(program.median_earnings, Some(46_986));
    let status = client
        .get_program(pb::GetProgramRequest {
            unitid: 102845,
            credential_level: 5,
        })
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::NotFound);
}

#[tokio::test]
async fn skills_paths_and_settings_are_listed() {
    let server = TestServer::start().await;
    let mut client = client(&server);
    let skills = client
        .list_skills(pb::ListSkillsRequest {})
        .await
        .unwrap()
        .into_inner()
        .skills;
    assert_eq!(skills.len(), 20);
    let coding = skills.iter().find(|s| s.id == "clinical_coding").unwrap();
    assert!(!coding.esco_keywords.is_empty());
    let paths = client
        .list_career_paths(pb::ListCareerPathsRequest {})
        .await
        .unwrap()
        .into_inner()
        .career_paths;
    assert_eq!(paths.len(), 14);
    assert_eq!(paths[0].soc_code, "29-2072.00");
    assert_eq!(paths[0].typical_skills.len(), 20);
    let settings = client
        .list_work_settings(pb::ListWorkSettingsRequest {})
        .await
        .unwrap()
        .into_inner()
        .work_settings;
    assert_eq!(settings.len(), 13);
    assert!(settings
        .iter()
        .any(|s| s.setting_id == "hospitals" && s.naics_codes == ["622000"]));
}

#[tokio::test]
async fn replicas_sharing_a_token_secret_honour_each_others_page_tokens() {
    let shared = himrec::server::ServeOptions {
        page_token_secret: "one-secret-for-every-replica".into(),
        ..Default::default()
    };
    let a = TestServer::start_with(shared.clone()).await;
    let b = TestServer::start_with(shared).await;
    let request = pb::ListProgramsRequest {
        page_size: 10,
        states: vec!["TX".into()],
        ..Default::default()
    };
    let first = client(&a).list_programs(request.clone()).await.unwrap();
    let next = pb::ListProgramsRequest {
        page_token: first.into_inner().next_page_token,
        ..request
    };
    let from_a = client(&a).list_programs(next.clone()).await.unwrap();
    let from_b = client(&b).list_programs(next).await.unwrap();
    assert_eq!(from_a.into_inner(), from_b.into_inner());
}
