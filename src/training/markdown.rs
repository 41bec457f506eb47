//! The held-out report as Markdown, for `models/career_model_eval.md`,
//! `docs/model.md` and the model card.

use crate::model::report::{EvalReport, Evaluation, Stability};

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
