//! Work settings: the share of the workers of the person's shown career
//! paths who work in each setting, `sum_c w_c * share(setting | c)`, where
//! `w_c` is path `c`'s score over the shown paths' scores and `share` is
//! the path's BLS employment in the setting's industries over its national
//! employment (the staffing pattern). BLS publishes no industry figures by
//! state, so the state does not move settings.

use super::answer::SettingScore;
use super::reason::{DataSource, ReasonCode, Unit, Value, Written};
use crate::catalog::Catalog;
use crate::language::Language;
use crate::messages;
use crate::text::fixed;
use crate::text::{about_hundreds, thousands};
use crate::top_k::top_k;

const MAX_REASONS: usize = 3;
const MIN_CONTRIBUTION: f64 = 0.001;

/// `texts[setting][path]`: the reason, without its contribution, saying
/// how many of the path's workers the setting employs, in each language.
/// They depend on the catalog alone.
pub(super) type SettingTexts = Vec<Vec<Written>>;

/// Writes every setting's sentences once.
pub(super) fn texts(catalog: &Catalog) -> SettingTexts {
    catalog
        .settings
        .iter()
        .map(|setting| {
            catalog
                .career_paths
                .iter()
                .enumerate()
                .map(|(path, career)| {
                    let employed: u32 = setting.cells[path]
                        .iter()
                        .flatten()
                        .filter_map(|cell| cell.employment)
                        .sum();
                    let national = career.national.employment;
                    let share = 100.0 * setting.shares[path];
                    let (pct, here, all) = (
                        fixed(share, 1),
                        thousands(employed),
                        thousands(national.unwrap_or(0)),
                    );
                    let title = &career.title;
                    let mut values = vec![
                        Value::text("career_path", career.soc_code.clone()),
                        Value::number("share", share, Unit::Percent).from(DataSource::Oews),
                        Value::number("employment", f64::from(employed), Unit::Workers)
                            .from(DataSource::Oews),
                    ];
                    values.extend(national.map(|n| {
                        Value::number("national_employment", f64::from(n), Unit::Workers)
                            .from(DataSource::Oews)
                    }));
                    // The path's openings, beside where its people work.
                    let openings = career.outlook.as_ref().and_then(|o| o.openings_per_year);
                    values.extend(openings.map(|o| {
                        Value::number("openings_per_year", f64::from(o), Unit::Workers)
                            .from(DataSource::Projections)
                    }));
                    let openings = openings.map(about_hundreds);
                    let written = |language| {
                        messages::of(language).staffing(
                            title,
                            &pct.to_string(),
                            &here,
                            &all,
                            openings.as_deref(),
                        )
                    };
                    Written {
                        code: ReasonCode::SettingStaffing,
                        factor: format!("career_path:{}", career.soc_code),
                        values,
                        explanations: Language::ALL.map(written),
                    }
                })
                .collect()
        })
        .collect()
}

pub(super) fn rank<'a>(
    catalog: &'a Catalog,
    texts: &SettingTexts,
    shares: &[f64],
    limit: usize,
    explain: bool,
    language: Language,
) -> Vec<SettingScore<'a>> {
    let scores: Vec<f64> = catalog
        .settings
        .iter()
        .map(|s| {
            s.shares
                .iter()
                .zip(shares)
                .map(|(share, p)| share * p)
                .sum::<f64>()
                .clamp(0.0, 1.0)
        })
        .collect();
    top_k(&scores, limit)
        .into_iter()
        .map(|index| {
            let setting = &catalog.settings[index];
            let mut contributions: Vec<(usize, f64)> = setting
                .shares
                .iter()
                .zip(shares)
                .map(|(share, p)| share * p)
                .enumerate()
                .collect();
            contributions.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let largest_cell = |path: usize| {
                setting.cells[path]
                    .iter()
                    .enumerate()
                    .filter_map(|(i, c)| {
                        let cell = c.as_ref()?;
                        cell.employment.map(|e| (i, e, cell))
                    })
                    .max_by_key(|(i, e, _)| (*e, std::cmp::Reverse(*i)))
                    .map(|(_, _, cell)| cell)
            };
            let wages_cell = contributions
                .iter()
                .filter(|(_, c)| *c > 0.0)
                .find_map(|(path, _)| largest_cell(*path));
            let named: Vec<(usize, f64)> = contributions
                .iter()
                .filter(|(_, c)| *c >= MIN_CONTRIBUTION)
                .take(MAX_REASONS)
                .copied()
                .collect();
            // The cells behind the reasons go with them.
            let staffing = named
                .iter()
                .filter(|_| explain)
                .flat_map(|&(path, _)| setting.cells[path].iter().flatten())
                .collect();
            let reasons = named
                .iter()
                .filter(|_| explain)
                .map(|&(path, c)| texts[index][path].reason(c, language))
                .collect();
            SettingScore {
                setting: index,
                work_setting: setting,
                score: scores[index],
                wages_cell,
                staffing,
                reasons,
            }
        })
        .collect()
}
