//! Conversions between generated protobuf types and domain types. Inbound
//! conversions only move data; checking is the domain's.

use crate::catalog::{
    Accreditation, Catalog, Control, DeliveryMode, OewsCell, Wages, DATA_RELEASES,
};
use crate::error::RequestError;
use crate::pb;
use crate::profile::{FieldViolation, Profile, ProfileInput};
use crate::rank::{Limits, ProgramPreferences, Reason, Recommendations, Recommender};
use crate::server::Snapshot;

/// A checked `RecommendRequest`.
#[derive(Debug)]
pub(crate) struct RecommendQuery {
    pub(crate) profile: Profile,
    pub(crate) limits: Limits,
    pub(crate) preferences: ProgramPreferences,
}

/// Checks a request, collecting every violation.
pub(crate) fn recommend_query(
    request: pb::RecommendRequest,
    catalog: &Catalog,
) -> Result<RecommendQuery, RequestError> {
    let mut violations = Vec::new();
    let preferences = request
        .program_preferences
        .map(|p| ProgramPreferences {
            require_accreditation: p.require_accreditation,
            online_only: p.online_only,
        })
        .unwrap_or_default();
    let limits = Limits::check([
        request.max_career_paths,
        request.max_work_settings,
        request.max_programs,
    ])
    .map_err(|v| violations.extend(v))
    .ok();
    let profile = match request.profile {
        None => {
            violations.push(FieldViolation::new("profile", "required"));
            None
        }
        Some(p) => profile_input(p)
            .check(catalog, "profile")
            .map_err(|v| violations.extend(v))
            .ok(),
    };
    match (profile, limits) {
        (Some(profile), Some(limits)) if violations.is_empty() => Ok(RecommendQuery {
            profile,
            limits,
            preferences,
        }),
        _ => Err(RequestError::InvalidArgument(violations)),
    }
}

fn profile_input(p: pb::Profile) -> ProfileInput {
    let mut skills: Vec<(String, f64)> = p.skills.into_iter().collect();
    // Map order is arbitrary on the wire; sort so violations come in a
    // stable order.
    skills.sort_by(|a, b| a.0.cmp(&b.0));
    ProfileInput {
        skills,
        interests: p.interests.map(|i| {
            [
                i.realistic,
                i.investigative,
                i.artistic,
                i.social,
                i.enterprising,
                i.conventional,
            ]
        }),
        interest_profiler: p.interest_profiler.map(|i| {
            [
                i.realistic,
                i.investigative,
                i.artistic,
                i.social,
                i.enterprising,
                i.conventional,
            ]
        }),
        highest_education: p.highest_education,
        credentials: p.credentials,
        state: p.state,
    }
}

fn wages(w: &Wages) -> pb::AnnualWages {
    pb::AnnualWages {
        p10: w.p10,
        p25: w.p25,
        median: w.median,
        p75: w.p75,
        p90: w.p90,
        mean: w.mean,
    }
}

fn reasons(reasons: Vec<Reason>) -> Vec<pb::Reason> {
    reasons
        .into_iter()
        .map(|r| pb::Reason {
            factor: r.factor,
            contribution: r.contribution,
            explanation: r.explanation,
        })
        .collect()
}

fn staffing(cell: &OewsCell) -> pb::IndustryStaffing {
    pb::IndustryStaffing {
        bls_soc_code: cell.bls_soc_code.clone(),
        occupation: cell.occupation.clone(),
        naics_code: cell.area_or_industry.clone(),
        industry: cell.label.clone(),
        employment: cell.employment,
        wages: Some(wages(&cell.wages)),
    }
}

/// A refused batch item, with the same code and fields a unary call gets.
pub(crate) fn batch_error(err: RequestError) -> pb::BatchItemError {
    let status = tonic::Status::from(err.clone());
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
    pb::BatchItemError {
        code: status.code() as i32,
        message: status.message().to_owned(),
        field_violations,
    }
}

/// A skill as served.
pub(crate) fn skill(s: &crate::catalog::Skill) -> pb::Skill {
    pb::Skill {
        id: s.id.clone(),
        name: s.name.clone(),
        description: s.description.clone(),
        onet_elements: s.onet_elements.clone(),
        onet_technology_categories: s.technology_categories.clone(),
        esco_keywords: s.esco_keywords.clone(),
    }
}

/// A career path as served.
pub(crate) fn career_path(catalog: &Catalog, p: &crate::catalog::CareerPath) -> pb::CareerPath {
    pb::CareerPath {
        soc_code: p.soc_code.clone(),
        title: p.title.clone(),
        description: p.description.clone(),
        job_zone: u32::from(p.job_zone),
        bls_soc_code: p.bls_soc_code.clone(),
        bls_title: p.national.occupation.clone(),
        national_employment: p.national.employment,
        national_wages: Some(wages(&p.national.wages)),
        typical_skills: catalog
            .skills
            .iter()
            .zip(&p.typical_skills)
            .map(|(s, level)| (s.id.clone(), *level))
            .collect(),
    }
}

/// A work setting as served.
pub(crate) fn work_setting(s: &crate::catalog::WorkSetting) -> pb::WorkSetting {
    pb::WorkSetting {
        setting_id: s.id.clone(),
        name: s.name.clone(),
        naics_codes: s.naics_codes.clone(),
        him_employment: s.him_employment,
    }
}

/// The data releases served.
pub(crate) fn data_releases() -> Vec<pb::DataRelease> {
    DATA_RELEASES
        .iter()
        .map(|(source, release)| pb::DataRelease {
            source: (*source).into(),
            release: (*release).into(),
        })
        .collect()
}

/// A program as served.
pub(crate) fn program(p: &crate::catalog::Program) -> pb::Program {
    pb::Program {
        unitid: p.unitid,
        institution_name: p.institution_name.clone(),
        state: p.state.unwrap_or_default().into(),
        control: match p.control {
            Control::Public => pb::Control::Public,
            Control::PrivateNonprofit => pb::Control::PrivateNonprofit,
            Control::PrivateForProfit => pb::Control::PrivateForProfit,
        } as i32,
        cip_code: p.cip_code.clone(),
        cip_title: p.cip_title.clone(),
        credential_level: u32::from(p.credential_level),
        credential_description: p.credential_description.clone(),
        completers: p.completers,
        median_earnings: p.median_earnings,
        earnings_horizon: p.earnings_horizon.clone(),
        median_debt: p.median_debt,
        debt_to_earnings: p.debt_to_earnings,
        state_earnings_threshold: p.state_earnings_threshold,
        accreditation: match p.accreditation {
            Accreditation::Unknown => pb::Accreditation::Unknown,
            Accreditation::Accredited => pb::Accreditation::Accredited,
            Accreditation::NotAccredited => pb::Accreditation::NotAccredited,
        } as i32,
        delivery_mode: match p.facts.delivery {
            None => pb::DeliveryMode::Unspecified,
            Some(DeliveryMode::Online) => pb::DeliveryMode::Online,
            Some(DeliveryMode::Hybrid) => pb::DeliveryMode::Hybrid,
            Some(DeliveryMode::Campus) => pb::DeliveryMode::Campus,
        } as i32,
        tuition: p.facts.tuition,
        practicum: p.facts.practicum,
        career_services: p.facts.career_services,
        program_url: p.facts.url.clone().unwrap_or_default(),
        operator_only: p.operator_only,
    }
}

/// The response for ranked recommendations.
pub(crate) fn recommend_response(
    recommender: &Recommender,
    profile: &Profile,
    ranked: Recommendations,
) -> pb::RecommendResponse {
    let catalog = recommender.catalog();
    let state = profile.state.map(|s| s.usps);
    let career_paths = ranked
        .career_paths
        .into_iter()
        .map(|c| {
            let path = &catalog.career_paths[c.path];
            let state_cell = state.and_then(|s| catalog.state_cell(c.path, s));
            pb::CareerPathRecommendation {
                soc_code: path.soc_code.clone(),
                title: path.title.clone(),
                job_zone: u32::from(path.job_zone),
                score: c.score,
                bls_soc_code: path.bls_soc_code.clone(),
                bls_title: path.national.occupation.clone(),
                national_employment: path.national.employment,
                national_wages: Some(wages(&path.national.wages)),
                state_wages: state_cell.map(|cell| wages(&cell.wages)),
                state_employment: state_cell.and_then(|cell| cell.employment),
                reasons: reasons(c.reasons),
                skill_gaps: c
                    .skill_gaps
                    .iter()
                    .map(|g| pb::SkillGap {
                        skill_id: catalog.skills[g.skill].id.clone(),
                        current: g.current,
                        typical: g.typical,
                        score_gain: g.gain,
                    })
                    .collect(),
            }
        })
        .collect();
    let work_settings = ranked
        .settings
        .into_iter()
        .map(|s| {
            let setting = &catalog.settings[s.setting];
            let cell_of = |(path, i): (usize, usize)| setting.cells[path][i].as_ref();
            let wages_cell = s.wages_cell.and_then(cell_of);
            pb::WorkSettingRecommendation {
                setting_id: setting.id.clone(),
                name: setting.name.clone(),
                naics_codes: setting.naics_codes.clone(),
                score: s.score,
                him_employment: setting.him_employment,
                wages: wages_cell.map(|c| wages(&c.wages)),
                wages_soc_code: wages_cell
                    .map(|c| c.bls_soc_code.clone())
                    .unwrap_or_default(),
                wages_naics_code: wages_cell
                    .map(|c| c.area_or_industry.clone())
                    .unwrap_or_default(),
                staffing: s
                    .staffing
                    .iter()
                    .filter_map(|r| cell_of(*r))
                    .map(staffing)
                    .collect(),
                reasons: reasons(s.reasons),
            }
        })
        .collect();
    let programs = ranked
        .programs
        .into_iter()
        .map(|p| pb::ProgramRecommendation {
            program: Some(program(&catalog.programs[p.program])),
            score: p.score,
            reasons: reasons(p.reasons),
        })
        .collect();
    pb::RecommendResponse {
        career_paths,
        work_settings,
        programs,
        model_version: recommender.model().version().to_owned(),
        data_releases: data_releases(),
    }
}

/// The model description.
pub(crate) fn model_info(snapshot: &Snapshot) -> pb::GetModelInfoResponse {
    let artifact = snapshot.recommender.model().artifact();
    pb::GetModelInfoResponse {
        model_version: artifact.model_version.clone(),
        algorithm: artifact.algorithm.clone(),
        career_paths: artifact.classes.clone(),
        features: artifact.features.clone(),
        seed: artifact.training.seed,
        training_rows: artifact.training.training_rows as u32,
        test_rows: artifact.training.test_rows as u32,
        evaluations: artifact
            .evaluations()
            .iter()
            .map(|e| pb::Evaluation {
                method: e.method.clone(),
                top1_accuracy: e.top1_accuracy,
                top3_accuracy: e.top3_accuracy,
                log_loss: e.log_loss,
                ndcg_at_3: e.ndcg_at_3,
            })
            .collect(),
        data_releases: data_releases(),
        data_sha256: artifact.training.data_sha256.clone(),
        loaded_at: Some(timestamp(snapshot.loaded_at)),
        generation: snapshot.generation,
    }
}

/// A protobuf timestamp of a system time (before 1970 reads as 1970).
pub(crate) fn timestamp(at: std::time::SystemTime) -> prost_types::Timestamp {
    let since = at.duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    prost_types::Timestamp {
        seconds: since.as_secs() as i64,
        nanos: since.subsec_nanos() as i32,
    }
}

/// What a reload put in place.
pub(crate) fn reloaded(snapshot: &Snapshot) -> pb::ReloadResponse {
    pb::ReloadResponse {
        model_version: snapshot.recommender.model().version().to_owned(),
        loaded_at: Some(timestamp(snapshot.loaded_at)),
        generation: snapshot.generation,
        programs: snapshot.recommender.catalog().programs.len() as u32,
    }
}
