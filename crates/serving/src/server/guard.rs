//! The gate every call passes: API key, concurrency limit, deadline, and
//! the metrics of how it ended. A call refused here never reaches a
//! service, and is answered at once.
//!
//! A call holds its concurrency permit and its deadline until the last
//! byte of its response, so a streaming call counts for as long as it
//! streams and cannot outlive its deadline.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{ready, Context, Poll};
use std::time::Duration;

use http_body::{Body as _, Frame};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::{Instant, Sleep};
use tonic::body::Body;
use tonic::codegen::http::{self, HeaderMap};
use tonic::Status;
use tower::{Layer, Service};

use super::auth::{Access, Keys};
use super::connections::{ActiveCall, ConnInfo, ConnState};
use crate::config::Limits;
use crate::metrics::{method_label, InFlight, Metrics};
use crate::refusal::Refusal;

/// Wraps the services in [`Guard`].
#[derive(Debug, Clone)]
pub(crate) struct GuardLayer {
    shared: Arc<Shared>,
}

#[derive(Debug)]
struct Shared {
    keys: Keys,
    permits: Arc<Semaphore>,
    limits: Limits,
    metrics: Metrics,
}

impl GuardLayer {
    pub(crate) fn new(keys: Keys, limits: Limits, metrics: Metrics) -> Self {
        Self {
            shared: Arc::new(Shared {
                keys,
                permits: Arc::new(Semaphore::new(limits.max_concurrent_calls)),
                limits,
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

/// The `grpc-timeout` header's duration: at most 8 digits and a unit.
pub(crate) fn grpc_timeout(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get("grpc-timeout")?.to_str().ok()?;
    let (digits, unit) = value.split_at(value.len().checked_sub(1)?);
    if digits.is_empty() || digits.len() > 8 {
        return None;
    }
    let n: u64 = digits.parse().ok()?;
    Some(match unit {
        "H" => Duration::from_secs(n * 3600),
        "M" => Duration::from_secs(n * 60),
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        "u" => Duration::from_micros(n),
        "n" => Duration::from_nanos(n),
        _ => return None,
    })
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

fn refuse(metrics: &Metrics, method: &'static str, refusal: Refusal) -> http::Response<Body> {
    let status = Status::from(refusal);
    metrics.call_finished(method, status.code(), Duration::ZERO);
    status.into_http()
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
        let method = method_label(path);
        let access = Access::for_path(path);
        let metrics = shared.metrics.clone();

        match shared.keys.check(request.headers(), access) {
            Ok(Some(caller)) => {
                tracing::debug!(key = %caller.key, "authenticated");
                // The services read the tenant from here; a client cannot
                // set extensions, so only the key decides.
                if let Some(tenant) = caller.tenant {
                    request.extensions_mut().insert(tenant);
                }
            }
            Ok(None) => {}
            Err(err) => {
                let response = refuse(&metrics, method, err.into());
                return Box::pin(async move { Ok(response) });
            }
        }
        // Probes are never shed and never given a deadline they did not ask
        // for: a busy server is still alive, and Watch streams are long.
        let open = access == Access::Open;
        let permit = if open {
            None
        } else {
            match shared.permits.clone().try_acquire_owned() {
                Ok(permit) => Some(permit),
                Err(_) => {
                    metrics.call_shed(method);
                    let limit = shared.limits.max_concurrent_calls;
                    let response = refuse(&metrics, method, Refusal::Overloaded { limit });
                    return Box::pin(async move { Ok(response) });
                }
            }
        };
        let asked = grpc_timeout(request.headers());
        let timeout = match (asked, open) {
            (Some(asked), _) => Some(asked.min(shared.limits.max_deadline())),
            (None, false) => Some(shared.limits.default_deadline()),
            (None, true) => None,
        };
        // The deadline is enforced here, not by the service below.
        request.headers_mut().remove("grpc-timeout");
        let in_flight = metrics.call_started();
        let on_connection = connection_of(&request).map(ConnState::call_started);
        let future = self.inner.call(request);
        Box::pin(async move {
            let mut deadline = timeout.map(|t| (t, Box::pin(tokio::time::sleep_until(start + t))));
            let response = match &mut deadline {
                Some((t, sleep)) => {
                    tokio::select! {
                        response = future => response?,
                        () = sleep.as_mut() => {
                            drop(in_flight);
                            return Ok(refuse(&metrics, method, Refusal::DeadlineExceeded(*t)));
                        }
                    }
                }
                None => future.await?,
            };
            let (parts, body) = response.into_parts();
            // A trailers-only answer carries its status in the headers.
            let early = Status::from_header_map(&parts.headers).map(|s| s.code());
            let end = End {
                method,
                start,
                metrics,
                _permit: permit,
                _in_flight: in_flight,
                _on_connection: on_connection,
            };
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

/// What happens when a call ends: the permit and in-flight count are
/// released (by drop) and the call is counted.
struct End {
    method: &'static str,
    start: Instant,
    metrics: Metrics,
    _permit: Option<OwnedSemaphorePermit>,
    _in_flight: InFlight,
    /// The call counted on its connection, so an idle connection is one
    /// with none.
    _on_connection: Option<ActiveCall>,
}

impl End {
    fn record(self, code: tonic::Code) {
        self.metrics
            .call_finished(self.method, code, self.start.elapsed());
    }
}

struct GuardedBody {
    inner: Body,
    deadline: Option<(Duration, Pin<Box<Sleep>>)>,
    end: Option<End>,
    early: Option<tonic::Code>,
}

impl GuardedBody {
    fn finish(&mut self, code: tonic::Code) {
        if let Some(end) = self.end.take() {
            end.record(code);
        }
    }
}

impl http_body::Body for GuardedBody {
    type Data = bytes::Bytes;
    type Error = Status;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Self::Data>, Self::Error>>> {
        let this = self.get_mut();
        if this.end.is_none() {
            return Poll::Ready(None);
        }
        match Pin::new(&mut this.inner).poll_frame(cx) {
            Poll::Ready(Some(Ok(frame))) => {
                if let Some(trailers) = frame.trailers_ref() {
                    let code =
                        Status::from_header_map(trailers).map_or(tonic::Code::Ok, |s| s.code());
                    this.finish(code);
                }
                return Poll::Ready(Some(Ok(frame)));
            }
            Poll::Ready(Some(Err(status))) => {
                this.finish(status.code());
                return Poll::Ready(Some(Err(status)));
            }
            Poll::Ready(None) => {
                let code = this.early.unwrap_or(tonic::Code::Ok);
                this.finish(code);
                return Poll::Ready(None);
            }
            Poll::Pending => {}
        }
        let Some((timeout, sleep)) = &mut this.deadline else {
            return Poll::Pending;
        };
        ready!(sleep.as_mut().poll(cx));
        // The deadline passed mid-stream: end the call with trailers saying so.
        let status = Status::from(Refusal::DeadlineExceeded(*timeout));
        this.finish(status.code());
        let mut trailers = HeaderMap::new();
        status
            .add_header(&mut trailers)
            .expect("status headers are valid");
        Poll::Ready(Some(Ok(Frame::trailers(trailers))))
    }

    fn is_end_stream(&self) -> bool {
        self.end.is_none()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.inner.size_hint()
    }
}

impl Drop for GuardedBody {
    // The client went away before the call ended.
    fn drop(&mut self) {
        self.finish(tonic::Code::Cancelled);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grpc_timeout_units() {
        let parse = |v: &str| {
            let mut headers = HeaderMap::new();
            headers.insert("grpc-timeout", v.parse().unwrap());
            grpc_timeout(&headers)
        };
        assert_eq!(parse("2S"), Some(Duration::from_secs(2)));
        assert_eq!(parse("150m"), Some(Duration::from_millis(150)));
        assert_eq!(parse("1H"), Some(Duration::from_secs(3600)));
        assert_eq!(parse("10n"), Some(Duration::from_nanos(10)));
        assert_eq!(parse("123456789S"), None);
        assert_eq!(parse("S"), None);
        assert_eq!(parse("5x"), None);
    }
}
