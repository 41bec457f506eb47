//! US states and territories: FIPS codes, USPS codes and names.

/// A state or territory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct State {
    /// Two-digit FIPS code.
    pub fips: &'static str,
    /// Two-letter USPS code.
    pub usps: &'static str,
    /// Name.
    pub name: &'static str,
}

const fn s(fips: &'static str, usps: &'static str, name: &'static str) -> State {
    State { fips, usps, name }
}

/// Every state, DC and the territories that BLS or College Scorecard report.
pub const STATES: &[State] = &[
    s("01", "AL", "Alabama"),
    s("02", "AK", "Alaska"),
    s("04", "AZ", "Arizona"),
    s("05", "AR", "Arkansas"),
    s("06", "CA", "California"),
    s("08", "CO", "Colorado"),
    s("09", "CT", "Connecticut"),
    s("10", "DE", "Delaware"),
    s("11", "DC", "District of Columbia"),
    s("12", "FL", "Florida"),
    s("13", "GA", "Georgia"),
    s("15", "HI", "Hawaii"),
    s("16", "ID", "Idaho"),
    s("17", "IL", "Illinois"),
    s("18", "IN", "Indiana"),
    s("19", "IA", "Iowa"),
    s("20", "KS", "Kansas"),
    s("21", "KY", "Kentucky"),
    s("22", "LA", "Louisiana"),
    s("23", "ME", "Maine"),
    s("24", "MD", "Maryland"),
    s("25", "MA", "Massachusetts"),
    s("26", "MI", "Michigan"),
    s("27", "MN", "Minnesota"),
    s("28", "MS", "Mississippi"),
    s("29", "MO", "Missouri"),
    s("30", "MT", "Montana"),
    s("31", "NE", "Nebraska"),
    s("32", "NV", "Nevada"),
    s("33", "NH", "New Hampshire"),
    s("34", "NJ", "New Jersey"),
    s("35", "NM", "New Mexico"),
    s("36", "NY", "New York"),
    s("37", "NC", "North Carolina"),
    s("38", "ND", "North Dakota"),
    s("39", "OH", "Ohio"),
    s("40", "OK", "Oklahoma"),
    s("41", "OR", "Oregon"),
    s("42", "PA", "Pennsylvania"),
    s("44", "RI", "Rhode Island"),
    s("45", "SC", "South Carolina"),
    s("46", "SD", "South Dakota"),
    s("47", "TN", "Tennessee"),
    s("48", "TX", "Texas"),
    s("49", "UT", "Utah"),
    s("50", "VT", "Vermont"),
    s("51", "VA", "Virginia"),
    s("53", "WA", "Washington"),
    s("54", "WV", "West Virginia"),
    s("55", "WI", "Wisconsin"),
    s("56", "WY", "Wyoming"),
    s("60", "AS", "American Samoa"),
    s("64", "FM", "Federated States of Micronesia"),
    s("66", "GU", "Guam"),
    s("68", "MH", "Marshall Islands"),
    s("69", "MP", "Northern Mariana Islands"),
    s("70", "PW", "Palau"),
    s("72", "PR", "Puerto Rico"),
    s("78", "VI", "Virgin Islands"),
];

/// The state with this FIPS code.
pub fn by_fips(fips: &str) -> Option<&'static State> {
    STATES.iter().find(|s| s.fips == fips)
}

/// The state with this USPS code, in any letter case.
pub fn by_usps(code: &str) -> Option<&'static State> {
    STATES.iter().find(|s| s.usps.eq_ignore_ascii_case(code))
}
