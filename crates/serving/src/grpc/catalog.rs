//! The `himrec.v1.Catalog` service: browsing skills, career paths, work
//! settings and programs.

use tonic::{Request, Response, Status};
use tracing::instrument;

use super::convert::entries::{career_path, credential, occupation, program};
use super::page_token::{scoped, PageTokens};
use super::status::request_status;
use crate::live::{Live, TenantName};
use crate::pb;
use himrec_domain::catalog::{ListingInput, PathListingInput};
use himrec_domain::error::{FieldViolation, RequestError};
use himrec_domain::language::{from_accept_language, Language};

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

#[tonic::async_trait]
impl pb::catalog_server::Catalog for CatalogService {
    #[instrument(name = "ListSkills", level = "debug", skip_all)]
    async fn list_skills(
        &self,
        request: Request<pb::ListSkillsRequest>,
    ) -> Result<Response<pb::ListSkillsResponse>, Status> {
        // Names in the caller's language, as a form shows them; a header
        // is a preference, so one the service cannot read is English.
        let language = request
            .metadata()
            .get("accept-language")
            .and_then(|v| v.to_str().ok())
            .map_or(Language::En, |header| from_accept_language(header).language);
        let snapshot = self.live.current();
        let catalog = snapshot.public().catalog();
        Ok(Response::new(pb::ListSkillsResponse {
            skills: catalog
                .skills
                .iter()
                .map(|skill| pb::Skill {
                    name: skill.name_in(language).to_owned(),
                    ..skill.into()
                })
                .collect(),
        }))
    }

    #[instrument(name = "ListCareerPaths", level = "debug", skip_all)]
    async fn list_career_paths(
        &self,
        request: Request<pb::ListCareerPathsRequest>,
    ) -> Result<Response<pb::ListCareerPathsResponse>, Status> {
        let listing = PathListingInput::from(request.into_inner())
            .check()
            .map_err(|v| request_status(RequestError::InvalidArgument(v)))?;
        let snapshot = self.live.current();
        let catalog = snapshot.public().catalog();
        Ok(Response::new(pb::ListCareerPathsResponse {
            career_paths: catalog
                .list_paths(&listing)
                .into_iter()
                .map(|p| career_path(catalog, &catalog.career_paths[p]))
                .collect(),
        }))
    }

    #[instrument(name = "GetCareerPath", level = "debug", skip_all)]
    async fn get_career_path(
        &self,
        request: Request<pb::GetCareerPathRequest>,
    ) -> Result<Response<pb::GetCareerPathResponse>, Status> {
        let code = request.into_inner().soc_code;
        if code.trim().is_empty() {
            return Err(request_status(RequestError::InvalidArgument(vec![
                FieldViolation::new("soc_code", "required: an O*NET-SOC code, e.g. 29-2072.00"),
            ])));
        }
        let snapshot = self.live.current();
        let catalog = snapshot.public().catalog();
        let index = catalog.path_index(code.trim()).ok_or_else(|| {
            request_status(RequestError::NotFound {
                what: format!("career path {:?}", code.trim()),
            })
        })?;
        Ok(Response::new(pb::GetCareerPathResponse {
            career_path: Some(career_path(catalog, &catalog.career_paths[index])),
        }))
    }

    #[instrument(name = "ListOccupations", level = "debug", skip_all)]
    async fn list_occupations(
        &self,
        _request: Request<pb::ListOccupationsRequest>,
    ) -> Result<Response<pb::ListOccupationsResponse>, Status> {
        let snapshot = self.live.current();
        let catalog = snapshot.public().catalog();
        Ok(Response::new(pb::ListOccupationsResponse {
            occupations: catalog
                .occupations
                .iter()
                .map(|o| occupation(catalog, o))
                .collect(),
        }))
    }

    #[instrument(name = "ListCredentials", level = "debug", skip_all)]
    async fn list_credentials(
        &self,
        _request: Request<pb::ListCredentialsRequest>,
    ) -> Result<Response<pb::ListCredentialsResponse>, Status> {
        let snapshot = self.live.current();
        let catalog = snapshot.public().catalog();
        Ok(Response::new(pb::ListCredentialsResponse {
            credentials: catalog
                .credentials
                .iter()
                .map(|c| credential(catalog, c))
                .collect(),
        }))
    }

    #[instrument(name = "ListWorkSettings", level = "debug", skip_all)]
    async fn list_work_settings(
        &self,
        _request: Request<pb::ListWorkSettingsRequest>,
    ) -> Result<Response<pb::ListWorkSettingsResponse>, Status> {
        let snapshot = self.live.current();
        let catalog = snapshot.public().catalog();
        Ok(Response::new(pb::ListWorkSettingsResponse {
            work_settings: catalog.settings.iter().map(Into::into).collect(),
        }))
    }

    #[instrument(name = "ListPrograms", level = "debug", skip_all)]
    async fn list_programs(
        &self,
        request: Request<pb::ListProgramsRequest>,
    ) -> Result<Response<pb::ListProgramsResponse>, Status> {
        let tenant = request.extensions().get::<TenantName>().cloned();
        let mut r = request.into_inner();
        let page_token = std::mem::take(&mut r.page_token);
        let snapshot = self.live.current();
        let view = snapshot.view(tenant.as_ref());
        let catalog = view.catalog();
        let listing = ListingInput::from(r)
            .check(catalog)
            .map_err(|v| request_status(RequestError::InvalidArgument(v)))?;
        // A token is good only for the tenant it was issued to.
        let digest = scoped(listing.digest(), tenant.as_ref());
        let offset = if page_token.is_empty() {
            0
        } else {
            self.tokens
                .read(&page_token, digest)
                .map_err(|v| request_status(RequestError::InvalidArgument(vec![v])))?
        } as usize;

        let matching = catalog.matching_programs(&listing);
        if offset > matching.len() {
            return Err(request_status(RequestError::InvalidArgument(vec![
                FieldViolation::new("page_token", "points past the end of the results"),
            ])));
        }
        let end = (offset + listing.page_size as usize).min(matching.len());
        let next_page_token = if end < matching.len() {
            self.tokens.issue(end as u32, digest)
        } else {
            String::new()
        };
        Ok(Response::new(pb::ListProgramsResponse {
            programs: matching[offset..end]
                .iter()
                .map(|&i| program(&view.program_entry(i, true, Language::En)))
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
        let snapshot = self.live.current();
        let view = snapshot.view(request.extensions().get::<TenantName>());
        let r = request.into_inner();
        let index = view
            .catalog()
            .program_index(r.unitid, r.credential_level)
            .ok_or_else(|| {
                request_status(RequestError::NotFound {
                    what: format!(
                        "program with unitid {} at credential level {}",
                        r.unitid, r.credential_level
                    ),
                })
            })?;
        Ok(Response::new(pb::GetProgramResponse {
            program: Some(program(&view.program_entry(index, true, Language::En))),
        }))
    }
}
