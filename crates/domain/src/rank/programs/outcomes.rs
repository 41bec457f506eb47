//! A program's outcome factor and sentence, from College Scorecard:
//! `0.6 + 0.4 * o`, where `o` is the mean of the known parts of
//! `sigmoid((earnings - state threshold) / $10,000)` and
//! `1 - min(debt / earnings, 1)`, and 0.5 when both are suppressed; and
//! the sentence and payback figures that say what the outcomes mean.

use crate::catalog::states::by_usps;
use crate::catalog::{Catalog, Program};
use crate::language::Language;
use crate::messages::{self, Against, OutcomeFigures, Repaid};
use crate::rank::reason::{DataSource, ReasonCode, Unit, Value, Written};
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

/// The outcomes reason, without its contribution: the figures as values
/// and the sentence in every language.
pub(super) fn outcomes_reason(
    catalog: &Catalog,
    program: &Program,
    wanted: Option<&'static str>,
    campuses: &[usize],
) -> Written {
    let usd = |name, x: f64| Value::number(name, x, Unit::Usd).from(DataSource::Scorecard);
    let mut values = Vec::new();
    if let Some(e) = program.median_earnings {
        values.push(usd("median_earnings", f64::from(e)));
        values.push(Value::text(
            "earnings_horizon",
            program.earnings_horizon.clone(),
        ));
    }
    if let Some((state, threshold)) = program.state.zip(program.state_earnings_threshold) {
        values.push(Value::text("program_state", state));
        values.push(usd("state_earnings_threshold", f64::from(threshold)));
        if let Some(premium) = program.earnings_premium(threshold) {
            values.push(usd("earnings_premium", premium as f64));
        }
    }
    let pay = payback(catalog, program, wanted);
    if let Some(pay) = pay.filter(|p| Some(p.state) != program.state) {
        values.push(Value::text("state", pay.state));
        values.push(usd(
            "person_state_earnings_threshold",
            f64::from(pay.threshold),
        ));
        values.push(usd("person_state_earnings_premium", pay.premium as f64));
    }
    if let Some(d) = program.median_debt {
        values.push(usd("median_debt", f64::from(d)));
    }
    if let Some(r) = program.debt_to_earnings {
        values.push(
            Value::number("debt_to_earnings", 100.0 * r, Unit::Percent).from(DataSource::Scorecard),
        );
    }
    if let Some(years) = pay.and_then(|p| p.years) {
        values.push(Value::number("payback_years", years, Unit::Years).from(DataSource::Scorecard));
    }
    if campuses.len() > 1 {
        values.push(
            Value::number("campuses", campuses.len() as f64, Unit::Campuses)
                .from(DataSource::Scorecard),
        );
    }
    Written {
        code: ReasonCode::ProgramOutcomes,
        factor: "outcomes".into(),
        values,
        explanations: Language::ALL
            .map(|language| describe_outcomes(catalog, program, wanted, campuses, language)),
    }
}

/// The outcomes sentence: earnings against the threshold of the
/// program's state (Scorecard's comparison), and against the person's
/// state when it differs; debt and the years of premium that repay it;
/// and the campuses the figures are reported for.
fn describe_outcomes(
    catalog: &Catalog,
    program: &Program,
    wanted: Option<&'static str>,
    campuses: &[usize],
    language: Language,
) -> String {
    let say = messages::of(language);
    let amount = |premium: i64| thousands(premium.unsigned_abs().min(u64::from(u32::MAX)) as u32);
    let own = program.state.zip(program.state_earnings_threshold);
    let own_premium = own.and_then(|(state, threshold)| {
        program
            .earnings_premium(threshold)
            .map(|p| (amount(p), p >= 0, state_name(state)))
    });
    let pay = payback(catalog, program, wanted);
    let there = pay
        .as_ref()
        .filter(|p| Some(p.state) != own.map(|o| o.0))
        .map(|p| (amount(p.premium), p.premium >= 0, state_name(p.state)));
    let earnings = program.median_earnings.map(thousands);
    let debt = program.median_debt.map(thousands);
    let debt_share = program
        .debt_to_earnings
        .map(|r| fixed(100.0 * r, 0).to_string());
    let years = pay
        .as_ref()
        .and_then(|p| p.years)
        .map(|y| fixed(y, 1).to_string());
    let repaid = match &pay {
        Some(p) => match &years {
            Some(y) => Repaid::InYears(y, state_name(p.state)),
            None if program.median_earnings.is_some() => Repaid::Never(state_name(p.state)),
            None => Repaid::Unsaid,
        },
        None => Repaid::Unsaid,
    };
    let list = (campuses.len() > 1).then(|| campus_list(catalog, campuses, language));
    say.outcomes(&OutcomeFigures {
        earnings: earnings.as_deref(),
        horizon: &program.earnings_horizon,
        own: own_premium.as_ref().map(against),
        there: there.as_ref().map(against),
        debt: debt.as_deref(),
        debt_share: debt_share.as_deref(),
        repaid,
        campuses: list.as_deref().map(|l| (campuses.len(), l)),
    })
}

/// Earnings against a threshold, as (amount, above, state name).
fn against<'a>(figures: &'a (String, bool, &'a str)) -> Against<'a> {
    Against {
        amount: &figures.0,
        above: figures.1,
        state: figures.2,
    }
}

fn state_name(usps: &str) -> &str {
    by_usps(usps).map_or(usps, |s| s.name)
}

/// The first campuses by name and state, and how many more.
fn campus_list(catalog: &Catalog, campuses: &[usize], language: Language) -> String {
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
        let more = campuses.len() - NAMED;
        names.push(messages::of(language).more_campuses(more));
    }
    names.join("; ")
}
