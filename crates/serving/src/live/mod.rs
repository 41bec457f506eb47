//! What is serving now, and how it is replaced: a reload loads everything
//! again from the files, checks it completely, then swaps it in with one
//! atomic pointer store. A call takes the current snapshot once at its
//! start, so it finishes on the version it started with.
//!
//! With tenants configured, a snapshot holds one view of the catalog per
//! tenant beside the public one: the public catalog (with the global
//! overlay, if any), that tenant's overlay, and only the programs its
//! default filter lets through. A tenant's data is in its own view and no
//! other, so no method can show it to another tenant's callers.
//!
//! With a candidate model configured, every view is loaded twice, once per
//! model ([`labels`]); both load or neither does.

mod labels;
mod shadow;
mod sources;

pub use labels::{LabelError, ModelLabel, PromotionError, Served};
pub use shadow::{ShadowReport, ShadowScorer, Tally};
pub use sources::{load, load_with_overlay, LoadError, Sources, TenantSource, Views};

use std::collections::HashMap;
use std::sync::Arc;
use std::time::SystemTime;

use arc_swap::ArcSwap;
use tracing::{info, warn};

use crate::metrics::Metrics;
use himrec_domain::rank::Recommender;

/// The tenant a call is made for, from its caller's API key.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TenantName(pub Arc<str>);

/// One loaded version of the catalog and model.
#[derive(Debug)]
pub struct Snapshot {
    /// Every view under the stable model.
    pub stable: Served,
    /// The same views under the candidate model, if one is loaded.
    pub candidate: Option<Served>,
    /// The label each tenant's calls use unless a request asks for one.
    pub pins: HashMap<Arc<str>, ModelLabel>,
    /// True when the candidate was promoted and the previous stable model
    /// is the candidate now (until the next load).
    pub promoted: bool,
    /// When it was loaded.
    pub loaded_at: SystemTime,
    /// 1 for the load at start, one more for each successful reload.
    pub generation: u64,
}

impl Snapshot {
    /// The views loaded now, as version `generation`.
    fn of(views: Views, pins: HashMap<Arc<str>, ModelLabel>, generation: u64) -> Self {
        let served = |public: Recommender, tenants: Vec<(Arc<str>, Recommender)>| Served {
            public: Arc::new(public),
            tenants: tenants
                .into_iter()
                .map(|(name, view)| (name, Arc::new(view)))
                .collect(),
        };
        Self {
            stable: served(views.public, views.tenants),
            candidate: views.candidate.map(|c| served(c.public, c.tenants)),
            pins,
            promoted: false,
            loaded_at: SystemTime::now(),
            generation,
        }
    }

    /// What a call for `tenant` sees under the label it asks for (`None`:
    /// the tenant's pinned label, else stable), and that label.
    pub fn labeled(
        &self,
        tenant: Option<&TenantName>,
        asked: Option<ModelLabel>,
    ) -> Result<(&Arc<Recommender>, ModelLabel), LabelError> {
        let pinned = tenant.and_then(|t| self.pins.get(&t.0)).copied();
        match asked.or(pinned).unwrap_or_default() {
            ModelLabel::Stable => Ok((self.stable.view(tenant), ModelLabel::Stable)),
            ModelLabel::Candidate => {
                let candidate = self.candidate.as_ref().ok_or(LabelError::NotLoaded)?;
                Ok((candidate.view(tenant), ModelLabel::Candidate))
            }
        }
    }

    /// The loaded models by label, stable first.
    pub fn models(&self) -> Vec<(ModelLabel, &Arc<Recommender>)> {
        let mut models = vec![(ModelLabel::Stable, &self.stable.public)];
        models.extend(
            self.candidate
                .as_ref()
                .map(|c| (ModelLabel::Candidate, &c.public)),
        );
        models
    }

    /// This snapshot with the stable and candidate models swapped, as
    /// version `generation`.
    fn swapped(&self, promoted: bool, generation: u64) -> Option<Self> {
        Some(Self {
            stable: self.candidate.clone()?,
            candidate: Some(self.stable.clone()),
            pins: self.pins.clone(),
            promoted,
            loaded_at: self.loaded_at,
            generation,
        })
    }

    /// What a call for `tenant` sees under the stable model (see
    /// [`Served::view`]).
    pub fn view(&self, tenant: Option<&TenantName>) -> &Arc<Recommender> {
        self.stable.view(tenant)
    }

    /// The stable model's public view: the catalog and model callers
    /// outside every tenant see.
    pub fn public(&self) -> &Arc<Recommender> {
        &self.stable.public
    }
}

/// Why a reload did not happen; the old snapshot keeps serving.
#[derive(Debug, thiserror::Error)]
pub enum ReloadError {
    /// The server was given a loaded recommender, not files.
    #[error("this server was not started from files, so it cannot reload")]
    NoSources,
    /// The new files did not load.
    #[error("{0}")]
    Load(#[from] LoadError),
    /// Loading stopped with a bug (a panic); nothing was swapped in.
    #[error("loading failed unexpectedly: {0}")]
    Crashed(String),
}

/// The serving snapshot, shared by every service; cheap to clone.
#[derive(Debug, Clone)]
pub struct Live {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    current: ArcSwap<Snapshot>,
    sources: Option<Sources>,
    // One reload at a time: two would race to publish.
    reloading: tokio::sync::Mutex<()>,
    metrics: Metrics,
}

impl Live {
    /// Serves `recommender` for good: [`Live::reload`] fails.
    pub fn fixed(recommender: Arc<Recommender>) -> Self {
        Self::new(
            Snapshot {
                stable: Served {
                    public: recommender,
                    tenants: HashMap::new(),
                },
                candidate: None,
                pins: HashMap::new(),
                promoted: false,
                loaded_at: SystemTime::now(),
                generation: 1,
            },
            None,
        )
    }

    /// Loads from `sources`, which a reload reads again.
    pub fn load(sources: Sources) -> Result<Self, LoadError> {
        let views = sources.load()?;
        Ok(Self::new(
            Snapshot::of(views, sources.pins(), 1),
            Some(sources),
        ))
    }

    fn new(snapshot: Snapshot, sources: Option<Sources>) -> Self {
        let metrics = Metrics::new();
        metrics.model_loaded(snapshot.public().model().version(), snapshot.loaded_at);
        Self {
            inner: Arc::new(Inner {
                current: ArcSwap::from_pointee(snapshot),
                sources,
                reloading: tokio::sync::Mutex::new(()),
                metrics,
            }),
        }
    }

    /// The snapshot serving now.
    pub fn current(&self) -> Arc<Snapshot> {
        self.inner.current.load_full()
    }

    /// The counters and histograms of this server.
    pub fn metrics(&self) -> &Metrics {
        &self.inner.metrics
    }

    /// Loads the sources again (off the async threads), and swaps the
    /// result in if it loads; otherwise the current snapshot stays.
    pub async fn reload(&self) -> Result<Arc<Snapshot>, ReloadError> {
        let _one_at_a_time = self.inner.reloading.lock().await;
        let result = match self.inner.sources.clone() {
            None => Err(ReloadError::NoSources),
            Some(sources) => {
                match tokio::task::spawn_blocking(move || {
                    sources.load().map(|views| (views, sources.pins()))
                })
                .await
                {
                    Ok(loaded) => loaded.map_err(ReloadError::from),
                    Err(join) => Err(ReloadError::Crashed(join.to_string())),
                }
            }
        };
        match result {
            Ok((views, pins)) => {
                let generation = self.inner.current.load().generation + 1;
                let snapshot = Arc::new(Snapshot::of(views, pins, generation));
                self.inner.current.store(snapshot.clone());
                let version = snapshot.public().model().version();
                self.inner.metrics.reloaded(true);
                self.inner.metrics.model_loaded(version, snapshot.loaded_at);
                info!(
                    model = version,
                    generation,
                    programs = snapshot.public().catalog().programs.len(),
                    tenants = snapshot.stable.tenants.len(),
                    "reloaded"
                );
                Ok(snapshot)
            }
            Err(err) => {
                self.inner.metrics.reloaded(false);
                warn!(error = %err, "reload failed; the previous version keeps serving");
                Err(err)
            }
        }
    }

    /// Makes the candidate stable for every call from now on, and the
    /// stable model the candidate, atomically (until the next load).
    pub async fn promote(&self) -> Result<Arc<Snapshot>, PromotionError> {
        self.swap(true).await
    }

    /// Undoes [`Live::promote`]: the previous stable model serves again.
    pub async fn demote(&self) -> Result<Arc<Snapshot>, PromotionError> {
        self.swap(false).await
    }

    async fn swap(&self, promote: bool) -> Result<Arc<Snapshot>, PromotionError> {
        let _one_at_a_time = self.inner.reloading.lock().await;
        let current = self.inner.current.load_full();
        match (promote, current.promoted, current.candidate.is_some()) {
            (true, _, false) => return Err(PromotionError::NoCandidate),
            (true, true, _) => return Err(PromotionError::AlreadyPromoted),
            (false, false, _) => return Err(PromotionError::NotPromoted),
            _ => {}
        }
        let snapshot = Arc::new(
            current
                .swapped(promote, current.generation + 1)
                .ok_or(PromotionError::NoCandidate)?,
        );
        self.inner.current.store(snapshot.clone());
        let stable = snapshot.public().model().version();
        let candidate = snapshot
            .candidate
            .as_ref()
            .map_or("", |c| c.public.model().version());
        self.inner.metrics.model_loaded(stable, snapshot.loaded_at);
        info!(
            stable,
            candidate,
            generation = snapshot.generation,
            "{}",
            if promote { "promoted" } else { "demoted" }
        );
        Ok(snapshot)
    }
}
