//! `himrec eval`: recompute the held-out report of a model artifact from
//! its recorded training settings, print it, and write it to `models/`; or,
//! with `--profiles`, sum up the model's answers to a file of real requests.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};

use super::requests::RequestFile;
use himrec::catalog::Catalog;
use himrec::model::{CareerModel, ModelArtifact};
use himrec::rank::compare::comparable;
use himrec::rank::replay::{Replay, NEAR_TOP};
use himrec::rank::Recommender;
use himrec::training::outcome_split::outcomes_split;
use himrec::training::train::TrainConfig;
use himrec::training::{eval, markdown, outcomes, panel, split};

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
    /// Instead of the held-out report, the model's answers to these
    /// requests (JSON Lines of `RecommendRequest`, as `himrec compare`
    /// reads): first career paths, their fit, and whether credential
    /// holders see a path their credential leads to first. Writes nothing.
    #[arg(long, conflicts_with_all = ["outcomes", "plots"])]
    profiles: Option<PathBuf>,
    /// Instead of the held-out report, judge the answers to a counselor
    /// panel (`tests/fixtures/counselor_panel.toml`): each person's first
    /// career path, first credential step and first program against what
    /// a counselor accepts. Writes nothing.
    #[arg(long, conflicts_with_all = ["outcomes", "plots", "profiles"])]
    panel: Option<PathBuf>,
}

pub(crate) fn run(args: EvalArgs) -> anyhow::Result<()> {
    let catalog = Catalog::load(&args.data).context("loading the catalog")?;
    if let Some(path) = &args.profiles {
        return replay(&catalog, &args.model, path);
    }
    if let Some(path) = &args.panel {
        let artifact = ModelArtifact::load(&args.model)?;
        let recommender = Recommender::new(catalog.clone(), CareerModel::new(artifact, &catalog)?);
        let people = panel::read(path).map_err(anyhow::Error::msg)?;
        let verdicts = panel::judge(&recommender, &people).map_err(anyhow::Error::msg)?;
        print!("{}", panel::markdown(&verdicts));
        return Ok(());
    }
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
    let mut text = format!(
        "# Held-out evaluation of {version}\n\nWritten by `himrec eval`; do not edit.\n\n{}",
        markdown::markdown(&report)
    );
    let recorded = report == model.artifact().evaluation;
    let classes = model.artifact().classes.clone();
    if let Some(panel) = panel_section(&catalog, model, Path::new(PANEL))? {
        text.push_str(&panel);
    }
    print!("{text}");
    if let Some(dir) = args.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    std::fs::write(&args.out, &text).with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!("report written to {}", args.out.display());
    if let Some(dir) = &args.plots {
        for file in super::plots::write(dir, &report, &classes)? {
            eprintln!("plot written to {}", file.display());
        }
    }
    if !recorded {
        eprintln!(
            "note: the report differs from the one recorded at training \
             (other data or code than the model was trained with)"
        );
    }
    Ok(())
}

/// The counselor panel the held-out report is set beside.
const PANEL: &str = "tests/fixtures/counselor_panel.toml";

/// The panel's verdicts on `model`'s answers, as a section of the report;
/// `None` where the panel file is not there (an installed binary).
fn panel_section(
    catalog: &Catalog,
    model: CareerModel,
    path: &Path,
) -> anyhow::Result<Option<String>> {
    if !path.exists() {
        return Ok(None);
    }
    let recommender = Recommender::new(catalog.clone(), model);
    let people = panel::read(path).map_err(anyhow::Error::msg)?;
    let verdicts = panel::judge(&recommender, &people).map_err(anyhow::Error::msg)?;
    Ok(Some(format!(
        "\n## Counselor panel\n\n{}",
        panel::markdown(&verdicts)
    )))
}

/// `--profiles`: the model's answers to each request of the file, summed up.
fn replay(catalog: &Catalog, model: &Path, requests: &Path) -> anyhow::Result<()> {
    let artifact = ModelArtifact::load(model)?;
    let version = artifact.model_version.clone();
    let recommender = Recommender::new(catalog.clone(), CareerModel::new(artifact, catalog)?);
    let requests = RequestFile::read(requests)?;
    let progress = super::progress::reporter();
    progress.stage("answering", requests.len() as u64);
    let mut replay = Replay::default();
    let mut refused = Vec::new();
    for (number, query) in requests.queries(catalog) {
        match query {
            Ok(query) => {
                let query = comparable(query, catalog.career_paths.len());
                replay.add(catalog, &query, &recommender.answer(&query));
            }
            Err(why) => refused.push(format!("line {number}: {why}")),
        }
        progress.advance(1);
    }
    progress.finish();
    print!("{}", replay_report(&replay, catalog, &version, &refused));
    Ok(())
}

/// The summary as text.
fn replay_report(replay: &Replay, catalog: &Catalog, version: &str, refused: &[String]) -> String {
    let mut out = format!(
        "{version}: {} requests answered, {} refused\n",
        replay.answers,
        refused.len()
    );
    for line in refused.iter().take(5) {
        out += &format!("  refused {line}\n");
    }
    let share = |n: usize, of: usize| 100.0 * n as f64 / of.max(1) as f64;
    if let (Some(q1), Some(median), Some(q3)) = (
        replay.first_fit_quantile(0.25),
        replay.first_fit_quantile(0.5),
        replay.first_fit_quantile(0.75),
    ) {
        out += &format!(
            "\nfit of the first career path: median {median:.2} (quartiles {q1:.2} to {q3:.2})\n"
        );
    }
    if replay.credentialed > 0 {
        out += &format!(
            "profiles stating a credential: {}; a path it leads to comes first for {:.1}%, \
             in the first {NEAR_TOP} for {:.1}%\n",
            replay.credentialed,
            share(replay.own_path_first, replay.credentialed),
            share(replay.own_path_near_top, replay.credentialed),
        );
    }
    out += "\nfirst career path\n";
    for (path, n) in replay.first_paths_by_count() {
        let path = &catalog.career_paths[path];
        out += &format!(
            "  {n:>6}  {:>5.1}%  {} {}\n",
            share(n, replay.answers),
            path.soc_code,
            path.title
        );
    }
    out
}
