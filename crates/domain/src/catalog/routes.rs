//! Routes from a program to a credential: which credentials a program's
//! graduates may sit for through the program itself, from the issuers'
//! eligibility routes in `credentials.csv` (`program_levels`,
//! `program_accreditor`), and whether the route depends on an
//! accreditation the program may lack.

use super::{Accreditation, Catalog, Program};
use crate::language::Language;

/// The accreditor whose status the operator's overlay records
/// (`cahiim_accredited`).
pub const RECORDED_ACCREDITOR: &str = "CAHIIM";

/// One credential a program leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CredentialRoute {
    /// Index into `Catalog::credentials`.
    pub credential: usize,
    /// Whether the issuer's route goes through a program of this level
    /// (`false`: the credential needs no program, but the operator says
    /// this one prepares for it).
    pub by_level: bool,
    /// Whether the route needs an accreditor ([`Self::accreditor`]).
    pub needs_accreditation: bool,
    /// Whether the program holds that accreditation: `None` when no source
    /// says (or there is none to hold).
    pub accredited: Option<bool>,
    /// The operator says the program prepares for the credential.
    pub prepares: bool,
}

impl CredentialRoute {
    /// Whether the route is known to be closed: it needs an accreditation
    /// the program is known not to hold.
    pub fn closed(&self) -> bool {
        self.needs_accreditation && self.accredited == Some(false)
    }

    /// The accreditor the route needs, e.g. `CAHIIM`; `None` when any
    /// program of the level will do.
    pub fn accreditor<'a>(&self, catalog: &'a Catalog) -> Option<&'a str> {
        self.needs_accreditation.then(|| {
            catalog.credentials[self.credential]
                .program_accreditor
                .as_str()
        })
    }
}

impl CredentialRoute {
    /// The route in one sentence, e.g. "RHIT: graduates of CAHIIM-accredited
    /// associate programs may sit the exam; this program's CAHIIM
    /// accreditation is unknown (the operator can state it)".
    pub fn describe(&self, catalog: &Catalog) -> String {
        self.describe_in(catalog, Language::En)
    }

    /// The same sentence in `language`.
    pub fn describe_in(&self, catalog: &Catalog, language: Language) -> String {
        let credential = &catalog.credentials[self.credential];
        let (code, issuer) = (&credential.code, &credential.issuer);
        let es = language == Language::Es;
        let prepared = match (self.prepares, es) {
            (false, _) => String::new(),
            (true, false) => format!("; the operator says it prepares for the {code}"),
            (true, true) => format!("; el operador dice que prepara para la {code}"),
        };
        if !self.by_level {
            return if es {
                format!("{code}: el operador dice que este programa prepara para ella; {issuer} no fija requisitos de programa para el examen")
            } else {
                format!("{code}: the operator says this program prepares for it; {issuer} sets no program requirement for the exam")
            };
        }
        let levels = level_list(&credential.program_levels, language);
        let Some(accreditor) = self.accreditor(catalog) else {
            return if es {
                format!("{code}: los egresados de programas de {levels} pueden presentar el examen{prepared}")
            } else {
                format!("{code}: graduates of {levels} programs may sit the exam{prepared}")
            };
        };
        let recorded = accreditor == RECORDED_ACCREDITOR;
        let status = match (self.accredited, es) {
            (Some(true), false) => format!("this program is {accreditor}-accredited (the operator says)"),
            (Some(true), true) => format!("este programa está acreditado por {accreditor} (según el operador)"),
            (Some(false), false) => format!(
                "this program is not {accreditor}-accredited (the operator says), so it is not a route to the {code}"
            ),
            (Some(false), true) => format!(
                "este programa no está acreditado por {accreditor} (según el operador), así que no es una ruta hacia la {code}"
            ),
            (None, false) if recorded => format!(
                "this program's {accreditor} accreditation is unknown (the operator can state it)"
            ),
            (None, true) if recorded => format!(
                "la acreditación {accreditor} de este programa es desconocida (el operador puede indicarla)"
            ),
            (None, false) => format!("whether this program is {accreditor}-accredited is not recorded here"),
            (None, true) => format!("aquí no consta si este programa está acreditado por {accreditor}"),
        };
        if es {
            format!("{code}: los egresados de programas de {levels} acreditados por {accreditor} pueden presentar el examen; {status}{prepared}")
        } else {
            format!("{code}: graduates of {accreditor}-accredited {levels} programs may sit the exam; {status}{prepared}")
        }
    }
}

/// Scorecard credential levels as a phrase: "associate", "bachelor's or
/// post-baccalaureate certificate".
fn level_list(levels: &[u8], language: Language) -> String {
    let names: Vec<&str> = levels
        .iter()
        .map(|&level| level_name(level, language))
        .collect();
    match language {
        Language::En => names.join(" or "),
        Language::Es => names.join(" o "),
    }
}

/// A Scorecard credential level, as a word of a phrase.
pub fn level_name(level: u8, language: Language) -> &'static str {
    match (language, level) {
        (Language::En, 1) => "certificate",
        (Language::En, 2) => "associate",
        (Language::En, 3) => "bachelor's",
        (Language::En, 4) => "post-baccalaureate certificate",
        (Language::En, 5) => "master's",
        (Language::En, 6) => "doctoral",
        (Language::En, 7) => "first professional",
        (Language::En, _) => "graduate certificate",
        (Language::Es, 1) => "certificado",
        (Language::Es, 2) => "título asociado",
        (Language::Es, 3) => "licenciatura",
        (Language::Es, 4) => "certificado de posbachillerato",
        (Language::Es, 5) => "maestría",
        (Language::Es, 6) => "doctorado",
        (Language::Es, 7) => "primer título profesional",
        (Language::Es, _) => "certificado de posgrado",
    }
}

impl Catalog {
    /// The credentials `program` leads to, in catalog order: those whose
    /// issuer lets graduates of its credential level sit the exam, and
    /// those its operator says it prepares for.
    pub fn credential_routes(&self, program: &Program) -> Vec<CredentialRoute> {
        self.credentials
            .iter()
            .enumerate()
            .filter_map(|(index, credential)| {
                let by_level = credential
                    .program_levels
                    .contains(&program.credential_level);
                let prepares = program.facts.prepares_for.contains(&credential.code);
                if !by_level && !prepares {
                    return None;
                }
                let needs_accreditation = by_level && !credential.program_accreditor.is_empty();
                let accredited = match needs_accreditation.then_some(&credential.program_accreditor)
                {
                    Some(accreditor) if accreditor == RECORDED_ACCREDITOR => {
                        match program.accreditation {
                            Accreditation::Accredited => Some(true),
                            Accreditation::NotAccredited => Some(false),
                            Accreditation::Unknown => None,
                        }
                    }
                    _ => None,
                };
                Some(CredentialRoute {
                    credential: index,
                    by_level,
                    needs_accreditation,
                    accredited,
                    prepares,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
        Catalog::load(&root.join("data")).unwrap()
    }

    fn codes(catalog: &Catalog, program: &Program) -> Vec<String> {
        catalog
            .credential_routes(program)
            .iter()
            .map(|r| catalog.credentials[r.credential].code.clone())
            .collect()
    }

    #[test]
    fn associate_programs_lead_to_the_rhit_and_bachelors_to_the_rhia() {
        let catalog = catalog();
        let mut associate = catalog
            .programs
            .values()
            .find(|p| p.credential_level == 2)
            .unwrap()
            .clone();
        let bachelor = catalog
            .programs
            .values()
            .find(|p| p.credential_level == 3)
            .unwrap();
        assert!(codes(&catalog, &associate).contains(&"RHIT".to_owned()));
        assert!(!codes(&catalog, &associate).contains(&"RHIA".to_owned()));
        assert!(codes(&catalog, bachelor).contains(&"RHIA".to_owned()));
        let rhit = catalog.credential_index("RHIT").unwrap();
        let route = |p: &Program| {
            catalog
                .credential_routes(p)
                .into_iter()
                .find(|r| r.credential == rhit)
                .unwrap()
        };
        assert_eq!(route(&associate).accreditor(&catalog), Some("CAHIIM"));
        assert_eq!(route(&associate).accredited, None);
        associate.accreditation = Accreditation::NotAccredited;
        assert!(route(&associate).closed());
        associate.accreditation = Accreditation::Accredited;
        assert_eq!(route(&associate).accredited, Some(true));
        // A credential with no program route appears once the operator
        // says the program prepares for it.
        associate.facts.prepares_for = vec!["CCS".into()];
        let ccs = catalog
            .credential_routes(&associate)
            .into_iter()
            .find(|r| catalog.credentials[r.credential].code == "CCS")
            .unwrap();
        assert!(ccs.prepares && !ccs.by_level && ccs.accreditor(&catalog).is_none());
        associate.accreditation = Accreditation::Unknown;
        assert_eq!(
            route(&associate).describe(&catalog),
            "RHIT: graduates of CAHIIM-accredited associate programs may sit the exam; \
             this program's CAHIIM accreditation is unknown (the operator can state it)"
        );
    }
}
