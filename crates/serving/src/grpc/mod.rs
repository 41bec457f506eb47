//! The gRPC edge: converts and checks requests, calls the domain, converts
//! answers back. Nothing here decides a ranking.

mod admin;
mod catalog;
mod convert;
mod page_token;
mod recommender;
pub(crate) mod status;

pub use admin::AdminService;
pub use catalog::CatalogService;
pub use recommender::RecommenderService;
