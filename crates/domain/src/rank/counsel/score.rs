//! A career path's score for the person's goal: the fit (how well they
//! meet what the path asks, as a share of its own people), times what the
//! path means for the goal, by the documented rules below. Moving up or
//! changing field, few are ready for the next step yet, so the fit is
//! half the score and how the path stands to them the other half:
//! `(1 + fit) / 2` times the rules' factors. Every rule applied is kept,
//! with its figures, so the reasons say it.
//!
//! How the path stands to where the person is ([`Move`]):
//!
//! | | explore | find work | advance | change |
//! |---|---|---|---|---|
//! | a way in (nothing says where they stand) | 1 | 1 | 1 | 1 |
//! | where they work now | 1 | 1 | 0.15 | 0.3 |
//! | a step up | 1 | 1 | 1 | 1 |
//! | level with them | 1 | 1 | 0.5 | 1 |
//! | below what they bring (one zone, or less entry education or pay) | 0.8 | 0.8 | 0.2 | 1; an entry role (job zone 1-2) 0.5 |
//! | well below (two zones or more) | 0.5 | 0.5 | 0.1 | 0.4 |
//!
//! What links the path to them ([`Link`]: O*NET relates it to their
//! occupation, or an issuer leads to it from a credential or licence they
//! hold): moving up, a step up nothing links counts 0.7; changing field,
//! a path nothing links counts 0.7 if it is one of the field's core
//! occupations (`core_him`), else 0.3. Moving up or changing field, a
//! path linked only by O*NET's Supplemental tier counts 0.9, and only by
//! a route open to any graduate (a degree and at most a year's program)
//! 0.85. Changing field, a
//! role below them that is not an entry role counts 0.6 when its entry
//! education (BLS) is two or more levels under theirs. Exploring, an occupation outside
//! the core counts 0.6, and one whose entry education (BLS) is a level
//! above the person's (high school when not stated) 0.9, two 0.8, three
//! or more 0.6. Finding work, a path whose entry education the person lacks, and
//! that no credential of theirs leads to, counts half; one that nothing
//! they bring (a credential, their work) leads to, when they bring
//! something, 0.7. For every goal, an occupation BLS projects to decline
//! (the Occupational Outlook Handbook's word, [`Trend::Decline`]) counts
//! half (finding work, not the work they do or a credential they hold
//! leads to): a shrinking job is said plainly. Exploring or changing
//! field, a shrinking path never leads: where half is still more, it is
//! held to [`HELD_BELOW`] of the best score of a path that is not
//! shrinking. Exploring or finding work, the fit is averaged with how
//! strongly what the person said (skills, interests, education,
//! credentials) points to the path rather than to the field's others:
//! the logistic of the model's evidence, 0.5 where nothing said points
//! either way. A coder's coding points to the coding paths, though a
//! coder may meet what a clerical path asks as well as its own people do;
//! interests alone point as O*NET's Interest Profiler matches.

use super::links::Link;
use super::standing::{Move, Standing};
use crate::catalog::{Catalog, Trend};
use crate::education::EducationLevel;
use crate::profile::{Goal, Profile};

/// Scores under this are weak matches: left out of the list (see
/// [`MIN_LISTED`]), and counted.
pub const MIN_SCORE: f64 = 0.1;

/// However weak the matches, an answer lists at least this many paths, so
/// a person nothing matches well still sees the nearest ones, each with
/// its score.
pub const MIN_LISTED: usize = 3;

/// Exploring or changing field, a shrinking path's score is held to this
/// share of the best score of a path that is not shrinking, where halving
/// it left it higher: a shrinking occupation never leads.
pub const HELD_BELOW: f64 = 0.95;

/// What finding work counts a path the person is not yet qualified for.
const NOT_YET_QUALIFIED: f64 = 0.5;
/// What a declining occupation counts, for every goal.
const DECLINING: f64 = 0.5;
/// What moving up counts a step up nothing links to the person.
const UNLINKED_STEP_UP: f64 = 0.7;
/// What changing field counts a core HIM path nothing links to them, and
/// finding work any path that nothing they bring leads to.
const UNLINKED_CORE: f64 = 0.7;
/// What changing field counts another path nothing links to them.
const UNLINKED: f64 = 0.3;
/// What changing field counts a role below them whose entry education
/// (BLS) is two or more levels under theirs.
const FAR_BELOW_EDUCATION: f64 = 0.6;
/// What exploring counts an occupation outside the field's core.
const ADJACENT: f64 = 0.6;

/// One rule that set a path's score, with its figures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Rule {
    /// Exploring or finding work: the fit averaged with how strongly what
    /// the person said points to the path rather than the field's others.
    PointsHere {
        /// The pointing, in (0, 1); 0.5 neither way.
        pointing: f64,
    },
    /// Moving up or changing field: the fit is half the score, the move
    /// the other half (`(1 + fit) / 2` before the other rules).
    MoveWeighed,
    /// How the path stands to where the person is, for their goal.
    Movement {
        /// How it stands.
        movement: Move,
        /// What it counts.
        factor: f64,
    },
    /// Nothing in the sources links the path to where the person stands.
    Unlinked {
        /// Whether it is one of the field's core occupations.
        core: bool,
        /// What it counts.
        factor: f64,
    },
    /// Moving up or changing field: a link weaker than the others (O*NET's
    /// Supplemental tier, a route open to any graduate).
    Linked {
        /// The link.
        link: Link,
        /// What it counts.
        factor: f64,
    },
    /// Exploring: an occupation at the edge of the field.
    Adjacent {
        /// What it counts.
        factor: f64,
    },
    /// Exploring: the path's entry education is a long way from the
    /// person's.
    LongRoute {
        /// The education BLS says is typically needed to enter it.
        entry: EducationLevel,
        /// What it counts.
        factor: f64,
    },
    /// Finding work: the path's entry education is not yet the person's.
    NotYetQualified {
        /// The education BLS says is typically needed to enter it.
        entry: EducationLevel,
        /// What it counts.
        factor: f64,
    },
    /// BLS projects the occupation to decline (the Occupational Outlook
    /// Handbook's [`Trend::Decline`]).
    Declining {
        /// The projected percent change.
        change: f64,
        /// What it counts.
        factor: f64,
        /// Exploring or changing field: whether the score was held below
        /// the best path that is not shrinking ([`HELD_BELOW`]).
        held: bool,
    },
}

impl Rule {
    /// What the rule multiplies the score by (1 for the average).
    pub fn factor(&self) -> f64 {
        match self {
            Self::PointsHere { .. } | Self::MoveWeighed => 1.0,
            Self::Movement { factor, .. }
            | Self::Unlinked { factor, .. }
            | Self::Linked { factor, .. }
            | Self::Adjacent { factor }
            | Self::LongRoute { factor, .. }
            | Self::NotYetQualified { factor, .. }
            | Self::Declining { factor, .. } => *factor,
        }
    }
}

/// One career path's score for the person's goal.
#[derive(Debug, Clone, PartialEq)]
pub struct PathScore {
    /// Index into the catalog's career paths.
    pub path: usize,
    /// The model's fit.
    pub fit: f64,
    /// The score people read, in [0, 1].
    pub score: f64,
    /// How the path stands to where the person is.
    pub movement: Move,
    /// What links it to where they stand, if anything.
    pub link: Option<Link>,
    /// The rules that set the score, in the order applied.
    pub rules: Vec<Rule>,
}

impl PathScore {
    /// Whether the decline rule weighed it.
    pub fn declining(&self) -> bool {
        self.rules
            .iter()
            .any(|r| matches!(r, Rule::Declining { .. }))
    }
}

/// Exploring or changing field, holds every shrinking path's score under
/// the best score of a path that is not shrinking, so that none leads;
/// the decline rule then counts what it took in all.
pub fn hold_shrinking_below(goal: Goal, scores: &mut [PathScore]) {
    if !matches!(goal, Goal::Explore | Goal::Change) {
        return;
    }
    let best = scores
        .iter()
        .filter(|s| !s.declining())
        .map(|s| s.score)
        .fold(0.0, f64::max);
    let held = best * HELD_BELOW;
    for scored in scores.iter_mut().filter(|s| s.score > held) {
        let before = scored.score;
        for rule in &mut scored.rules {
            if let Rule::Declining {
                factor, held: h, ..
            } = rule
            {
                *factor *= held / before;
                *h = true;
                scored.score = held;
            }
        }
    }
}

/// The highest O*NET job zone of an entry role.
const ENTRY_ZONE: u8 = 2;
/// What changing field counts an entry role below what the person brings.
const ENTRY_ROLE_BELOW: f64 = 0.5;

/// Steps of education from none past high school: a certificate or an
/// associate degree 1, a bachelor's 2, a master's 3, a doctorate 4.
fn steps(level: EducationLevel) -> u8 {
    match level {
        EducationLevel::LessThanHighSchool | EducationLevel::HighSchool => 0,
        EducationLevel::PostsecondaryCertificate
        | EducationLevel::SomeCollege
        | EducationLevel::Associate => 1,
        EducationLevel::Bachelor | EducationLevel::PostBaccalaureateCertificate => 2,
        EducationLevel::Master | EducationLevel::PostMastersCertificate => 3,
        EducationLevel::Doctorate => 4,
    }
}

/// What a path counts, standing as `movement` does, for `goal`.
pub fn movement_factor(goal: Goal, movement: Move) -> f64 {
    use Goal::*;
    use Move::*;
    match (movement, goal) {
        (WayIn | StepUp, _) => 1.0,
        (Current, Advance) => 0.15,
        (Current, Change) => 0.3,
        (Current, _) => 1.0,
        (Lateral, Advance) => 0.5,
        (Lateral, _) => 1.0,
        (Below, Advance) => 0.2,
        (Below, Change) => 1.0,
        (Below, _) => 0.8,
        (WellBelow, Advance) => 0.1,
        (WellBelow, Change) => 0.4,
        (WellBelow, _) => 0.5,
    }
}

/// What a path is to the person, for the score.
#[derive(Debug, Clone, Copy)]
pub struct Path {
    /// Index into the catalog's career paths.
    pub index: usize,
    /// Its fit.
    pub fit: f64,
    /// How strongly what the profile says points to it rather than the
    /// field's other paths, in (0, 1).
    pub pointing: f64,
    /// What links it to where the person stands.
    pub link: Option<Link>,
}

/// Path `path`'s score for the person `standing` describes.
pub fn score(catalog: &Catalog, standing: &Standing, profile: &Profile, path: Path) -> PathScore {
    let career_path = &catalog.career_paths[path.index];
    let goal = standing.goal;
    let mut rules = Vec::new();
    let mut score = match goal {
        Goal::Explore | Goal::FindWork => {
            rules.push(Rule::PointsHere {
                pointing: path.pointing,
            });
            (path.fit + path.pointing) / 2.0
        }
        Goal::Advance | Goal::Change => {
            rules.push(Rule::MoveWeighed);
            (1.0 + path.fit) / 2.0
        }
    };
    let movement = standing.movement(catalog, path.index);
    let mut factor = movement_factor(goal, movement);
    let outlook = career_path.outlook.as_ref();
    if goal == Goal::Change && movement == Move::Below {
        let entry = outlook.and_then(|o| o.entry_education);
        let far_below =
            matches!((entry, standing.education), (Some(e), Some(h)) if h as i32 - e as i32 >= 2);
        if career_path.job_zone <= ENTRY_ZONE {
            factor = ENTRY_ROLE_BELOW;
        } else if far_below {
            factor = FAR_BELOW_EDUCATION;
        }
    }
    if factor != 1.0 {
        rules.push(Rule::Movement { movement, factor });
    }
    let core = career_path.core_him;
    match (goal, movement, path.link) {
        (Goal::Advance, Move::StepUp, None) => rules.push(Rule::Unlinked {
            core,
            factor: UNLINKED_STEP_UP,
        }),
        (Goal::Change, Move::Current, _) => {}
        (Goal::Advance | Goal::Change, _, Some(link)) if link.factor() < 1.0 => {
            rules.push(Rule::Linked {
                link,
                factor: link.factor(),
            })
        }
        (_, _, Some(_)) => {}
        (Goal::Change, _, None) => rules.push(Rule::Unlinked {
            core,
            factor: if core { UNLINKED_CORE } else { UNLINKED },
        }),
        _ => {}
    }
    if goal == Goal::Explore && !core {
        rules.push(Rule::Adjacent { factor: ADJACENT });
    }
    if let (Goal::Explore, Some(entry)) = (goal, outlook.and_then(|o| o.entry_education)) {
        let held = standing.education.unwrap_or(EducationLevel::HighSchool);
        let factor = match steps(entry).saturating_sub(steps(held)) {
            0 => 1.0,
            1 => 0.9,
            2 => 0.8,
            _ => 0.6,
        };
        if factor < 1.0 {
            rules.push(Rule::LongRoute { entry, factor });
        }
    }
    let leads_here = profile
        .credentials
        .iter()
        .any(|&c| catalog.credentials[c].paths.contains(&path.index));
    if goal == Goal::FindWork && movement != Move::Current {
        let entry = outlook.and_then(|o| o.entry_education);
        // What the person brings (a credential, their work) is what
        // qualifies them now: a path it does not lead to counts less.
        let brings = !profile.credentials.is_empty() || standing.occupation.is_some();
        if brings && !leads_here && path.link.is_none() {
            rules.push(Rule::Unlinked {
                core,
                factor: UNLINKED_CORE,
            });
        }
        if let (Some(entry), Some(held)) = (entry, standing.education) {
            if held < entry && !leads_here {
                rules.push(Rule::NotYetQualified {
                    entry,
                    factor: NOT_YET_QUALIFIED,
                });
            }
        }
    }
    // Finding work with what they have: the work a credential they hold
    // leads to, or the work they do, is what they have, shrinking or not
    // (the outlook still says it).
    let what_they_have = goal == Goal::FindWork && (movement == Move::Current || leads_here);
    if let Some(change) = outlook.and_then(|o| o.change_percent) {
        if Trend::of(change) == Trend::Decline && !what_they_have {
            rules.push(Rule::Declining {
                change,
                factor: DECLINING,
                held: false,
            });
        }
    }
    score *= rules.iter().map(Rule::factor).product::<f64>();
    PathScore {
        path: path.index,
        fit: path.fit,
        score: score.clamp(0.0, 1.0),
        movement,
        link: path.link,
        rules,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scored(path: usize, score: f64, declining: bool) -> PathScore {
        PathScore {
            path,
            fit: score,
            score,
            movement: Move::WayIn,
            link: None,
            rules: if declining {
                vec![Rule::Declining {
                    change: -4.9,
                    factor: DECLINING,
                    held: false,
                }]
            } else {
                Vec::new()
            },
        }
    }

    #[test]
    fn a_shrinking_path_never_leads_for_a_choice_of_field() {
        for goal in [Goal::Explore, Goal::Change] {
            let mut scores = vec![scored(0, 0.3, false), scored(1, 0.45, true)];
            hold_shrinking_below(goal, &mut scores);
            assert!(scores[1].score < scores[0].score);
            assert!((scores[1].score - 0.3 * HELD_BELOW).abs() < 1e-12);
            // What the rule took in all is its factor.
            let Rule::Declining { factor, held, .. } = scores[1].rules[0] else {
                unreachable!()
            };
            assert!(held);
            assert!((factor - DECLINING * 0.3 * HELD_BELOW / 0.45).abs() < 1e-12);
        }
        // Finding work, the work a person has may lead, outlook said.
        let mut scores = vec![scored(0, 0.3, false), scored(1, 0.45, true)];
        hold_shrinking_below(Goal::FindWork, &mut scores);
        assert_eq!(scores[1].score, 0.45);
    }

    #[test]
    fn moving_up_never_rewards_standing_still() {
        for goal in Goal::ALL {
            assert_eq!(movement_factor(goal, Move::StepUp), 1.0);
            assert!(movement_factor(goal, Move::WellBelow) <= movement_factor(goal, Move::Below));
        }
        assert!(
            movement_factor(Goal::Advance, Move::Current)
                < movement_factor(Goal::Advance, Move::Lateral)
        );
        assert_eq!(movement_factor(Goal::FindWork, Move::Current), 1.0);
    }
}
