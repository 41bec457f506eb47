//! A fleet of three replicas sharing one configuration, driven as a
//! platform drives it: a round-robin client that retries a call on the next
//! replica when the call was never processed (UNAVAILABLE, a stream the
//! server's GOAWAY did not take). Under load, a rolling restart (SIGTERM,
//! wait, start, one replica at a time) and a SIGHUP reload of each replica
//! in turn fail no call; a page token from one replica pages on another;
//! every answer names the model that produced it.

use crate::common;

use std::process::Child;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::binary::{free_port, scrape, serve};
use himrec::pb;
use himrec::pb::catalog_client::CatalogClient;
use himrec::pb::recommender_client::RecommenderClient;
use tonic::transport::Channel;
use tonic::{Code, Status};

const REPLICAS: usize = 3;

struct Replica {
    port: u16,
    metrics_port: u16,
    child: Child,
}

struct Fleet {
    config: String,
    replicas: Vec<Replica>,
}

impl Fleet {
    /// Three replicas of one configuration (the page-token secret shared,
    /// as deploy/kubernetes gives it), each on its own ports.
    fn start() -> Self {
        let dir = common::scratch("fleet");
        let config = dir.join("himrec.toml");
        std::fs::write(
            &config,
            "[limits]\nshutdown_grace_secs = 10\n\n[paging]\ntoken_secret = \"one secret for the fleet\"\n",
        )
        .unwrap();
        let config = config.display().to_string();
        let replicas = (0..REPLICAS)
            .map(|_| {
                let (port, metrics_port) = (free_port(), free_port());
                let child = start(&config, port, metrics_port);
                Replica {
                    port,
                    metrics_port,
                    child,
                }
            })
            .collect();
        Self { config, replicas }
    }

    fn channels(&self) -> Vec<Channel> {
        self.replicas
            .iter()
            .map(|r| {
                Channel::from_shared(format!("http://127.0.0.1:{}", r.port))
                    .unwrap()
                    .connect_lazy()
            })
            .collect()
    }
}

impl Drop for Fleet {
    fn drop(&mut self) {
        for replica in &mut self.replicas {
            let _ = replica.child.kill();
            let _ = replica.child.wait();
        }
    }
}

fn start(config: &str, port: u16, metrics_port: u16) -> Child {
    serve(&[
        "--config",
        config,
        "--addr",
        &format!("127.0.0.1:{port}"),
        "--metrics-addr",
        &format!("127.0.0.1:{metrics_port}"),
    ])
}

fn signal(child: &Child, name: &str) {
    let status = std::process::Command::new("kill")
        .arg(format!("-{name}"))
        .arg(child.id().to_string())
        .status()
        .unwrap();
    assert!(status.success());
}

/// True when the call was never processed, so a client may send it to
/// another replica: refused (UNAVAILABLE), never written (hyper's
/// `Canceled`), or opened after the last stream a draining server took
/// (GOAWAY with NO_ERROR; RFC 9113, 6.8).
fn not_processed(status: &Status) -> bool {
    let debug = format!("{status:?}");
    status.code() == Code::Unavailable
        || (status.code() == Code::Cancelled && debug.contains("hyper::Error(Canceled"))
        || debug.contains("GoAway(b\"\", NO_ERROR, Remote)")
}

/// What the load saw.
#[derive(Default)]
struct Tally {
    answered: AtomicUsize,
    retried: AtomicUsize,
    failed: std::sync::Mutex<Vec<String>>,
    models: std::sync::Mutex<std::collections::BTreeSet<String>>,
}

fn request() -> pb::RecommendRequest {
    pb::RecommendRequest {
        profile: Some(common::profile(&[
            ("clinical_coding", 0.85),
            ("medical_terminology", 0.9),
        ])),
        max_programs: 5,
        ..Default::default()
    }
}

/// One client of the fleet: round robin over the replicas, a call retried
/// on the next replica when it was not processed, up to ten tries.
async fn drive(
    channels: Vec<Channel>,
    next: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
    tally: Arc<Tally>,
) {
    let clients: Vec<_> = channels.into_iter().map(RecommenderClient::new).collect();
    while !stop.load(Ordering::Relaxed) {
        let mut outcome = None;
        for attempt in 0..10 {
            let i = next.fetch_add(1, Ordering::Relaxed) % clients.len();
            let mut client = clients[i].clone();
            match client.recommend(request()).await {
                Ok(answer) => {
                    outcome = Some(Ok(answer.into_inner()));
                    break;
                }
                Err(status) if not_processed(&status) && attempt < 9 => {
                    tally.retried.fetch_add(1, Ordering::Relaxed);
                    tokio::time::sleep(Duration::from_millis(10)).await;
                }
                Err(status) => {
                    outcome = Some(Err(status));
                    break;
                }
            }
        }
        match outcome.expect("ten tries") {
            Ok(answer) => {
                assert!(!answer.career_paths.is_empty());
                tally.models.lock().unwrap().insert(answer.model_version);
                tally.answered.fetch_add(1, Ordering::Relaxed);
            }
            Err(status) => tally.failed.lock().unwrap().push(format!("{status:?}")),
        }
    }
}

/// Runs `steps` while eight clients drive the replicas behind `channels`;
/// returns what they saw.
async fn under_load(channels: &[Channel], steps: impl FnOnce() + Send + 'static) -> Arc<Tally> {
    let (stop, tally, next) = (
        Arc::new(AtomicBool::new(false)),
        Arc::new(Tally::default()),
        Arc::new(AtomicUsize::new(0)),
    );
    let drivers: Vec<_> = (0..8)
        .map(|_| {
            tokio::spawn(drive(
                channels.to_vec(),
                next.clone(),
                stop.clone(),
                tally.clone(),
            ))
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(500)).await;
    tokio::task::spawn_blocking(steps).await.unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    stop.store(true, Ordering::Relaxed);
    for driver in drivers {
        driver.await.unwrap();
    }
    tally
}

fn wait_exit(child: &mut Child, limit: Duration) -> std::process::ExitStatus {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        assert!(Instant::now() < deadline, "the replica did not exit");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rolling_restart_and_reloads_under_load_fail_no_call() {
    let mut fleet = Fleet::start();
    let channels = fleet.channels();
    let version = RecommenderClient::new(channels[0].clone())
        .get_model_info(pb::GetModelInfoRequest {})
        .await
        .unwrap()
        .into_inner()
        .model_version;

    // A page token from one replica pages on another.
    let page = |size| pb::ListProgramsRequest {
        page_size: size,
        states: vec!["TX".into()],
        ..Default::default()
    };
    let mut first = CatalogClient::new(channels[0].clone());
    let mut second = CatalogClient::new(channels[1].clone());
    let opening = first.list_programs(page(5)).await.unwrap().into_inner();
    assert!(!opening.next_page_token.is_empty());
    let next_page = |token: String| pb::ListProgramsRequest {
        page_token: token,
        ..page(5)
    };
    let there = second
        .list_programs(next_page(opening.next_page_token.clone()))
        .await
        .unwrap()
        .into_inner();
    let here = first
        .list_programs(next_page(opening.next_page_token))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(there, here);
    assert!(!there.programs.is_empty());

    // Rolling restart: one replica at a time, each drained by SIGTERM,
    // waited for and started again on its ports.
    let mut replicas = std::mem::take(&mut fleet.replicas);
    let config = fleet.config.clone();
    let (sender, receiver) = std::sync::mpsc::channel();
    let restarted = under_load(&channels, move || {
        for replica in &mut replicas {
            signal(&replica.child, "TERM");
            let status = wait_exit(&mut replica.child, Duration::from_secs(30));
            assert!(status.success(), "a drained replica exits 0: {status}");
            replica.child = start(&config, replica.port, replica.metrics_port);
            std::thread::sleep(Duration::from_millis(300));
        }
        sender.send(replicas).unwrap();
    })
    .await;
    fleet.replicas = receiver.recv().unwrap();
    eprintln!(
        "rolling restart: {} answered, {} retried",
        restarted.answered.load(Ordering::Relaxed),
        restarted.retried.load(Ordering::Relaxed)
    );
    let failed = restarted.failed.lock().unwrap().clone();
    assert!(failed.is_empty(), "failed during the restart: {failed:?}");
    assert!(restarted.answered.load(Ordering::Relaxed) > 100);
    assert_eq!(
        *restarted.models.lock().unwrap(),
        [version.clone()].into_iter().collect()
    );

    // A reload of each replica in turn (SIGHUP), each seen done in its
    // metrics before the next.
    let targets: Vec<(u32, u16)> = fleet
        .replicas
        .iter()
        .map(|r| (r.child.id(), r.metrics_port))
        .collect();
    let reloaded = under_load(&channels, move || {
        for (pid, metrics_port) in targets {
            let status = std::process::Command::new("kill")
                .args(["-HUP", &pid.to_string()])
                .status()
                .unwrap();
            assert!(status.success());
            let deadline = Instant::now() + Duration::from_secs(60);
            while !scrape(metrics_port).contains("himrec_reloads_total{outcome=\"success\"} 1") {
                assert!(Instant::now() < deadline, "the reload did not finish");
                std::thread::sleep(Duration::from_millis(50));
            }
        }
    })
    .await;
    eprintln!(
        "reloads: {} answered, {} retried",
        reloaded.answered.load(Ordering::Relaxed),
        reloaded.retried.load(Ordering::Relaxed)
    );
    let failed = reloaded.failed.lock().unwrap().clone();
    assert!(failed.is_empty(), "failed during the reloads: {failed:?}");
    assert!(reloaded.answered.load(Ordering::Relaxed) > 100);
    assert_eq!(
        *reloaded.models.lock().unwrap(),
        [version].into_iter().collect()
    );
}
