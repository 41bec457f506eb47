//! The sentences of a path's prospects in English.

use crate::catalog::Trend;
use crate::messages::{OutlookFigures, PayFigures, Prospects};

impl Prospects for super::English {
    fn outlook(&self, f: &OutlookFigures<'_>) -> String {
        let (period, magnitude) = (f.period, f.magnitude);
        let compared = match (f.trend, f.average) {
            (_, None) => String::new(),
            (Trend::Decline, Some(a)) => format!(", while all occupations grow {a}%"),
            (Trend::LittleOrNoChange, Some(a)) => format!(" against {a}% for all occupations"),
            (trend, Some(a)) => {
                let against = match trend {
                    Trend::MuchFasterThanAverage => "much faster than",
                    Trend::FasterThanAverage => "faster than",
                    Trend::AsFastAsAverage => "about as fast as",
                    _ => "slower than",
                };
                let times = match f.times_average {
                    None => String::new(),
                    Some(2) => " (about twice the rate)".to_owned(),
                    Some(n) => format!(" (about {n} times the rate)"),
                };
                format!(", {against} the {a}% for all occupations{times}")
            }
        };
        let whose = f
            .shared
            .map(|(title, code)| format!(" (BLS's projection for {title}, {code})"))
            .unwrap_or_default();
        let openings = match (f.openings, f.trend) {
            (None, _) => String::new(),
            (Some(o), Trend::Decline) => {
                format!("; about {o} openings a year, all from workers who leave it")
            }
            (Some(o), _) => format!("; about {o} openings a year"),
        };
        match f.trend {
            Trend::Decline => format!("Shrinking: BLS projects employment in it to decline {magnitude}% over {period}{compared}{whose}{openings}"),
            Trend::LittleOrNoChange => format!("BLS projects little or no change in employment over {period} ({}%{compared}){whose}{openings}", f.change),
            _ => format!("BLS projects employment in it to grow {magnitude}% over {period}{compared}{whose}{openings}"),
        }
    }

    fn pay(&self, f: &PayFigures<'_>) -> Option<String> {
        let place = f
            .state
            .map_or_else(|| "nationally".to_owned(), |s| format!("in {s}"));
        Some(match (f.low, f.high) {
            (Some(low), Some(high)) => format!(
                "Most earn between {low} and {high} a year {place} (8 in 10 of its workers{}; BLS OEWS, May 2025)",
                f.median.map(|m| format!(", half above {m}")).unwrap_or_default()
            ),
            (Some(low), None) => format!(
                "Nine in ten earn more than {low} a year {place}{} (BLS OEWS, May 2025; the top 10% is not published)",
                f.median.map(|m| format!(", half more than {m}")).unwrap_or_default()
            ),
            (None, _) => format!("Half earn more than {} a year {place} (BLS OEWS, May 2025)", f.median?),
        })
    }
}
