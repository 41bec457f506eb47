//! Programs. A program's score is the product of four factors in [0, 1]:
//!
//! - **path fit** `sum_c P(c | profile) * r_c(level)`, where `r_c(level)` is
//!   the share of path `c`'s workers whose required education is the
//!   program's credential level, over the share of its most common level
//!   (O*NET education survey, or the job-zone rule where O*NET has none);
//! - **education**: 0.5 for a credential at or below the person's highest
//!   education, 0.25 for a graduate credential without a bachelor's, else 1
//!   (1 when education is not stated);
//! - **state**: 1 in the person's state, 0.4 elsewhere (1 when no state);
//! - **outcomes** `0.6 + 0.4 * o`, where `o` is the mean of the known parts
//!   of: `sigmoid((earnings - state threshold) / $10,000)` and
//!   `1 - min(debt / earnings, 1)`; `o = 0.5` when Scorecard suppressed
//!   both, so unknown outcomes neither help nor sink a program.
//!
//! Non-credential programs (Scorecard level 99) are never recommended.

use super::{thousands, top_k, ProgramScore, Reason};
use crate::catalog::{Catalog, Program, NON_CREDENTIAL_LEVEL};
use crate::profile::{EducationLevel, Profile};

const AT_OR_BELOW_EDUCATION: f64 = 0.5;
const NEEDS_BACHELOR_FIRST: f64 = 0.25;
const OUT_OF_STATE: f64 = 0.4;
const OUTCOME_FLOOR: f64 = 0.6;
const NEUTRAL_OUTCOME: f64 = 0.5;
const EARNINGS_SCALE: f64 = 10_000.0;
const REASON_PATHS: usize = 2;

/// O*NET education category (1-12) of a Scorecard credential level.
pub(crate) fn onet_category(credential_level: u8) -> Option<usize> {
    match credential_level {
        1 => Some(3),
        2 => Some(5),
        3 => Some(6),
        4 => Some(7),
        5 => Some(8),
        6 => Some(11),
        7 => Some(10),
        8 => Some(9),
        _ => None,
    }
}

/// What the ranking precomputes from the catalog alone.
#[derive(Debug, Clone)]
pub(crate) struct ProgramIndex {
    /// Programs that can be recommended, with their O*NET category and
    /// outcome factor.
    candidates: Vec<Candidate>,
    /// `relevance[category - 1][path]`.
    relevance: Vec<Vec<f64>>,
}

#[derive(Debug, Clone, Copy)]
struct Candidate {
    program: usize,
    category: usize,
    outcome: f64,
}

impl ProgramIndex {
    pub(crate) fn new(catalog: &Catalog) -> Self {
        let relevance = (0..12)
            .map(|category| {
                catalog
                    .career_paths
                    .iter()
                    .map(|p| {
                        let max = p.education.iter().copied().fold(0.0, f64::max);
                        if max > 0.0 {
                            p.education[category] / max
                        } else {
                            0.0
                        }
                    })
                    .collect()
            })
            .collect();
        let candidates = catalog
            .programs
            .iter()
            .enumerate()
            .filter(|(_, p)| p.credential_level != NON_CREDENTIAL_LEVEL)
            .filter_map(|(i, p)| {
                Some(Candidate {
                    program: i,
                    category: onet_category(p.credential_level)?,
                    outcome: outcome_factor(p),
                })
            })
            .collect();
        Self {
            candidates,
            relevance,
        }
    }

    pub(crate) fn rank(
        &self,
        catalog: &Catalog,
        profile: &Profile,
        probabilities: &[f64],
        limit: usize,
    ) -> Vec<ProgramScore> {
        let fit_by_category: Vec<f64> = self
            .relevance
            .iter()
            .map(|r| r.iter().zip(probabilities).map(|(r, p)| r * p).sum())
            .collect();
        let state = profile.state.map(|s| s.usps);
        let scores: Vec<f64> = self
            .candidates
            .iter()
            .map(|c| {
                let program = &catalog.programs[c.program];
                (fit_by_category[c.category - 1]
                    * education_factor(profile.education, c.category)
                    * state_factor(state, program.state)
                    * c.outcome)
                    .clamp(0.0, 1.0)
            })
            .collect();
        top_k(&scores, limit)
            .into_iter()
            .map(|i| {
                let c = self.candidates[i];
                ProgramScore {
                    program: c.program,
                    score: scores[i],
                    reasons: self.reasons(catalog, profile, probabilities, c, scores[i]),
                }
            })
            .collect()
    }

    fn reasons(
        &self,
        catalog: &Catalog,
        profile: &Profile,
        probabilities: &[f64],
        c: Candidate,
        score: f64,
    ) -> Vec<Reason> {
        let program = &catalog.programs[c.program];
        let education = education_factor(profile.education, c.category);
        let state = profile.state.map(|s| s.usps);
        let rest = education * state_factor(state, program.state) * c.outcome;
        let mut reasons = Vec::new();

        let relevance = &self.relevance[c.category - 1];
        let mut paths: Vec<(usize, f64)> = relevance
            .iter()
            .zip(probabilities)
            .map(|(r, p)| r * p)
            .enumerate()
            .collect();
        paths.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        for &(path, fit) in paths.iter().take(REASON_PATHS).filter(|(_, f)| *f > 0.0) {
            let career = &catalog.career_paths[path];
            let share = career.education[c.category - 1];
            let source = if career.education_from_survey {
                format!(
                    "{:.0}% of its workers need this level (O*NET)",
                    100.0 * share
                )
            } else {
                format!("a usual level for job zone {} (O*NET)", career.job_zone)
            };
            reasons.push(Reason {
                factor: format!("career_path:{}", career.soc_code),
                contribution: fit * rest,
                explanation: format!(
                    "{} leads to {} (fit {:.2}): {source}",
                    program.credential_description, career.title, probabilities[path]
                ),
            });
        }
        if education != 1.0 {
            let level = profile.education.map_or("", EducationLevel::describe);
            let why = if education == NEEDS_BACHELOR_FIRST {
                "a graduate credential needs a bachelor's degree first".to_owned()
            } else {
                format!("you already hold {level}, at or above this credential")
            };
            reasons.push(Reason {
                factor: "education".into(),
                contribution: score - score / education,
                explanation: format!("Lowered: {why}"),
            });
        }
        if let Some(wanted) = state {
            let (here, other) = if program.state == Some(wanted) {
                (1.0, OUT_OF_STATE)
            } else {
                (OUT_OF_STATE, 1.0)
            };
            let contribution = score - score * other / here;
            let explanation = if here == 1.0 {
                format!("In {wanted}, the state you named")
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
            contribution: score
                - score * (OUTCOME_FLOOR + (1.0 - OUTCOME_FLOOR) * NEUTRAL_OUTCOME) / c.outcome,
            explanation: describe_outcomes(program),
        });
        reasons
    }
}

fn education_factor(education: Option<EducationLevel>, category: usize) -> f64 {
    let Some(held) = education else {
        return 1.0;
    };
    let level = EducationLevel::from_onet_category(category);
    if level <= held {
        AT_OR_BELOW_EDUCATION
    } else if level > EducationLevel::Bachelor && held < EducationLevel::Bachelor {
        NEEDS_BACHELOR_FIRST
    } else {
        1.0
    }
}

fn state_factor(wanted: Option<&str>, program: Option<&str>) -> f64 {
    match wanted {
        Some(w) if program != Some(w) => OUT_OF_STATE,
        _ => 1.0,
    }
}

fn outcome_factor(program: &Program) -> f64 {
    let earnings = program.median_earnings.map(f64::from);
    let premium = match (earnings, program.state_earnings_threshold) {
        (Some(e), Some(t)) => Some(1.0 / (1.0 + (-(e - f64::from(t)) / EARNINGS_SCALE).exp())),
        _ => None,
    };
    let debt = program
        .debt_to_earnings
        .or_else(|| Some(f64::from(program.median_debt?) / earnings?))
        .map(|ratio| 1.0 - ratio.clamp(0.0, 1.0));
    let known: Vec<f64> = [premium, debt].into_iter().flatten().collect();
    let o = if known.is_empty() {
        NEUTRAL_OUTCOME
    } else {
        known.iter().sum::<f64>() / known.len() as f64
    };
    OUTCOME_FLOOR + (1.0 - OUTCOME_FLOOR) * o
}

fn describe_outcomes(program: &Program) -> String {
    let mut parts = Vec::new();
    match (program.median_earnings, program.state_earnings_threshold) {
        (Some(e), Some(t)) => {
            let gap = i64::from(e) - i64::from(t);
            let side = if gap >= 0 { "above" } else { "below" };
            parts.push(format!(
                "median earnings ${} ({}), ${} {side} the state threshold",
                thousands(e),
                program.earnings_horizon.replace('_', " "),
                thousands(gap.unsigned_abs() as u32)
            ));
        }
        (Some(e), None) => parts.push(format!("median earnings ${}", thousands(e))),
        _ => parts.push("earnings suppressed by Scorecard (small cohort)".into()),
    }
    match (program.median_debt, program.debt_to_earnings) {
        (Some(d), Some(r)) => parts.push(format!(
            "median debt ${} ({:.0}% of earnings)",
            thousands(d),
            100.0 * r
        )),
        (Some(d), None) => parts.push(format!("median debt ${}", thousands(d))),
        _ => parts.push("debt suppressed".into()),
    }
    let mut sentence = parts.join("; ");
    if let Some(first) = sentence.get(..1) {
        sentence = first.to_uppercase() + &sentence[1..];
    }
    sentence + " (College Scorecard)"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn education_factor_rules() {
        use EducationLevel::*;
        assert_eq!(education_factor(None, 8), 1.0);
        assert_eq!(education_factor(Some(Bachelor), 5), AT_OR_BELOW_EDUCATION);
        assert_eq!(education_factor(Some(Associate), 8), NEEDS_BACHELOR_FIRST);
        assert_eq!(education_factor(Some(Associate), 6), 1.0);
        assert_eq!(education_factor(Some(Bachelor), 8), 1.0);
    }

    #[test]
    fn every_credential_level_has_a_category() {
        for level in 1..=8 {
            assert!(onet_category(level).is_some());
        }
        assert_eq!(onet_category(NON_CREDENTIAL_LEVEL), None);
    }
}
