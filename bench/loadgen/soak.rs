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

use std::collections::{BTreeMap, HashMap};
use std::fmt::Display;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use himrec::pb;
use himrec::pb::catalog_client::CatalogClient;
use himrec::pb::recommend_batch_response::Result as BatchResult;
use himrec::pb::recommender_client::RecommenderClient;
use tokio::net::TcpStream;
use tokio::task::JoinHandle;
use tonic::transport::{Channel, Endpoint};
use tonic::{Code, Status};
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;
use tonic_health::pb::HealthCheckRequest;

use super::{recommend_request, Error};

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

/// What happened in one interval.
#[derive(Debug, Default)]
struct Bucket {
    /// Latencies of the successful Recommend calls, microseconds.
    recommend_us: Vec<u32>,
    /// gRPC calls made, whatever their outcome.
    calls: u64,
    failed: u64,
    recommend: u64,
    batch_streams: u64,
    batch_items: u64,
    pages: u64,
    page_walks: u64,
    tcp_connections: u64,
    grpc_connections: u64,
    /// Bad requests by the code they were answered, and bad batch items
    /// (`item ` and the code).
    bad_codes: BTreeMap<String, u64>,
    /// Bad requests answered with another code than theirs.
    bad_wrong: u64,
}

#[derive(Debug)]
struct Recorder {
    start: Instant,
    interval: Duration,
    buckets: Mutex<Vec<Bucket>>,
    failures: AtomicU64,
}

impl Recorder {
    fn new(intervals: usize, interval: Duration) -> Self {
        Self {
            start: Instant::now(),
            interval,
            buckets: Mutex::new((0..intervals).map(|_| Bucket::default()).collect()),
            failures: AtomicU64::new(0),
        }
    }

    /// Updates the bucket of now (a call that ends after the last
    /// interval counts in the last).
    fn record(&self, update: impl FnOnce(&mut Bucket)) {
        let index = (self.start.elapsed().as_secs_f64() / self.interval.as_secs_f64()) as usize;
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        let last = buckets.len() - 1;
        update(&mut buckets[index.min(last)]);
    }

    /// A good call (or connection) that failed.
    fn failed(&self, what: &str, detail: impl Display, is_call: bool) {
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
    fn bad(&self, expected: Code, got: Code, is_call: bool) {
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

fn status_text(status: &Status) -> String {
    format!(
        "{}: {}",
        himrec::metrics::code_label(status.code()),
        status.message()
    )
}

fn skills(pairs: &[(&str, f64)]) -> HashMap<String, f64> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect()
}

fn riasec([r, i, a, s, e, c]: [f64; 6]) -> Option<pb::RiasecScores> {
    Some(pb::RiasecScores {
        realistic: r,
        investigative: i,
        artistic: a,
        social: s,
        enterprising: e,
        conventional: c,
    })
}

/// The good Recommend requests, in the order workers take them.
fn good_requests(profile_file: &str) -> Result<Vec<pb::RecommendRequest>, Error> {
    use pb::EducationLevel as Ed;
    let analyst = pb::Profile {
        skills: skills(&[
            ("data_analytics", 0.85),
            ("sql_databases", 0.8),
            ("statistics", 0.7),
            ("programming", 0.6),
            ("ehr_systems", 0.5),
            ("communication", 0.5),
        ]),
        interests: riasec([0.2, 0.8, 0.2, 0.3, 0.4, 0.6]),
        highest_education: Ed::Bachelor as i32,
        credentials: vec!["CHDA".into()],
        state: "CA".into(),
        ..Default::default()
    };
    let manager = pb::Profile {
        skills: skills(&[
            ("leadership", 0.8),
            ("project_management", 0.7),
            ("communication", 0.8),
            ("revenue_cycle", 0.6),
            ("information_governance", 0.6),
            ("privacy_compliance", 0.6),
        ]),
        interests: riasec([0.1, 0.4, 0.2, 0.6, 0.8, 0.5]),
        highest_education: Ed::Master as i32,
        credentials: vec!["RHIA".into(), "PMP".into()],
        state: "NY".into(),
        ..Default::default()
    };
    let registrar = pb::Profile {
        skills: skills(&[
            ("registry_abstraction", 0.85),
            ("anatomy_physiology", 0.8),
            ("medical_terminology", 0.8),
            ("clinical_coding", 0.5),
            ("research", 0.5),
        ]),
        interest_profiler: Some(pb::InterestProfilerScores {
            realistic: 8,
            investigative: 30,
            artistic: 6,
            social: 18,
            enterprising: 10,
            conventional: 34,
        }),
        highest_education: Ed::Associate as i32,
        credentials: vec!["CTR".into()],
        state: "FL".into(),
        ..Default::default()
    };
    let interests_only = pb::Profile {
        interests: riasec([0.3, 0.5, 0.4, 0.8, 0.5, 0.3]),
        ..Default::default()
    };
    let privacy = pb::Profile {
        skills: skills(&[
            ("privacy_compliance", 0.9),
            ("information_governance", 0.8),
            ("health_information_exchange", 0.6),
            ("ehr_systems", 0.6),
        ]),
        highest_education: Ed::Bachelor as i32,
        credentials: vec!["CHPS".into(), "CIPP".into(), "RHIT".into()],
        state: "OH".into(),
        ..Default::default()
    };
    let request = |profile: pb::Profile, limits: [u32; 3]| pb::RecommendRequest {
        profile: Some(profile),
        max_career_paths: limits[0],
        max_work_settings: limits[1],
        max_programs: limits[2],
        ..Default::default()
    };
    Ok(vec![
        recommend_request(profile_file)?,
        request(analyst, [0, 0, 20]),
        request(manager, [10, 10, 50]),
        pb::RecommendRequest {
            program_filter: Some(pb::ProgramFilter {
                delivery_modes: vec![pb::DeliveryMode::Online as i32],
                ..Default::default()
            }),
            ..request(registrar, [0, 0, 0])
        },
        request(interests_only, [3, 3, 3]),
        pb::RecommendRequest {
            program_filter: Some(pb::ProgramFilter {
                accreditations: vec![pb::Accreditation::Accredited as i32],
                ..Default::default()
            }),
            ..request(privacy, [0, 0, 0])
        },
    ])
}

/// A request that must be refused, and the code it must be refused with.
#[derive(Debug, Clone)]
enum Bad {
    Recommend(Box<pb::RecommendRequest>),
    ListPrograms(Box<pb::ListProgramsRequest>),
    GetProgram(pb::GetProgramRequest),
}

fn profile_of(request: &mut pb::RecommendRequest) -> &mut pb::Profile {
    request.profile.get_or_insert_with(Default::default)
}

/// The bad requests, sent in turn, by name; all but the last are bad
/// input.
fn bad_requests(base: &pb::RecommendRequest) -> Vec<(&'static str, Bad, Code)> {
    let with = |name, change: &dyn Fn(&mut pb::RecommendRequest)| {
        let mut request = base.clone();
        change(&mut request);
        (
            name,
            Bad::Recommend(Box::new(request)),
            Code::InvalidArgument,
        )
    };
    vec![
        with("unknown skill", &|r| {
            profile_of(r).skills.insert("sql_database".into(), 0.5);
        }),
        with("skill above 1", &|r| {
            profile_of(r).skills.insert("statistics".into(), 1.5);
        }),
        with("unknown credential", &|r| {
            profile_of(r).credentials.push("XYZ".into())
        }),
        with("both interest forms", &|r| {
            profile_of(r).interest_profiler = Some(pb::InterestProfilerScores {
                social: 20,
                ..Default::default()
            })
        }),
        with("unknown state", &|r| profile_of(r).state = "ZZ".into()),
        with("no profile", &|r| r.profile = None),
        with("max_programs above 100", &|r| r.max_programs = 101),
        (
            "forged page token",
            Bad::ListPrograms(Box::new(pb::ListProgramsRequest {
                page_size: PAGE_SIZE,
                page_token: "not-a-token".into(),
                ..Default::default()
            })),
            Code::InvalidArgument,
        ),
        (
            "program that does not exist",
            Bad::GetProgram(pb::GetProgramRequest {
                unitid: 102_845,
                credential_level: 5,
            }),
            Code::NotFound,
        ),
    ]
}

fn past(deadline: Instant) -> bool {
    Instant::now() >= deadline
}

async fn recommend_worker(
    channel: Channel,
    requests: Arc<Vec<pb::RecommendRequest>>,
    first: usize,
    deadline: Instant,
    rec: Arc<Recorder>,
) {
    let mut client = RecommenderClient::new(channel);
    let mut i = first;
    while !past(deadline) {
        let request = requests[i % requests.len()].clone();
        i += 1;
        let start = Instant::now();
        let result = client.recommend(request).await;
        let micros = u32::try_from(start.elapsed().as_micros()).unwrap_or(u32::MAX);
        match result {
            Ok(answer) if !answer.get_ref().career_paths.is_empty() => rec.record(|b| {
                b.calls += 1;
                b.recommend += 1;
                b.recommend_us.push(micros);
            }),
            Ok(_) => rec.failed("Recommend", "an answer without career paths", true),
            Err(status) => rec.failed("Recommend", status_text(&status), true),
        }
    }
}

/// One batch stream: every item answered in order, the bad one (if any)
/// with an item error; or why not.
async fn batch_stream(
    client: &mut RecommenderClient<Channel>,
    items: Vec<pb::RecommendBatchRequest>,
    bad_item: Option<usize>,
    rec: &Recorder,
) -> Result<(), String> {
    let ids: Vec<String> = items.iter().map(|i| i.correlation_id.clone()).collect();
    let mut answers = client
        .recommend_batch(tokio_stream::iter(items))
        .await
        .map_err(|s| status_text(&s))?
        .into_inner();
    let mut n = 0;
    while let Some(answer) = answers.message().await.map_err(|s| status_text(&s))? {
        let Some(id) = ids.get(n) else {
            return Err(format!("more than {} answers", ids.len()));
        };
        if answer.correlation_id != *id {
            return Err(format!(
                "answer {n} has correlation id {:?}, not {id:?}",
                answer.correlation_id
            ));
        }
        match (answer.result, Some(n) == bad_item) {
            (Some(BatchResult::Response(r)), false) if !r.career_paths.is_empty() => {}
            (Some(BatchResult::Error(e)), true) => {
                rec.bad(Code::InvalidArgument, Code::from_i32(e.code), false)
            }
            (Some(BatchResult::Response(_)), true) => {
                rec.bad(Code::InvalidArgument, Code::Ok, false)
            }
            (Some(BatchResult::Error(e)), false) => {
                return Err(format!("item {n} refused: {} {}", e.code, e.message))
            }
            _ => return Err(format!("item {n} answered without a result")),
        }
        n += 1;
    }
    if n != ids.len() {
        return Err(format!("{n} answers to {} requests", ids.len()));
    }
    Ok(())
}

async fn batch_worker(
    channel: Channel,
    requests: Arc<Vec<pb::RecommendRequest>>,
    bad_item: pb::RecommendRequest,
    deadline: Instant,
    rec: Arc<Recorder>,
) {
    let mut client = RecommenderClient::new(channel);
    let mut stream = 0u64;
    let mut last_bad = Instant::now();
    while !past(deadline) {
        let bad = (last_bad.elapsed() >= BAD_ITEM_EVERY).then_some(7);
        if bad.is_some() {
            last_bad = Instant::now();
        }
        let items = (0..BATCH_ITEMS)
            .map(|i| pb::RecommendBatchRequest {
                correlation_id: format!("s{stream}-{i}"),
                request: Some(if Some(i) == bad {
                    bad_item.clone()
                } else {
                    requests[(stream as usize + i) % requests.len()].clone()
                }),
            })
            .collect();
        match batch_stream(&mut client, items, bad, &rec).await {
            Ok(()) => rec.record(|b| {
                b.calls += 1;
                b.batch_streams += 1;
                b.batch_items += BATCH_ITEMS as u64;
            }),
            Err(why) => rec.failed("RecommendBatch", why, true),
        }
        stream += 1;
    }
}

/// The filters the pager walks the catalog under, in turn.
fn page_filters() -> Vec<pb::ListProgramsRequest> {
    vec![
        // Undergraduate certificates and associate's degrees.
        pb::ListProgramsRequest {
            credential_levels: vec![1, 2],
            ..Default::default()
        },
        pb::ListProgramsRequest {
            states: ["TX", "CA", "FL", "NY", "OH"].map(String::from).to_vec(),
            ..Default::default()
        },
        pb::ListProgramsRequest {
            controls: vec![pb::Control::Public as i32],
            min_median_earnings: Some(40_000),
            ..Default::default()
        },
    ]
}

async fn pages_worker(channel: Channel, deadline: Instant, rec: Arc<Recorder>) {
    let mut client = CatalogClient::new(channel);
    let filters = page_filters();
    let mut walk = 0;
    while !past(deadline) {
        let filter = &filters[walk % filters.len()];
        walk += 1;
        let mut token = String::new();
        let mut seen = 0usize;
        // A walk cut by the deadline is not judged.
        while !past(deadline) {
            let request = pb::ListProgramsRequest {
                page_size: PAGE_SIZE,
                page_token: std::mem::take(&mut token),
                ..filter.clone()
            };
            let page = match client.list_programs(request).await {
                Ok(page) => page.into_inner(),
                Err(status) => {
                    rec.failed("ListPrograms", status_text(&status), true);
                    break;
                }
            };
            seen += page.programs.len();
            if page.programs.len() > PAGE_SIZE as usize {
                rec.failed("ListPrograms", "a page longer than page_size", true);
                break;
            }
            if page.next_page_token.is_empty() {
                if seen == page.total_size as usize {
                    rec.record(|b| {
                        b.calls += 1;
                        b.pages += 1;
                        b.page_walks += 1;
                    });
                } else {
                    let why = format!("the pages held {seen} programs of {}", page.total_size);
                    rec.failed("ListPrograms", why, true);
                }
                break;
            }
            rec.record(|b| {
                b.calls += 1;
                b.pages += 1;
            });
            token = page.next_page_token;
        }
    }
}

async fn health_check(channel: Channel) -> Result<(), String> {
    let status = HealthClient::new(channel)
        .check(HealthCheckRequest {
            service: String::new(),
        })
        .await
        .map_err(|s| status_text(&s))?
        .into_inner()
        .status();
    match status {
        ServingStatus::Serving => Ok(()),
        other => Err(format!("health {}", other.as_str_name())),
    }
}

/// Connections that carry nothing (or one health check), held a moment
/// and dropped.
async fn idle_worker(endpoint: Endpoint, addr: String, deadline: Instant, rec: Arc<Recorder>) {
    let mut held: Vec<JoinHandle<()>> = Vec::new();
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut second = 0u64;
    loop {
        tick.tick().await;
        let now = Instant::now();
        if now >= deadline {
            break;
        }
        let left = deadline - now;
        let hold = Duration::from_millis(TCP_HOLDS_MS[second as usize % TCP_HOLDS_MS.len()]);
        let (addr, rec2) = (addr.clone(), rec.clone());
        held.push(tokio::spawn(async move {
            match TcpStream::connect(&addr).await {
                Ok(stream) => {
                    tokio::time::sleep(hold.min(left)).await;
                    drop(stream);
                    rec2.record(|b| b.tcp_connections += 1);
                }
                Err(err) => rec2.failed("TCP connect", err, false),
            }
        }));
        if second.is_multiple_of(GRPC_CONNECTION_EVERY) {
            let (endpoint, rec2) = (endpoint.clone(), rec.clone());
            held.push(tokio::spawn(async move {
                let channel = match endpoint.connect().await {
                    Ok(channel) => channel,
                    Err(err) => return rec2.failed("gRPC connect", err, false),
                };
                match health_check(channel.clone()).await {
                    Ok(()) => rec2.record(|b| {
                        b.calls += 1;
                        b.grpc_connections += 1;
                    }),
                    Err(why) => rec2.failed("Health/Check", why, true),
                }
                tokio::time::sleep(GRPC_IDLE.min(left)).await;
                drop(channel);
            }));
        }
        held.retain(|h| !h.is_finished());
        second += 1;
    }
    for h in held {
        if let Err(err) = h.await {
            rec.failed("idle connection task", err, false);
        }
    }
}

async fn bad_worker(
    channel: Channel,
    bad: Vec<(&'static str, Bad, Code)>,
    deadline: Instant,
    rec: Arc<Recorder>,
) {
    let mut recommender = RecommenderClient::new(channel.clone());
    let mut catalog = CatalogClient::new(channel);
    let mut tick = tokio::time::interval(BAD_EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    // The first tick is at once; the first bad request comes one
    // period in.
    tick.tick().await;
    for (name, request, expected) in bad.iter().cycle() {
        tick.tick().await;
        if past(deadline) {
            break;
        }
        let got = match request.clone() {
            Bad::Recommend(r) => recommender.recommend(*r).await.map(|_| ()),
            Bad::ListPrograms(r) => catalog.list_programs(*r).await.map(|_| ()),
            Bad::GetProgram(r) => catalog.get_program(r).await.map(|_| ()),
        };
        let code = got.err().map_or(Code::Ok, |s| s.code());
        if code != *expected {
            eprintln!(
                "soak: at {:.1} s: bad request ({name}) answered {}, not {}",
                rec.start.elapsed().as_secs_f64(),
                himrec::metrics::code_label(code),
                himrec::metrics::code_label(*expected)
            );
        }
        rec.bad(*expected, code, true);
    }
}

fn percentile_ms(sorted: &[u32], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    f64::from(sorted[i]) / 1000.0
}

fn csv(buckets: &mut [Bucket], interval: f64, seconds: f64) -> String {
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
    let table = csv(&mut buckets, interval, seconds);
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
