//! The public-data training set: profiles sampled around what each career
//! path typically asks of a person.
//!
//! For each row:
//! 1. a career path is drawn with weight sqrt(its BLS employment in Health
//!    Care and Social Assistance), so common paths are more likely without
//!    drowning the rare ones;
//! 2. every skill is drawn around the path's typical level (see
//!    `catalog::requirements`) with normal noise (sd 0.2) plus one offset
//!    per person (sd 0.1, for people who rate themselves high or low),
//!    clipped to [0, 1]; each skill is left unstated (0) with probability
//!    0.3;
//! 3. interests are drawn around the path's O*NET interests (sd 0.15), or
//!    left out with probability 0.2;
//! 4. education is drawn from the path's O*NET education shares, or left
//!    out with probability 0.15;
//! 5. some rows are partial on purpose, as people fill in only part of a
//!    form: 10% keep only interests (and education), 10% only skills, 5%
//!    only education.

use rand::distributions::{Distribution, WeightedIndex};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::Normal;

use crate::catalog::Catalog;
use crate::profile::{EducationLevel, Profile};

/// How the training profiles are drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SynthConfig {
    /// Rows to draw.
    pub rows: usize,
    /// Seed of the random stream.
    pub seed: u64,
}

const SKILL_NOISE: f64 = 0.2;
const PERSON_OFFSET: f64 = 0.1;
const SKILL_UNSTATED: f64 = 0.3;
const INTEREST_NOISE: f64 = 0.15;
const INTERESTS_MISSING: f64 = 0.2;
const EDUCATION_MISSING: f64 = 0.15;
const INTERESTS_ONLY: f64 = 0.10;
const SKILLS_ONLY: f64 = 0.10;
const EDUCATION_ONLY: f64 = 0.05;

/// Which parts of a profile a row or an evaluation slice keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parts {
    /// Everything drawn.
    All,
    /// Interests and education, no skills.
    InterestsOnly,
    /// Skills, no interests or education.
    SkillsOnly,
    /// Education alone.
    EducationOnly,
}

impl Parts {
    /// The profile with only these parts kept.
    pub fn keep(self, profile: &Profile) -> Profile {
        let mut p = profile.clone();
        let no_skills = |p: &mut Profile| {
            p.skills.iter_mut().for_each(|s| *s = 0.0);
            p.stated_skills.iter_mut().for_each(|s| *s = 0.0);
        };
        match self {
            Self::All => {}
            Self::InterestsOnly => no_skills(&mut p),
            Self::SkillsOnly => {
                p.interests = None;
                p.education = None;
            }
            Self::EducationOnly => {
                no_skills(&mut p);
                p.interests = None;
            }
        }
        p
    }

    /// Name in reports.
    pub fn name(self) -> &'static str {
        match self {
            Self::All => "all held-out rows",
            Self::InterestsOnly => "interests only",
            Self::SkillsOnly => "skills only",
            Self::EducationOnly => "education only",
        }
    }
}

/// Weight of each career path when drawing rows.
pub fn class_weights(catalog: &Catalog) -> Vec<f64> {
    catalog
        .career_paths
        .iter()
        .map(|p| {
            let employment = p
                .health_care_employment
                .or(p.national.employment)
                .unwrap_or(1);
            f64::from(employment.max(1)).sqrt()
        })
        .collect()
}

/// Draws `config.rows` profiles with the index of the path each was drawn
/// around. The same config and catalog give the same rows.
pub fn sample(catalog: &Catalog, config: SynthConfig) -> (Vec<Profile>, Vec<usize>) {
    let mut rng = ChaCha8Rng::seed_from_u64(config.seed);
    let classes = WeightedIndex::new(class_weights(catalog)).expect("weights are positive");
    let unit = Normal::new(0.0, 1.0).expect("valid normal");
    let mut profiles = Vec::with_capacity(config.rows);
    let mut labels = Vec::with_capacity(config.rows);
    for _ in 0..config.rows {
        let class = classes.sample(&mut rng);
        let path = &catalog.career_paths[class];
        let offset = PERSON_OFFSET * unit.sample(&mut rng);
        let skills: Vec<f64> = path
            .typical_skills
            .iter()
            .map(|typical| {
                let value =
                    (typical + offset + SKILL_NOISE * unit.sample(&mut rng)).clamp(0.0, 1.0);
                if rng.gen_bool(SKILL_UNSTATED) {
                    0.0
                } else {
                    value
                }
            })
            .collect();
        let interests = (!rng.gen_bool(INTERESTS_MISSING)).then(|| {
            path.interests
                .map(|typical| (typical + INTEREST_NOISE * unit.sample(&mut rng)).clamp(0.0, 1.0))
        });
        let education = (!rng.gen_bool(EDUCATION_MISSING)).then(|| {
            let shares = WeightedIndex::new(path.education).expect("education shares sum to 1");
            EducationLevel::from_onet_category(shares.sample(&mut rng) + 1)
        });
        let profile = Profile::new(skills, interests, education);
        profiles.push(draw_parts(&mut rng).keep(&profile));
        labels.push(class);
    }
    (profiles, labels)
}

/// Which parts a drawn row keeps.
fn draw_parts(rng: &mut ChaCha8Rng) -> Parts {
    let draw: f64 = rng.gen();
    if draw < INTERESTS_ONLY {
        Parts::InterestsOnly
    } else if draw < INTERESTS_ONLY + SKILLS_ONLY {
        Parts::SkillsOnly
    } else if draw < INTERESTS_ONLY + SKILLS_ONLY + EDUCATION_ONLY {
        Parts::EducationOnly
    } else {
        Parts::All
    }
}

/// Profiles drawn from no path at all: every skill, interest and education
/// level uniform, left out as often as in [`sample`]. A path's fit learns
/// what sets its people apart from these (`crate::model::fit`).
pub fn background(catalog: &Catalog, rows: usize, seed: u64) -> Vec<Profile> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let n_skills = catalog.skills.len();
    (0..rows)
        .map(|_| {
            let skills: Vec<f64> = (0..n_skills)
                .map(|_| {
                    let value: f64 = rng.gen();
                    if rng.gen_bool(SKILL_UNSTATED) {
                        0.0
                    } else {
                        value
                    }
                })
                .collect();
            let interests = (!rng.gen_bool(INTERESTS_MISSING))
                .then(|| std::array::from_fn(|_| rng.gen::<f64>()));
            let education = (!rng.gen_bool(EDUCATION_MISSING))
                .then(|| EducationLevel::ALL[rng.gen_range(0..EducationLevel::ALL.len())]);
            draw_parts(&mut rng).keep(&Profile::new(skills, interests, education))
        })
        .collect()
}
