//! What a path's work holds, said on every path shown: BLS's projection
//! against all occupations', in the Occupational Outlook Handbook's words,
//! with its openings; and what most of its workers earn, in the person's
//! state or nationally. Neither moves the score (a decline's effect is the
//! decline rule's reason); both are what a counselor says of any path.
//! They depend on the catalog alone, so they are written once
//! ([`PathTexts`]).

use std::collections::HashMap;

use super::words::reason;
use crate::catalog::states::{State, STATES};
use crate::catalog::{CareerPath, Catalog, OewsCell, Trend, BASE_YEAR, PROJECTED_YEAR};
use crate::language::Language;
use crate::rank::reason::{DataSource, Reason, ReasonCode, Unit, Value, Written};
use crate::text::{about_hundreds, dollars, fixed};

/// Every path's outlook and pay reasons, in both languages, written once.
#[derive(Debug, Default)]
pub struct PathTexts {
    /// Per path, its outlook reason; `None` when BLS publishes no change.
    outlook: Vec<Option<Written>>,
    /// Per path, its pay reason nationally.
    national: Vec<Option<Written>>,
    /// Per path and state with state figures, its pay reason there.
    by_state: HashMap<(usize, &'static str), Written>,
}

/// One reason in both languages, from a writer of one.
fn both(write: impl Fn(Language) -> Option<Reason>) -> Option<Written> {
    let [en, es] = Language::ALL.map(&write);
    let (en, es) = (en?, es?);
    Some(Written {
        code: en.code,
        factor: en.factor,
        values: en.values,
        explanations: [en.explanation, es.explanation],
    })
}

impl PathTexts {
    /// Writes every path's reasons.
    pub fn new(catalog: &Catalog) -> Self {
        let mut texts = Self::default();
        for (index, path) in catalog.career_paths.iter().enumerate() {
            texts
                .outlook
                .push(both(|l| outlook_reason(catalog, path, l)));
            texts
                .national
                .push(both(|l| pay_reason(path, None, None, l)));
            for state in STATES.iter() {
                let Some(cell) = catalog.state_cell(index, state.usps) else {
                    continue;
                };
                if let Some(written) = both(|l| pay_reason(path, Some(cell), Some(state.name), l)) {
                    texts.by_state.insert((index, state.usps), written);
                }
            }
        }
        texts
    }

    /// Path `path`'s outlook reason.
    pub fn outlook(&self, path: usize, language: Language) -> Option<Reason> {
        self.outlook[path].as_ref().map(|w| w.reason(0.0, language))
    }

    /// Path `path`'s pay reason for a person in `state`: the state's
    /// figures where BLS publishes them, else the nation's.
    pub fn pay(
        &self,
        path: usize,
        state: Option<&'static State>,
        language: Language,
    ) -> Option<Reason> {
        state
            .and_then(|s| self.by_state.get(&(path, s.usps)))
            .or(self.national[path].as_ref())
            .map(|w| w.reason(0.0, language))
    }
}

/// The Handbook's words for a trend, against the average, in `language`.
fn against_average(trend: Trend, language: Language) -> &'static str {
    match (trend, language) {
        (Trend::MuchFasterThanAverage, Language::En) => "much faster than",
        (Trend::FasterThanAverage, Language::En) => "faster than",
        (Trend::AsFastAsAverage, Language::En) => "about as fast as",
        (Trend::SlowerThanAverage, Language::En) => "slower than",
        (Trend::MuchFasterThanAverage, Language::Es) => "mucho más rápido que",
        (Trend::FasterThanAverage, Language::Es) => "más rápido que",
        (Trend::AsFastAsAverage, Language::Es) => "casi tan rápido como",
        (Trend::SlowerThanAverage, Language::Es) => "más lento que",
        (Trend::Decline | Trend::LittleOrNoChange, _) => "",
    }
}

/// How many times the average a change is, where it is at least twice.
fn times_average(change: f64, average: f64, language: Language) -> String {
    if average <= 0.0 || change < 1.5 * average {
        return String::new();
    }
    let times = (change / average).round();
    match (times as u32, language) {
        (2, Language::En) => " (about twice the rate)".to_owned(),
        (2, Language::Es) => " (cerca del doble)".to_owned(),
        (n, Language::En) => format!(" (about {n} times the rate)"),
        (n, Language::Es) => format!(" (unas {n} veces más)"),
    }
}

/// The outlook reason of a path BLS publishes a change for.
fn outlook_reason(catalog: &Catalog, path: &CareerPath, language: Language) -> Option<Reason> {
    let outlook = path.outlook.as_ref()?;
    let change = outlook.change_percent?;
    let trend = Trend::of(change);
    let es = language == Language::Es;
    let mut values = vec![
        Value::text("trend", trend.name()),
        Value::number("change_percent", change, Unit::Percent).from(DataSource::Projections),
    ];
    let average = catalog.all_occupations_change;
    values.extend(average.map(|a| {
        Value::number("all_occupations_change_percent", a, Unit::Percent)
            .from(DataSource::Projections)
    }));
    values.extend(outlook.openings_per_year.map(|o| {
        Value::number("openings_per_year", f64::from(o), Unit::Workers)
            .from(DataSource::Projections)
    }));
    for (name, people) in [
        ("employment_base", outlook.employment_base),
        ("employment_projected", outlook.employment_projected),
    ] {
        values.extend(people.map(|p| {
            Value::number(name, f64::from(p), Unit::Workers).from(DataSource::Projections)
        }));
    }
    values.push(Value::number("base_year", f64::from(BASE_YEAR), Unit::None));
    values.push(Value::number(
        "projected_year",
        f64::from(PROJECTED_YEAR),
        Unit::None,
    ));
    values.push(
        Value::text("bls_soc_code", outlook.bls_soc_code.clone()).from(DataSource::Projections),
    );
    let period = format!("{BASE_YEAR}-{}", PROJECTED_YEAR % 100);
    let avg = average.map(|a| fixed(a, 1).to_string());
    let compared = match (trend, &avg, es) {
        (_, None, _) => String::new(),
        (Trend::Decline, Some(a), false) => format!(", while all occupations grow {a}%"),
        (Trend::Decline, Some(a), true) => {
            format!(", mientras el conjunto de las ocupaciones crece un {a}%")
        }
        (Trend::LittleOrNoChange, Some(a), false) => format!(" against {a}% for all occupations"),
        (Trend::LittleOrNoChange, Some(a), true) => {
            format!(" frente al {a}% del conjunto de las ocupaciones")
        }
        (t, Some(a), false) => format!(
            ", {} the {a}% for all occupations{}",
            against_average(t, language),
            times_average(change, average.unwrap_or_default(), language)
        ),
        (t, Some(a), true) => format!(
            ", {} el {a}% del conjunto de las ocupaciones{}",
            against_average(t, language),
            times_average(change, average.unwrap_or_default(), language)
        ),
    };
    let openings = match (outlook.openings_per_year, trend, es) {
        (None, _, _) => String::new(),
        (Some(o), Trend::Decline, false) => format!(
            "; about {} openings a year, all from workers who leave it",
            about_hundreds(o)
        ),
        (Some(o), Trend::Decline, true) => format!(
            "; unas {} vacantes al año, todas de personas que la dejan",
            about_hundreds(o)
        ),
        (Some(o), _, false) => format!("; about {} openings a year", about_hundreds(o)),
        (Some(o), _, true) => format!("; unas {} vacantes al año", about_hundreds(o)),
    };
    // A detailed O*NET occupation takes its BLS occupation's projection.
    let whose = match (path.bls_shared_by.is_empty(), es) {
        (true, _) => String::new(),
        (false, false) => format!(
            " (BLS's projection for {}, {})",
            outlook.bls_title, outlook.bls_soc_code
        ),
        (false, true) => format!(
            " (la proyección de BLS para {}, {})",
            outlook.bls_title, outlook.bls_soc_code
        ),
    };
    let openings = format!("{whose}{openings}");
    let magnitude = fixed(change.abs(), 1);
    let what = match (trend, es) {
        (Trend::Decline, false) => format!(
            "Shrinking: BLS projects employment in it to decline {magnitude}% over {period}{compared}{openings}"
        ),
        (Trend::Decline, true) => format!(
            "En retroceso: BLS proyecta que el empleo en ella disminuya un {magnitude}% en {period}{compared}{openings}"
        ),
        (Trend::LittleOrNoChange, false) => format!(
            "BLS projects little or no change in employment over {period} ({}%{compared}){openings}",
            fixed(change, 1)
        ),
        (Trend::LittleOrNoChange, true) => format!(
            "BLS proyecta poco o ningún cambio en el empleo en {period} ({}%{compared}){openings}",
            fixed(change, 1)
        ),
        (_, false) => format!(
            "BLS projects employment in it to grow {magnitude}% over {period}{compared}{openings}"
        ),
        (_, true) => format!(
            "BLS proyecta que el empleo en ella crezca un {magnitude}% en {period}{compared}{openings}"
        ),
    };
    Some(reason(
        ReasonCode::PathOutlook,
        "outlook",
        0.0,
        values,
        what,
    ))
}

/// The pay reason of a path: its 10th to 90th percentile annual wages in
/// the person's state (`state_cell`), else nationally.
fn pay_reason(
    path: &CareerPath,
    state_cell: Option<&OewsCell>,
    state_name: Option<&str>,
    language: Language,
) -> Option<Reason> {
    let (wages, place) = match (state_cell, state_name) {
        (Some(cell), Some(name)) if cell.wages.median.is_some() => (&cell.wages, Some(name)),
        _ => (&path.national.wages, None),
    };
    let es = language == Language::Es;
    let mut values = Vec::new();
    for (name, wage) in [
        ("wage_p10", wages.p10),
        ("wage_median", wages.median),
        ("wage_p90", wages.p90),
    ] {
        values.extend(
            wage.map(|w| Value::number(name, f64::from(w), Unit::Usd).from(DataSource::Oews)),
        );
    }
    if let Some(code) = state_cell.filter(|_| place.is_some()) {
        values.push(Value::text("state", code.area_or_industry.clone()));
    }
    let where_ = match (place, es) {
        (Some(name), false) => format!("in {name}"),
        (Some(name), true) => format!("en {name}"),
        (None, false) => "nationally".to_owned(),
        (None, true) => "en todo el país".to_owned(),
    };
    let median = wages.median.map(dollars);
    let what = match (wages.p10, wages.p90, es) {
        (Some(low), Some(high), false) => format!(
            "Most earn between {} and {} a year {where_} (8 in 10 of its workers{}; BLS OEWS, May 2025)",
            dollars(low),
            dollars(high),
            median.map(|m| format!(", half above {m}")).unwrap_or_default()
        ),
        (Some(low), Some(high), true) => format!(
            "La mayoría gana entre {} y {} al año {where_} (8 de cada 10 de sus trabajadores{}; BLS OEWS, mayo de 2025)",
            dollars(low),
            dollars(high),
            median.map(|m| format!(", la mitad más de {m}")).unwrap_or_default()
        ),
        (Some(low), None, false) => format!(
            "Nine in ten earn more than {} a year {where_}{} (BLS OEWS, May 2025; the top 10% is not published)",
            dollars(low),
            median.map(|m| format!(", half more than {m}")).unwrap_or_default()
        ),
        (Some(low), None, true) => format!(
            "Nueve de cada diez ganan más de {} al año {where_}{} (BLS OEWS, mayo de 2025; el 10% superior no se publica)",
            dollars(low),
            median.map(|m| format!(", la mitad más de {m}")).unwrap_or_default()
        ),
        (None, _, false) => format!(
            "Half earn more than {} a year {where_} (BLS OEWS, May 2025)",
            median.clone()?
        ),
        (None, _, true) => format!(
            "La mitad gana más de {} al año {where_} (BLS OEWS, mayo de 2025)",
            median.clone()?
        ),
    };
    Some(reason(ReasonCode::PathPayRange, "pay", 0.0, values, what))
}
