//! A program's outcome factor and sentence, from College Scorecard:
//! `0.6 + 0.4 * o`, where `o` is the mean of the known parts of
//! `sigmoid((earnings - state threshold) / $10,000)` and
//! `1 - min(debt / earnings, 1)`, and 0.5 when both are suppressed.

use crate::catalog::Program;
use crate::text::fixed;
use crate::text::thousands;

const OUTCOME_FLOOR: f64 = 0.6;
const NEUTRAL_OUTCOME: f64 = 0.5;
const EARNINGS_SCALE: f64 = 10_000.0;

/// The factor of a program whose outcomes Scorecard suppressed.
pub(super) const NEUTRAL_FACTOR: f64 = OUTCOME_FLOOR + (1.0 - OUTCOME_FLOOR) * NEUTRAL_OUTCOME;

pub(super) fn outcome_factor(program: &Program) -> f64 {
    let earnings = program.median_earnings.map(f64::from);
    let premium = match (earnings, program.state_earnings_threshold) {
        (Some(e), Some(t)) => Some(1.0 / (1.0 + (-(e - f64::from(t)) / EARNINGS_SCALE).exp())),
        _ => None,
    };
    let debt = program
        .debt_to_earnings
        .or_else(|| Some(f64::from(program.median_debt?) / earnings?))
        .map(|ratio| 1.0 - ratio.clamp(0.0, 1.0));
    let known: Vec<f64> = [premium, debt].into_iter().flatten().collect();
    let o = if known.is_empty() {
        NEUTRAL_OUTCOME
    } else {
        known.iter().sum::<f64>() / known.len() as f64
    };
    OUTCOME_FLOOR + (1.0 - OUTCOME_FLOOR) * o
}

pub(super) fn describe_outcomes(program: &Program) -> String {
    let mut parts = Vec::new();
    match (program.median_earnings, program.state_earnings_threshold) {
        (Some(e), Some(t)) => {
            let gap = i64::from(e) - i64::from(t);
            let side = if gap >= 0 { "above" } else { "below" };
            parts.push(format!(
                "median earnings ${} ({}), ${} {side} the state threshold",
                thousands(e),
                program.earnings_horizon.replace('_', " "),
                thousands(gap.unsigned_abs() as u32)
            ));
        }
        (Some(e), None) => parts.push(format!("median earnings ${}", thousands(e))),
        _ => parts.push("earnings suppressed by Scorecard (small cohort)".into()),
    }
    match (program.median_debt, program.debt_to_earnings) {
        (Some(d), Some(r)) => parts.push(format!(
            "median debt ${} ({}% of earnings)",
            thousands(d),
            fixed(100.0 * r, 0)
        )),
        (Some(d), None) => parts.push(format!("median debt ${}", thousands(d))),
        _ => parts.push("debt suppressed".into()),
    }
    let mut sentence = parts.join("; ");
    if let Some(first) = sentence.get(..1) {
        sentence = first.to_uppercase() + &sentence[1..];
    }
    sentence + " (College Scorecard)"
}
