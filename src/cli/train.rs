//! `himrec train`: fit the career-path model on the public data and write
//! the artifact and its evaluation report to `models/`.

use std::path::PathBuf;

use anyhow::Context;

use himrec::catalog::Catalog;
use himrec::model::ModelArtifact;
use himrec::training::markdown;
use himrec::training::outcomes;
use himrec::training::train::{train_on_outcomes_with, train_with, TrainConfig};

/// Arguments of `himrec train`.
#[derive(Debug, clap::Args)]
pub(crate) struct TrainArgs {
    /// Data folder.
    #[arg(long, default_value = "data")]
    data: PathBuf,
    /// Where to write the artifact; the report goes beside it.
    #[arg(long, default_value = "models/career_model.json")]
    out: PathBuf,
    /// Seed of the sampled training set.
    #[arg(long, default_value_t = TrainConfig::default().seed)]
    seed: u64,
    /// Rows to sample (training plus held out).
    #[arg(long, default_value_t = TrainConfig::default().rows)]
    rows: usize,
    /// Train on these outcome records (CSV; see docs/model.md) instead of the
    /// public data alone.
    #[arg(long)]
    outcomes: Option<PathBuf>,
    /// With --outcomes: share of training rows drawn from the public-data
    /// prior (0 to below 1).
    #[arg(long, default_value_t = 0.5)]
    prior_weight: f64,
}

pub(crate) fn run(args: TrainArgs) -> anyhow::Result<()> {
    let catalog = Catalog::load(&args.data).context("loading the catalog")?;
    let config = TrainConfig {
        seed: args.seed,
        rows: args.rows,
        ..TrainConfig::default()
    };
    let progress = super::progress::reporter();
    let artifact = match &args.outcomes {
        None => train_with(&catalog, &args.data, config, progress.as_ref())?,
        Some(path) => {
            let outcomes = outcomes::read(path, &catalog)?;
            for row in &outcomes.rejected {
                eprintln!("{}:{}: skipped: {}", path.display(), row.line, row.reason);
            }
            let setting_only = outcomes.profiles.len() - outcomes.path_rows();
            eprintln!(
                "{}: {} of {} rows used ({} name only a work setting: their career path is inferred)",
                path.display(),
                outcomes.profiles.len(),
                outcomes.rows_read(),
                setting_only
            );
            train_on_outcomes_with(
                &catalog,
                &args.data,
                config,
                &outcomes,
                args.prior_weight,
                progress.as_ref(),
            )?
        }
    };
    artifact.save(&args.out)?;
    let report = args.out.with_extension("md");
    std::fs::write(&report, report_text(&catalog, &artifact))
        .with_context(|| format!("writing {}", report.display()))?;
    println!(
        "model {} written to {}",
        artifact.model_version,
        args.out.display()
    );
    println!("{}", markdown::evaluation_table(artifact.evaluations()));
    println!("report written to {}", report.display());
    Ok(())
}

/// The Markdown report written beside the artifact.
fn report_text(catalog: &Catalog, artifact: &ModelArtifact) -> String {
    let t = &artifact.training;
    let mut out = format!(
        "# Career-path model {}\n\n\
         Written by `himrec train`; do not edit.\n\n\
         - algorithm: {}\n- seed: {}\n- rows: {} training, {} held out\n\
         - L2 penalty: {} (the share), {} (each path's fit), iteration cap: {}\n\
         - data SHA-256: `{}`\n\n\
         ## Held-out evaluation\n\n{}\n\
         ## Typical skill levels per career path\n\n\
         Derived from O*NET 29.2 and ESCO v1.2.0 evidence (see `crates/domain/src/catalog/requirements.rs`); \
         training profiles are sampled around them.\n\n",
        artifact.model_version,
        artifact.algorithm,
        t.seed,
        t.training_rows,
        t.test_rows,
        t.alpha,
        himrec::training::FIT_ALPHA,
        t.max_iterations,
        t.data_sha256,
        markdown::markdown(&artifact.evaluation),
    );
    out.push_str("| skill |");
    for path in catalog.career_paths.iter() {
        out.push_str(&format!(" {} |", path.soc_code));
    }
    out.push_str("\n|---|");
    out.push_str(&"---|".repeat(catalog.career_paths.len()));
    out.push('\n');
    for (i, skill) in catalog.skills.iter().enumerate() {
        out.push_str(&format!("| {} |", skill.id));
        for path in catalog.career_paths.iter() {
            out.push_str(&format!(" {:.2} |", path.typical_skills[i]));
        }
        out.push('\n');
    }
    out.push_str("\nCareer paths: ");
    let titles: Vec<String> = catalog
        .career_paths
        .iter()
        .map(|p| format!("{} {}", p.soc_code, p.title))
        .collect();
    out.push_str(&titles.join("; "));
    out.push_str(".\n");
    out
}
