//! The credentials the catalog knows, as their issuers define them
//! (`data/catalog/credentials.csv`): name, issuer, exam scope, the
//! issuer's eligibility routes in words and as conditions
//! ([`super::eligibility`]), the issuers' ladders, the career paths each
//! leads to and the skills it vouches for.

use std::path::Path;

use super::definitions::{skill_values, split_list, Skill};
use super::eligibility::{self, Condition, Route};
use super::table::Table;
use super::CatalogError;
use crate::education::EducationLevel;

/// A credential as its issuer defines it, the career paths it leads to
/// and the skill levels it vouches for.
#[derive(Debug, Clone)]
pub struct Credential {
    /// Code as used in requests, e.g. `RHIT`.
    pub code: String,
    /// Other codes requests may use for it, e.g. `CTR` for `ODS`, the
    /// name its issuer used before.
    pub aliases: Vec<String>,
    /// Full name, as the issuer writes it.
    pub name: String,
    /// Who awards it, short, e.g. `AHIMA`.
    pub issuer: String,
    /// The issuer's full name.
    pub issuer_name: String,
    /// What its exam covers, in the issuer's terms.
    pub exam_scope: String,
    /// The issuer's eligibility routes, each one sentence; empty when they
    /// could not be confirmed from the issuer's own pages.
    pub eligibility: Vec<String>,
    /// The same routes in Spanish (`catalog/spanish.json`).
    pub eligibility_es: Vec<String>,
    /// Scorecard credential levels (1-8) whose graduates have a route to
    /// it through their program, lowest first; empty when no route goes
    /// through a program.
    pub program_levels: Vec<u8>,
    /// The accreditor such a program needs, e.g. `CAHIIM`; empty when any
    /// program of those levels will do.
    pub program_accreditor: String,
    /// O*NET-SOC codes of the career paths it leads to.
    pub leads_to: Vec<String>,
    /// Indexes of the catalog's career paths it leads to, in `leads_to`'s
    /// order (filled when the catalog is built).
    pub paths: Vec<usize>,
    /// (skill index, minimum proficiency) pairs.
    pub skill_floors: Vec<(usize, f64)>,
    /// The issuer's page the facts come from.
    pub source_url: String,
    /// The issuer's eligibility routes as conditions, any one of which
    /// opens the exam; empty when they could not be confirmed from the
    /// issuer's own page (unknown, never assumed open).
    pub rules: Vec<Route>,
    /// What the issuer recommends before the exam without requiring it,
    /// as conditions: a counselor names first what a person is ready for.
    pub recommended: Vec<Route>,
    /// The credentials this one is the next rung after, in the issuer's
    /// own ladder (the CCS after the CCA, the RHIA after the RHIT): one
    /// who holds this one is never offered those.
    pub follows: Vec<usize>,
    /// The apprentice form the issuer awards before the experience it
    /// asks (AAPC's CPC-A), if any.
    pub apprentice: Option<Apprentice>,
}

/// A credential's apprentice form: passed the exam, not yet the
/// experience.
#[derive(Debug, Clone)]
pub struct Apprentice {
    /// Its code as requests may give it, e.g. `CPC-A`.
    pub code: String,
    /// What removes the apprentice status, as conditions.
    pub removal: Vec<Route>,
}

impl Credential {
    /// The least education every route of the issuer's asks or implies
    /// (a program's level counts as that education); `None` when its
    /// rules are unknown or some route asks none.
    pub fn implied_education(&self) -> Option<EducationLevel> {
        self.rules
            .iter()
            .map(|route| {
                route
                    .iter()
                    .filter_map(|c| match c {
                        Condition::Education(level) => Some(*level),
                        Condition::College60 => Some(EducationLevel::SomeCollege),
                        Condition::Program { level, .. } => program_education(*level),
                        _ => None,
                    })
                    .max()
            })
            .reduce(|a, b| match (a, b) {
                (Some(a), Some(b)) => Some(a.min(b)),
                _ => None,
            })
            .flatten()
    }
}

/// The education a completed program of a Scorecard credential level
/// gives.
pub fn program_education(level: u8) -> Option<EducationLevel> {
    match level {
        1 => Some(EducationLevel::PostsecondaryCertificate),
        2 => Some(EducationLevel::Associate),
        3 => Some(EducationLevel::Bachelor),
        4 => Some(EducationLevel::PostBaccalaureateCertificate),
        5 => Some(EducationLevel::Master),
        6 | 7 => Some(EducationLevel::Doctorate),
        8 => Some(EducationLevel::PostMastersCertificate),
        _ => None,
    }
}

/// The columns of `credentials.csv`, in the order they are read.
const COLUMNS: [&str; 17] = [
    "code",
    "aliases",
    "name",
    "issuer",
    "issuer_name",
    "exam_scope",
    "eligibility",
    "program_levels",
    "program_accreditor",
    "leads_to",
    "skill_floors",
    "source_url",
    "rules",
    "follows",
    "apprentice",
    "apprentice_rules",
    "recommended",
];

/// The cells read in a second pass, once every code is known: a rule or
/// a ladder may name a credential listed after it.
struct Pending {
    line: u64,
    rules: String,
    follows: String,
    apprentice: String,
    apprentice_rules: String,
    recommended: String,
}

pub(crate) fn read_credentials(
    path: &Path,
    skills: &[Skill],
) -> Result<Vec<Credential>, CatalogError> {
    let table = Table::csv(path)?;
    let columns = COLUMNS
        .map(|name| table.column(name))
        .into_iter()
        .collect::<Result<Vec<_>, _>>()?;
    let [code, aliases, name, issuer, issuer_name, scope, eligibility, levels, accreditor, leads_to, floors, url, rules, follows, apprentice, apprentice_rules, recommended] =
        columns[..]
    else {
        unreachable!("one index per column")
    };
    let mut credentials: Vec<Credential> = Vec::new();
    let mut pending = Vec::new();
    for row in table.rows() {
        let skill_floors = skill_values(&row, row.get(floors), skills, "level", "[0,1]", |l| {
            (0.0..=1.0).contains(&l)
        })?;
        let program_levels = split_list(row.get(levels))
            .iter()
            .map(|level| {
                level
                    .parse::<u8>()
                    .ok()
                    .filter(|l| (1..=8).contains(l))
                    .ok_or_else(|| row.error(format!("program level {level:?} is not 1-8")))
            })
            .collect::<Result<Vec<u8>, _>>()?;
        let credential = Credential {
            code: row.get(code).to_owned(),
            aliases: split_list(row.get(aliases)),
            name: row.get(name).to_owned(),
            issuer: row.get(issuer).to_owned(),
            issuer_name: row.get(issuer_name).to_owned(),
            exam_scope: row.get(scope).to_owned(),
            eligibility: sentences(row.get(eligibility)),
            eligibility_es: Vec::new(),
            program_levels,
            program_accreditor: row.get(accreditor).to_owned(),
            leads_to: split_list(row.get(leads_to)),
            paths: Vec::new(),
            skill_floors,
            source_url: row.get(url).to_owned(),
            rules: Vec::new(),
            recommended: Vec::new(),
            follows: Vec::new(),
            apprentice: None,
        };
        let missing = [
            ("code", &credential.code),
            ("name", &credential.name),
            ("issuer", &credential.issuer),
            ("exam_scope", &credential.exam_scope),
            ("source_url", &credential.source_url),
        ]
        .into_iter()
        .find(|(_, v)| v.is_empty());
        if let Some((column, _)) = missing {
            return Err(row.error(format!("{column} is empty")));
        }
        if credential.leads_to.is_empty() {
            return Err(row.error("a credential needs at least one career path it leads to"));
        }
        let new_codes = codes(&credential);
        if let Some(taken) = credentials
            .iter()
            .flat_map(codes)
            .find(|c| new_codes.contains(c))
        {
            return Err(row.error(format!("duplicate credential code {taken}")));
        }
        credentials.push(credential);
        pending.push(Pending {
            line: row.line(),
            rules: row.get(rules).to_owned(),
            follows: row.get(follows).to_owned(),
            apprentice: row.get(apprentice).to_owned(),
            apprentice_rules: row.get(apprentice_rules).to_owned(),
            recommended: row.get(recommended).to_owned(),
        });
    }
    let all: Vec<Vec<String>> = credentials.iter().map(codes).collect();
    let index = |code: &str| {
        let code = code.to_ascii_uppercase();
        all.iter().position(|c| c.contains(&code))
    };
    for (credential, cells) in credentials.iter_mut().zip(pending) {
        let invalid = |reason: String| CatalogError::at(path, cells.line, reason);
        let who = credential.code.clone();
        credential.rules = eligibility::parse_rules(&cells.rules, index)
            .map_err(|e| invalid(format!("{who}: rules: {e}")))?;
        check_program_routes(credential).map_err(invalid)?;
        credential.recommended = eligibility::parse_rules(&cells.recommended, index)
            .map_err(|e| invalid(format!("{who}: recommended: {e}")))?;
        credential.follows = split_list(&cells.follows)
            .iter()
            .map(|c| index(c).ok_or_else(|| invalid(format!("{who} follows unknown {c:?}"))))
            .collect::<Result<_, _>>()?;
        credential.apprentice = match (cells.apprentice.trim(), cells.apprentice_rules.trim()) {
            ("", "") => None,
            (code, removal) if !code.is_empty() && !removal.is_empty() => {
                if index(code).is_some() {
                    return Err(invalid(format!("apprentice code {code} is taken")));
                }
                Some(Apprentice {
                    code: code.to_owned(),
                    removal: eligibility::parse_rules(removal, index)
                        .map_err(|e| invalid(format!("{who}: apprentice_rules: {e}")))?,
                })
            }
            _ => {
                return Err(invalid(format!(
                    "{who}: an apprentice form needs its code and rules"
                )))
            }
        };
    }
    Ok(credentials)
}

/// Every code a credential answers to, upper case.
fn codes(c: &Credential) -> Vec<String> {
    std::iter::once(&c.code)
        .chain(&c.aliases)
        .map(|s| s.to_ascii_uppercase())
        .collect()
}

/// The sentences of an ` | `-separated cell.
fn sentences(cell: &str) -> Vec<String> {
    cell.split(" | ")
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Checks that the rules' program conditions are the program routes
/// `program_levels` and `program_accreditor` restate.
fn check_program_routes(credential: &Credential) -> Result<(), String> {
    let mut levels: Vec<u8> = Vec::new();
    for condition in credential.rules.iter().flatten() {
        if let Condition::Program { level, accreditor } = condition {
            if *accreditor != credential.program_accreditor {
                return Err(format!(
                    "{}: rules name accreditor {accreditor}, program_accreditor {:?}",
                    credential.code, credential.program_accreditor
                ));
            }
            levels.push(*level);
        }
    }
    levels.sort_unstable();
    levels.dedup();
    if levels != credential.program_levels {
        return Err(format!(
            "{}: rules name program levels {levels:?}, program_levels {:?}",
            credential.code, credential.program_levels
        ));
    }
    Ok(())
}
