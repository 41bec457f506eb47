//! Conversions between generated protobuf types and domain types, all in
//! one place. Inbound conversions ([`request`]) only move data: checking is
//! the domain's (`rank::QueryInput::check`, `catalog::ListingInput::check`).
//! Outbound conversions ([`response`]) write what the domain decided, and
//! [`entries`] the catalog entries it names;
//! [`models`] describes the loaded models and what operator actions did. The
//! enums that describe a program map both ways in [`enums`].

pub(crate) mod entries;
mod enums;
pub(crate) mod models;
pub(crate) mod request;
pub(crate) mod response;
