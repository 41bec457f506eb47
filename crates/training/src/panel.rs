//! The counselor panel: people as an HIM program director or career
//! counselor meets them, each with what a counselor would accept, written
//! from O*NET's and the issuers' own pages (`tests/fixtures/counselor_panel.toml`,
//! sources cited per person). Each person's answer is judged against it:
//! the first career path, the paths that must not lead or be in the first
//! three, the first credential step of the first path, the credentials
//! never to offer, the first program's level; and on everyone, what no
//! answer may do: offer a credential held, list out of the order of the
//! scores shown, tell a skill at or above typical as a fault.

use std::path::Path;

use serde::Deserialize;

use himrec_domain::catalog::Catalog;
use himrec_domain::profile::ProfileFile;
use himrec_domain::rank::{Query, QueryInput, ReasonCode, Recommendations, Recommender, StepKind};

/// The panel file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PanelFile {
    person: Vec<Person>,
}

/// One person and what a counselor accepts for them.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Short id.
    pub id: String,
    /// Who they are, in a line.
    pub who: String,
    /// The profile, as a profile file writes it.
    pub profile: String,
    /// Acceptable first career paths.
    pub first_path: Vec<String>,
    /// Paths that must not be first.
    #[serde(default)]
    pub must_not_lead: Vec<String>,
    /// Paths that must not be in the first three.
    #[serde(default)]
    pub not_in_top3: Vec<String>,
    /// Acceptable first credential steps of the first path; `None`: no
    /// view.
    pub first_credential: Option<Vec<String>>,
    /// Credentials never to offer on the first three paths.
    #[serde(default)]
    pub never_credential: Vec<String>,
    /// Acceptable Scorecard levels of the first program; `None`: any.
    pub program_levels: Option<Vec<u32>>,
    /// The counselor's reasoning.
    pub why: String,
    /// What the expectations rest on.
    pub sources: Vec<String>,
}

/// Reads a panel file.
pub fn read(path: &Path) -> Result<Vec<Person>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let file: PanelFile = toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(file.person)
}

/// How one person's answer fares.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// The person's id.
    pub id: String,
    /// The goal the answer served.
    pub goal: &'static str,
    /// The first career path shown.
    pub first_path: Option<String>,
    /// Whether it is acceptable.
    pub first_ok: bool,
    /// Paths of `not_in_top3` (or `must_not_lead`, first) shown too high.
    pub too_high: Vec<String>,
    /// The first credential step of the first path.
    pub first_credential: Option<String>,
    /// Whether it is acceptable; `None` where the panel has no view.
    pub credential_ok: Option<bool>,
    /// Credentials offered on the first three paths that must not be.
    pub offered_never: Vec<String>,
    /// Credentials held that were offered.
    pub held_offered: Vec<String>,
    /// The first program's Scorecard level.
    pub first_program_level: Option<u32>,
    /// Whether it is acceptable; `None` where the panel has no view.
    pub program_ok: Option<bool>,
    /// The lists not in descending order of their scores.
    pub out_of_order: Vec<&'static str>,
    /// Reasons telling a skill at or above typical as lowering the score.
    pub skill_faults: usize,
}

/// Judges `recommender`'s answer to each person.
pub fn judge(recommender: &Recommender, people: &[Person]) -> Result<Vec<Verdict>, String> {
    let catalog = recommender.catalog();
    people
        .iter()
        .map(|person| {
            let query =
                query(catalog, &person.profile).map_err(|e| format!("{}: {e}", person.id))?;
            let answer = recommender.answer(&query);
            Ok(verdict(catalog, person, &query, &answer))
        })
        .collect()
}

fn query(catalog: &Catalog, profile: &str) -> Result<Query, String> {
    let input = ProfileFile::parse(profile)?.into_input()?;
    QueryInput {
        profile: Some(input),
        detail: Some(Default::default()),
        ..QueryInput::default()
    }
    .check(catalog, usize::MAX)
    .map_err(|e| format!("{e:?}"))
}

fn descending(scores: impl Iterator<Item = f64>) -> bool {
    let scores: Vec<f64> = scores.collect();
    scores.windows(2).all(|w| w[0] >= w[1])
}

fn verdict(
    catalog: &Catalog,
    person: &Person,
    query: &Query,
    answer: &Recommendations<'_>,
) -> Verdict {
    let paths: Vec<&str> = answer
        .career_paths
        .iter()
        .map(|c| c.career_path.soc_code.as_str())
        .collect();
    let first_path = paths.first().map(|p| (*p).to_owned());
    let first_ok = paths
        .first()
        .is_some_and(|p| person.first_path.iter().any(|a| a == p));
    let mut too_high: Vec<String> = paths
        .first()
        .filter(|p| person.must_not_lead.iter().any(|m| m == *p))
        .map(|p| (*p).to_owned())
        .into_iter()
        .collect();
    too_high.extend(
        paths
            .iter()
            .take(3)
            .filter(|p| person.not_in_top3.iter().any(|m| m == *p))
            .map(|p| (*p).to_owned()),
    );
    let first_credential = answer
        .career_paths
        .first()
        .and_then(|c| c.credential_steps.first())
        .map(|s| s.credential.code.clone());
    let credential_ok = person
        .first_credential
        .as_ref()
        .map(|accepted| match &first_credential {
            Some(code) => accepted.contains(code),
            None => accepted.is_empty(),
        });
    let offered: Vec<&str> = answer
        .career_paths
        .iter()
        .take(3)
        .flat_map(|c| &c.credential_steps)
        .map(|s| s.credential.code.as_str())
        .collect();
    let offered_never = person
        .never_credential
        .iter()
        .filter(|c| offered.contains(&c.as_str()))
        .cloned()
        .collect();
    let profile = &query.profile;
    let held_offered = answer
        .career_paths
        .iter()
        .flat_map(|c| &c.credential_steps)
        .filter(|s| {
            let index = catalog.credential_index(&s.credential.code);
            s.check.kind == StepKind::Earn
                && index.is_some_and(|i| {
                    profile.credentials.contains(&i) && !profile.apprentice.contains(&i)
                })
        })
        .map(|s| s.credential.code.clone())
        .collect();
    let first_program_level = answer
        .programs
        .first()
        .map(|p| u32::from(p.entry.program.credential_level));
    let program_ok = person
        .program_levels
        .as_ref()
        .map(|levels| first_program_level.is_some_and(|l| levels.contains(&l)));
    let mut out_of_order = Vec::new();
    if !descending(answer.career_paths.iter().map(|c| c.score)) {
        out_of_order.push("career paths");
    }
    if !descending(answer.settings.iter().map(|s| s.score)) {
        out_of_order.push("work settings");
    }
    if !descending(answer.programs.iter().map(|p| p.score)) {
        out_of_order.push("programs");
    }
    let skill_faults = answer
        .career_paths
        .iter()
        .flat_map(|c| &c.reasons)
        .filter(|r| {
            matches!(
                r.code,
                ReasonCode::SkillAboveTypical | ReasonCode::SkillAtTypical
            ) && r.contribution < 0.0
        })
        .count();
    Verdict {
        id: person.id.clone(),
        goal: answer.goal.name(),
        first_path,
        first_ok,
        too_high,
        first_credential,
        credential_ok,
        offered_never,
        held_offered,
        first_program_level,
        program_ok,
        out_of_order,
        skill_faults,
    }
}

/// The verdicts as a Markdown table with a summary.
pub fn markdown(verdicts: &[Verdict]) -> String {
    let count = |f: &dyn Fn(&Verdict) -> bool| verdicts.iter().filter(|v| f(v)).count();
    let judged = |f: &dyn Fn(&Verdict) -> Option<bool>| {
        let seen: Vec<bool> = verdicts.iter().filter_map(f).collect();
        (seen.iter().filter(|b| **b).count(), seen.len())
    };
    let (credentials_ok, credentials) = judged(&|v| v.credential_ok);
    let (programs_ok, programs) = judged(&|v| v.program_ok);
    let mut out = format!(
        "Counselor panel ({n} people; `tests/fixtures/counselor_panel.toml`, each expectation written from O*NET's and the issuers' own pages):\n\n\
         - first career path acceptable: {first} of {n}\n\
         - no path that must not lead first, none of `not_in_top3` in the first three: {placed} of {n}\n\
         - first credential step of the first path acceptable: {credentials_ok} of {credentials}\n\
         - no credential offered that must not be: {never} of {n}\n\
         - first program at an acceptable level: {programs_ok} of {programs}\n\
         - a credential held offered: {held} answers; a list out of the order of its scores: {order} answers; a skill at or above typical told as a fault: {faults} answers\n\n\
         | person | goal | first path | ok | first credential | ok | first program level | ok | faults |\n|---|---|---|---|---|---|---|---|---|\n",
        n = verdicts.len(),
        first = count(&|v| v.first_ok),
        placed = count(&|v| v.too_high.is_empty()),
        never = count(&|v| v.offered_never.is_empty()),
        held = count(&|v| !v.held_offered.is_empty()),
        order = count(&|v| !v.out_of_order.is_empty()),
        faults = count(&|v| v.skill_faults > 0),
    );
    let mark = |ok: Option<bool>| match ok {
        Some(true) => "yes",
        Some(false) => "**no**",
        None => "-",
    };
    for v in verdicts {
        let mut faults: Vec<String> = Vec::new();
        faults.extend(v.too_high.iter().map(|p| format!("{p} too high")));
        faults.extend(v.offered_never.iter().map(|c| format!("offers {c}")));
        faults.extend(v.held_offered.iter().map(|c| format!("offers held {c}")));
        faults.extend(v.out_of_order.iter().map(|l| format!("{l} out of order")));
        if v.skill_faults > 0 {
            faults.push(format!("{} skill faults", v.skill_faults));
        }
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
            v.id,
            v.goal,
            v.first_path.as_deref().unwrap_or("none"),
            mark(Some(v.first_ok)),
            v.first_credential.as_deref().unwrap_or("none"),
            mark(v.credential_ok),
            v.first_program_level
                .map_or("none".to_owned(), |l| l.to_string()),
            mark(v.program_ok),
            faults.join("; "),
        ));
    }
    out
}
