//! The held-out report as Markdown, for `models/career_model_eval.md`,
//! `docs/model.md` and the model card.

use crate::model::report::{EvalReport, Evaluation, FitReport, Stability};

/// The report as Markdown.
pub fn markdown(report: &EvalReport) -> String {
    let mut out = format!(
        "Held-out rows: {}. ECE is the expected calibration error of the top-1 probability (10 bins).\n\n",
        report.test_rows
    );
    for slice in &report.slices {
        out.push_str(&format!("### {}\n\n", slice.slice));
        out.push_str(&evaluation_table(&slice.evaluations));
        out.push('\n');
    }
    out.push_str(
        "### Reliability of the model's top-1 probability (all held-out rows)\n\n\
         | probability | rows | mean probability | accuracy |\n|---|---|---|---|\n",
    );
    for bin in &report.reliability {
        out.push_str(&format!(
            "| {:.1}-{:.1} | {} | {:.3} | {:.3} |\n",
            bin.lower,
            bin.lower + 0.1,
            bin.count,
            bin.confidence,
            bin.accuracy
        ));
    }
    out.push_str(
        "\n### Confusion between career paths (all held-out rows; rows: true path, columns: top-1 path)\n\n|  |",
    );
    for j in 0..report.confusion.len() {
        out.push_str(&format!(" {} |", j + 1));
    }
    out.push_str("\n|---|");
    out.push_str(&"---|".repeat(report.confusion.len()));
    out.push('\n');
    for (i, row) in report.confusion.iter().enumerate() {
        out.push_str(&format!("| {} |", i + 1));
        for count in row {
            out.push_str(&format!(" {count} |"));
        }
        out.push('\n');
    }
    out.push_str("\nPaths are numbered in the model's class order (see `GetModelInfo`).\n");
    out.push_str("\n### Stability\n\n");
    out.push_str(&stability_summary(&report.stability));
    out.push('\n');
    out.push_str("\n### The fit\n\n");
    out.push_str(&fit_summary(&report.fit));
    out
}

/// The fit's figures: its reliability table, then (a)-(d) in a list.
pub fn fit_summary(f: &FitReport) -> String {
    let mut out = String::from(
        "Reliability in its own meaning: the share of held-out people whose own path's fit is at most q \
         (about q when a fit of q means \"meets the path at least as well as a share q of its people\").\n\n\
         | q | share at or below |\n|---|---|\n",
    );
    for b in &f.calibration {
        out.push_str(&format!("| {:.1} | {:.3} |\n", b.q, b.share_at_or_below));
    }
    out.push_str(&format!(
        "\n- (a) largest gap between q and the share: {:.3}.\n\
         - (b) monotonicity: {} of {} changes towards a path's needs (a skill raised towards its typical level, \
         a credential that leads to the path added, education one level towards the usual one) lowered the path's fit.\n\
         - (c) each path's own typical profile: the path first for {} of {}; one of its O*NET Related Occupations \
         in the top three for {} of the {} paths that have one in the catalog.\n\
         - (d) interests only, against O*NET Interest Profiler matching (Pearson correlation of the six RIASEC \
         scores): mean Spearman correlation {:.3} over {} held-out profiles.\n\
         - The person's own path has the best fit for {:.3} of held-out people, one of the three best for {:.3}.\n",
        f.calibration_max_gap,
        f.monotonicity_violations,
        f.monotonicity_checks,
        f.typical_first,
        f.typical_paths,
        f.related_in_top3,
        f.with_related,
        f.interest_rank_correlation,
        f.interest_profiles,
        f.own_path_first,
        f.own_path_top3,
    ));
    out
}

/// The stability figures in one paragraph.
pub fn stability_summary(s: &Stability) -> String {
    format!(
        "{} held-out profiles, {} changes of 0.01 to one skill. Changes that moved a top-five item \
         more than one rank: career paths {}, work settings {}, programs {}; the largest move: {}, {} \
         and {} ranks.",
        s.profiles,
        s.perturbations,
        s.moved_more_than_one[0],
        s.moved_more_than_one[1],
        s.moved_more_than_one[2],
        s.max_rank_change[0],
        s.max_rank_change[1],
        s.max_rank_change[2],
    )
}

/// One slice's evaluations as a Markdown table.
pub fn evaluation_table(evaluations: &[Evaluation]) -> String {
    let mut out = String::from(
        "| method | top-1 accuracy | top-3 accuracy | NDCG@3 | log-loss | ECE |\n|---|---|---|---|---|---|\n",
    );
    for e in evaluations {
        out.push_str(&format!(
            "| {} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} |\n",
            e.method, e.top1_accuracy, e.top3_accuracy, e.ndcg_at_3, e.log_loss, e.ece
        ));
    }
    out
}
