//! The stability measure: how far a change of 0.01 to one skill moves the
//! top items of each ranked list.

use super::progress::Progress;
use super::split::Split;
use himrec_domain::catalog::Catalog;
use himrec_domain::model::report::Stability;
use himrec_domain::model::CareerModel;
use himrec_domain::profile::Profile;
use himrec_domain::rank::{ListLimits, Recommendations, Recommender};

/// The change made to one skill for the stability measure.
const STABILITY_STEP: f64 = 0.01;
/// The top of each list whose items the stability measure follows.
pub const STABILITY_TOP: usize = 5;

/// The items of each list in rank order: career paths, work settings,
/// programs.
pub fn ranked_items(r: &Recommendations) -> [Vec<usize>; 3] {
    [
        r.career_paths.iter().map(|c| c.path).collect(),
        r.settings.iter().map(|s| s.setting).collect(),
        r.programs.iter().map(|p| p.program).collect(),
    ]
}

/// How many ranks the furthest-moving of the first `top` items of `before`
/// moved in `after`; an item that left `after` counts as moved to its end.
pub fn largest_move(before: &[usize], after: &[usize], top: usize) -> usize {
    before
        .iter()
        .take(top)
        .enumerate()
        .map(|(rank, item)| {
            let new_rank = after.iter().position(|i| i == item).unwrap_or(after.len());
            rank.abs_diff(new_rank)
        })
        .max()
        .unwrap_or(0)
}

/// Perturbs each skill of every held-out profile by +/-0.01 and records how
/// far the items of the top five move.
pub(super) fn measure(
    catalog: &Catalog,
    model: &CareerModel,
    split: &Split,
    progress: &dyn Progress,
) -> Stability {
    let recommender = Recommender::new(catalog.clone(), model.clone());
    let limits = ListLimits {
        career_paths: catalog.career_paths.len(),
        work_settings: catalog.settings.len(),
        programs: 10,
    };
    let orders = |p: &Profile| ranked_items(&recommender.recommend(p, limits));
    let mut max_rank_change = [0; 3];
    let mut moved_more_than_one = [0; 3];
    let mut perturbations = 0;
    let profiles: Vec<&Profile> = split.test.iter().collect();
    progress.stage("measuring stability", profiles.len() as u64);
    for profile in &profiles {
        progress.advance(1);
        let before = orders(profile);
        for skill in 0..catalog.skills.len() {
            for step in [STABILITY_STEP, -STABILITY_STEP] {
                let mut changed = (*profile).clone();
                let value = (changed.skills[skill] + step).clamp(0.0, 1.0);
                if value == changed.skills[skill] {
                    continue;
                }
                changed.skills[skill] = value;
                changed.stated_skills[skill] = value;
                perturbations += 1;
                let after = orders(&changed);
                for kind in 0..3 {
                    let moved = largest_move(&before[kind], &after[kind], STABILITY_TOP);
                    max_rank_change[kind] = max_rank_change[kind].max(moved);
                    if moved > 1 {
                        moved_more_than_one[kind] += 1;
                    }
                }
            }
        }
    }
    Stability {
        profiles: profiles.len(),
        perturbations,
        max_rank_change,
        moved_more_than_one,
    }
}
