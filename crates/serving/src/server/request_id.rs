//! Request ids: the caller's `x-request-id`, or one made here.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use tonic::codegen::http::{self, HeaderValue};
use tower_http::request_id::{MakeRequestId, RequestId};

/// Makes request ids: a random prefix per process and a counter.
#[derive(Debug, Clone)]
pub(crate) struct RequestIds {
    prefix: Arc<str>,
    next: Arc<AtomicU64>,
}

impl RequestIds {
    pub(crate) fn new() -> Self {
        let prefix = format!("hr-{:08x}", rand::random::<u32>());
        Self {
            prefix: prefix.into(),
            next: Arc::new(AtomicU64::new(1)),
        }
    }
}

impl MakeRequestId for RequestIds {
    fn make_request_id<B>(&mut self, _request: &http::Request<B>) -> Option<RequestId> {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        HeaderValue::from_str(&format!("{}-{n}", self.prefix))
            .ok()
            .map(RequestId::new)
    }
}
