//! The reasons for what a path means to the person's goal: how it stands
//! to where they are, whether O*NET relates it to their work, whether it
//! is work they can get now, whether BLS projects it to decline. Each
//! rule's contribution is what it did to the score (the score minus the
//! score without it); a path's place that moved nothing says so with 0.

use super::score::{PathScore, Rule};
use super::standing::{Move, Standing};
use super::words::{link_reason, reason, years_there};
use crate::catalog::{Catalog, BASE_YEAR, PROJECTED_YEAR};
use crate::language::Language;
use crate::messages::{self, StayWeighed, Whence};
use crate::profile::Goal;
use crate::rank::reason::{DataSource, Reason, ReasonCode, Unit, Value};
use crate::text::{dollars, fixed, signed};

/// The reasons a path's goal rules give, in order: how it stands, then
/// the others.
pub fn rule_reasons(
    catalog: &Catalog,
    standing: &Standing,
    scored: &PathScore,
    language: Language,
) -> Vec<Reason> {
    let path = &catalog.career_paths[scored.path];
    let occupation = standing.occupation.map(|o| &catalog.occupations[o]);
    let contribution = |factor: f64| scored.score - scored.score / factor;
    let say = messages::of(language);
    let counted = |factor: f64| {
        // A rule's own factor has one decimal; one held below another
        // path's score is said to two.
        let decimals = if (factor * 10.0 - (factor * 10.0).round()).abs() < 1e-9 {
            1
        } else {
            2
        };
        say.counted(&fixed(factor, decimals), &signed(contribution(factor), 2))
    };
    let mut reasons = Vec::new();
    let movement_factor = scored.rules.iter().find_map(|r| match r {
        Rule::Movement { factor, .. } => Some(*factor),
        _ => None,
    });
    let mut place = Vec::new();
    place.extend(occupation.map(|o| Value::text("current_occupation", o.soc_code.clone())));
    place.push(
        Value::number("job_zone", f64::from(path.job_zone), Unit::JobZone).from(DataSource::Onet),
    );
    place.extend(standing.zone.map(|z| {
        Value::number("current_job_zone", f64::from(z), Unit::JobZone).from(DataSource::Onet)
    }));
    let wage = path.outlook.as_ref().and_then(|o| o.median_wage);
    place.extend(wage.map(|w| {
        Value::number("median_wage", f64::from(w), Unit::Usd).from(DataSource::Projections)
    }));
    place.extend(standing.wage.map(|w| {
        Value::number("current_median_wage", f64::from(w), Unit::Usd).from(DataSource::Projections)
    }));
    place.extend(
        standing
            .education
            .map(|e| Value::text("education", e.name())),
    );
    let (z, cz) = (path.job_zone, standing.zone.unwrap_or_default());
    let from = occupation.map_or(Whence::Education, |o| Whence::Work(&o.title));
    let wages = match (wage, standing.wage) {
        (Some(w), Some(c)) => Some((dollars(w), dollars(c))),
        _ => None,
    };
    let zones = say.zones(z, cz, wages.as_ref().map(|(w, c)| (w.as_str(), c.as_str())));
    // A step up or sideways is said where the goal weighs it (moving up,
    // changing field) or where it changed the score.
    let weighs_moves = matches!(standing.goal, Goal::Advance | Goal::Change);
    match scored.movement {
        Move::WayIn => {}
        Move::StepUp if !weighs_moves => {}
        Move::Lateral if !weighs_moves && movement_factor.is_none() => {}
        Move::StepUp => reasons.push(reason(
            ReasonCode::PathStepUp,
            "move:step_up",
            0.0,
            place,
            say.step_up(from, &zones),
        )),
        Move::Current => {
            let mut values: Vec<Value> = occupation
                .map(|o| Value::text("current_occupation", o.soc_code.clone()))
                .into_iter()
                .collect();
            let years = years_there(standing, &mut values, language);
            let counted = movement_factor.map(counted);
            let weighed = match (&counted, standing.goal) {
                (None, _) => StayWeighed::Not,
                (Some(c), Goal::Advance) => StayWeighed::ToMoveUp(c),
                (Some(c), _) => StayWeighed::Leaving(c),
            };
            let what = say.where_you_work(&years, weighed);
            let c = movement_factor.map_or(0.0, contribution);
            reasons.push(reason(
                ReasonCode::PathWhereYouAre,
                "move:current",
                c,
                values,
                what,
            ));
        }
        Move::Lateral => {
            let what = say.lateral(from, &zones, movement_factor.map(counted).as_deref());
            let c = movement_factor.map_or(0.0, contribution);
            reasons.push(reason(
                ReasonCode::PathLateral,
                "move:lateral",
                c,
                place,
                what,
            ));
        }
        Move::Below | Move::WellBelow => {
            let what = say.brings_more(&zones, movement_factor.map(counted).as_deref());
            let c = movement_factor.map_or(0.0, contribution);
            reasons.push(reason(
                ReasonCode::PathBringsMore,
                "move:below",
                c,
                place,
                what,
            ));
        }
    }
    if let Some(link) = scored.link {
        let mut linked = link_reason(catalog, standing, link, language);
        if let Some(factor) = scored.rules.iter().find_map(|r| match r {
            Rule::Linked { factor, .. } => Some(*factor),
            _ => None,
        }) {
            linked.contribution = contribution(factor);
            linked.explanation = say.weaker_link(&linked.explanation, &counted(factor));
        }
        reasons.push(linked);
    }
    for rule in &scored.rules {
        match *rule {
            Rule::NotYetQualified { entry, factor } => {
                let mut values = vec![
                    Value::text("entry_education", entry.name()).from(DataSource::Projections)
                ];
                values.extend(
                    standing
                        .education
                        .map(|e| Value::text("education", e.name())),
                );
                let held = standing
                    .education
                    .map(|e| say.education(e))
                    .unwrap_or_default();
                let what = say.not_yet_qualified(entry, held, &counted(factor));
                reasons.push(reason(
                    ReasonCode::PathNotYetQualified,
                    "entry_education",
                    contribution(factor),
                    values,
                    what,
                ));
            }
            Rule::Declining {
                change,
                factor,
                held,
            } => {
                let values = vec![
                    Value::number("change_percent", change, Unit::Percent)
                        .from(DataSource::Projections),
                    Value::number("base_year", f64::from(BASE_YEAR), Unit::None),
                    Value::number("projected_year", f64::from(PROJECTED_YEAR), Unit::None),
                ];
                let period = format!("{BASE_YEAR}-{}", PROJECTED_YEAR % 100);
                let what = say.declining(&fixed(change, 1), &period, held, &counted(factor));
                reasons.push(reason(
                    ReasonCode::PathDeclining,
                    "outlook",
                    contribution(factor),
                    values,
                    what,
                ));
            }
            Rule::Unlinked { core, factor } => {
                let values = vec![Value::flag("core", core)];
                let what = say.unlinked(core, &counted(factor));
                reasons.push(reason(
                    ReasonCode::PathUnlinked,
                    "link",
                    contribution(factor),
                    values,
                    what,
                ));
            }
            Rule::PointsHere { pointing } => {
                // Without it the score would rest on the fit alone.
                let base = (scored.fit + pointing) / 2.0;
                let others = if base > 0.0 { scored.score / base } else { 0.0 };
                let c = (pointing - scored.fit) / 2.0 * others;
                let values = vec![Value::number("pointing", pointing, Unit::None)];
                let what = say.points_here(&fixed(pointing, 2), &signed(c, 2));
                reasons.push(reason(
                    ReasonCode::PathPointsHere,
                    "points_here",
                    c,
                    values,
                    what,
                ));
            }
            Rule::Adjacent { factor } => {
                let what = say.adjacent(&counted(factor));
                reasons.push(reason(
                    ReasonCode::PathAdjacent,
                    "adjacent",
                    contribution(factor),
                    Vec::new(),
                    what,
                ));
            }
            Rule::LongRoute { entry, factor } => {
                let values = vec![
                    Value::text("entry_education", entry.name()).from(DataSource::Projections)
                ];
                let what = say.long_route(entry, &counted(factor));
                reasons.push(reason(
                    ReasonCode::PathLongRoute,
                    "entry_route",
                    contribution(factor),
                    values,
                    what,
                ));
            }
            Rule::Movement { .. } | Rule::MoveWeighed | Rule::Linked { .. } => {}
        }
    }
    reasons
}
