//! The operator's program overlay: merged facts, operator-only programs,
//! refusal of a bad file with line numbers, and the facts at work in
//! responses, filters and ranking.

// `program_preferences` is deprecated but still honoured; its tests stay.
#![allow(deprecated)]

use crate::common;

use common::{profile, TestServer};
use himrec::catalog::overlay;
use himrec::catalog::{Accreditation, Catalog, DeliveryMode};
use himrec::pb;
use himrec::pb::catalog_client::CatalogClient;

fn fixture(name: &str) -> std::path::PathBuf {
    common::root().join("tests/fixtures").join(name)
}

fn program(catalog: &Catalog, unitid: u32, level: u8) -> &himrec::catalog::Program {
    catalog
        .programs
        .values()
        .find(|p| p.unitid == unitid && p.credential_level == level)
        .unwrap()
}

#[test]
fn facts_merge_by_unitid_and_level_and_unknown_stays_unknown() {
    let mut catalog = Catalog::load(&common::root().join("data")).unwrap();
    let summary = overlay::apply(&mut catalog, &fixture("overlay.csv"), None).unwrap();
    assert_eq!((summary.merged, summary.added), (3, 1));
    assert_eq!(catalog.programs.len(), 3753);

    let charter = program(&catalog, 102845, 3);
    assert_eq!(charter.accreditation, Accreditation::Accredited);
    assert_eq!(charter.facts.delivery, Some(DeliveryMode::Online));
    assert_eq!(charter.facts.tuition, Some(15_000));
    assert_eq!(
        (charter.facts.practicum, charter.facts.career_services),
        (Some(true), Some(true))
    );
    assert_eq!(charter.median_earnings, Some(46_986), "public figures kept");
    assert!(!charter.operator_only);

    let not_accredited = program(&catalog, 103501, 1);
    assert_eq!(not_accredited.accreditation, Accreditation::NotAccredited);
    let hybrid = program(&catalog, 102845, 2);
    assert_eq!(
        hybrid.accreditation,
        Accreditation::Unknown,
        "not given, still unknown"
    );
    assert_eq!(hybrid.facts.practicum, None);

    let own = program(&catalog, 999001, 2);
    assert!(own.operator_only);
    assert_eq!(own.credential_description, "Associate's Degree");
    assert_eq!(own.state, Some("TX"));
    assert_eq!(own.median_earnings, None);
}

#[test]
fn json_lines_overlays_work_too() {
    let mut catalog = Catalog::load(&common::root().join("data")).unwrap();
    let summary = overlay::apply(&mut catalog, &fixture("overlay.jsonl"), None).unwrap();
    assert_eq!((summary.merged, summary.added), (1, 1));
    assert_eq!(program(&catalog, 999002, 1).facts.practicum, Some(false));
}

#[test]
fn a_bad_overlay_is_refused_whole_with_line_numbers() {
    let mut catalog = Catalog::load(&common::root().join("data")).unwrap();
    let before = catalog.programs.clone();
    let err = overlay::apply(&mut catalog, &fixture("overlay_bad.csv"), None).unwrap_err();
    let lines: Vec<u64> = err.problems.iter().map(|(line, _)| *line).collect();
    assert_eq!(lines, [2, 3, 4, 6, 7, 8]);
    let reason = |line: u64| &err.problems.iter().find(|p| p.0 == line).unwrap().1;
    assert!(
        reason(2).contains("no program with unitid 888888"),
        "{}",
        reason(2)
    );
    assert!(reason(3).contains("not true or false"), "{}", reason(3));
    assert!(reason(4).contains("by-mail"), "{}", reason(4));
    assert!(reason(6).contains("given twice"), "{}", reason(6));
    assert!(reason(7).contains("http(s)"), "{}", reason(7));
    assert!(reason(8).contains("not 1-8 or 99"), "{}", reason(8));
    assert_eq!(
        catalog.programs, before,
        "nothing of a refused overlay is applied"
    );
}

#[tokio::test]
async fn overlay_facts_reach_responses_filters_and_ranking() {
    let server = TestServer::with_overlay().await;
    let mut catalog = CatalogClient::new(server.channel.clone());
    let charter = catalog
        .get_program(pb::GetProgramRequest {
            unitid: 102845,
            credential_level: 3,
        })
        .await
        .unwrap()
        .into_inner()
        .program
        .unwrap();
    assert_eq!(charter.accreditation, pb::Accreditation::Accredited as i32);
    assert_eq!(charter.delivery_mode, pb::DeliveryMode::Online as i32);
    assert_eq!(charter.tuition, Some(15_000));
    assert_eq!(charter.program_url, "https://www.chartercollege.edu/him");

    // Online: as the overlay says, or where College Scorecard says the
    // institution teaches only at a distance (Columbia Southern, 450933).
    let online = catalog
        .list_programs(pb::ListProgramsRequest {
            delivery_modes: vec![pb::DeliveryMode::Online as i32],
            filter: Some(pb::ProgramFilter {
                unitids: vec![102845, 103501, 450933, 999001],
                ..Default::default()
            }),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let mut ids: Vec<u32> = online.programs.iter().map(|p| p.unitid).collect();
    ids.dedup();
    assert_eq!(ids, [102845, 450933, 999001]);

    let mut recommender = server.client();
    for (preferences, expect) in [
        (
            pb::ProgramPreferences {
                require_accreditation: true,
                online_only: false,
            },
            vec![(102845, 3), (999001, 2)],
        ),
        (
            pb::ProgramPreferences {
                require_accreditation: false,
                online_only: true,
            },
            vec![(102845, 3), (999001, 2)],
        ),
    ] {
        let response = recommender
            .recommend(pb::RecommendRequest {
                profile: Some(profile(&[
                    ("clinical_coding", 0.9),
                    ("medical_terminology", 0.9),
                ])),
                program_preferences: Some(preferences),
                ..Default::default()
            })
            .await
            .unwrap()
            .into_inner();
        let mut got: Vec<(u32, u32)> = response
            .programs
            .iter()
            .map(|p| p.program.as_ref().unwrap())
            .map(|p| (p.unitid, p.credential_level))
            .collect();
        got.sort_unstable();
        if preferences.online_only {
            // Distance-only institutions (College Scorecard) are online
            // too, and compete with the overlay's online programs.
            assert!(response.programs.iter().all(|p| {
                p.program.as_ref().unwrap().delivery_mode == pb::DeliveryMode::Online as i32
            }));
            assert!(got.len() > expect.len(), "{got:?}");
            assert!(got.iter().any(|(unitid, _)| *unitid == 450933), "{got:?}");
        } else {
            assert_eq!(got, expect, "{preferences:?}");
        }
    }

    // Online programs are open from any state: an Ohio applicant sees
    // programs based elsewhere without the out-of-state penalty.
    let response = recommender
        .recommend(pb::RecommendRequest {
            profile: Some(pb::Profile {
                state: "OH".into(),
                ..profile(&[("clinical_coding", 0.9)])
            }),
            program_preferences: Some(pb::ProgramPreferences {
                require_accreditation: false,
                online_only: true,
            }),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let elsewhere: Vec<_> = response
        .programs
        .iter()
        .filter(|p| p.program.as_ref().unwrap().state != "OH")
        .collect();
    assert!(!elsewhere.is_empty());
    for program in elsewhere {
        assert!(program
            .reasons
            .iter()
            .any(|r| r.explanation == "Online, so open from OH"));
    }
}

#[test]
fn program_names_cip_codes_and_credentials_are_read_and_checked() {
    let dir = common::scratch("overlay-facts");
    let good = dir.join("facts.jsonl");
    std::fs::write(
        &good,
        concat!(
            r#"{"unitid": 102845, "credential_level": 2, "program_name": "AAS Health Information Technology", "cip_code": "510707", "prepares_for": ["rhit", "RHIT", "CCS"]}"#,
            "\n",
            r#"{"unitid": 999002, "credential_level": 3, "institution_name": "Example University", "state": "OH", "control": "public", "cip_code": "51.2706", "prepares_for": "RHIA"}"#,
            "\n",
        ),
    )
    .unwrap();
    let mut catalog = Catalog::load(&common::root().join("data")).unwrap();
    overlay::apply(&mut catalog, &good, None).unwrap();
    let hit = program(&catalog, 102845, 2);
    assert_eq!(
        hit.facts.program_name.as_deref(),
        Some("AAS Health Information Technology")
    );
    assert_eq!(hit.facts.detailed_cip_code.as_deref(), Some("51.0707"));
    assert_eq!(
        hit.facts.prepares_for,
        ["RHIT", "CCS"],
        "as the catalog spells them, once"
    );
    let informatics = program(&catalog, 999002, 3);
    assert_eq!(informatics.cip_code, "5127");
    assert_eq!(
        informatics.facts.detailed_cip_code.as_deref(),
        Some("51.2706")
    );

    let bad = dir.join("bad.csv");
    std::fs::write(
        &bad,
        format!(
            "unitid,credential_level,program_name,cip_code,prepares_for\n\
             102845,2,,51.2706,\n\
             102845,3,,51.07,\n\
             103501,1,,,RHIT;XYZ\n\
             102845,1,{},,\n",
            "n".repeat(201)
        ),
    )
    .unwrap();
    let err = overlay::apply(&mut catalog, &bad, None).unwrap_err();
    let reasons: Vec<(u64, &str)> = err
        .problems
        .iter()
        .map(|(line, reason)| (*line, reason.as_str()))
        .collect();
    assert_eq!(reasons.len(), 4, "{reasons:?}");
    assert!(
        reasons[0]
            .1
            .contains("not within the program's CIP family 51.07"),
        "{reasons:?}"
    );
    assert!(
        reasons[1].1.contains("not a six-digit CIP code"),
        "{reasons:?}"
    );
    assert!(
        reasons[2].1.contains("\"XYZ\" is not a known credential"),
        "{reasons:?}"
    );
    assert!(reasons[3].1.contains("longer than 200"), "{reasons:?}");
    assert_eq!(
        reasons.iter().map(|r| r.0).collect::<Vec<_>>(),
        [2, 3, 4, 5]
    );
}
