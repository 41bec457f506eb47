//! The domain of himrec: the public data it recommends from, a person's
//! profile, the trained model as it serves, and everything ranked for a
//! profile. No transport, no training and no drawing: the serving and
//! training crates build on this one.
//!
//! Modules, lowest first; each imports only from those above it in this
//! list:
//!
//! - [`error`], [`text`], [`language`], [`top_k`], [`riasec`]:
//!   field violations, number formatting, the languages answers are
//!   written in, the best k of many, the six interest areas;
//! - [`education`]: education levels, with their words in each language;
//! - [`catalog`] (the public data), then [`profile`] (a person, checked
//!   against the catalog);
//! - [`messages`]: the sentences answers are written in, one file per
//!   language and part of an answer;
//! - [`model`]: the trained model as it serves;
//! - [`rank`]: requests checked into queries, and everything ranked.
//!
//! ## Words
//!
//! One word for each concept, in the code as in the answers and docs:
//!
//! - **score**: the figure a person reads on each entry of an answer, in
//!   [0, 1], which the answer says in one sentence (`score_meaning`).
//!   Every list runs in descending order of its score. A career path's is
//!   its fit for the person's goal and where they stand
//!   (`rank::counsel`); a work setting's, the share of the shown paths'
//!   workers it employs, each path weighed by its score; a program's, the
//!   step it takes on a shown path's route, weighed by that path's score,
//!   by place and by outcomes.
//! - **fit**: how well a profile meets what the people on a path bring,
//!   as the share of the path's sampled people it meets at least as well
//!   ([`model::fit`]). More than a path asks never lowers it.
//! - **share**: the probability that a path fits best among all of them,
//!   from the multinomial model ([`model::Assessment::shares`]). Shown
//!   beside the fit; no list is ordered by it.
//! - **pointing**: how strongly what the profile says points to a path
//!   rather than to the field's others.
//! - **detail level** ([`rank::Detail`]): how much of each entry an answer
//!   writes; full adds reasons, routes and skill gaps to basic's figures.
//! - **view**: a tenant's catalog, the public one with the tenant's own
//!   programs and facts laid over it ([`catalog::Catalog::layer`]), and
//!   the recommender built on it.
//! - **reason**: one rule applied to an entry, with its code, its figures
//!   as typed values, and its sentence in the answer's language.
//! - **route**: the education and credentials that lead from where the
//!   person stands to a path, each checked against its issuer's rules.
//! - **unknown**: what a person did not say. It is never 0 and never a
//!   fault; a value the person gave as 0 is a 0.

pub mod catalog;
pub mod education;
pub mod error;
pub mod language;
pub mod messages;
pub mod model;
pub mod profile;
pub mod rank;
pub mod riasec;
pub mod text;
pub mod top_k;
