//! A career path's fit: how well a profile meets what people on the path
//! bring, as the share of people sampled on that path whom it meets at
//! least as well. Each path is judged on its own, so several can fit well.
//!
//! For path `c`, a profile becomes `n + 3` closeness features, each in
//! [0, 1] and 1 at or beyond the path's typical profile:
//!
//! - per skill: `1 - max(0, typical - level)`, the level after the floors
//!   of credentials and work held (each vouches for the skills it shows);
//!   a level above typical counts as typical: bringing more than a path
//!   asks is never a fault of the fit;
//! - **interests**: `(r + 1) / 2`, `r` the Pearson correlation of the six
//!   RIASEC scores with the path's (O*NET Interest Profiler's own match);
//! - **education**: `1 - max(0, usual - level) / 9` on the ten education
//!   levels, `usual` the path's most common (O*NET): more education than
//!   the path usually asks counts as the usual level;
//! - **credential**: 1 when the profile holds a credential that leads to
//!   the path (`data/catalog/credentials.csv`).
//!
//! What the person did not say is unknown, not lacking: a skill not named,
//! interests or education not given, and no credential for the path take
//! the path's reference value, the mean over its sampled people who state
//! it, so they neither help nor hurt. A skill not named but vouched for by
//! a credential counts at the credential's floor or the reference,
//! whichever is closer to typical, and so does one not named by a person
//! who names the occupation they work in, at the level typical of its
//! workers (O*NET). A skill named with 0 counts as 0. The match is `m = w . f`, with weights learned per path by
//! logistic regression (linfa) of "sampled on this path" against the other
//! paths' people, negative weights set to 0; the fit is the share of the
//! path's own sampled people, described in full ([`describes_fully`]),
//! whose match is at most `m` (from stored
//! quantiles, linear between them). Every feature is monotone towards the
//! typical profile and no weight is negative, so moving a skill towards the
//! path's typical level, adding a credential, or moving education towards
//! the usual level never lowers the fit; a skill stated far above the
//! path's level, or education far above its usual level, may.

use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;
use crate::profile::{EducationLevel, Profile};

/// How much a unit of evidence (log-odds) counts against the fit in the
/// ranking ([`PathFit::rank`]); chosen on the held-out evaluation, where,
/// against the fit alone, it lifts credential-only profiles' own path
/// first from 0.71 to 0.81, one-or-two-skill profiles' from 0.51 to 0.53,
/// interests-only agreement with O*NET's matching from 0.70 to 0.98 and
/// O*NET Related Occupations in a typical profile's top three from 10 to
/// 12 of 13 paths, while profiles of six or more skills keep their own
/// path first for 0.914 rather than 0.930.
pub const EVIDENCE_WEIGHT: f64 = 1.0;

/// Skills a profile names for it to describe a person in full.
pub const FULL_PROFILE_SKILLS: usize = 6;

/// Whether `profile` describes its person in full (names at least
/// [`FULL_PROFILE_SKILLS`] skills): the fit compares a profile with the
/// path's people as they are, so its quantiles are read over them, not
/// over how briefly some of them fill in a form (a brief form puts many
/// people on one match, the reference, and would make every small step
/// from it a large change of fit).
pub fn describes_fully(profile: &Profile) -> bool {
    profile.skills_said() >= FULL_PROFILE_SKILLS
}

/// Quantiles stored per path: 0%, 1%, ..., 100%.
pub const QUANTILES: usize = 101;

/// The fit's parameters: one [`PathFit`] per career path, in class order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FitParams {
    /// Per path.
    pub paths: Vec<PathFit>,
}

/// One path's fit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PathFit {
    /// Weight of each closeness feature (skills, interests, education,
    /// credential), none negative.
    pub weights: Vec<f64>,
    /// Each closeness feature's mean over the path's sampled people.
    pub reference: Vec<f64>,
    /// The match at each of [`QUANTILES`] quantiles of the path's sampled
    /// people, lowest first.
    pub quantiles: Vec<f64>,
    /// Each closeness feature's mean over everyone sampled, on every path,
    /// who states it (the interests' is the reference): the field's level,
    /// from which a stated part is evidence for or against the path.
    pub field: Vec<f64>,
}

/// What the fit needs of a career path from the catalog.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    /// Typical level of each skill.
    pub typical: Vec<f64>,
    /// O*NET interests scaled to [0, 1].
    pub interests: [f64; 6],
    /// The most common education level.
    pub usual_education: EducationLevel,
    /// The credentials that lead to the path, by catalog index.
    pub credentials: Vec<usize>,
}

impl Target {
    /// The target of career path `index`.
    pub fn of(catalog: &Catalog, index: usize) -> Self {
        let path = &catalog.career_paths[index];
        let category = path
            .education
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0)))
            .map_or(1, |(i, _)| i + 1);
        Self {
            typical: path.typical_skills.clone(),
            interests: path.interests,
            usual_education: EducationLevel::from_onet_category(category),
            credentials: catalog.credentials_leading_to(index),
        }
    }

    /// Every path's target, in catalog order.
    pub fn all(catalog: &Catalog) -> Vec<Self> {
        (0..catalog.career_paths.len())
            .map(|i| Self::of(catalog, i))
            .collect()
    }

    /// Whether `profile` holds a credential that leads to the path.
    pub fn credentialed(&self, profile: &Profile) -> bool {
        profile
            .credentials
            .iter()
            .any(|c| self.credentials.contains(c))
    }
}

/// Index of the interests feature for `n` skills.
pub fn interests_feature(n: usize) -> usize {
    n
}

/// Index of the education feature for `n` skills.
pub fn education_feature(n: usize) -> usize {
    n + 1
}

/// Index of the credential feature for `n` skills.
pub fn credential_feature(n: usize) -> usize {
    n + 2
}

/// The number of closeness features for `n` skills.
pub fn dimensions(n: usize) -> usize {
    n + 3
}

/// Pearson correlation of two score vectors; 0 when either is flat.
pub fn pearson(a: &[f64; 6], b: &[f64; 6]) -> f64 {
    let mean = |v: &[f64; 6]| v.iter().sum::<f64>() / 6.0;
    let (ma, mb) = (mean(a), mean(b));
    let (mut ab, mut aa, mut bb) = (0.0, 0.0, 0.0);
    for i in 0..6 {
        let (x, y) = (a[i] - ma, b[i] - mb);
        ab += x * y;
        aa += x * x;
        bb += y * y;
    }
    if aa <= 1e-12 || bb <= 1e-12 {
        0.0
    } else {
        (ab / (aa * bb).sqrt()).clamp(-1.0, 1.0)
    }
}

/// Closeness of an education level to the usual one, in [0, 1]: 1 at or
/// above it.
pub fn education_closeness(level: EducationLevel, usual: EducationLevel) -> f64 {
    let span = (EducationLevel::ALL.len() - 1) as f64;
    1.0 - (usual as i32 - level as i32).max(0) as f64 / span
}

/// Writes the closeness features of `profile` to `target` into `out`
/// (cleared first); what the profile does not say takes `fill`'s values
/// (a `fill` of NaN leaves it NaN, which training uses to find what was
/// said).
pub fn closeness(profile: &Profile, target: &Target, fill: &[f64], out: &mut Vec<f64>) {
    let n = target.typical.len();
    out.clear();
    out.extend((0..n).map(|s| {
        let value = 1.0 - (target.typical[s] - profile.skills[s]).max(0.0);
        match (profile.said[s], profile.vouched_by[s]) {
            (true, _) => value,
            // A credential's floor, or the level typical of the
            // occupation worked in, says "at least this": never below
            // not saying.
            (false, Some(_)) if value > fill[s] => value,
            _ => fill[s],
        }
    }));
    out.push(match &profile.interests {
        Some(scores) => (pearson(scores, &target.interests) + 1.0) / 2.0,
        None => fill[interests_feature(n)],
    });
    out.push(match profile.education {
        Some(level) => education_closeness(level, target.usual_education),
        None => fill[education_feature(n)],
    });
    out.push(if target.credentialed(profile) {
        1.0
    } else {
        fill[credential_feature(n)]
    });
}

impl PathFit {
    /// The match of a closeness vector.
    pub fn matching(&self, features: &[f64]) -> f64 {
        self.weights.iter().zip(features).map(|(w, f)| w * f).sum()
    }

    /// The fit of a match: the share of the path's sampled people whose
    /// match is at most `m`, linear between the stored quantiles.
    pub fn fit(&self, m: f64) -> f64 {
        let q = &self.quantiles;
        let last = q.len() - 1;
        if m < q[0] {
            return 0.0;
        }
        if m >= q[last] {
            return 1.0;
        }
        // The last quantile at or below m: q[k] <= m < q[k + 1].
        let k = q.partition_point(|v| *v <= m) - 1;
        let within = if q[k + 1] > q[k] {
            (m - q[k]) / (q[k + 1] - q[k])
        } else {
            0.0
        };
        ((k as f64 + within) / last as f64).clamp(0.0, 1.0)
    }

    /// The key paths are ranked by: [`Self::standing`] plus
    /// [`EVIDENCE_WEIGHT`] times `evidence` ([`Self::evidence`]). Paths
    /// the fit finds close are ordered by how much of what was said points
    /// to each; a profile of interests alone is ranked as its correlations
    /// rank the paths (one interest weight and reference for all), which is
    /// O*NET Interest Profiler's own matching.
    pub fn rank(&self, m: f64, evidence: f64) -> f64 {
        self.standing(m) + EVIDENCE_WEIGHT * evidence
    }

    /// What the stated parts say for the path against the field:
    /// `w . (f - field)` over the features `said` holds (finite; NaN is
    /// not said), in log-odds of "on this path", a scale every path shares.
    /// A coder's coding is evidence for the coding paths and against the
    /// clerical ones; nothing said is no evidence.
    pub fn evidence(&self, said: &[f64]) -> f64 {
        self.weights
            .iter()
            .zip(said)
            .zip(&self.field)
            .filter(|((_, f), _)| f.is_finite())
            .map(|((w, f), base)| w * (f - base))
            .sum()
    }

    /// [`Self::fit`] extended linearly below 0 and above 1 (by the match's
    /// distance beyond the lowest or highest quantile, over the quantiles'
    /// span): equal to the fit within [0, 1], and still ordering matches
    /// the fit floors at 0 or caps at 1. Reasons measure contributions on
    /// it, and the ranking starts from it ([`Self::rank`]).
    pub fn standing(&self, m: f64) -> f64 {
        let q = &self.quantiles;
        let (low, high) = (q[0], q[q.len() - 1]);
        let span = (high - low).max(f64::EPSILON);
        if m < low {
            (m - low) / span
        } else if m > high {
            1.0 + (m - high) / span
        } else {
            self.fit(m)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fit_reads_the_quantiles() {
        let path = PathFit {
            weights: vec![1.0],
            reference: vec![0.5],
            quantiles: (0..QUANTILES).map(|k| k as f64 / 100.0).collect(),
            field: vec![0.5],
        };
        assert_eq!(path.fit(-1.0), 0.0);
        assert_eq!(path.fit(2.0), 1.0);
        assert!((path.fit(0.7) - 0.7).abs() < 1e-12);
        assert!((path.fit(0.705) - 0.705).abs() < 1e-12);
        assert_eq!(path.standing(0.7), path.fit(0.7));
        assert!((path.standing(-0.5) + 0.5).abs() < 1e-12);
        assert!((path.standing(1.25) - 1.25).abs() < 1e-12);
    }

    #[test]
    fn interest_match_is_pearsons_r() {
        let a = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6];
        assert!((pearson(&a, &a) - 1.0).abs() < 1e-12);
        let b = [0.6, 0.5, 0.4, 0.3, 0.2, 0.1];
        assert!((pearson(&a, &b) + 1.0).abs() < 1e-12);
        assert_eq!(pearson(&a, &[0.5; 6]), 0.0);
        use EducationLevel::*;
        assert_eq!(education_closeness(Bachelor, Bachelor), 1.0);
        assert!(
            education_closeness(Associate, Bachelor) > education_closeness(HighSchool, Bachelor)
        );
        assert_eq!(education_closeness(Doctorate, Bachelor), 1.0);
    }
}
