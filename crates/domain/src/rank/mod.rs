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
pub mod counsel;
mod path_words;
mod programs;
mod query;
mod reason;
mod reason_values;
pub mod replay;
mod settings;

pub use answer::{
    CareerPathScore, CredentialCheck, CredentialStep, CredentialToEarn, EducationStep, Move,
    Payback, ProgramEntry, ProgramScore, Reason, Recommendations, RouteEntry, Rule, SettingScore,
    SkillGap, SkillToLearn, StepKind,
};
pub use query::{Detail, ListLimits, ProgramPreferences, Query, QueryInput, LIMITS};
pub use reason::{DataSource, Datum, ReasonCode, Unit, Value};

use std::borrow::Cow;
use std::sync::Arc;

use crate::catalog::{Catalog, ProgramFilter};
use crate::language::Language;
use crate::model::CareerModel;
use crate::profile::Profile;
use counsel::Counsel;

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
    /// Every path's outlook and pay reasons.
    path_texts: Arc<counsel::prospects::PathTexts>,
    /// Per credential: the credential levels of programs that prepare for
    /// it, lowest first.
    prepared_levels: Vec<Vec<u32>>,
}

impl Recommender {
    /// Joins a catalog and a model checked against it.
    pub fn new(catalog: Catalog, model: CareerModel) -> Self {
        let program_index = programs::ProgramIndex::new(&catalog);
        let setting_texts = Arc::new(settings::texts(&catalog));
        let path_texts = Arc::new(counsel::prospects::PathTexts::new(&catalog));
        Self {
            prepared_levels: prepared_levels(&catalog),
            catalog,
            model: Arc::new(model),
            program_index,
            setting_texts,
            path_texts,
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
            path_texts: self.path_texts.clone(),
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
            path_texts: self.path_texts.clone(),
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
    pub fn recommend(&self, profile: &Profile, limits: ListLimits) -> Recommendations<'_> {
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
            query.detail,
            query.language.language,
        )
    }

    /// Ranks everything for one profile, programs only among those that
    /// meet `preferences`.
    pub fn recommend_with(
        &self,
        profile: &Profile,
        limits: ListLimits,
        preferences: ProgramPreferences,
    ) -> Recommendations<'_> {
        self.rank_all(
            profile,
            limits,
            preferences,
            None,
            Detail::Full,
            Language::En,
        )
    }

    fn rank_all(
        &self,
        profile: &Profile,
        limits: ListLimits,
        preferences: ProgramPreferences,
        filter: Option<&ProgramFilter>,
        detail: Detail,
        language: Language,
    ) -> Recommendations<'_> {
        let explain = detail == Detail::Full;
        let catalog = &self.catalog;
        // Spans of the steps, for traces; they cost a check when off.
        let (assessment, counsel) = tracing::debug_span!("score").in_scope(|| {
            let assessment = self.model.assess(profile, 0, false);
            let counsel = Counsel::new(catalog, profile, &assessment.fits, &assessment.pointing);
            (assessment, counsel)
        });
        let listed = counsel.listed();
        let shown: Vec<usize> = listed.iter().take(limits.career_paths).copied().collect();
        let weights = path_weights(&counsel, &shown, catalog.career_paths.len());
        let shown: Vec<careers::Shown<'_>> =
            tracing::debug_span!("explain_career_paths").in_scope(|| {
                shown
                    .iter()
                    .map(|&path| self.shown(profile, &counsel, path, explain))
                    .collect()
            });
        let settings = tracing::debug_span!("rank_settings").in_scope(|| {
            settings::rank(
                catalog,
                &self.setting_texts,
                &weights,
                limits.work_settings,
                explain,
                language,
            )
        });
        let programs = tracing::debug_span!("rank_programs").in_scope(|| {
            let routes: Vec<(usize, f64, &counsel::route::PathRoute<'_>)> = shown
                .iter()
                .map(|s| (s.explanation.class, weights[s.explanation.class], &s.route))
                .collect();
            let wants = programs::Wants::new(catalog, &routes);
            let wanted = programs::Wanted {
                wants: &wants,
                limit: limits.programs,
                preferences,
                filter,
                explain,
                language,
            };
            self.program_index.rank(catalog, profile, wanted)
        });
        let context = careers::Context {
            catalog,
            targets: self.model.targets(),
            prepared_levels: &self.prepared_levels,
            profile,
            counsel: &counsel,
            shares: &assessment.shares,
            prospects: &self.path_texts,
            explain,
            language,
        };
        let mut career_paths = careers::rank(&context, shown);
        link_steps(&mut career_paths, &programs);
        let standing = &counsel.standing;
        Recommendations {
            goal: standing.goal,
            goal_inferred: standing.inferred,
            score_meaning: counsel::texts::score_meaning(standing.goal, language),
            weak_career_paths: counsel.weak(),
            career_paths,
            settings,
            programs,
        }
    }

    /// A path the answer shows: its fit explained when `explain`, what
    /// each credential would do to its fit, and its route.
    fn shown(
        &self,
        profile: &Profile,
        counsel: &Counsel,
        path: usize,
        explain: bool,
    ) -> careers::Shown<'_> {
        let explanation = if explain {
            self.model.explain(profile, path)
        } else {
            crate::model::Explanation {
                class: path,
                interest_match: self.model.interest_match(profile, path),
                parts: Vec::new(),
                gaps: Vec::new(),
                credential_steps: Vec::new(),
            }
        };
        let gains = if explain {
            explanation.credential_steps.clone()
        } else {
            self.model.credential_gains(profile, path)
        };
        let gain = |c: usize| {
            gains
                .iter()
                .find(|s| s.credential == c)
                .map_or(0.0, |s| s.gain)
        };
        let route = counsel.route(&self.catalog, profile, path, gain);
        careers::Shown {
            explanation,
            gains,
            route,
        }
    }
}

/// Each path's weight in the settings and programs of the answer: the
/// shown paths' scores, summing to 1 (none, when no path is shown).
fn path_weights(counsel: &Counsel, shown: &[usize], paths: usize) -> Vec<f64> {
    let mut weights = vec![0.0; paths];
    let total: f64 = shown.iter().map(|&p| counsel.scores[p].score).sum();
    if total > 0.0 {
        for &p in shown {
            weights[p] = counsel.scores[p].score / total;
        }
    }
    weights
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
