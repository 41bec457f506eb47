//! A load generator built on the project's own tonic client: the second
//! opinion beside h2load in `bench/run.sh`, and the helper that writes the
//! request frames h2load sends and waits for a server to start.
//!
//! ```text
//! loadgen frame --method health|recommend|basic [--profile FILE] [--limits P,S,G] [--json] --out FILE
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
use himrec::pb::recommender_client::RecommenderClient;
use prost::Message;
use tonic::transport::{Channel, Endpoint};
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;
use tonic_health::pb::HealthCheckRequest;

type Error = Box<dyn std::error::Error + Send + Sync>;

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn required(args: &[String], name: &str) -> Result<String, Error> {
    arg(args, name).ok_or_else(|| format!("missing {name}").into())
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

async fn load(args: &[String]) -> Result<(), Error> {
    let addr = required(args, "--addr")?;
    let method = required(args, "--method")?;
    let connections: usize = required(args, "--connections")?.parse()?;
    let streams: usize = required(args, "--streams")?.parse()?;
    let seconds: f64 = required(args, "--seconds")?.parse()?;
    let request = match method.as_str() {
        "recommend" => Some(recommend_request(&required(args, "--profile")?)?),
        "basic" => Some(pb::RecommendRequest {
            view: pb::RecommendView::Basic as i32,
            ..recommend_request(&required(args, "--profile")?)?
        }),
        "health" => None,
        other => return Err(format!("unknown method {other}").into()),
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
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("frame") => {
            let bytes = match required(&args, "--method")?.as_str() {
                "health" => HealthCheckRequest {
                    service: String::new(),
                }
                .encode_to_vec(),
                method => {
                    let mut request = recommend_request(&required(&args, "--profile")?)?;
                    if method == "basic" {
                        request.view = pb::RecommendView::Basic as i32;
                    }
                    if let Some(limits) = arg(&args, "--limits") {
                        let n: Vec<u32> = limits
                            .split(',')
                            .map(str::parse)
                            .collect::<Result<_, _>>()?;
                        let [paths, settings, programs] = n[..] else {
                            return Err("--limits takes PATHS,SETTINGS,PROGRAMS".into());
                        };
                        request.max_career_paths = paths;
                        request.max_work_settings = settings;
                        request.max_programs = programs;
                    }
                    request.encode_to_vec()
                }
            };
            let out = if args.iter().any(|a| a == "--json") {
                json(&bytes)?
            } else {
                frame(&bytes)
            };
            std::fs::write(PathBuf::from(required(&args, "--out")?), out)?;
            Ok(())
        }
        Some("wait-serving") => {
            let since: u128 = required(&args, "--since-ns")?.parse()?;
            wait_serving(&required(&args, "--addr")?, since).await
        }
        Some("load") => load(&args).await,
        Some("soak") => soak::run(&args).await,
        _ => Err("usage: loadgen frame|wait-serving|load|soak ...".into()),
    }
}

// `loadgen soak`: the mixed traffic of `bench/soak.sh`.
#[path = "loadgen/soak.rs"]
mod soak;
