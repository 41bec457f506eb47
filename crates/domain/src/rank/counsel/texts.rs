//! The sentences of counsel, in English and Spanish: what a score means
//! for the person's goal, the conditions of an issuer's route, and each
//! step of the route to a path, checked against the person.

use super::eligibility::{Checked, MetBy, RouteCheck, Status};
use super::route::{CredentialCheck, EducationStep, Serves, StepKind};
use crate::catalog::{level_name, Catalog, Condition, ExperienceDomain};
use crate::language::Language;
use crate::profile::Goal;
use crate::text::fixed;

/// What every career path score means for `goal`, in one sentence.
pub fn score_meaning(goal: Goal, language: Language) -> &'static str {
    match (language, goal) {
        (Language::En, Goal::Explore) => "Each score is the average of how well you meet what the path asks (the share of its own people you match or beat) and how strongly what you told us points to it rather than to the field's other paths, lower for a path at the edge of the field or a long way in, and halved for an occupation BLS projects to decline, and never first.",
        (Language::En, Goal::FindWork) => "Each score is how ready you are for the path now: the average of how well you meet what it asks (the share of its own people you match or beat) and how strongly what you told us points to it, halved where you lack the education BLS says it needs to enter or BLS projects the occupation to decline, and lower for a role that asks far less than you bring or that nothing you bring leads to.",
        (Language::En, Goal::Advance) => "Each score is how good a step the path is from where you are: how well you meet what it asks (the share of its own people you match or beat), in full for a step up, half for where you are now, less for a step sideways or down, and halved for an occupation BLS projects to decline.",
        (Language::En, Goal::Change) => "Each score is how well what you bring carries into the path: how well you meet what it asks (the share of its own people you match or beat), lower for the occupation you are leaving, a role far below what you bring, or one BLS projects to decline (never first).",
        (Language::Es, Goal::Explore) => "Cada puntuación es el promedio de cuánto cumple lo que pide la trayectoria (la proporción de sus propias personas a las que iguala o supera) y de cuánto apunta a ella lo que nos dijo frente a las demás del campo, menor para una trayectoria al borde del campo o de entrada larga, y reducida a la mitad si BLS proyecta que la ocupación disminuya, y nunca primera.",
        (Language::Es, Goal::FindWork) => "Cada puntuación es cuán preparado está ahora para la trayectoria: el promedio de cuánto cumple lo que pide (la proporción de sus propias personas a las que iguala o supera) y de cuánto apunta a ella lo que nos dijo, reducida a la mitad si le falta la educación que BLS indica para entrar o si BLS proyecta que la ocupación disminuya, y menor para un puesto que pide mucho menos de lo que usted aporta o al que nada de lo que aporta conduce.",
        (Language::Es, Goal::Advance) => "Cada puntuación es cuán buen paso es la trayectoria desde donde está: cuánto cumple lo que pide (la proporción de sus propias personas a las que iguala o supera), completa para un ascenso, la mitad para donde está ahora, menos para un paso lateral o hacia abajo, y reducida a la mitad si BLS proyecta que la ocupación disminuya.",
        (Language::Es, Goal::Change) => "Cada puntuación es cuánto de lo que aporta se traslada a la trayectoria: cuánto cumple lo que pide (la proporción de sus propias personas a las que iguala o supera), menor para la ocupación que deja, un puesto muy por debajo de lo que aporta o uno que BLS proyecta que disminuya (nunca primero).",
    }
}

/// Years in a sentence: "2 years", "1 year", "0.5 years".
fn years(value: f64, language: Language) -> String {
    let n = if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        fixed(value, 1).to_string()
    };
    match (language, value == 1.0) {
        (Language::En, true) => format!("{n} year"),
        (Language::En, false) => format!("{n} years"),
        (Language::Es, true) => format!("{n} año"),
        (Language::Es, false) => format!("{n} años"),
    }
}

/// The work of an experience domain, after a number of years.
fn domain(domain: ExperienceDomain, language: Language) -> &'static str {
    match (language, domain) {
        (Language::En, ExperienceDomain::Coding) => "of coding work",
        (Language::En, ExperienceDomain::CancerRegistry) => {
            "in a cancer registry (1,950 hours make a year)"
        }
        (Language::En, ExperienceDomain::DocumentationIntegrity) => "as a CDI specialist",
        (Language::En, ExperienceDomain::PrivacySecurity) => {
            "in healthcare privacy or security management"
        }
        (Language::Es, ExperienceDomain::Coding) => "de trabajo de codificación",
        (Language::Es, ExperienceDomain::CancerRegistry) => {
            "en un registro de cáncer (1,950 horas hacen un año)"
        }
        (Language::Es, ExperienceDomain::DocumentationIntegrity) => "como especialista de CDI",
        (Language::Es, ExperienceDomain::PrivacySecurity) => {
            "en gestión de privacidad o seguridad de la salud"
        }
    }
}

/// Coursework an issuer names, in words.
fn coursework(what: &str, language: Language) -> String {
    let words = match (language, what) {
        (Language::En, "anatomy_physiology") => "college anatomy and physiology",
        (Language::En, "coding_program") => "a coding training program",
        (Language::En, "coding") => "coding coursework",
        (Language::En, "coding_training") => "coding training",
        (Language::En, "coding_preparation") => "80 contact hours of a coding preparation course (or AAPC's Practicode)",
        (Language::En, "risk_adjustment_training") => "risk adjustment training",
        (Language::En, "billing_training") => "billing training",
        (Language::En, "compliance_training") => "compliance training",
        (Language::En, "medical_terminology_anatomy_physiology") => "college medical terminology and anatomy and physiology",
        (Language::En, "anatomy_physiology_medical_terminology_disease_process") => "college anatomy and physiology, medical terminology and disease process",
        (Language::Es, "anatomy_physiology") => "cursos universitarios de anatomía y fisiología",
        (Language::Es, "coding_program") => "un programa de formación en codificación",
        (Language::Es, "coding") => "cursos de codificación",
        (Language::Es, "coding_training") => "formación en codificación",
        (Language::Es, "coding_preparation") => "80 horas de contacto de un curso de preparación en codificación (o Practicode de AAPC)",
        (Language::Es, "risk_adjustment_training") => "formación en ajuste de riesgo",
        (Language::Es, "billing_training") => "formación en facturación",
        (Language::Es, "compliance_training") => "formación en cumplimiento",
        (Language::Es, "medical_terminology_anatomy_physiology") => "cursos universitarios de terminología médica y de anatomía y fisiología",
        (Language::Es, "anatomy_physiology_medical_terminology_disease_process") => "cursos universitarios de anatomía y fisiología, terminología médica y procesos de enfermedad",
        (_, other) => return other.replace('_', " "),
    };
    words.to_owned()
}

/// One condition in words: "a CAHIIM-accredited bachelor's program".
pub fn condition(catalog: &Catalog, condition: &Condition, language: Language) -> String {
    let es = language == Language::Es;
    let or = if es { " o " } else { " or " };
    match condition {
        Condition::Open if es => "nada: cualquiera puede presentar el examen".into(),
        Condition::Open => "nothing: anyone may sit the exam".into(),
        Condition::Education(level) => level.describe_in(language).into(),
        Condition::College60 if es => "un título asociado o 60 créditos universitarios".into(),
        Condition::College60 => "an associate degree or 60 college credits".into(),
        Condition::Program { level, accreditor } => {
            let level = level_name(*level, language);
            if es {
                format!("un programa de {level} acreditado por {accreditor}")
            } else {
                format!("a {accreditor}-accredited {level} program")
            }
        }
        Condition::Holds(codes) => {
            let names: Vec<&str> = codes
                .iter()
                .map(|&c| catalog.credentials[c].code.as_str())
                .collect();
            if es {
                format!("la {}", names.join(" o la "))
            } else {
                format!("the {}", names.join(" or the "))
            }
        }
        Condition::Licence(licences) => {
            let codes: Vec<&str> = licences.iter().map(|l| l.code()).collect();
            if es {
                format!("una licencia de {}", codes.join(or))
            } else {
                format!("an {} licence", codes.join(or))
            }
        }
        Condition::Experience {
            years: n,
            domain: d,
        } => {
            format!("{} {}", years(*n, language), domain(*d, language))
        }
        Condition::Coursework(what) => coursework(what, language),
    }
}

/// The conditions of `route` with status `status`, joined: "the RHIT and
/// 4 years in healthcare privacy or security management".
fn conditions_with(
    catalog: &Catalog,
    route: &RouteCheck<'_>,
    status: Status,
    language: Language,
) -> Option<String> {
    let words: Vec<String> = route
        .conditions
        .iter()
        .filter(|c| c.status == status)
        .map(|c| checked(catalog, c, language))
        .collect();
    let and = if language == Language::Es {
        " y "
    } else {
        " and "
    };
    (!words.is_empty()).then(|| words.join(and))
}

/// A checked condition in words: where it holds, what of the person's
/// meets it ("a bachelor's degree" for a high school diploma asked, "the
/// RHIT" for "the RHIA or the RHIT"); with the years already held where it
/// is experience the person has some of.
fn checked(catalog: &Catalog, checked: &Checked<'_>, language: Language) -> String {
    let es = language == Language::Es;
    let words = match checked.met_by {
        Some(MetBy::Education(level)) => level.describe_in(language).to_owned(),
        Some(MetBy::Credential(c)) if es => format!("la {}", catalog.credentials[c].code),
        Some(MetBy::Credential(c)) => format!("the {}", catalog.credentials[c].code),
        Some(MetBy::Licence(l)) if es => format!("una licencia de {}", l.code()),
        Some(MetBy::Licence(l)) => format!("an {} licence", l.code()),
        None => condition(catalog, checked.condition, language),
    };
    match (checked.status, checked.years_held, language) {
        (Status::Missing, Some(held), Language::En) if held > 0.0 => {
            format!("{words} (you have {})", years(held, language))
        }
        (Status::Missing, Some(held), Language::Es) if held > 0.0 => {
            format!("{words} (tiene {})", years(held, language))
        }
        _ => words,
    }
}

/// A route checked against the person, in one clause: "you can sit it
/// now (you hold a high school diploma)", "needs a CAHIIM-accredited
/// bachelor's program".
pub fn route_clause(catalog: &Catalog, route: &RouteCheck<'_>, language: Language) -> String {
    let es = language == Language::Es;
    let met = conditions_with(catalog, route, Status::Met, language);
    let unknown = conditions_with(catalog, route, Status::Unknown, language);
    let missing = conditions_with(catalog, route, Status::Missing, language);
    let mut parts = Vec::new();
    match (route.status(), es) {
        (Status::Met, false) => parts.push("you can sit it now".to_owned()),
        (Status::Met, true) => parts.push("puede presentarlo ya".to_owned()),
        (Status::Missing, false) => parts.push(format!("needs {}", missing.unwrap_or_default())),
        (Status::Missing, true) => parts.push(format!("requiere {}", missing.unwrap_or_default())),
        (Status::Unknown, false) => parts.push("you may be able to sit it now".to_owned()),
        (Status::Unknown, true) => parts.push("quizá pueda presentarlo ya".to_owned()),
    }
    if let Some(met) = met.filter(|_| {
        route.status() != Status::Met
            || route.conditions.len() > 1
            || !matches!(route.conditions[0].condition, Condition::Open)
    }) {
        parts.push(if es {
            format!("tiene {met}")
        } else {
            format!("you have {met}")
        });
    }
    if let Some(unknown) = unknown {
        parts.push(if es {
            format!("su perfil no dice si tiene {unknown}")
        } else {
            format!("your profile does not say whether you have {unknown}")
        });
    }
    parts.join("; ")
}

/// A credential step in one sentence.
pub fn credential_step(
    catalog: &Catalog,
    step: &CredentialCheck<'_>,
    language: Language,
) -> String {
    let credential = &catalog.credentials[step.credential];
    let es = language == Language::Es;
    let (code, issuer) = (&credential.code, &credential.issuer);
    let Some(route) = &step.route else {
        return if es {
            format!("{code} ({issuer}): no se pudieron confirmar aquí las reglas de elegibilidad en la página de {issuer}; consulte {}", credential.source_url)
        } else {
            format!("{code} ({issuer}): {issuer}'s eligibility rules could not be confirmed from its own page here; see {}", credential.source_url)
        };
    };
    let clause = route_clause(catalog, route, language);
    match (step.kind, es) {
        (StepKind::CompleteApprenticeship, false) => {
            format!("{code} ({issuer}): you hold it as an apprentice; the apprenticeship ends with {}: {clause}", removal(catalog, step, language))
        }
        (StepKind::CompleteApprenticeship, true) => {
            format!("{code} ({issuer}): la tiene como aprendiz; el aprendizaje termina con {}: {clause}", removal(catalog, step, language))
        }
        (StepKind::Earn, _) => format!("{code} ({issuer}): {clause}"),
    }
}

/// What ends an apprenticeship, in words.
fn removal(catalog: &Catalog, step: &CredentialCheck<'_>, language: Language) -> String {
    let Some(form) = &catalog.credentials[step.credential].apprentice else {
        return String::new();
    };
    let or = if language == Language::Es {
        ", o "
    } else {
        ", or "
    };
    let and = if language == Language::Es {
        " y "
    } else {
        " and "
    };
    form.removal
        .iter()
        .map(|route| {
            route
                .iter()
                .map(|c| condition(catalog, c, language))
                .collect::<Vec<_>>()
                .join(and)
        })
        .collect::<Vec<_>>()
        .join(or)
}

/// The education step in one sentence.
pub fn education_step(
    catalog: &Catalog,
    step: &EducationStep<'_>,
    held: Option<&str>,
    language: Language,
) -> String {
    let es = language == Language::Es;
    let program = |level: u8| match step.accreditor {
        Some(accreditor) => condition(
            catalog,
            &Condition::Program {
                level,
                accreditor: accreditor.to_owned(),
            },
            language,
        ),
        None if es => format!("un programa de {}", level_name(level, language)),
        None => format!("a {} program", level_name(level, language)),
    };
    let programs: Vec<String> = step.levels.iter().map(|&l| program(l)).collect();
    let what = programs.join(if es { " o " } else { " or " });
    let held = held
        .map(|h| {
            if es {
                format!(" (usted tiene {h})")
            } else {
                format!(" (you hold {h})")
            }
        })
        .unwrap_or_default();
    match (step.serves, step.status, es) {
        (Serves::Credential(c), Status::Unknown, false) => format!(
            "{what}: the {} route, unless your degree was already one",
            catalog.credentials[c].code
        ),
        (Serves::Credential(c), Status::Unknown, true) => format!(
            "{what}: la ruta a la {}, salvo que su título ya lo sea",
            catalog.credentials[c].code
        ),
        (Serves::Credential(c), _, false) => {
            format!("{what}: the {} route{held}", catalog.credentials[c].code)
        }
        (Serves::Credential(c), _, true) => {
            format!("{what}: la ruta a la {}{held}", catalog.credentials[c].code)
        }
        (Serves::Entry(entry), _, false) => format!(
            "{what}: BLS says this occupation typically needs {} to enter{held}",
            entry.describe()
        ),
        (Serves::Entry(entry), _, true) => format!(
            "{what}: BLS indica que esta ocupación suele pedir {} para entrar{held}",
            entry.describe_in(language)
        ),
    }
}
