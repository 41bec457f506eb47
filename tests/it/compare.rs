//! `himrec compare` on a file of requests: a model against itself agrees
//! on everything; against a model that differs, the comparison says how
//! often and where the first career path moves, and draws it. `himrec eval
//! --profiles` sums up one model's answers to such a file.

use crate::common;

use std::path::{Path, PathBuf};

use rand::{Rng, SeedableRng};

/// 40 requests in the proto3 JSON mapping, one refused and one unreadable.
fn requests(dir: &Path) -> PathBuf {
    let skills = [
        "clinical_coding",
        "medical_terminology",
        "registry_abstraction",
        "data_analytics",
        "leadership",
        "revenue_cycle",
        "privacy_compliance",
    ];
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
    let mut lines: Vec<String> = (0..40)
        .map(|_| {
            let mut stated = Vec::new();
            for skill in skills {
                if rng.gen_bool(0.5) {
                    stated.push(format!("\"{skill}\": {:.2}", rng.gen_range(0.0..=1.0)));
                }
            }
            format!(
                "{{\"profile\": {{\"skills\": {{{}}}, \"state\": \"TX\"}}}}",
                stated.join(", ")
            )
        })
        .collect();
    lines.push(r#"{"profile": {"skills": {"juggling": 0.5}}}"#.into());
    lines.push("{not json".into());
    let path = dir.join("requests.jsonl");
    std::fs::write(&path, lines.join("\n")).unwrap();
    path
}

fn compare(candidate: &Path, requests: &Path, plot: Option<&Path>) -> String {
    let mut command = common::binary::himrec();
    command
        .args([
            "compare",
            "--stable",
            "models/career_model.json",
            "--candidate",
        ])
        .arg(candidate)
        .arg("--profiles")
        .arg(requests);
    if let Some(plot) = plot {
        command.arg("--plot").arg(plot);
    }
    let output = command.output().unwrap();
    let said = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    said
}

/// The value printed after `what`.
fn value(report: &str, what: &str) -> f64 {
    let line = report
        .lines()
        .find(|l| l.starts_with(what))
        .unwrap_or_else(|| panic!("no {what:?} in\n{report}"));
    line[what.len()..]
        .trim()
        .trim_end_matches('%')
        .parse()
        .unwrap()
}

#[test]
fn a_model_against_itself_agrees_and_against_another_shows_the_moves() {
    let dir = common::scratch("compare");
    let requests = requests(&dir);

    let itself = compare(
        &common::root().join("models/career_model.json"),
        &requests,
        None,
    );
    assert!(
        itself.contains("40 requests compared, 2 refused"),
        "{itself}"
    );
    assert!(itself.contains("refused line 41: "), "{itself}");
    assert_eq!(value(&itself, "same first career path"), 100.0);
    assert_eq!(
        value(&itself, "rank correlation of the paths (Spearman)"),
        1.0
    );
    assert_eq!(value(&itself, "mean absolute change of a path's fit"), 0.0);
    assert_eq!(value(&itself, "first ten programs in both answers"), 100.0);
    assert!(itself.contains("no first career path moves"), "{itself}");

    let plot = dir.join("moves.png");
    let other = compare(
        &common::altered_model(&dir, "career-lr-compared", true),
        &requests,
        Some(&plot),
    );
    assert!(other.contains("candidate career-lr-compared"), "{other}");
    let same = value(&other, "same first career path");
    assert!(same < 100.0, "{other}");
    assert!(value(&other, "rank correlation of the paths (Spearman)") < 1.0);
    assert!(value(&other, "mean absolute change of a path's fit") > 0.0);
    let moves: Vec<&str> = other
        .lines()
        .skip_while(|l| !l.starts_with("first career path moves"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .collect();
    assert!(!moves.is_empty(), "{other}");
    let moved: usize = moves
        .iter()
        .map(|l| {
            l.split_whitespace()
                .next()
                .unwrap()
                .parse::<usize>()
                .unwrap()
        })
        .sum();
    assert_eq!(
        moved as f64,
        (40.0 * (100.0 - same) / 100.0).round(),
        "{other}"
    );
    let png = std::fs::read(&plot).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
}

fn eval(model: &Path, requests: &Path) -> String {
    let output = common::binary::himrec()
        .args(["eval", "--model"])
        .arg(model)
        .arg("--profiles")
        .arg(requests)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    said
}

/// The first-path counts `himrec eval --profiles` lists.
fn first_paths(report: &str) -> Vec<(usize, String)> {
    report
        .lines()
        .skip_while(|l| *l != "first career path")
        .skip(1)
        .map(|l| {
            let mut words = l.split_whitespace();
            let n = words.next().unwrap().parse().unwrap();
            (n, words.nth(1).unwrap().to_owned())
        })
        .collect()
}

#[test]
fn eval_sums_up_a_models_answers_to_a_file_of_requests() {
    let dir = common::scratch("eval-profiles");
    // The example file: one profile per credential in the catalog (the
    // credential and two skills), twelve Interest Profiler results only,
    // and twelve with a few skills and an education.
    let example = common::root().join("examples/requests.jsonl");
    let committed = eval(&common::root().join("models/career_model.json"), &example);
    assert!(
        committed.contains(": 48 requests answered, 0 refused"),
        "{committed}"
    );
    // Every credential holder sees first a path the issuer says the
    // credential leads to.
    assert!(
        committed.contains("profiles stating a credential: 24; a path it leads to comes first for 100.0%, in the first 3 for 100.0%"),
        "{committed}"
    );
    let paths = first_paths(&committed);
    assert_eq!(paths.iter().map(|(n, _)| n).sum::<usize>(), 48);
    assert!(paths.windows(2).all(|w| w[0].0 >= w[1].0), "{committed}");
    assert!(paths.iter().any(|(_, code)| code == "29-2072.00"));
    assert!(committed.contains("fit of the first career path: median "));

    // A model that ranks differently is seen to: other first paths.
    let other = eval(
        &common::altered_model(&dir, "career-lr-eval-other", true),
        &example,
    );
    assert!(other.starts_with("career-lr-eval-other: 48 requests answered"));
    assert_ne!(first_paths(&other), paths, "{other}");

    // Refused lines are counted and shown, as in compare.
    let mixed = eval(
        &common::root().join("models/career_model.json"),
        &requests(&dir),
    );
    assert!(
        mixed.contains(": 40 requests answered, 2 refused"),
        "{mixed}"
    );
    assert!(mixed.contains("refused line 41: profile.skills"), "{mixed}");
    assert!(!mixed.contains("profiles stating a credential"), "{mixed}");
}
