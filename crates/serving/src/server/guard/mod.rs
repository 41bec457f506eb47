//! The gate every call passes: API key and its quota ([`super::auth`]), concurrency
//! limit ([`admission`]), deadline ([`deadline`]), and the metrics of how
//! it ended ([`body`]). A call refused here never reaches a service, and
//! is answered at once.
//!
//! A call holds its concurrency permit and its deadline until the last
//! byte of its response, so a streaming call counts for as long as it
//! streams and cannot outlive its deadline. One body wrapper carries all
//! of it, rather than one per concern, so a call pays for one.

mod admission;
mod body;
mod deadline;

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use http_body::Body as _;
use tokio::time::Instant;
use tonic::body::Body;
use tonic::codegen::http;
use tonic::Status;
use tower::{Layer, Service};

use super::auth::{Access, Keys};
use super::connections::{ConnInfo, ConnState};
use crate::config::Limits;
use crate::metrics::{Calls, Metrics};
use crate::refusal::Refusal;
use admission::Admission;
use body::{End, GuardedBody};

/// Wraps the services in [`Guard`].
#[derive(Debug, Clone)]
pub(crate) struct GuardLayer {
    shared: Arc<Shared>,
}

#[derive(Debug)]
struct Shared {
    keys: Keys,
    admission: Admission,
    limits: Limits,
    metrics: Metrics,
    /// Each method's call metrics, resolved once.
    calls: Calls,
}

impl GuardLayer {
    pub(crate) fn new(keys: Keys, limits: Limits, metrics: Metrics) -> Self {
        Self {
            shared: Arc::new(Shared {
                keys,
                admission: Admission::new(limits.max_concurrent_calls),
                limits,
                calls: Calls::new(&metrics),
                metrics,
            }),
        }
    }
}

impl<S> Layer<S> for GuardLayer {
    type Service = Guard<S>;

    fn layer(&self, inner: S) -> Self::Service {
        Guard {
            inner,
            shared: self.shared.clone(),
        }
    }
}

/// See the module documentation.
#[derive(Debug, Clone)]
pub(crate) struct Guard<S> {
    inner: S,
    shared: Arc<Shared>,
}

/// The connection a request came on, over plain TCP or TLS.
fn connection_of(request: &http::Request<Body>) -> Option<&Arc<ConnState>> {
    let extensions = request.extensions();
    extensions
        .get::<ConnInfo>()
        .or_else(|| {
            extensions
                .get::<tonic::transport::server::TlsConnectInfo<ConnInfo>>()
                .map(|tls| tls.get_ref())
        })
        .map(|info| &info.state)
}

type BoxFuture<T, E> = Pin<Box<dyn Future<Output = Result<T, E>> + Send>>;

impl Shared {
    /// The answer to a call refused for `refusal`, counted.
    fn refuse(&self, method: usize, refusal: Refusal) -> http::Response<Body> {
        let status = Status::from(refusal);
        self.calls
            .method(method)
            .finished(status.code(), Duration::ZERO);
        status.into_http()
    }

    /// Checks the caller's key and its quota, and puts its tenant in the
    /// request; the services read the tenant from there, and a client
    /// cannot set extensions, so only the key decides. A keyed call is
    /// counted by key and tenant.
    fn authenticate(
        &self,
        request: &mut http::Request<Body>,
        access: Access,
    ) -> Result<(), Refusal> {
        let Some(caller) = self.keys.check(request.headers(), access)? else {
            return Ok(());
        };
        tracing::debug!(key = %caller.key, "authenticated");
        let (admitted, over_quota) = &caller.counted;
        if let Some(quota) = &caller.quota {
            if let Err(retry_after) = quota.take() {
                over_quota.inc();
                return Err(Refusal::OverQuota {
                    key: caller.key.to_string(),
                    per_second: quota.per_second(),
                    retry_after,
                });
            }
        }
        admitted.inc();
        if let Some(tenant) = caller.tenant {
            request.extensions_mut().insert(tenant);
        }
        Ok(())
    }
}

impl<S> Service<http::Request<Body>> for Guard<S>
where
    S: Service<http::Request<Body>, Response = http::Response<Body>> + Clone + Send + 'static,
    S::Future: Send + 'static,
{
    type Response = http::Response<Body>;
    type Error = S::Error;
    type Future = BoxFuture<Self::Response, Self::Error>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: http::Request<Body>) -> Self::Future {
        let shared = self.shared.clone();
        let start = Instant::now();
        let path = request.uri().path();
        let method = shared.calls.index(path);
        let access = Access::for_path(path);

        if let Err(refusal) = shared.authenticate(&mut request, access) {
            let response = shared.refuse(method, refusal);
            return Box::pin(async move { Ok(response) });
        }
        // Probes are never shed and never given a deadline they did not ask
        // for: a busy server is still alive, and Watch streams are long.
        let open = access == Access::Open;
        let permit = if open {
            None
        } else {
            match shared.admission.admit() {
                Ok(permit) => Some(permit),
                Err(refusal) => {
                    shared.calls.method(method).shed();
                    let response = shared.refuse(method, refusal);
                    return Box::pin(async move { Ok(response) });
                }
            }
        };
        let timeout = deadline::deadline_of(request.headers_mut(), open, &shared.limits);
        let end = End {
            calls: shared.calls.clone(),
            method,
            start,
            permit,
            in_flight: shared.metrics.call_started(),
            on_connection: connection_of(&request).map(ConnState::call_started),
        };
        let future = self.inner.call(request);
        Box::pin(async move {
            let mut deadline = timeout.map(|t| (t, Box::pin(tokio::time::sleep_until(start + t))));
            let response = match &mut deadline {
                Some((t, sleep)) => {
                    tokio::select! {
                        response = future => response?,
                        () = sleep.as_mut() => {
                            let refusal = Refusal::DeadlineExceeded(*t);
                            let response = Status::from(refusal).into_http();
                            end.record(tonic::Code::DeadlineExceeded);
                            return Ok(response);
                        }
                    }
                }
                None => future.await?,
            };
            let (parts, body) = response.into_parts();
            // A trailers-only answer carries its status in the headers.
            let early = Status::from_header_map(&parts.headers).map(|s| s.code());
            if body.is_end_stream() {
                // Nothing more will be sent; the body must stay as it is so
                // the answer goes out as trailers-only.
                end.record(early.unwrap_or(tonic::Code::Ok));
                return Ok(http::Response::from_parts(parts, body));
            }
            let guarded = GuardedBody {
                inner: body,
                deadline,
                end: Some(end),
                early,
            };
            Ok(http::Response::from_parts(parts, Body::new(guarded)))
        })
    }
}
