//! Programs on the routes of the career paths an answer shows. A
//! program's score is the product of three factors in [0, 1]:
//!
//! - **route** `sum_c w_c * s_c`: `w_c` is shown path `c`'s score over the
//!   shown paths' scores, and `s_c` how much of `c`'s route the program
//!   takes ([`wants`]): 1 for the program the route needs next (the first
//!   credential's program route, e.g. a CAHIIM-accredited bachelor's for
//!   the RHIA, or the path's entry education where the person's is
//!   lower), 1 for a program its operator says prepares for a credential
//!   on the route, 0.6 for a later credential's program route, 0
//!   otherwise. Its level alone never links a program to a path, and a
//!   program of a level the person holds is on a route only where a
//!   credential's program route asks for it;
//! - **state**: 1 in the person's state or online, 0.4 elsewhere (1 when
//!   no state);
//! - **outcomes** `0.6 + 0.4 * o`, where `o` is the mean of the known parts
//!   of: `sigmoid((earnings - state threshold) / $10,000)` and
//!   `1 - min(debt / earnings, 1)`; `o = 0.5` when Scorecard suppressed
//!   both, so unknown outcomes neither help nor sink a program.
//!
//! Programs are listed in descending order of their score; a program on
//! no shown path's route scores 0 and is not listed. Programs of one
//! credential level (or of a level that prepare for the same credentials)
//! form a group sharing one route factor, read best first by state x
//! outcomes, so the best programs are found without scoring the catalog.
//!
//! Campuses College Scorecard reports together (one OPEID6 group and
//! level, the same figures) are one entry: the first of them in the order
//! stands for the rest. Non-credential programs (Scorecard level 99) are
//! never recommended.
//!
//! The rule's parts live apart: [`index`] holds what is precomputed from
//! the catalog alone, [`indexing`] builds it once for the public catalog
//! and [`layering`] a tenant's view over it, [`merge`] reads the best
//! programs lazily, [`factors`]
//! holds the scoring rule, [`wants`] what the routes ask for,
//! [`outcomes`] the outcome factor, payback and sentence, [`cost`] what a
//! program is likely to cost, [`texts`] the
//! sentences, [`reasons`] the reasons of one answer, and [`entry`] a
//! program as served, with its campuses and routes.

mod cost;
mod entry;
mod factors;
mod index;
mod indexing;
mod layering;
mod merge;
#[cfg(test)]
mod merge_check;
mod outcomes;
mod reasons;
mod texts;
mod wants;

pub(crate) use index::{ProgramIndex, Wanted};
pub(crate) use wants::Wants;
