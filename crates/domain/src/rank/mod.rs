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
    CareerPathScore, CellRef, CredentialStep, Payback, ProgramScore, Reason, Recommendations,
    SettingScore, SkillGap,
};
pub use query::{Limits, ProgramPreferences, Query, QueryInput, View, LIMITS};
pub use reason::{Datum, ReasonCode, Source, Unit, Value};

use crate::catalog::{Catalog, CredentialRoute, ProgramFilter};
use crate::language::Language;
use crate::model::CareerModel;
use crate::profile::Profile;

/// The catalog and the model that ranks it, checked to fit each other.
#[derive(Debug)]
pub struct Recommender {
    catalog: Catalog,
    model: CareerModel,
    program_index: programs::ProgramIndex,
    setting_texts: settings::SettingTexts,
    /// Per credential: the credential levels of programs that prepare for
    /// it, lowest first.
    prepared_levels: Vec<Vec<u32>>,
}

impl Recommender {
    /// Joins a catalog and a model checked against it.
    pub fn new(catalog: Catalog, model: CareerModel) -> Self {
        let program_index = programs::ProgramIndex::new(&catalog);
        let setting_texts = settings::texts(&catalog);
        let prepared_levels = (0..catalog.credentials.len())
            .map(|c| {
                let code = &catalog.credentials[c].code;
                let mut levels: Vec<u32> = catalog
                    .programs
                    .iter()
                    .filter(|p| p.facts.prepares_for.contains(code))
                    .map(|p| u32::from(p.credential_level))
                    .collect();
                levels.sort_unstable();
                levels.dedup();
                levels
            })
            .collect();
        Self {
            catalog,
            model,
            program_index,
            setting_texts,
            prepared_levels,
        }
    }

    /// The catalog.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The credential levels of the programs that prepare for credential
    /// `credential` (an index into the catalog's credentials), lowest first.
    pub fn prepared_levels(&self, credential: usize) -> &[u32] {
        &self.prepared_levels[credential]
    }

    /// Every campus Scorecard reports together with program `program` (an
    /// index into the catalog's programs), itself included; empty when it
    /// is reported alone.
    pub fn campuses(&self, program: usize) -> &[usize] {
        self.program_index.units.campuses(program)
    }

    /// The sentence of a program's route to a credential (the same as
    /// [`CredentialRoute::describe`], written once).
    pub fn route_explanation(&self, route: &CredentialRoute, language: Language) -> String {
        match self.program_index.route_texts.get(route) {
            Some(texts) => texts[language.index()].clone(),
            None => route.describe_in(&self.catalog, language),
        }
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
    ) -> Recommendations {
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
                profile,
                assessment,
                language,
            )
        });
        self.link_steps(&mut career_paths, &programs);
        Recommendations {
            career_paths,
            settings,
            programs,
        }
    }

    /// Links each credential step to the answer's programs that lead to
    /// the credential: a route through the program's level not known to be
    /// closed, or an operator's word that it prepares for it.
    fn link_steps(&self, career_paths: &mut [CareerPathScore], programs: &[ProgramScore]) {
        if career_paths.iter().all(|c| c.credential_steps.is_empty()) {
            return;
        }
        let routes: Vec<(usize, Vec<usize>)> = programs
            .iter()
            .map(|p| {
                let open = self
                    .catalog
                    .credential_routes(&self.catalog.programs[p.program])
                    .into_iter()
                    .filter(|r| !r.closed())
                    .map(|r| r.credential)
                    .collect();
                (p.program, open)
            })
            .collect();
        for step in career_paths
            .iter_mut()
            .flat_map(|c| c.credential_steps.iter_mut())
        {
            step.programs = routes
                .iter()
                .filter(|(_, open)| open.contains(&step.credential))
                .map(|(program, _)| *program)
                .collect();
        }
    }
}
