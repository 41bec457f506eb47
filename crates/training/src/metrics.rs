//! Held-out metrics for probabilistic rankers of career paths.

use himrec_domain::model::report::{Evaluation, ReliabilityBin, RELIABILITY_BINS};

/// The reliability table of the top-1 probability.
pub fn reliability(probabilities: &[Vec<f64>], truth: &[usize]) -> Vec<ReliabilityBin> {
    let mut bins: Vec<(usize, f64, f64)> = vec![(0, 0.0, 0.0); RELIABILITY_BINS];
    for (p, &t) in probabilities.iter().zip(truth) {
        let (top, confidence) =
            p.iter()
                .copied()
                .enumerate()
                .fold(
                    (0, f64::MIN),
                    |best, (i, q)| if q > best.1 { (i, q) } else { best },
                );
        let bin = ((confidence * RELIABILITY_BINS as f64) as usize).min(RELIABILITY_BINS - 1);
        bins[bin].0 += 1;
        bins[bin].1 += confidence;
        bins[bin].2 += if top == t { 1.0 } else { 0.0 };
    }
    bins.into_iter()
        .enumerate()
        .map(|(i, (count, conf, hits))| ReliabilityBin {
            lower: i as f64 / RELIABILITY_BINS as f64,
            count,
            confidence: if count > 0 { conf / count as f64 } else { 0.0 },
            accuracy: if count > 0 { hits / count as f64 } else { 0.0 },
        })
        .collect()
}

/// Expected calibration error from a reliability table.
pub fn expected_calibration_error(bins: &[ReliabilityBin]) -> f64 {
    let total: usize = bins.iter().map(|b| b.count).sum();
    if total == 0 {
        return 0.0;
    }
    bins.iter()
        .map(|b| b.count as f64 / total as f64 * (b.accuracy - b.confidence).abs())
        .sum()
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
        ece: expected_calibration_error(&reliability(probabilities, truth)),
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
    fn calibration_error_of_a_calibrated_and_an_overconfident_scorer() {
        // Four rows at 0.75 confidence, three right: calibrated.
        let p = vec![vec![0.75, 0.25]; 4];
        let calibrated = evaluate("m", &p, &[0, 0, 0, 1]);
        assert!(calibrated.ece.abs() < 1e-12);
        // Same confidence, half right: off by 0.25.
        let over = evaluate("m", &p, &[0, 0, 1, 1]);
        assert!((over.ece - 0.25).abs() < 1e-12);
        let bins = reliability(&p, &[0, 0, 1, 1]);
        assert_eq!(bins[7].count, 4);
        assert!((bins[7].accuracy - 0.5).abs() < 1e-12);
    }

    #[test]
    fn ties_do_not_count_as_hits() {
        let e = evaluate("m", &[vec![0.25; 4]], &[2]);
        assert_eq!(e.top1_accuracy, 0.0);
        assert_eq!(e.top3_accuracy, 0.0);
    }
}
