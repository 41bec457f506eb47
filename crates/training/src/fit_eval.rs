//! The fit's evaluation: (a) its reliability in its own meaning on
//! held-out rows, (b) monotonicity towards each path's needs, (c) each
//! path's own typical profile against O*NET's Related Occupations, and (d)
//! interests-only profiles against O*NET Interest Profiler matching.

use super::split::Split;
use super::synth::Parts;
use himrec_domain::catalog::Catalog;
use himrec_domain::model::fit::{describes_fully, education_closeness, pearson};
use himrec_domain::model::report::{FitQuantile, FitReport};
use himrec_domain::model::CareerModel;
use himrec_domain::profile::{EducationLevel, Profile};

/// Held-out rows the monotonicity check perturbs.
const MONOTONICITY_ROWS: usize = 500;
/// How far a skill is raised towards its typical level.
const SKILL_STEP: f64 = 0.1;

/// Evaluates the fit of `model` on the held-out part of `split`.
pub(super) fn report(catalog: &Catalog, model: &CareerModel, split: &Split) -> FitReport {
    let n_paths = catalog.career_paths.len();
    let full: Vec<&Profile> = split.test.iter().collect();
    let fits: Vec<Vec<f64>> = full
        .iter()
        .map(|p| (0..n_paths).map(|c| model.fit(c, p)).collect())
        .collect();

    // (a) Reliability of the own path's fit, over the people it compares
    // with: those described in full.
    let own: Vec<f64> = fits
        .iter()
        .zip(&split.test_labels)
        .zip(&full)
        .filter(|(_, p)| describes_fully(p))
        .map(|((f, &c), _)| f[c])
        .collect();
    let calibration: Vec<FitQuantile> = (1..10)
        .map(|k| {
            let q = f64::from(k) / 10.0;
            let below = own.iter().filter(|f| **f <= q).count();
            FitQuantile {
                q,
                share_at_or_below: below as f64 / own.len().max(1) as f64,
            }
        })
        .collect();
    let calibration_max_gap = calibration
        .iter()
        .map(|b| (b.share_at_or_below - b.q).abs())
        .fold(0.0, f64::max);
    let place = |f: &[f64], c: usize| f.iter().filter(|&&x| x > f[c]).count();
    let own_path_first = share(&fits, &split.test_labels, |f, c| place(f, c) == 0);
    let own_path_top3 = share(&fits, &split.test_labels, |f, c| place(f, c) < 3);

    // (b) Monotonicity.
    let leads_to: Vec<Vec<usize>> = (0..catalog.credentials.len())
        .map(|c| catalog.credential_paths(c))
        .collect();
    let (mut checks, mut violations) = (0, 0);
    for profile in full.iter().take(MONOTONICITY_ROWS) {
        for (c, target) in model.targets().iter().enumerate() {
            let before = model.fit(c, profile);
            let credentials = (0..leads_to.len()).filter(|k| leads_to[*k].contains(&c));
            for changed in towards(
                catalog,
                profile,
                credentials,
                &target.typical,
                target.usual_education,
            ) {
                checks += 1;
                if model.fit(c, &changed) < before - 1e-12 {
                    violations += 1;
                }
            }
        }
    }

    // (c) Each path's typical profile.
    let (mut typical_first, mut related_in_top3, mut with_related) = (0, 0, 0);
    for (c, target) in model.targets().iter().enumerate() {
        let typical = Profile::new(
            target.typical.iter().map(|t| Some(*t)).collect(),
            Some(target.interests),
            Some(target.usual_education),
        );
        let assessment = model.assess(&typical, 3, false);
        let top: Vec<usize> = assessment.explained.iter().map(|e| e.class).collect();
        if top.first() == Some(&c) {
            typical_first += 1;
        }
        let related = &catalog.career_paths[c].related;
        if !related.is_empty() {
            with_related += 1;
            if top.iter().any(|t| related.contains(t)) {
                related_in_top3 += 1;
            }
        }
    }

    // (d) Interests only, against the Interest Profiler's match.
    let mut correlations = Vec::new();
    for profile in &split.test {
        let kept = Parts::InterestsOnly.keep(profile);
        let Some(interests) = kept.interests else {
            continue;
        };
        let fits: Vec<f64> = (0..n_paths).map(|c| model.fit(c, &kept)).collect();
        let profiler: Vec<f64> = catalog
            .career_paths
            .iter()
            .map(|p| pearson(&interests, &p.interests))
            .collect();
        correlations.push(spearman(&fits, &profiler));
    }
    FitReport {
        calibration,
        calibration_max_gap,
        monotonicity_checks: checks,
        monotonicity_violations: violations,
        typical_first,
        typical_paths: n_paths,
        related_in_top3,
        with_related,
        interest_rank_correlation: correlations.iter().sum::<f64>()
            / correlations.len().max(1) as f64,
        interest_profiles: correlations.len(),
        own_path_first,
        own_path_top3,
    }
}

fn share(fits: &[Vec<f64>], labels: &[usize], hit: impl Fn(&[f64], usize) -> bool) -> f64 {
    let hits = fits.iter().zip(labels).filter(|(f, &c)| hit(f, c)).count();
    hits as f64 / fits.len().max(1) as f64
}

/// The profile moved one step towards a path's needs, each way on its own:
/// every skill below the `typical` level raised (by [`SKILL_STEP`], at most
/// to the level), each of `credentials` (those that lead to the path)
/// added, and education one level towards the `usual` one.
fn towards(
    catalog: &Catalog,
    profile: &Profile,
    credentials: impl Iterator<Item = usize>,
    typical: &[f64],
    usual: EducationLevel,
) -> Vec<Profile> {
    let mut changed = Vec::new();
    for (s, &t) in typical.iter().enumerate() {
        // Only what was said can move towards typical; a skill not said
        // is unknown, not at 0.
        if profile.said[s] && profile.skills[s] < t {
            let mut p = profile.clone();
            let level = (profile.skills[s] + SKILL_STEP).min(t);
            p.state_skill(s, level);
            changed.push(p);
        }
    }
    for credential in credentials.filter(|c| !profile.credentials.contains(c)) {
        let mut p = profile.clone();
        p.hold(catalog, credential);
        changed.push(p);
    }
    if let Some(level) = profile.education {
        // Towards the usual level means up: above it is never a fault.
        if level < usual {
            if let Some(next) = EducationLevel::from_code(level as i32 + 1) {
                debug_assert!(education_closeness(next, usual) > education_closeness(level, usual));
                let mut p = profile.clone();
                p.education = Some(next);
                changed.push(p);
            }
        }
    }
    changed
}

/// Spearman's rank correlation of two equally long lists (average ranks
/// for ties).
pub(super) fn spearman(a: &[f64], b: &[f64]) -> f64 {
    let ranks = |v: &[f64]| -> Vec<f64> {
        let mut order: Vec<usize> = (0..v.len()).collect();
        order.sort_by(|&i, &j| v[i].total_cmp(&v[j]));
        let mut ranks = vec![0.0; v.len()];
        let mut i = 0;
        while i < order.len() {
            let mut j = i;
            while j + 1 < order.len() && v[order[j + 1]] == v[order[i]] {
                j += 1;
            }
            for k in i..=j {
                ranks[order[k]] = (i + j) as f64 / 2.0;
            }
            i = j + 1;
        }
        ranks
    };
    let (ra, rb) = (ranks(a), ranks(b));
    let n = ra.len() as f64;
    let mean = (n - 1.0) / 2.0;
    let (mut ab, mut aa, mut bb) = (0.0, 0.0, 0.0);
    for (x, y) in ra.iter().zip(&rb) {
        ab += (x - mean) * (y - mean);
        aa += (x - mean).powi(2);
        bb += (y - mean).powi(2);
    }
    if aa == 0.0 || bb == 0.0 {
        0.0
    } else {
        ab / (aa * bb).sqrt()
    }
}

#[cfg(test)]
mod tests {
    use super::spearman;

    #[test]
    fn spearman_of_monotone_and_reversed_lists() {
        assert!((spearman(&[1.0, 2.0, 3.0], &[10.0, 20.0, 90.0]) - 1.0).abs() < 1e-12);
        assert!((spearman(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]) + 1.0).abs() < 1e-12);
    }
}
