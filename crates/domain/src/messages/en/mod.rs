//! The sentences in English, one file per part of an answer.

mod counsel;
mod paths;
mod programs;
mod prospects;
mod rules;
mod settings;
mod words;

/// English.
pub(super) struct English;
