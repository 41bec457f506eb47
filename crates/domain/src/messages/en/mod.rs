//! The sentences in English, one file per part of an answer.

mod counsel;
mod paths;
mod prospects;
mod rules;

/// English.
pub(super) struct English;
