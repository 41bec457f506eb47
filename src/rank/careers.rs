//! Career paths: ranked by their fit, each with its share, the reasons for
//! its fit in what the person gave (skills, interests, education,
//! credentials), and what to learn or earn next.

use super::answer::{CareerPathScore, Reason};
use crate::catalog::Catalog;
use crate::model::fit::{pearson, Target};
use crate::model::{Assessment, Explanation, Part, MIN_GAP};
use crate::profile::Profile;
use crate::text::{fixed, signed};

/// Skill gaps kept per path.
const MAX_GAPS: usize = 5;
/// Credential steps kept per path.
const MAX_CREDENTIAL_STEPS: usize = 3;
/// Reasons kept per path.
const MAX_REASONS: usize = 5;
/// Contributions smaller than this are not worth a sentence.
const MIN_CONTRIBUTION: f64 = 0.005;
/// Below this fit, the reasons say first what is missing most.
pub(crate) const LOW_FIT: f64 = 0.3;
/// An interest correlation from which interests are a good match: the
/// reasons never say such a match lowers a fit (it only falls short of the
/// path's closest people).
const GOOD_INTEREST_MATCH: f64 = 0.5;
/// Characters of an O*NET task statement quoted in a reason.
const TASK_QUOTE: usize = 70;

/// The explained paths of `assessment`, in its order, with the state wages
/// to show where BLS publishes them for the person's state.
pub(super) fn rank(
    catalog: &Catalog,
    targets: &[Target],
    profile: &Profile,
    assessment: Assessment,
) -> Vec<CareerPathScore> {
    let state = profile.state.map(|s| s.usps);
    let Assessment {
        probabilities,
        fits,
        explained,
    } = assessment;
    explained
        .into_iter()
        .map(|mut explanation| {
            let path = explanation.class;
            let score = fits[path].clamp(0.0, 1.0);
            let reasons = reasons(catalog, &targets[path], profile, score, &explanation);
            explanation.gaps.truncate(MAX_GAPS);
            explanation.credential_steps.truncate(MAX_CREDENTIAL_STEPS);
            CareerPathScore {
                path,
                score,
                share: probabilities[path].clamp(0.0, 1.0),
                wages_state: state.filter(|s| catalog.state_cell(path, s).is_some()),
                reasons,
                skill_gaps: explanation.gaps,
                credential_steps: explanation.credential_steps,
            }
        })
        .collect()
}

/// The sentences for a path's fit: the parts that moved it most, or for a
/// low fit, what lowers it first.
fn reasons(
    catalog: &Catalog,
    target: &Target,
    profile: &Profile,
    fit: f64,
    explanation: &Explanation,
) -> Vec<Reason> {
    let good_interests = profile
        .interests
        .is_some_and(|i| pearson(&i, &target.interests) >= GOOD_INTEREST_MATCH);
    // A good interest match is never told as a fault, even where the
    // path's own people match better still.
    let sayable =
        |(part, c): &(Part, f64)| !(*part == Part::Interests && good_interests && *c < 0.0);
    let candidates = explanation.parts.iter().copied().filter(sayable);
    let mut parts: Vec<(Part, f64)> = candidates
        .clone()
        .filter(|(_, c)| c.abs() >= MIN_CONTRIBUTION)
        .collect();
    if parts.is_empty() {
        // Every part moved it a little: still say which moved it most.
        parts.extend(candidates.take(1));
    }
    if fit < LOW_FIT {
        // Stable: within each side, the largest first.
        parts.sort_by_key(|(_, c)| *c > 0.0);
    }
    parts.truncate(MAX_REASONS);
    parts
        .into_iter()
        .map(|(part, c)| {
            let direction = if c > 0.0 { "raises" } else { "lowers" };
            let (factor, what) = describe(catalog, explanation.class, target, profile, part, c);
            Reason {
                factor,
                contribution: c,
                explanation: format!("{what}: {direction} the fit ({})", signed(c, 2)),
            }
        })
        .collect()
}

/// The factor name and what the person gave, in words (`contribution`,
/// the part's effect on the fit, picks how a level below typical reads).
fn describe(
    catalog: &Catalog,
    class: usize,
    target: &Target,
    profile: &Profile,
    part: Part,
    contribution: f64,
) -> (String, String) {
    match part {
        Part::Skill(s) => {
            let skill = &catalog.skills[s];
            let (level, stated, typical) = (
                profile.skills[s],
                profile.stated_skills[s],
                target.typical[s],
            );
            let vouched = profile.vouched_by[s]
                .map(|c| format!(", vouched for by your {}", catalog.credentials[c].code))
                .unwrap_or_default();
            let what = if stated - typical >= MIN_GAP {
                format!(
                    "{} {} is well above the {} this path typically asks",
                    skill.name,
                    fixed(stated, 2),
                    fixed(typical, 2)
                )
            } else if typical - level >= MIN_GAP && contribution > 0.0 {
                // Below typical but above what the path's people usually
                // bring to it: not a shortfall to read as one.
                format!(
                    "{} {}{vouched}, on the way to the {} typical on this path",
                    skill.name,
                    fixed(level, 2),
                    fixed(typical, 2)
                )
            } else if typical - level >= MIN_GAP {
                format!(
                    "{} {}{vouched}, against {} typical on this path",
                    skill.name,
                    fixed(level, 2),
                    fixed(typical, 2)
                )
            } else {
                format!(
                    "{} {}{vouched}, at the {} typical on this path",
                    skill.name,
                    fixed(level, 2),
                    fixed(typical, 2)
                )
            };
            let evidence = evidence(catalog, class, s);
            (format!("skill:{}", skill.id), format!("{what}{evidence}"))
        }
        Part::Credential => {
            let held = profile
                .credentials
                .iter()
                .find(|c| target.credentials.contains(c))
                .map(|&c| &catalog.credentials[c]);
            let (code, what) = held.map_or((String::new(), String::new()), |c| {
                (
                    c.code.clone(),
                    format!(
                        "You hold the {} ({}), which leads to this path",
                        c.code, c.issuer
                    ),
                )
            });
            (format!("credential:{code}"), what)
        }
        Part::Interests => {
            let r = profile
                .interests
                .map_or(0.0, |i| pearson(&i, &target.interests));
            (
                "interests".into(),
                format!(
                    "Your interests match this path's (O*NET) with a correlation of {}",
                    fixed(r, 2)
                ),
            )
        }
        Part::Education => {
            let held = profile.education.map_or("", |e| e.describe());
            (
                "education".into(),
                format!(
                    "You hold {held}; this path's most common level is {}",
                    target.usual_education.describe()
                ),
            )
        }
    }
}

/// What backs a path's typical level of a skill, for a reason: its
/// strongest O*NET task, quoted, or its O*NET element.
fn evidence(catalog: &Catalog, class: usize, skill: usize) -> String {
    let path = &catalog.career_paths[class];
    let evidence = &path.skill_evidence[skill];
    if let Some(&id) = evidence.tasks.first() {
        if let Some((_, text)) = path.tasks.iter().find(|(t, _)| *t == id) {
            return format!(" (O*NET task {id}: \"{}\")", quote(text));
        }
    }
    evidence
        .elements
        .first()
        .map(|(name, importance)| {
            format!(
                " (O*NET: {name}, importance {} of 5)",
                fixed(*importance, 1)
            )
        })
        .unwrap_or_default()
}

/// The start of a statement, cut at a word.
fn quote(text: &str) -> String {
    if text.chars().count() <= TASK_QUOTE {
        return text.trim_end_matches('.').to_owned();
    }
    let cut: String = text.chars().take(TASK_QUOTE).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}...", cut.trim_end_matches([',', ';', ' ']))
}
