//! Career paths as an answer lists them: highest score first, each with
//! its fit and share, the reasons for its score (the goal's rules, then
//! the parts of the profile that moved the fit), what to learn next, and
//! the route: the program needed next and the credentials in the order
//! they can be earned, each checked against the person.

use super::answer::{CareerPathScore, CredentialToEarn, SkillToLearn};
use super::counsel::prospects::PathTexts;
use super::counsel::route::PathRoute;
use super::counsel::score::Rule;
use super::counsel::{reasons as counsel_reasons, texts, Counsel};
use super::path_words::Words;
use super::reason::Reason;
use crate::catalog::{Catalog, Trend};
use crate::language::Language;
use crate::messages::{self, Direction};
use crate::model::fit::Target;
use crate::model::{CredentialStep, Explanation, Part};
use crate::profile::Profile;
use crate::text::signed;

/// Skill gaps kept per path.
const MAX_GAPS: usize = 5;
/// Credential steps kept per path.
const MAX_CREDENTIAL_STEPS: usize = 3;
/// Reasons for the fit kept per path.
const MAX_REASONS: usize = 5;
/// Contributions smaller than this are not worth a sentence.
const MIN_CONTRIBUTION: f64 = 0.005;
/// Below this fit, the reasons say first what is missing most.
pub(crate) const LOW_FIT: f64 = 0.3;
/// An interest correlation from which interests are a good match: the
/// reasons never say such a match lowers a fit (it only falls short of the
/// path's closest people).
const GOOD_INTEREST_MATCH: f64 = 0.5;

/// A path the answer shows: the model's explanation of its fit (empty
/// when none was asked), the model's credential steps (what each would
/// do to the fit) and its route.
#[derive(Debug)]
pub(super) struct Shown<'a> {
    pub(super) explanation: Explanation,
    pub(super) gains: Vec<CredentialStep>,
    pub(super) route: PathRoute<'a>,
}

/// What the catalog and the request give every shown path.
pub(super) struct Context<'a, 'r> {
    pub(super) catalog: &'a Catalog,
    pub(super) targets: &'r [Target],
    /// Per credential, the levels of the programs that prepare for it.
    pub(super) prepared_levels: &'a [Vec<u32>],
    pub(super) profile: &'r Profile,
    pub(super) counsel: &'r Counsel,
    pub(super) shares: &'r [f64],
    /// Every path's outlook and pay reasons, written once.
    pub(super) prospects: &'a PathTexts,
    pub(super) explain: bool,
    pub(super) language: Language,
}

/// The shown paths, in order, with the state wages to show where BLS
/// publishes them for the person's state. Credential steps are linked to
/// the answer's programs later.
pub(super) fn rank<'a>(
    context: &Context<'a, '_>,
    shown: Vec<Shown<'a>>,
) -> Vec<CareerPathScore<'a>> {
    let catalog = context.catalog;
    let state = context.profile.state.map(|s| s.usps);
    shown
        .into_iter()
        .map(
            |Shown {
                 mut explanation,
                 gains,
                 route,
             }| {
                let path = explanation.class;
                let scored = &context.counsel.scores[path];
                let reasons = if context.explain {
                    reasons(context, &explanation)
                } else {
                    Vec::new()
                };
                explanation.gaps.truncate(MAX_GAPS);
                let language = context.language;
                let education_step = route.education.map(|step| {
                    let held = context
                        .counsel
                        .standing
                        .education
                        .map(|e| messages::of(language).education(e));
                    let text = context
                        .explain
                        .then(|| texts::education_step(catalog, &step, held, language));
                    (step, text)
                });
                let credential_steps = route
                    .credentials
                    .into_iter()
                    .take(MAX_CREDENTIAL_STEPS)
                    .map(|check| {
                        let credential = check.credential;
                        let step = gains
                            .iter()
                            .find(|s| s.credential == credential)
                            .cloned()
                            .unwrap_or(CredentialStep {
                                credential,
                                gain: 0.0,
                                after: scored.fit,
                            });
                        CredentialToEarn {
                            credential: &catalog.credentials[credential],
                            explanation: context
                                .explain
                                .then(|| texts::credential_step(catalog, &check, language)),
                            check,
                            step,
                            prepared_levels: &context.prepared_levels[credential],
                            programs: Vec::new(),
                        }
                    })
                    .collect();
                CareerPathScore {
                    path,
                    career_path: &catalog.career_paths[path],
                    score: scored.score,
                    fit: scored.fit,
                    share: context.shares[path].clamp(0.0, 1.0),
                    movement: scored.movement,
                    rules: scored.rules.clone(),
                    state_cell: state.and_then(|s| catalog.state_cell(path, s)),
                    reasons,
                    skill_gaps: explanation
                        .gaps
                        .into_iter()
                        .map(|gap| SkillToLearn {
                            skill: &catalog.skills[gap.skill],
                            gap,
                        })
                        .collect(),
                    education_step,
                    credential_steps,
                }
            },
        )
        .collect()
}

/// A shown path's reasons: the rules that weighed its fit for the goal,
/// then what moved the fit, on the score's scale, then its outlook and
/// pay; a shrinking path's outlook comes first.
fn reasons(context: &Context<'_, '_>, explanation: &Explanation) -> Vec<Reason> {
    let path = explanation.class;
    let scored = &context.counsel.scores[path];
    let career_path = &context.catalog.career_paths[path];
    let mut outlook = context.prospects.outlook(path, context.language);
    let shrinking = career_path.outlook.as_ref().and_then(|o| o.trend()) == Some(Trend::Decline);
    let mut reasons: Vec<Reason> = if shrinking {
        outlook.take().into_iter().collect()
    } else {
        Vec::new()
    };
    reasons.extend(counsel_reasons::rule_reasons(
        context.catalog,
        &context.counsel.standing,
        scored,
        context.language,
    ));
    // The fit's share of the score: the rules' factors, and half of it
    // where interests or the move are averaged in.
    let averaged = scored
        .rules
        .iter()
        .any(|r| matches!(r, Rule::PointsHere { .. } | Rule::MoveWeighed));
    let scale =
        scored.rules.iter().map(Rule::factor).product::<f64>() * if averaged { 0.5 } else { 1.0 };
    reasons.extend(fit_reasons(
        context.catalog,
        &context.targets[path],
        context.profile,
        scored.fit,
        scale,
        explanation,
        context.language,
    ));
    reasons.extend(outlook);
    reasons.extend(
        context
            .prospects
            .pay(path, context.profile.state, context.language),
    );
    reasons
}

/// The sentences for a path's fit: the parts that moved it most, or for a
/// low fit, what lowers it first; each part's contribution to the fit is
/// said, and counts `scale` times as much in the score.
fn fit_reasons(
    catalog: &Catalog,
    target: &Target,
    profile: &Profile,
    fit: f64,
    scale: f64,
    explanation: &Explanation,
    language: Language,
) -> Vec<Reason> {
    let good_interests = explanation
        .interest_match
        .is_some_and(|r| r >= GOOD_INTEREST_MATCH);
    // A good interest match is never told as a fault, even where the
    // path's own people match better still: it is said only when nothing
    // else is, and then as the good match it is.
    let short_of_good =
        |(part, c): &(Part, f64)| *part == Part::Interests && good_interests && *c < 0.0;
    let candidates = explanation
        .parts
        .iter()
        .copied()
        .filter(|p| !short_of_good(p));
    let mut parts: Vec<(Part, f64)> = candidates
        .clone()
        .filter(|(_, c)| c.abs() >= MIN_CONTRIBUTION)
        .collect();
    if parts.is_empty() {
        // Every part moved it a little: still say which moved it most.
        parts.extend(candidates.take(1));
    }
    if parts.is_empty() {
        // Interests alone, a good match the path's own people beat.
        parts.extend(explanation.parts.iter().copied().filter(short_of_good));
    }
    if fit < LOW_FIT {
        // Stable: within each side, the largest first.
        parts.sort_by_key(|(_, c)| *c > 0.0);
    }
    parts.truncate(MAX_REASONS);
    let words = Words {
        catalog,
        class: explanation.class,
        interest_match: explanation.interest_match,
        target,
        profile,
        language,
    };
    parts
        .into_iter()
        .map(|(part, c)| {
            let (code, factor, values, what) = words.describe(part, c);
            let direction = messages::of(language).fit_direction(if short_of_good(&(part, c)) {
                Direction::GoodMatchBeaten
            } else if c > 0.0 {
                Direction::Raises
            } else {
                Direction::Lowers
            });
            Reason {
                code,
                factor,
                contribution: c * scale,
                values,
                explanation: format!("{what}: {direction} ({})", signed(c, 2)),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
        Catalog::load(&root.join("data")).unwrap()
    }

    /// The fit reasons on path 0 of a person who named `skills`, for
    /// `parts` (largest first, as the model gives them) at `fit`.
    fn told(
        catalog: &Catalog,
        skills: &[(&str, f64)],
        interest_match: Option<f64>,
        parts: Vec<(Part, f64)>,
        fit: f64,
    ) -> Vec<Reason> {
        let mut profile = Profile::new(vec![None; catalog.skills.len()], None, None);
        for &(id, level) in skills {
            profile.state_skill(catalog.skill_index(id).unwrap(), level);
        }
        let explanation = Explanation {
            class: 0,
            interest_match,
            parts,
            gaps: Vec::new(),
            credential_steps: Vec::new(),
        };
        let target = Target::of(catalog, 0);
        fit_reasons(
            catalog,
            &target,
            &profile,
            fit,
            0.5,
            &explanation,
            Language::En,
        )
    }

    #[test]
    fn a_good_interest_match_is_never_told_as_a_fault() {
        let catalog = catalog();
        let reasons = told(
            &catalog,
            &[],
            Some(0.8),
            vec![(Part::Interests, -0.03)],
            0.6,
        );
        assert_eq!(reasons.len(), 1);
        let reason = &reasons[0];
        assert!(
            reason.explanation.ends_with(
                "a good match, which this path's own people meet more closely still (-0.03)"
            ),
            "{}",
            reason.explanation
        );
        // Its share of the score: half, where the score averages the fit.
        assert!((reason.contribution + 0.015).abs() < 1e-12);
        // A poor match is what it is.
        let reasons = told(
            &catalog,
            &[],
            Some(0.1),
            vec![(Part::Interests, -0.03)],
            0.6,
        );
        assert!(reasons[0].explanation.ends_with("lowers the fit (-0.03)"));
    }

    #[test]
    fn a_low_fit_says_first_what_lowers_it() {
        let catalog = catalog();
        let coding = catalog.skill_index("clinical_coding").unwrap();
        let sql = catalog.skill_index("sql_databases").unwrap();
        let skills = [("clinical_coding", 0.9), ("sql_databases", 0.1)];
        let parts = vec![
            (Part::Skill(coding), 0.04),
            (Part::Skill(sql), -0.02),
            (Part::Interests, -0.01),
        ];
        let factors = |fit| -> Vec<String> {
            told(&catalog, &skills, Some(0.2), parts.clone(), fit)
                .into_iter()
                .map(|r| r.factor)
                .collect()
        };
        assert_eq!(
            factors(0.6),
            ["skill:clinical_coding", "skill:sql_databases", "interests"]
        );
        assert_eq!(
            factors(LOW_FIT - 0.1),
            ["skill:sql_databases", "interests", "skill:clinical_coding"]
        );
    }

    #[test]
    fn parts_too_small_to_matter_leave_one_sentence_for_the_largest() {
        let catalog = catalog();
        let coding = catalog.skill_index("clinical_coding").unwrap();
        let sql = catalog.skill_index("sql_databases").unwrap();
        let skills = [("clinical_coding", 0.9), ("sql_databases", 0.1)];
        let parts = vec![(Part::Skill(coding), 0.003), (Part::Skill(sql), -0.001)];
        let reasons = told(&catalog, &skills, None, parts, 0.6);
        let factors: Vec<&str> = reasons.iter().map(|r| r.factor.as_str()).collect();
        assert_eq!(factors, ["skill:clinical_coding"]);
        assert!(
            reasons[0].explanation.contains(": raises the fit"),
            "{}",
            reasons[0].explanation
        );
    }
}
