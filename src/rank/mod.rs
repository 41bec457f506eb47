//! Ranking: career paths from the model, work settings from the paths and
//! the BLS staffing pattern, programs from the paths, the person's
//! education and state, and program outcomes.
//!
//! A request is checked into a [`Query`] ([`query`]), scored by the model
//! in one call, and ranked into [`Recommendations`] ([`answer`]).

mod answer;
mod careers;
mod programs;
mod query;
mod settings;

pub use answer::{
    CareerPathScore, CellRef, ProgramScore, Reason, Recommendations, SettingScore, SkillGap,
};
pub use query::{Limits, ProgramPreferences, Query, QueryInput, View, LIMITS};

use crate::catalog::{Catalog, ProgramFilter};
use crate::model::CareerModel;
use crate::profile::Profile;

/// The catalog and the model that ranks it, checked to fit each other.
#[derive(Debug)]
pub struct Recommender {
    catalog: Catalog,
    model: CareerModel,
    program_index: programs::ProgramIndex,
    setting_texts: settings::SettingTexts,
}

impl Recommender {
    /// Joins a catalog and a model checked against it.
    pub fn new(catalog: Catalog, model: CareerModel) -> Self {
        let program_index = programs::ProgramIndex::new(&catalog);
        let setting_texts = settings::texts(&catalog);
        Self {
            catalog,
            model,
            program_index,
            setting_texts,
        }
    }

    /// The catalog.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The model.
    pub fn model(&self) -> &CareerModel {
        &self.model
    }

    /// Ranks everything for one profile.
    pub fn recommend(&self, profile: &Profile, limits: Limits) -> Recommendations {
        self.recommend_with(profile, limits, ProgramPreferences::default())
    }

    /// Ranks everything for a checked request: programs only among those
    /// its filter and preferences let through (none is an empty list).
    pub fn answer(&self, query: &Query) -> Recommendations {
        self.rank_all(
            &query.profile,
            query.limits,
            query.preferences,
            query.filter.as_ref(),
            query.view,
        )
    }

    /// Ranks everything for one profile, programs only among those that
    /// meet `preferences`.
    pub fn recommend_with(
        &self,
        profile: &Profile,
        limits: Limits,
        preferences: ProgramPreferences,
    ) -> Recommendations {
        self.rank_all(profile, limits, preferences, None, View::Full)
    }

    fn rank_all(
        &self,
        profile: &Profile,
        limits: Limits,
        preferences: ProgramPreferences,
        filter: Option<&ProgramFilter>,
        view: View,
    ) -> Recommendations {
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
            )
        });
        let programs = tracing::debug_span!("rank_programs").in_scope(|| {
            let wanted = programs::Wanted {
                limit: limits.programs,
                preferences,
                filter,
                explain,
            };
            self.program_index
                .rank(&self.catalog, profile, &assessment.probabilities, wanted)
        });
        let career_paths = tracing::debug_span!("explain_career_paths")
            .in_scope(|| careers::rank(&self.catalog, &self.model, profile, assessment));
        Recommendations {
            career_paths,
            settings,
            programs,
        }
    }
}
