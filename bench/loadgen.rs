//! A load generator built on the project's own tonic client: the second
//! opinion beside h2load in `bench/run.sh`, and the helper that writes the
//! request frames h2load sends and waits for a server to start.
//!
//! ```text
//! loadgen frame --method health|recommend|basic|model-info|programs [--profile FILE]
//!               [--limits P,S,G] [--page-size N] [--json] --out FILE
//! loadgen answer-bytes --addr HOST:PORT --method ... [--profile FILE] [--page-size N]
//! loadgen wait-serving --addr HOST:PORT --since-ns NANOS
//! loadgen load --addr HOST:PORT --method health|recommend|basic [--profile FILE]
//!              --connections C --streams M --seconds S
//! loadgen soak --addr HOST:PORT --seconds S --out CSV [--interval S] [--profile FILE]
//! ```
//!
//! `frame --json` writes the Recommend request as the HTTP/JSON door takes
//! it (the proto3 JSON mapping) instead of a gRPC frame.
//!
//! `soak` is the traffic of `bench/soak.sh` (see the [`soak`] module).

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use himrec::pb;
use himrec::pb::catalog_client::CatalogClient;
use himrec::pb::recommender_client::RecommenderClient;
use prost::Message;
use tonic::transport::{Channel, Endpoint};
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;
use tonic_health::pb::HealthCheckRequest;

type Error = Box<dyn std::error::Error + Send + Sync>;

/// The calls a run makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Method {
    /// `grpc.health.v1.Health/Check`: the floor.
    Health,
    /// Recommend, the FULL view.
    Recommend,
    /// Recommend, the BASIC view.
    Basic,
    /// `GetModelInfo`: a call through the guard that computes nothing.
    ModelInfo,
    /// `ListPrograms`, one page of `--page-size` programs.
    Programs,
}

#[derive(Debug, clap::Parser)]
#[command(name = "loadgen", about = "Load and frames for the benchmarks")]
enum Command {
    /// Writes the request h2load sends: a gRPC frame, or with --json the
    /// proto3 JSON body the HTTP/JSON door takes.
    Frame {
        #[arg(long, value_enum)]
        method: Method,
        /// The profile (as `himrec recommend` reads it); not for health.
        #[arg(long)]
        profile: Option<String>,
        /// PATHS,SETTINGS,PROGRAMS to ask for.
        #[arg(long, value_delimiter = ',')]
        limits: Option<Vec<u32>>,
        /// Programs per page, for `programs`.
        #[arg(long, default_value_t = 10)]
        page_size: u32,
        #[arg(long)]
        json: bool,
        #[arg(long)]
        out: PathBuf,
    },
    /// Makes one call and prints the size of its answer in bytes (the
    /// encoded message, without the gRPC frame).
    AnswerBytes {
        #[arg(long)]
        addr: String,
        #[arg(long, value_enum)]
        method: Method,
        #[arg(long)]
        profile: Option<String>,
        #[arg(long, default_value_t = 10)]
        page_size: u32,
    },
    /// Waits for the server to answer SERVING and prints the milliseconds
    /// since --since-ns.
    WaitServing {
        #[arg(long)]
        addr: String,
        #[arg(long)]
        since_ns: u128,
    },
    /// Closed-loop load: each of --connections keeps --streams calls in
    /// flight for --seconds; prints a JSON summary.
    Load {
        #[arg(long)]
        addr: String,
        #[arg(long, value_enum)]
        method: Method,
        #[arg(long)]
        profile: Option<String>,
        #[arg(long)]
        connections: usize,
        #[arg(long)]
        streams: usize,
        #[arg(long)]
        seconds: f64,
    },
    /// The mixed traffic of `bench/soak.sh`.
    Soak(soak::SoakArgs),
}

/// `--profile`, which Recommend needs.
fn profile_of(profile: Option<&str>) -> Result<&str, Error> {
    profile.ok_or_else(|| "missing --profile".into())
}

/// The profile file as a request (same format as `himrec recommend`).
fn recommend_request(path: &str) -> Result<pb::RecommendRequest, Error> {
    let profile = himrec::client::read_profile_file(path.as_ref()).map_err(|e| e.to_string())?;
    Ok(pb::RecommendRequest {
        profile: Some(profile),
        ..Default::default()
    })
}

/// A gRPC length-prefixed message: flag byte 0, big-endian length, bytes.
fn frame(message: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(5 + message.len());
    out.push(0);
    out.extend_from_slice(&(message.len() as u32).to_be_bytes());
    out.extend_from_slice(message);
    out
}

/// A RecommendRequest's bytes in the proto3 JSON mapping.
fn json(message: &[u8]) -> Result<Vec<u8>, Error> {
    let pool = prost_reflect::DescriptorPool::decode(pb::FILE_DESCRIPTOR_SET)?;
    let desc = pool
        .get_message_by_name("himrec.v1.RecommendRequest")
        .ok_or("no RecommendRequest in the descriptors")?;
    let request = prost_reflect::DynamicMessage::decode(desc, message)?;
    Ok(serde_json::to_vec(&request)?)
}

async fn channel(addr: &str) -> Result<Channel, Error> {
    Ok(Endpoint::from_shared(format!("http://{addr}"))?
        .connect()
        .await?)
}

async fn wait_serving(addr: &str, since_ns: u128) -> Result<(), Error> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if Instant::now() > deadline {
            return Err("server did not become SERVING within 30 s".into());
        }
        if let Ok(channel) = channel(addr).await {
            let status = HealthClient::new(channel)
                .check(HealthCheckRequest {
                    service: String::new(),
                })
                .await
                .map(|r| r.into_inner().status());
            if let Ok(ServingStatus::Serving) = status {
                let now = SystemTime::now().duration_since(UNIX_EPOCH)?.as_nanos();
                println!("{:.1}", (now - since_ns) as f64 / 1e6);
                return Ok(());
            }
        }
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
}

/// The encoded size of one answer to `method`.
async fn answer_bytes(
    addr: &str,
    method: Method,
    profile: Option<&str>,
    page_size: u32,
) -> Result<usize, Error> {
    let channel = channel(addr).await?;
    let mut recommender = RecommenderClient::new(channel.clone());
    Ok(match method {
        Method::Health => HealthClient::new(channel)
            .check(HealthCheckRequest::default())
            .await?
            .into_inner()
            .encoded_len(),
        Method::Recommend | Method::Basic => {
            let mut request = recommend_request(profile_of(profile)?)?;
            if method == Method::Basic {
                request.view = pb::RecommendView::Basic as i32;
            }
            recommender
                .recommend(request)
                .await?
                .into_inner()
                .encoded_len()
        }
        Method::ModelInfo => recommender
            .get_model_info(pb::GetModelInfoRequest::default())
            .await?
            .into_inner()
            .encoded_len(),
        Method::Programs => CatalogClient::new(channel)
            .list_programs(pb::ListProgramsRequest {
                page_size,
                ..Default::default()
            })
            .await?
            .into_inner()
            .encoded_len(),
    })
}

async fn load(
    addr: String,
    method: Method,
    profile: Option<&str>,
    (connections, streams, seconds): (usize, usize, f64),
) -> Result<(), Error> {
    let request = match method {
        Method::Recommend => Some(recommend_request(profile_of(profile)?)?),
        Method::Basic => Some(pb::RecommendRequest {
            view: pb::RecommendView::Basic as i32,
            ..recommend_request(profile_of(profile)?)?
        }),
        Method::Health => None,
        Method::ModelInfo | Method::Programs => {
            return Err("load runs health, recommend and basic; use h2load for the others".into())
        }
    };
    let stop = Arc::new(AtomicBool::new(false));
    let mut tasks = Vec::new();
    for _ in 0..connections {
        let channel = channel(&addr).await?;
        for _ in 0..streams {
            let channel = channel.clone();
            let request = request.clone();
            let stop = stop.clone();
            tasks.push(tokio::spawn(async move {
                let mut latencies = Vec::new();
                let mut failures = 0u64;
                let mut recommender = RecommenderClient::new(channel.clone());
                let mut health = HealthClient::new(channel);
                while !stop.load(Ordering::Relaxed) {
                    let start = Instant::now();
                    let ok = match &request {
                        Some(r) => recommender.recommend(r.clone()).await.is_ok(),
                        None => health
                            .check(HealthCheckRequest {
                                service: String::new(),
                            })
                            .await
                            .is_ok_and(|r| r.into_inner().status() == ServingStatus::Serving),
                    };
                    latencies.push(start.elapsed().as_micros() as u64);
                    if !ok {
                        failures += 1;
                    }
                }
                (latencies, failures)
            }));
        }
    }
    let started = Instant::now();
    tokio::time::sleep(Duration::from_secs_f64(seconds)).await;
    stop.store(true, Ordering::Relaxed);
    let mut latencies = Vec::new();
    let mut failures = 0;
    for task in tasks {
        let (l, f) = task.await?;
        latencies.extend(l);
        failures += f;
    }
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort_unstable();
    let pct = |p: f64| -> f64 {
        if latencies.is_empty() {
            return 0.0;
        }
        let i = ((latencies.len() as f64 * p).ceil() as usize).clamp(1, latencies.len()) - 1;
        latencies[i] as f64 / 1000.0
    };
    println!(
        "{{\"requests\": {}, \"failed\": {}, \"rps\": {:.0}, \"p50_ms\": {:.3}, \"p90_ms\": {:.3}, \"p99_ms\": {:.3}}}",
        latencies.len(),
        failures,
        latencies.len() as f64 / elapsed,
        pct(0.5),
        pct(0.9),
        pct(0.99)
    );
    Ok(())
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Error> {
    match <Command as clap::Parser>::parse() {
        Command::Frame {
            method,
            profile,
            limits,
            page_size,
            json: as_json,
            out,
        } => {
            let bytes = match method {
                Method::Health => HealthCheckRequest {
                    service: String::new(),
                }
                .encode_to_vec(),
                Method::Recommend | Method::Basic => {
                    let mut request = recommend_request(profile_of(profile.as_deref())?)?;
                    if method == Method::Basic {
                        request.view = pb::RecommendView::Basic as i32;
                    }
                    match limits.as_deref() {
                        Some(&[paths, settings, programs]) => {
                            request.max_career_paths = paths;
                            request.max_work_settings = settings;
                            request.max_programs = programs;
                        }
                        Some(_) => return Err("--limits takes PATHS,SETTINGS,PROGRAMS".into()),
                        None => {}
                    }
                    request.encode_to_vec()
                }
                Method::ModelInfo => pb::GetModelInfoRequest::default().encode_to_vec(),
                Method::Programs => pb::ListProgramsRequest {
                    page_size,
                    ..Default::default()
                }
                .encode_to_vec(),
            };
            let body = if as_json {
                json(&bytes)?
            } else {
                frame(&bytes)
            };
            std::fs::write(out, body)?;
            Ok(())
        }
        Command::WaitServing { addr, since_ns } => wait_serving(&addr, since_ns).await,
        Command::AnswerBytes {
            addr,
            method,
            profile,
            page_size,
        } => {
            let bytes = answer_bytes(&addr, method, profile.as_deref(), page_size).await?;
            println!("{bytes}");
            Ok(())
        }
        Command::Load {
            addr,
            method,
            profile,
            connections,
            streams,
            seconds,
        } => {
            load(
                addr,
                method,
                profile.as_deref(),
                (connections, streams, seconds),
            )
            .await
        }
        Command::Soak(args) => soak::run(args).await,
    }
}

// `loadgen soak`: the mixed traffic of `bench/soak.sh`.
#[path = "loadgen/soak/mod.rs"]
mod soak;
