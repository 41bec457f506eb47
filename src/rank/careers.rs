//! Career paths: the model's probabilities, explained by each feature's
//! contribution to the path's centered log-odds against the reference
//! profile (the mean training profile).

use super::answer::{CareerPathScore, Reason, SkillGap};
use crate::catalog::Catalog;
use crate::model::{features, Assessment, CareerModel, Explanation};
use crate::profile::Profile;
use crate::text::{fixed, signed};

/// Skill gaps kept per path.
const MAX_GAPS: usize = 5;

/// Reasons kept per path.
const MAX_REASONS: usize = 5;
/// Contributions smaller than this are not worth a sentence.
const MIN_CONTRIBUTION: f64 = 0.01;

/// The explained paths of `assessment`, in its order, with the state wages
/// to show where BLS publishes them for the person's state.
pub(super) fn rank(
    catalog: &Catalog,
    model: &CareerModel,
    profile: &Profile,
    assessment: Assessment,
) -> Vec<CareerPathScore> {
    let state = profile.state.map(|s| s.usps);
    let Assessment {
        features: x,
        probabilities,
        explained,
    } = assessment;
    explained
        .into_iter()
        .map(|explanation| {
            let path = explanation.class;
            CareerPathScore {
                path,
                score: probabilities[path].clamp(0.0, 1.0),
                wages_state: state.filter(|s| catalog.state_cell(path, s).is_some()),
                reasons: reasons(catalog, model, profile, &x, &explanation),
                skill_gaps: skill_gaps(explanation.gaps),
            }
        })
        .collect()
}

/// The gaps whose closing raises the path most, largest first.
fn skill_gaps(mut gaps: Vec<SkillGap>) -> Vec<SkillGap> {
    gaps.sort_by(|a, b| b.gain.total_cmp(&a.gain).then(a.skill.cmp(&b.skill)));
    gaps.truncate(MAX_GAPS);
    gaps
}

fn reasons(
    catalog: &Catalog,
    model: &CareerModel,
    profile: &Profile,
    x: &[f64],
    explanation: &Explanation,
) -> Vec<Reason> {
    let contributions = &explanation.contributions;
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
