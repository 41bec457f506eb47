//! The sentences of work settings' reasons in English.

use crate::messages::Settings;

impl Settings for super::English {
    fn staffing(
        &self,
        title: &str,
        percent: &str,
        here: &str,
        all: &str,
        openings: Option<&str>,
    ) -> String {
        let openings = openings
            .map(|n| format!("; about {n} openings a year in the occupation (BLS, 2024-34)"))
            .unwrap_or_default();
        format!("{percent}% of {title} work here: {here} of {all} (BLS OEWS May 2025){openings}")
    }
}
