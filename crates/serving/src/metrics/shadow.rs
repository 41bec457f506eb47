//! The shadow comparisons' metrics: answers compared and dropped, first
//! career paths by model pair, and the per-answer agreement figures as
//! histograms. Labels are model versions and the catalog's O*NET-SOC
//! codes, from the loaded files, never from a request.

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;

use super::Metrics;
use himrec_domain::rank::compare::Comparison;

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ModelPairLabels {
    stable_model: String,
    candidate_model: String,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct FirstPathLabels {
    stable_model: String,
    candidate_model: String,
    stable_path: String,
    candidate_path: String,
}

/// The shadow comparisons, by model pair.
#[derive(Debug)]
pub(super) struct ShadowMetrics {
    comparisons: Family<ModelPairLabels, Counter>,
    dropped: Counter,
    first_paths: Family<FirstPathLabels, Counter>,
    rank_correlation: Family<ModelPairLabels, Histogram, fn() -> Histogram>,
    fit_change: Family<ModelPairLabels, Histogram, fn() -> Histogram>,
    program_overlap: Family<ModelPairLabels, Histogram, fn() -> Histogram>,
}

fn correlation_histogram() -> Histogram {
    Histogram::new([-0.5, 0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0])
}

fn fit_change_histogram() -> Histogram {
    Histogram::new([0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5])
}

fn overlap_histogram() -> Histogram {
    Histogram::new([0.0, 0.2, 0.4, 0.6, 0.8, 0.9, 1.0])
}

impl ShadowMetrics {
    pub(super) fn register(registry: &mut Registry) -> Self {
        let histograms = |make: fn() -> Histogram| Family::new_with_constructor(make);
        let shadow = Self {
            comparisons: Family::default(),
            dropped: Counter::default(),
            first_paths: Family::default(),
            rank_correlation: histograms(correlation_histogram),
            fit_change: histograms(fit_change_histogram),
            program_overlap: histograms(overlap_histogram),
        };
        registry.register(
            "shadow_comparisons",
            "Stable answers also scored by the candidate model and compared, by model pair",
            shadow.comparisons.clone(),
        );
        registry.register(
            "shadow_dropped",
            "Sampled answers not compared because the shadow queue was full (the calls were answered)",
            shadow.dropped.clone(),
        );
        registry.register(
            "shadow_first_paths",
            "Compared answers by the stable and the candidate model's first career path (O*NET-SOC codes)",
            shadow.first_paths.clone(),
        );
        let per_answer = [
            (
                "shadow_rank_correlation",
                "Spearman correlation of the two models' career path orders",
                &shadow.rank_correlation,
            ),
            (
                "shadow_fit_change",
                "Mean absolute change of a career path's fit between the models",
                &shadow.fit_change,
            ),
            (
                "shadow_program_overlap",
                "Share of the first ten programs both models list",
                &shadow.program_overlap,
            ),
        ];
        for (name, help, family) in per_answer {
            registry.register(name, format!("{help}, per compared answer"), family.clone());
        }
        shadow
    }
}

impl Metrics {
    /// One answer of `stable` was compared with `candidate`'s (`one`
    /// holds that pair alone); `code` names a career path index.
    pub(crate) fn shadow_compared<'a>(
        &self,
        stable: &str,
        candidate: &str,
        one: &Comparison,
        code: impl Fn(usize) -> &'a str,
    ) {
        let shadow = &self.inner.shadow;
        let pair = ModelPairLabels {
            stable_model: stable.to_owned(),
            candidate_model: candidate.to_owned(),
        };
        shadow.comparisons.get_or_create(&pair).inc();
        for (&(a, b), &n) in &one.first_paths {
            shadow
                .first_paths
                .get_or_create(&FirstPathLabels {
                    stable_model: pair.stable_model.clone(),
                    candidate_model: pair.candidate_model.clone(),
                    stable_path: code(a).to_owned(),
                    candidate_path: code(b).to_owned(),
                })
                .inc_by(n as u64);
        }
        let observe = |family: &Family<ModelPairLabels, Histogram, fn() -> Histogram>,
                       value: f64| {
            family.get_or_create(&pair).observe(value);
        };
        observe(&shadow.rank_correlation, one.rank_correlation());
        observe(&shadow.fit_change, one.mean_fit_change());
        observe(&shadow.program_overlap, one.program_overlap());
    }

    /// A sampled answer was not compared: the shadow queue was full.
    pub(crate) fn shadow_dropped(&self) {
        self.inner.shadow.dropped.inc();
    }
}
