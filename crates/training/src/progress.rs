//! Progress of long training and evaluation, reported to whoever watches:
//! a terminal progress bar in the CLI, nothing in tests and CI.

/// Receives progress of long work, stage by stage.
pub trait Progress {
    /// A stage begins; `total` steps, or 0 when it cannot be counted.
    fn stage(&self, name: &str, total: u64);
    /// `n` more steps of the current stage are done.
    fn advance(&self, n: u64);
    /// All stages are done.
    fn finish(&self);
}

/// Reports nothing.
#[derive(Debug, Clone, Copy, Default)]
pub struct Silent;

impl Progress for Silent {
    fn stage(&self, _name: &str, _total: u64) {}
    fn advance(&self, _n: u64) {}
    fn finish(&self) {}
}
