//! The end of a call: its response body holds the call's permit, its
//! in-flight count and its deadline until the last byte, and counts the
//! call with the status it ended with (from the trailers, an error, the
//! deadline passing mid-stream, or the client going away).

use std::future::Future;
use std::pin::Pin;
use std::task::{ready, Context, Poll};
use std::time::Duration;

use http_body::Frame;
use tokio::sync::OwnedSemaphorePermit;
use tokio::time::{Instant, Sleep};
use tonic::body::Body;
use tonic::codegen::http::HeaderMap;
use tonic::Status;

use super::super::connections::ActiveCall;
use crate::metrics::{Calls, InFlight};
use crate::refusal::Refusal;

/// What happens when a call ends: the permit and in-flight count are
/// released (by drop) and the call is counted.
pub(super) struct End {
    pub(super) calls: Calls,
    pub(super) method: usize,
    pub(super) start: Instant,
    pub(super) permit: Option<OwnedSemaphorePermit>,
    pub(super) in_flight: InFlight,
    /// The call counted on its connection, so an idle connection is one
    /// with none.
    pub(super) on_connection: Option<ActiveCall>,
}

impl End {
    /// Counts the call as ended with `code`, and lets go of what it held.
    pub(super) fn record(self, code: tonic::Code) {
        let Self {
            calls,
            method,
            start,
            permit,
            in_flight,
            on_connection,
        } = self;
        calls.method(method).finished(code, start.elapsed());
        drop((permit, in_flight, on_connection));
    }
}

/// A deadline being waited on: its length, and its timer.
pub(super) type Timer = (Duration, Pin<Box<Sleep>>);

/// A response body that ends its call.
pub(super) struct GuardedBody {
    pub(super) inner: Body,
    pub(super) deadline: Option<Timer>,
    pub(super) end: Option<End>,
    /// The status a trailers-only answer carried in its headers.
    pub(super) early: Option<tonic::Code>,
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
