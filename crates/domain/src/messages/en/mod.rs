//! The sentences in English, one file per part of an answer.

mod counsel;
mod paths;

/// English.
pub(super) struct English;
