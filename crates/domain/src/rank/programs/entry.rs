//! A program as served, with what the catalog says around it: the
//! campuses reported with it in this view, its level's usual length, and
//! its routes to credentials, with the sentences in the asked language
//! (a route's written once where the public catalog has it).

use std::borrow::Cow;

use super::index::ProgramIndex;
use crate::catalog::{typical_duration, Catalog};
use crate::language::Language;
use crate::messages;
use crate::rank::answer::{ProgramEntry, RouteEntry};

impl ProgramIndex {
    /// Program `program` of `catalog` (this index's catalog), with its
    /// sentences (its routes', its duration's and its title note) in
    /// `language` when `texts`.
    pub(crate) fn entry<'a>(
        &'a self,
        catalog: &'a Catalog,
        program: usize,
        texts: bool,
        language: Language,
    ) -> ProgramEntry<'a> {
        let say = messages::of(language);
        let p = &catalog.programs[program];
        let routes = catalog
            .credential_routes(p)
            .into_iter()
            .map(|route| RouteEntry {
                route,
                credential: &catalog.credentials[route.credential],
                accreditor: route.accreditor(catalog),
                explanation: texts.then(|| match self.route_texts(&route) {
                    Some(written) => Cow::Borrowed(written[language.index()].as_str()),
                    None => Cow::Owned(super::texts::route_sentence(catalog, &route, language)),
                }),
            })
            .collect();
        let duration = typical_duration(p.credential_level);
        ProgramEntry {
            program: p,
            campuses: self
                .campuses(&catalog.programs, program)
                .iter()
                .map(|&c| &catalog.programs[c])
                .collect(),
            duration,
            duration_text: duration
                .filter(|_| texts)
                .and_then(|_| say.duration(p.credential_level)),
            title_note: (texts && p.facts.program_name.is_none()).then(|| say.cip_family_note()),
            routes,
        }
    }
}
