//! The sentences of work settings' reasons.

/// The sentences of work settings' reasons.
pub trait Settings {
    /// The share of a path's workers (`title`) a setting employs:
    /// `percent` ("51.9"), `here` of `all` workers ("499,150" of
    /// "961,610"), with the path's openings a year, about, if known.
    fn staffing(
        &self,
        title: &str,
        percent: &str,
        here: &str,
        all: &str,
        openings: Option<&str>,
    ) -> String;
}
