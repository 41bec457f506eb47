//! What the artifact records of the model's training and held-out
//! evaluation: plain data, read and written with serde. Training computes
//! these figures (`crate::training`); serving only carries them.

use serde::{Deserialize, Serialize};

/// How one method did on the held-out split.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    /// `model`, `majority_class` or `nearest_profile_cosine`.
    pub method: String,
    /// Share whose true path ranked first.
    pub top1_accuracy: f64,
    /// Share whose true path ranked in the first three.
    pub top3_accuracy: f64,
    /// Mean negative log-likelihood of the true path (natural log).
    pub log_loss: f64,
    /// NDCG@3 with the true path as the one relevant item.
    pub ndcg_at_3: f64,
    /// Expected calibration error of the top-1 probability over
    /// [`RELIABILITY_BINS`] equal-width bins.
    pub ece: f64,
}

/// Bins of the reliability table.
pub const RELIABILITY_BINS: usize = 10;

/// One bin of a reliability table: rows whose top-1 probability fell in
/// `[lower, lower + 0.1)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReliabilityBin {
    /// Lower edge of the bin.
    pub lower: f64,
    /// Rows in the bin.
    pub count: usize,
    /// Mean top-1 probability in the bin.
    pub confidence: f64,
    /// Share of the bin's rows whose top-1 path was the true one.
    pub accuracy: f64,
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
    /// The fit's checks against its own meaning and outside references.
    pub fit: FitReport,
    /// Sparse profiles and the reference checks.
    #[serde(default)]
    pub sparse: SparseReport,
}

/// One row of the fit's reliability table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FitQuantile {
    /// The fit `q`.
    pub q: f64,
    /// Share of held-out rows whose own path's fit is at most `q`;
    /// about `q` when the fit means what it says.
    pub share_at_or_below: f64,
}

/// How the fit does on held-out rows and against O*NET's own references.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FitReport {
    /// (a) Reliability: at q = 0.1, ..., 0.9.
    pub calibration: Vec<FitQuantile>,
    /// The largest `|share_at_or_below - q|`.
    pub calibration_max_gap: f64,
    /// (b) Changes towards a path's needs tried (a skill raised towards
    /// its typical level, a credential that leads to the path added,
    /// education moved one level towards the usual one).
    pub monotonicity_checks: usize,
    /// Of those, the ones that lowered the path's fit (expected 0).
    pub monotonicity_violations: usize,
    /// (c) Paths whose own typical profile gets them first.
    pub typical_first: usize,
    /// Paths with a typical profile tried (all of them).
    pub typical_paths: usize,
    /// Paths whose typical profile has one of their O*NET Related
    /// Occupations in the catalog among its top three.
    pub related_in_top3: usize,
    /// Paths that have a related occupation in the catalog at all.
    pub with_related: usize,
    /// (d) Interests-only held-out profiles: mean Spearman correlation of
    /// the paths' fits with O*NET Interest Profiler matching (Pearson
    /// correlation of the person's RIASEC scores with each path's).
    pub interest_rank_correlation: f64,
    /// Profiles it was measured on.
    pub interest_profiles: usize,
    /// Held-out full rows whose own path has the best fit.
    pub own_path_first: f64,
    /// Held-out full rows whose own path is among the three best fits.
    pub own_path_top3: f64,
}

/// Where a model's outcome rows came from, kept in the artifact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutcomesRecord {
    /// File name.
    pub file: String,
    /// SHA-256 of the file, hex.
    pub sha256: String,
    /// Data rows read.
    pub rows_read: usize,
    /// Rows used.
    pub rows_used: usize,
    /// Rows rejected.
    pub rows_rejected: usize,
    /// Rows used that named only a work setting (their path was inferred).
    #[serde(default)]
    pub setting_only_rows: usize,
    /// Share of the training rows drawn from the public-data prior.
    pub prior_weight: f64,
    /// Public-data rows mixed in.
    pub prior_rows: usize,
}

/// How the ranking does on profiles as sparse as people give them, and
/// against references not used in training.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SparseReport {
    /// Held-out sampled people by how complete their profile is.
    pub slices: Vec<CompletenessSlice>,
    /// Each credential that O*NET's Alternate Titles attach to exactly one
    /// catalog path, held alone: that path's place.
    pub credentials: Vec<CredentialCheck>,
    /// Interests-only profiles per RIASEC high point: mean Spearman
    /// correlation of the ranking with Interest Profiler matching.
    pub interest_high_points: Vec<HighPointCheck>,
    /// The mean over the six high points.
    pub interest_mean_spearman: f64,
    /// Each path's most distinctive skills, stated at its typical levels:
    /// the path's place.
    pub distinctive: Vec<DistinctiveCheck>,
    /// Each path's top skills in the reviewed reading of O*NET
    /// (`data/reference/reviewed_path_skills.csv`) against the catalog's.
    pub reviewed: Vec<ReviewedCheck>,
}

/// Held-out people of one completeness.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompletenessSlice {
    /// e.g. "credential only", "1-2 skills".
    pub slice: String,
    /// Profiles in it.
    pub profiles: usize,
    /// Share whose own path is ranked first.
    pub own_first: f64,
    /// Share whose own path is among the three first.
    pub own_top3: f64,
}

/// A credential held alone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CredentialCheck {
    /// Its code.
    pub code: String,
    /// The path O*NET's Alternate Titles name it for.
    pub soc_code: String,
    /// That path's place, 1 = first.
    pub place: usize,
}

/// Interests-only profiles with one high point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HighPointCheck {
    /// The RIASEC area.
    pub area: String,
    /// Profiles drawn.
    pub profiles: usize,
    /// Mean Spearman correlation with Interest Profiler matching.
    pub spearman: f64,
}

/// A path's distinctive skills stated alone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DistinctiveCheck {
    /// The path.
    pub soc_code: String,
    /// Its three most distinctive skills.
    pub skills: Vec<String>,
    /// Its place with the first two of them.
    pub place_with_two: usize,
    /// Its place with all three.
    pub place_with_three: usize,
}

/// A path's reviewed top skills against the catalog's typical levels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewedCheck {
    /// The path.
    pub soc_code: String,
    /// The reviewed reading's three first skills.
    pub reviewed: Vec<String>,
    /// How many of them are among the catalog's five highest typical
    /// levels for the path.
    pub in_catalog_top5: usize,
}
