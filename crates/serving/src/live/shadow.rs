//! Shadow scoring: a configured share of the Recommend answers the stable
//! model gives is also scored by the candidate, off the caller's path, and
//! the two answers are compared ([`Comparison`]) so an operator sees what
//! a promotion would change before making it.
//!
//! The caller's side only counts the call and, for a sampled one, offers
//! the checked query to a bounded queue without waiting: when the queue is
//! full the comparison is dropped and counted, never the call. One worker
//! thread, scheduled below the serving threads, ranks the query under both
//! models and adds the pair. The query is gone once compared: only the
//! aggregate (path indices and sums) is kept, and nothing of the profile is
//! logged.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::SystemTime;

use tracing::{debug, warn};

use super::{Snapshot, TenantName};
use crate::config::Shadow as ShadowConfig;
use crate::metrics::Metrics;
use himrec_domain::rank::compare::{comparable, Comparison};
use himrec_domain::rank::Query;

/// The comparison of one (stable, candidate) pair of model versions, from
/// the first answer compared under that pair.
#[derive(Debug, Clone)]
pub struct Tally {
    /// The stable model's version.
    pub stable: String,
    /// The candidate model's version.
    pub candidate: String,
    /// When the first comparison (or drop) of this pair happened.
    pub since: SystemTime,
    /// The answers compared.
    pub comparison: Comparison,
    /// Comparisons dropped because the queue was full.
    pub dropped: u64,
}

impl Tally {
    fn new(stable: &str, candidate: &str) -> Self {
        Self {
            stable: stable.to_owned(),
            candidate: candidate.to_owned(),
            since: SystemTime::now(),
            comparison: Comparison::default(),
            dropped: 0,
        }
    }

    fn of(&self, stable: &str, candidate: &str) -> bool {
        self.stable == stable && self.candidate == candidate
    }
}

/// What the shadow scorer knows now, for the Admin method.
#[derive(Debug, Clone)]
pub struct ShadowReport {
    /// The share of stable answers sampled.
    pub share: f64,
    /// Comparisons the queue holds at most.
    pub queue: usize,
    /// The comparison of the models serving now, if any was made or
    /// dropped since they were loaded.
    pub tally: Option<Tally>,
}

/// A query waiting to be scored by both models of its snapshot.
struct Job {
    snapshot: Arc<Snapshot>,
    tenant: Option<TenantName>,
    query: Query,
}

/// The shadow scorer; cheap to clone. Its worker stops when the last
/// clone is dropped.
#[derive(Debug, Clone)]
pub struct ShadowScorer {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    share: f64,
    queue: usize,
    // Stable answers seen, for sampling exactly `share` of them.
    seen: AtomicU64,
    sender: Option<SyncSender<Job>>,
    tally: Arc<Mutex<Option<Tally>>>,
    metrics: Metrics,
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // A job holds a profile: it is never written out.
        f.write_str("Job")
    }
}

impl ShadowScorer {
    /// A scorer sampling `config.share` of stable answers; with a share of
    /// 0 it starts no worker and samples nothing.
    pub fn start(config: &ShadowConfig, metrics: Metrics) -> Self {
        let tally = Arc::new(Mutex::new(None));
        let sender = (config.share > 0.0).then(|| {
            let (sender, receiver) = sync_channel(config.queue.max(1));
            let (tally, metrics) = (tally.clone(), metrics.clone());
            std::thread::Builder::new()
                .name("himrec-shadow".into())
                .spawn(move || work(receiver, &tally, &metrics))
                .expect("a thread starts");
            sender
        });
        Self {
            inner: Arc::new(Inner {
                share: config.share.clamp(0.0, 1.0),
                queue: config.queue,
                seen: AtomicU64::new(0),
                sender,
                tally,
                metrics,
            }),
        }
    }

    /// A scorer that samples nothing.
    pub fn off() -> Self {
        Self::start(&ShadowConfig::default(), Metrics::new())
    }

    /// Called with every answer the stable model gave from `snapshot`:
    /// when this one is sampled and a candidate is loaded, queues `query`
    /// for comparison, or drops and counts it when the queue is full.
    pub fn offer(&self, snapshot: &Arc<Snapshot>, tenant: Option<&TenantName>, query: Query) {
        let Some(sender) = &self.inner.sender else {
            return;
        };
        let Some(candidate) = &snapshot.candidate else {
            return;
        };
        // Exactly `share` of the answers: the n-th is sampled when
        // floor(n * share) steps up.
        let n = self.inner.seen.fetch_add(1, Ordering::Relaxed);
        let share = self.inner.share;
        if ((n + 1) as f64 * share).floor() <= (n as f64 * share).floor() {
            return;
        }
        let job = Job {
            snapshot: snapshot.clone(),
            tenant: tenant.cloned(),
            query,
        };
        match sender.try_send(job) {
            Ok(()) => {}
            Err(TrySendError::Full(_)) => {
                self.inner.metrics.shadow_dropped();
                let stable = snapshot.public().model().version();
                let candidate = candidate.public.model().version();
                let mut tally = lock(&self.inner.tally);
                current(&mut tally, stable, candidate).dropped += 1;
            }
            Err(TrySendError::Disconnected(_)) => {}
        }
    }

    /// The share, the queue and the comparison of the models serving in
    /// `snapshot` (none when it holds no candidate, or nothing of this
    /// pair was compared yet).
    pub fn report(&self, snapshot: &Snapshot) -> ShadowReport {
        let tally = snapshot.candidate.as_ref().and_then(|candidate| {
            let stable = snapshot.public().model().version();
            let candidate = candidate.public.model().version();
            lock(&self.inner.tally)
                .as_ref()
                .filter(|t| t.of(stable, candidate))
                .cloned()
        });
        ShadowReport {
            share: if self.inner.sender.is_some() {
                self.inner.share
            } else {
                0.0
            },
            queue: self.inner.queue,
            tally,
        }
    }
}

fn lock(tally: &Mutex<Option<Tally>>) -> std::sync::MutexGuard<'_, Option<Tally>> {
    // A panic while adding leaves the sums as they were: still readable.
    tally.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The tally of (`stable`, `candidate`), started afresh when the models
/// changed since the last one.
fn current<'a>(tally: &'a mut Option<Tally>, stable: &str, candidate: &str) -> &'a mut Tally {
    if !tally.as_ref().is_some_and(|t| t.of(stable, candidate)) {
        *tally = Some(Tally::new(stable, candidate));
    }
    tally.as_mut().expect("set above")
}

/// The worker: scores each queued query under both models of its snapshot
/// until every sender is gone.
fn work(jobs: Receiver<Job>, tally: &Mutex<Option<Tally>>, metrics: &Metrics) {
    lower_priority();
    for job in jobs {
        let Some(candidate) = &job.snapshot.candidate else {
            continue;
        };
        let stable = job.snapshot.view(job.tenant.as_ref());
        let other = candidate.view(job.tenant.as_ref());
        let query = comparable(job.query, stable.catalog().career_paths.len());
        let (a, b) = (stable.answer(&query), other.answer(&query));
        let mut one = Comparison::default();
        one.add(&a, &b);
        let (stable_version, candidate_version) =
            (stable.model().version(), other.model().version());
        let paths = &stable.catalog().career_paths;
        metrics.shadow_compared(stable_version, candidate_version, &one, |p| {
            paths.get(p).map_or("", |path| path.soc_code.as_str())
        });
        let mut tally = lock(tally);
        current(&mut tally, stable_version, candidate_version)
            .comparison
            .merge(&one);
    }
    debug!("shadow scoring stopped");
}

/// Schedules this thread only when the serving threads leave a core idle
/// (Linux `SCHED_IDLE`), so shadow scoring never takes CPU from a call.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    {
        use thread_priority::unix::{
            set_thread_priority_and_policy, thread_native_id, NormalThreadSchedulePolicy,
            ThreadSchedulePolicy,
        };
        let idle = ThreadSchedulePolicy::Normal(NormalThreadSchedulePolicy::Idle);
        if let Err(err) = set_thread_priority_and_policy(
            thread_native_id(),
            thread_priority::ThreadPriority::Min,
            idle,
        ) {
            warn!(error = ?err, "shadow scoring runs at normal priority");
        }
    }
}
