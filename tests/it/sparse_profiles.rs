//! Advice that holds for real people: profiles as sparse as people give
//! them, credentials as their issuers define them, each path's picture
//! checked against a reviewed reading of O*NET, through the real server
//! where a client would see it.

use crate::common;

use common::TestServer;
use himrec::pb;
use himrec::pb::catalog_client::CatalogClient;
use himrec::training::eval::reviewed;
use himrec::training::sparse_eval::{distinctive_skills, ranking, top_skills};

async fn credentials(server: &TestServer) -> Vec<pb::Credential> {
    CatalogClient::new(server.channel.clone())
        .list_credentials(pb::ListCredentialsRequest {})
        .await
        .unwrap()
        .into_inner()
        .credentials
}

async fn career_paths(server: &TestServer) -> Vec<pb::CareerPath> {
    CatalogClient::new(server.channel.clone())
        .list_career_paths(pb::ListCareerPathsRequest::default())
        .await
        .unwrap()
        .into_inner()
        .career_paths
}

fn place(answer: &pb::RecommendResponse, soc: &str) -> usize {
    answer
        .career_paths
        .iter()
        .position(|c| c.soc_code == soc)
        .map_or(usize::MAX, |p| p + 1)
}

#[test]
fn every_paths_picture_agrees_with_the_reviewed_reading_of_onet() {
    let recommender = common::recommender();
    let catalog = recommender.catalog();
    let table = reviewed();
    assert_eq!(
        table.len(),
        catalog.career_paths.len(),
        "one row set per path"
    );
    for (soc, skills) in &table {
        let path = catalog
            .career_paths
            .iter()
            .find(|p| &p.soc_code == soc)
            .unwrap_or_else(|| panic!("{soc} is not a path"));
        let top = top_skills(catalog, path, 6);
        for skill in skills.iter().take(3) {
            assert!(
                top.contains(&skill.as_str()),
                "{soc}: reviewed skill {skill} is not among the catalog's six highest {top:?}"
            );
        }
    }
    // The issue's own case: registrars abstract cases for registries.
    let registrars = catalog
        .career_paths
        .iter()
        .find(|p| p.soc_code == "29-9021.00")
        .unwrap();
    let abstraction = catalog.skill_index("registry_abstraction").unwrap();
    let above = registrars
        .typical_skills
        .iter()
        .filter(|l| **l > registrars.typical_skills[abstraction])
        .count();
    assert!(
        above < 5,
        "registry abstraction is not in 29-9021's top five"
    );
}

#[tokio::test]
async fn typical_levels_carry_the_onet_evidence_behind_them() {
    let server = TestServer::start().await;
    for path in career_paths(&server).await {
        assert_eq!(path.typical_skill_evidence.len(), path.typical_skills.len());
        let top = &path.typical_skill_evidence[0];
        assert_eq!(path.typical_skills[&top.skill_id], top.level);
        assert!(
            !top.onet_tasks.is_empty() || !top.onet_elements.is_empty(),
            "{}: its top skill {} has no O*NET evidence",
            path.soc_code,
            top.skill_id
        );
        for task in &top.onet_tasks {
            assert!(!task.statement.is_empty() && task.task_id > 0);
        }
    }
}

#[tokio::test]
async fn credentials_are_listed_as_their_issuers_define_them() {
    let server = TestServer::start().await;
    let listed = credentials(&server).await;
    let text =
        std::fs::read_to_string(common::root().join("data/catalog/credentials.csv")).unwrap();
    let mut rows = csv::Reader::from_reader(text.as_bytes());
    let header = rows.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), listed.len());
    for (row, credential) in rows.iter().zip(&listed) {
        assert_eq!(credential.code, row[column("code")]);
        assert_eq!(credential.name, row[column("name")]);
        assert_eq!(credential.issuer, row[column("issuer")]);
        assert_eq!(credential.source_url, row[column("source_url")]);
        assert!(
            credential.source_url.starts_with("http"),
            "{}",
            credential.code
        );
        assert!(!credential.exam_scope.is_empty());
        assert!(!credential.leads_to_soc_codes.is_empty());
    }
    let find = |code: &str| listed.iter().find(|c| c.code == code).unwrap();
    // The issuers' program routes.
    let rhit = find("RHIT");
    assert_eq!(rhit.program_credential_levels, [2]);
    assert_eq!(rhit.program_accreditor, "CAHIIM");
    let rhia = find("RHIA");
    assert!(rhia.program_credential_levels.contains(&3));
    assert_eq!(rhia.program_accreditor, "CAHIIM");
    // NCRA's renamed credential still answers to its old code.
    assert!(find("ODS").aliases.contains(&"CTR".to_owned()));
    assert!(listed.iter().all(|c| c.code != "CPHI"));
    assert_eq!(find("CPHQ").issuer, "NAHQ");
    assert_eq!(find("CPB").leads_to_soc_codes, ["43-3021.00"]);
}

#[tokio::test]
async fn a_credential_alone_ranks_the_path_onet_titles_name_for_it_in_the_top_two() {
    let server = TestServer::start().await;
    let paths = career_paths(&server).await;
    let mut checked = Vec::new();
    for credential in credentials(&server).await {
        let marks: Vec<String> = std::iter::once(&credential.code)
            .chain(&credential.aliases)
            .map(|c| format!("({})", c.to_lowercase()))
            .chain([credential.name.to_lowercase()])
            .collect();
        let named: Vec<&pb::CareerPath> = paths
            .iter()
            .filter(|p| {
                p.alternate_titles.iter().any(|t| {
                    let t = t.to_lowercase();
                    marks.iter().any(|m| t.contains(m.as_str()))
                })
            })
            .collect();
        let [path] = named[..] else { continue };
        for code in std::iter::once(&credential.code).chain(&credential.aliases) {
            let answer = server
                .recommend_all(pb::Profile {
                    credentials: vec![code.clone()],
                    ..Default::default()
                })
                .await;
            let at = place(&answer, &path.soc_code);
            assert!(at <= 2, "{code} alone puts {} at {at}", path.soc_code);
            checked.push(code.clone());
        }
    }
    for code in ["RHIT", "CPC", "CCS", "CTR"] {
        assert!(
            checked.iter().any(|c| c == code),
            "{code} not checked: {checked:?}"
        );
    }
}

#[test]
fn each_paths_distinctive_skills_rank_it_in_the_top_three() {
    let recommender = common::recommender();
    let catalog = recommender.catalog();
    let model = recommender.model();
    for (c, path) in catalog.career_paths.iter().enumerate() {
        let skills = distinctive_skills(catalog, c, 3);
        for k in [2, 3] {
            let mut profile =
                himrec::profile::Profile::new(vec![None; catalog.skills.len()], None, None);
            for &s in &skills[..k] {
                profile.state_skill(s, path.typical_skills[s]);
            }
            let at = ranking(model, &profile)
                .iter()
                .position(|&p| p == c)
                .unwrap()
                + 1;
            assert!(
                at <= 3,
                "{} with {k} distinctive skills: place {at}",
                path.soc_code
            );
        }
    }
}

#[tokio::test]
async fn what_was_not_said_is_unknown_and_a_stated_zero_is_lacking() {
    let server = TestServer::start().await;
    let coder = common::profile(&[("clinical_coding", 0.9)]);
    let said_none = pb::Profile {
        skills: [("clinical_coding", 0.9), ("registry_abstraction", 0.0)]
            .map(|(k, v)| (k.to_owned(), v))
            .into(),
        ..Default::default()
    };
    let unknown = server.recommend_all(coder).await;
    let lacking = server.recommend_all(said_none).await;
    let fit = |a: &pb::RecommendResponse| {
        a.career_paths
            .iter()
            .find(|c| c.soc_code == "29-9021.00")
            .map_or(0.0, |c| c.fit)
    };
    assert!(
        fit(&lacking) < fit(&unknown),
        "{} vs {}",
        fit(&lacking),
        fit(&unknown)
    );
    for path in &unknown.career_paths {
        assert!(
            path.reasons
                .iter()
                .all(|r| r.factor == "skill:clinical_coding"
                    || !r.factor.starts_with("skill:")
                        && ["adjacent", "entry_route", "outlook", "pay", "points_here"]
                            .contains(&r.factor.as_str())),
            "{}: {:?}",
            path.soc_code,
            path.reasons
        );
        // A skill not named may be a next step, shown as not stated.
        for gap in path
            .skill_gaps
            .iter()
            .filter(|g| g.skill_id != "clinical_coding")
        {
            assert_eq!(gap.current, None);
        }
    }
}

#[tokio::test]
async fn interests_alone_give_reasons_about_interests_and_never_fault_a_good_match() {
    let server = TestServer::start().await;
    let recommender = common::recommender();
    let catalog = recommender.catalog();
    for scores in [
        [0.1, 0.3, 0.1, 0.4, 0.5, 0.95],
        [0.2, 0.9, 0.2, 0.3, 0.4, 0.6],
        [0.9, 0.3, 0.2, 0.2, 0.3, 0.4],
        [0.1, 0.2, 0.9, 0.5, 0.3, 0.1],
    ] {
        let answer = server
            .recommend_all(pb::Profile {
                interests: Some(common::interests(scores)),
                ..Default::default()
            })
            .await;
        for path in &answer.career_paths {
            // Interests are all that was said, so they are why.
            assert!(!path.reasons.is_empty(), "{}: no reason", path.soc_code);
            for reason in &path.reasons {
                // Besides interests, only the rules of exploring: the way
                // in (BLS entry education), the field's edge, the outlook;
                // and the pay every path states.
                if reason.factor != "interests" {
                    assert!(
                        ["entry_route", "adjacent", "outlook", "pay", "points_here"]
                            .contains(&reason.factor.as_str()),
                        "{}: {reason:?}",
                        path.soc_code
                    );
                    continue;
                }
                let onet = catalog
                    .career_paths
                    .iter()
                    .find(|p| p.soc_code == path.soc_code)
                    .unwrap();
                let good = himrec::model::fit::pearson(&scores, &onet.interests) >= 0.5;
                assert!(
                    !(good && reason.explanation.contains("lowers")),
                    "{}: {}",
                    path.soc_code,
                    reason.explanation
                );
                if good && reason.contribution < 0.0 {
                    assert!(reason.explanation.contains("a good match"));
                }
            }
        }
    }
}

#[tokio::test]
async fn every_credential_step_leads_to_its_path_and_says_what_it_takes() {
    let server = TestServer::start().await;
    let listed = credentials(&server).await;
    let mut steps = 0;
    for profile in [
        pb::Profile {
            credentials: vec!["CCA".into()],
            ..common::profile(&[("clinical_coding", 0.6), ("medical_terminology", 0.7)])
        },
        common::profile(&[("revenue_cycle", 0.8), ("customer_service", 0.6)]),
        common::profile(&[("leadership", 0.8), ("data_analytics", 0.6)]),
        common::profile(&[("privacy_compliance", 0.9)]),
    ] {
        for path in server.recommend_all(profile).await.career_paths {
            for step in &path.credential_steps {
                let credential = listed.iter().find(|c| c.code == step.code).unwrap();
                assert!(
                    credential.leads_to_soc_codes.contains(&path.soc_code),
                    "{} is offered for {}",
                    step.code,
                    path.soc_code
                );
                assert_eq!(step.eligibility, credential.eligibility);
                assert!(step.score_after > step.score_after - step.score_gain);
                steps += 1;
            }
        }
    }
    assert!(steps > 10, "only {steps} steps");
}

#[tokio::test]
async fn a_cca_holder_is_told_the_ccs_before_anything_else_for_coding() {
    let server = TestServer::start().await;
    let answer = server
        .recommend_all(pb::Profile {
            credentials: vec!["CCA".into()],
            ..common::profile(&[("clinical_coding", 0.6), ("medical_terminology", 0.7)])
        })
        .await;
    assert_eq!(answer.career_paths[0].soc_code, "29-2072.00");
    let steps = &answer.career_paths[0].credential_steps;
    assert!(!steps.is_empty());
    let allowed = ["CCS", "CCS-P", "COC", "CRC", "CPC", "RHIT", "CDIP"];
    assert!(allowed.contains(&steps[0].code.as_str()), "{steps:?}");
    assert!(steps.iter().all(|s| s.code != "ODS"));
}

#[test]
fn the_committed_models_reference_figures_hold() {
    let recommender = common::recommender();
    let sparse = &recommender.model().artifact().evaluation.sparse;
    assert!(sparse.credentials.len() >= 4);
    assert!(
        sparse.credentials.iter().all(|c| c.place <= 2),
        "{:?}",
        sparse.credentials
    );
    assert!(sparse.distinctive.iter().all(|d| d.place_with_three <= 3));
    // Interests alone, ranked as O*NET Interest Profiler matching ranks
    // the paths: 0.6 or more for every high point, 0.8 on average.
    assert_eq!(sparse.interest_high_points.len(), 6);
    assert!(
        sparse
            .interest_high_points
            .iter()
            .all(|h| h.spearman >= 0.6),
        "{:?}",
        sparse.interest_high_points
    );
    assert!(sparse.interest_mean_spearman >= 0.8);
    let slice = |name: &str| sparse.slices.iter().find(|s| s.slice == name).unwrap();
    assert!(slice("credential only").own_top3 >= 0.95);
    assert!(slice("1-2 skills").own_top3 >= 0.7);
    assert!(slice("6+ skills").own_first >= 0.85);
}
