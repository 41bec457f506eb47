//! Training on an operator's outcome records: bad rows reported by line,
//! refusal when too little is usable, provenance in the artifact.

mod common;

use himrec::catalog::Catalog;
use himrec::model::outcomes::{self, RejectedRow};
use himrec::model::train::{outcomes_split, train_on_outcomes, TrainConfig};
use himrec::model::{eval, CareerModel, ModelError};

fn catalog() -> Catalog {
    Catalog::load(&common::root().join("data")).unwrap()
}

fn fixture(name: &str) -> std::path::PathBuf {
    common::root().join("tests/fixtures").join(name)
}

fn config() -> TrainConfig {
    TrainConfig {
        rows: 2_000,
        ..TrainConfig::default()
    }
}

#[test]
fn bad_rows_are_reported_with_their_line_and_reason() {
    let catalog = catalog();
    let outcomes = outcomes::read(&fixture("outcomes.csv"), &catalog).unwrap();
    assert_eq!(outcomes.rows_read(), 126);
    assert_eq!(outcomes.profiles.len(), 120);
    let lines: Vec<u64> = outcomes.rejected.iter().map(|r| r.line).collect();
    assert_eq!(lines, [12, 43, 44, 85, 106, 107]);
    let reason = |line: u64| -> &str {
        &outcomes
            .rejected
            .iter()
            .find(|r: &&RejectedRow| r.line == line)
            .unwrap()
            .reason
    };
    assert!(reason(12).contains("99-9999.00"), "{}", reason(12));
    assert!(reason(43).contains("medical_terminology"), "{}", reason(43));
    assert!(
        reason(44).contains("six interest columns"),
        "{}",
        reason(44)
    );
    assert!(reason(85).contains("phd-ish"), "{}", reason(85));
    assert!(reason(106).contains("fields"), "{}", reason(106));
    assert!(reason(107).contains("not a number"), "{}", reason(107));
}

#[test]
fn a_file_with_too_little_usable_is_refused() {
    let catalog = catalog();
    let err = outcomes::read(&fixture("outcomes_mostly_bad.csv"), &catalog).unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("only 10 of 25 rows are usable"),
        "{message}"
    );
    assert!(message.contains("line 12:"), "{message}");
}

#[test]
fn an_unknown_column_is_refused_by_name() {
    let catalog = catalog();
    let path = std::env::temp_dir().join(format!("himrec-outcomes-{}.csv", std::process::id()));
    std::fs::write(&path, "career_path,clinical_codin\n29-2072.00,0.5\n").unwrap();
    let err = outcomes::read(&path, &catalog).unwrap_err().to_string();
    assert!(err.contains("unknown column `clinical_codin`"), "{err}");
}

#[test]
fn training_on_outcomes_records_its_provenance_and_evaluates_on_held_out_records() {
    let catalog = catalog();
    let data = common::root().join("data");
    let outcomes = outcomes::read(&fixture("outcomes.csv"), &catalog).unwrap();
    let artifact = train_on_outcomes(&catalog, &data, config(), &outcomes, 0.5).unwrap();

    let record = artifact
        .training
        .outcomes
        .as_ref()
        .expect("outcomes recorded");
    assert_eq!(record.file, "outcomes.csv");
    assert_eq!(record.sha256, outcomes.sha256);
    assert_eq!(record.sha256.len(), 64);
    assert_eq!(
        (record.rows_read, record.rows_used, record.rows_rejected),
        (126, 120, 6)
    );
    assert_eq!(record.prior_weight, 0.5);
    // 96 training records (20% of 120 held out) and as many prior rows.
    assert_eq!(record.prior_rows, 96);
    assert_eq!(artifact.training.training_rows, 192);
    assert_eq!(artifact.training.test_rows, 24);
    assert!(artifact
        .training
        .data_files
        .iter()
        .any(|f| f.path == "outcomes.csv" && f.sha256 == outcomes.sha256));

    // The held-out records are the operator's own, and eval rebuilds them.
    let model = CareerModel::new(artifact.clone(), &catalog).unwrap();
    let (split, _) = outcomes_split(&catalog, &config(), &outcomes, 0.5);
    assert_eq!(split.test.len(), 24);
    assert_eq!(eval::report(&catalog, &model, &split), artifact.evaluation);
    let first = &artifact.evaluations()[0];
    assert_eq!(first.method, "model");
    assert!(first.top1_accuracy > 0.5, "{first:?}");

    // The records alone, and the prior's share, make different models.
    let alone = train_on_outcomes(&catalog, &data, config(), &outcomes, 0.0).unwrap();
    assert_eq!(alone.training.outcomes.as_ref().unwrap().prior_rows, 0);
    assert_ne!(alone.model, artifact.model);
    assert_ne!(alone.model_version, artifact.model_version);
}

#[test]
fn a_prior_weight_outside_zero_to_one_is_refused() {
    let catalog = catalog();
    let data = common::root().join("data");
    let outcomes = outcomes::read(&fixture("outcomes.csv"), &catalog).unwrap();
    for weight in [-0.1, 1.0, 2.0] {
        let err = train_on_outcomes(&catalog, &data, config(), &outcomes, weight);
        assert!(matches!(err, Err(ModelError::Training(_))), "{weight}");
    }
}
