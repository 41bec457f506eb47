//! What a program is likely to cost, said beside its debt and earnings:
//! its institution's average net price a year after grants (College
//! Scorecard, an older cost year than the outcomes), times the years its
//! credential level takes full time (NCES), and the tuition for the
//! person's residency; the operator's own tuition where it gives one.
//! Scorecard's costs are an institution's undergraduate figures, so a
//! graduate program's price is said to be unknown, not estimated from
//! them. Moves nothing: contributes 0.

use crate::catalog::{typical_duration, Program, COST_YEAR};
use crate::language::Language;
use crate::rank::reason::{DataSource, Reason, ReasonCode, Unit, Value};
use crate::text::dollars;

/// Scorecard credential levels of undergraduate programs (certificates,
/// associate and bachelor's degrees, non-credential coursework).
fn undergraduate(level: u8) -> bool {
    matches!(level, 1..=3 | 99)
}

/// The cost reason of a program for a person in `person_state`.
pub(super) fn cost_reason(
    program: &Program,
    person_state: Option<&str>,
    language: Language,
) -> Reason {
    let es = language == Language::Es;
    let cost = program
        .cost
        .filter(|_| undergraduate(program.credential_level));
    let mut values = Vec::new();
    let mut parts: Vec<String> = Vec::new();
    if let Some(net) = cost.and_then(|c| c.net_price) {
        values.push(
            Value::number("net_price", f64::from(net), Unit::Usd).from(DataSource::ScorecardCosts),
        );
        let years = typical_duration(program.credential_level).and_then(|d| d.min_years);
        match (u32::try_from(net), years) {
            (Err(_), _) => parts.push(if es {
                "en promedio, las becas superan su costo".to_owned()
            } else {
                "on average, grants exceed its cost".to_owned()
            }),
            (Ok(net), Some(years)) => {
                let total = (f64::from(net) * years).round() as u32;
                values.push(Value::number("years", years, Unit::Years));
                values.push(
                    Value::number("estimated_total", f64::from(total), Unit::Usd)
                        .from(DataSource::ScorecardCosts),
                );
                parts.push(if es {
                    format!("unos {} al año después de becas (precio neto promedio), unos {} por los {years} años que toma a tiempo completo", dollars(net), dollars(total))
                } else {
                    format!("about {} a year after grants (average net price), about {} for the {years} years it takes full time", dollars(net), dollars(total))
                });
            }
            (Ok(net), None) => parts.push(if es {
                format!(
                    "unos {} al año después de becas (precio neto promedio)",
                    dollars(net)
                )
            } else {
                format!(
                    "about {} a year after grants (average net price)",
                    dollars(net)
                )
            }),
        }
    }
    let (scorecard_tuition, in_state) = cost
        .map(|c| c.tuition_for(person_state, program.state))
        .unwrap_or((None, true));
    match (program.facts.tuition, scorecard_tuition) {
        (Some(own), _) => {
            values.push(Value::number("tuition", f64::from(own), Unit::Usd));
            values.push(Value::text("tuition_source", "operator"));
            parts.push(if es {
                format!(
                    "matrícula de {} al año, según la indica la institución",
                    dollars(own)
                )
            } else {
                format!(
                    "tuition {} a year, as the institution states it",
                    dollars(own)
                )
            });
        }
        (None, Some(tuition)) => {
            values.push(
                Value::number("tuition", f64::from(tuition), Unit::Usd)
                    .from(DataSource::ScorecardCosts),
            );
            values.push(Value::text(
                "residency",
                if in_state { "in_state" } else { "out_of_state" },
            ));
            values.push(Value::text("tuition_source", "scorecard"));
            parts.push(match (in_state, es) {
                (true, false) => format!("in-state tuition and fees {} a year", dollars(tuition)),
                (false, false) => {
                    format!("out-of-state tuition and fees {} a year", dollars(tuition))
                }
                (true, true) => format!(
                    "matrícula y cuotas para residentes del estado {} al año",
                    dollars(tuition)
                ),
                (false, true) => format!(
                    "matrícula y cuotas para no residentes del estado {} al año",
                    dollars(tuition)
                ),
            });
        }
        (None, None) => {}
    }
    if let Some(full) = cost.and_then(|c| c.cost_of_attendance) {
        values.push(
            Value::number("cost_of_attendance", f64::from(full), Unit::Usd)
                .from(DataSource::ScorecardCosts),
        );
        parts.push(if es {
            format!(
                "{} al año antes de ayudas, con libros y costos de vida",
                dollars(full)
            )
        } else {
            format!(
                "{} a year before aid, with books and living costs",
                dollars(full)
            )
        });
    }
    let scorecard = cost.is_some();
    if scorecard {
        values.push(Value::text("cost_year", COST_YEAR));
    }
    let graduate = program.cost.is_some() && !undergraduate(program.credential_level);
    let explanation = match (parts.is_empty(), es) {
        (true, false) if graduate => "What it costs is unknown: College Scorecard publishes the institution's undergraduate costs only".to_owned(),
        (true, true) if graduate => "Su costo es desconocido: College Scorecard publica solo los costos de pregrado de la institución".to_owned(),
        (true, false) => "What it costs is unknown: College Scorecard has no costs for this institution".to_owned(),
        (true, true) => "Su costo es desconocido: College Scorecard no tiene costos de esta institución".to_owned(),
        (false, false) => format!(
            "Likely cost: {}{}",
            parts.join("; "),
            if scorecard {
                format!(" (College Scorecard, {COST_YEAR}, older than its outcomes)")
            } else {
                String::new()
            }
        ),
        (false, true) => format!(
            "Costo probable: {}{}",
            parts.join("; "),
            if scorecard {
                format!(" (College Scorecard, {COST_YEAR}, anterior a sus resultados)")
            } else {
                String::new()
            }
        ),
    };
    Reason {
        code: ReasonCode::ProgramCost,
        factor: "cost".into(),
        contribution: 0.0,
        values,
        explanation,
    }
}
