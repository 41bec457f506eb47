//! The `himrec.v1.Catalog` service: browsing skills, career paths, work
//! settings and programs.

use tonic::{Request, Response, Status};
use tracing::instrument;

use super::convert;
use super::page_token::PageTokens;
use crate::catalog::{Accreditation, Control, DeliveryMode, ProgramFilterInput};
use crate::error::RequestError;
use crate::pb;
use crate::server::Live;

/// Page size when the request gives none.
pub const DEFAULT_PAGE_SIZE: u32 = 50;
/// Largest page.
pub const MAX_PAGE_SIZE: u32 = 500;

/// Serves the catalog of the live snapshot.
#[derive(Debug, Clone)]
pub struct CatalogService {
    live: Live,
    tokens: PageTokens,
}

impl CatalogService {
    /// A service over the serving catalog; page tokens are signed with
    /// `token_secret`, or with a random per-process key when it is empty.
    pub fn new(live: Live, token_secret: &str) -> Self {
        let tokens = if token_secret.is_empty() {
            PageTokens::new()
        } else {
            PageTokens::with_secret(token_secret.as_bytes())
        };
        Self { live, tokens }
    }
}

fn control(value: i32) -> Option<Control> {
    match pb::Control::try_from(value).ok()? {
        pb::Control::Public => Some(Control::Public),
        pb::Control::PrivateNonprofit => Some(Control::PrivateNonprofit),
        pb::Control::PrivateForProfit => Some(Control::PrivateForProfit),
        pb::Control::Unspecified => None,
    }
}

fn accreditation(value: i32) -> Option<Accreditation> {
    match pb::Accreditation::try_from(value).ok()? {
        pb::Accreditation::Unknown => Some(Accreditation::Unknown),
        pb::Accreditation::Accredited => Some(Accreditation::Accredited),
        pb::Accreditation::NotAccredited => Some(Accreditation::NotAccredited),
        pb::Accreditation::Unspecified => None,
    }
}

fn delivery_mode(value: i32) -> Option<DeliveryMode> {
    match pb::DeliveryMode::try_from(value).ok()? {
        pb::DeliveryMode::Online => Some(DeliveryMode::Online),
        pb::DeliveryMode::Hybrid => Some(DeliveryMode::Hybrid),
        pb::DeliveryMode::Campus => Some(DeliveryMode::Campus),
        pb::DeliveryMode::Unspecified => None,
    }
}

#[tonic::async_trait]
impl pb::catalog_server::Catalog for CatalogService {
    #[instrument(name = "ListSkills", level = "debug", skip_all)]
    async fn list_skills(
        &self,
        _request: Request<pb::ListSkillsRequest>,
    ) -> Result<Response<pb::ListSkillsResponse>, Status> {
        let snapshot = self.live.current();
        let catalog = snapshot.recommender.catalog();
        Ok(Response::new(pb::ListSkillsResponse {
            skills: catalog.skills.iter().map(convert::skill).collect(),
        }))
    }

    #[instrument(name = "ListCareerPaths", level = "debug", skip_all)]
    async fn list_career_paths(
        &self,
        _request: Request<pb::ListCareerPathsRequest>,
    ) -> Result<Response<pb::ListCareerPathsResponse>, Status> {
        let snapshot = self.live.current();
        let catalog = snapshot.recommender.catalog();
        Ok(Response::new(pb::ListCareerPathsResponse {
            career_paths: catalog
                .career_paths
                .iter()
                .map(|p| convert::career_path(catalog, p))
                .collect(),
        }))
    }

    #[instrument(name = "ListWorkSettings", level = "debug", skip_all)]
    async fn list_work_settings(
        &self,
        _request: Request<pb::ListWorkSettingsRequest>,
    ) -> Result<Response<pb::ListWorkSettingsResponse>, Status> {
        let snapshot = self.live.current();
        let catalog = snapshot.recommender.catalog();
        Ok(Response::new(pb::ListWorkSettingsResponse {
            work_settings: catalog.settings.iter().map(convert::work_setting).collect(),
        }))
    }

    #[instrument(name = "ListPrograms", level = "debug", skip_all)]
    async fn list_programs(
        &self,
        request: Request<pb::ListProgramsRequest>,
    ) -> Result<Response<pb::ListProgramsResponse>, Status> {
        let r = request.into_inner();
        let mut violations = Vec::new();
        let page_size = match r.page_size {
            0 => DEFAULT_PAGE_SIZE,
            n if n > MAX_PAGE_SIZE => {
                violations.push(crate::profile::FieldViolation::new(
                    "page_size",
                    format!("at most {MAX_PAGE_SIZE}"),
                ));
                0
            }
            n => n,
        };
        let filter = ProgramFilterInput {
            states: r.states,
            credential_levels: r.credential_levels,
            controls: r.controls.into_iter().map(control).collect(),
            accreditations: r.accreditations.into_iter().map(accreditation).collect(),
            min_median_earnings: r.min_median_earnings,
            max_median_debt: r.max_median_debt,
            name_contains: r.name_contains,
            delivery_modes: r.delivery_modes.into_iter().map(delivery_mode).collect(),
        }
        .check()
        .map_err(|v| violations.extend(v))
        .ok();
        let (Some(filter), true) = (filter, violations.is_empty()) else {
            return Err(RequestError::InvalidArgument(violations).into());
        };
        let digest = filter.digest();
        let offset = if r.page_token.is_empty() {
            0
        } else {
            self.tokens
                .read(&r.page_token, digest)
                .map_err(|v| Status::from(RequestError::InvalidArgument(vec![v])))?
        } as usize;

        let snapshot = self.live.current();
        let catalog = snapshot.recommender.catalog();
        let matching: Vec<usize> = catalog
            .programs
            .iter()
            .enumerate()
            .filter(|(_, p)| filter.matches(p))
            .map(|(i, _)| i)
            .collect();
        if offset > matching.len() {
            return Err(
                RequestError::InvalidArgument(vec![crate::profile::FieldViolation::new(
                    "page_token",
                    "points past the end of the results",
                )])
                .into(),
            );
        }
        let end = (offset + page_size as usize).min(matching.len());
        let next_page_token = if end < matching.len() {
            self.tokens.issue(end as u32, digest)
        } else {
            String::new()
        };
        Ok(Response::new(pb::ListProgramsResponse {
            programs: matching[offset..end]
                .iter()
                .map(|&i| convert::program(&catalog.programs[i]))
                .collect(),
            next_page_token,
            total_size: matching.len() as u32,
        }))
    }

    #[instrument(name = "GetProgram", level = "debug", skip_all)]
    async fn get_program(
        &self,
        request: Request<pb::GetProgramRequest>,
    ) -> Result<Response<pb::GetProgramResponse>, Status> {
        let r = request.into_inner();
        let snapshot = self.live.current();
        let catalog = snapshot.recommender.catalog();
        let program = catalog
            .programs
            .iter()
            .find(|p| p.unitid == r.unitid && u32::from(p.credential_level) == r.credential_level)
            .ok_or_else(|| RequestError::NotFound {
                what: format!(
                    "program with unitid {} at credential level {}",
                    r.unitid, r.credential_level
                ),
            })?;
        Ok(Response::new(pb::GetProgramResponse {
            program: Some(convert::program(program)),
        }))
    }
}
