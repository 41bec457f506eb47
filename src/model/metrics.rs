//! Held-out metrics for probabilistic rankers of career paths.

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
}

/// Probabilities below this count as this in the log-loss.
const MIN_PROBABILITY: f64 = 1e-15;

/// Scores `probabilities[i]` (one distribution over paths per row) against
/// `truth[i]`.
pub fn evaluate(method: &str, probabilities: &[Vec<f64>], truth: &[usize]) -> Evaluation {
    assert_eq!(probabilities.len(), truth.len());
    let n = truth.len().max(1) as f64;
    let (mut top1, mut top3, mut log_loss, mut ndcg) = (0.0, 0.0, 0.0, 0.0);
    for (p, &t) in probabilities.iter().zip(truth) {
        let rank = rank_of(p, t);
        if rank == 0 {
            top1 += 1.0;
        }
        if rank < 3 {
            top3 += 1.0;
            ndcg += 1.0 / ((rank + 2) as f64).log2();
        }
        log_loss -= p[t].max(MIN_PROBABILITY).ln();
    }
    Evaluation {
        method: method.to_owned(),
        top1_accuracy: top1 / n,
        top3_accuracy: top3 / n,
        log_loss: log_loss / n,
        ndcg_at_3: ndcg / n,
    }
}

/// 0-based rank of `item` when sorted by descending score; ties count
/// against the item, so a constant scorer earns no credit from ties.
fn rank_of(scores: &[f64], item: usize) -> usize {
    scores
        .iter()
        .enumerate()
        .filter(|(j, s)| *j != item && **s >= scores[item])
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_and_wrong_rankings() {
        let e = evaluate("m", &[vec![0.7, 0.2, 0.1], vec![0.1, 0.3, 0.6]], &[0, 1]);
        assert_eq!(e.top1_accuracy, 0.5);
        assert_eq!(e.top3_accuracy, 1.0);
        let expected_ndcg = (1.0 + 1.0 / 3f64.log2()) / 2.0;
        assert!((e.ndcg_at_3 - expected_ndcg).abs() < 1e-12);
        let expected_loss = -(0.7f64.ln() + 0.3f64.ln()) / 2.0;
        assert!((e.log_loss - expected_loss).abs() < 1e-12);
    }

    #[test]
    fn ties_do_not_count_as_hits() {
        let e = evaluate("m", &[vec![0.25; 4]], &[2]);
        assert_eq!(e.top1_accuracy, 0.0);
        assert_eq!(e.top3_accuracy, 0.0);
    }
}
