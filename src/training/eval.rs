//! Held-out evaluation of the career-path model beside simple baselines, on
//! full and partial profiles, with calibration and a stability measure.
//!
//! Baselines:
//! - `majority_class`: the training class frequencies for every profile;
//! - `nearest_profile_cosine`: cosine similarity between the person's skills
//!   and interests and each path's typical skills and O*NET interests;
//! - `interest_profiler_cosine`: cosine on the six RIASEC scores alone, as
//!   O*NET's Interest Profiler matches people to occupations.
//!
//! Cosine scores become probabilities by a softmax whose temperature is
//! fitted on the training rows, so their log-loss is as fair as it can be.
//! Slices evaluate the same held-out rows with parts removed.

use serde::{Deserialize, Serialize};

use super::baselines::{class_frequencies, CosineBaseline, CosineInput};
use super::features::encode;
use super::metrics::{evaluate as score, reliability, Evaluation, ReliabilityBin};
use super::progress::{Progress, Silent};
use super::synth::{sample, Parts, SynthConfig};
use super::CareerModel;
use crate::catalog::Catalog;
use crate::profile::Profile;
use crate::rank::{Limits, Recommendations, Recommender};

/// The sampled rows, split into training and held-out parts.
#[derive(Debug, Clone)]
pub struct Split {
    /// Training profiles.
    pub train: Vec<Profile>,
    /// Their career-path indexes.
    pub train_labels: Vec<usize>,
    /// Held-out profiles.
    pub test: Vec<Profile>,
    /// Their career-path indexes.
    pub test_labels: Vec<usize>,
}

/// Samples `rows` profiles with `seed` and holds out the last
/// `test_fraction` of them.
pub fn split(catalog: &Catalog, seed: u64, rows: usize, test_fraction: f64) -> Split {
    let (mut profiles, mut labels) = sample(catalog, SynthConfig { rows, seed });
    let n_test = (rows as f64 * test_fraction).round() as usize;
    let n_train = rows - n_test;
    let test = profiles.split_off(n_train);
    let test_labels = labels.split_off(n_train);
    Split {
        train: profiles,
        train_labels: labels,
        test,
        test_labels,
    }
}

/// The evaluation of one slice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SliceEvaluation {
    /// `full profile`, `interests only`, `skills only`, `education only`.
    pub slice: String,
    /// The model first, then the baselines.
    pub evaluations: Vec<Evaluation>,
}

/// How far a change of 0.01 to one skill moves the top five items.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Stability {
    /// Profiles perturbed.
    pub profiles: usize,
    /// Perturbations tried (each skill up and down by 0.01).
    pub perturbations: usize,
    /// Largest rank change of a top-five item: career paths, work
    /// settings, programs.
    pub max_rank_change: [usize; 3],
    /// Perturbations that moved some top-five item more than one rank.
    pub moved_more_than_one: [usize; 3],
}

/// The whole held-out report.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EvalReport {
    /// Held-out rows.
    pub test_rows: usize,
    /// One entry per slice, the full profile first.
    pub slices: Vec<SliceEvaluation>,
    /// The model's reliability table on all held-out rows.
    pub reliability: Vec<ReliabilityBin>,
    /// `confusion[true][predicted]`: held-out rows by true and top-1 path.
    pub confusion: Vec<Vec<usize>>,
    /// The stability measure.
    pub stability: Stability,
}

/// The slices, in report order.
pub const SLICES: [Parts; 4] = [
    Parts::All,
    Parts::InterestsOnly,
    Parts::SkillsOnly,
    Parts::EducationOnly,
];

/// The change made to one skill for the stability measure.
const STABILITY_STEP: f64 = 0.01;
/// The top of each list whose items the stability measure follows.
pub const STABILITY_TOP: usize = 5;

/// Evaluates `model` on the held-out part of `split`.
pub fn report(catalog: &Catalog, model: &CareerModel, split: &Split) -> EvalReport {
    report_with(catalog, model, split, &Silent)
}

/// [`report`], telling `progress` how it goes.
pub fn report_with(
    catalog: &Catalog,
    model: &CareerModel,
    split: &Split,
    progress: &dyn Progress,
) -> EvalReport {
    progress.stage("evaluating slices", SLICES.len() as u64);
    let n_classes = catalog.career_paths.len();
    let majority = class_frequencies(&split.train_labels, n_classes);
    let cosine = CosineBaseline::fit(catalog, CosineInput::SkillsAndInterests, split);
    let interests = CosineBaseline::fit(catalog, CosineInput::Interests, split);
    let reference = &model.artifact().reference;
    let mut x = Vec::with_capacity(reference.len());
    let mut full_model_probabilities = Vec::new();
    let slices = SLICES
        .iter()
        .map(|parts| {
            let profiles: Vec<Profile> = split.test.iter().map(|p| parts.keep(p)).collect();
            let model_p: Vec<Vec<f64>> = profiles
                .iter()
                .map(|p| {
                    encode(p, reference, &mut x);
                    model.probabilities(&x)
                })
                .collect();
            let truth = &split.test_labels;
            let evaluations = vec![
                score("model", &model_p, truth),
                score(
                    "majority_class",
                    &vec![majority.clone(); profiles.len()],
                    truth,
                ),
                score(
                    "nearest_profile_cosine",
                    &profiles
                        .iter()
                        .map(|p| cosine.probabilities(p))
                        .collect::<Vec<_>>(),
                    truth,
                ),
                score(
                    "interest_profiler_cosine",
                    &profiles
                        .iter()
                        .map(|p| interests.probabilities(p))
                        .collect::<Vec<_>>(),
                    truth,
                ),
            ];
            if *parts == Parts::All {
                full_model_probabilities = model_p;
            }
            progress.advance(1);
            SliceEvaluation {
                slice: parts.name().to_owned(),
                evaluations,
            }
        })
        .collect();
    let mut confusion = vec![vec![0; n_classes]; n_classes];
    for (p, &truth) in full_model_probabilities.iter().zip(&split.test_labels) {
        let predicted = crate::rank::top_k(p, 1)[0];
        confusion[truth][predicted] += 1;
    }
    EvalReport {
        test_rows: split.test.len(),
        slices,
        reliability: reliability(&full_model_probabilities, &split.test_labels),
        confusion,
        stability: stability(catalog, model, split, progress),
    }
}

/// The items of each list in rank order: career paths, work settings,
/// programs.
pub fn ranked_items(r: &Recommendations) -> [Vec<usize>; 3] {
    [
        r.career_paths.iter().map(|c| c.path).collect(),
        r.settings.iter().map(|s| s.setting).collect(),
        r.programs.iter().map(|p| p.program).collect(),
    ]
}

/// How many ranks the furthest-moving of the first `top` items of `before`
/// moved in `after`; an item that left `after` counts as moved to its end.
pub fn largest_move(before: &[usize], after: &[usize], top: usize) -> usize {
    before
        .iter()
        .take(top)
        .enumerate()
        .map(|(rank, item)| {
            let new_rank = after.iter().position(|i| i == item).unwrap_or(after.len());
            rank.abs_diff(new_rank)
        })
        .max()
        .unwrap_or(0)
}

/// Perturbs each skill of every held-out profile by +/-0.01 and records how
/// far the items of the top five move.
fn stability(
    catalog: &Catalog,
    model: &CareerModel,
    split: &Split,
    progress: &dyn Progress,
) -> Stability {
    let recommender = Recommender::new(catalog.clone(), model.clone());
    let limits = Limits {
        career_paths: catalog.career_paths.len(),
        work_settings: catalog.settings.len(),
        programs: 10,
    };
    let orders = |p: &Profile| ranked_items(&recommender.recommend(p, limits));
    let mut max_rank_change = [0; 3];
    let mut moved_more_than_one = [0; 3];
    let mut perturbations = 0;
    let profiles: Vec<&Profile> = split.test.iter().collect();
    progress.stage("measuring stability", profiles.len() as u64);
    for profile in &profiles {
        progress.advance(1);
        let before = orders(profile);
        for skill in 0..catalog.skills.len() {
            for step in [STABILITY_STEP, -STABILITY_STEP] {
                let mut changed = (*profile).clone();
                let value = (changed.skills[skill] + step).clamp(0.0, 1.0);
                if value == changed.skills[skill] {
                    continue;
                }
                changed.skills[skill] = value;
                changed.stated_skills[skill] = value;
                perturbations += 1;
                let after = orders(&changed);
                for kind in 0..3 {
                    let moved = largest_move(&before[kind], &after[kind], STABILITY_TOP);
                    max_rank_change[kind] = max_rank_change[kind].max(moved);
                    if moved > 1 {
                        moved_more_than_one[kind] += 1;
                    }
                }
            }
        }
    }
    Stability {
        profiles: profiles.len(),
        perturbations,
        max_rank_change,
        moved_more_than_one,
    }
}

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
