//! The sentences answers are written in: one method per kind of sentence
//! on [`Sentences`], written once in English ([`en`]) and once in Spanish
//! ([`es`]), so the compiler holds every sentence to both languages and a
//! translator reads each language in one file. A sentence takes the
//! figures it speaks of already as text (a level "0.85", a code "RHIT")
//! and the choice it words as a small enum, never the domain's types: the
//! rules decide, these files only say.
//!
//! The career paths' fit reasons and what links a path to where the
//! person stands are written here; the other reasons' sentences still sit
//! beside their rules (`rank::counsel::texts`, `rank::programs::texts`
//! and the files that call them) until they move here too.

mod en;
mod es;

use crate::language::Language;

/// The sentences of `language`.
pub fn of(language: Language) -> &'static dyn Sentences {
    match language {
        Language::En => &en::English,
        Language::Es => &es::Spanish,
    }
}

/// Where a stated skill stands against a path's typical level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Well above it.
    Above,
    /// Below it, but raising the fit: the path's people usually bring
    /// less.
    Toward,
    /// Below it.
    Below,
    /// About at it.
    At,
}

/// Who vouches for a skill's level, when it is not the level stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vouched<'a> {
    /// Nobody: the person stated it.
    Stated,
    /// A credential held, by its code.
    Credential(&'a str),
    /// The occupation the person works in, by its title.
    Work(&'a str),
}

/// Which way a part of the profile moved a path's fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// It raised the fit.
    Raises,
    /// It lowered the fit.
    Lowers,
    /// A good interest match that the path's own people meet more
    /// closely still: never told as a fault.
    GoodMatchBeaten,
}

/// How a credential that leads to a path is open to the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opening {
    /// It is the next rung of a ladder the person is on.
    NextRung,
    /// Its issuer has a route for graduates with the person's degree.
    DegreeRoute,
    /// Its issuer has a route for a credential or licence they hold.
    IssuerRoute,
}

/// Every sentence an answer is written in, in one language.
pub trait Sentences: Sync {
    /// A skill's level against a path's typical one: "Clinical coding
    /// 0.30, against 0.80 typical on this path".
    fn skill_level(
        &self,
        skill: &str,
        level: &str,
        typical: &str,
        standing: Standing,
        vouched: Vouched<'_>,
    ) -> String;
    /// The O*NET task behind a typical level, quoted as O*NET publishes
    /// it (in English), after a skill's level.
    fn task_evidence(&self, task: u32, quote: &str) -> String;
    /// The O*NET element behind a typical level, after a skill's level.
    fn element_evidence(&self, element: &str, importance: &str) -> String;
    /// A credential held that leads to a path.
    fn credential_held(&self, code: &str, issuer: &str) -> String;
    /// The interests' correlation with a path's.
    fn interests_match(&self, correlation: &str) -> String;
    /// The education held against a path's most common level (both in
    /// this language's words).
    fn education_against_usual(&self, held: &str, usual: &str) -> String;
    /// How a part moved the fit, after what it is.
    fn fit_direction(&self, direction: Direction) -> &'static str;
    /// O*NET lists the path among the occupations related to the
    /// person's (`title`), at `tier`.
    fn related_occupation(&self, title: &str, tier: &str) -> String;
    /// A credential that leads to the path, and how it is open to the
    /// person.
    fn credential_opens(&self, code: &str, issuer: &str, opening: Opening) -> String;
    /// The years the person gave in their work, after where they are:
    /// ", for 8 years".
    fn years_there(&self, years: &str) -> String;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every sentence, with every choice it words, in both languages:
    /// each written, none the same in both (but for names and figures).
    #[test]
    fn every_sentence_is_written_in_english_and_in_spanish() {
        let write = |s: &dyn Sentences| -> Vec<String> {
            let mut out = Vec::new();
            for standing in [
                Standing::Above,
                Standing::Toward,
                Standing::Below,
                Standing::At,
            ] {
                for vouched in [
                    Vouched::Stated,
                    Vouched::Credential("RHIT"),
                    Vouched::Work("Coders"),
                ] {
                    out.push(s.skill_level("X", "0.30", "0.80", standing, vouched));
                }
            }
            out.push(s.task_evidence(22877, "Assign codes"));
            out.push(s.element_evidence("Medicine", "4.1"));
            out.push(s.credential_held("RHIT", "AHIMA"));
            out.push(s.interests_match("0.95"));
            out.push(s.education_against_usual("A", "B"));
            for direction in [
                Direction::Raises,
                Direction::Lowers,
                Direction::GoodMatchBeaten,
            ] {
                out.push(s.fit_direction(direction).to_owned());
            }
            out.push(s.related_occupation("Coders", "primary"));
            for opening in [
                Opening::NextRung,
                Opening::DegreeRoute,
                Opening::IssuerRoute,
            ] {
                out.push(s.credential_opens("RHIA", "AHIMA", opening));
            }
            out.push(s.years_there("8"));
            out
        };
        let english = write(of(Language::En));
        let spanish = write(of(Language::Es));
        for (en, es) in english.iter().zip(&spanish) {
            assert!(!en.is_empty() && !es.is_empty());
            assert_ne!(en, es, "the same in both languages");
        }
    }
}
