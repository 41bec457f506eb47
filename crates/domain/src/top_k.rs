//! Picking the best few of a list of scores.

/// Indexes of the `k` largest scores, best first; ties keep index order.
pub fn top_k(scores: &[f64], k: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    let by_score = |a: &usize, b: &usize| scores[*b].total_cmp(&scores[*a]).then(a.cmp(b));
    if k < order.len() {
        order.select_nth_unstable_by(k, by_score);
        order.truncate(k);
    }
    order.sort_unstable_by(by_score);
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_k_is_sorted_and_stable() {
        let scores = [0.1, 0.5, 0.5, 0.9, 0.0];
        assert_eq!(top_k(&scores, 3), vec![3, 1, 2]);
        assert_eq!(top_k(&scores, 10), vec![3, 1, 2, 0, 4]);
        assert!(top_k(&scores, 0).is_empty());
    }
}
