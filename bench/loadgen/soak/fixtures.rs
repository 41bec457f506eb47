//! What the soak sends: the good Recommend requests (six profiles, several
//! answer sizes and preferences), the bad ones with the code each must get,
//! and the ListPrograms filters it pages through.

use std::collections::HashMap;

use himrec::pb;
use himrec::riasec::Riasec;
use tonic::Code;

use super::super::{recommend_request, Error};
use super::PAGE_SIZE;

pub(super) fn skills(pairs: &[(&str, f64)]) -> HashMap<String, f64> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect()
}

pub(super) fn riasec(scores: [f64; 6]) -> Option<pb::RiasecScores> {
    Some(Riasec::from(scores).into())
}

/// The good Recommend requests, in the order workers take them.
pub(super) fn good_requests(profile_file: &str) -> Result<Vec<pb::RecommendRequest>, Error> {
    use pb::EducationLevel as Ed;
    let analyst = pb::Profile {
        skills: skills(&[
            ("data_analytics", 0.85),
            ("sql_databases", 0.8),
            ("statistics", 0.7),
            ("programming", 0.6),
            ("ehr_systems", 0.5),
            ("communication", 0.5),
        ]),
        interests: riasec([0.2, 0.8, 0.2, 0.3, 0.4, 0.6]),
        highest_education: Ed::Bachelor as i32,
        credentials: vec!["CHDA".into()],
        state: "CA".into(),
        ..Default::default()
    };
    let manager = pb::Profile {
        skills: skills(&[
            ("leadership", 0.8),
            ("project_management", 0.7),
            ("communication", 0.8),
            ("revenue_cycle", 0.6),
            ("information_governance", 0.6),
            ("privacy_compliance", 0.6),
        ]),
        interests: riasec([0.1, 0.4, 0.2, 0.6, 0.8, 0.5]),
        highest_education: Ed::Master as i32,
        credentials: vec!["RHIA".into(), "PMP".into()],
        state: "NY".into(),
        ..Default::default()
    };
    let registrar = pb::Profile {
        skills: skills(&[
            ("registry_abstraction", 0.85),
            ("anatomy_physiology", 0.8),
            ("medical_terminology", 0.8),
            ("clinical_coding", 0.5),
            ("research", 0.5),
        ]),
        interest_profiler: Some(pb::InterestProfilerScores {
            realistic: 8,
            investigative: 30,
            artistic: 6,
            social: 18,
            enterprising: 10,
            conventional: 34,
        }),
        highest_education: Ed::Associate as i32,
        credentials: vec!["CTR".into()],
        state: "FL".into(),
        ..Default::default()
    };
    let interests_only = pb::Profile {
        interests: riasec([0.3, 0.5, 0.4, 0.8, 0.5, 0.3]),
        ..Default::default()
    };
    let privacy = pb::Profile {
        skills: skills(&[
            ("privacy_compliance", 0.9),
            ("information_governance", 0.8),
            ("health_information_exchange", 0.6),
            ("ehr_systems", 0.6),
        ]),
        highest_education: Ed::Bachelor as i32,
        credentials: vec!["CHPS".into(), "CIPP".into(), "RHIT".into()],
        state: "OH".into(),
        ..Default::default()
    };
    let request = |profile: pb::Profile, limits: [u32; 3]| pb::RecommendRequest {
        profile: Some(profile),
        max_career_paths: limits[0],
        max_work_settings: limits[1],
        max_programs: limits[2],
        ..Default::default()
    };
    Ok(vec![
        recommend_request(profile_file)?,
        request(analyst, [0, 0, 20]),
        request(manager, [10, 10, 50]),
        pb::RecommendRequest {
            program_filter: Some(pb::ProgramFilter {
                delivery_modes: vec![pb::DeliveryMode::Online as i32],
                ..Default::default()
            }),
            ..request(registrar, [0, 0, 0])
        },
        request(interests_only, [3, 3, 3]),
        pb::RecommendRequest {
            program_filter: Some(pb::ProgramFilter {
                accreditations: vec![pb::Accreditation::Accredited as i32],
                ..Default::default()
            }),
            ..request(privacy, [0, 0, 0])
        },
    ])
}

/// A request that must be refused, and the code it must be refused with.
#[derive(Debug, Clone)]
pub(super) enum Bad {
    Recommend(Box<pb::RecommendRequest>),
    ListPrograms(Box<pb::ListProgramsRequest>),
    GetProgram(pb::GetProgramRequest),
}

pub(super) fn profile_of(request: &mut pb::RecommendRequest) -> &mut pb::Profile {
    request.profile.get_or_insert_with(Default::default)
}

/// The bad requests, sent in turn, by name; all but the last are bad
/// input.
pub(super) fn bad_requests(base: &pb::RecommendRequest) -> Vec<(&'static str, Bad, Code)> {
    let with = |name, change: &dyn Fn(&mut pb::RecommendRequest)| {
        let mut request = base.clone();
        change(&mut request);
        (
            name,
            Bad::Recommend(Box::new(request)),
            Code::InvalidArgument,
        )
    };
    vec![
        with("unknown skill", &|r| {
            profile_of(r).skills.insert("sql_database".into(), 0.5);
        }),
        with("skill above 1", &|r| {
            profile_of(r).skills.insert("statistics".into(), 1.5);
        }),
        with("unknown credential", &|r| {
            profile_of(r).credentials.push("XYZ".into())
        }),
        with("both interest forms", &|r| {
            profile_of(r).interest_profiler = Some(pb::InterestProfilerScores {
                social: 20,
                ..Default::default()
            })
        }),
        with("unknown state", &|r| profile_of(r).state = "ZZ".into()),
        with("no profile", &|r| r.profile = None),
        with("max_programs above 100", &|r| r.max_programs = 101),
        (
            "forged page token",
            Bad::ListPrograms(Box::new(pb::ListProgramsRequest {
                page_size: PAGE_SIZE,
                page_token: "not-a-token".into(),
                ..Default::default()
            })),
            Code::InvalidArgument,
        ),
        (
            "program that does not exist",
            Bad::GetProgram(pb::GetProgramRequest {
                unitid: 102_845,
                credential_level: 5,
            }),
            Code::NotFound,
        ),
    ]
}

/// The filters the pager walks the catalog under, in turn.
pub(super) fn page_filters() -> Vec<pb::ListProgramsRequest> {
    vec![
        // Undergraduate certificates and associate's degrees.
        pb::ListProgramsRequest {
            credential_levels: vec![1, 2],
            ..Default::default()
        },
        pb::ListProgramsRequest {
            states: ["TX", "CA", "FL", "NY", "OH"].map(String::from).to_vec(),
            ..Default::default()
        },
        pb::ListProgramsRequest {
            controls: vec![pb::Control::Public as i32],
            min_median_earnings: Some(40_000),
            ..Default::default()
        },
    ]
}
