//! The sentences answers are written in: one method per kind of sentence
//! on [`Sentences`], written once in English (`en/`) and once in Spanish
//! (`es/`), so the compiler holds every sentence to both languages and a
//! translator reads each language in its own files. A sentence takes the
//! figures it speaks of already written (a code "RHIT", a [`Figure`] such
//! as a level to two places) and the choice it words as a small enum or
//! one of the domain's own (a goal, a trend, an education level): the
//! rules decide, these files only say.
//!
//! Written here: the career paths' fit reasons and what links a path to
//! where the person stands ([`Paths`]), the rules that weigh a path for
//! the person's goal ([`GoalRules`]), counsel: what a score means,
//! an issuer's conditions and each step of a route ([`Counsel`]); a
//! path's outlook and pay ([`Prospects`]); a program's route step, place,
//! outcomes, cost and facts ([`Programs`]); a work setting's staffing
//! ([`Settings`]); and the catalog's own words: education and credential
//! levels, a program's routes to credentials, what a Scorecard title
//! leaves out, how long a level takes ([`CatalogWords`]). Only the catalog's
//! translated names (skills, settings, eligibility routes) come from data,
//! `data/catalog/spanish.json`.

mod counsel;
mod en;
mod es;
mod paths;
mod programs;
mod prospects;
mod rules;
mod settings;
mod words;

pub use counsel::{Counsel, StepServes};
pub use paths::{Direction, Opening, Paths, Standing, Vouched};
pub use programs::{
    Against, CostFigures, NetPrice, OutcomeFigures, PlaceWords, Programs, Repaid, RouteStep,
    Tuition,
};
pub use prospects::{OutlookFigures, PayFigures, Prospects};
pub use rules::{GoalRules, StayWeighed, Whence};
pub use settings::Settings;
pub use words::{CatalogWords, RouteWords};

use crate::language::Language;

/// A figure a sentence writes as it is given (a [`crate::text::fixed`]
/// number, a code), with no string made for it first.
pub type Figure<'a> = &'a dyn std::fmt::Display;

/// The sentences of `language`.
pub fn of(language: Language) -> &'static dyn Sentences {
    match language {
        Language::En => &en::English,
        Language::Es => &es::Spanish,
    }
}

/// Every sentence an answer is written in, in one language.
pub trait Sentences:
    CatalogWords + Paths + GoalRules + Counsel + Prospects + Programs + Settings + Sync
{
}

impl<T> Sentences for T where
    T: CatalogWords + Paths + GoalRules + Counsel + Prospects + Programs + Settings + Sync
{
}

#[cfg(test)]
mod tests;
