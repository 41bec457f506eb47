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

use super::baselines::{class_frequencies, CosineBaseline, CosineInput};
use super::metrics::{evaluate as score, reliability};
use super::progress::{Progress, Silent};
use super::split::Split;
use super::stability;
use super::synth::Parts;
use himrec_domain::catalog::Catalog;
use himrec_domain::model::features::encode;
use himrec_domain::model::report::{EvalReport, SliceEvaluation};
use himrec_domain::model::CareerModel;
use himrec_domain::profile::Profile;
use himrec_domain::top_k::top_k;

/// The slices, in report order.
pub const SLICES: [Parts; 4] = [
    Parts::All,
    Parts::InterestsOnly,
    Parts::SkillsOnly,
    Parts::EducationOnly,
];

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
        let predicted = top_k(p, 1)[0];
        confusion[truth][predicted] += 1;
    }
    EvalReport {
        test_rows: split.test.len(),
        slices,
        reliability: reliability(&full_model_probabilities, &split.test_labels),
        confusion,
        stability: stability::measure(catalog, model, split, progress),
        fit: super::fit_eval::report(catalog, model, split),
        sparse: super::sparse_eval::report(catalog, model, split, &reviewed()),
    }
}

/// The reviewed reading of O*NET's tasks the evaluation checks each path's
/// picture against (`data/reference/reviewed_path_skills.csv`, built into
/// the program so that an evaluation never depends on where it runs).
pub fn reviewed() -> super::sparse_eval::ReviewedSkills {
    super::sparse_eval::read_reviewed(include_str!(
        "../../../data/reference/reviewed_path_skills.csv"
    ))
    .expect("the reviewed table is well formed")
}
