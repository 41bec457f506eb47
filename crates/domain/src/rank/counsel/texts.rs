//! The wording of counsel: which of a route's conditions are said, in
//! what order and joined how, and what of the person's meets each. The
//! sentences themselves are in `messages` ([`Counsel`]).

use super::eligibility::{Checked, MetBy, RouteCheck, Status};
use super::route::{CredentialCheck, EducationStep, Serves, StepKind};
use crate::catalog::{Catalog, Condition};
use crate::language::Language;
use crate::messages::{self, Counsel, StepServes};
use crate::profile::Goal;
use crate::text::fixed;

/// What every career path score means for `goal`, in one sentence.
pub fn score_meaning(goal: Goal, language: Language) -> &'static str {
    messages::of(language).score_meaning(goal)
}

/// Years in a sentence: "2 years", "1 year", "0.5 years".
fn years(value: f64, say: &dyn Counsel) -> String {
    let n = if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        fixed(value, 1).to_string()
    };
    say.years(&n, value == 1.0)
}

/// One condition in words: "a CAHIIM-accredited bachelor's program".
pub fn condition(catalog: &Catalog, condition: &Condition, language: Language) -> String {
    let say = messages::of(language);
    match condition {
        Condition::Open => say.anyone_may_sit().into(),
        Condition::Education(level) => say.education(*level).into(),
        Condition::College60 => say.college_60().into(),
        Condition::Program { level, accreditor } => {
            say.accredited_program(say.credential_level(*level), accreditor)
        }
        Condition::Holds(codes) => {
            let codes: Vec<&str> = codes
                .iter()
                .map(|&c| catalog.credentials[c].code.as_str())
                .collect();
            say.the_credentials(&codes)
        }
        Condition::Licence(licences) => {
            let codes: Vec<&str> = licences.iter().map(|l| l.code()).collect();
            say.licence(&codes)
        }
        Condition::Experience {
            years: n,
            domain: d,
        } => {
            format!("{} {}", years(*n, say), say.experience_domain(*d))
        }
        Condition::Coursework(what) => say
            .coursework(what)
            .map_or_else(|| what.replace('_', " "), str::to_owned),
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
    (!words.is_empty()).then(|| messages::of(language).and_list(&words))
}

/// A checked condition in words: where it holds, what of the person's
/// meets it ("a bachelor's degree" for a high school diploma asked, "the
/// RHIT" for "the RHIA or the RHIT"); with the years already held where it
/// is experience the person has some of.
fn checked(catalog: &Catalog, checked: &Checked<'_>, language: Language) -> String {
    let say = messages::of(language);
    let words = match checked.met_by {
        Some(MetBy::Education(level)) => say.education(level).to_owned(),
        Some(MetBy::Credential(c)) => say.the_credentials(&[&catalog.credentials[c].code]),
        Some(MetBy::Licence(l)) => say.licence(&[l.code()]),
        None => condition(catalog, checked.condition, language),
    };
    match (checked.status, checked.years_held) {
        (Status::Missing, Some(held)) if held > 0.0 => {
            say.with_years_held(&words, &years(held, say))
        }
        _ => words,
    }
}

/// A route checked against the person, in one clause: "you can sit it
/// now (you hold a high school diploma)", "needs a CAHIIM-accredited
/// bachelor's program".
pub fn route_clause(catalog: &Catalog, route: &RouteCheck<'_>, language: Language) -> String {
    let say = messages::of(language);
    let met = conditions_with(catalog, route, Status::Met, language);
    let unknown = conditions_with(catalog, route, Status::Unknown, language);
    let missing = conditions_with(catalog, route, Status::Missing, language);
    let mut parts = vec![match route.status() {
        Status::Met => say.can_sit_now().to_owned(),
        Status::Missing => say.needs(&missing.unwrap_or_default()),
        Status::Unknown => say.may_sit_now().to_owned(),
    }];
    if let Some(met) = met.filter(|_| {
        route.status() != Status::Met
            || route.conditions.len() > 1
            || !matches!(route.conditions[0].condition, Condition::Open)
    }) {
        parts.push(say.you_have(&met));
    }
    if let Some(unknown) = unknown {
        parts.push(say.profile_does_not_say(&unknown));
    }
    parts.join("; ")
}

/// A credential step in one sentence.
pub fn credential_step(
    catalog: &Catalog,
    step: &CredentialCheck<'_>,
    language: Language,
) -> String {
    let say = messages::of(language);
    let credential = &catalog.credentials[step.credential];
    let (code, issuer) = (&credential.code, &credential.issuer);
    let Some(route) = &step.route else {
        return say.rules_unconfirmed(code, issuer, &credential.source_url);
    };
    let clause = route_clause(catalog, route, language);
    match step.kind {
        StepKind::CompleteApprenticeship => {
            say.apprenticeship(code, issuer, &removal(catalog, step, language), &clause)
        }
        StepKind::Earn => say.credential_step(code, issuer, &clause),
    }
}

/// What ends an apprenticeship, in words.
fn removal(catalog: &Catalog, step: &CredentialCheck<'_>, language: Language) -> String {
    let Some(form) = &catalog.credentials[step.credential].apprentice else {
        return String::new();
    };
    let say = messages::of(language);
    let routes: Vec<String> = form
        .removal
        .iter()
        .map(|route| {
            let conditions: Vec<String> = route
                .iter()
                .map(|c| condition(catalog, c, language))
                .collect();
            say.and_list(&conditions)
        })
        .collect();
    say.either_route(&routes)
}

/// The education step in one sentence.
pub fn education_step(
    catalog: &Catalog,
    step: &EducationStep<'_>,
    held: Option<&str>,
    language: Language,
) -> String {
    let say = messages::of(language);
    let program = |level: u8| match step.accreditor {
        Some(accreditor) => say.accredited_program(say.credential_level(level), accreditor),
        None => say.program_of_level(say.credential_level(level)),
    };
    let programs: Vec<String> = step.levels.iter().map(|&l| program(l)).collect();
    let held = held.map(|h| say.holding(h)).unwrap_or_default();
    let serves = match (step.serves, step.status) {
        (Serves::Credential(c), Status::Unknown) => {
            StepServes::CredentialUnlessHeld(&catalog.credentials[c].code)
        }
        (Serves::Credential(c), _) => StepServes::Credential(&catalog.credentials[c].code),
        (Serves::Entry(entry), _) => StepServes::Entry(entry),
    };
    say.education_step(&say.or_list(&programs), serves, &held)
}
