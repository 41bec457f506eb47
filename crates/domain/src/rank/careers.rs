//! Career paths: ranked by their fit, each with its share, the reasons for
//! its fit in what the person gave (skills, interests, education,
//! credentials), and what to learn or earn next.

use super::answer::{CareerPathScore, CredentialToEarn, SkillToLearn};
use super::reason::{Reason, ReasonCode, Source, Unit, Value};
use crate::catalog::Catalog;
use crate::language::Language;
use crate::model::fit::Target;
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
/// to show where BLS publishes them for the person's state; `prepared_levels`
/// holds, per credential, the levels of the programs that prepare for it.
/// Credential steps are linked to the answer's programs later.
pub(super) fn rank<'a>(
    catalog: &'a Catalog,
    targets: &[Target],
    prepared_levels: &'a [Vec<u32>],
    profile: &Profile,
    assessment: Assessment,
    language: Language,
) -> Vec<CareerPathScore<'a>> {
    let state = profile.state.map(|s| s.usps);
    let Assessment {
        probabilities: shares,
        fits,
        explained,
    } = assessment;
    explained
        .into_iter()
        .map(|mut explanation| {
            let path = explanation.class;
            let score = fits[path].clamp(0.0, 1.0);
            let reasons = reasons(
                catalog,
                &targets[path],
                profile,
                score,
                &explanation,
                language,
            );
            explanation.gaps.truncate(MAX_GAPS);
            explanation.credential_steps.truncate(MAX_CREDENTIAL_STEPS);
            CareerPathScore {
                path,
                career_path: &catalog.career_paths[path],
                score,
                share: shares[path].clamp(0.0, 1.0),
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
                credential_steps: explanation
                    .credential_steps
                    .into_iter()
                    .map(|step| CredentialToEarn {
                        credential: &catalog.credentials[step.credential],
                        prepared_levels: &prepared_levels[step.credential],
                        step,
                        programs: Vec::new(),
                    })
                    .collect(),
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
            let direction = match (language, c > 0.0, short_of_good(&(part, c))) {
                (Language::En, _, true) => {
                    "a good match, which this path's own people meet more closely still"
                }
                (Language::Es, _, true) => {
                    "una buena coincidencia, que las personas de esta trayectoria superan aún"
                }
                (Language::En, true, _) => "raises the fit",
                (Language::En, false, _) => "lowers the fit",
                (Language::Es, true, _) => "aumenta la compatibilidad",
                (Language::Es, false, _) => "reduce la compatibilidad",
            };
            Reason {
                code,
                factor,
                contribution: c,
                values,
                explanation: format!("{what}: {direction} ({})", signed(c, 2)),
            }
        })
        .collect()
}

/// What a path's reasons are written from.
struct Words<'a> {
    catalog: &'a Catalog,
    class: usize,
    interest_match: Option<f64>,
    target: &'a Target,
    profile: &'a Profile,
    language: Language,
}

impl Words<'_> {
    /// The code, factor, values and words of what the person gave
    /// (`contribution`, the part's effect on the fit, picks how a level
    /// below typical reads).
    fn describe(&self, part: Part, contribution: f64) -> (ReasonCode, String, Vec<Value>, String) {
        match part {
            Part::Skill(s) => self.skill(s, contribution),
            Part::Credential => self.credential(),
            Part::Interests => self.interests(),
            Part::Education => self.education(),
        }
    }

    fn skill(&self, s: usize, contribution: f64) -> (ReasonCode, String, Vec<Value>, String) {
        let (catalog, profile, es) = (self.catalog, self.profile, self.language == Language::Es);
        let skill = &catalog.skills[s];
        let name = skill.name_in(self.language);
        let (level, stated, typical) = (
            profile.skills[s],
            profile.stated_skills[s],
            self.target.typical[s],
        );
        let vouched_by = profile.vouched_by[s].map(|c| catalog.credentials[c].code.as_str());
        let vouched = match (vouched_by, es) {
            (Some(code), false) => format!(", vouched for by your {code}"),
            (Some(code), true) => format!(", avalado por su {code}"),
            (None, _) => String::new(),
        };
        let (code, shown) = if stated - typical >= MIN_GAP {
            (ReasonCode::SkillAboveTypical, stated)
        } else if typical - level >= MIN_GAP && contribution > 0.0 {
            // Below typical but above what the path's people usually
            // bring to it: not a shortfall to read as one.
            (ReasonCode::SkillTowardTypical, level)
        } else if typical - level >= MIN_GAP {
            (ReasonCode::SkillBelowTypical, level)
        } else {
            (ReasonCode::SkillAtTypical, level)
        };
        let (x, t) = (fixed(shown, 2), fixed(typical, 2));
        let what = match (code, es) {
            (ReasonCode::SkillAboveTypical, false) => {
                format!("{name} {x} is well above the {t} this path typically asks")
            }
            (ReasonCode::SkillAboveTypical, true) => {
                format!("{name} {x} está muy por encima del {t} que esta trayectoria suele pedir")
            }
            (ReasonCode::SkillTowardTypical, false) => {
                format!("{name} {x}{vouched}, on the way to the {t} typical on this path")
            }
            (ReasonCode::SkillTowardTypical, true) => {
                format!("{name} {x}{vouched}, en camino al {t} típico de esta trayectoria")
            }
            (ReasonCode::SkillBelowTypical, false) => {
                format!("{name} {x}{vouched}, against {t} typical on this path")
            }
            (ReasonCode::SkillBelowTypical, true) => {
                format!("{name} {x}{vouched}, frente al {t} típico de esta trayectoria")
            }
            (_, false) => format!("{name} {x}{vouched}, at the {t} typical on this path"),
            (_, true) => format!("{name} {x}{vouched}, en el {t} típico de esta trayectoria"),
        };
        let mut values = vec![
            Value::text("skill", skill.id.clone()),
            Value::number("level", shown, Unit::SkillLevel),
            Value::number("typical", typical, Unit::SkillLevel).from(Source::Onet),
        ];
        values.extend(vouched_by.map(|code| Value::text("vouched_by", code)));
        let evidence = self.evidence(s, &mut values);
        (
            code,
            format!("skill:{}", skill.id),
            values,
            format!("{what}{evidence}"),
        )
    }

    fn credential(&self) -> (ReasonCode, String, Vec<Value>, String) {
        let held = self
            .profile
            .credentials
            .iter()
            .find(|c| self.target.credentials.contains(c))
            .map(|&c| &self.catalog.credentials[c]);
        let (code, values, what) = held.map_or((String::new(), Vec::new(), String::new()), |c| {
            let what = match self.language {
                Language::En => format!(
                    "You hold the {} ({}), which leads to this path",
                    c.code, c.issuer
                ),
                Language::Es => format!(
                    "Usted tiene la {} ({}), que conduce a esta trayectoria",
                    c.code, c.issuer
                ),
            };
            let values = vec![
                Value::text("credential", c.code.clone()),
                Value::text("issuer", c.issuer.clone()),
            ];
            (c.code.clone(), values, what)
        });
        (
            ReasonCode::CredentialHeld,
            format!("credential:{code}"),
            values,
            what,
        )
    }

    fn interests(&self) -> (ReasonCode, String, Vec<Value>, String) {
        let r = self.interest_match.unwrap_or(0.0);
        let what = match self.language {
            Language::En => format!(
                "Your interests match this path's (O*NET) with a correlation of {}",
                fixed(r, 2)
            ),
            Language::Es => format!(
                "Sus intereses coinciden con los de esta trayectoria (O*NET) con una correlación de {}",
                fixed(r, 2)
            ),
        };
        let values = vec![Value::number("correlation", r, Unit::Correlation).from(Source::Onet)];
        (ReasonCode::Interests, "interests".into(), values, what)
    }

    fn education(&self) -> (ReasonCode, String, Vec<Value>, String) {
        let language = self.language;
        let usual = self.target.usual_education;
        let held = self
            .profile
            .education
            .map_or("", |e| e.describe_in(language));
        let what = match language {
            Language::En => format!(
                "You hold {held}; this path's most common level is {}",
                usual.describe()
            ),
            Language::Es => format!(
                "Usted tiene {held}; el nivel más común en esta trayectoria es {}",
                usual.describe_in(language)
            ),
        };
        let mut values: Vec<Value> = self
            .profile
            .education
            .map(|e| Value::text("education", e.name()))
            .into_iter()
            .collect();
        values.push(Value::text("usual_education", usual.name()).from(Source::Onet));
        (ReasonCode::Education, "education".into(), values, what)
    }

    /// What backs a path's typical level of a skill, for a reason: its
    /// strongest O*NET task, quoted (in English, as O*NET publishes it),
    /// or its O*NET element; pushed to `values` too.
    fn evidence(&self, skill: usize, values: &mut Vec<Value>) -> String {
        let path = &self.catalog.career_paths[self.class];
        let evidence = &path.skill_evidence[skill];
        let es = self.language == Language::Es;
        if let Some(&id) = evidence.tasks.first() {
            if let Some((_, text)) = path.tasks.iter().find(|(t, _)| *t == id) {
                // The statement itself is in Catalog.ListCareerPaths.
                values.push(Value::number("task_id", f64::from(id), Unit::None).from(Source::Onet));
                let quoted = quote(text);
                return if es {
                    format!(" (tarea {id} de O*NET, en inglés: \"{quoted}\")")
                } else {
                    format!(" (O*NET task {id}: \"{quoted}\")")
                };
            }
        }
        evidence
            .elements
            .first()
            .map(|(name, importance)| {
                values.push(Value::text("element", name.clone()).from(Source::Onet));
                values.push(
                    Value::number("importance", *importance, Unit::Importance).from(Source::Onet),
                );
                let x = fixed(*importance, 1);
                if es {
                    format!(" (O*NET: {name}, importancia {x} de 5)")
                } else {
                    format!(" (O*NET: {name}, importance {x} of 5)")
                }
            })
            .unwrap_or_default()
    }
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
