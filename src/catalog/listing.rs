//! A page of the program catalog as asked for ([`ListingInput`]) and once
//! checked ([`Listing`]): the page size and the filters, every fault
//! reported with its field.

use super::filter::{ProgramFilter, ProgramFilterInput};
use crate::error::FieldViolation;

/// Page size when the request gives none.
pub const DEFAULT_PAGE_SIZE: u32 = 50;
/// Largest page.
pub const MAX_PAGE_SIZE: u32 = 500;

/// A listing as received.
#[derive(Debug, Clone, Default)]
pub struct ListingInput {
    /// Programs per page; 0 for [`DEFAULT_PAGE_SIZE`].
    pub page_size: u32,
    /// The filters.
    pub filter: ProgramFilterInput,
}

/// A checked listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    /// Programs per page, 1 to [`MAX_PAGE_SIZE`].
    pub page_size: u32,
    /// The filters.
    pub filter: ProgramFilter,
}

impl ListingInput {
    /// Checks the page size and every filter, collecting every violation.
    pub fn check(self) -> Result<Listing, Vec<FieldViolation>> {
        let mut violations = Vec::new();
        let page_size = match self.page_size {
            0 => DEFAULT_PAGE_SIZE,
            n if n > MAX_PAGE_SIZE => {
                violations.push(FieldViolation::new(
                    "page_size",
                    format!("at most {MAX_PAGE_SIZE}"),
                ));
                0
            }
            n => n,
        };
        let filter = self.filter.check().map_err(|v| violations.extend(v)).ok();
        match filter {
            Some(filter) if violations.is_empty() => Ok(Listing { page_size, filter }),
            _ => Err(violations),
        }
    }
}
