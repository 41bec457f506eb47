//! The words of a path's goal reasons that more than one rule shares:
//! what links a path to where the person stands, the years they gave,
//! and a reason from its parts.

use super::links::Link;
use super::standing::Standing;
use crate::catalog::Catalog;
use crate::language::Language;
use crate::messages::{self, Opening};
use crate::rank::reason::{DataSource, Reason, ReasonCode, Unit, Value};
use crate::text::fixed;

/// The reason saying what links a path to where the person stands.
pub(super) fn link_reason(
    catalog: &Catalog,
    standing: &Standing,
    link: Link,
    language: Language,
) -> Reason {
    match link {
        Link::Related(tier) => {
            let o = standing.occupation.map(|o| &catalog.occupations[o]);
            let mut values: Vec<Value> = o
                .map(|o| Value::text("current_occupation", o.soc_code.clone()))
                .into_iter()
                .collect();
            values.push(Value::text("relatedness", tier.name()).from(DataSource::Onet));
            let title = o.map_or("", |o| o.title.as_str());
            let what = messages::of(language).related_occupation(title, tier.name());
            reason(ReasonCode::PathRelated, "related", 0.0, values, what)
        }
        Link::IssuerRoute(c) | Link::Ladder(c) | Link::DegreeRoute(c) => {
            let credential = &catalog.credentials[c];
            let (code, issuer) = (&credential.code, &credential.issuer);
            let values = vec![Value::text("credential", code.clone())];
            let opening = match link {
                Link::Ladder(_) => Opening::NextRung,
                Link::DegreeRoute(_) => Opening::DegreeRoute,
                _ => Opening::IssuerRoute,
            };
            let what = messages::of(language).credential_opens(code, issuer, opening);
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
    messages::of(language).years_there(&n, years == 1.0)
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
