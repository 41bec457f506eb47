//! One program filter everywhere: `ListPrograms` and `Recommend` take the
//! same `ProgramFilter` and agree on the programs it lets through; an
//! admissions site ranks its own institution's programs; a filter that
//! matches nothing empties the program list only; an impossible filter is
//! refused naming the field.

use crate::common;

use std::collections::{BTreeMap, BTreeSet};

use common::{profile, recommender, violated_fields, TestServer};
use himrec::pb;
use himrec::pb::catalog_client::CatalogClient;
use tonic::Code;

fn recommend(filter: pb::ProgramFilter) -> pb::RecommendRequest {
    pb::RecommendRequest {
        profile: Some(profile(&[
            ("clinical_coding", 0.8),
            ("medical_terminology", 0.9),
        ])),
        max_programs: 100,
        program_filter: Some(filter),
        ..Default::default()
    }
}

/// Every program `ListPrograms` gives for `filter`, over all pages, as
/// (unitid, credential level), with the unit ids of the campuses Scorecard
/// reports with it (empty when it is reported alone).
async fn listed_with_campuses(
    server: &TestServer,
    filter: pb::ProgramFilter,
) -> BTreeMap<(u32, u32), Vec<u32>> {
    let mut catalog = CatalogClient::new(server.channel.clone());
    let mut all = BTreeMap::new();
    let mut token = String::new();
    loop {
        let page = catalog
            .list_programs(pb::ListProgramsRequest {
                page_size: 100,
                page_token: token,
                filter: Some(filter.clone()),
                ..Default::default()
            })
            .await
            .unwrap()
            .into_inner();
        all.extend(page.programs.iter().map(|p| {
            let campuses = p.campuses.iter().map(|c| c.unitid).collect();
            ((p.unitid, p.credential_level), campuses)
        }));
        if page.next_page_token.is_empty() {
            assert_eq!(all.len(), page.total_size as usize);
            return all;
        }
        token = page.next_page_token;
    }
}

/// Every program `ListPrograms` gives for `filter`, as (unitid, level).
async fn listed(server: &TestServer, filter: pb::ProgramFilter) -> BTreeSet<(u32, u32)> {
    listed_with_campuses(server, filter)
        .await
        .into_keys()
        .collect()
}

async fn recommended(server: &TestServer, filter: pb::ProgramFilter) -> pb::RecommendResponse {
    server
        .client()
        .recommend(recommend(filter))
        .await
        .unwrap()
        .into_inner()
}

fn keys(response: &pb::RecommendResponse) -> BTreeSet<(u32, u32)> {
    response
        .programs
        .iter()
        .map(|p| {
            let program = p.program.as_ref().unwrap();
            (program.unitid, program.credential_level)
        })
        .collect()
}

#[tokio::test]
async fn recommend_and_list_programs_agree_on_a_filter() {
    let server = TestServer::start().await;
    for filter in [
        pb::ProgramFilter {
            states: vec!["TX".into()],
            credential_levels: vec![2, 3],
            ..Default::default()
        },
        pb::ProgramFilter {
            controls: vec![pb::Control::Public as i32],
            states: vec!["NY".into(), "FL".into(), "WA".into()],
            min_median_earnings: Some(50_000),
            ..Default::default()
        },
        pb::ProgramFilter {
            name_contains: "community college".into(),
            states: vec!["CA".into(), "OH".into(), "MI".into()],
            ..Default::default()
        },
    ] {
        let listed = listed_with_campuses(&server, filter.clone()).await;
        let answer = recommended(&server, filter.clone()).await;
        let ranked = keys(&answer);
        assert!(!ranked.is_empty(), "{filter:?}");
        // Non-credential programs (level 99) are listed, never recommended.
        let offerable: BTreeMap<(u32, u32), Vec<u32>> =
            listed.into_iter().filter(|((_, l), _)| *l != 99).collect();
        assert!(offerable.len() <= 100, "pick a narrower filter: {filter:?}");
        // Every program the filter lets through is ranked, or stands behind
        // the one campus of its reporting unit that is.
        for ((unitid, level), campuses) in &offerable {
            let unit = if campuses.is_empty() {
                vec![*unitid]
            } else {
                campuses.clone()
            };
            let shown: Vec<u32> = unit
                .into_iter()
                .filter(|c| ranked.contains(&(*c, *level)))
                .collect();
            assert_eq!(shown.len(), 1, "{unitid} at level {level}: {shown:?}");
        }
        assert!(ranked.iter().all(|key| offerable.contains_key(key)));
    }
}

#[tokio::test]
async fn an_admissions_site_ranks_its_own_programs() {
    let server = TestServer::start().await;
    let catalog = recommender();
    let unitid = 201885; // an institution with several CIP 51.07 programs
    let own: BTreeSet<(u32, u32)> = catalog
        .catalog()
        .programs
        .values()
        .filter(|p| p.unitid == unitid && p.credential_level != 99)
        .map(|p| (p.unitid, u32::from(p.credential_level)))
        .collect();
    assert!(own.len() >= 3);
    let filter = pb::ProgramFilter {
        unitids: vec![unitid],
        ..Default::default()
    };
    let answer = recommended(&server, filter.clone()).await;
    assert_eq!(keys(&answer), own);
    assert!(answer.programs.iter().all(|p| !p.reasons.is_empty()));
    // Each program scores as it does alone: the list's order is not its
    // score.
    for p in &answer.programs {
        let program = p.program.as_ref().unwrap();
        let alone = recommended(
            &server,
            pb::ProgramFilter {
                unitids: vec![unitid],
                credential_levels: vec![program.credential_level],
                ..Default::default()
            },
        )
        .await;
        assert_eq!(alone.programs.len(), 1);
        assert_eq!(alone.programs[0].score, p.score);
    }
    // The career paths and settings do not depend on the filter, but for
    // the programs a credential step links to, which are the answer's own.
    let unfiltered = recommended(&server, pb::ProgramFilter::default()).await;
    let unlinked = |answer: &pb::RecommendResponse| {
        let mut paths = answer.career_paths.clone();
        for step in paths.iter_mut().flat_map(|c| c.credential_steps.iter_mut()) {
            step.programs.clear();
        }
        paths
    };
    assert_eq!(unlinked(&answer), unlinked(&unfiltered));
    let ranked = keys(&answer);
    for step in answer
        .career_paths
        .iter()
        .flat_map(|c| c.credential_steps.iter())
    {
        for linked in &step.programs {
            assert!(ranked.contains(&(linked.unitid, linked.credential_level)));
            assert!(step
                .route_credential_levels
                .contains(&linked.credential_level));
        }
    }
    assert_eq!(answer.work_settings, unfiltered.work_settings);
    assert_eq!(
        listed(&server, filter).await,
        own.iter()
            .copied()
            .chain(
                catalog
                    .catalog()
                    .programs
                    .values()
                    .filter(|p| p.unitid == unitid && p.credential_level == 99)
                    .map(|p| (p.unitid, 99))
            )
            .collect()
    );
}

#[tokio::test]
async fn a_filter_matching_nothing_empties_only_the_programs() {
    let server = TestServer::start().await;
    let filter = pb::ProgramFilter {
        min_median_earnings: Some(10_000_000),
        ..Default::default()
    };
    let answer = recommended(&server, filter.clone()).await;
    assert!(answer.programs.is_empty());
    assert!(!answer.career_paths.is_empty());
    assert!(!answer.work_settings.is_empty());
    assert!(listed(&server, filter).await.is_empty());
}

#[tokio::test]
async fn operator_only_selects_the_operators_own_programs() {
    let server = TestServer::with_overlay().await;
    let only = pb::ProgramFilter {
        operator_only: Some(true),
        ..Default::default()
    };
    let answer = recommended(&server, only.clone()).await;
    assert!(!answer.programs.is_empty());
    assert!(answer
        .programs
        .iter()
        .all(|p| p.program.as_ref().unwrap().operator_only));
    assert_eq!(keys(&answer), listed(&server, only).await);
    let public = pb::ProgramFilter {
        operator_only: Some(false),
        states: vec!["TX".into()],
        ..Default::default()
    };
    let answer = recommended(&server, public).await;
    assert!(answer
        .programs
        .iter()
        .all(|p| !p.program.as_ref().unwrap().operator_only));
}

#[tokio::test]
async fn an_impossible_filter_is_refused_naming_the_field() {
    let server = TestServer::start().await;
    let bad = pb::ProgramFilter {
        unitids: vec![201885, 484613, 1],
        states: vec!["TX".into(), "ZZ".into()],
        credential_levels: vec![3, 9],
        controls: vec![pb::Control::Public as i32, 42],
        ..Default::default()
    };
    let status = server
        .client()
        .recommend(recommend(bad.clone()))
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    assert_eq!(
        violated_fields(&status),
        [
            "program_filter.unitids[2]",
            "program_filter.states[1]",
            "program_filter.credential_levels[1]",
            "program_filter.controls[1]",
        ]
    );
    let mut catalog = CatalogClient::new(server.channel.clone());
    let status = catalog
        .list_programs(pb::ListProgramsRequest {
            filter: Some(bad),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    assert_eq!(violated_fields(&status)[0], "filter.unitids[2]");
}
