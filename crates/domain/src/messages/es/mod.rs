//! The sentences in Spanish, one file per part of an answer.

mod counsel;
mod paths;
mod prospects;

/// Spanish.
pub(super) struct Spanish;
