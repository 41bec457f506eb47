//! The `himrec.v1.Recommender` service.

use std::sync::Arc;

use std::pin::Pin;

use tokio_stream::{Stream, StreamExt};
use tonic::{Request, Response, Status, Streaming};
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

/// Most requests one `RecommendBatch` call may send.
pub const MAX_BATCH_ITEMS: usize = 100_000;

impl RecommenderService {
    /// The answer to one request of a batch.
    fn batch_item(&self, item: pb::RecommendBatchRequest) -> pb::RecommendBatchResponse {
        let request = item.request.unwrap_or_default();
        let result = match convert::recommend_query(request, self.recommender.catalog()) {
            Ok(query) => {
                let ranked = self.recommender.recommend_with(
                    &query.profile,
                    query.limits,
                    query.preferences,
                );
                pb::recommend_batch_response::Result::Response(convert::recommend_response(
                    &self.recommender,
                    &query.profile,
                    ranked,
                ))
            }
            Err(err) => pb::recommend_batch_response::Result::Error(convert::batch_error(err)),
        };
        pb::RecommendBatchResponse {
            correlation_id: item.correlation_id,
            result: Some(result),
        }
    }
}

type BatchStream =
    Pin<Box<dyn Stream<Item = Result<pb::RecommendBatchResponse, Status>> + Send + 'static>>;

#[tonic::async_trait]
impl pb::recommender_server::Recommender for RecommenderService {
    type RecommendBatchStream = BatchStream;

    // Each answer is computed when the client is ready for it, from the
    // next request read off the wire: no queue grows on either side.
    #[instrument(name = "RecommendBatch", level = "debug", skip_all)]
    async fn recommend_batch(
        &self,
        request: Request<Streaming<pb::RecommendBatchRequest>>,
    ) -> Result<Response<Self::RecommendBatchStream>, Status> {
        let service = self.clone();
        let mut seen = 0;
        let mut ended = false;
        // A call error (the cap, or a broken request stream) ends the call.
        let answers = request.into_inner().map_while(move |item| {
            if ended {
                return None;
            }
            seen += 1;
            let answer = if seen > MAX_BATCH_ITEMS {
                Err(Status::resource_exhausted(format!(
                    "at most {MAX_BATCH_ITEMS} requests per RecommendBatch call"
                )))
            } else {
                item.map(|item| service.batch_item(item))
            };
            ended = answer.is_err();
            Some(answer)
        });
        Ok(Response::new(Box::pin(answers)))
    }

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
        let ranked =
            self.recommender
                .recommend_with(&query.profile, query.limits, query.preferences);
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
