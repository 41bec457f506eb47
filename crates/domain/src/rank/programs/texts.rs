//! The sentences of program reasons that depend on the catalog alone,
//! written once per language when the index is built: what a level leads
//! to, the routes to credentials, and the variety notes.

use std::collections::HashMap;

use crate::catalog::{
    level_name, CareerPath, Catalog, CredentialRoute, Program, RECORDED_ACCREDITOR,
};
use crate::language::Language;
use crate::profile::EducationLevel;
use crate::rank::reason::{ReasonCode, Source, Unit, Value, Written};
use crate::text::fixed;

/// What a program of a group placed for variety says: listed after
/// programs that score less, or before programs that score more.
/// `program` is one of the group's level, whose name the sentences use.
pub(super) fn variety_texts(program: &Program, credentials: &[String]) -> Vec<Written> {
    let english = program.credential_description.to_lowercase();
    let spanish = level_name(program.credential_level, Language::Es);
    let (en, es) = if credentials.is_empty() {
        (
            format!("{english} programs"),
            format!("programas de {spanish}"),
        )
    } else {
        let codes = credentials.join(" and ");
        let codes_es = credentials.join(" y ");
        (
            format!("{english} programs preparing for the {codes}"),
            format!("programas de {spanish} que preparan para {codes_es}"),
        )
    };
    let mut values = vec![Value::number(
        "credential_level",
        f64::from(program.credential_level),
        Unit::None,
    )];
    values.extend(
        credentials
            .iter()
            .map(|c| Value::text("credential", c.clone())),
    );
    let written = |code, explanations| Written {
        code,
        factor: "variety".into(),
        values: values.clone(),
        explanations,
    };
    vec![
        written(
            ReasonCode::VarietyAfterLower,
            [
                format!("Listed after programs that score less, so that each credential level that fits gets a place; its score is its own (one of the {en} in the list)"),
                format!("Aparece después de programas con menor puntuación, para que cada nivel de credencial que encaja tenga un lugar; su puntuación es la suya (uno de los {es} del listado)"),
            ],
        ),
        written(
            ReasonCode::VarietyBeforeHigher,
            [
                format!("Listed before programs that score more, so that each credential level that fits gets a place (one of the {en} in the list)"),
                format!("Aparece antes de programas con mayor puntuación, para que cada nivel de credencial que encaja tenga un lugar (uno de los {es} del listado)"),
            ],
        ),
    ]
}

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

/// The reason saying a program of education `category` leads to
/// `career`, from what O*NET says of it: the share of its workers who say
/// their job needs it, or, where O*NET ran no education survey, how O*NET
/// describes the preparation its occupations of that kind need.
pub(super) fn leads_to(career: &CareerPath, category: usize) -> Written {
    let title = &career.title;
    let path = Value::text("career_path", career.soc_code.clone());
    let (code, values, explanations) = if career.education_from_survey {
        let share = 100.0 * career.education[category - 1];
        let pct = fixed(share, 0);
        let level = EducationLevel::from_onet_category(category);
        let (en, es) = (
            education_phrase(category, Language::En),
            education_phrase(category, Language::Es),
        );
        (
            ReasonCode::ProgramPathLevel,
            vec![
                path,
                Value::number("share", share, Unit::Percent).from(Source::Onet),
                Value::text("education", level.name()),
            ],
            [
                format!("Leads to {title}: {pct}% of {title} say their job needs {en} (O*NET education survey)"),
                format!("Conduce a {title}: el {pct}% de los {title} dice que su trabajo requiere {es} (encuesta de educación de O*NET)"),
            ],
        )
    } else {
        let zone = career.job_zone;
        let (en, es) = (
            preparation_phrase(zone, Language::En),
            preparation_phrase(zone, Language::Es),
        );
        (
            ReasonCode::ProgramPathPreparation,
            vec![
                path,
                Value::number("job_zone", f64::from(zone), Unit::JobZone).from(Source::Onet),
            ],
            [
                format!("Leads to {title}: O*NET has no education survey for this occupation and says most such jobs need {en} (O*NET preparation level)"),
                format!("Conduce a {title}: O*NET no tiene encuesta de educación para esta ocupación y dice que la mayoría de estos empleos requiere {es} (nivel de preparación de O*NET)"),
            ],
        )
    };
    Written {
        code,
        factor: format!("career_path:{}", career.soc_code),
        values,
        explanations,
    }
}

/// O*NET's education category, as a phrase: "an associate's degree".
fn education_phrase(category: usize, language: Language) -> &'static str {
    match language {
        Language::En => match category {
            1 => "less than a high school diploma",
            2 => "a high school diploma",
            3 => "a post-secondary certificate",
            4 => "some college courses",
            5 => "an associate's degree",
            6 => "a bachelor's degree",
            7 => "a post-baccalaureate certificate",
            8 => "a master's degree",
            9 => "a post-master's certificate",
            10 => "a first professional degree",
            11 => "a doctoral degree",
            _ => "post-doctoral training",
        },
        Language::Es => match category {
            1 => "estudios inferiores a un diploma de escuela secundaria",
            2 => "un diploma de escuela secundaria",
            3 => "un certificado postsecundario",
            4 => "algunos cursos universitarios",
            5 => "un título asociado",
            6 => "una licenciatura",
            7 => "un certificado de posbachillerato",
            8 => "una maestría",
            9 => "un certificado posterior a la maestría",
            10 => "un primer título profesional",
            11 => "un doctorado",
            _ => "formación posdoctoral",
        },
    }
}

/// The preparation O*NET's job zone definitions describe for a zone.
fn preparation_phrase(job_zone: u8, language: Language) -> &'static str {
    match (language, job_zone) {
        (Language::En, 1) => "little or no preparation",
        (Language::En, 2) => "a high school diploma",
        (Language::En, 3) => "training in vocational schools, related on-the-job experience, or an associate's degree",
        (Language::En, 4) => "a four-year bachelor's degree",
        (Language::En, _) => "graduate school",
        (Language::Es, 1) => "poca o ninguna preparación",
        (Language::Es, 2) => "un diploma de escuela secundaria",
        (Language::Es, 3) => "formación en escuelas vocacionales, experiencia laboral relacionada o un título asociado",
        (Language::Es, 4) => "una licenciatura de cuatro años",
        (Language::Es, _) => "estudios de posgrado",
    }
}

/// The reason saying a program its operator says prepares for `codes`
/// leads to `career`, where they lead.
pub(super) fn prepares_for(career: &CareerPath, codes: &[&str]) -> Written {
    let title = &career.title;
    let (en, es) = (codes.join(" and "), codes.join(" y "));
    let credentials_es = if codes.len() == 1 {
        "una credencial"
    } else {
        "credenciales"
    };
    let mut values = vec![Value::text("career_path", career.soc_code.clone())];
    values.extend(codes.iter().map(|&c| Value::text("credential", c)));
    Written {
        code: ReasonCode::ProgramPreparesFor,
        factor: format!("career_path:{}", career.soc_code),
        values,
        explanations: [
            format!("Leads to {title}: the operator says it prepares for the {en}, a credential for this path"),
            format!("Conduce a {title}: el operador dice que prepara para {es}, {credentials_es} de esta trayectoria"),
        ],
    }
}
