//! Model labels: the `stable` model every call uses unless told otherwise,
//! and a `candidate` loaded beside it on the same catalog, which a tenant's
//! configuration or a request may ask for, and which `Admin.Promote` makes
//! stable (and `Admin.Demote` puts back).

use std::collections::HashMap;
use std::sync::Arc;

use super::TenantName;
use himrec_domain::rank::Recommender;

/// Which of the loaded models.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum ModelLabel {
    /// The model calls use unless told otherwise.
    #[default]
    Stable,
    /// The model loaded beside it, for comparison and promotion.
    Candidate,
}

impl ModelLabel {
    /// Both labels, stable first.
    pub const ALL: [Self; 2] = [Self::Stable, Self::Candidate];

    /// As requests and the configuration write it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Stable => "stable",
            Self::Candidate => "candidate",
        }
    }

    /// The label `name` stands for.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.name() == name)
    }
}

/// Why a call cannot use the label it asks for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LabelError {
    /// Not a label.
    #[error("not a model label: \"stable\" or \"candidate\"")]
    Unknown,
    /// The candidate is asked for and none is loaded.
    #[error("no candidate model is loaded on this server")]
    NotLoaded,
}

/// Every view under one label: the public one and each tenant's.
#[derive(Debug, Clone)]
pub struct Served {
    /// What callers outside every tenant see.
    pub public: Arc<Recommender>,
    /// Each tenant's view.
    pub tenants: HashMap<Arc<str>, Arc<Recommender>>,
}

impl Served {
    /// What a call for `tenant` sees: its own view, or the public one for a
    /// caller outside every tenant (or a tenant this version does not
    /// know, which holds no tenant's data).
    pub fn view(&self, tenant: Option<&TenantName>) -> &Arc<Recommender> {
        tenant
            .and_then(|t| self.tenants.get(&t.0))
            .unwrap_or(&self.public)
    }
}

/// Why a promotion or demotion did not happen; nothing changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PromotionError {
    /// Nothing to promote.
    #[error("no candidate model is loaded on this server")]
    NoCandidate,
    /// The candidate already serves as stable.
    #[error("the candidate is already promoted (Admin.Demote puts the previous model back)")]
    AlreadyPromoted,
    /// Nothing to demote.
    #[error("nothing was promoted since the last load (Admin.Promote makes the candidate stable)")]
    NotPromoted,
}
