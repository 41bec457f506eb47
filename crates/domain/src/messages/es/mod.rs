//! The sentences in Spanish, one file per part of an answer.

mod counsel;
mod paths;
mod programs;
mod prospects;
mod rules;
mod settings;
mod words;

/// Spanish.
pub(super) struct Spanish;
