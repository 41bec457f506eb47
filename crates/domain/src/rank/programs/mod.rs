//! Programs. A program's score is its own fit for the person, the product
//! of four factors in [0, 1]:
//!
//! - **path fit** `sum_c P(c | profile) * r_c(level)`, where `r_c(level)` is
//!   the share of path `c`'s workers whose required education is the
//!   program's credential level, over the share of its most common level
//!   (O*NET education survey, or O*NET's preparation description where it
//!   has no survey); for a program its operator says prepares for a
//!   credential (RHIT, CCS, ...), `r_c = 1` for every path that credential
//!   leads to
//!   ([`Catalog::credential_paths`](crate::catalog::Catalog::credential_paths));
//! - **education**: 0.5 for a credential at or below the person's highest
//!   education, 0.25 for a graduate credential without a bachelor's, else 1
//!   (1 when education is not stated);
//! - **state**: 1 in the person's state, 0.4 elsewhere (1 when no state);
//! - **outcomes** `0.6 + 0.4 * o`, where `o` is the mean of the known parts
//!   of: `sigmoid((earnings - state threshold) / $10,000)` and
//!   `1 - min(debt / earnings, 1)`; `o = 0.5` when Scorecard suppressed
//!   both, so unknown outcomes neither help nor sink a program.
//!
//! The score does not depend on the program's place. The list's order
//! does: a group's k-th program is placed by its score over k, the group's
//! programs taken best first by state x outcomes. A group is a credential
//! level's programs, or those of a level that prepare for the same
//! credentials (they share a path fit of their own). This lets every level
//! that fits the person into the list in proportion to its fit, and keeps
//! the list stable: without it, a small change in the profile could pass
//! one program over a long run of another level's programs with close
//! outcomes. A program moved this way says so (`variety` reason).
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
//! holds the scoring rule, [`outcomes`] the outcome factor, payback and
//! sentence, [`texts`] the sentences written once from the catalog,
//! [`reasons`] the reasons of one answer, and [`entry`] a program as
//! served, with its campuses and routes.

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

pub(crate) use index::{ProgramIndex, Wanted};
