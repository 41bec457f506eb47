//! `himrec compare`: two model artifacts' answers to the same requests,
//! side by side, before one is promoted: how often the first career path
//! stays, the correlation of the path orders, how far the fits move, how
//! many of the first ten programs stay, and which first paths move where
//! (a table and, with `--plot`, a picture).

use std::path::PathBuf;

use anyhow::Context;

use super::requests::RequestFile;
use himrec::catalog::Catalog;
use himrec::model::{CareerModel, ModelArtifact};
use himrec::rank::compare::{comparable, Comparison};
use himrec::rank::Recommender;

/// Arguments of `himrec compare`.
#[derive(Debug, clap::Args)]
pub(crate) struct CompareArgs {
    /// Data folder.
    #[arg(long, default_value = "data")]
    data: PathBuf,
    /// The model serving now.
    #[arg(long)]
    stable: PathBuf,
    /// The model that would replace it.
    #[arg(long)]
    candidate: PathBuf,
    /// JSON Lines of requests: one `RecommendRequest` per line in the
    /// proto3 JSON mapping, as the HTTP/JSON door takes them (a platform's
    /// own export). Lines that are refused are counted and skipped.
    #[arg(long)]
    profiles: PathBuf,
    /// Also write a PNG of the first-path moves here.
    #[arg(long)]
    plot: Option<PathBuf>,
}

pub(crate) fn run(args: CompareArgs) -> anyhow::Result<()> {
    let catalog = Catalog::load(&args.data).context("loading the catalog")?;
    let recommender = |path: &PathBuf| -> anyhow::Result<Recommender> {
        let artifact = ModelArtifact::load(path)?;
        let model = CareerModel::new(artifact, &catalog)
            .with_context(|| format!("{} does not fit the catalog", path.display()))?;
        Ok(Recommender::new(catalog.clone(), model))
    };
    let (stable, candidate) = (recommender(&args.stable)?, recommender(&args.candidate)?);
    let requests = RequestFile::read(&args.profiles)?;

    let progress = super::progress::reporter();
    progress.stage("comparing", requests.len() as u64);
    let mut comparison = Comparison::default();
    let mut refused = Vec::new();
    for (number, query) in requests.queries(&catalog) {
        match query {
            Ok(query) => {
                let query = comparable(query, catalog.career_paths.len());
                comparison.add(&stable.answer(&query), &candidate.answer(&query));
            }
            Err(why) => refused.push(format!("line {number}: {why}")),
        }
        progress.advance(1);
    }
    progress.finish();

    print!(
        "{}",
        report(&comparison, &catalog, &stable, &candidate, &refused)
    );
    if let Some(path) = &args.plot {
        let codes: Vec<String> = catalog
            .career_paths
            .iter()
            .map(|p| p.soc_code.trim_end_matches(".00").to_owned())
            .collect();
        let rows = comparison.first_path_matrix(codes.len());
        super::plots::first_path_moves(path, &rows, &codes)?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

/// The comparison as text.
fn report(
    comparison: &Comparison,
    catalog: &Catalog,
    stable: &Recommender,
    candidate: &Recommender,
    refused: &[String],
) -> String {
    let mut out = format!(
        "stable {}, candidate {}: {} requests compared, {} refused\n\n",
        stable.model().version(),
        candidate.model().version(),
        comparison.answers,
        refused.len()
    );
    for line in refused.iter().take(5) {
        out += &format!("  refused {line}\n");
    }
    let rows = [
        (
            "same first career path",
            format!("{:.1}%", 100.0 * comparison.first_path_agreement()),
        ),
        (
            "rank correlation of the paths (Spearman)",
            format!("{:.3}", comparison.rank_correlation()),
        ),
        (
            "mean absolute change of a path's fit",
            format!("{:.3}", comparison.mean_fit_change()),
        ),
        (
            "first ten programs in both answers",
            format!("{:.1}%", 100.0 * comparison.program_overlap()),
        ),
    ];
    for (what, value) in rows {
        out += &format!("{what:<44} {value:>8}\n");
    }
    let moves = comparison.moves_by_count();
    if moves.is_empty() {
        out += "\nno first career path moves\n";
        return out;
    }
    out += "\nfirst career path moves (stable -> candidate)\n";
    let title = |p: usize| {
        let path = &catalog.career_paths[p];
        format!("{} {}", path.soc_code, path.title)
    };
    for ((from, to), count) in moves {
        out += &format!("  {count:>6}  {} -> {}\n", title(from), title(to));
    }
    out
}
