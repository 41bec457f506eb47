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
    let es = language == Language::Es;
    let path = &catalog.career_paths[scored.path];
    let occupation = standing.occupation.map(|o| &catalog.occupations[o]);
    let contribution = |factor: f64| scored.score - scored.score / factor;
    let counted = |factor: f64| {
        // A rule's own factor has one decimal; one held below another
        // path's score is said to two.
        let decimals = if (factor * 10.0 - (factor * 10.0).round()).abs() < 1e-9 {
            1
        } else {
            2
        };
        if es {
            format!(
                "cuenta {}: {}",
                fixed(factor, decimals),
                signed(contribution(factor), 2)
            )
        } else {
            format!(
                "it counts {}: {}",
                fixed(factor, decimals),
                signed(contribution(factor), 2)
            )
        }
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
    let from = match (occupation, es) {
        (Some(o), false) => format!("your work as {}", o.title),
        (Some(o), true) => format!("su trabajo como {}", o.title),
        (None, false) => "what your education reaches".to_owned(),
        (None, true) => "lo que alcanza su educación".to_owned(),
    };
    let wages = match (wage, standing.wage, es) {
        (Some(w), Some(c), false) => format!(
            ", median wage {} against {} (BLS, 2024)",
            dollars(w),
            dollars(c)
        ),
        (Some(w), Some(c), true) => format!(
            ", salario mediano {} frente a {} (BLS, 2024)",
            dollars(w),
            dollars(c)
        ),
        _ => String::new(),
    };
    let zones = if es {
        format!("nivel de preparación {z} de 5 frente a {cz} (O*NET){wages}")
    } else {
        format!("preparation level {z} of 5 against {cz} (O*NET){wages}")
    };
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
            if es {
                format!("Un ascenso desde {from}: {zones}")
            } else {
                format!("A step up from {from}: {zones}")
            },
        )),
        Move::Current => {
            let mut values: Vec<Value> = occupation
                .map(|o| Value::text("current_occupation", o.soc_code.clone()))
                .into_iter()
                .collect();
            let years = years_there(standing, &mut values, language);
            let what = match (movement_factor, standing.goal, es) {
                (Some(f), Goal::Advance, false) => {
                    format!("Where you work now{years}: to move up, {}", counted(f))
                }
                (Some(f), Goal::Advance, true) => {
                    format!("Donde trabaja ahora{years}: para avanzar, {}", counted(f))
                }
                (Some(f), _, false) => format!(
                    "Where you work now{years}: you are leaving it, so {}",
                    counted(f)
                ),
                (Some(f), _, true) => format!(
                    "Donde trabaja ahora{years}: lo está dejando, así que {}",
                    counted(f)
                ),
                (None, _, false) => format!("Where you work now{years}"),
                (None, _, true) => format!("Donde trabaja ahora{years}"),
            };
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
            let what = match (movement_factor, es) {
                (Some(f), false) => format!(
                    "About level with {from} ({zones}): not a step up, so {}",
                    counted(f)
                ),
                (Some(f), true) => format!(
                    "Al nivel de {from} ({zones}): no es un ascenso, así que {}",
                    counted(f)
                ),
                (None, false) => format!("About level with {from}: {zones}"),
                (None, true) => format!("Al nivel de {from}: {zones}"),
            };
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
            let what = match (movement_factor, es) {
                (Some(f), false) => format!(
                    "You bring more than this role asks ({zones}), so {}",
                    counted(f)
                ),
                (Some(f), true) => format!(
                    "Usted aporta más de lo que pide este puesto ({zones}), así que {}",
                    counted(f)
                ),
                (None, false) => format!("You bring more than this role asks: {zones}"),
                (None, true) => format!("Usted aporta más de lo que pide este puesto: {zones}"),
            };
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
            let weaker = if es {
                "un vínculo más débil"
            } else {
                "a weaker link"
            };
            linked.explanation =
                format!("{}: {weaker}, so {}", linked.explanation, counted(factor));
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
                    .map(|e| e.describe_in(language))
                    .unwrap_or_default();
                let what = if es {
                    format!("BLS indica que suele pedir {} para entrar y usted tiene {held}: para un trabajo ahora, {}", entry.describe_in(language), counted(factor))
                } else {
                    format!("BLS says it typically needs {} to enter and you hold {held}: for work you can get now, {}", entry.describe(), counted(factor))
                };
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
                let what = match (held, es) {
                    (false, false) => format!(
                        "Because BLS projects it to shrink ({}% over {BASE_YEAR}-{}), {}",
                        fixed(change, 1),
                        PROJECTED_YEAR % 100,
                        counted(factor)
                    ),
                    (false, true) => format!(
                        "Como BLS proyecta que se reduzca ({}% en {BASE_YEAR}-{}), {}",
                        fixed(change, 1),
                        PROJECTED_YEAR % 100,
                        counted(factor)
                    ),
                    (true, false) => format!(
                        "Because BLS projects it to shrink ({}% over {BASE_YEAR}-{}), it is not shown first: half, and held below the best path that is not shrinking, so {}",
                        fixed(change, 1),
                        PROJECTED_YEAR % 100,
                        counted(factor)
                    ),
                    (true, true) => format!(
                        "Como BLS proyecta que se reduzca ({}% en {BASE_YEAR}-{}), no se muestra primero: la mitad, y por debajo de la mejor trayectoria que no se reduce, así que {}",
                        fixed(change, 1),
                        PROJECTED_YEAR % 100,
                        counted(factor)
                    ),
                };
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
                let what = match (core, es) {
                    (true, false) => format!("Neither O*NET nor an issuer's route links it to your work or credentials, though it is one of the field's core occupations: {}", counted(factor)),
                    (true, true) => format!("Ni O*NET ni la ruta de un emisor la vinculan con su trabajo o sus credenciales, aunque es una de las ocupaciones centrales del campo: {}", counted(factor)),
                    (false, false) => format!("Neither O*NET nor an issuer's route links it to your work or credentials: {}", counted(factor)),
                    (false, true) => format!("Ni O*NET ni la ruta de un emisor la vinculan con su trabajo o sus credenciales: {}", counted(factor)),
                };
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
                let what = if es {
                    format!("Cuánto apunta lo que nos dijo a esta trayectoria y no a las demás del campo: {} (0.50 no apunta a ninguna); es la mitad de la puntuación: {}", fixed(pointing, 2), signed(c, 2))
                } else {
                    format!("How strongly what you told us points to this path rather than to the field's others: {} (0.50 is neither way); it is half the score: {}", fixed(pointing, 2), signed(c, 2))
                };
                reasons.push(reason(
                    ReasonCode::PathPointsHere,
                    "points_here",
                    c,
                    values,
                    what,
                ));
            }
            Rule::Adjacent { factor } => {
                let what = if es {
                    format!("Una ocupación al borde del campo, cuyo trabajo está en parte en otros campos: para una primera mirada, {}", counted(factor))
                } else {
                    format!("An occupation at the edge of the field, its work partly in other fields: for a first look, {}", counted(factor))
                };
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
                let what = if es {
                    format!("Un camino largo para empezar: BLS indica que suele pedir {} para entrar, {}", entry.describe_in(language), counted(factor))
                } else {
                    format!(
                        "A long way in: BLS says it typically needs {} to enter, so {}",
                        entry.describe(),
                        counted(factor)
                    )
                };
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
