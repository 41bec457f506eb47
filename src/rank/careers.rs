//! Career paths: the model's probabilities, explained by each feature's
//! contribution to the path's centered log-odds against the reference
//! profile (the mean training profile).

use super::{top_k, CareerPathScore, Reason, SkillGap};
use crate::catalog::Catalog;
use crate::model::{features, CareerModel};
use crate::profile::Profile;
use crate::text::{fixed, signed};

/// Skill gaps kept per path.
const MAX_GAPS: usize = 5;
/// Gaps smaller than this are not gaps.
const MIN_GAP: f64 = 0.05;

/// Reasons kept per path.
const MAX_REASONS: usize = 5;
/// Contributions smaller than this are not worth a sentence.
const MIN_CONTRIBUTION: f64 = 0.01;

pub(super) fn rank(
    catalog: &Catalog,
    model: &CareerModel,
    profile: &Profile,
    x: &[f64],
    probabilities: &[f64],
    limit: usize,
) -> Vec<CareerPathScore> {
    let logits = model.logits(x);
    top_k(probabilities, limit)
        .into_iter()
        .map(|path| CareerPathScore {
            path,
            score: probabilities[path].clamp(0.0, 1.0),
            reasons: reasons(catalog, model, profile, x, path),
            skill_gaps: skill_gaps(catalog, model, profile, &logits, probabilities, path),
        })
        .collect()
}

/// For each skill below the path's typical level, how much the path's
/// probability would rise were the skill at that level; largest first.
fn skill_gaps(
    catalog: &Catalog,
    model: &CareerModel,
    profile: &Profile,
    logits: &[f64],
    probabilities: &[f64],
    path: usize,
) -> Vec<SkillGap> {
    let n = catalog.skills.len();
    let typical = &catalog.career_paths[path].typical_skills;
    let mut gaps: Vec<SkillGap> = (0..n)
        .filter(|&s| typical[s] - profile.skills[s] >= MIN_GAP)
        .filter_map(|s| {
            let current = profile.skills[s];
            let stated_change =
                (features::stated_weight(typical[s]) - features::stated_weight(current)) / n as f64;
            let changes = [(s, typical[s] - current), (n, stated_change)];
            let gain = model.shifted_probability(logits, &changes, path) - probabilities[path];
            (gain > 0.0).then_some(SkillGap {
                skill: s,
                current,
                typical: typical[s],
                gain,
            })
        })
        .collect();
    gaps.sort_by(|a, b| b.gain.total_cmp(&a.gain).then(a.skill.cmp(&b.skill)));
    gaps.truncate(MAX_GAPS);
    gaps
}

fn reasons(
    catalog: &Catalog,
    model: &CareerModel,
    profile: &Profile,
    x: &[f64],
    path: usize,
) -> Vec<Reason> {
    let contributions = model.contributions(path, x);
    let names = &model.artifact().features;
    let reference = &model.artifact().reference;
    let mut order: Vec<usize> = (0..contributions.len())
        .filter(|&i| contributions[i].abs() >= MIN_CONTRIBUTION)
        .collect();
    order.sort_by(|a, b| contributions[*b].abs().total_cmp(&contributions[*a].abs()));
    order.truncate(MAX_REASONS);
    let n_skills = catalog.skills.len();
    order
        .into_iter()
        .map(|i| {
            let c = contributions[i];
            let direction = if c > 0.0 { "raises" } else { "lowers" };
            let (factor, what) = if i < n_skills {
                let skill = &catalog.skills[i];
                let strength = if x[i] > reference[i] {
                    "strong"
                } else {
                    "weak"
                };
                let vouched = profile.vouched_by[i]
                    .map(|cr| format!(", vouched for by {}", catalog.credentials[cr].code))
                    .unwrap_or_default();
                (
                    format!("skill:{}", skill.id),
                    format!(
                        "{strength} {} ({} vs {} on average{vouched})",
                        skill.id,
                        fixed(x[i], 2),
                        fixed(reference[i], 2)
                    ),
                )
            } else {
                (
                    format!("feature:{}", names[i]),
                    features::describe(&names[i], x[i]),
                )
            };
            Reason {
                factor,
                contribution: c,
                explanation: format!("{what} {direction} the fit ({})", signed(c, 2)),
            }
        })
        .collect()
}
