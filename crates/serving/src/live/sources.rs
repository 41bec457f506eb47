//! The files a snapshot is loaded from, and loading them: the public
//! catalog with the global overlay, each tenant's view (its overlay and
//! default filter), each under the stable and the candidate model. Any
//! fault anywhere fails the whole load.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tracing::{debug, info};

use super::ModelLabel;
use crate::config::Config;
use himrec_domain::catalog::overlay::{OverlayError, Scope};
use himrec_domain::catalog::{Catalog, CatalogError, ProgramFilterInput};
use himrec_domain::error::FieldViolation;
use himrec_domain::model::{CareerModel, ModelArtifact, ModelError};
use himrec_domain::rank::Recommender;

/// The files a snapshot is loaded from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sources {
    /// Data folder.
    pub data: PathBuf,
    /// Model artifact: the stable model.
    pub model: PathBuf,
    /// The candidate model's artifact, if any.
    pub candidate: Option<PathBuf>,
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
    pub default_filter: Option<ProgramFilterInput>,
    /// The label its calls use unless a request asks for one.
    pub model_label: ModelLabel,
}

impl Sources {
    /// The files `config` names.
    pub fn from_config(config: &Config) -> Self {
        Self {
            data: config.data.clone(),
            model: config.model.clone(),
            candidate: config.candidate_model().map(Into::into),
            overlay: config.programs_overlay().map(Into::into),
            tenants: config
                .tenants
                .iter()
                .map(|t| TenantSource {
                    name: t.name.as_str().into(),
                    unitids: t.unitids.iter().copied().collect(),
                    overlay: t.programs_overlay().map(Into::into),
                    default_filter: t.default_filter.clone(),
                    model_label: ModelLabel::from_name(&t.model_label).unwrap_or_default(),
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
    /// The same views under the candidate model, if one is configured.
    pub candidate: Option<Box<Views>>,
}

/// `tenant`'s view of the public catalog: its overlay merged, and only the
/// programs its default filter lets through shown.
fn tenant_view(public: &Catalog, tenant: &TenantSource) -> Result<Catalog, LoadError> {
    let mut view = public.layer();
    if let Some(path) = &tenant.overlay {
        let scope = Scope {
            tenant: &tenant.name,
            unitids: &tenant.unitids,
        };
        let summary = himrec_domain::catalog::overlay::apply(&mut view, path, Some(scope))?;
        debug!(
            tenant = %tenant.name,
            merged = summary.merged,
            added = summary.added,
            "tenant overlay merged"
        );
    }
    if let Some(filter) = &tenant.default_filter {
        let checked = filter.clone().check(&view, "default_filter");
        let filter = checked.map_err(|problems| LoadError::TenantFilter {
            tenant: tenant.name.clone(),
            problems,
        })?;
        view.programs.retain(|p| filter.matches(p));
    }
    Ok(view)
}

/// Why the files did not load. Each message is whole: the error it wraps
/// is said in it, not chained again after it (a chain printer would say
/// it twice).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The catalog is missing or invalid.
    #[error("catalog: {0}")]
    Catalog(CatalogError),
    /// The model is missing, corrupt, or does not fit the catalog.
    #[error("{0}")]
    Model(ModelError),
    /// The candidate model is missing, corrupt, or does not fit the
    /// catalog.
    #[error("candidate model: {0}")]
    Candidate(ModelError),
    /// The program overlay is invalid.
    #[error("{0}")]
    Overlay(OverlayError),
    /// A tenant's default filter names what its view does not have.
    #[error("tenant {tenant:?}: {}", problems.iter().map(|v| format!("{}: {}", v.field, v.description)).collect::<Vec<_>>().join("; "))]
    TenantFilter {
        /// The tenant.
        tenant: Arc<str>,
        /// What is wrong, by field.
        problems: Vec<FieldViolation>,
    },
}

impl From<CatalogError> for LoadError {
    fn from(e: CatalogError) -> Self {
        Self::Catalog(e)
    }
}

impl From<ModelError> for LoadError {
    fn from(e: ModelError) -> Self {
        Self::Model(e)
    }
}

impl From<OverlayError> for LoadError {
    fn from(e: OverlayError) -> Self {
        Self::Overlay(e)
    }
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
        candidate: None,
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
            let summary = himrec_domain::catalog::overlay::apply(&mut catalog, path, None)?;
            info!(
                merged = summary.merged,
                added = summary.added,
                "program overlay merged"
            );
        }
        let artifact = ModelArtifact::load(&self.model)?;
        let model = CareerModel::new(artifact, &catalog)?;
        let candidate = match &self.candidate {
            None => None,
            Some(path) => {
                let artifact = ModelArtifact::load(path).map_err(LoadError::Candidate)?;
                Some(CareerModel::new(artifact, &catalog).map_err(LoadError::Candidate)?)
            }
        };
        // The public view is indexed once; the candidate model's shares its
        // catalog and index, and each tenant's view holds only what its
        // overlay and default filter change.
        let public = Recommender::new(catalog, model);
        let candidate_public = candidate.map(|c| public.with_model(c));
        let mut candidate_tenants = Vec::new();
        let mut tenants = Vec::with_capacity(self.tenants.len());
        for tenant in &self.tenants {
            let view = tenant_view(public.catalog(), tenant)?;
            if let Some(other) = &candidate_public {
                candidate_tenants.push((tenant.name.clone(), other.view(view.clone())));
            }
            tenants.push((tenant.name.clone(), public.view(view)));
        }
        if !tenants.is_empty() {
            info!(tenants = tenants.len(), "tenant views loaded");
        }
        let candidate = candidate_public.map(|public| {
            Box::new(Views {
                public,
                tenants: candidate_tenants,
                candidate: None,
            })
        });
        Ok(Views {
            public,
            tenants,
            candidate,
        })
    }

    /// Each tenant's pinned label.
    pub(super) fn pins(&self) -> HashMap<Arc<str>, ModelLabel> {
        self.tenants
            .iter()
            .map(|t| (t.name.clone(), t.model_label))
            .collect()
    }
}
