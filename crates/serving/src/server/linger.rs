//! Closing a connection without losing what the client sent last.
//!
//! A socket closed with unread bytes in its receive buffer is answered
//! with a TCP reset, and a reset makes the client's kernel throw away what
//! it had received but not yet read. At shutdown that is the server's
//! GOAWAY: a client that opened one more stream just before the GOAWAY
//! reached it (a stream the server never processes) would see a reset or
//! a broken pipe instead of the GOAWAY that tells it the call was not
//! taken and may be retried. So a finished connection is closed gently:
//! the server sends its FIN, then reads and discards until the client
//! closes its side, for at most [`LINGER`].

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio_util::task::TaskTracker;

/// The longest a closed connection waits for the client to close its side.
const LINGER: Duration = Duration::from_secs(2);

/// The connections being closed gently, so shutdown can wait for them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lingering(TaskTracker);

impl Lingering {
    /// Closes `stream` gently, in the background. Outside a runtime (the
    /// server is gone) it is closed at once.
    pub(crate) fn close(&self, stream: TcpStream) {
        if tokio::runtime::Handle::try_current().is_ok() {
            self.0.spawn(drain(stream));
        }
    }

    /// Waits until every connection handed to [`Lingering::close`] is closed.
    pub(crate) async fn finished(&self) {
        self.0.close();
        self.0.wait().await;
    }
}

/// Sends FIN, then discards what the client still sends until it closes.
async fn drain(mut stream: TcpStream) {
    let _ = stream.shutdown().await;
    let mut sink = [0u8; 4096];
    let _ = tokio::time::timeout(LINGER, async {
        while let Ok(read) = stream.read(&mut sink).await {
            if read == 0 {
                break;
            }
        }
    })
    .await;
}
