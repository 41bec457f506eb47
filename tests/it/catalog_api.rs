//! The Catalog service end to end: listings, AIP-158 pagination, filters,
//! and NOT_FOUND.

use crate::common;

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
        .list_career_paths(pb::ListCareerPathsRequest::default())
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

/// A source figure; empty is unknown.
fn number(raw: &str) -> Option<f64> {
    (!raw.is_empty()).then(|| raw.parse().unwrap())
}

/// A BLS figure in thousands, as the people it counts.
fn people(raw: &str) -> Option<u32> {
    number(raw).map(|t| (t * 1000.0).round() as u32)
}

#[tokio::test]
async fn every_path_serves_its_projection_as_bls_publishes_it() {
    let server = TestServer::start().await;
    let mut client = client(&server);
    let rows = common::data_rows("bls_ep_2024_34_occupations.csv");
    let row = |code: &str| rows.iter().find(|r| r["soc_code"] == code);
    let average = number(&row("00-0000").unwrap()["change_2024_34_percent"]);
    assert_eq!(average, Some(3.1));
    let paths = client
        .list_career_paths(pb::ListCareerPathsRequest::default())
        .await
        .unwrap()
        .into_inner()
        .career_paths;
    assert_eq!(paths.len(), 14);
    for path in &paths {
        let source = row(&path.bls_soc_code).unwrap_or_else(|| panic!("{}: no row", path.soc_code));
        let outlook = path
            .outlook
            .as_ref()
            .expect("every path's BLS code is projected");
        assert_eq!(outlook.bls_soc_code, path.bls_soc_code);
        assert_eq!(outlook.bls_title, source["title"]);
        let served = (
            outlook.change_percent,
            outlook.openings_per_year,
            outlook.employment_base,
            outlook.employment_projected,
            outlook.median_wage,
        );
        let published = (
            number(&source["change_2024_34_percent"]),
            people(&source["openings_annual_avg_thousands"]),
            people(&source["employment_2024_thousands"]),
            people(&source["employment_2034_thousands"]),
            number(&source["median_annual_wage_2024"]).map(|w| w as u32),
        );
        assert_eq!(served, published, "{}", path.soc_code);
        assert_eq!((outlook.base_year, outlook.projected_year), (2024, 2034));
        assert_eq!(outlook.all_occupations_change_percent, average);
        // Detailed O*NET paths sharing a BLS code say so.
        assert_eq!(
            outlook.figures_note.is_empty(),
            path.figures_note.is_empty(),
            "{}",
            path.soc_code
        );
        let one = client
            .get_career_path(pb::GetCareerPathRequest {
                soc_code: path.soc_code.clone(),
            })
            .await
            .unwrap()
            .into_inner()
            .career_path
            .unwrap();
        assert_eq!(&one, path);
    }
    // The occupations a profile may name carry theirs too, feeders
    // included (Customer Service Representatives -5.5%, File Clerks -15.9%).
    let occupations = client
        .list_occupations(pb::ListOccupationsRequest::default())
        .await
        .unwrap()
        .into_inner()
        .occupations;
    assert_eq!(occupations.len(), 24);
    for occupation in &occupations {
        let code = occupation.soc_code.split('.').next().unwrap();
        let source = row(code).unwrap_or_else(|| panic!("{code}: no row"));
        let outlook = occupation
            .outlook
            .as_ref()
            .expect("every occupation is projected");
        assert_eq!(
            (outlook.change_percent, outlook.openings_per_year),
            (
                number(&source["change_2024_34_percent"]),
                people(&source["openings_annual_avg_thousands"])
            ),
            "{}",
            occupation.soc_code
        );
    }
    let trend = |soc: &str| {
        paths
            .iter()
            .find(|p| p.soc_code == soc)
            .unwrap()
            .outlook
            .as_ref()
            .unwrap()
            .trend
    };
    // The Handbook's words for the paths' 2024-34 figures.
    assert_eq!(trend("31-9094.00"), pb::OutlookTrend::Decline as i32);
    assert_eq!(trend("43-9041.00"), pb::OutlookTrend::Decline as i32);
    assert_eq!(
        trend("43-3021.00"),
        pb::OutlookTrend::LittleOrNoChange as i32
    );
    assert_eq!(
        trend("29-9021.00"),
        pb::OutlookTrend::MuchFasterThanAverage as i32
    );
    assert!(paths
        .iter()
        .any(|p| !p.outlook.as_ref().unwrap().figures_note.is_empty()));
}

#[tokio::test]
async fn paths_filter_and_sort_by_outlook_and_name_a_bad_value() {
    let server = TestServer::start().await;
    let mut client = client(&server);
    let list = |request: pb::ListCareerPathsRequest| {
        let mut client = client.clone();
        async move { client.list_career_paths(request).await }
    };
    let growing = list(pb::ListCareerPathsRequest {
        trends: vec![
            pb::OutlookTrend::SlowerThanAverage as i32,
            pb::OutlookTrend::AsFastAsAverage as i32,
            pb::OutlookTrend::FasterThanAverage as i32,
            pb::OutlookTrend::MuchFasterThanAverage as i32,
        ],
        ..Default::default()
    })
    .await
    .unwrap()
    .into_inner()
    .career_paths;
    assert!(!growing.is_empty());
    assert!(growing
        .iter()
        .all(|p| p.outlook.as_ref().unwrap().change_percent.unwrap() > 0.5));
    for shrinking in ["31-9094.00", "43-9041.00", "43-3021.00"] {
        assert!(growing.iter().all(|p| p.soc_code != shrinking));
    }
    let by_change = list(pb::ListCareerPathsRequest {
        min_change_percent: Some(0.0),
        order_by: pb::CareerPathOrder::ChangePercent as i32,
        ..Default::default()
    })
    .await
    .unwrap()
    .into_inner()
    .career_paths;
    let changes: Vec<f64> = by_change
        .iter()
        .map(|p| p.outlook.as_ref().unwrap().change_percent.unwrap())
        .collect();
    assert!(changes.windows(2).all(|w| w[0] >= w[1]), "{changes:?}");
    assert!(changes.iter().all(|&c| c >= 0.0));
    for (request, field) in [
        (
            pb::ListCareerPathsRequest {
                trends: vec![99],
                ..Default::default()
            },
            "trends[0]",
        ),
        (
            pb::ListCareerPathsRequest {
                order_by: 42,
                ..Default::default()
            },
            "order_by",
        ),
        (
            pb::ListCareerPathsRequest {
                min_change_percent: Some(f64::NAN),
                ..Default::default()
            },
            "min_change_percent",
        ),
    ] {
        let status = list(request).await.unwrap_err();
        assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
        assert_eq!(common::violated_fields(&status), [field]);
    }
    for code in ["", "99-9999.00"] {
        let status = client
            .get_career_path(pb::GetCareerPathRequest {
                soc_code: code.into(),
            })
            .await
            .unwrap_err();
        let expected = if code.is_empty() {
            Code::InvalidArgument
        } else {
            Code::NotFound
        };
        assert_eq!(status.code(), expected, "{status:?}");
    }
}

#[tokio::test]
async fn every_program_serves_its_institution_costs_as_scorecard_publishes_them() {
    let server = TestServer::start().await;
    let mut client = client(&server);
    let rows = common::data_rows("scorecard_institution_costs_2022_23.csv");
    let by_unit: std::collections::HashMap<u32, _> = rows
        .iter()
        .map(|r| (r["unitid"].parse::<u32>().unwrap(), r))
        .collect();
    let request = pb::ListProgramsRequest {
        page_size: 500,
        ..Default::default()
    };
    let (programs, _, _) = all_pages(&mut client, request).await;
    let whole = |raw: &str| number(raw).map(|n| n as u32);
    let mut with_costs = 0;
    for program in &programs {
        let Some(row) = by_unit.get(&program.unitid) else {
            assert!(
                program.cost.is_none(),
                "{}: costs without a row",
                program.unitid
            );
            continue;
        };
        with_costs += 1;
        let cost = program.cost.as_ref().expect("a row's costs are served");
        assert_eq!(cost.cost_year, "2022-23");
        let (academic, program_year) = (whole(&row["costt4_a"]), whole(&row["costt4_p"]));
        assert_eq!(cost.cost_of_attendance, academic.or(program_year));
        assert_eq!(cost.program_year, program_year.is_some());
        assert_eq!(cost.tuition_in_state, whole(&row["tuitionfee_in"]));
        assert_eq!(cost.tuition_out_of_state, whole(&row["tuitionfee_out"]));
        let net = number(&row["npt4_pub"])
            .or(number(&row["npt4_priv"]))
            .map(|n| n as i32);
        assert_eq!(cost.net_price, net, "{}", program.unitid);
        let distance = match row["distanceonly"].as_str() {
            "1" => Some(true),
            "0" => Some(false),
            _ => None,
        };
        assert_eq!(cost.distance_only, distance);
        if distance == Some(true) {
            // No overlay here: a distance-only institution counts as online.
            assert_eq!(program.delivery_mode, pb::DeliveryMode::Online as i32);
        }
    }
    assert_eq!(
        with_costs, 3711,
        "programs whose institution Scorecard gives costs for"
    );
    // The net price filter keeps programs whose institution's is known
    // and at most the figure.
    let cheap = pb::ListProgramsRequest {
        page_size: 500,
        filter: Some(pb::ProgramFilter {
            max_net_price: Some(5000),
            ..Default::default()
        }),
        ..Default::default()
    };
    let (cheap, total, _) = all_pages(&mut client, cheap).await;
    let expected = programs
        .iter()
        .filter(|p| {
            p.cost
                .as_ref()
                .and_then(|c| c.net_price)
                .is_some_and(|n| n <= 5000)
        })
        .count();
    assert!(expected > 0);
    assert_eq!((cheap.len(), total as usize), (expected, expected));
}
