//! `himrec compare` on a file of requests: a model against itself agrees
//! on everything; against a model that differs, the comparison says how
//! often and where the first career path moves, and draws it.

mod common;

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
