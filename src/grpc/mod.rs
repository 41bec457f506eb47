//! The gRPC edge: converts and checks requests, calls the domain, converts
//! answers back. Nothing here decides a ranking.

mod convert;
mod recommender;
mod status;

pub use recommender::RecommenderService;
