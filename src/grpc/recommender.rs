//! The `himrec.v1.Recommender` service.

use std::sync::Arc;

use tonic::{Request, Response, Status};
use tracing::{debug, instrument};

use super::convert;
use crate::pb;
use crate::rank::Recommender;

/// Serves `Recommend` and `GetModelInfo` from one recommender.
#[derive(Debug, Clone)]
pub struct RecommenderService {
    recommender: Arc<Recommender>,
}

impl RecommenderService {
    /// A service over a loaded recommender.
    pub fn new(recommender: Arc<Recommender>) -> Self {
        Self { recommender }
    }
}

#[tonic::async_trait]
impl pb::recommender_server::Recommender for RecommenderService {
    // The request is skipped: a profile is personal data and never logged.
    // Per-call events are at debug level: writing a log line per call
    // would cost more than the recommendation itself.
    #[instrument(name = "Recommend", level = "debug", skip_all)]
    async fn recommend(
        &self,
        request: Request<pb::RecommendRequest>,
    ) -> Result<Response<pb::RecommendResponse>, Status> {
        let query = convert::recommend_query(request.into_inner(), self.recommender.catalog())
            .map_err(|err| {
                debug!(outcome = "invalid_argument", %err);
                Status::from(err)
            })?;
        let ranked = self.recommender.recommend(&query.profile, query.limits);
        let response = convert::recommend_response(&self.recommender, &query.profile, ranked);
        debug!(
            outcome = "ok",
            career_paths = response.career_paths.len(),
            work_settings = response.work_settings.len(),
            programs = response.programs.len()
        );
        Ok(Response::new(response))
    }

    #[instrument(name = "GetModelInfo", level = "debug", skip_all)]
    async fn get_model_info(
        &self,
        _request: Request<pb::GetModelInfoRequest>,
    ) -> Result<Response<pb::GetModelInfoResponse>, Status> {
        Ok(Response::new(convert::model_info(&self.recommender)))
    }
}
