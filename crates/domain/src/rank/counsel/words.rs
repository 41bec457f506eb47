//! The words of a path's goal reasons that more than one rule shares:
//! what links a path to where the person stands, the years they gave,
//! and a reason from its parts.

use super::links::Link;
use super::standing::Standing;
use crate::catalog::Catalog;
use crate::language::Language;
use crate::rank::reason::{DataSource, Reason, ReasonCode, Unit, Value};
use crate::text::fixed;

/// The reason saying what links a path to where the person stands.
pub(super) fn link_reason(
    catalog: &Catalog,
    standing: &Standing,
    link: Link,
    language: Language,
) -> Reason {
    let es = language == Language::Es;
    match link {
        Link::Related(tier) => {
            let o = standing.occupation.map(|o| &catalog.occupations[o]);
            let mut values: Vec<Value> = o
                .map(|o| Value::text("current_occupation", o.soc_code.clone()))
                .into_iter()
                .collect();
            values.push(Value::text("relatedness", tier.name()).from(DataSource::Onet));
            let title = o.map_or("", |o| o.title.as_str());
            let what = if es {
                format!(
                    "O*NET la cuenta entre las ocupaciones relacionadas con la suya ({title}, {})",
                    tier.name()
                )
            } else {
                format!(
                    "O*NET lists it among the occupations related to yours ({title}, {})",
                    tier.name()
                )
            };
            reason(ReasonCode::PathRelated, "related", 0.0, values, what)
        }
        Link::IssuerRoute(c) | Link::Ladder(c) | Link::DegreeRoute(c) => {
            let credential = &catalog.credentials[c];
            let (code, issuer) = (&credential.code, &credential.issuer);
            let values = vec![Value::text("credential", code.clone())];
            let what = match (link, es) {
                (Link::Ladder(_), false) => format!("The {code} ({issuer}), the next rung of a ladder you are on, leads here"),
                (Link::Ladder(_), true) => format!("La {code} ({issuer}), el siguiente peldaño de una escala en la que está, conduce aquí"),
                (Link::DegreeRoute(_), false) => format!("The {code} ({issuer}), which leads here, has a route for graduates with your degree"),
                (Link::DegreeRoute(_), true) => format!("La {code} ({issuer}), que conduce aquí, tiene una ruta para egresados con su título"),
                (_, false) => format!("The {code} ({issuer}), which leads here, has a route for a credential or licence you hold"),
                (_, true) => format!("La {code} ({issuer}), que conduce aquí, tiene una ruta para una credencial o licencia que usted tiene"),
            };
            reason(ReasonCode::PathRelated, "link", 0.0, values, what)
        }
    }
}

/// ", for 8 years" when the person gave their years there, pushing the
/// value.
pub(super) fn years_there(
    standing: &Standing,
    values: &mut Vec<Value>,
    language: Language,
) -> String {
    let Some(years) = standing.years else {
        return String::new();
    };
    values.push(Value::number("years_experience", years, Unit::Years));
    let n = if years.fract() == 0.0 {
        format!("{years:.0}")
    } else {
        fixed(years, 1).to_string()
    };
    match language {
        Language::En => format!(", for {n} years"),
        Language::Es => format!(", desde hace {n} años"),
    }
}

pub(super) fn reason(
    code: ReasonCode,
    factor: &str,
    contribution: f64,
    values: Vec<Value>,
    explanation: String,
) -> Reason {
    Reason {
        code,
        factor: factor.to_owned(),
        contribution,
        values,
        explanation,
    }
}
