//! The `himrec.v1.Recommender` service.

use std::pin::Pin;
use std::sync::Arc;

use tokio_stream::{Stream, StreamExt};
use tonic::{Request, Response, Status, Streaming};
use tracing::{debug, instrument};

use super::convert::models::model_info;
use super::convert::response::recommend_response;
use super::status::request_status;
use crate::live::{LabelError, Live, ModelLabel, ShadowScorer, Snapshot, TenantName};
use crate::pb;
use himrec_domain::error::{FieldViolation, RequestError};
use himrec_domain::rank::QueryInput;

/// Serves `Recommend`, `RecommendBatch` and `GetModelInfo` from the live
/// snapshot: each call takes the snapshot once, so a reload never changes
/// a call's answer halfway.
#[derive(Debug, Clone)]
pub struct RecommenderService {
    live: Live,
    max_skills: usize,
    max_batch_items: usize,
    shadow: ShadowScorer,
}

impl RecommenderService {
    /// A service over the serving snapshot, with the request limits.
    pub fn new(live: Live, max_skills: usize, max_batch_items: usize) -> Self {
        Self {
            live,
            max_skills,
            max_batch_items,
            shadow: ShadowScorer::off(),
        }
    }

    /// This service, offering its stable answers to `shadow` scoring.
    pub fn with_shadow(self, shadow: ShadowScorer) -> Self {
        Self { shadow, ..self }
    }

    /// The answer to one request for `tenant` from `snapshot`;
    /// `accept_language` is the caller's `accept-language` metadata, read
    /// when the request names no language.
    fn answer(
        &self,
        request: pb::RecommendRequest,
        accept_language: Option<&str>,
        snapshot: &Arc<Snapshot>,
        tenant: Option<&TenantName>,
    ) -> Result<pb::RecommendResponse, RequestError> {
        let asked = match request.model_label.as_str() {
            "" => Ok(None),
            name => ModelLabel::from_name(name)
                .map(Some)
                .ok_or(LabelError::Unknown),
        };
        let (recommender, label) = asked
            .and_then(|asked| snapshot.labeled(tenant, asked))
            .map_err(|e| {
                RequestError::InvalidArgument(vec![FieldViolation::new(
                    "model_label",
                    e.to_string(),
                )])
            })?;
        let query = tracing::debug_span!("validate").in_scope(|| {
            QueryInput::from(request).check_heard(
                recommender.catalog(),
                self.max_skills,
                accept_language,
            )
        })?;
        let ranked = recommender.answer(&query);
        let mut response = tracing::debug_span!("encode")
            .in_scope(|| recommend_response(recommender, ranked, query.language.language));
        response.model_label = label.name().into();
        if label == ModelLabel::Stable {
            self.shadow.offer(snapshot, tenant, query);
        }
        Ok(response)
    }

    /// The answer to one request of a batch.
    fn batch_item(
        &self,
        item: pb::RecommendBatchRequest,
        accept_language: Option<&str>,
        snapshot: &Arc<Snapshot>,
        tenant: Option<&TenantName>,
    ) -> pb::RecommendBatchResponse {
        let request = item.request.unwrap_or_default();
        let result = match self.answer(request, accept_language, snapshot, tenant) {
            Ok(response) => pb::recommend_batch_response::Result::Response(response),
            Err(err) => pb::recommend_batch_response::Result::Error(err.into()),
        };
        pb::RecommendBatchResponse {
            correlation_id: item.correlation_id,
            result: Some(result),
        }
    }
}

/// The caller's `accept-language` metadata (a browser's or HTTP client's
/// header through the HTTP/JSON door), if readable.
fn accept_language(metadata: &tonic::metadata::MetadataMap) -> Option<&str> {
    metadata
        .get("accept-language")
        .and_then(|v| v.to_str().ok())
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
        // The whole stream is answered by the snapshot serving at its start,
        // in the caller's tenant's view.
        let tenant = request.extensions().get::<TenantName>().cloned();
        let snapshot = self.live.current();
        let accept_language = accept_language(request.metadata()).map(str::to_owned);
        let max_items = self.max_batch_items;
        let mut seen = 0;
        let mut ended = false;
        // A call error (the cap, or a broken request stream) ends the call.
        let answers = request.into_inner().map_while(move |item| {
            if ended {
                return None;
            }
            seen += 1;
            let answer = if seen > max_items {
                Err(Status::resource_exhausted(format!(
                    "at most {max_items} requests per RecommendBatch call"
                )))
            } else {
                item.map(|item| {
                    service.batch_item(item, accept_language.as_deref(), &snapshot, tenant.as_ref())
                })
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
        let snapshot = self.live.current();
        let (metadata, extensions, request) = request.into_parts();
        let tenant = extensions.get::<TenantName>();
        let response = self
            .answer(request, accept_language(&metadata), &snapshot, tenant)
            .map_err(|err| {
                debug!(outcome = "invalid_argument", %err);
                request_status(err)
            })?;
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
        Ok(Response::new(model_info(&self.live.current())))
    }
}
