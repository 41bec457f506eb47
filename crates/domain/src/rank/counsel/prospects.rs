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
use crate::messages::{self, OutlookFigures, PayFigures};
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

/// How many times the average a change is, where it is at least about
/// twice.
fn times_average(change: f64, average: f64) -> Option<u32> {
    (average > 0.0 && change >= 1.5 * average).then(|| (change / average).round() as u32)
}

/// The outlook reason of a path BLS publishes a change for.
fn outlook_reason(catalog: &Catalog, path: &CareerPath, language: Language) -> Option<Reason> {
    let outlook = path.outlook.as_ref()?;
    let change = outlook.change_percent?;
    let trend = Trend::of(change);
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
    let openings = outlook.openings_per_year.map(about_hundreds);
    let what = messages::of(language).outlook(&OutlookFigures {
        trend,
        change: &fixed(change, 1).to_string(),
        magnitude: &fixed(change.abs(), 1).to_string(),
        period: &period,
        average: avg.as_deref(),
        times_average: average.and_then(|a| times_average(change, a)),
        openings: openings.as_deref(),
        // A detailed O*NET occupation takes its BLS occupation's projection.
        shared: (!path.bls_shared_by.is_empty())
            .then_some((outlook.bls_title.as_str(), outlook.bls_soc_code.as_str())),
    });
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
    let [low, high, median] = [wages.p10, wages.p90, wages.median].map(|w| w.map(dollars));
    let what = messages::of(language).pay(&PayFigures {
        low: low.as_deref(),
        high: high.as_deref(),
        median: median.as_deref(),
        state: place,
    })?;
    Some(reason(ReasonCode::PathPayRange, "pay", 0.0, values, what))
}
