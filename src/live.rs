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

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use arc_swap::ArcSwap;
use tracing::{info, warn};

use crate::catalog::overlay::{OverlayError, Scope};
use crate::catalog::{
    Accreditation, Catalog, CatalogError, Control, DeliveryMode, ProgramFilterInput,
};
use crate::config::{Config, TenantFilter};
use crate::error::FieldViolation;
use crate::metrics::Metrics;
use crate::model::{CareerModel, ModelArtifact, ModelError};
use crate::rank::Recommender;

/// The tenant a call is made for, from its caller's API key.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TenantName(pub Arc<str>);

/// One loaded version of the catalog and model.
#[derive(Debug)]
pub struct Snapshot {
    /// The catalog and model callers outside every tenant see.
    pub recommender: Arc<Recommender>,
    /// Each tenant's view.
    pub tenants: HashMap<Arc<str>, Arc<Recommender>>,
    /// When it was loaded.
    pub loaded_at: SystemTime,
    /// 1 for the load at start, one more for each successful reload.
    pub generation: u64,
}

impl Snapshot {
    /// The views loaded now, as version `generation`.
    fn of(views: Views, generation: u64) -> Self {
        Self {
            recommender: Arc::new(views.public),
            tenants: views
                .tenants
                .into_iter()
                .map(|(name, view)| (name, Arc::new(view)))
                .collect(),
            loaded_at: SystemTime::now(),
            generation,
        }
    }

    /// What a call for `tenant` sees: its own view, or the public one for a
    /// caller outside every tenant. A tenant this snapshot does not know
    /// sees the public view, which holds no tenant's data.
    pub fn view(&self, tenant: Option<&TenantName>) -> &Arc<Recommender> {
        tenant
            .and_then(|t| self.tenants.get(&t.0))
            .unwrap_or(&self.recommender)
    }
}

/// The files a snapshot is loaded from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sources {
    /// Data folder.
    pub data: PathBuf,
    /// Model artifact.
    pub model: PathBuf,
    /// The operator's program overlay, if any; every caller sees it.
    pub overlay: Option<PathBuf>,
    /// Tenants, each seeing its own view.
    pub tenants: Vec<TenantSource>,
}

/// What a tenant's view is loaded from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TenantSource {
    /// Its name.
    pub name: Arc<str>,
    /// The unit ids its overlay may speak of.
    pub unitids: HashSet<u32>,
    /// Its overlay, if any.
    pub overlay: Option<PathBuf>,
    /// Its default program filter, if any.
    pub default_filter: Option<TenantFilter>,
}

impl Sources {
    /// The files `config` names.
    pub fn from_config(config: &Config) -> Self {
        Self {
            data: config.data.clone(),
            model: config.model.clone(),
            overlay: config.programs_overlay().map(Into::into),
            tenants: config
                .tenants
                .iter()
                .map(|t| TenantSource {
                    name: t.name.as_str().into(),
                    unitids: t.unitids.iter().copied().collect(),
                    overlay: t.programs_overlay().map(Into::into),
                    default_filter: t.default_filter.clone(),
                })
                .collect(),
        }
    }
}

/// Every view loaded from [`Sources`].
#[derive(Debug)]
pub struct Views {
    /// The public view.
    pub public: Recommender,
    /// Each tenant's.
    pub tenants: Vec<(Arc<str>, Recommender)>,
}

/// The checked program filter `filter` stands for, in the tenant's view.
fn tenant_filter(
    filter: &TenantFilter,
    catalog: &Catalog,
) -> Result<crate::catalog::ProgramFilter, Vec<FieldViolation>> {
    ProgramFilterInput {
        unitids: filter.unitids.clone(),
        states: filter.states.clone(),
        credential_levels: filter.credential_levels.clone(),
        controls: filter
            .controls
            .iter()
            .map(|c| Control::from_name(c))
            .collect(),
        accreditations: filter
            .accreditations
            .iter()
            .map(|a| Accreditation::from_name(a))
            .collect(),
        min_median_earnings: filter.min_median_earnings,
        max_median_debt: filter.max_median_debt,
        name_contains: filter.name_contains.clone(),
        delivery_modes: filter
            .delivery_modes
            .iter()
            .map(|m| DeliveryMode::parse(m))
            .collect(),
        operator_only: filter.operator_only,
        practicum: filter.practicum,
        career_services: filter.career_services,
    }
    .check(catalog, "default_filter")
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
    /// A tenant's default filter names what its view does not have.
    #[error("tenant {tenant:?}: {}", problems.iter().map(|v| format!("{}: {}", v.field, v.description)).collect::<Vec<_>>().join("; "))]
    TenantFilter {
        /// The tenant.
        tenant: Arc<str>,
        /// What is wrong, by field.
        problems: Vec<FieldViolation>,
    },
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
    let sources = Sources {
        data: data_dir.to_path_buf(),
        model: model_path.to_path_buf(),
        overlay: overlay.map(Path::to_path_buf),
        tenants: Vec::new(),
    };
    Ok(sources.load()?.public)
}

impl Sources {
    /// Loads every view; any fault in any of them fails the whole load.
    pub fn load(&self) -> Result<Views, LoadError> {
        let mut catalog = Catalog::load(&self.data)?;
        if let Some(path) = &self.overlay {
            let summary = crate::catalog::overlay::apply(&mut catalog, path, None)?;
            info!(
                merged = summary.merged,
                added = summary.added,
                "program overlay merged"
            );
        }
        let artifact = ModelArtifact::load(&self.model)?;
        let model = CareerModel::new(artifact, &catalog)?;
        let mut tenants = Vec::with_capacity(self.tenants.len());
        for tenant in &self.tenants {
            let mut view = catalog.clone();
            if let Some(path) = &tenant.overlay {
                let scope = Scope {
                    tenant: &tenant.name,
                    unitids: &tenant.unitids,
                };
                let summary = crate::catalog::overlay::apply(&mut view, path, Some(scope))?;
                info!(
                    tenant = %tenant.name,
                    merged = summary.merged,
                    added = summary.added,
                    "tenant overlay merged"
                );
            }
            if let Some(filter) = &tenant.default_filter {
                let filter =
                    tenant_filter(filter, &view).map_err(|problems| LoadError::TenantFilter {
                        tenant: tenant.name.clone(),
                        problems,
                    })?;
                view.programs.retain(|p| filter.matches(p));
            }
            tenants.push((tenant.name.clone(), Recommender::new(view, model.clone())));
        }
        Ok(Views {
            public: Recommender::new(catalog, model),
            tenants,
        })
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
                recommender,
                tenants: HashMap::new(),
                loaded_at: SystemTime::now(),
                generation: 1,
            },
            None,
        )
    }

    /// Loads from `sources`, which a reload reads again.
    pub fn load(sources: Sources) -> Result<Self, LoadError> {
        let views = sources.load()?;
        Ok(Self::new(Snapshot::of(views, 1), Some(sources)))
    }

    fn new(snapshot: Snapshot, sources: Option<Sources>) -> Self {
        let metrics = Metrics::new();
        metrics.model_loaded(snapshot.recommender.model().version(), snapshot.loaded_at);
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
            Some(sources) => match tokio::task::spawn_blocking(move || sources.load()).await {
                Ok(loaded) => loaded.map_err(ReloadError::from),
                Err(join) => Err(ReloadError::Crashed(join.to_string())),
            },
        };
        match result {
            Ok(views) => {
                let generation = self.inner.current.load().generation + 1;
                let snapshot = Arc::new(Snapshot::of(views, generation));
                self.inner.current.store(snapshot.clone());
                let version = snapshot.recommender.model().version();
                self.inner.metrics.reloaded(true);
                self.inner.metrics.model_loaded(version, snapshot.loaded_at);
                info!(
                    model = version,
                    generation,
                    programs = snapshot.recommender.catalog().programs.len(),
                    tenants = snapshot.tenants.len(),
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
