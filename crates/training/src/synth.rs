//! The public-data training set: profiles sampled around what each career
//! path typically asks of a person, as complete or as sparse as people fill
//! in a form.
//!
//! For each row:
//! 1. a career path is drawn with weight sqrt(its BLS employment in Health
//!    Care and Social Assistance), so common paths are more likely without
//!    drowning the rare ones;
//! 2. a form is drawn, how much of the profile the person gives:
//!
//!    | form | share | what it holds |
//!    |---|---|---|
//!    | credential only | 0.15 | one credential that leads to the path (a path none leads to draws a few skills instead) |
//!    | a few skills | 0.25 | 1 to 5 skills, drawn by their typical level squared (people name what their work is about), with a credential of the path (0.3) and education (0.3) |
//!    | interests only | 0.10 | the six interests |
//!    | education only | 0.05 | education |
//!    | a full form | 0.45 | every skill named with probability 0.7, interests (0.8), education (0.85), a credential of the path (0.4) |
//!
//! 3. a named skill is drawn around the path's typical level (see
//!    `catalog::requirements`) with normal noise (sd 0.2) plus one offset
//!    per person (sd 0.1, for people who rate themselves high or low),
//!    clipped to [0, 1]; a skill not named is unknown, not 0;
//! 4. interests are drawn around the path's O*NET interests (sd 0.25);
//! 5. education is drawn from the path's O*NET education shares.
//!
//! The shares of the forms and the probabilities are modelling choices,
//! not figures from a source: no public data says how people fill in
//! forms.

use rand::distributions::{Distribution, WeightedIndex};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::Normal;

use himrec_domain::catalog::Catalog;
use himrec_domain::profile::{EducationLevel, Profile};

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
const INTEREST_NOISE: f64 = 0.25;
const INTERESTS_MISSING: f64 = 0.2;
const EDUCATION_MISSING: f64 = 0.15;
const CREDENTIAL_HELD: f64 = 0.4;
const FEW_SKILLS_MAX: usize = 5;
const FEW_SKILLS_EXTRA: f64 = 0.3;

/// How much of a profile a sampled person gives, with each form's share.
const FORMS: [(Form, f64); 5] = [
    (Form::CredentialOnly, 0.15),
    (Form::FewSkills, 0.25),
    (Form::InterestsOnly, 0.10),
    (Form::EducationOnly, 0.05),
    (Form::Full, 0.45),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    CredentialOnly,
    FewSkills,
    InterestsOnly,
    EducationOnly,
    Full,
}

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
            p.said.iter_mut().for_each(|s| *s = false);
            p.vouched_by.iter_mut().for_each(|s| *s = None);
            p.credentials.clear();
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
    let forms = WeightedIndex::new(FORMS.map(|(_, w)| w)).expect("form shares are positive");
    let leading: Vec<Vec<usize>> = (0..catalog.career_paths.len())
        .map(|path| catalog.credentials_leading_to(path))
        .collect();
    let mut profiles = Vec::with_capacity(config.rows);
    let mut labels = Vec::with_capacity(config.rows);
    for _ in 0..config.rows {
        let class = classes.sample(&mut rng);
        let mut form = FORMS[forms.sample(&mut rng)].0;
        if form == Form::CredentialOnly && leading[class].is_empty() {
            form = Form::FewSkills;
        }
        let person = Person {
            catalog,
            path: class,
            credentials: &leading[class],
        };
        profiles.push(person.draw(form, &mut rng));
        labels.push(class);
    }
    (profiles, labels)
}

/// One sampled person's path and what the sampler needs of it.
struct Person<'a> {
    catalog: &'a Catalog,
    path: usize,
    credentials: &'a [usize],
}

impl Person<'_> {
    fn draw(&self, form: Form, rng: &mut ChaCha8Rng) -> Profile {
        let unit = Normal::new(0.0, 1.0).expect("valid normal");
        let path = &self.catalog.career_paths[self.path];
        let offset = PERSON_OFFSET * unit.sample(rng);
        let n = path.typical_skills.len();
        let named: Vec<bool> = match form {
            Form::Full => (0..n).map(|_| !rng.gen_bool(SKILL_UNSTATED)).collect(),
            Form::FewSkills => {
                let k = rng.gen_range(1..=FEW_SKILLS_MAX);
                let mut weights: Vec<f64> =
                    path.typical_skills.iter().map(|t| t * t + 1e-3).collect();
                let mut named = vec![false; n];
                for _ in 0..k {
                    let pick = WeightedIndex::new(&weights)
                        .expect("a weight is positive")
                        .sample(rng);
                    named[pick] = true;
                    weights[pick] = 0.0;
                }
                named
            }
            _ => vec![false; n],
        };
        let skills: Vec<Option<f64>> = path
            .typical_skills
            .iter()
            .zip(&named)
            .map(|(typical, named)| {
                let value = (typical + offset + SKILL_NOISE * unit.sample(rng)).clamp(0.0, 1.0);
                named.then_some(value)
            })
            .collect();
        let (interests, education, credential) = match form {
            Form::Full => (
                !rng.gen_bool(INTERESTS_MISSING),
                !rng.gen_bool(EDUCATION_MISSING),
                rng.gen_bool(CREDENTIAL_HELD),
            ),
            Form::FewSkills => (
                false,
                rng.gen_bool(FEW_SKILLS_EXTRA),
                rng.gen_bool(FEW_SKILLS_EXTRA),
            ),
            Form::CredentialOnly => (false, false, true),
            Form::InterestsOnly => (true, false, false),
            Form::EducationOnly => (false, true, false),
        };
        let interests = interests.then(|| {
            path.interests
                .map(|typical| (typical + INTEREST_NOISE * unit.sample(rng)).clamp(0.0, 1.0))
        });
        let education = education.then(|| {
            let shares = WeightedIndex::new(path.education).expect("education shares sum to 1");
            EducationLevel::from_onet_category(shares.sample(rng) + 1)
        });
        let mut profile = Profile::new(skills, interests, education);
        if credential && !self.credentials.is_empty() {
            let pick = self.credentials[rng.gen_range(0..self.credentials.len())];
            profile.hold(self.catalog, pick);
        }
        profile
    }
}

/// Profiles drawn from no path at all: every skill, interest and education
/// level uniform, left out as often as in a full form, and a credential
/// drawn uniformly as often as a full form holds one. A path's fit learns
/// what sets its people apart from these (`himrec_domain::model::fit`).
pub fn background(catalog: &Catalog, rows: usize, seed: u64) -> Vec<Profile> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let n_skills = catalog.skills.len();
    (0..rows)
        .map(|_| {
            let skills: Vec<Option<f64>> = (0..n_skills)
                .map(|_| {
                    let value: f64 = rng.gen();
                    (!rng.gen_bool(SKILL_UNSTATED)).then_some(value)
                })
                .collect();
            let interests = (!rng.gen_bool(INTERESTS_MISSING))
                .then(|| std::array::from_fn(|_| rng.gen::<f64>()));
            let education = (!rng.gen_bool(EDUCATION_MISSING))
                .then(|| EducationLevel::ALL[rng.gen_range(0..EducationLevel::ALL.len())]);
            let mut profile = Profile::new(skills, interests, education);
            if rng.gen_bool(CREDENTIAL_HELD) {
                profile.hold(catalog, rng.gen_range(0..catalog.credentials.len()));
            }
            profile
        })
        .collect()
}
