//! The sentences that say why a program scored as it did. A factor's
//! contribution is what it added to the score; the facts a person weighs
//! (accreditation, practicum, career services) and what its field says of
//! its specialty move nothing and contribute 0. The routes to credentials
//! are the program's own (`Program.credential_routes`), not reasons.

use super::cost::cost_reason;
use super::factors::Place;
use super::index::ProgramIndex;
use super::merge::Head;
use super::outcomes::{outcomes_reason, payback, NEUTRAL_FACTOR};
use super::texts::{route_step, specialty};
use super::wants::Wants;
use crate::catalog::{Accreditation, Catalog, Program};
use crate::language::Language;
use crate::messages::{self, PlaceWords};
use crate::profile::Profile;
use crate::rank::reason::{ReasonCode, Value};
use crate::rank::{ProgramScore, Reason};

/// Career paths named in a program's reasons.
const REASON_PATHS: usize = 2;

impl ProgramIndex {
    /// The listed programs as served, with their scores, payback and, when
    /// `explain`, their reasons and their routes' sentences.
    pub(super) fn scored<'a>(
        &'a self,
        catalog: &'a Catalog,
        profile: &Profile,
        wants: &Wants,
        heads: Vec<Head>,
        explain: bool,
        language: Language,
    ) -> Vec<ProgramScore<'a>> {
        heads
            .iter()
            .map(|head| {
                let program = &catalog.programs[head.program];
                let payback = payback(catalog, program, profile.state.map(|s| s.usps));
                let reasons = if explain {
                    self.reasons(catalog, profile, wants, head, language)
                } else {
                    Vec::new()
                };
                ProgramScore {
                    program: head.program,
                    entry: self.entry(catalog, head.program, explain, language),
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
        wants: &Wants,
        head: &Head,
        language: Language,
    ) -> Vec<Reason> {
        let score = head.score;
        let c = *self.candidate(head.candidate);
        let program = &catalog.programs[c.program];
        let state = profile.state.map(|s| s.usps);
        let rest = c.state_factor(state) * c.outcome;
        let mut reasons = Vec::with_capacity(REASON_PATHS + 5);

        let group = self.group(c.group);
        let matches = wants.for_group(catalog, group.level, &group.credentials);
        for m in matches.iter().take(REASON_PATHS) {
            reasons.push(route_step(
                catalog,
                m,
                m.weight * m.strength * rest,
                language,
            ));
        }
        if matches.is_empty() {
            reasons.push(super::texts::off_route(score, language));
        }
        if let Some(wanted) = state {
            reasons.push(place_reason(
                c.place(state),
                wanted,
                program.state,
                score,
                language,
            ));
        }
        // Written once for its own state; for a person elsewhere, with
        // the figures of theirs.
        let elsewhere = state
            .filter(|&w| program.state != Some(w) && catalog.state_earnings_threshold(w).is_some());
        let contribution = score - score * NEUTRAL_FACTOR / c.outcome;
        reasons.push(match elsewhere {
            Some(_) => {
                let campuses = self.campuses(&catalog.programs, c.program);
                outcomes_reason(catalog, program, state, &campuses).reason(contribution, language)
            }
            None => self
                .outcome_text(head.candidate)
                .reason(contribution, language),
        });
        reasons.push(cost_reason(program, state, language));
        let facts = known_facts(program);
        let names = ["accredited", "practicum", "career_services"];
        reasons.push(Reason {
            code: ReasonCode::ProgramFacts,
            factor: "program_facts".into(),
            contribution: 0.0,
            values: names
                .into_iter()
                .zip(facts)
                .filter_map(|(name, fact)| Some(Value::flag(name, fact?)))
                .collect(),
            explanation: self.core.fact_texts[facts_key(facts)][language.index()].clone(),
        });
        if group.credentials.is_empty() {
            reasons.push(specialty(language));
        }
        reasons
    }
}

/// Why a program's place moved its score (`score`), for a person in
/// `wanted`.
fn place_reason(
    place: Place,
    wanted: &str,
    program_state: Option<&str>,
    score: f64,
    language: Language,
) -> Reason {
    let mut values = vec![Value::text("state", wanted)];
    let (code, words) = match place {
        Place::Online => (ReasonCode::ProgramOnline, PlaceWords::Online(wanted)),
        // With a state wanted, a place is never "anywhere"; were it, the
        // program would be open to the person as one in their state is.
        Place::InState | Place::Anywhere => {
            (ReasonCode::ProgramInState, PlaceWords::InState(wanted))
        }
        Place::OutOfState => {
            values.extend(program_state.map(|s| Value::text("program_state", s)));
            (
                ReasonCode::ProgramOutOfState,
                PlaceWords::OutOfState(wanted, program_state),
            )
        }
    };
    let explanation = messages::of(language).place(words);
    Reason {
        code,
        factor: "state".into(),
        contribution: place.contribution(score),
        values,
        explanation,
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
pub(super) fn describe_facts(facts: [Option<bool>; 3], language: Language) -> String {
    messages::of(language).facts(facts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_reason_says_its_rule_with_its_figures_in_each_language() {
        let outside = place_reason(Place::OutOfState, "TX", Some("OH"), 0.2, Language::En);
        assert_eq!(outside.code, ReasonCode::ProgramOutOfState);
        assert_eq!(
            outside.explanation,
            "Outside TX (in OH), unless it is offered online"
        );
        assert!(outside.contribution < 0.0);
        let names: Vec<&str> = outside.values.iter().map(|v| v.name).collect();
        assert_eq!(names, ["state", "program_state"]);

        let unknown = place_reason(Place::OutOfState, "TX", None, 0.2, Language::Es);
        assert_eq!(
            unknown.explanation,
            "Fuera de TX (en un estado desconocido), salvo que se ofrezca en línea"
        );
        assert_eq!(unknown.values.len(), 1, "an unknown state is left out");

        let online = place_reason(Place::Online, "TX", Some("OH"), 0.5, Language::Es);
        assert_eq!(online.code, ReasonCode::ProgramOnline);
        assert_eq!(
            online.explanation,
            "En línea, así que está abierto desde TX"
        );
        assert!((online.contribution - 0.3).abs() < 1e-12);

        let here = place_reason(Place::InState, "TX", Some("TX"), 0.5, Language::En);
        assert_eq!(here.code, ReasonCode::ProgramInState);
        assert_eq!(here.explanation, "In TX");
    }
}
