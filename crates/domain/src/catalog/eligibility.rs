//! A credential's eligibility as conditions a person can be checked
//! against: the issuer's routes (`credentials.csv`, `rules`), any one of
//! which opens the exam, each a list of conditions that must all hold.
//!
//! The rules restate the issuer's page the credential's `source_url`
//! names, in this syntax: routes separated by ` | `, conditions within a
//! route by ` & `:
//!
//! | condition | meaning |
//! |---|---|
//! | `none` | anyone may sit the exam |
//! | `education>=LEVEL` | highest education at least `LEVEL` (`high_school`, `associate`, `bachelor`, `master`, ...) |
//! | `college60` | an associate degree or 60 college credits (NCRA's words) |
//! | `program:L:ACCREDITOR` | completed a program of Scorecard credential level `L` accredited by `ACCREDITOR` |
//! | `holds:A/B/...` | holds one of these credentials |
//! | `licence:RN/MD/...` | holds one of these licences |
//! | `experience:N:DOMAIN` | `N` years of work in `DOMAIN` |
//! | `coursework:WHAT` | college coursework the issuer names (e.g. `anatomy_physiology`) |
//!
//! A credential whose rules could not be confirmed from the issuer's own
//! page has none: its eligibility is unknown, never assumed open.

use crate::education::EducationLevel;

/// Kinds of work whose years an issuer counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExperienceDomain {
    /// Assigning diagnosis and procedure codes.
    Coding,
    /// Cancer registry work (NCRA).
    CancerRegistry,
    /// Clinical documentation integrity: concurrent or retrospective
    /// review as a CDI specialist (ACDIS: documenting as a clinician does
    /// not count).
    DocumentationIntegrity,
    /// Healthcare privacy or security management (AHIMA's CHPS).
    PrivacySecurity,
}

impl ExperienceDomain {
    const ALL: [Self; 4] = [
        Self::Coding,
        Self::CancerRegistry,
        Self::DocumentationIntegrity,
        Self::PrivacySecurity,
    ];

    /// The name the rules use, e.g. `coding`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Coding => "coding",
            Self::CancerRegistry => "cancer_registry",
            Self::DocumentationIntegrity => "documentation_integrity",
            Self::PrivacySecurity => "privacy_security",
        }
    }

    /// The domain a rule names.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.name() == name)
    }
}

/// A clinical licence an issuer's route may name. Licences are not
/// credentials of the catalog: a profile states one among its credentials
/// (`RN`, `LPN`, `LVN`, `MD`, `DO`) or through its current occupation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Licence {
    /// Registered nurse.
    RegisteredNurse,
    /// Licensed practical or vocational nurse.
    PracticalNurse,
    /// Physician (MD or DO).
    Physician,
}

impl Licence {
    /// Every licence.
    pub const ALL: [Self; 3] = [Self::RegisteredNurse, Self::PracticalNurse, Self::Physician];

    /// Its usual abbreviation.
    pub fn code(self) -> &'static str {
        match self {
            Self::RegisteredNurse => "RN",
            Self::PracticalNurse => "LPN",
            Self::Physician => "MD",
        }
    }

    /// The licence a code names (`RN`, `LPN` or `LVN`, `MD` or `DO`), in
    /// any case.
    pub fn from_code(code: &str) -> Option<Self> {
        match code.trim().to_ascii_uppercase().as_str() {
            "RN" => Some(Self::RegisteredNurse),
            "LPN" | "LVN" => Some(Self::PracticalNurse),
            "MD" | "DO" => Some(Self::Physician),
            _ => None,
        }
    }
}

/// One condition of an eligibility route.
#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    /// Anyone may sit the exam.
    Open,
    /// Highest education at least this.
    Education(EducationLevel),
    /// An associate degree or 60 college credits.
    College60,
    /// A completed program of this Scorecard credential level, accredited
    /// by this body.
    Program {
        /// Scorecard credential level (1-8).
        level: u8,
        /// The accreditor, e.g. `CAHIIM`.
        accreditor: String,
    },
    /// Holds one of these credentials (indexes into the catalog's).
    Holds(Vec<usize>),
    /// Holds one of these licences.
    Licence(Vec<Licence>),
    /// Years of work in a domain.
    Experience {
        /// How many years.
        years: f64,
        /// In what.
        domain: ExperienceDomain,
    },
    /// College coursework the issuer names, e.g. `anatomy_physiology`.
    Coursework(String),
}

/// One route: conditions that must all hold.
pub type Route = Vec<Condition>;

/// Reads a rules cell into routes; `credential_index` resolves the codes
/// `holds:` names. An empty cell is no routes (unknown).
pub(crate) fn parse_rules(
    cell: &str,
    credential_index: impl Fn(&str) -> Option<usize>,
) -> Result<Vec<Route>, String> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Ok(Vec::new());
    }
    cell.split(" | ")
        .map(|route| {
            route
                .split(" & ")
                .map(|c| parse_condition(c.trim(), &credential_index))
                .collect()
        })
        .collect()
}

fn parse_condition(
    text: &str,
    credential_index: &impl Fn(&str) -> Option<usize>,
) -> Result<Condition, String> {
    if text == "none" {
        return Ok(Condition::Open);
    }
    if text == "college60" {
        return Ok(Condition::College60);
    }
    if let Some(level) = text.strip_prefix("education>=") {
        return EducationLevel::from_name(level)
            .map(Condition::Education)
            .ok_or_else(|| format!("unknown education level {level:?}"));
    }
    let (kind, rest) = text
        .split_once(':')
        .ok_or_else(|| format!("{text:?} is not a condition"))?;
    match kind {
        "program" => {
            let (level, accreditor) = rest
                .split_once(':')
                .ok_or_else(|| format!("{text:?} is not program:LEVEL:ACCREDITOR"))?;
            let level = level
                .parse::<u8>()
                .ok()
                .filter(|l| (1..=8).contains(l))
                .ok_or_else(|| format!("program level {level:?} is not 1-8"))?;
            if accreditor.is_empty() {
                return Err(format!("{text:?} names no accreditor"));
            }
            Ok(Condition::Program {
                level,
                accreditor: accreditor.to_owned(),
            })
        }
        "holds" => rest
            .split('/')
            .map(|code| {
                credential_index(code).ok_or_else(|| format!("holds: unknown credential {code:?}"))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Condition::Holds),
        "licence" => rest
            .split('/')
            .map(|code| Licence::from_code(code).ok_or_else(|| format!("unknown licence {code:?}")))
            .collect::<Result<Vec<_>, _>>()
            .map(Condition::Licence),
        "experience" => {
            let (years, domain) = rest
                .split_once(':')
                .ok_or_else(|| format!("{text:?} is not experience:YEARS:DOMAIN"))?;
            let years = years
                .parse::<f64>()
                .ok()
                .filter(|y| *y > 0.0 && *y <= 20.0)
                .ok_or_else(|| format!("experience years {years:?} is not in (0, 20]"))?;
            let domain = ExperienceDomain::from_name(domain)
                .ok_or_else(|| format!("unknown experience domain {domain:?}"))?;
            Ok(Condition::Experience { years, domain })
        }
        "coursework" if !rest.is_empty() => Ok(Condition::Coursework(rest.to_owned())),
        _ => Err(format!("{text:?} is not a condition")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(code: &str) -> Option<usize> {
        ["RHIT", "RHIA", "CCS"].iter().position(|c| *c == code)
    }

    #[test]
    fn rules_read_routes_of_conditions() {
        let routes = parse_rules(
            "education>=bachelor & program:4:CAHIIM | holds:RHIT/CCS & experience:4:privacy_security | licence:RN & experience:2:documentation_integrity",
            index,
        )
        .unwrap();
        assert_eq!(routes.len(), 3);
        assert_eq!(
            routes[0],
            vec![
                Condition::Education(EducationLevel::Bachelor),
                Condition::Program {
                    level: 4,
                    accreditor: "CAHIIM".into()
                }
            ]
        );
        assert_eq!(routes[1][0], Condition::Holds(vec![0, 2]));
        assert_eq!(
            routes[2][0],
            Condition::Licence(vec![Licence::RegisteredNurse])
        );
        assert_eq!(parse_rules("", index).unwrap(), Vec::<Route>::new());
        assert_eq!(
            parse_rules("none", index).unwrap(),
            vec![vec![Condition::Open]]
        );
    }

    #[test]
    fn bad_rules_say_what_is_wrong() {
        let err = |cell: &str| parse_rules(cell, index).unwrap_err();
        assert!(err("holds:XYZ").contains("XYZ"));
        assert!(err("education>=phd").contains("phd"));
        assert!(err("experience:2:gardening").contains("gardening"));
        assert!(err("program:9:CAHIIM").contains("1-8"));
        assert!(err("licence:EMT").contains("EMT"));
    }
}
