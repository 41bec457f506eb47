//! `loadgen soak`: the mixed traffic of `bench/soak.sh`, for a set time,
//! counted in intervals (a minute by default) and written as CSV.
//!
//! The mix, all on one connection per kind unless said:
//!
//! - 8 workers looping `Recommend` over six profiles (the profile file, a
//!   data analyst, a manager, a registrar answering with Interest Profiler
//!   scores, someone with interests only, a privacy officer), with several
//!   answer sizes and program preferences, on two connections;
//! - 1 worker sending `RecommendBatch` streams of 20 requests, one after
//!   another; every 10 s a stream carries one bad item, which must come
//!   back as an item error with INVALID_ARGUMENT while the other 19 are
//!   answered;
//! - 1 worker paging `ListPrograms` 50 at a time under one of three filters,
//!   following `next_page_token` to the last page (the pages must add up to
//!   `total_size`), then again under the next filter;
//! - every second a plain TCP connection opened and dropped after holding it
//!   0.1-4 s without a byte sent, and every fifth second a gRPC connection
//!   that makes one health check, stays idle 3 s and is dropped;
//! - every 2 s one bad request, nine kinds in turn, each of which must be
//!   answered with its code (INVALID_ARGUMENT, or NOT_FOUND for a program
//!   that does not exist).
//!
//! A failure is a good call answered with anything but OK (or with an
//! answer that does not add up), a transport error, or a connection that
//! cannot be made; bad requests are counted by the code they got. Latency
//! percentiles are of the successful `Recommend` calls only; `calls` counts
//! every gRPC call (a batch stream is one call). Every call has a 10 s
//! deadline, and no call starts after `--seconds`.

use std::sync::Arc;
use std::time::Duration;

use tokio::task::JoinHandle;
use tonic::transport::Endpoint;

use super::Error;

mod fixtures;
mod recorder;
mod workers;

use fixtures::{bad_requests, good_requests};
use recorder::{Bucket, Recorder};
use workers::{
    bad_worker, batch_worker, health_check, idle_worker, pages_worker, recommend_worker,
};

const RECOMMEND_WORKERS: usize = 8;
const RECOMMEND_CONNECTIONS: usize = 2;
const BATCH_ITEMS: usize = 20;
/// The first batch stream after each such period carries a bad item.
const BAD_ITEM_EVERY: Duration = Duration::from_secs(10);
const PAGE_SIZE: u32 = 50;
const BAD_EVERY: Duration = Duration::from_secs(2);
const CALL_TIMEOUT: Duration = Duration::from_secs(10);
/// How long each plain TCP connection is held, in turn (one a second).
const TCP_HOLDS_MS: [u64; 5] = [100, 500, 1_000, 2_000, 4_000];
/// Every this many seconds, a gRPC connection makes one health check.
const GRPC_CONNECTION_EVERY: u64 = 5;
const GRPC_IDLE: Duration = Duration::from_secs(3);
/// Failures printed to stderr as they happen; the rest are only counted.
const FAILURES_PRINTED: u64 = 20;

/// Arguments of `loadgen soak`.
#[derive(Debug, clap::Args)]
pub(super) struct SoakArgs {
    #[arg(long)]
    addr: String,
    /// How long the soak runs.
    #[arg(long)]
    seconds: f64,
    /// Seconds between the CSV's rows.
    #[arg(long, default_value_t = 60.0)]
    interval: f64,
    /// The CSV to write.
    #[arg(long)]
    out: String,
    #[arg(long, default_value = "examples/profile.json")]
    profile: String,
}

pub(super) async fn run(args: SoakArgs) -> Result<(), Error> {
    let SoakArgs {
        addr,
        seconds,
        interval,
        out,
        profile,
    } = args;
    let positive = |x: f64| x.is_finite() && x > 0.0;
    if !positive(seconds) || !positive(interval) {
        return Err("--seconds and --interval must be positive".into());
    }
    let requests = Arc::new(good_requests(&profile)?);
    let bad = bad_requests(&requests[0]);
    let mut bad_item = requests[0].clone();
    if let Some(p) = bad_item.profile.as_mut() {
        p.skills.insert("clinical_coding".into(), f64::NAN);
    }

    let endpoint = Endpoint::from_shared(format!("http://{addr}"))?
        .timeout(CALL_TIMEOUT)
        .connect_timeout(Duration::from_secs(5));
    // The server must be there before anything starts.
    let first = endpoint
        .connect()
        .await
        .map_err(|e| format!("cannot reach the server at {addr}: {e}"))?;
    health_check(first.clone())
        .await
        .map_err(|e| format!("the server at {addr} is not serving: {e}"))?;
    let connect = || async {
        endpoint
            .connect()
            .await
            .map_err(|e| format!("cannot connect to {addr}: {e}"))
    };
    let mut recommend_channels = Vec::new();
    for _ in 0..RECOMMEND_CONNECTIONS {
        recommend_channels.push(connect().await?);
    }
    let (batch_channel, pages_channel) = (connect().await?, connect().await?);

    let intervals = (seconds / interval).ceil() as usize;
    let rec = Arc::new(Recorder::new(intervals, Duration::from_secs_f64(interval)));
    let deadline = rec.start + Duration::from_secs_f64(seconds);
    let mut tasks: Vec<JoinHandle<()>> = Vec::new();
    for w in 0..RECOMMEND_WORKERS {
        let channel = recommend_channels[w % RECOMMEND_CONNECTIONS].clone();
        tasks.push(tokio::spawn(recommend_worker(
            channel,
            requests.clone(),
            w,
            deadline,
            rec.clone(),
        )));
    }
    tasks.push(tokio::spawn(batch_worker(
        batch_channel,
        requests.clone(),
        bad_item,
        deadline,
        rec.clone(),
    )));
    tasks.push(tokio::spawn(pages_worker(
        pages_channel,
        deadline,
        rec.clone(),
    )));
    tasks.push(tokio::spawn(idle_worker(
        endpoint.clone(),
        addr.clone(),
        deadline,
        rec.clone(),
    )));
    tasks.push(tokio::spawn(bad_worker(first, bad, deadline, rec.clone())));

    for k in 1..=intervals {
        let end = rec.start + Duration::from_secs_f64((k as f64 * interval).min(seconds));
        tokio::time::sleep_until(end.into()).await;
        let (calls, failed) = {
            let buckets = rec.buckets.lock().unwrap_or_else(|e| e.into_inner());
            (buckets[k - 1].calls, buckets[k - 1].failed)
        };
        eprintln!("soak: interval {k}/{intervals}: {calls} calls, {failed} failed");
    }
    for task in tasks {
        task.await?;
    }
    let mut buckets = std::mem::take(&mut *rec.buckets.lock().unwrap_or_else(|e| e.into_inner()));
    let table = recorder::csv(&mut buckets, interval, seconds);
    std::fs::write(&out, &table).map_err(|e| format!("writing {out}: {e}"))?;
    let total = |f: fn(&Bucket) -> u64| buckets.iter().map(f).sum::<u64>();
    println!(
        "{{\"calls\": {}, \"failed\": {}, \"bad_wrong\": {}, \"out\": \"{out}\"}}",
        total(|b| b.calls),
        total(|b| b.failed),
        total(|b| b.bad_wrong)
    );
    Ok(())
}
