//! Answers in English and Spanish: every reason code is written in both
//! languages from the same typed values, nothing English is left in a
//! Spanish sentence but the names the sources publish only in English, and
//! a request's language is read from its field, else from
//! `Accept-Language`, with a fallback the answer states.

use crate::common;

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use himrec::language::Language;
use himrec::pb;
use himrec::rank::{Datum, QueryInput, Reason, ReasonCode, Recommendations, Recommender, Unit};
use himrec::text::thousands;
use rand::{Rng, SeedableRng};
use tonic::Code;

/// The bundled data with operator facts that reach every program reason:
/// a program that prepares for credentials, online programs, stated
/// accreditation, practicum and career services.
fn recommender() -> Arc<Recommender> {
    let dir = common::scratch("languages");
    let overlay = dir.join("facts.jsonl");
    std::fs::write(
        &overlay,
        concat!(
            r#"{"unitid": 102845, "credential_level": 2, "prepares_for": ["RHIT", "CCS"], "delivery_mode": "online", "cahiim_accredited": true, "practicum": true, "career_services": false}"#,
            "\n",
            r#"{"unitid": 999001, "credential_level": 2, "institution_name": "Example Community College", "state": "TX", "control": "public", "delivery_mode": "online", "practicum": true}"#,
            "\n",
        ),
    )
    .unwrap();
    let root = common::root();
    Arc::new(
        himrec::live::load_with_overlay(
            &root.join("data"),
            &root.join("models/career_model.json"),
            Some(&overlay),
        )
        .unwrap(),
    )
}

/// Requests that between them reach every reason code: random profiles of
/// every completeness, and profiles aimed at the rarer codes.
fn requests(recommender: &Recommender) -> Vec<pb::RecommendRequest> {
    let catalog = recommender.catalog();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(20261201);
    let mut requests = Vec::new();
    for _ in 0..60 {
        let mut profile = pb::Profile::default();
        for skill in catalog.skills.iter() {
            if rng.gen_bool(0.35) {
                profile
                    .skills
                    .insert(skill.id.clone(), rng.gen_range(0.0..=1.0));
            }
        }
        if rng.gen_bool(0.5) {
            profile.interests = Some(common::interests([0; 6].map(|_| rng.gen_range(0.0..=1.0))));
        }
        profile.highest_education = rng.gen_range(0..=10);
        if rng.gen_bool(0.3) {
            let c = &catalog.credentials[rng.gen_range(0..catalog.credentials.len())];
            profile.credentials.push(c.code.clone());
        }
        profile.state = ["", "TX", "CA", "NY"][rng.gen_range(0..4)].into();
        profile.goal = rng.gen_range(0..=4);
        if rng.gen_bool(0.5) {
            let occupations = &catalog.occupations;
            let o = &occupations[rng.gen_range(0..occupations.len())];
            profile.current_occupation = o.soc_code.clone();
            profile.years_experience = rng.gen_bool(0.5).then(|| rng.gen_range(0.0..20.0));
        }
        requests.push(pb::RecommendRequest {
            profile: Some(profile),
            max_career_paths: 8,
            max_work_settings: 8,
            max_programs: 60,
            ..Default::default()
        });
    }
    let aimed = |profile: pb::Profile, filter: pb::ProgramFilter| pb::RecommendRequest {
        profile: Some(profile),
        max_programs: 30,
        program_filter: Some(filter),
        ..Default::default()
    };
    let coder = pb::Profile {
        credentials: vec!["CCS".into()],
        highest_education: pb::EducationLevel::HighSchool as i32,
        state: "TX".into(),
        ..common::profile(&[("clinical_coding", 0.9), ("medical_terminology", 0.8)])
    };
    requests.extend([
        // Master's programs for a person without a bachelor's.
        aimed(
            coder.clone(),
            pb::ProgramFilter {
                credential_levels: vec![5],
                ..Default::default()
            },
        ),
        // Online programs, one preparing for the RHIT and the CCS.
        aimed(
            coder.clone(),
            pb::ProgramFilter {
                delivery_modes: vec![pb::DeliveryMode::Online as i32],
                ..Default::default()
            },
        ),
        // Associate programs for a person who holds a bachelor's.
        aimed(
            pb::Profile {
                highest_education: pb::EducationLevel::Bachelor as i32,
                ..coder
            },
            pb::ProgramFilter {
                credential_levels: vec![2],
                ..Default::default()
            },
        ),
    ]);
    requests
}

/// The ranking of `request` written in `language`.
fn answer<'a>(
    recommender: &'a Recommender,
    request: &pb::RecommendRequest,
    tag: &str,
) -> Recommendations<'a> {
    let request = pb::RecommendRequest {
        language: tag.into(),
        ..request.clone()
    };
    let query = QueryInput::from(request)
        .check(recommender.catalog(), 256)
        .unwrap();
    recommender.answer(&query)
}

fn all_reasons(r: Recommendations<'_>) -> Vec<Reason> {
    let careers = r.career_paths.into_iter().flat_map(|c| c.reasons);
    let settings = r.settings.into_iter().flat_map(|s| s.reasons);
    let programs = r.programs.into_iter().flat_map(|p| p.reasons);
    careers.chain(settings).chain(programs).collect()
}

/// `x` with two decimals, rounded half away from zero as the sentences
/// write it.
fn two_decimals(x: f64) -> String {
    let scaled = (x.abs() * 100.0).round() as u64;
    let sign = if x < 0.0 && scaled != 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", scaled / 100, scaled % 100)
}

/// Words of the English sentences that must not be left in Spanish ones,
/// once the names the sources publish only in English are taken out.
const ENGLISH: [&str; 24] = [
    " the ",
    " is ",
    " you",
    "You ",
    "Your ",
    " with ",
    " this ",
    "raises",
    "lowers",
    " fit",
    "Leads to",
    "Listed",
    "Graduates",
    " programs",
    "threshold",
    "publishes",
    "Outside",
    "Online",
    "To weigh",
    "unknown",
    "typical on",
    " and ",
    " of ",
    "median debt",
];

/// A Spanish sentence without what stays in English: quoted O*NET tasks,
/// O*NET, BLS and Scorecard titles, institution and state names.
fn without_english_names(sentence: &str, recommender: &Recommender) -> String {
    let catalog = recommender.catalog();
    let mut rest = match sentence.split_once(" (tarea ") {
        Some((head, _)) => head.to_owned(),
        None => sentence.to_owned(),
    };
    let names = catalog
        .career_paths
        .iter()
        .map(|p| p.title.as_str())
        .chain(catalog.occupations.iter().map(|o| o.title.as_str()))
        .chain(
            catalog
                .programs
                .values()
                .map(|p| p.institution_name.as_str()),
        )
        .chain(himrec::catalog::states::STATES.iter().map(|s| s.name))
        .chain(
            catalog
                .career_paths
                .iter()
                .flat_map(|p| p.skill_evidence.iter())
                .flat_map(|e| e.elements.iter().map(|(name, _)| name.as_str())),
        );
    let mut names: Vec<&str> = names.collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    for name in names {
        rest = rest.replace(name, "");
    }
    rest
}

#[test]
fn every_reason_code_is_written_in_english_and_spanish_from_its_typed_values() {
    let recommender = recommender();
    let mut seen: HashMap<ReasonCode, usize> = HashMap::new();
    for request in requests(&recommender) {
        let english = all_reasons(answer(&recommender, &request, "en"));
        let spanish = all_reasons(answer(&recommender, &request, "es-MX"));
        assert_eq!(english.len(), spanish.len());
        for (en, es) in english.iter().zip(&spanish) {
            // The same reason, only its sentence in another language.
            assert_eq!(
                (en.code, &en.factor, en.contribution, &en.values),
                (es.code, &es.factor, es.contribution, &es.values)
            );
            assert_ne!(en.explanation, es.explanation, "{:?}", en.code);
            *seen.entry(en.code).or_default() += 1;

            let names: BTreeSet<&str> = en.values.iter().map(|v| v.name).collect();
            let allowed: BTreeSet<&str> = en.code.value_names().iter().copied().collect();
            assert!(names.is_subset(&allowed), "{:?}: {names:?}", en.code);

            // The figures the sentences state are the values'.
            for value in &en.values {
                let written = match (&value.datum, value.unit) {
                    (Datum::Number(x), Unit::Usd) if value.name == "median_earnings" => {
                        format!("${}", thousands(*x as u32))
                    }
                    (Datum::Number(x), Unit::SkillLevel | Unit::Correlation) => two_decimals(*x),
                    (Datum::Text(code), _) if value.name == "credential" => code.clone(),
                    _ => continue,
                };
                for sentence in [&en.explanation, &es.explanation] {
                    assert!(
                        sentence.contains(&written),
                        "{:?} {}: {written} not in {sentence:?}",
                        en.code,
                        value.name
                    );
                }
            }

            let rest = without_english_names(&es.explanation, &recommender);
            for word in ENGLISH {
                assert!(
                    !rest.contains(word),
                    "{:?}: {word:?} left in {:?}",
                    es.code,
                    es.explanation
                );
            }
        }
    }
    let missing: Vec<ReasonCode> = ReasonCode::ALL
        .into_iter()
        .filter(|c| !seen.contains_key(c) && !ReasonCode::RETIRED.contains(c))
        .collect();
    assert!(missing.is_empty(), "never written: {missing:?}");
}

#[test]
fn catalog_words_have_spanish_and_english_stays_for_source_titles() {
    let recommender = common::recommender();
    let catalog = recommender.catalog();
    for skill in catalog.skills.iter() {
        assert!(!skill.name_in(Language::Es).is_empty());
        assert_ne!(skill.name_in(Language::Es), skill.name, "{}", skill.id);
    }
    for setting in catalog.settings.iter() {
        assert_ne!(
            setting.name_in(Language::Es),
            setting.name,
            "{}",
            setting.id
        );
    }
    for credential in catalog.credentials.iter() {
        let (en, es) = (
            credential.eligibility_in(Language::En),
            credential.eligibility_in(Language::Es),
        );
        assert_eq!(en.len(), es.len(), "{}", credential.code);
        for (en, es) in en.iter().zip(es) {
            assert_ne!(en, es);
        }
    }
}

async fn recommend(
    client: &mut pb::recommender_client::RecommenderClient<tonic::transport::Channel>,
    request: pb::RecommendRequest,
    accept_language: Option<&str>,
) -> Result<pb::RecommendResponse, tonic::Status> {
    let mut call = tonic::Request::new(request);
    if let Some(value) = accept_language {
        call.metadata_mut()
            .insert("accept-language", value.parse().unwrap());
    }
    client
        .recommend(call)
        .await
        .map(tonic::Response::into_inner)
}

fn readme_request(language: &str) -> pb::RecommendRequest {
    let profile =
        himrec::client::read_profile_file(&common::root().join("examples/profile.json")).unwrap();
    pb::RecommendRequest {
        profile: Some(profile),
        language: language.into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn the_readme_profile_is_answered_in_spanish_with_the_same_ranking() {
    let server = common::TestServer::start().await;
    let mut client = server.client();
    let en = recommend(&mut client, readme_request(""), None)
        .await
        .unwrap();
    let es = recommend(&mut client, readme_request("es"), None)
        .await
        .unwrap();
    assert_eq!((en.language.as_str(), es.language.as_str()), ("en", "es"));

    // The same ranking and figures; titles O*NET publishes in English stay.
    let ids = |r: &pb::RecommendResponse| {
        let paths: Vec<(String, String, f64)> = r
            .career_paths
            .iter()
            .map(|c| (c.soc_code.clone(), c.title.clone(), c.score))
            .collect();
        let settings: Vec<String> = r
            .work_settings
            .iter()
            .map(|s| s.setting_id.clone())
            .collect();
        let programs: Vec<(u32, f64)> = r
            .programs
            .iter()
            .map(|p| (p.program.as_ref().unwrap().unitid, p.score))
            .collect();
        (paths, settings, programs)
    };
    assert_eq!(ids(&en), ids(&es));
    assert_eq!(es.career_paths[0].soc_code, "29-2072.00");

    // Setting names in Spanish, the English name beside them.
    let hospitals = es
        .work_settings
        .iter()
        .find(|s| s.setting_id == "hospitals")
        .unwrap();
    assert_eq!(
        (hospitals.name.as_str(), hospitals.name_en.as_str()),
        ("Hospitales", "Hospitals")
    );
    assert_eq!(en.work_settings[0].name, en.work_settings[0].name_en);

    // Reasons, skill names and credential steps in Spanish.
    let first = &es.career_paths[0];
    let held = first
        .reasons
        .iter()
        .find(|r| r.code == pb::ReasonCode::CredentialHeld as i32)
        .unwrap();
    assert!(
        held.explanation
            .starts_with("Usted tiene la CCA (AHIMA), que conduce a esta trayectoria: aumenta"),
        "{}",
        held.explanation
    );
    let gap = first
        .skill_gaps
        .iter()
        .find(|g| g.skill_id == "privacy_compliance")
        .unwrap();
    assert_eq!(gap.skill_name, "Privacidad y cumplimiento de HIPAA");
    // The route's first step, the CCS, with the issuer's eligibility in
    // Spanish.
    let ccs = first
        .credential_steps
        .iter()
        .find(|s| s.code == "CCS")
        .unwrap();
    let english = en.career_paths[0]
        .credential_steps
        .iter()
        .find(|s| s.code == "CCS")
        .unwrap();
    assert!(!ccs.eligibility.is_empty());
    assert_ne!(ccs.eligibility, english.eligibility);
    assert!(
        ccs.explanation
            .starts_with("CCS (AHIMA): puede presentarlo ya"),
        "{}",
        ccs.explanation
    );
    let program = es.programs[0].program.as_ref().unwrap();
    assert!(program
        .title_note
        .starts_with("College Scorecard solo nombra el campo"));
    assert!(program.credential_routes[0]
        .explanation
        .starts_with("RHIT: los egresados de programas de título asociado acreditados por CAHIIM"));
    assert!(program
        .typical_duration
        .as_ref()
        .unwrap()
        .description
        .starts_with("Al menos dos y menos de cuatro años"));

    // Every reason carries its code; typed values name what it speaks of.
    for reason in es.career_paths.iter().flat_map(|c| &c.reasons) {
        assert_ne!(reason.code, pb::ReasonCode::Unspecified as i32);
    }
    let hospitals = es
        .work_settings
        .iter()
        .find(|s| s.setting_id == "hospitals")
        .unwrap();
    let staffing = &hospitals.reasons[0];
    assert_eq!(staffing.code, pb::ReasonCode::SettingStaffing as i32);
    let value = |name: &str| staffing.values.iter().find(|v| v.name == name).unwrap();
    assert_eq!(
        value("career_path").value,
        Some(pb::reason_value::Value::Text("29-2072.00".into()))
    );
    let employment = value("employment");
    assert_eq!(employment.unit, pb::ValueUnit::Workers as i32);
    assert_eq!(employment.source, pb::DataSource::BlsOews as i32);
    let release = es
        .data_releases
        .iter()
        .find(|r| r.id == employment.source)
        .unwrap();
    assert_eq!(release.release, "May 2025", "BLS OEWS's release");
}

#[tokio::test]
async fn a_language_comes_from_the_field_else_accept_language_and_unspoken_ones_fall_back() {
    let server = common::TestServer::start().await;
    let mut client = server.client();
    let english = recommend(&mut client, readme_request(""), None)
        .await
        .unwrap();
    let first_reason = |r: &pb::RecommendResponse| r.career_paths[0].reasons[0].explanation.clone();

    for (field, header, expected) in [
        ("", Some("es-MX,es;q=0.9,en;q=0.5"), "es"),
        ("", Some("fr;q=1, es;q=0.4"), "es"),
        ("en", Some("es"), "en"),
        ("es-419", Some("en"), "es"),
        ("fr", None, "en"),
        ("", Some("de, fr"), "en"),
        ("", Some("no such tag!!"), "en"),
    ] {
        let answer = recommend(&mut client, readme_request(field), header)
            .await
            .unwrap();
        assert_eq!(answer.language, expected, "{field:?} {header:?}");
        if expected == "en" {
            assert_eq!(first_reason(&answer), first_reason(&english));
        } else {
            assert_ne!(first_reason(&answer), first_reason(&english));
        }
    }

    for bad in ["es_MX", "español", "e"] {
        let status = recommend(&mut client, readme_request(bad), None)
            .await
            .unwrap_err();
        assert_eq!(status.code(), Code::InvalidArgument);
        assert_eq!(common::violated_fields(&status), ["language"]);
    }

    // A batch reads each request's own language.
    let requests = ["es", "", "fr", "es_MX"].map(|tag| pb::RecommendBatchRequest {
        correlation_id: tag.into(),
        request: Some(readme_request(tag)),
    });
    let mut answers = client
        .recommend_batch(tokio_stream::iter(requests))
        .await
        .unwrap()
        .into_inner();
    let mut got = Vec::new();
    while let Some(item) = answers.message().await.unwrap() {
        got.push(match item.result.unwrap() {
            pb::recommend_batch_response::Result::Response(r) => r.language,
            pb::recommend_batch_response::Result::Error(e) => e.field_violations[0].field.clone(),
        });
    }
    assert_eq!(got, ["es", "en", "en", "request.language"]);
}

#[tokio::test]
async fn the_basic_view_names_settings_in_spanish_without_sentences() {
    let server = common::TestServer::start().await;
    let mut client = server.client();
    let request = pb::RecommendRequest {
        view: pb::RecommendView::Basic as i32,
        ..readme_request("es")
    };
    let answer = recommend(&mut client, request, None).await.unwrap();
    let hospitals = answer
        .work_settings
        .iter()
        .find(|s| s.setting_id == "hospitals")
        .unwrap();
    assert_eq!(hospitals.name, "Hospitales");
    assert!(answer.career_paths.iter().all(|c| c.reasons.is_empty()));
    assert!(answer
        .programs
        .iter()
        .all(|p| p.program.as_ref().unwrap().title_note.is_empty()));
}
