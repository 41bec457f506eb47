//! Training on an operator's outcome records: bad rows reported by line,
//! refusal when too little is usable, provenance in the artifact.

use crate::common;

use himrec::catalog::Catalog;
use himrec::model::CareerModel;
use himrec::training::outcome_split::outcomes_split;
use himrec::training::outcomes::{self, RejectedRow, Taken};
use himrec::training::train::{train_on_outcomes, TrainConfig};
use himrec::training::{eval, TrainingError};

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
    let (split, _) = outcomes_split(&catalog, &config(), &outcomes, 0.5).unwrap();
    assert_eq!(split.test.len(), 24);
    assert_eq!(eval::report(&catalog, &model, &split), artifact.evaluation);
    let first = &artifact.evaluations()[0];
    assert_eq!(first.method, "model");
    assert!(first.top1_accuracy > 0.5, "{first:?}");

    // The records alone do not cover every path of the catalog (they
    // predate the billing, transcription, claims, data and analyst paths):
    // refused, naming one. Another share of the prior makes another model.
    let alone = train_on_outcomes(&catalog, &data, config(), &outcomes, 0.0).unwrap_err();
    assert!(
        matches!(&alone, himrec::training::TrainingError::NoRows { soc_code } if soc_code == "43-3021.00"),
        "{alone}"
    );
    let more = train_on_outcomes(&catalog, &data, config(), &outcomes, 0.75).unwrap();
    let prior = |a: &himrec::model::ModelArtifact| a.training.outcomes.as_ref().unwrap().prior_rows;
    assert!(prior(&more) > prior(&artifact));
    assert_ne!(more.model, artifact.model);
    assert_ne!(more.model_version, artifact.model_version);
}

#[test]
fn a_prior_weight_outside_zero_to_one_is_refused() {
    let catalog = catalog();
    let data = common::root().join("data");
    let outcomes = outcomes::read(&fixture("outcomes.csv"), &catalog).unwrap();
    for weight in [-0.1, 1.0, 2.0] {
        let err = train_on_outcomes(&catalog, &data, config(), &outcomes, weight);
        assert!(
            matches!(err, Err(TrainingError::Settings { .. })),
            "{weight}"
        );
    }
}

/// The fixture with a `work_setting` column: every third usable row keeps
/// only the setting where its path is most often employed, and two rows
/// are bad (an unknown setting; neither a path nor a setting).
fn with_settings(catalog: &Catalog) -> std::path::PathBuf {
    let text = std::fs::read_to_string(fixture("outcomes.csv")).unwrap();
    let mut lines = text.lines();
    let mut out = format!("{},work_setting\n", lines.next().unwrap());
    for (i, line) in lines.enumerate() {
        let (path, rest) = line.split_once(',').unwrap();
        let setting = catalog
            .career_paths
            .iter()
            .position(|p| p.soc_code == path)
            .map(|c| {
                let best = (0..catalog.settings.len())
                    .max_by(|a, b| {
                        catalog.settings[*a].shares[c].total_cmp(&catalog.settings[*b].shares[c])
                    })
                    .unwrap();
                catalog.settings[best].id.as_str()
            });
        match setting {
            Some(setting) if i % 3 == 0 => out.push_str(&format!(",{rest},{setting}\n")),
            _ => out.push_str(&format!("{line},\n")),
        }
    }
    let first = text.lines().nth(1).unwrap().split_once(',').unwrap().1;
    out.push_str(&format!(",{first},moon_base\n"));
    out.push_str(&format!(",{first},\n"));
    let file = common::scratch("outcomes-settings").join("outcomes.csv");
    std::fs::write(&file, out).unwrap();
    file
}

#[test]
fn rows_naming_only_a_work_setting_are_read_and_bad_ones_reported() {
    let catalog = catalog();
    let file = with_settings(&catalog);
    let outcomes = outcomes::read(&file, &catalog).unwrap();
    // The fixture's 126 rows and the two new bad ones; a rejected row of the
    // fixture stays rejected whether or not it lost its path.
    assert_eq!(outcomes.rows_read(), 128);
    assert_eq!(outcomes.profiles.len(), 120);
    let settings = outcomes
        .labels
        .iter()
        .filter(|t| matches!(t, Taken::Setting(_)))
        .count();
    assert_eq!(outcomes.path_rows() + settings, 120);
    assert!(settings >= 35, "{settings}");
    let reasons: Vec<&str> = outcomes
        .rejected
        .iter()
        .map(|r| r.reason.as_str())
        .collect();
    assert!(
        reasons.contains(&"work_setting \"moon_base\" is not one of the catalog's settings"),
        "{reasons:?}"
    );
    assert!(
        reasons.contains(&"neither career_path nor work_setting given"),
        "{reasons:?}"
    );
    assert_eq!(outcomes.rejected.last().unwrap().line, 129);
}

#[test]
fn setting_only_rows_train_with_an_inferred_path_and_are_never_held_out() {
    let catalog = catalog();
    let data = common::root().join("data");
    let file = with_settings(&catalog);
    let outcomes = outcomes::read(&file, &catalog).unwrap();
    let paths = outcomes.path_rows();
    let artifact = train_on_outcomes(&catalog, &data, config(), &outcomes, 0.5).unwrap();
    let record = artifact.training.outcomes.as_ref().unwrap();
    assert_eq!(record.setting_only_rows, 120 - paths);

    // Held out: 20% of the rows that name a path, and nothing else.
    let (split, prior_rows) = outcomes_split(&catalog, &config(), &outcomes, 0.5).unwrap();
    let held_out = (paths as f64 * 0.2).round() as usize;
    assert_eq!(split.test.len(), held_out);
    assert_eq!(artifact.training.test_rows, held_out);
    assert_eq!(split.train.len(), 120 - held_out + prior_rows);
    let held: Vec<_> = split.test.iter().collect();
    for (profile, taken) in outcomes.profiles.iter().zip(&outcomes.labels) {
        if matches!(taken, Taken::Setting(_)) {
            assert!(!held.contains(&profile));
        }
    }
    // The inferred paths work in the row's setting, and the whole of it is
    // reproducible: eval rebuilds the same split and figures.
    for (profile, taken) in outcomes.profiles.iter().zip(&outcomes.labels) {
        let Taken::Setting(setting) = *taken else {
            continue;
        };
        let at = split.train.iter().position(|p| p == profile).unwrap();
        let path = split.train_labels[at];
        assert!(catalog.settings[setting].shares[path] > 0.0);
    }
    let model = CareerModel::new(artifact.clone(), &catalog).unwrap();
    assert_eq!(eval::report(&catalog, &model, &split), artifact.evaluation);
    let again = train_on_outcomes(&catalog, &data, config(), &outcomes, 0.5).unwrap();
    assert_eq!(again.model_version, artifact.model_version);

    // Without them the model is another one.
    let paths_only = outcomes::Outcomes {
        profiles: outcomes
            .profiles
            .iter()
            .zip(&outcomes.labels)
            .filter(|(_, t)| matches!(t, Taken::Path(_)))
            .map(|(p, _)| p.clone())
            .collect(),
        labels: outcomes
            .labels
            .iter()
            .copied()
            .filter(|t| matches!(t, Taken::Path(_)))
            .collect(),
        ..outcomes.clone()
    };
    let without = train_on_outcomes(&catalog, &data, config(), &paths_only, 0.5).unwrap();
    assert_ne!(without.model, artifact.model);
}

#[test]
fn a_file_with_too_few_career_paths_to_hold_out_is_refused() {
    let catalog = catalog();
    let text = std::fs::read_to_string(fixture("outcomes.csv")).unwrap();
    let mut out = String::from("work_setting,");
    let mut lines = text.lines();
    out.push_str(lines.next().unwrap());
    out.push('\n');
    for (i, line) in lines.enumerate() {
        // Five rows keep their path; the rest name only hospitals.
        let setting = if i < 5 { "" } else { "hospitals" };
        let line = if i < 5 {
            line.to_owned()
        } else {
            line.split_once(',')
                .map(|(_, rest)| format!(",{rest}"))
                .unwrap()
        };
        out.push_str(&format!("{setting},{line}\n"));
    }
    let file = common::scratch("outcomes-few").join("outcomes.csv");
    std::fs::write(&file, out).unwrap();
    let err = outcomes::read(&file, &catalog).unwrap_err().to_string();
    assert!(
        err.contains("usable rows name a career path; at least 10 must"),
        "{err}"
    );
}
