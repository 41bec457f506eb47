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
use crate::messages::{self, CostFigures, NetPrice, Tuition};
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
    let cost = program
        .cost
        .filter(|_| undergraduate(program.credential_level));
    let mut values = Vec::new();
    let mut amounts: Vec<String> = Vec::new();
    let net = cost.and_then(|c| c.net_price).map(|net| {
        values.push(
            Value::number("net_price", f64::from(net), Unit::Usd).from(DataSource::ScorecardCosts),
        );
        let years = typical_duration(program.credential_level).and_then(|d| d.min_years);
        match (u32::try_from(net), years) {
            (Err(_), _) => None,
            (Ok(net), Some(years)) => {
                let total = (f64::from(net) * years).round() as u32;
                values.push(Value::number("years", years, Unit::Years));
                values.push(
                    Value::number("estimated_total", f64::from(total), Unit::Usd)
                        .from(DataSource::ScorecardCosts),
                );
                amounts.extend([dollars(net), dollars(total), years.to_string()]);
                Some(true)
            }
            (Ok(net), None) => {
                amounts.push(dollars(net));
                Some(false)
            }
        }
    });
    let (scorecard_tuition, in_state) = cost
        .map(|c| c.tuition_for(person_state, program.state))
        .unwrap_or((None, true));
    let tuition = match (program.facts.tuition, scorecard_tuition) {
        (Some(own), _) => {
            values.push(Value::number("tuition", f64::from(own), Unit::Usd));
            values.push(Value::text("tuition_source", "operator"));
            Some((dollars(own), None))
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
            Some((dollars(tuition), Some(in_state)))
        }
        (None, None) => None,
    };
    let attendance = cost.and_then(|c| c.cost_of_attendance).map(|full| {
        values.push(
            Value::number("cost_of_attendance", f64::from(full), Unit::Usd)
                .from(DataSource::ScorecardCosts),
        );
        dollars(full)
    });
    let scorecard = cost.is_some();
    if scorecard {
        values.push(Value::text("cost_year", COST_YEAR));
    }
    let explanation = messages::of(language).cost(&CostFigures {
        net: net.map(|written| match written {
            None => NetPrice::GrantsExceed,
            Some(true) => NetPrice::WithTotal(&amounts[0], &amounts[1], &amounts[2]),
            Some(false) => NetPrice::PerYear(&amounts[0]),
        }),
        tuition: tuition.as_ref().map(|(t, in_state)| match in_state {
            None => Tuition::Operator(t),
            Some(true) => Tuition::InState(t),
            Some(false) => Tuition::OutOfState(t),
        }),
        attendance: attendance.as_deref(),
        scorecard_year: scorecard.then_some(COST_YEAR),
        graduate: program.cost.is_some() && !undergraduate(program.credential_level),
    });
    Reason {
        code: ReasonCode::ProgramCost,
        factor: "cost".into(),
        contribution: 0.0,
        values,
        explanation,
    }
}
