//! The sentences that say why a program scored as it did. A factor's
//! contribution is what it added to the score; the facts a person weighs
//! (accreditation, practicum, career services) and the list's variety move
//! nothing and contribute 0. The routes to credentials are the program's
//! own (`Program.credential_routes`), not reasons.

use super::factors::{education_factor, NEEDS_BACHELOR_FIRST, OUT_OF_STATE};
use super::index::ProgramIndex;
use super::merge::Head;
use super::outcomes::{describe_outcomes, payback, NEUTRAL_FACTOR};
use crate::catalog::{Accreditation, Catalog, Program};
use crate::profile::{EducationLevel, Profile};
use crate::rank::{ProgramScore, Reason};

/// Career paths named in a program's reasons.
const REASON_PATHS: usize = 2;

impl ProgramIndex {
    /// The listed programs with their scores, payback and, when `explain`,
    /// their reasons.
    pub(super) fn scored(
        &self,
        catalog: &Catalog,
        profile: &Profile,
        probabilities: &[f64],
        heads: Vec<Head>,
        explain: bool,
    ) -> Vec<ProgramScore> {
        let scores: Vec<f64> = heads.iter().map(|h| h.score).collect();
        heads
            .iter()
            .enumerate()
            .map(|(position, head)| {
                let program = &catalog.programs[head.program];
                let payback = payback(catalog, program, profile.state.map(|s| s.usps));
                let reasons = if explain {
                    let mut reasons = self.reasons(catalog, profile, probabilities, head);
                    reasons.extend(self.variety(head, &scores, position));
                    reasons
                } else {
                    Vec::new()
                };
                ProgramScore {
                    program: head.program,
                    score: head.score,
                    reasons,
                    payback,
                }
            })
            .collect()
    }

    fn reasons(
        &self,
        catalog: &Catalog,
        profile: &Profile,
        probabilities: &[f64],
        head: &Head,
    ) -> Vec<Reason> {
        let score = head.score;
        let c = self.candidates[head.candidate as usize];
        let program = &catalog.programs[c.program];
        let education = education_factor(profile.education, c.category);
        let state = profile.state.map(|s| s.usps);
        let rest = education * c.state_factor(state) * c.outcome;
        let mut reasons = Vec::with_capacity(REASON_PATHS + 6);

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
        // Written once for its own state; for a person elsewhere, with
        // the figures of theirs.
        let elsewhere = state
            .filter(|&w| program.state != Some(w) && catalog.state_earnings_threshold(w).is_some());
        let outcomes = match elsewhere {
            Some(_) => {
                let campuses = self.units.campuses(c.program);
                describe_outcomes(catalog, program, state, campuses)
            }
            None => self.outcome_texts[head.candidate as usize].clone(),
        };
        reasons.push(Reason {
            factor: "outcomes".into(),
            contribution: score - score * NEUTRAL_FACTOR / c.outcome,
            explanation: outcomes,
        });
        reasons.push(Reason {
            factor: "program_facts".into(),
            contribution: 0.0,
            explanation: self.fact_texts[facts_key(known_facts(program))].clone(),
        });
        reasons
    }

    /// Says when the list moved the program for variety: listed after
    /// programs that score less, or before programs that score more.
    fn variety(&self, head: &Head, scores: &[f64], position: usize) -> Option<Reason> {
        let after_lower = scores[..position].iter().any(|&s| s < head.score);
        let before_higher = scores[position + 1..].iter().any(|&s| s > head.score);
        let texts = &self.groups[self.candidates[head.candidate as usize].group].variety_texts;
        let explanation = if after_lower {
            &texts.0
        } else if before_higher {
            &texts.1
        } else {
            return None;
        };
        Some(Reason {
            factor: "variety".into(),
            contribution: 0.0,
            explanation: explanation.clone(),
        })
    }
}

/// How many combinations of known and unknown facts there are.
pub(super) const FACT_COMBINATIONS: usize = 27;

/// The facts a person weighs when choosing a program: CAHIIM
/// accreditation, practicum or internship, career services, each known
/// from the operator's overlay or unknown (`None`).
fn known_facts(program: &Program) -> [Option<bool>; 3] {
    let accreditation = match program.accreditation {
        Accreditation::Accredited => Some(true),
        Accreditation::NotAccredited => Some(false),
        Accreditation::Unknown => None,
    };
    [
        accreditation,
        program.facts.practicum,
        program.facts.career_services,
    ]
}

/// The index of a combination of facts in [0, FACT_COMBINATIONS).
pub(super) fn facts_key(facts: [Option<bool>; 3]) -> usize {
    facts.iter().fold(0, |key, fact| {
        key * 3
            + match fact {
                None => 0,
                Some(true) => 1,
                Some(false) => 2,
            }
    })
}

/// The facts sentence.
pub(super) fn describe_facts(facts: [Option<bool>; 3]) -> String {
    let known = |value: Option<bool>| match value {
        Some(true) => "yes",
        Some(false) => "no",
        None => "unknown",
    };
    let source = if facts.iter().all(Option::is_none) {
        "none stated by the operator"
    } else if facts.iter().all(Option::is_some) {
        "as the operator states them"
    } else {
        "as the operator states them; it can state the unknown ones"
    };
    format!(
        "To weigh: CAHIIM accreditation {}; practicum or internship {}; career services {} ({source})",
        known(facts[0]),
        known(facts[1]),
        known(facts[2]),
    )
}
