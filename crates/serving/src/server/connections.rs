//! Accepting connections without letting them exhaust the server: a cap on
//! open connections, a handshake timeout, an idle timeout, and accept
//! errors (such as running out of file descriptors) logged once per burst
//! and counted, with accepting resumed as soon as they clear.
//!
//! Each accepted socket is wrapped in a [`Conn`] that counts the bytes the
//! client sent until it has greeted (the HTTP/2 preface and a settings
//! frame header are 33 bytes; a TLS hello or an HTTP/1.1 request line is
//! at least as long) and can be closed from outside: a watchdog task per
//! connection closes it if it has not greeted by the handshake deadline,
//! or once it has had no call in flight for the idle timeout. Calls are
//! counted per connection by the guard through [`ConnInfo`], which tonic
//! puts in every request's extensions. A connection that ends is closed
//! gently ([`Lingering`]).

use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{mpsc, Notify};
use tokio::time::Instant;
use tokio_stream::wrappers::ReceiverStream;
use tonic::transport::server::Connected;
use tracing::{debug, info, warn};

use super::linger::Lingering;
use crate::config::Limits;
use crate::metrics::{InFlight, Metrics};

/// Bytes a client sends before its first call can be read: the HTTP/2
/// preface (24) and a settings frame header (9).
const GREETING_BYTES: u64 = 33;
/// Pause after a failed accept, so a lasting failure (no descriptors) does
/// not spin a core.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(20);

/// What a connection and its watchdog share.
#[derive(Debug)]
pub(crate) struct ConnState {
    born: Instant,
    /// Bytes read from the client, counted until it has greeted.
    greeting: AtomicU64,
    /// Calls in flight on the connection.
    calls: AtomicUsize,
    /// Milliseconds after `born` when the last call ended.
    last_call_end_ms: AtomicU64,
    closed: AtomicBool,
    /// The reader waiting for bytes, woken when the connection is closed.
    reader: Mutex<Option<Waker>>,
    /// Notified when the connection is dropped.
    gone: Notify,
}

impl ConnState {
    fn new() -> Self {
        Self {
            born: Instant::now(),
            greeting: AtomicU64::new(0),
            calls: AtomicUsize::new(0),
            last_call_end_ms: AtomicU64::new(0),
            closed: AtomicBool::new(false),
            reader: Mutex::new(None),
            gone: Notify::new(),
        }
    }

    fn greeted(&self) -> bool {
        self.greeting.load(Ordering::Relaxed) >= GREETING_BYTES
    }

    /// How long the connection has had no call in flight, if none is.
    fn quiet_for(&self) -> Option<Duration> {
        if self.calls.load(Ordering::Acquire) > 0 {
            return None;
        }
        let end = Duration::from_millis(self.last_call_end_ms.load(Ordering::Acquire));
        Some(self.born.elapsed().saturating_sub(end))
    }

    /// Makes the connection read as ended, so the server drops it.
    fn close(&self) {
        self.closed.store(true, Ordering::Release);
        let waker = self.reader.lock().map(|mut w| w.take()).unwrap_or(None);
        if let Some(waker) = waker {
            waker.wake();
        }
    }

    /// A call began on this connection; it ends when the guard drops.
    pub(crate) fn call_started(self: &Arc<Self>) -> ActiveCall {
        self.calls.fetch_add(1, Ordering::AcqRel);
        ActiveCall(self.clone())
    }
}

/// A call in flight on one connection.
#[derive(Debug)]
pub(crate) struct ActiveCall(Arc<ConnState>);

impl Drop for ActiveCall {
    fn drop(&mut self) {
        let now = self.0.born.elapsed().as_millis() as u64;
        self.0.last_call_end_ms.store(now, Ordering::Release);
        self.0.calls.fetch_sub(1, Ordering::AcqRel);
    }
}

/// What every request on a connection can see of it.
#[derive(Debug, Clone)]
pub(crate) struct ConnInfo {
    /// The connection's shared state.
    pub(crate) state: Arc<ConnState>,
}

/// An accepted connection.
#[derive(Debug)]
pub(crate) struct Conn {
    /// The socket; taken only when the connection is dropped.
    stream: Option<TcpStream>,
    lingering: Lingering,
    state: Arc<ConnState>,
    _open: InFlight,
    _counted: OpenCount,
}

/// Holds one place of the connection cap until dropped.
#[derive(Debug)]
struct OpenCount(Arc<AtomicUsize>);

impl Drop for OpenCount {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

impl Conn {
    fn stream(&mut self) -> &mut TcpStream {
        self.stream.as_mut().expect("the socket is held until drop")
    }
}

impl Drop for Conn {
    fn drop(&mut self) {
        if let Some(stream) = self.stream.take() {
            self.lingering.close(stream);
        }
        self.state.gone.notify_one();
    }
}

impl Connected for Conn {
    type ConnectInfo = ConnInfo;

    fn connect_info(&self) -> ConnInfo {
        ConnInfo {
            state: self.state.clone(),
        }
    }
}

impl AsyncRead for Conn {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        if self.state.closed.load(Ordering::Acquire) {
            return Poll::Ready(Ok(()));
        }
        let before = buf.filled().len();
        let polled = Pin::new(self.stream()).poll_read(cx, buf);
        match &polled {
            Poll::Ready(Ok(())) if !self.state.greeted() => {
                let read = (buf.filled().len() - before) as u64;
                self.state.greeting.fetch_add(read, Ordering::Relaxed);
            }
            Poll::Pending => {
                if let Ok(mut reader) = self.state.reader.lock() {
                    match reader.as_ref() {
                        Some(w) if w.will_wake(cx.waker()) => {}
                        _ => *reader = Some(cx.waker().clone()),
                    }
                }
                // Closed while the waker was being stored: end now.
                if self.state.closed.load(Ordering::Acquire) {
                    return Poll::Ready(Ok(()));
                }
            }
            _ => {}
        }
        polled
    }
}

impl AsyncWrite for Conn {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(self.stream()).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(self.stream()).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(self.stream()).poll_shutdown(cx)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(self.stream()).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream
            .as_ref()
            .is_some_and(TcpStream::is_write_vectored)
    }
}

/// The connection limits, from the configuration.
#[derive(Debug, Clone, Copy)]
struct ConnLimits {
    max: usize,
    handshake: Duration,
    idle: Option<Duration>,
}

/// The connections accepted from `listener`, within `limits`, each closed
/// through `lingering` when it ends. Accepting stops, and the listener is
/// closed, when the stream is dropped.
pub(crate) fn incoming(
    listener: TcpListener,
    limits: &Limits,
    metrics: Metrics,
    lingering: Lingering,
) -> ReceiverStream<io::Result<Conn>> {
    let limits = ConnLimits {
        max: limits.max_connections,
        handshake: limits.handshake_timeout(),
        idle: limits.idle_timeout(),
    };
    // One slot: a connection waits here only until tonic takes it, so at
    // shutdown (when tonic drops the stream) at most one is dropped unserved.
    let (tx, rx) = mpsc::channel(1);
    tokio::spawn(accept(listener, tx, limits, metrics, lingering));
    ReceiverStream::new(rx)
}

async fn accept(
    listener: TcpListener,
    tx: mpsc::Sender<io::Result<Conn>>,
    limits: ConnLimits,
    metrics: Metrics,
    lingering: Lingering,
) {
    let open = Arc::new(AtomicUsize::new(0));
    let mut failures: u64 = 0;
    loop {
        let accepted = tokio::select! {
            () = tx.closed() => return,
            accepted = listener.accept() => accepted,
        };
        let stream = match accepted {
            Ok((stream, _)) => stream,
            Err(err) => {
                metrics.accept_failed();
                failures += 1;
                if failures == 1 {
                    warn!(error = %err, "cannot accept connections; retrying until it clears");
                }
                tokio::time::sleep(ACCEPT_BACKOFF).await;
                continue;
            }
        };
        if failures > 0 {
            info!(failed_accepts = failures, "accepting connections again");
            failures = 0;
        }
        if open.load(Ordering::Acquire) >= limits.max {
            metrics.connection_refused();
            debug!(
                limit = limits.max,
                "connection refused: at the connection cap"
            );
            // Reset rather than close, so the client learns at once.
            let _ = stream.set_zero_linger();
            continue;
        }
        // Nagle's algorithm would hold an answer larger than one segment
        // until the peer's delayed ACK (about 40 ms).
        if stream.set_nodelay(true).is_err() {
            continue;
        }
        open.fetch_add(1, Ordering::AcqRel);
        let state = Arc::new(ConnState::new());
        let conn = Conn {
            stream: Some(stream),
            lingering: lingering.clone(),
            state: state.clone(),
            _open: metrics.connection_opened(),
            _counted: OpenCount(open.clone()),
        };
        tokio::spawn(watch(state, limits, metrics.clone()));
        if tx.send(Ok(conn)).await.is_err() {
            return;
        }
    }
}

/// Closes the connection if it has not greeted by the handshake deadline,
/// or once it has been without calls for the idle timeout.
async fn watch(state: Arc<ConnState>, limits: ConnLimits, metrics: Metrics) {
    let handshake_deadline = state.born + limits.handshake;
    loop {
        let now = Instant::now();
        let greeted = state.greeted();
        if !greeted && now >= handshake_deadline {
            debug!("closing a connection that did not complete its handshake in time");
            metrics.connection_closed("handshake_timeout");
            state.close();
            return;
        }
        let mut wake = (!greeted).then_some(handshake_deadline);
        if let Some(idle) = limits.idle {
            let idle_deadline = match state.quiet_for() {
                Some(quiet) if quiet >= idle => {
                    debug!("closing an idle connection");
                    metrics.connection_closed("idle");
                    state.close();
                    return;
                }
                Some(quiet) => now + (idle - quiet),
                None => now + idle,
            };
            wake = Some(wake.map_or(idle_deadline, |w| w.min(idle_deadline)));
        }
        let Some(wake) = wake else {
            // Greeted, and idle connections are kept: nothing left to watch.
            state.gone.notified().await;
            return;
        };
        tokio::select! {
            () = state.gone.notified() => return,
            () = tokio::time::sleep_until(wake) => {}
        }
    }
}
