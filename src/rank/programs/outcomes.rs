//! A program's outcome factor and sentence, from College Scorecard:
//! `0.6 + 0.4 * o`, where `o` is the mean of the known parts of
//! `sigmoid((earnings - state threshold) / $10,000)` and
//! `1 - min(debt / earnings, 1)`, and 0.5 when both are suppressed; and
//! the sentence and payback figures that say what the outcomes mean.

use crate::catalog::states::by_usps;
use crate::catalog::{Catalog, Program};
use crate::rank::Payback;
use crate::text::{fixed, thousands};

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

/// What a program's debt and earnings mean in `wanted` (the person's
/// state), or in the program's own state when the person names none or
/// Scorecard publishes no threshold there; `None` when earnings are
/// suppressed or neither state has a threshold.
pub(super) fn payback(
    catalog: &Catalog,
    program: &Program,
    wanted: Option<&'static str>,
) -> Option<Payback> {
    let (state, threshold) = wanted
        .and_then(|w| Some((w, catalog.state_earnings_threshold(w)?)))
        .or_else(|| Some((program.state?, program.state_earnings_threshold?)))?;
    Some(Payback {
        state,
        threshold,
        premium: program.earnings_premium(threshold)?,
        years: program.payback_years(threshold),
    })
}

/// The outcomes sentence: earnings against the threshold of the
/// program's state (Scorecard's comparison), and against the person's
/// state when it differs; debt and the years of premium that repay it;
/// and the campuses the figures are reported for.
pub(super) fn describe_outcomes(
    catalog: &Catalog,
    program: &Program,
    wanted: Option<&'static str>,
    campuses: &[usize],
) -> String {
    let horizon = match program.earnings_horizon.as_str() {
        "4yr_after_completion" => "four years after completing".to_owned(),
        other => other.replace('_', " "),
    };
    let mut sentence = match program.median_earnings {
        Some(e) => format!("Graduates earn ${} {horizon}", thousands(e)),
        None => "Scorecard suppressed the earnings (small cohort)".to_owned(),
    };
    let own = program.state.zip(program.state_earnings_threshold);
    if let Some((state, threshold)) = own {
        if let Some(premium) = program.earnings_premium(threshold) {
            sentence += &format!(", {}", against(premium, state));
        }
    }
    let pay = payback(catalog, program, wanted);
    if let Some(pay) = pay.filter(|p| Some(p.state) != own.map(|o| o.0)) {
        sentence += &format!(
            " and {} where you want to work",
            against(pay.premium, pay.state)
        );
    }
    match (program.median_debt, program.debt_to_earnings) {
        (Some(d), r) => {
            sentence += &format!("; median debt ${}", thousands(d));
            if let Some(r) = r {
                sentence += &format!(" ({}% of a year's earnings)", fixed(100.0 * r, 0));
            }
            match pay {
                Some(Payback {
                    years: Some(years),
                    state,
                    ..
                }) => {
                    sentence += &format!(
                        ", repaid by about {} years of the premium over the {} threshold",
                        fixed(years, 1),
                        state_name(state)
                    )
                }
                Some(Payback { state, .. }) if program.median_earnings.is_some() => {
                    sentence += &format!(
                        ", which earnings at or below the {} threshold do not pay back",
                        state_name(state)
                    )
                }
                _ => {}
            }
        }
        (None, _) => sentence += "; Scorecard suppressed the debt",
    }
    if campuses.len() > 1 {
        sentence += &format!(
            "; Scorecard reports these figures for {} campuses together ({})",
            campuses.len(),
            campus_list(catalog, campuses)
        );
    }
    sentence + " (College Scorecard)"
}

/// "$2,100 above the earnings threshold Scorecard publishes for Texas".
fn against(premium: i64, state: &str) -> String {
    let side = if premium >= 0 { "above" } else { "below" };
    format!(
        "${} {side} the earnings threshold Scorecard publishes for {}",
        thousands(premium.unsigned_abs().min(u64::from(u32::MAX)) as u32),
        state_name(state)
    )
}

fn state_name(usps: &str) -> &str {
    by_usps(usps).map_or(usps, |s| s.name)
}

/// The first campuses by name and state, and how many more.
fn campus_list(catalog: &Catalog, campuses: &[usize]) -> String {
    const NAMED: usize = 3;
    let mut names: Vec<String> = campuses
        .iter()
        .take(NAMED)
        .map(|&p| {
            let p = &catalog.programs[p];
            match p.state {
                Some(state) => format!("{}, {state}", p.institution_name),
                None => p.institution_name.clone(),
            }
        })
        .collect();
    if campuses.len() > NAMED {
        names.push(format!("{} more", campuses.len() - NAMED));
    }
    names.join("; ")
}
