//! A program's outcome factor and sentence, from College Scorecard:
//! `0.6 + 0.4 * o`, where `o` is the mean of the known parts of
//! `sigmoid((earnings - state threshold) / $10,000)` and
//! `1 - min(debt / earnings, 1)`, and 0.5 when both are suppressed; and
//! the sentence and payback figures that say what the outcomes mean.

use crate::catalog::states::by_usps;
use crate::catalog::{Catalog, Program};
use crate::language::Language;
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
    let es = language == Language::Es;
    let horizon = match (program.earnings_horizon.as_str(), es) {
        ("4yr_after_completion", false) => "four years after completing".to_owned(),
        ("4yr_after_completion", true) => "cuatro años después de terminar".to_owned(),
        (other, _) => other.replace('_', " "),
    };
    let mut sentence = match (program.median_earnings, es) {
        (Some(e), false) => format!("Graduates earn ${} {horizon}", thousands(e)),
        (Some(e), true) => format!("Los egresados ganan ${} {horizon}", thousands(e)),
        (None, false) => "Scorecard suppressed the earnings (small cohort)".to_owned(),
        (None, true) => "Scorecard no publica los ingresos (cohorte pequeña)".to_owned(),
    };
    let own = program.state.zip(program.state_earnings_threshold);
    if let Some((state, threshold)) = own {
        if let Some(premium) = program.earnings_premium(threshold) {
            sentence += &format!(", {}", against(premium, state, language));
        }
    }
    let pay = payback(catalog, program, wanted);
    if let Some(pay) = pay.filter(|p| Some(p.state) != own.map(|o| o.0)) {
        let there = against(pay.premium, pay.state, language);
        sentence += &if es {
            format!(" y {there} donde usted quiere trabajar")
        } else {
            format!(" and {there} where you want to work")
        };
    }
    match (program.median_debt, program.debt_to_earnings) {
        (Some(d), r) => {
            sentence += &if es {
                format!("; deuda mediana ${}", thousands(d))
            } else {
                format!("; median debt ${}", thousands(d))
            };
            if let Some(r) = r {
                let pct = fixed(100.0 * r, 0);
                sentence += &if es {
                    format!(" ({pct}% de los ingresos de un año)")
                } else {
                    format!(" ({pct}% of a year's earnings)")
                };
            }
            match pay {
                Some(Payback {
                    years: Some(years),
                    state,
                    ..
                }) => {
                    let (y, name) = (fixed(years, 1), state_name(state));
                    sentence += &if es {
                        format!(
                            ", que se paga con unos {y} años de la prima sobre el umbral de {name}"
                        )
                    } else {
                        format!(
                            ", repaid by about {y} years of the premium over the {name} threshold"
                        )
                    }
                }
                Some(Payback { state, .. }) if program.median_earnings.is_some() => {
                    let name = state_name(state);
                    sentence += &if es {
                        format!(", que unos ingresos iguales o inferiores al umbral de {name} no permiten pagar")
                    } else {
                        format!(", which earnings at or below the {name} threshold do not pay back")
                    }
                }
                _ => {}
            }
        }
        (None, _) if es => sentence += "; Scorecard no publica la deuda",
        (None, _) => sentence += "; Scorecard suppressed the debt",
    }
    if campuses.len() > 1 {
        let (n, list) = (campuses.len(), campus_list(catalog, campuses, language));
        sentence += &if es {
            format!("; Scorecard publica estas cifras para {n} campus en conjunto ({list})")
        } else {
            format!("; Scorecard reports these figures for {n} campuses together ({list})")
        };
    }
    sentence + " (College Scorecard)"
}

/// "$2,100 above the earnings threshold Scorecard publishes for Texas".
fn against(premium: i64, state: &str, language: Language) -> String {
    let amount = thousands(premium.unsigned_abs().min(u64::from(u32::MAX)) as u32);
    let name = state_name(state);
    match (language, premium >= 0) {
        (Language::En, above) => {
            let side = if above { "above" } else { "below" };
            format!("${amount} {side} the earnings threshold Scorecard publishes for {name}")
        }
        (Language::Es, above) => {
            let side = if above { "por encima" } else { "por debajo" };
            format!("${amount} {side} del umbral de ingresos que Scorecard publica para {name}")
        }
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
        names.push(match language {
            Language::En => format!("{more} more"),
            Language::Es => format!("{more} más"),
        });
    }
    names.join("; ")
}
