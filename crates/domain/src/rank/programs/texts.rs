//! Program reasons worded (`messages` has the sentences): the routes to
//! credentials, written once per language when the index is built, and
//! the step of a path's route a program takes, written per answer.

use std::collections::HashMap;

use super::wants::Match;
use crate::catalog::{Catalog, CredentialRoute, RECORDED_ACCREDITOR};
use crate::language::Language;
use crate::messages::{self, RouteStep, RouteWords};
use crate::rank::reason::{DataSource, Reason, ReasonCode, Unit, Value};

/// Every route a program can have, with its factor and sentence.
pub(super) fn route_texts(catalog: &Catalog) -> HashMap<CredentialRoute, [String; 2]> {
    let mut texts = HashMap::new();
    for (credential, c) in catalog.credentials.iter().enumerate() {
        for by_level in [true, false] {
            let needs_accreditation = by_level && !c.program_accreditor.is_empty();
            let statuses: &[Option<bool>] =
                if needs_accreditation && c.program_accreditor == RECORDED_ACCREDITOR {
                    &[None, Some(true), Some(false)]
                } else {
                    &[None]
                };
            for &accredited in statuses {
                for prepares in [true, false] {
                    if !by_level && !prepares {
                        continue;
                    }
                    let route = CredentialRoute {
                        credential,
                        by_level,
                        needs_accreditation,
                        accredited,
                        prepares,
                    };
                    texts.insert(
                        route,
                        Language::ALL.map(|l| route_sentence(catalog, &route, l)),
                    );
                }
            }
        }
    }
    texts
}

/// A program's route to a credential in one sentence, e.g. "RHIT:
/// graduates of CAHIIM-accredited associate programs may sit the exam;
/// this program's CAHIIM accreditation is unknown (the operator can state
/// it)".
pub(crate) fn route_sentence(
    catalog: &Catalog,
    route: &CredentialRoute,
    language: Language,
) -> String {
    let say = messages::of(language);
    let credential = &catalog.credentials[route.credential];
    let levels: Vec<String> = credential
        .program_levels
        .iter()
        .map(|&level| say.credential_level(level).to_owned())
        .collect();
    let accreditor = route.accreditor(catalog);
    say.credential_route(&RouteWords {
        code: &credential.code,
        issuer: &credential.issuer,
        by_level: route.by_level,
        levels: &say.or_list(&levels),
        accreditor,
        recorded: accreditor == Some(RECORDED_ACCREDITOR),
        accredited: route.accredited,
        prepares: route.prepares,
    })
}

/// The reason saying a program takes a step of a shown path's route.
pub(super) fn route_step(
    catalog: &Catalog,
    m: &Match,
    contribution: f64,
    language: Language,
) -> Reason {
    let say = messages::of(language);
    let path = &catalog.career_paths[m.path];
    let title = &path.title;
    let mut values = vec![Value::text("career_path", path.soc_code.clone())];
    let what = match (&m.prepared, &m.want) {
        (Some(c), _) => {
            let code = &catalog.credentials[*c].code;
            values.push(Value::text("credential", code.clone()));
            say.route_step(title, RouteStep::Prepares(code))
        }
        (None, Some(want)) => {
            let level = say.credential_level(want.level);
            values.push(Value::number(
                "credential_level",
                f64::from(want.level),
                Unit::None,
            ));
            values.extend(
                want.accreditor
                    .as_ref()
                    .map(|a| Value::text("accreditor", a.clone())),
            );
            let step = match (want.credential, want.entry, &want.accreditor) {
                (Some(c), _, Some(accreditor)) => {
                    let code = &catalog.credentials[c].code;
                    values.push(Value::text("credential", code.clone()));
                    RouteStep::Accredited {
                        code,
                        accreditor,
                        level,
                        later: want.strength < 1.0,
                    }
                }
                (Some(c), _, None) => {
                    let credential = &catalog.credentials[c];
                    values.push(Value::text("credential", credential.code.clone()));
                    RouteStep::Recommended {
                        issuer: &credential.issuer,
                        code: &credential.code,
                        level,
                    }
                }
                (_, Some(entry), _) => {
                    values.push(
                        Value::text("entry_education", entry.name()).from(DataSource::Projections),
                    );
                    RouteStep::Entry(entry)
                }
                _ => RouteStep::Level(level),
            };
            say.route_step(title, step)
        }
        (None, None) => String::new(),
    };
    Reason {
        code: ReasonCode::ProgramRouteStep,
        factor: format!("route:{}", path.soc_code),
        contribution,
        values,
        explanation: what,
    }
}

/// The reason saying what the program's Scorecard field does and does not
/// say of its specialty, in both languages.
pub(super) fn specialty(language: Language) -> Reason {
    let explanation = messages::of(language).specialty();
    Reason {
        code: ReasonCode::ProgramSpecialty,
        factor: "specialty".into(),
        contribution: 0.0,
        values: vec![Value::text("cip_family", "51.07")],
        explanation: explanation.into(),
    }
}

/// The reason of a program on no step of the shown paths' routes; `score`
/// is the program's, so the contribution is what counting it
/// [`super::wants::OFF_ROUTE`] took.
pub(super) fn off_route(score: f64, language: Language) -> Reason {
    let factor = super::wants::OFF_ROUTE;
    let contribution = score - score / factor;
    let explanation =
        messages::of(language).off_route(&factor.to_string(), &format!("{contribution:+.2}"));
    Reason {
        code: ReasonCode::ProgramOffRoute,
        factor: "route".into(),
        contribution,
        values: Vec::new(),
        explanation,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_route_says_what_the_issuer_asks_and_what_is_known_of_the_program() {
        let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
        let catalog = Catalog::load(&root.join("data")).unwrap();
        let rhit = catalog.credential_index("RHIT").unwrap();
        let route = |accredited, prepares| CredentialRoute {
            credential: rhit,
            by_level: true,
            needs_accreditation: true,
            accredited,
            prepares,
        };
        assert_eq!(
            route_sentence(&catalog, &route(None, false), Language::En),
            "RHIT: graduates of CAHIIM-accredited associate programs may sit the exam; \
             this program's CAHIIM accreditation is unknown (the operator can state it)"
        );
        assert_eq!(
            route_sentence(&catalog, &route(Some(false), true), Language::Es),
            "RHIT: los egresados de programas de título asociado acreditados por CAHIIM \
             pueden presentar el examen; este programa no está acreditado por CAHIIM (según \
             el operador), así que no es una ruta hacia la RHIT; el operador dice que prepara \
             para la RHIT"
        );
    }
}
