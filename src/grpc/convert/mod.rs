//! Conversions between generated protobuf types and domain types, all in
//! one place. Inbound conversions ([`request`]) only move data: checking is
//! the domain's (`rank::QueryInput::check`, `catalog::ListingInput::check`).
//! Outbound conversions ([`response`]) write what the domain decided. The
//! enums that describe a program map both ways in [`enums`].

mod enums;
pub(crate) mod request;
pub(crate) mod response;
