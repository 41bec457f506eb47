//! The sentences that say why a program scored as it did; each reason's
//! contribution is what its factor added to the score.

use super::factors::{education_factor, NEEDS_BACHELOR_FIRST, OUT_OF_STATE};
use super::index::ProgramIndex;
use super::merge::Head;
use super::outcomes::NEUTRAL_FACTOR;
use crate::catalog::Catalog;
use crate::profile::{EducationLevel, Profile};
use crate::rank::Reason;
use crate::text::ordinal;

/// Career paths named in a program's reasons.
const REASON_PATHS: usize = 2;

impl ProgramIndex {
    pub(super) fn reasons(
        &self,
        catalog: &Catalog,
        profile: &Profile,
        probabilities: &[f64],
        head: &Head,
    ) -> Vec<Reason> {
        let (candidate, score) = (head.candidate, head.score);
        let c = self.candidates[candidate as usize];
        let program = &catalog.programs[c.program];
        let education = education_factor(profile.education, c.category);
        let state = profile.state.map(|s| s.usps);
        let share = 1.0 / (head.place + 1) as f64;
        let rest = education * c.state_factor(state) * c.outcome * share;
        let mut reasons = Vec::with_capacity(REASON_PATHS + 4);

        let group = &self.groups[c.group];
        let mut paths: Vec<(usize, f64)> = group
            .relevance
            .iter()
            .zip(probabilities)
            .map(|(r, p)| r * p)
            .enumerate()
            .collect();
        paths.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        for &(path, fit) in paths.iter().take(REASON_PATHS).filter(|(_, f)| *f > 0.0) {
            let (factor, explanation) = &group.path_texts[path];
            reasons.push(Reason {
                factor: factor.clone(),
                contribution: fit * rest,
                explanation: explanation.clone(),
            });
        }
        if education != 1.0 {
            let level = profile.education.map_or("", EducationLevel::describe);
            let explanation = if education == NEEDS_BACHELOR_FIRST {
                "Needs a bachelor's degree first".to_owned()
            } else {
                format!("You already hold {level} or higher")
            };
            reasons.push(Reason {
                factor: "education".into(),
                contribution: score - score / education,
                explanation,
            });
        }
        if let Some(wanted) = state {
            let (here, other) = if c.state_factor(state) == 1.0 {
                (1.0, OUT_OF_STATE)
            } else {
                (OUT_OF_STATE, 1.0)
            };
            let contribution = score - score * other / here;
            let explanation = if c.online {
                format!("Online, so open from {wanted}")
            } else if here == 1.0 {
                format!("In {wanted}")
            } else {
                format!(
                    "Outside {wanted} (in {}), unless it is offered online",
                    program.state.unwrap_or("an unknown state")
                )
            };
            reasons.push(Reason {
                factor: "state".into(),
                contribution,
                explanation,
            });
        }
        reasons.push(Reason {
            factor: "outcomes".into(),
            contribution: score - score * NEUTRAL_FACTOR / c.outcome,
            explanation: self.outcome_texts[candidate as usize].clone(),
        });
        if head.place > 0 {
            reasons.push(Reason {
                factor: "variety".into(),
                contribution: score - score / share,
                explanation: format!(
                    "{} {} program{} in the list, counted 1/{} so other levels get a place",
                    ordinal(head.place + 1),
                    self.level_names[c.category - 1],
                    if group.credentials.is_empty() {
                        String::new()
                    } else {
                        format!(" preparing for the {}", group.credentials.join(" and "))
                    },
                    head.place + 1
                ),
            });
        }
        reasons
    }
}
