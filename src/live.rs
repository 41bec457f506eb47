//! What is serving now, and how it is replaced: a reload loads everything
//! again from the files, checks it completely, then swaps it in with one
//! atomic pointer store. A call takes the current snapshot once at its
//! start, so it finishes on the version it started with.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use arc_swap::ArcSwap;
use tracing::{info, warn};

use crate::catalog::overlay::OverlayError;
use crate::catalog::{Catalog, CatalogError};
use crate::metrics::Metrics;
use crate::model::{CareerModel, ModelArtifact, ModelError};
use crate::rank::Recommender;

/// One loaded version of the catalog and model.
#[derive(Debug)]
pub struct Snapshot {
    /// The catalog and model.
    pub recommender: Arc<Recommender>,
    /// When it was loaded.
    pub loaded_at: SystemTime,
    /// 1 for the load at start, one more for each successful reload.
    pub generation: u64,
}

/// The files a snapshot is loaded from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sources {
    /// Data folder.
    pub data: PathBuf,
    /// Model artifact.
    pub model: PathBuf,
    /// The operator's program overlay, if any.
    pub overlay: Option<PathBuf>,
}

/// Why the files did not load.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The catalog is missing or invalid.
    #[error("catalog: {0}")]
    Catalog(#[from] CatalogError),
    /// The model is missing, corrupt, or does not fit the catalog.
    #[error("{0}")]
    Model(#[from] ModelError),
    /// The program overlay is invalid.
    #[error("{0}")]
    Overlay(#[from] OverlayError),
}

/// Loads the catalog and the model and checks that they fit each other.
pub fn load(data_dir: &Path, model_path: &Path) -> Result<Recommender, LoadError> {
    load_with_overlay(data_dir, model_path, None)
}

/// [`load`], merging an operator's program overlay into the catalog first.
pub fn load_with_overlay(
    data_dir: &Path,
    model_path: &Path,
    overlay: Option<&Path>,
) -> Result<Recommender, LoadError> {
    let mut catalog = Catalog::load(data_dir)?;
    if let Some(path) = overlay {
        let summary = crate::catalog::overlay::apply(&mut catalog, path)?;
        info!(
            merged = summary.merged,
            added = summary.added,
            "program overlay merged"
        );
    }
    let artifact = ModelArtifact::load(model_path)?;
    let model = CareerModel::new(artifact, &catalog)?;
    Ok(Recommender::new(catalog, model))
}

impl Sources {
    fn load(&self) -> Result<Recommender, LoadError> {
        load_with_overlay(&self.data, &self.model, self.overlay.as_deref())
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
        Self::new(recommender, None)
    }

    /// Loads from `sources`, which a reload reads again.
    pub fn load(sources: Sources) -> Result<Self, LoadError> {
        let recommender = sources.load()?;
        Ok(Self::new(Arc::new(recommender), Some(sources)))
    }

    fn new(recommender: Arc<Recommender>, sources: Option<Sources>) -> Self {
        let metrics = Metrics::new();
        let loaded_at = SystemTime::now();
        metrics.model_loaded(recommender.model().version(), loaded_at);
        Self {
            inner: Arc::new(Inner {
                current: ArcSwap::from_pointee(Snapshot {
                    recommender,
                    loaded_at,
                    generation: 1,
                }),
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
            Some(sources) => match tokio::task::spawn_blocking(move || sources.load()).await {
                Ok(loaded) => loaded.map_err(ReloadError::from),
                Err(join) => Err(ReloadError::Crashed(join.to_string())),
            },
        };
        match result {
            Ok(recommender) => {
                let generation = self.inner.current.load().generation + 1;
                let snapshot = Arc::new(Snapshot {
                    recommender: Arc::new(recommender),
                    loaded_at: SystemTime::now(),
                    generation,
                });
                self.inner.current.store(snapshot.clone());
                let version = snapshot.recommender.model().version();
                self.inner.metrics.reloaded(true);
                self.inner.metrics.model_loaded(version, snapshot.loaded_at);
                info!(
                    model = version,
                    generation,
                    programs = snapshot.recommender.catalog().programs.len(),
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
}
