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

/// Who states a tuition, wording its amount.
type TuitionOf = for<'a> fn(&'a str) -> Tuition<'a>;

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
    // The net price a year, written out where grants do not exceed the
    // cost, and what the level's full-time years come to at it.
    let mut net_year = None;
    let mut whole = None;
    if let Some(net) = cost.and_then(|c| c.net_price) {
        values.push(
            Value::number("net_price", f64::from(net), Unit::Usd).from(DataSource::ScorecardCosts),
        );
        if let Ok(net) = u32::try_from(net) {
            net_year = Some(dollars(net));
            if let Some(years) =
                typical_duration(program.credential_level).and_then(|d| d.min_years)
            {
                let total = (f64::from(net) * years).round() as u32;
                values.push(Value::number("years", years, Unit::Years));
                values.push(
                    Value::number("estimated_total", f64::from(total), Unit::Usd)
                        .from(DataSource::ScorecardCosts),
                );
                whole = Some((dollars(total), years.to_string()));
            }
        }
    }
    let (scorecard_tuition, in_state) = cost
        .map(|c| c.tuition_for(person_state, program.state))
        .unwrap_or((None, true));
    let tuition = match (program.facts.tuition, scorecard_tuition) {
        (Some(own), _) => {
            values.push(Value::number("tuition", f64::from(own), Unit::Usd));
            values.push(Value::text("tuition_source", "operator"));
            let operator: TuitionOf = |t| Tuition::Operator(t);
            Some((dollars(own), operator))
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
            let residency: TuitionOf = if in_state {
                |t| Tuition::InState(t)
            } else {
                |t| Tuition::OutOfState(t)
            };
            Some((dollars(tuition), residency))
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
        net: cost
            .and_then(|c| c.net_price)
            .map(|_| match (&net_year, &whole) {
                (None, _) => NetPrice::GrantsExceed,
                (Some(year), None) => NetPrice::PerYear(year),
                (Some(year), Some((total, years))) => NetPrice::WithTotal(year, total, years),
            }),
        tuition: tuition.as_ref().map(|(amount, of)| of(amount)),
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
