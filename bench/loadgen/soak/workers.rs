//! The soak's workers: Recommend loops, batch streams, program pages,
//! connections opened and dropped, and bad requests, each recording what
//! happened until the deadline.

use std::sync::Arc;
use std::time::{Duration, Instant};

use himrec::pb;
use himrec::pb::catalog_client::CatalogClient;
use himrec::pb::recommend_batch_response::Result as BatchResult;
use himrec::pb::recommender_client::RecommenderClient;
use tokio::net::TcpStream;
use tokio::task::JoinHandle;
use tonic::transport::{Channel, Endpoint};
use tonic::Code;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;
use tonic_health::pb::HealthCheckRequest;

use super::fixtures::{page_filters, Bad};
use super::recorder::{status_text, Recorder};
use super::{
    BAD_EVERY, BAD_ITEM_EVERY, BATCH_ITEMS, GRPC_CONNECTION_EVERY, GRPC_IDLE, PAGE_SIZE,
    TCP_HOLDS_MS,
};

pub(super) fn past(deadline: Instant) -> bool {
    Instant::now() >= deadline
}

pub(super) async fn recommend_worker(
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
pub(super) async fn batch_stream(
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

pub(super) async fn batch_worker(
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

pub(super) async fn pages_worker(channel: Channel, deadline: Instant, rec: Arc<Recorder>) {
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

pub(super) async fn health_check(channel: Channel) -> Result<(), String> {
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
pub(super) async fn idle_worker(
    endpoint: Endpoint,
    addr: String,
    deadline: Instant,
    rec: Arc<Recorder>,
) {
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

pub(super) async fn bad_worker(
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
