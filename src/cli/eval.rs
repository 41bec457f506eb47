//! `himrec eval`: recompute the held-out report of a model artifact from
//! its recorded training settings, print it, and write it to `models/`.

use std::path::PathBuf;

use anyhow::{bail, Context};

use himrec::catalog::Catalog;
use himrec::model::{CareerModel, ModelArtifact};
use himrec::training::outcome_split::outcomes_split;
use himrec::training::train::TrainConfig;
use himrec::training::{eval, markdown, outcomes, split};

/// Arguments of `himrec eval`.
#[derive(Debug, clap::Args)]
pub(crate) struct EvalArgs {
    /// Data folder.
    #[arg(long, default_value = "data")]
    data: PathBuf,
    /// Model artifact to evaluate.
    #[arg(long, default_value = "models/career_model.json")]
    model: PathBuf,
    /// Where to write the report.
    #[arg(long, default_value = "models/career_model_eval.md")]
    out: PathBuf,
    /// The outcome records the model was trained on, if it was.
    #[arg(long)]
    outcomes: Option<PathBuf>,
    /// Also write PNG plots (reliability diagram, confusion) into this folder.
    #[arg(long)]
    plots: Option<PathBuf>,
}

pub(crate) fn run(args: EvalArgs) -> anyhow::Result<()> {
    let catalog = Catalog::load(&args.data).context("loading the catalog")?;
    let artifact = ModelArtifact::load(&args.model)?;
    let t = artifact.training.clone();
    let version = artifact.model_version.clone();
    let model = CareerModel::new(artifact, &catalog)?;
    let split = match (&t.outcomes, &args.outcomes) {
        (None, _) => split::split(&catalog, t.seed, t.rows, t.test_fraction),
        (Some(record), Some(path)) => {
            let outcomes = outcomes::read(path, &catalog)?;
            if outcomes.sha256 != record.sha256 {
                bail!(
                    "{} is not the outcomes file the model was trained on",
                    path.display()
                );
            }
            outcomes_split(
                &catalog,
                &TrainConfig::from(&t),
                &outcomes,
                record.prior_weight,
            )?
            .0
        }
        (Some(record), None) => bail!(
            "the model was trained on outcome records ({}); pass them with --outcomes",
            record.file
        ),
    };
    let progress = super::progress::reporter();
    let report = eval::report_with(&catalog, &model, &split, progress.as_ref());
    progress.finish();
    let text = format!(
        "# Held-out evaluation of {version}\n\nWritten by `himrec eval`; do not edit.\n\n{}",
        markdown::markdown(&report)
    );
    print!("{text}");
    if let Some(dir) = args.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    std::fs::write(&args.out, &text).with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!("report written to {}", args.out.display());
    if let Some(dir) = &args.plots {
        for file in super::plots::write(dir, &report, &model.artifact().classes)? {
            eprintln!("plot written to {}", file.display());
        }
    }
    if report != model.artifact().evaluation {
        eprintln!(
            "note: the report differs from the one recorded at training \
             (other data or code than the model was trained with)"
        );
    }
    Ok(())
}
