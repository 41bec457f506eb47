//! The `himrec.v1.Admin` service: operator actions. Who may call it is
//! decided before a call gets here (`server::guard`).

use tonic::{Request, Response, Status};
use tracing::instrument;

use super::convert::models::{promoted, reloaded, shadow_report};
use crate::live::{Live, ShadowScorer};
use crate::pb;

/// Serves `Reload`, `Promote`, `Demote` and `GetShadowReport` over the
/// live snapshot.
#[derive(Debug, Clone)]
pub struct AdminService {
    live: Live,
    shadow: ShadowScorer,
}

impl AdminService {
    /// A service that reloads `live` and reports what `shadow` compared.
    pub fn new(live: Live, shadow: ShadowScorer) -> Self {
        Self { live, shadow }
    }
}

#[tonic::async_trait]
impl pb::admin_server::Admin for AdminService {
    #[instrument(name = "Reload", level = "debug", skip_all)]
    async fn reload(
        &self,
        _request: Request<pb::ReloadRequest>,
    ) -> Result<Response<pb::ReloadResponse>, Status> {
        let snapshot = self.live.reload().await?;
        Ok(Response::new(reloaded(&snapshot)))
    }

    #[instrument(name = "Promote", level = "debug", skip_all)]
    async fn promote(
        &self,
        _request: Request<pb::PromoteRequest>,
    ) -> Result<Response<pb::PromoteResponse>, Status> {
        let snapshot = self.live.promote().await?;
        Ok(Response::new(promoted(&snapshot)))
    }

    #[instrument(name = "Demote", level = "debug", skip_all)]
    async fn demote(
        &self,
        _request: Request<pb::DemoteRequest>,
    ) -> Result<Response<pb::PromoteResponse>, Status> {
        let snapshot = self.live.demote().await?;
        Ok(Response::new(promoted(&snapshot)))
    }

    #[instrument(name = "GetShadowReport", level = "debug", skip_all)]
    async fn get_shadow_report(
        &self,
        _request: Request<pb::ShadowReportRequest>,
    ) -> Result<Response<pb::ShadowReport>, Status> {
        let snapshot = self.live.current();
        let report = self.shadow.report(&snapshot);
        Ok(Response::new(shadow_report(&snapshot, report)))
    }
}
