//! Ranking: career paths from the model, work settings from the paths and
//! the BLS staffing pattern, programs from the paths, the person's
//! education and state, and program outcomes.
//!
//! A request is checked into a [`Query`] ([`query`]), scored by the model
//! in one call, and ranked into [`Recommendations`] ([`answer`]), whose
//! reasons are data ([`ReasonCode`], [`Value`]). [`compare`] sets two
//! models' answers side by side.

mod answer;
mod careers;
pub mod compare;
mod programs;
mod query;
mod reason;
pub mod replay;
mod settings;

pub use answer::{
    CareerPathScore, CredentialStep, CredentialToEarn, Payback, ProgramEntry, ProgramScore, Reason,
    Recommendations, RouteEntry, SettingScore, SkillGap, SkillToLearn,
};
pub use query::{Limits, ProgramPreferences, Query, QueryInput, View, LIMITS};
pub use reason::{Datum, ReasonCode, Source, Unit, Value};

use std::borrow::Cow;
use std::sync::Arc;

use crate::catalog::{Catalog, ProgramFilter};
use crate::language::Language;
use crate::model::CareerModel;
use crate::profile::Profile;

/// The catalog and the model that ranks it, checked to fit each other.
/// What does not depend on the programs (the model, the setting
/// sentences, the shared program index) is shared by every view made
/// with [`Recommender::view`] and [`Recommender::with_model`].
#[derive(Debug)]
pub struct Recommender {
    catalog: Catalog,
    model: Arc<CareerModel>,
    program_index: programs::ProgramIndex,
    setting_texts: Arc<settings::SettingTexts>,
    /// Per credential: the credential levels of programs that prepare for
    /// it, lowest first.
    prepared_levels: Vec<Vec<u32>>,
}

impl Recommender {
    /// Joins a catalog and a model checked against it.
    pub fn new(catalog: Catalog, model: CareerModel) -> Self {
        let program_index = programs::ProgramIndex::new(&catalog);
        let setting_texts = Arc::new(settings::texts(&catalog));
        Self {
            prepared_levels: prepared_levels(&catalog),
            catalog,
            model: Arc::new(model),
            program_index,
            setting_texts,
        }
    }

    /// The same recommender over `catalog`, a view of this one's catalog
    /// ([`Catalog::layer`]): only what the view changes is built and held
    /// apart; the rest is shared. A catalog that is not such a view is
    /// indexed in full.
    pub fn view(&self, catalog: Catalog) -> Self {
        let shared = catalog.programs.shares_public_with(&self.catalog.programs)
            && !self.catalog.programs.is_layered();
        let program_index = if shared {
            self.program_index.layered(&catalog)
        } else {
            programs::ProgramIndex::new(&catalog)
        };
        Self {
            prepared_levels: prepared_levels(&catalog),
            catalog,
            model: self.model.clone(),
            program_index,
            setting_texts: self.setting_texts.clone(),
        }
    }

    /// The same catalog, sharing its index, ranked by `model` (checked
    /// against the catalog).
    pub fn with_model(&self, model: CareerModel) -> Self {
        Self {
            catalog: self.catalog.clone(),
            model: Arc::new(model),
            program_index: self.program_index.clone(),
            setting_texts: self.setting_texts.clone(),
            prepared_levels: self.prepared_levels.clone(),
        }
    }

    /// The catalog.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// Every campus Scorecard reports together with program `program` (an
    /// index into the catalog's programs), itself included; empty when it
    /// is reported alone.
    pub fn campuses(&self, program: usize) -> Cow<'_, [usize]> {
        self.program_index.campuses(&self.catalog.programs, program)
    }

    /// Program `program` (an index into the catalog's programs) as served
    /// in this view: with the campuses reported with it, its level's usual
    /// length and its routes to credentials, with its sentences in
    /// `language` when `texts`.
    pub fn program_entry(
        &self,
        program: usize,
        texts: bool,
        language: Language,
    ) -> ProgramEntry<'_> {
        self.program_index
            .entry(&self.catalog, program, texts, language)
    }

    /// The model.
    pub fn model(&self) -> &CareerModel {
        &self.model
    }

    /// Ranks everything for one profile.
    pub fn recommend(&self, profile: &Profile, limits: Limits) -> Recommendations<'_> {
        self.recommend_with(profile, limits, ProgramPreferences::default())
    }

    /// Ranks everything for a checked request: programs only among those
    /// its filter and preferences let through (none is an empty list).
    pub fn answer(&self, query: &Query) -> Recommendations<'_> {
        self.rank_all(
            &query.profile,
            query.limits,
            query.preferences,
            query.filter.as_ref(),
            query.view,
            query.language.language,
        )
    }

    /// Ranks everything for one profile, programs only among those that
    /// meet `preferences`.
    pub fn recommend_with(
        &self,
        profile: &Profile,
        limits: Limits,
        preferences: ProgramPreferences,
    ) -> Recommendations<'_> {
        self.rank_all(profile, limits, preferences, None, View::Full, Language::En)
    }

    fn rank_all(
        &self,
        profile: &Profile,
        limits: Limits,
        preferences: ProgramPreferences,
        filter: Option<&ProgramFilter>,
        view: View,
        language: Language,
    ) -> Recommendations<'_> {
        let explain = view == View::Full;
        // Spans of the steps, for traces; they cost a check when off.
        let assessment = tracing::debug_span!("score")
            .in_scope(|| self.model.assess(profile, limits.career_paths, explain));
        let settings = tracing::debug_span!("rank_settings").in_scope(|| {
            settings::rank(
                &self.catalog,
                &self.setting_texts,
                &assessment.probabilities,
                limits.work_settings,
                explain,
                language,
            )
        });
        let programs = tracing::debug_span!("rank_programs").in_scope(|| {
            let wanted = programs::Wanted {
                limit: limits.programs,
                preferences,
                filter,
                explain,
                language,
            };
            self.program_index
                .rank(&self.catalog, profile, &assessment.probabilities, wanted)
        });
        let mut career_paths = tracing::debug_span!("explain_career_paths").in_scope(|| {
            careers::rank(
                &self.catalog,
                self.model.targets(),
                &self.prepared_levels,
                profile,
                assessment,
                language,
            )
        });
        link_steps(&mut career_paths, &programs);
        Recommendations {
            career_paths,
            settings,
            programs,
        }
    }
}

/// Links each credential step to the answer's programs that lead to the
/// credential: a route through the program's level not known to be closed,
/// or an operator's word that it prepares for it.
fn link_steps<'a>(career_paths: &mut [CareerPathScore<'a>], programs: &[ProgramScore<'a>]) {
    for step in career_paths
        .iter_mut()
        .flat_map(|c| c.credential_steps.iter_mut())
    {
        step.programs = programs
            .iter()
            .filter(|p| {
                p.entry
                    .routes
                    .iter()
                    .any(|r| !r.route.closed() && r.route.credential == step.step.credential)
            })
            .map(|p| p.entry.program)
            .collect();
    }
}

/// Per credential: the credential levels of `catalog`'s programs that
/// prepare for it, lowest first.
fn prepared_levels(catalog: &Catalog) -> Vec<Vec<u32>> {
    catalog
        .credentials
        .iter()
        .map(|credential| {
            let mut levels: Vec<u32> = catalog
                .programs
                .values()
                .filter(|p| p.facts.prepares_for.contains(&credential.code))
                .map(|p| u32::from(p.credential_level))
                .collect();
            levels.sort_unstable();
            levels.dedup();
            levels
        })
        .collect()
}
