//! What a program answer tells a person choosing between programs: one
//! entry per reporting unit with its campuses, the credentials its level
//! leads to and on what condition, how long it takes, whether its debt
//! pays back, what it is, and the facts to weigh, known or unknown.

use crate::common;

use std::collections::BTreeSet;

use common::{profile, TestServer};
use himrec::pb;
use himrec::pb::catalog_client::CatalogClient;

/// Campuses of OPEID6 023410 reported together at level 1.
const FORTIS_AL: u32 = 371052;
const FORTIS_FL: u32 = 455479;
/// Charter College: level 2 has no earnings; level 3 is accredited, online,
/// with practicum and career services in the overlay fixture.
const CHARTER: u32 = 102845;
/// Operator-only, accredited, practicum, no career services.
const EXAMPLE: u32 = 999001;

async fn get(server: &TestServer, unitid: u32, credential_level: u32) -> pb::Program {
    CatalogClient::new(server.channel.clone())
        .get_program(pb::GetProgramRequest {
            unitid,
            credential_level,
        })
        .await
        .unwrap()
        .into_inner()
        .program
        .unwrap()
}

async fn list(server: &TestServer, filter: pb::ProgramFilter) -> Vec<pb::Program> {
    CatalogClient::new(server.channel.clone())
        .list_programs(pb::ListProgramsRequest {
            page_size: 500,
            filter: Some(filter),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner()
        .programs
}

async fn recommend(
    server: &TestServer,
    state: &str,
    filter: pb::ProgramFilter,
) -> Vec<pb::ProgramRecommendation> {
    let mut person = profile(&[("clinical_coding", 0.8), ("medical_terminology", 0.9)]);
    person.state = state.into();
    server
        .client()
        .recommend(pb::RecommendRequest {
            profile: Some(person),
            max_programs: 100,
            program_filter: Some(filter),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner()
        .programs
}

fn keys(programs: &[pb::ProgramRecommendation]) -> BTreeSet<(u32, u32)> {
    programs
        .iter()
        .map(|p| {
            let program = p.program.as_ref().unwrap();
            (program.unitid, program.credential_level)
        })
        .collect()
}

fn reason<'a>(p: &'a pb::ProgramRecommendation, factor: &str) -> &'a pb::Reason {
    p.reasons
        .iter()
        .find(|r| r.factor == factor)
        .unwrap_or_else(|| panic!("no {factor} reason in {:?}", p.reasons))
}

fn route<'a>(program: &'a pb::Program, code: &str) -> Option<&'a pb::CredentialRoute> {
    program.credential_routes.iter().find(|r| r.code == code)
}

#[tokio::test]
async fn campuses_reported_together_are_one_entry_that_names_them() {
    let server = TestServer::with_overlay().await;
    let al = get(&server, FORTIS_AL, 1).await;
    let campuses: Vec<(u32, &str)> = al
        .campuses
        .iter()
        .map(|c| (c.unitid, c.state.as_str()))
        .collect();
    assert!(campuses.contains(&(FORTIS_AL, "AL")), "{campuses:?}");
    assert!(campuses.contains(&(FORTIS_FL, "FL")), "{campuses:?}");
    assert_eq!(al.opeid6, "023410");
    // Listing shows the same grouping from the other campus.
    let fl = list(
        &server,
        pb::ProgramFilter {
            unitids: vec![FORTIS_FL],
            credential_levels: vec![1],
            ..Default::default()
        },
    )
    .await;
    assert_eq!(fl.len(), 1);
    assert_eq!(fl[0].campuses, al.campuses);
    // A program reported alone, and an operator's own, have none.
    assert!(get(&server, CHARTER, 3).await.campuses.is_empty());
    let own = get(&server, EXAMPLE, 2).await;
    assert!(own.campuses.is_empty() && own.opeid6.is_empty());

    // Recommend lists one campus per unit: the one in the person's state.
    for (state, shown) in [("FL", FORTIS_FL), ("AL", FORTIS_AL)] {
        let ranked = recommend(
            &server,
            state,
            pb::ProgramFilter {
                unitids: campuses.iter().map(|c| c.0).collect(),
                credential_levels: vec![1],
                ..Default::default()
            },
        )
        .await;
        assert_eq!(keys(&ranked), BTreeSet::from([(shown, 1)]), "{state}");
        let outcomes = &reason(&ranked[0], "outcomes").explanation;
        assert!(
            outcomes.contains(&format!(
                "Scorecard reports these figures for {} campuses together",
                campuses.len()
            )),
            "{outcomes}"
        );
    }
    // A filter on one campus still finds it.
    let ranked = recommend(
        &server,
        "AL",
        pb::ProgramFilter {
            unitids: vec![FORTIS_FL],
            ..Default::default()
        },
    )
    .await;
    assert_eq!(keys(&ranked), BTreeSet::from([(FORTIS_FL, 1)]));
}

#[tokio::test]
async fn programs_name_the_credentials_their_level_leads_to_and_the_condition() {
    let server = TestServer::with_overlay().await;
    let associate = get(&server, CHARTER, 2).await;
    let rhit = route(&associate, "RHIT").expect("an associate program leads to the RHIT");
    assert_eq!(rhit.accreditor, "CAHIIM");
    assert_eq!(rhit.accredited, None);
    assert_eq!(
        rhit.explanation,
        "RHIT: graduates of CAHIIM-accredited associate programs may sit the exam; \
         this program's CAHIIM accreditation is unknown (the operator can state it)"
    );
    assert!(route(&associate, "RHIA").is_none());

    // The bachelor's program the operator marks accredited.
    let bachelor = get(&server, CHARTER, 3).await;
    let rhia = route(&bachelor, "RHIA").expect("a bachelor's program leads to the RHIA");
    assert_eq!(rhia.accredited, Some(true));
    assert!(
        rhia.explanation
            .contains("this program is CAHIIM-accredited"),
        "{}",
        rhia.explanation
    );
    assert!(route(&bachelor, "RHIT").is_none());

    // A certificate leads to the ODS through an NCRA-accredited program,
    // which the overlay does not record.
    let certificate = get(&server, 103501, 1).await;
    let ods = route(&certificate, "ODS").unwrap();
    assert_eq!((ods.accreditor.as_str(), ods.accredited), ("NCRA", None));
    assert!(
        ods.explanation.contains("not recorded"),
        "{}",
        ods.explanation
    );

    // Recommend's programs carry the same routes.
    let ranked = recommend(
        &server,
        "",
        pb::ProgramFilter {
            unitids: vec![CHARTER],
            ..Default::default()
        },
    )
    .await;
    let listed = ranked
        .iter()
        .find(|p| p.program.as_ref().unwrap().credential_level == 2)
        .unwrap();
    let ranked_route = route(listed.program.as_ref().unwrap(), "RHIT").unwrap();
    assert_eq!(ranked_route, rhit);
}

#[tokio::test]
async fn duration_and_payback_are_given_where_the_data_has_them() {
    let server = TestServer::with_overlay().await;
    let bachelor = get(&server, CHARTER, 3).await;
    let duration = bachelor.typical_duration.as_ref().unwrap();
    assert_eq!(
        (duration.min_years, duration.max_years),
        (Some(4.0), Some(5.0))
    );
    assert!(duration.description.contains("NCES"));
    // Scorecard: earnings $46,986, Alaska threshold $42,938, debt $45,100.
    assert_eq!(bachelor.earnings_premium, Some(46_986 - 42_938));
    let years = bachelor.payback_years.unwrap();
    assert!((years - 45_100.0 / 4_048.0).abs() < 1e-9);

    // Earnings suppressed: no premium and no payback, never 0.
    let associate = get(&server, CHARTER, 2).await;
    assert_eq!(associate.median_earnings, None);
    assert_eq!(
        (associate.earnings_premium, associate.payback_years),
        (None, None)
    );
    assert_eq!(associate.typical_duration.unwrap().min_years, Some(2.0));
    // Earnings below the threshold: a premium below 0, and no payback.
    let below = get(&server, 103501, 1).await;
    assert!(below.earnings_premium.unwrap() < 0);
    assert_eq!(below.payback_years, None);
    // NCES gives no length for a post-baccalaureate certificate.
    assert!(get(&server, 450933, 4).await.typical_duration.is_none());

    // Recommend measures the payback where the person wants to work: the
    // online bachelor's program, from California (threshold $36,976).
    let ranked = recommend(
        &server,
        "CA",
        pb::ProgramFilter {
            unitids: vec![CHARTER],
            credential_levels: vec![3],
            ..Default::default()
        },
    )
    .await;
    let payback = ranked[0].payback.as_ref().unwrap();
    assert_eq!(payback.state, "CA");
    assert_eq!(payback.state_earnings_threshold, 36_976);
    assert_eq!(payback.earnings_premium, 46_986 - 36_976);
    assert!((payback.years.unwrap() - 45_100.0 / 10_010.0).abs() < 1e-9);
    let outcomes = &reason(&ranked[0], "outcomes").explanation;
    assert!(
        outcomes.contains("Graduates earn $46,986 four years after completing, $4,048 above the earnings threshold Scorecard publishes for Alaska"),
        "{outcomes}"
    );
    assert!(outcomes.contains("California"), "{outcomes}");
    // Earnings suppressed: no payback in the answer either.
    let ranked = recommend(
        &server,
        "CA",
        pb::ProgramFilter {
            unitids: vec![CHARTER],
            credential_levels: vec![2],
            ..Default::default()
        },
    )
    .await;
    assert!(ranked[0].payback.is_none());
}

#[tokio::test]
async fn practicum_and_career_services_filter_and_show_as_known_or_unknown() {
    let server = TestServer::with_overlay().await;
    let cases = [
        (Some(true), None, vec![(CHARTER, 3), (EXAMPLE, 2)]),
        (None, Some(false), vec![(EXAMPLE, 2)]),
        (Some(true), Some(true), vec![(CHARTER, 3)]),
    ];
    for (practicum, career_services, expected) in cases {
        let filter = pb::ProgramFilter {
            practicum,
            career_services,
            ..Default::default()
        };
        let expected: BTreeSet<(u32, u32)> = expected.into_iter().collect();
        let listed: BTreeSet<(u32, u32)> = list(&server, filter.clone())
            .await
            .iter()
            .map(|p| (p.unitid, p.credential_level))
            .collect();
        assert_eq!(listed, expected, "{filter:?}");
        assert_eq!(keys(&recommend(&server, "", filter).await), expected);
    }
    // Every program answer says what is known of the facts to weigh.
    let ranked = recommend(
        &server,
        "",
        pb::ProgramFilter {
            unitids: vec![CHARTER],
            ..Default::default()
        },
    )
    .await;
    for p in &ranked {
        let facts = &reason(p, "program_facts").explanation;
        match p.program.as_ref().unwrap().credential_level {
            3 => assert!(
                facts.contains(
                    "CAHIIM accreditation yes; practicum or internship yes; career services yes"
                ),
                "{facts}"
            ),
            _ => assert!(
                facts.contains("CAHIIM accreditation unknown; practicum or internship unknown"),
                "{facts}"
            ),
        }
    }
}

#[tokio::test]
async fn a_program_says_what_it_is() {
    let server = TestServer::with_overlay().await;
    let public = get(&server, CHARTER, 3).await;
    assert_eq!(
        public.title,
        "Health and Medical Administrative Services (CIP 51.07), Bachelor's Degree"
    );
    assert!(public.title_note.contains("medical office assistant"));
    assert!(public.title_note.contains("51.0707"));
}

#[tokio::test]
async fn explanations_speak_plainly() {
    let server = TestServer::start().await;
    for state in ["", "TX", "NY"] {
        for skills in [
            vec![("clinical_coding", 0.9)],
            vec![("data_analytics", 0.8), ("leadership", 0.7)],
            vec![("registry_abstraction", 0.9), ("medical_terminology", 0.8)],
        ] {
            let mut person = profile(&skills);
            person.state = state.into();
            let answer = server.recommend_all(person).await;
            let explanations = answer
                .programs
                .iter()
                .flat_map(|p| &p.reasons)
                .chain(answer.career_paths.iter().flat_map(|c| &c.reasons))
                .chain(answer.work_settings.iter().flat_map(|s| &s.reasons))
                .map(|r| r.explanation.to_lowercase());
            for text in explanations {
                for internal in ["job zone", "counted 1/", "relevance", "diversif"] {
                    assert!(!text.contains(internal), "{text}");
                }
            }
            // Each program names the route step it takes, by the path.
            assert!(answer
                .programs
                .iter()
                .flat_map(|p| &p.reasons)
                .any(|r| r.factor.starts_with("route:")
                    && r.explanation.starts_with("On the route to ")));
        }
    }
}
