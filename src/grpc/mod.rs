//! The gRPC edge: converts and checks requests, calls the domain, converts
//! answers back. Nothing here decides a ranking.

mod catalog;
mod convert;
mod page_token;
mod recommender;
mod status;

pub use catalog::{CatalogService, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};
pub use recommender::{RecommenderService, MAX_BATCH_ITEMS};
