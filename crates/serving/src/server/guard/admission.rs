//! Load shedding: at most `max_concurrent_calls` calls in flight; one over
//! the limit is refused at once (RESOURCE_EXHAUSTED) rather than queued,
//! so a client can retry elsewhere while this server catches up.

use std::sync::Arc;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::refusal::Refusal;

/// The permits of the calls in flight.
#[derive(Debug)]
pub(super) struct Admission {
    permits: Arc<Semaphore>,
    limit: usize,
}

impl Admission {
    pub(super) fn new(limit: usize) -> Self {
        Self {
            permits: Arc::new(Semaphore::new(limit)),
            limit,
        }
    }

    /// A permit for one more call, held until it ends; refused at the limit.
    pub(super) fn admit(&self) -> Result<OwnedSemaphorePermit, Refusal> {
        self.permits
            .clone()
            .try_acquire_owned()
            .map_err(|_| Refusal::Overloaded { limit: self.limit })
    }
}
