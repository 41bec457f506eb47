//! Catalog entries into the contract's messages: programs (with the
//! campuses reported with them and what their level leads to), career
//! paths, credentials, skills, work settings, wages and staffing, and the
//! data releases served. What the ranking decided is in [`super::response`].

use std::sync::LazyLock;

use crate::pb;
use himrec_domain::catalog::{
    CareerPath, Catalog, Credential, Occupation, OewsCell, Outlook, Skill, Wages, WorkSetting,
    BASE_YEAR, COST_YEAR, PROJECTED_YEAR,
};
use himrec_domain::rank::{DataSource, ProgramEntry};

impl From<&Wages> for pb::AnnualWages {
    fn from(w: &Wages) -> Self {
        Self {
            p10: w.p10,
            p25: w.p25,
            median: w.median,
            p75: w.p75,
            p90: w.p90,
            mean: w.mean,
        }
    }
}

impl From<&OewsCell> for pb::IndustryStaffing {
    fn from(cell: &OewsCell) -> Self {
        Self {
            bls_soc_code: cell.bls_soc_code.clone(),
            occupation: cell.occupation.clone(),
            naics_code: cell.area_or_industry.clone(),
            industry: cell.label.clone(),
            employment: cell.employment,
            wages: Some((&cell.wages).into()),
        }
    }
}

impl From<&Skill> for pb::Skill {
    fn from(s: &Skill) -> Self {
        Self {
            id: s.id.clone(),
            name: s.name.clone(),
            description: s.description.clone(),
            onet_elements: s.onet_elements.clone(),
            onet_technology_categories: s.technology_categories.clone(),
            esco_keywords: s.esco_keywords.clone(),
        }
    }
}

impl From<&WorkSetting> for pb::WorkSetting {
    fn from(s: &WorkSetting) -> Self {
        Self {
            setting_id: s.id.clone(),
            name: s.name.clone(),
            naics_codes: s.naics_codes.clone(),
            him_employment: s.him_employment,
        }
    }
}

/// A program as served: its Scorecard and operator facts, the campuses
/// reported with it in this view, and what its level leads to, with the
/// sentences the entry was written with.
pub(crate) fn program(entry: &ProgramEntry<'_>) -> pb::Program {
    let p = entry.program;
    let own_threshold = p.state_earnings_threshold;
    pb::Program {
        unitid: p.unitid,
        institution_name: p.institution_name.clone(),
        state: p.state.unwrap_or_default().into(),
        control: pb::Control::from(p.control) as i32,
        cip_code: p.cip_code.clone(),
        cip_title: p.cip_title.clone(),
        credential_level: u32::from(p.credential_level),
        credential_description: p.credential_description.clone(),
        completers: p.completers,
        median_earnings: p.median_earnings,
        earnings_horizon: p.earnings_horizon.clone(),
        median_debt: p.median_debt,
        debt_to_earnings: p.debt_to_earnings,
        state_earnings_threshold: own_threshold,
        accreditation: pb::Accreditation::from(p.accreditation) as i32,
        delivery_mode: p
            .delivery()
            .map_or(pb::DeliveryMode::Unspecified, Into::into) as i32,
        tuition: p.facts.tuition,
        practicum: p.facts.practicum,
        career_services: p.facts.career_services,
        program_url: p.facts.url.clone().unwrap_or_default(),
        operator_only: p.operator_only,
        program_name: p.facts.program_name.clone().unwrap_or_default(),
        detailed_cip_code: p.facts.detailed_cip_code.clone().unwrap_or_default(),
        prepares_for: p.facts.prepares_for.clone(),
        campuses: entry
            .campuses
            .iter()
            .map(|campus| pb::Campus {
                unitid: campus.unitid,
                institution_name: campus.institution_name.clone(),
                state: campus.state.unwrap_or_default().into(),
                completers: campus.completers,
            })
            .collect(),
        opeid6: p.opeid6.clone().unwrap_or_default(),
        typical_duration: entry.duration.map(|d| pb::TypicalDuration {
            min_years: d.min_years,
            max_years: d.max_years,
            description: entry.duration_text.unwrap_or_default().into(),
        }),
        earnings_premium: own_threshold.and_then(|t| p.earnings_premium(t)),
        payback_years: own_threshold.and_then(|t| p.payback_years(t)),
        credential_routes: entry
            .routes
            .iter()
            .map(|r| pb::CredentialRoute {
                code: r.credential.code.clone(),
                name: r.credential.name.clone(),
                by_level: r.route.by_level,
                accreditor: r.accreditor.unwrap_or_default().into(),
                accredited: r.route.accredited,
                prepares: r.route.prepares,
                explanation: r.explanation.as_deref().unwrap_or_default().into(),
            })
            .collect(),
        title: p.title(),
        title_note: entry.title_note.unwrap_or_default().into(),
        cost: p.cost.map(|c| pb::ProgramCost {
            cost_year: COST_YEAR.into(),
            cost_of_attendance: c.cost_of_attendance,
            program_year: c.program_year,
            tuition_in_state: c.tuition_in_state,
            tuition_out_of_state: c.tuition_out_of_state,
            net_price: c.net_price,
            distance_only: c.distance_only,
        }),
    }
}

/// A career path as served; its typical skills are named by the catalog's
/// vocabulary.
pub(crate) fn career_path(catalog: &Catalog, p: &CareerPath) -> pb::CareerPath {
    pb::CareerPath {
        soc_code: p.soc_code.clone(),
        title: p.title.clone(),
        description: p.description.clone(),
        job_zone: u32::from(p.job_zone),
        bls_soc_code: p.bls_soc_code.clone(),
        bls_title: p.national.occupation.clone(),
        national_employment: p.national.employment,
        national_wages: Some((&p.national.wages).into()),
        typical_skills: catalog
            .skills
            .iter()
            .zip(&p.typical_skills)
            .map(|(s, level)| (s.id.clone(), *level))
            .collect(),
        also_called: p.also_called.clone(),
        related_soc_codes: p
            .related
            .iter()
            .map(|&r| catalog.career_paths[r].soc_code.clone())
            .collect(),
        figures_note: figures_note(p),
        typical_skill_evidence: typical_skill_evidence(catalog, p),
        alternate_titles: p.alternate_titles.clone(),
        outlook: outlook(catalog, p),
    }
}

/// A path's BLS projection, with the all-occupations change to compare
/// with; `None` when BLS publishes none.
pub(crate) fn outlook(catalog: &Catalog, path: &CareerPath) -> Option<pb::Outlook> {
    let o = path.outlook.as_ref()?;
    let mut served = projection(catalog, o);
    served.figures_note = shared_note(path, "Projections");
    Some(served)
}

/// A BLS projection, with the all-occupations change to compare with.
pub(crate) fn projection(catalog: &Catalog, o: &Outlook) -> pb::Outlook {
    pb::Outlook {
        bls_title: o.bls_title.clone(),
        trend: o.trend().map_or(0, |t| pb::OutlookTrend::from(t) as i32),
        figures_note: String::new(),
        bls_soc_code: o.bls_soc_code.clone(),
        change_percent: o.change_percent,
        openings_per_year: o.openings_per_year,
        employment_base: o.employment_base,
        employment_projected: o.employment_projected,
        base_year: u32::from(BASE_YEAR),
        projected_year: u32::from(PROJECTED_YEAR),
        all_occupations_change_percent: catalog.all_occupations_change,
        entry_education: o
            .entry_education
            .map_or(0, |e| pb::EducationLevel::from(e) as i32),
        median_wage: o.median_wage,
    }
}

/// An occupation a profile may name.
pub(crate) fn occupation(catalog: &Catalog, o: &Occupation) -> pb::Occupation {
    pb::Occupation {
        soc_code: o.soc_code.clone(),
        title: o.title.clone(),
        job_zone: u32::from(o.job_zone),
        career_path: o.path.is_some(),
        related_soc_codes: o
            .related
            .iter()
            .map(|&(p, _)| catalog.career_paths[p].soc_code.clone())
            .collect(),
        licence: o.licence.map(|l| l.code().to_owned()).unwrap_or_default(),
        outlook: o.outlook.as_ref().map(|p| projection(catalog, p)),
    }
}

/// Each skill's typical level with what backs it, highest level first.
fn typical_skill_evidence(catalog: &Catalog, p: &CareerPath) -> Vec<pb::TypicalSkill> {
    let mut order: Vec<usize> = (0..catalog.skills.len()).collect();
    order.sort_by(|&a, &b| p.typical_skills[b].total_cmp(&p.typical_skills[a]));
    order
        .into_iter()
        .map(|s| {
            let evidence = &p.skill_evidence[s];
            pb::TypicalSkill {
                skill_id: catalog.skills[s].id.clone(),
                level: evidence.level,
                onet_tasks: evidence
                    .tasks
                    .iter()
                    .filter_map(|id| p.tasks.iter().find(|(t, _)| t == id))
                    .map(|(id, text)| pb::OnetTask {
                        task_id: *id,
                        statement: text.clone(),
                    })
                    .collect(),
                onet_elements: evidence
                    .elements
                    .iter()
                    .map(|(name, importance)| pb::OnetElement {
                        name: name.clone(),
                        importance: *importance,
                    })
                    .collect(),
                technology_examples: evidence.technology.clone(),
                esco_occupations: evidence.esco.clone(),
            }
        })
        .collect()
}

/// A credential as the catalog lists it.
pub(crate) fn credential(catalog: &Catalog, c: &Credential) -> pb::Credential {
    pb::Credential {
        code: c.code.clone(),
        aliases: c.aliases.clone(),
        name: c.name.clone(),
        issuer: c.issuer.clone(),
        issuer_name: c.issuer_name.clone(),
        exam_scope: c.exam_scope.clone(),
        eligibility: c.eligibility.clone(),
        program_credential_levels: c.program_levels.iter().map(|l| u32::from(*l)).collect(),
        program_accreditor: c.program_accreditor.clone(),
        leads_to_soc_codes: c.leads_to.clone(),
        skill_floors: c
            .skill_floors
            .iter()
            .map(|&(s, floor)| (catalog.skills[s].id.clone(), floor))
            .collect(),
        source_url: c.source_url.clone(),
    }
}

/// The sentence saying whose BLS figures a path shows, when BLS publishes
/// one occupation for several O*NET occupations.
fn figures_note(p: &CareerPath) -> String {
    shared_note(p, "Wages and employment")
}

/// The sentence saying that `what` (wages, projections) are BLS's for
/// the occupation several O*NET occupations share; empty when none do.
fn shared_note(p: &CareerPath, what: &str) -> String {
    if p.bls_shared_by.is_empty() {
        return String::new();
    }
    let covered: Vec<String> = p
        .bls_shared_by
        .iter()
        .map(|(code, title)| format!("{title} ({code})"))
        .collect();
    format!(
        "{what} are BLS's for {} {}, one occupation covering {}",
        p.bls_soc_code,
        p.national.occupation,
        covered.join(", ")
    )
}

/// The data releases served, written once per process (they are the
/// catalog's constants).
pub(super) fn data_releases() -> Vec<pb::DataRelease> {
    static RELEASES: LazyLock<Vec<pb::DataRelease>> = LazyLock::new(|| {
        DataSource::ALL
            .into_iter()
            .map(|id| {
                let (source, release) = id.release();
                pb::DataRelease {
                    source: source.into(),
                    release: release.into(),
                    id: pb::DataSource::from(id) as i32,
                }
            })
            .collect()
    });
    RELEASES.clone()
}
