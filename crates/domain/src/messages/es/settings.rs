//! The sentences of work settings' reasons in Spanish.

use crate::messages::Settings;

impl Settings for super::Spanish {
    fn staffing(
        &self,
        title: &str,
        percent: &str,
        here: &str,
        all: &str,
        openings: Option<&str>,
    ) -> String {
        let openings = openings
            .map(|n| format!("; unas {n} vacantes al año en la ocupación (BLS, 2024-34)"))
            .unwrap_or_default();
        format!("El {percent}% de los {title} trabaja aquí: {here} de {all} (BLS OEWS, mayo de 2025){openings}")
    }
}
