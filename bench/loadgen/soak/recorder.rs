//! What the soak counts: per interval, the calls and their outcomes, the
//! Recommend latencies, and the bad requests by the code they got; written
//! as CSV at the end.

use std::collections::BTreeMap;
use std::fmt::Display;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use tonic::{Code, Status};

use super::FAILURES_PRINTED;

/// What happened in one interval.
#[derive(Debug, Default)]
pub(super) struct Bucket {
    /// Latencies of the successful Recommend calls, microseconds.
    pub(super) recommend_us: Vec<u32>,
    /// gRPC calls made, whatever their outcome.
    pub(super) calls: u64,
    pub(super) failed: u64,
    pub(super) recommend: u64,
    pub(super) batch_streams: u64,
    pub(super) batch_items: u64,
    pub(super) pages: u64,
    pub(super) page_walks: u64,
    pub(super) tcp_connections: u64,
    pub(super) grpc_connections: u64,
    /// Bad requests by the code they were answered, and bad batch items
    /// (`item ` and the code).
    pub(super) bad_codes: BTreeMap<String, u64>,
    /// Bad requests answered with another code than theirs.
    pub(super) bad_wrong: u64,
}

#[derive(Debug)]
pub(super) struct Recorder {
    pub(super) start: Instant,
    pub(super) interval: Duration,
    pub(super) buckets: Mutex<Vec<Bucket>>,
    pub(super) failures: AtomicU64,
}

impl Recorder {
    pub(super) fn new(intervals: usize, interval: Duration) -> Self {
        Self {
            start: Instant::now(),
            interval,
            buckets: Mutex::new((0..intervals).map(|_| Bucket::default()).collect()),
            failures: AtomicU64::new(0),
        }
    }

    /// Updates the bucket of now (a call that ends after the last
    /// interval counts in the last).
    pub(super) fn record(&self, update: impl FnOnce(&mut Bucket)) {
        let index = (self.start.elapsed().as_secs_f64() / self.interval.as_secs_f64()) as usize;
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        let last = buckets.len() - 1;
        update(&mut buckets[index.min(last)]);
    }

    /// A good call (or connection) that failed.
    pub(super) fn failed(&self, what: &str, detail: impl Display, is_call: bool) {
        self.record(|b| {
            b.failed += 1;
            b.calls += u64::from(is_call);
        });
        let n = self.failures.fetch_add(1, Ordering::Relaxed) + 1;
        if n <= FAILURES_PRINTED {
            eprintln!(
                "soak: at {:.1} s: {what} failed: {detail}",
                self.start.elapsed().as_secs_f64()
            );
        }
        if n == FAILURES_PRINTED {
            eprintln!("soak: further failures are counted, not printed");
        }
    }

    /// A bad request answered with `got`, where `expected` was due.
    pub(super) fn bad(&self, expected: Code, got: Code, is_call: bool) {
        self.record(|b| {
            b.calls += u64::from(is_call);
            let key = if is_call {
                himrec::metrics::code_label(got).to_owned()
            } else {
                format!("item {}", himrec::metrics::code_label(got))
            };
            *b.bad_codes.entry(key).or_default() += 1;
            if got != expected {
                b.bad_wrong += 1;
            }
        });
    }
}

pub(super) fn status_text(status: &Status) -> String {
    format!(
        "{}: {}",
        himrec::metrics::code_label(status.code()),
        status.message()
    )
}

pub(super) fn percentile_ms(sorted: &[u32], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    f64::from(sorted[i]) / 1000.0
}

pub(super) fn csv(buckets: &mut [Bucket], interval: f64, seconds: f64) -> String {
    let mut out = String::from(
        "minute,seconds,calls,calls_per_s,p50_ms,p99_ms,failed,bad_ok,bad_wrong,bad_codes,\
         recommend,batch_streams,batch_items,pages,page_walks,tcp_connections,grpc_connections\n",
    );
    for (i, b) in buckets.iter_mut().enumerate() {
        let begin = i as f64 * interval;
        let end = (begin + interval).min(seconds);
        b.recommend_us.sort_unstable();
        let bad: u64 = b.bad_codes.values().sum();
        let codes: Vec<String> = b
            .bad_codes
            .iter()
            .map(|(c, n)| format!("{c}={n}"))
            .collect();
        out.push_str(&format!(
            "{},{end:.0},{},{:.1},{:.3},{:.3},{},{},{},{},{},{},{},{},{},{},{}\n",
            i + 1,
            b.calls,
            b.calls as f64 / (end - begin),
            percentile_ms(&b.recommend_us, 0.5),
            percentile_ms(&b.recommend_us, 0.99),
            b.failed,
            bad - b.bad_wrong,
            b.bad_wrong,
            codes.join(";"),
            b.recommend,
            b.batch_streams,
            b.batch_items,
            b.pages,
            b.page_walks,
            b.tcp_connections,
            b.grpc_connections,
        ));
    }
    out
}
