//! Routes from a program to a credential: which credentials a program's
//! graduates may sit for through the program itself, from the issuers'
//! eligibility routes in `credentials.csv` (`program_levels`,
//! `program_accreditor`), and whether the route depends on an
//! accreditation the program may lack.

use super::{Accreditation, Catalog, Program};

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
    }
}
