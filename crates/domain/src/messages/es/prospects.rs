//! The sentences of a path's prospects in Spanish.

use crate::catalog::Trend;
use crate::messages::{OutlookFigures, PayFigures, Prospects};

impl Prospects for super::Spanish {
    fn outlook(&self, f: &OutlookFigures<'_>) -> String {
        let (period, magnitude) = (f.period, f.magnitude);
        let compared = match (f.trend, f.average) {
            (_, None) => String::new(),
            (Trend::Decline, Some(a)) => {
                format!(", mientras el conjunto de las ocupaciones crece un {a}%")
            }
            (Trend::LittleOrNoChange, Some(a)) => {
                format!(" frente al {a}% del conjunto de las ocupaciones")
            }
            (trend, Some(a)) => {
                let against = match trend {
                    Trend::MuchFasterThanAverage => "mucho más rápido que",
                    Trend::FasterThanAverage => "más rápido que",
                    Trend::AsFastAsAverage => "casi tan rápido como",
                    _ => "más lento que",
                };
                let times = match f.times_average {
                    None => String::new(),
                    Some(2) => " (cerca del doble)".to_owned(),
                    Some(n) => format!(" (unas {n} veces más)"),
                };
                format!(", {against} el {a}% del conjunto de las ocupaciones{times}")
            }
        };
        let whose = f
            .shared
            .map(|(title, code)| format!(" (la proyección de BLS para {title}, {code})"))
            .unwrap_or_default();
        let openings = match (f.openings, f.trend) {
            (None, _) => String::new(),
            (Some(o), Trend::Decline) => {
                format!("; unas {o} vacantes al año, todas de personas que la dejan")
            }
            (Some(o), _) => format!("; unas {o} vacantes al año"),
        };
        match f.trend {
            Trend::Decline => format!("En retroceso: BLS proyecta que el empleo en ella disminuya un {magnitude}% en {period}{compared}{whose}{openings}"),
            Trend::LittleOrNoChange => format!("BLS proyecta poco o ningún cambio en el empleo en {period} ({}%{compared}){whose}{openings}", f.change),
            _ => format!("BLS proyecta que el empleo en ella crezca un {magnitude}% en {period}{compared}{whose}{openings}"),
        }
    }

    fn pay(&self, f: &PayFigures<'_>) -> Option<String> {
        let place = f
            .state
            .map_or_else(|| "en todo el país".to_owned(), |s| format!("en {s}"));
        Some(match (f.low, f.high) {
            (Some(low), Some(high)) => format!(
                "La mayoría gana entre {low} y {high} al año {place} (8 de cada 10 de sus trabajadores{}; BLS OEWS, mayo de 2025)",
                f.median.map(|m| format!(", la mitad más de {m}")).unwrap_or_default()
            ),
            (Some(low), None) => format!(
                "Nueve de cada diez ganan más de {low} al año {place}{} (BLS OEWS, mayo de 2025; el 10% superior no se publica)",
                f.median.map(|m| format!(", la mitad más de {m}")).unwrap_or_default()
            ),
            (None, _) => format!("La mitad gana más de {} al año {place} (BLS OEWS, mayo de 2025)", f.median?),
        })
    }
}
