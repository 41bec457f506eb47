//! A page of the program catalog as asked for ([`ListingInput`]) and once
//! checked ([`Listing`]): the page size and the filters, every fault
//! reported with its field.

use super::filter::{ProgramFilter, ProgramFilterInput};
use super::Catalog;
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
    /// The filters as top-level fields (deprecated in favour of `filter`).
    pub fields: ProgramFilterInput,
    /// The `filter` message, if given; both must pass.
    pub filter: Option<ProgramFilterInput>,
}

/// A checked listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    /// Programs per page, 1 to [`MAX_PAGE_SIZE`].
    pub page_size: u32,
    /// The top-level fields' filter.
    pub fields: ProgramFilter,
    /// The `filter` message's.
    pub filter: Option<ProgramFilter>,
}

impl Listing {
    /// Whether a program passes every filter.
    pub fn matches(&self, program: &super::Program) -> bool {
        self.fields.matches(program) && self.filter.as_ref().is_none_or(|f| f.matches(program))
    }

    /// A short digest of the filters, to bind page tokens to them.
    pub fn digest(&self) -> [u8; 8] {
        match &self.filter {
            None => self.fields.digest(),
            Some(filter) => {
                let (a, b) = (self.fields.digest(), filter.digest());
                std::array::from_fn(|i| a[i].rotate_left(1) ^ b[i])
            }
        }
    }
}

impl ListingInput {
    /// Checks the page size and every filter, collecting every violation.
    pub fn check(self, catalog: &Catalog) -> Result<Listing, Vec<FieldViolation>> {
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
        let fields = self
            .fields
            .check(catalog, "")
            .map_err(|v| violations.extend(v))
            .ok();
        let filter =
            ProgramFilterInput::check_optional(self.filter, catalog, "filter", &mut violations);
        match (fields, filter) {
            (Some(fields), Some(filter)) if violations.is_empty() => Ok(Listing {
                page_size,
                fields,
                filter,
            }),
            _ => Err(violations),
        }
    }
}
