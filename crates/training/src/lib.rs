//! Training and evaluating the career-path model: sampling profiles from
//! the public data, reading an operator's outcome records, fitting the
//! linfa model, and measuring it beside baselines on held-out rows.
//!
//! Nothing here runs while serving: the service loads the artifact this
//! writes (`himrec_domain::model`) and never imports this module.

mod baselines;
mod error;
pub mod eval;
mod fit_eval;
mod fit_paths;
mod logistic;
pub mod markdown;
pub mod metrics;
pub mod outcome_split;
pub mod outcomes;
pub mod panel;
pub mod progress;
pub mod sparse_eval;
pub mod split;
pub mod stability;
pub mod synth;
pub mod train;

pub use error::TrainingError;
pub use fit_paths::FIT_ALPHA;
