//! The words of a career path's fit reasons: what the person gave (a
//! skill, a credential, interests, education) against what the path
//! typically asks, with the O*NET evidence behind the typical level.

use super::reason::{DataSource, ReasonCode, Unit, Value};
use crate::catalog::Catalog;
use crate::language::Language;
use crate::messages::{self, Standing, Vouched};
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
        let (catalog, profile) = (self.catalog, self.profile);
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
        let vouched = match profile.vouched_by[s] {
            Some(Voucher::Credential(c)) => Vouched::Credential(&catalog.credentials[c].code),
            Some(Voucher::Work(o)) => Vouched::Work(&catalog.occupations[o].title),
            None => Vouched::Stated,
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
        let standing = match code {
            ReasonCode::SkillAboveTypical => Standing::Above,
            ReasonCode::SkillTowardTypical => Standing::Toward,
            ReasonCode::SkillBelowTypical => Standing::Below,
            _ => Standing::At,
        };
        let what = messages::of(self.language).skill_level(
            name,
            &fixed(shown, 2),
            &fixed(typical, 2),
            standing,
            vouched,
        );
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
            let what = messages::of(self.language).credential_held(&c.code, &c.issuer);
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
        let what = messages::of(self.language).interests_match(&fixed(r, 2));
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
            .map_or("", |e| messages::of(language).education(e));
        let what = messages::of(language)
            .education_against_usual(held, messages::of(language).education(usual));
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
        let say = messages::of(self.language);
        if let Some(&id) = evidence.tasks.first() {
            if let Some((_, text)) = path.tasks.iter().find(|(t, _)| *t == id) {
                // The statement itself is in Catalog.ListCareerPaths.
                values.push(
                    Value::number("task_id", f64::from(id), Unit::None).from(DataSource::Onet),
                );
                return say.task_evidence(id, &quote(text));
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
                say.element_evidence(name, &fixed(*importance, 1))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rank::reason::Datum;

    fn catalog() -> Catalog {
        let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
        Catalog::load(&root.join("data")).unwrap()
    }

    /// A person who named only `skill`, at `level`.
    fn naming(catalog: &Catalog, skill: usize, level: f64) -> Profile {
        let mut profile = Profile::new(vec![None; catalog.skills.len()], None, None);
        profile.state_skill(skill, level);
        profile
    }

    /// The reason `profile` gets on path 0 for `skill` when the path
    /// typically asks `typical` and the skill moved the fit by `moved`.
    fn said(
        catalog: &Catalog,
        profile: &Profile,
        skill: usize,
        typical: f64,
        moved: f64,
        language: Language,
    ) -> (ReasonCode, Vec<Value>, String) {
        let mut target = Target::of(catalog, 0);
        target.typical[skill] = typical;
        let words = Words {
            catalog,
            class: 0,
            interest_match: None,
            target: &target,
            profile,
            language,
        };
        let (code, factor, values, what) = words.describe(Part::Skill(skill), moved);
        assert_eq!(factor, format!("skill:{}", catalog.skills[skill].id));
        (code, values, what)
    }

    fn number(values: &[Value], name: &str) -> Option<f64> {
        values
            .iter()
            .find(|v| v.name == name)
            .and_then(|v| match v.datum {
                Datum::Number(n) => Some(n),
                _ => None,
            })
    }

    #[test]
    fn a_skill_reads_by_where_it_stands_against_the_typical_level() {
        let catalog = catalog();
        let s = catalog.skill_index("clinical_coding").unwrap();
        for (level, typical, moved, code, english, spanish) in [
            (
                0.9,
                0.6,
                0.02,
                ReasonCode::SkillAboveTypical,
                "Clinical coding 0.90, more than the 0.60 this path typically asks",
                "más que el 0.60",
            ),
            (
                0.3,
                0.8,
                0.01,
                ReasonCode::SkillTowardTypical,
                "Clinical coding 0.30, on the way to the 0.80 typical on this path",
                "en camino al 0.80",
            ),
            (
                0.3,
                0.8,
                -0.04,
                ReasonCode::SkillBelowTypical,
                "Clinical coding 0.30, against 0.80 typical on this path",
                "frente al 0.80",
            ),
            (
                0.78,
                0.8,
                -0.001,
                ReasonCode::SkillAtTypical,
                "Clinical coding 0.78, at the 0.80 typical on this path",
                "en el 0.80",
            ),
        ] {
            let profile = naming(&catalog, s, level);
            let (got, values, what) = said(&catalog, &profile, s, typical, moved, Language::En);
            assert_eq!(got, code, "{what}");
            assert!(what.starts_with(english), "{what}");
            assert_eq!(number(&values, "level"), Some(level));
            assert_eq!(number(&values, "typical"), Some(typical));
            let (got, es_values, que) = said(&catalog, &profile, s, typical, moved, Language::Es);
            assert_eq!(
                (got, &es_values),
                (code, &values),
                "the same reason in Spanish"
            );
            assert!(
                que.contains(spanish) && que.starts_with("Codificación clínica"),
                "{que}"
            );
        }
    }

    #[test]
    fn a_level_a_credential_vouches_for_says_so_and_which() {
        let catalog = catalog();
        let rhit = catalog.credential_index("RHIT").unwrap();
        let &(s, floor) = catalog.credentials[rhit]
            .skill_floors
            .iter()
            .find(|(_, floor)| *floor >= 0.4)
            .expect("the RHIT examines a skill at 0.4 or more");
        let mut profile = naming(&catalog, s, 0.1);
        profile.hold(&catalog, rhit);
        let (code, values, what) = said(&catalog, &profile, s, 1.0, -0.03, Language::En);
        assert_eq!(code, ReasonCode::SkillBelowTypical);
        assert_eq!(
            number(&values, "level"),
            Some(floor),
            "the vouched level, not the stated"
        );
        let by = values.iter().find(|v| v.name == "vouched_by").unwrap();
        assert_eq!(by.datum, Datum::Text("RHIT".into()));
        assert!(
            what.contains(", vouched for by your RHIT, against 1.00"),
            "{what}"
        );
        let (_, _, que) = said(&catalog, &profile, s, 1.0, -0.03, Language::Es);
        assert!(
            que.contains(", avalado por su RHIT, frente al 1.00"),
            "{que}"
        );
    }

    #[test]
    fn a_task_is_quoted_whole_when_short_and_cut_at_a_word_when_long() {
        assert_eq!(quote("Code diagnoses."), "Code diagnoses");
        let long = "Assign the patient to diagnosis-related groups (DRGs), using appropriate computer software.";
        let cut = quote(long);
        assert!(cut.ends_with("...") && cut.len() < long.len(), "{cut}");
        let kept = cut.trim_end_matches("...");
        assert!(
            long.starts_with(kept) && !kept.ends_with([',', ' ']),
            "{cut}"
        );
        assert_eq!(
            long[kept.len()..].chars().next(),
            Some(' '),
            "cut at a word: {cut}"
        );
    }
}
