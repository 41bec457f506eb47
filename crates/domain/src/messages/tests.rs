//! Every sentence in both languages.

use super::*;
use crate::catalog::{ExperienceDomain, Trend};
use crate::education::EducationLevel;
use crate::profile::Goal;

/// The coursework issuers' routes name (data/catalog/credentials.csv).
const COURSEWORK: [&str; 10] = [
    "anatomy_physiology",
    "coding_program",
    "coding",
    "coding_training",
    "coding_preparation",
    "risk_adjustment_training",
    "billing_training",
    "compliance_training",
    "medical_terminology_anatomy_physiology",
    "anatomy_physiology_medical_terminology_disease_process",
];

/// Every sentence, with every choice it words, in both languages:
/// each written, none the same in both (but for names and figures).
#[test]
fn every_sentence_is_written_in_english_and_in_spanish() {
    let write = |s: &dyn Sentences| -> Vec<String> {
        let mut out = Vec::new();
        for standing in [
            Standing::Above,
            Standing::Toward,
            Standing::Below,
            Standing::At,
        ] {
            for vouched in [
                Vouched::Stated,
                Vouched::Credential("RHIT"),
                Vouched::Work("Coders"),
            ] {
                out.push(s.skill_level("X", &"0.30", &"0.80", standing, vouched));
            }
        }
        out.push(s.task_evidence(22877, "Assign codes"));
        out.push(s.element_evidence("Medicine", &"4.1"));
        out.push(s.credential_held("RHIT", "AHIMA"));
        out.push(s.interests_match(&"0.95"));
        out.push(s.education_against_usual("A", "B"));
        for direction in [
            Direction::Raises,
            Direction::Lowers,
            Direction::GoodMatchBeaten,
        ] {
            out.push(s.fit_direction(direction).to_owned());
        }
        out.push(s.related_occupation("Coders", "primary"));
        for opening in [
            Opening::NextRung,
            Opening::DegreeRoute,
            Opening::IssuerRoute,
        ] {
            out.push(s.credential_opens("RHIA", "AHIMA", opening));
        }
        out.push(s.years_there("8", false));
        out.push(s.years_there("1", true));
        for goal in Goal::ALL {
            out.push(s.score_meaning(goal).to_owned());
        }
        out.push(s.years("2", false));
        out.push(s.years("1", true));
        for domain in [
            ExperienceDomain::Coding,
            ExperienceDomain::CancerRegistry,
            ExperienceDomain::DocumentationIntegrity,
            ExperienceDomain::PrivacySecurity,
        ] {
            out.push(s.experience_domain(domain).to_owned());
        }
        for what in COURSEWORK {
            out.push(s.coursework(what).expect("worded").to_owned());
        }
        let two = ["a".to_owned(), "b".to_owned()];
        out.extend([
            s.anyone_may_sit().to_owned(),
            s.college_60().to_owned(),
            s.accredited_program("L", "CAHIIM"),
            s.program_of_level("L"),
            s.the_credentials(&["RHIA", "RHIT"]),
            s.licence(&["RN", "LPN"]),
            s.or_list(&two),
            s.and_list(&two),
            s.either_route(&two),
            s.with_years_held("C", "1 year"),
            s.can_sit_now().to_owned(),
            s.may_sit_now().to_owned(),
            s.needs("C"),
            s.you_have("C"),
            s.profile_does_not_say("C"),
            s.rules_unconfirmed("X", "I", "https://example.org"),
            s.apprenticeship("CPC", "AAPC", "R", "C"),
            s.holding("E"),
        ]);
        for serves in [
            StepServes::CredentialUnlessHeld("RHIA"),
            StepServes::Credential("RHIA"),
            StepServes::Entry(EducationLevel::Bachelor),
        ] {
            out.push(s.education_step("P", serves, " (H)"));
        }
        for trend in Trend::ALL {
            for (average, times) in [
                (None, None),
                (Some("3.1"), None),
                (Some("3.1"), Some(2)),
                (Some("3.1"), Some(3)),
            ] {
                out.push(s.outlook(&OutlookFigures {
                    trend,
                    change: "7.1",
                    magnitude: "7.1",
                    period: "2024-34",
                    average,
                    times_average: times,
                    openings: Some("14,200"),
                    shared: Some(("Medical records specialists", "29-2072")),
                }));
            }
        }
        for (low, high, median) in [
            (Some("$1"), Some("$3"), Some("$2")),
            (Some("$1"), None, Some("$2")),
            (None, None, Some("$2")),
        ] {
            let state = Some("Texas");
            out.push(
                s.pay(&PayFigures {
                    low,
                    high,
                    median,
                    state,
                })
                .expect("written"),
            );
            out.push(
                s.pay(&PayFigures {
                    low,
                    high,
                    median,
                    state: None,
                })
                .expect("written"),
            );
        }
        for step in [
            RouteStep::Prepares("CCS"),
            RouteStep::Accredited {
                code: "RHIT",
                accreditor: "CAHIIM",
                level: "L",
                later: false,
            },
            RouteStep::Accredited {
                code: "RHIT",
                accreditor: "CAHIIM",
                level: "L",
                later: true,
            },
            RouteStep::Recommended {
                issuer: "AAPC",
                code: "CPC",
                level: "L",
            },
            RouteStep::Entry(EducationLevel::Associate),
            RouteStep::Level("L"),
        ] {
            out.push(s.route_step("P", step));
        }
        out.extend([s.specialty().to_owned(), s.off_route("0.1", "-0.30")]);
        for place in [
            PlaceWords::Online("TX"),
            PlaceWords::InState("TX"),
            PlaceWords::OutOfState("TX", Some("OH")),
            PlaceWords::OutOfState("TX", None),
        ] {
            out.push(s.place(place));
        }
        for facts in [
            [None, None, None],
            [Some(true), Some(false), None],
            [Some(true), Some(true), Some(false)],
        ] {
            out.push(s.facts(facts));
        }
        let above = Against {
            amount: "2,100",
            above: true,
            state: "Texas",
        };
        let below = Against {
            amount: "900",
            above: false,
            state: "Ohio",
        };
        for (earnings, debt, repaid, campuses) in [
            (
                Some("48,917"),
                Some("11,500"),
                Repaid::InYears("3.2", "Ohio"),
                Some((4, "A; B; C; 1 more")),
            ),
            (Some("48,917"), Some("11,500"), Repaid::Never("Ohio"), None),
            (None, None, Repaid::Unsaid, None),
        ] {
            out.push(s.outcomes(&OutcomeFigures {
                earnings,
                horizon: "4yr_after_completion",
                own: Some(above),
                there: Some(below),
                debt,
                debt_share: Some("24"),
                repaid,
                campuses,
            }));
        }
        out.push(s.more_campuses(2));
        for net in [
            None,
            Some(NetPrice::GrantsExceed),
            Some(NetPrice::PerYear("$9,800")),
            Some(NetPrice::WithTotal("$9,800", "$19,600", "2")),
        ] {
            for tuition in [
                None,
                Some(Tuition::Operator("$4,000")),
                Some(Tuition::InState("$4,000")),
                Some(Tuition::OutOfState("$9,000")),
            ] {
                for graduate in [false, true] {
                    out.push(s.cost(&CostFigures {
                        net,
                        tuition,
                        attendance: net.map(|_| "$20,000"),
                        scorecard_year: Some("2022-23"),
                        graduate,
                    }));
                }
            }
        }
        out.push(s.staffing("Coders", "51.9", "499,150", "961,610", Some("85,900")));
        out.push(s.staffing("Coders", "51.9", "499,150", "961,610", None));
        for level in EducationLevel::ALL {
            out.push(s.education(level).to_owned());
        }
        for level in [1, 2, 3, 4, 5, 6, 7, 8] {
            out.push(s.credential_level(level).to_owned());
        }
        for level in [1, 2, 3, 5] {
            out.push(s.duration(level).expect("NCES defines it").to_owned());
        }
        assert_eq!(s.duration(4), None);
        out.push(s.cip_family_note().to_owned());
        let route = RouteWords {
            code: "RHIT",
            issuer: "AHIMA",
            by_level: true,
            levels: "L",
            accreditor: Some("CAHIIM"),
            recorded: true,
            accredited: None,
            prepares: true,
        };
        for accredited in [None, Some(true), Some(false)] {
            for recorded in [true, false] {
                out.push(s.credential_route(&RouteWords {
                    accredited,
                    recorded,
                    ..route
                }));
            }
        }
        out.push(s.credential_route(&RouteWords {
            accreditor: None,
            ..route
        }));
        out.push(s.credential_route(&RouteWords {
            by_level: false,
            ..route
        }));
        let counted = s.counted(&"0.5", &"-0.21");
        let zones = s.zones(4, 3, Some(("$1", "$2")));
        out.extend([counted.clone(), zones.clone(), s.zones(4, 3, None)]);
        for from in [Whence::Work("Coders"), Whence::Education] {
            out.push(s.step_up(from, "Z"));
            out.push(s.lateral(from, "Z", Some("C")));
            out.push(s.lateral(from, "Z", None));
        }
        for weighed in [
            StayWeighed::Not,
            StayWeighed::ToMoveUp("C"),
            StayWeighed::Leaving("C"),
        ] {
            out.push(s.where_you_work(", 8", weighed));
        }
        out.extend([
            s.brings_more("Z", Some("C")),
            s.brings_more("Z", None),
            s.weaker_link("L", "C"),
            s.not_yet_qualified(EducationLevel::Bachelor, "H", "C"),
            s.declining(&"-3.0", "2024-34", true, "C"),
            s.declining(&"-3.0", "2024-34", false, "C"),
            s.unlinked(true, "C"),
            s.unlinked(false, "C"),
            s.points_here(&"0.90", &"+0.20"),
            s.adjacent("C"),
            s.long_route(EducationLevel::Master, "C"),
        ]);
        assert_eq!(
            s.pay(&PayFigures {
                low: None,
                high: None,
                median: None,
                state: None
            }),
            None
        );
        out
    };
    let english = write(of(Language::En));
    let spanish = write(of(Language::Es));
    for (en, es) in english.iter().zip(&spanish) {
        assert!(!en.is_empty() && !es.is_empty());
        assert_ne!(en, es, "the same in both languages");
        // No English word left in a Spanish sentence (the names and
        // figures given are ones no sentence translates).
        let words: Vec<&str> = es
            .split(|c: char| !c.is_alphabetic() && c != '\'')
            .collect();
        for english in ["so", "the", "and", "with", "you", "your", "of", "to", "or"] {
            assert!(!words.contains(&english), "{english:?} in {es:?}");
        }
    }
}

/// One year is one year, in both languages.
#[test]
fn a_single_year_reads_singular() {
    assert_eq!(of(Language::En).years_there("1", true), ", for 1 year");
    assert_eq!(
        of(Language::Es).years_there("1", true),
        ", desde hace 1 año"
    );
    assert_eq!(of(Language::En).years("1", true), "1 year");
}

/// Every coursework an issuer's route names in the bundled catalog
/// has words in both languages, none left as its id.
#[test]
fn every_coursework_the_catalog_names_is_worded_in_both_languages() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let catalog = crate::catalog::Catalog::load(&root.join("data")).unwrap();
    let mut named = 0;
    for credential in catalog.credentials.iter() {
        let removal = credential.apprentice.iter().flat_map(|a| &a.removal);
        for route in credential
            .rules
            .iter()
            .chain(&credential.recommended)
            .chain(removal)
        {
            for condition in route {
                if let crate::catalog::Condition::Coursework(what) = condition {
                    named += 1;
                    for language in [Language::En, Language::Es] {
                        assert!(of(language).coursework(what).is_some(), "{what}");
                    }
                }
            }
        }
    }
    assert!(named > 0, "the catalog names coursework");
}
