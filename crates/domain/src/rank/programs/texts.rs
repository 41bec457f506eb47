//! The sentences of program reasons: the routes to credentials, written
//! once per language when the index is built, and the step of a path's
//! route a program takes, written per answer.

use std::collections::HashMap;

use super::wants::Match;
use crate::catalog::{level_name, Catalog, CredentialRoute, RECORDED_ACCREDITOR};
use crate::language::Language;
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
                    texts.insert(route, Language::ALL.map(|l| route.describe_in(catalog, l)));
                }
            }
        }
    }
    texts
}

/// The reason saying a program takes a step of a shown path's route.
pub(super) fn route_step(
    catalog: &Catalog,
    m: &Match,
    contribution: f64,
    language: Language,
) -> Reason {
    let es = language == Language::Es;
    let path = &catalog.career_paths[m.path];
    let title = &path.title;
    let mut values = vec![Value::text("career_path", path.soc_code.clone())];
    let what = match (&m.prepared, &m.want) {
        (Some(c), _) => {
            let code = &catalog.credentials[*c].code;
            values.push(Value::text("credential", code.clone()));
            if es {
                format!("En la ruta a {title}: el operador dice que prepara para la {code}, un paso de esa ruta")
            } else {
                format!("On the route to {title}: the operator says it prepares for the {code}, a step of that route")
            }
        }
        (None, Some(want)) => {
            let level = level_name(want.level, language);
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
                    let later = want.strength < 1.0;
                    match (es, later) {
                        (false, false) => format!("the {code} route needs a {accreditor}-accredited {level} program, the step you need next"),
                        (false, true) => format!("the {code} route, a later step, needs a {accreditor}-accredited {level} program"),
                        (true, false) => format!("la ruta a la {code} pide un programa de {level} acreditado por {accreditor}, el paso que necesita ahora"),
                        (true, true) => format!("la ruta a la {code}, un paso posterior, pide un programa de {level} acreditado por {accreditor}"),
                    }
                }
                (Some(c), _, None) => {
                    let credential = &catalog.credentials[c];
                    let code = &credential.code;
                    values.push(Value::text("credential", code.clone()));
                    if es {
                        format!("{} recomienda formación antes del examen de la {code}: un programa de {level}", credential.issuer)
                    } else {
                        format!(
                            "{} recommends training before the {code} exam: a {level} program",
                            credential.issuer
                        )
                    }
                }
                (_, Some(entry), _) => {
                    values.push(
                        Value::text("entry_education", entry.name()).from(DataSource::Projections),
                    );
                    if es {
                        format!(
                            "BLS indica que suele pedir {} para entrar",
                            entry.describe_in(language)
                        )
                    } else {
                        format!("BLS says it typically needs {} to enter", entry.describe())
                    }
                }
                _ if es => format!("un programa de {level}"),
                _ => format!("a {level} program"),
            };
            if es {
                format!("En la ruta a {title}: {step}")
            } else {
                format!("On the route to {title}: {step}")
            }
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
    let explanation = match language {
        Language::En => "CIP 51.07, the field College Scorecard files it under, covers HIM and HIT, health administration, medical office, coding and billing programs: its specialty is not recorded here (the operator can state which credentials it prepares for)",
        Language::Es => "CIP 51.07, el campo en que College Scorecard lo clasifica, abarca programas de HIM y HIT, administración de salud, oficina médica, codificación y facturación: aquí no consta su especialidad (el operador puede indicar para qué credenciales prepara)",
    };
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
    let explanation = match language {
        Language::En => format!("Not a step on the route to any career path shown here, so it counts {factor}: {contribution:+.2}"),
        Language::Es => format!("No es un paso de la ruta a ninguna de las trayectorias mostradas, así que cuenta {factor}: {contribution:+.2}"),
    };
    Reason {
        code: ReasonCode::ProgramOffRoute,
        factor: "route".into(),
        contribution,
        values: Vec::new(),
        explanation,
    }
}
