//! Domain answers into responses: what the domain decided, written in the
//! contract's types; the catalog entries they name are written by
//! [`super::entries`].

use super::entries::{data_releases, outlook, program};
use crate::pb;
use himrec_domain::catalog::Catalog;
use himrec_domain::error::RequestError;
use himrec_domain::language::Language;
use himrec_domain::profile::Voucher;
use himrec_domain::rank::counsel::route::Serves;
use himrec_domain::rank::counsel::texts;
use himrec_domain::rank::{
    CareerPathScore, CredentialToEarn, Datum, EducationStep, Reason, Recommendations, Recommender,
    SettingScore, Value,
};

impl From<Reason> for pb::Reason {
    fn from(r: Reason) -> Self {
        Self {
            factor: r.factor,
            contribution: r.contribution,
            explanation: r.explanation,
            code: pb::ReasonCode::from(r.code) as i32,
            values: r.values.into_iter().map(Into::into).collect(),
        }
    }
}

impl From<Value> for pb::ReasonValue {
    fn from(v: Value) -> Self {
        use pb::reason_value::Value as Wire;
        Self {
            name: v.name.into(),
            value: Some(match v.datum {
                Datum::Text(text) => Wire::Text(text),
                Datum::Number(number) => Wire::Number(number),
                Datum::Flag(flag) => Wire::Flag(flag),
            }),
            unit: pb::ValueUnit::from(v.unit) as i32,
            source: v.source.map_or(pb::DataSource::Unspecified, Into::into) as i32,
        }
    }
}

/// A refused batch item, with the same code and fields a unary call gets.
impl From<RequestError> for pb::BatchItemError {
    fn from(err: RequestError) -> Self {
        let status = crate::grpc::status::request_status(err.clone());
        let field_violations = match err {
            RequestError::InvalidArgument(violations) => violations
                .into_iter()
                .map(|v| pb::FieldViolation {
                    field: format!("request.{}", v.field),
                    description: v.description,
                })
                .collect(),
            RequestError::NotFound { .. } => Vec::new(),
        };
        Self {
            code: status.code() as i32,
            message: status.message().to_owned(),
            field_violations,
        }
    }
}

fn reasons(reasons: Vec<Reason>) -> Vec<pb::Reason> {
    reasons.into_iter().map(Into::into).collect()
}

/// The response for ranked recommendations.
pub(crate) fn recommend_response(
    recommender: &Recommender,
    ranked: Recommendations<'_>,
    language: Language,
) -> pb::RecommendResponse {
    let catalog = recommender.catalog();
    let career_paths = ranked
        .career_paths
        .into_iter()
        .map(|c| career_path(catalog, c, language))
        .collect();
    let work_settings = ranked
        .settings
        .into_iter()
        .map(|s| work_setting(s, language))
        .collect();
    let programs = ranked
        .programs
        .into_iter()
        .map(|p| pb::ProgramRecommendation {
            program: Some(program(&p.entry)),
            score: p.score,
            reasons: reasons(p.reasons),
            payback: p.payback.map(|pay| pb::Payback {
                state: pay.state.into(),
                state_earnings_threshold: pay.threshold,
                earnings_premium: pay.premium,
                years: pay.years,
            }),
        })
        .collect();
    pb::RecommendResponse {
        career_paths,
        work_settings,
        programs,
        model_version: recommender.model().version().to_owned(),
        data_releases: data_releases(),
        language: language.tag().into(),
        // The service names the label that scored it.
        model_label: String::new(),
        goal: pb::Goal::from(ranked.goal) as i32,
        goal_inferred: ranked.goal_inferred,
        score_meaning: ranked.score_meaning.to_owned(),
        weak_career_paths: u32::try_from(ranked.weak_career_paths).unwrap_or(u32::MAX),
    }
}

fn career_path(
    catalog: &Catalog,
    c: CareerPathScore<'_>,
    language: Language,
) -> pb::CareerPathRecommendation {
    let path = c.career_path;
    pb::CareerPathRecommendation {
        soc_code: path.soc_code.clone(),
        title: path.title.clone(),
        job_zone: u32::from(path.job_zone),
        score: c.score,
        fit: c.fit,
        path_move: pb::PathMove::from(c.movement) as i32,
        share: c.share,
        outlook: outlook(catalog, path),
        education_step: c
            .education_step
            .map(|(step, text)| education_step(catalog, step, text)),
        also_called: path.also_called.clone(),
        bls_soc_code: path.bls_soc_code.clone(),
        bls_title: path.national.occupation.clone(),
        national_employment: path.national.employment,
        national_wages: Some((&path.national.wages).into()),
        state_wages: c.state_cell.map(|cell| (&cell.wages).into()),
        state_employment: c.state_cell.and_then(|cell| cell.employment),
        reasons: reasons(c.reasons),
        skill_gaps: c
            .skill_gaps
            .iter()
            .map(|g| pb::SkillGap {
                skill_id: g.skill.id.clone(),
                skill_name: g.skill.name_in(language).to_owned(),
                current: g.gap.current,
                vouched_by: g
                    .gap
                    .vouched_by
                    .map(|v| match v {
                        Voucher::Credential(c) => catalog.credentials[c].code.clone(),
                        Voucher::Work(o) => catalog.occupations[o].soc_code.clone(),
                    })
                    .unwrap_or_default(),
                typical: g.gap.typical,
                score_gain: g.gap.gain,
                score_after: g.gap.after,
            })
            .collect(),
        credential_steps: c
            .credential_steps
            .iter()
            .map(|earn| credential_step(catalog, earn, language))
            .collect(),
    }
}

fn education_step(
    catalog: &Catalog,
    step: EducationStep<'_>,
    explanation: Option<String>,
) -> pb::EducationStep {
    let (credential, entry) = match step.serves {
        Serves::Credential(c) => (catalog.credentials[c].code.clone(), None),
        Serves::Entry(entry) => (String::new(), Some(entry)),
    };
    pb::EducationStep {
        program_credential_levels: step.levels.iter().map(|&l| u32::from(l)).collect(),
        accreditor: step.accreditor.unwrap_or_default().to_owned(),
        credential,
        entry_education: entry.map_or(0, |e| pb::EducationLevel::from(e) as i32),
        status: pb::StepStatus::from(step.status) as i32,
        explanation: explanation.unwrap_or_default(),
    }
}

fn credential_step(
    catalog: &Catalog,
    earn: &CredentialToEarn<'_>,
    language: Language,
) -> pb::CredentialStep {
    let credential = earn.credential;
    let conditions = earn
        .check
        .route
        .iter()
        .flat_map(|r| &r.conditions)
        .map(|c| pb::RouteCondition {
            text: texts::condition(catalog, c.condition, language),
            status: pb::StepStatus::from(c.status) as i32,
        })
        .collect();
    pb::CredentialStep {
        status: pb::StepStatus::from(earn.check.status()) as i32,
        explanation: earn.explanation.clone().unwrap_or_default(),
        kind: pb::CredentialStepKind::from(earn.check.kind) as i32,
        conditions,
        code: credential.code.clone(),
        name: credential.name.clone(),
        issuer: credential.issuer.clone(),
        score_gain: earn.step.gain,
        score_after: earn.step.after,
        program_credential_levels: earn.prepared_levels.to_vec(),
        eligibility: credential.eligibility_in(language).to_vec(),
        route_credential_levels: credential
            .program_levels
            .iter()
            .map(|&l| u32::from(l))
            .collect(),
        route_accreditor: credential.program_accreditor.clone(),
        programs: earn
            .programs
            .iter()
            .map(|p| pb::ProgramKey {
                unitid: p.unitid,
                credential_level: u32::from(p.credential_level),
            })
            .collect(),
    }
}

fn work_setting(s: SettingScore<'_>, language: Language) -> pb::WorkSettingRecommendation {
    let setting = s.work_setting;
    pb::WorkSettingRecommendation {
        setting_id: setting.id.clone(),
        name: setting.name_in(language).to_owned(),
        name_en: setting.name.clone(),
        naics_codes: setting.naics_codes.clone(),
        score: s.score,
        him_employment: setting.him_employment,
        wages: s.wages_cell.map(|c| (&c.wages).into()),
        wages_soc_code: s
            .wages_cell
            .map(|c| c.bls_soc_code.clone())
            .unwrap_or_default(),
        wages_naics_code: s
            .wages_cell
            .map(|c| c.area_or_industry.clone())
            .unwrap_or_default(),
        staffing: s.staffing.into_iter().map(Into::into).collect(),
        reasons: reasons(s.reasons),
    }
}
