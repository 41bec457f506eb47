//! The held-out report as Markdown, for `models/career_model_eval.md`,
//! `docs/model.md` and the model card.

use himrec_domain::model::report::{EvalReport, Evaluation, FitReport, SparseReport, Stability};

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
    out.push_str("\n### Profiles as people give them, and references not used in training\n\n");
    out.push_str(&sparse_summary(&report.sparse));
    out
}

/// The completeness slices (sampled people) and the reference checks
/// (O*NET's Alternate Titles, Interest Profiler matching, the reviewed
/// reading of O*NET's tasks).
pub fn sparse_summary(r: &SparseReport) -> String {
    let mut out = String::from(
        "Held-out sampled people by how complete their profile is (sampled from our own picture of each path): \
         the share whose own path the ranking puts first, and among the first three.\n\n\
         | profile | people | own path first | own path in top 3 |\n|---|---|---|---|\n",
    );
    for s in &r.slices {
        out.push_str(&format!(
            "| {} | {} | {:.3} | {:.3} |\n",
            s.slice, s.profiles, s.own_first, s.own_top3
        ));
    }
    out.push_str(
        "\nA credential held alone, for each credential O*NET's Alternate Titles name for exactly one \
         catalog path (reference: O*NET 29.2 Alternate Titles):\n\n\
         | credential | path named by O*NET | its place |\n|---|---|---|\n",
    );
    for c in &r.credentials {
        out.push_str(&format!("| {} | {} | {} |\n", c.code, c.soc_code, c.place));
    }
    out.push_str(
        "\nInterests only, per RIASEC high point (the area drawn in 0.8-1.0, the others in 0-0.6): mean \
         Spearman correlation of the ranking with O*NET Interest Profiler matching (Pearson correlation of \
         the six scores with each occupation's):\n\n| high point | profiles | Spearman |\n|---|---|---|\n",
    );
    for h in &r.interest_high_points {
        out.push_str(&format!(
            "| {} | {} | {:.3} |\n",
            h.area, h.profiles, h.spearman
        ));
    }
    out.push_str(&format!("| mean | | {:.3} |\n", r.interest_mean_spearman));
    out.push_str(
        "\nEach path's most distinctive skills (typical level furthest above the other paths' mean), stated \
         alone at its typical levels: the path's place.\n\n\
         | path | skills | place with two | with three |\n|---|---|---|---|\n",
    );
    for d in &r.distinctive {
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            d.soc_code,
            d.skills.join(", "),
            d.place_with_two,
            d.place_with_three
        ));
    }
    out.push_str(
        "\nEach path's three first skills in the reviewed reading of O*NET's tasks and elements \
         (`data/reference/reviewed_path_skills.csv`, written apart from the catalog's task links): how many \
         are among the catalog's five highest typical levels.\n\n\
         | path | reviewed skills | in the catalog's top 5 |\n|---|---|---|\n",
    );
    for v in &r.reviewed {
        out.push_str(&format!(
            "| {} | {} | {} of 3 |\n",
            v.soc_code,
            v.reviewed.join(", "),
            v.in_catalog_top5
        ));
    }
    out
}

/// The fit's figures: its reliability table, then (a)-(d) in a list.
pub fn fit_summary(f: &FitReport) -> String {
    let mut out = String::from(
        "Reliability in its own meaning: the share of held-out people described in full (6 or more skills) whose own path's fit is at most q \
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
