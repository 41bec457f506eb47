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
//! - [`model`]: the trained model as it serves;
//! - [`rank`]: requests checked into queries, and everything ranked.

pub mod catalog;
pub mod education;
pub mod error;
pub mod language;
pub mod model;
pub mod profile;
pub mod rank;
pub mod riasec;
pub mod text;
pub mod top_k;
