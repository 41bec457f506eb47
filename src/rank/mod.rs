//! Ranking: career paths from the model, work settings from the paths and
//! the BLS staffing pattern, programs from the paths, the person's
//! education and state, and program outcomes.

mod careers;
mod program_outcomes;
mod programs;
mod settings;

use crate::catalog::Catalog;
use crate::model::{features, CareerModel};
use crate::profile::{FieldViolation, Profile};

/// One factor that raised or lowered an item's score.
#[derive(Debug, Clone, PartialEq)]
pub struct Reason {
    /// Machine-readable factor, e.g. `skill:clinical_coding`.
    pub factor: String,
    /// Signed contribution (see each ranker for its unit).
    pub contribution: f64,
    /// One human sentence.
    pub explanation: String,
}

/// A skill below a career path's typical level.
#[derive(Debug, Clone, PartialEq)]
pub struct SkillGap {
    /// Index into `Catalog::skills`.
    pub skill: usize,
    /// The profile's level.
    pub current: f64,
    /// The path's typical level.
    pub typical: f64,
    /// Rise of the path's score with the skill at the typical level.
    pub gain: f64,
}

/// A ranked career path.
#[derive(Debug, Clone, PartialEq)]
pub struct CareerPathScore {
    /// Index into `Catalog::career_paths`.
    pub path: usize,
    /// Probability in [0, 1].
    pub score: f64,
    /// Why.
    pub reasons: Vec<Reason>,
    /// What to learn next, most useful first.
    pub skill_gaps: Vec<SkillGap>,
}

/// A BLS cell of a setting: (career path index, index into the setting's
/// NAICS codes).
pub type CellRef = (usize, usize);

/// A ranked work setting.
#[derive(Debug, Clone, PartialEq)]
pub struct SettingScore {
    /// Index into `Catalog::settings`.
    pub setting: usize,
    /// Expected share of the person's likely paths working here, in [0, 1].
    pub score: f64,
    /// The cell whose wages represent the setting for this person.
    pub wages_cell: Option<CellRef>,
    /// The cells of the career paths named in the reasons.
    pub staffing: Vec<CellRef>,
    /// Why.
    pub reasons: Vec<Reason>,
}

/// A ranked program.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgramScore {
    /// Index into `Catalog::programs`.
    pub program: usize,
    /// Fit in [0, 1].
    pub score: f64,
    /// Why.
    pub reasons: Vec<Reason>,
}

/// Everything ranked for one profile.
#[derive(Debug, Clone, PartialEq)]
pub struct Recommendations {
    /// Best first.
    pub career_paths: Vec<CareerPathScore>,
    /// Best first.
    pub settings: Vec<SettingScore>,
    /// Best first.
    pub programs: Vec<ProgramScore>,
}

/// Hard requirements on recommended programs; unknown counts as not met.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ProgramPreferences {
    /// Only programs known to be accredited.
    pub require_accreditation: bool,
    /// Only programs known to be fully online.
    pub online_only: bool,
}

/// How many items of each kind to return.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Career paths.
    pub career_paths: usize,
    /// Work settings.
    pub work_settings: usize,
    /// Programs.
    pub programs: usize,
}

/// (field, default, maximum) of each limit.
pub const LIMITS: [(&str, usize, usize); 3] = [
    ("max_career_paths", 5, 50),
    ("max_work_settings", 5, 50),
    ("max_programs", 10, 100),
];

impl Limits {
    /// Checks requested limits: 0 means the default, above the maximum is a
    /// violation.
    pub fn check(requested: [u32; 3]) -> Result<Self, Vec<FieldViolation>> {
        let mut values = [0; 3];
        let mut violations = Vec::new();
        for (i, ((field, default, max), asked)) in LIMITS.iter().zip(requested).enumerate() {
            let asked = asked as usize;
            values[i] = match asked {
                0 => *default,
                n if n > *max => {
                    violations.push(FieldViolation::new(*field, format!("at most {max}")));
                    0
                }
                n => n,
            };
        }
        if violations.is_empty() {
            Ok(Self {
                career_paths: values[0],
                work_settings: values[1],
                programs: values[2],
            })
        } else {
            Err(violations)
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            career_paths: LIMITS[0].1,
            work_settings: LIMITS[1].1,
            programs: LIMITS[2].1,
        }
    }
}

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

    /// Ranks everything for one profile, programs only among those that
    /// meet `preferences`.
    pub fn recommend_with(
        &self,
        profile: &Profile,
        limits: Limits,
        preferences: ProgramPreferences,
    ) -> Recommendations {
        let reference = &self.model.artifact().reference;
        let mut x = Vec::with_capacity(reference.len());
        features::encode(profile, reference, &mut x);
        let probabilities = self.model.probabilities(&x);
        let career_paths = careers::rank(
            &self.catalog,
            &self.model,
            profile,
            &x,
            &probabilities,
            limits.career_paths,
        );
        let settings = settings::rank(
            &self.catalog,
            &self.setting_texts,
            &probabilities,
            limits.work_settings,
        );
        let programs = self.program_index.rank(
            &self.catalog,
            profile,
            &probabilities,
            limits.programs,
            preferences,
        );
        Recommendations {
            career_paths,
            settings,
            programs,
        }
    }
}

/// Indexes of the `k` largest scores, best first; ties keep catalog order.
pub(crate) fn top_k(scores: &[f64], k: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    let by_score = |a: &usize, b: &usize| scores[*b].total_cmp(&scores[*a]).then(a.cmp(b));
    if k < order.len() {
        order.select_nth_unstable_by(k, by_score);
        order.truncate(k);
    }
    order.sort_unstable_by(by_score);
    order
}

/// A count with thousands separators: `55530` -> `55,530`.
pub fn thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(55530), "55,530");
        assert_eq!(thousands(1234567), "1,234,567");
    }

    #[test]
    fn top_k_is_sorted_and_stable() {
        let scores = [0.1, 0.5, 0.5, 0.9, 0.0];
        assert_eq!(top_k(&scores, 3), vec![3, 1, 2]);
        assert_eq!(top_k(&scores, 10), vec![3, 1, 2, 0, 4]);
        assert!(top_k(&scores, 0).is_empty());
    }

    #[test]
    fn limits_default_and_maximum() {
        assert_eq!(Limits::check([0, 0, 0]).unwrap(), Limits::default());
        let err = Limits::check([51, 3, 101]).unwrap_err();
        let fields: Vec<_> = err.iter().map(|v| v.field.as_str()).collect();
        assert_eq!(fields, ["max_career_paths", "max_programs"]);
    }
}
