//! The words of a career path's fit reasons: what the person gave (a
//! skill, a credential, interests, education) against what the path
//! typically asks, with the O*NET evidence behind the typical level.

use super::reason::{DataSource, ReasonCode, Unit, Value};
use crate::catalog::Catalog;
use crate::language::Language;
use crate::model::fit::Target;
use crate::model::{Part, MIN_GAP};
use crate::profile::{Profile, Voucher};
use crate::text::fixed;

/// Characters of an O*NET task statement quoted in a reason.
const TASK_QUOTE: usize = 70;

/// What a path's reasons are written from.
pub(super) struct Words<'a> {
    pub(super) catalog: &'a Catalog,
    pub(super) class: usize,
    pub(super) interest_match: Option<f64>,
    pub(super) target: &'a Target,
    pub(super) profile: &'a Profile,
    pub(super) language: Language,
}

impl Words<'_> {
    /// The code, factor, values and words of what the person gave
    /// (`contribution`, the part's effect on the fit, picks how a level
    /// below typical reads).
    pub(super) fn describe(
        &self,
        part: Part,
        contribution: f64,
    ) -> (ReasonCode, String, Vec<Value>, String) {
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
        let vouched_by = profile.vouched_by[s].map(|v| match v {
            Voucher::Credential(c) => catalog.credentials[c].code.as_str(),
            Voucher::Work(o) => catalog.occupations[o].soc_code.as_str(),
        });
        let vouched = match (profile.vouched_by[s], es) {
            (Some(Voucher::Credential(c)), false) => {
                format!(", vouched for by your {}", catalog.credentials[c].code)
            }
            (Some(Voucher::Credential(c)), true) => {
                format!(", avalado por su {}", catalog.credentials[c].code)
            }
            (Some(Voucher::Work(o)), false) => {
                format!(", typical of your work as {}", catalog.occupations[o].title)
            }
            (Some(Voucher::Work(o)), true) => {
                format!(
                    ", típico de su trabajo como {}",
                    catalog.occupations[o].title
                )
            }
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
                format!("{name} {x}, more than the {t} this path typically asks")
            }
            (ReasonCode::SkillAboveTypical, true) => {
                format!("{name} {x}, más que el {t} que esta trayectoria suele pedir")
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
            Value::number("typical", typical, Unit::SkillLevel).from(DataSource::Onet),
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
        let values =
            vec![Value::number("correlation", r, Unit::Correlation).from(DataSource::Onet)];
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
        values.push(Value::text("usual_education", usual.name()).from(DataSource::Onet));
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
                values.push(
                    Value::number("task_id", f64::from(id), Unit::None).from(DataSource::Onet),
                );
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
                values.push(Value::text("element", name.clone()).from(DataSource::Onet));
                values.push(
                    Value::number("importance", *importance, Unit::Importance)
                        .from(DataSource::Onet),
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
