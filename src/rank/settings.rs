//! Work settings: the expected share of the person's likely career paths
//! that work in each setting, `sum_c P(c | profile) * share(setting | c)`,
//! where `share` is the path's BLS employment in the setting's industries
//! over its national employment (the staffing pattern). BLS publishes no
//! industry figures by state, so the state does not move settings.

use super::answer::{CellRef, Reason, SettingScore};
use crate::catalog::Catalog;
use crate::text::fixed;
use crate::text::thousands;
use crate::top_k::top_k;

const MAX_REASONS: usize = 3;
const MIN_CONTRIBUTION: f64 = 0.001;

/// `texts[setting][path]`: the factor and sentence saying how many of the
/// path's workers the setting employs. They depend on the catalog alone.
pub(super) type SettingTexts = Vec<Vec<(String, String)>>;

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
                    (
                        format!("career_path:{}", career.soc_code),
                        format!(
                            "{}% of {} work here: {} of {} (BLS OEWS May 2025)",
                            fixed(100.0 * setting.shares[path], 1),
                            career.title,
                            thousands(employed),
                            thousands(career.national.employment.unwrap_or(0)),
                        ),
                    )
                })
                .collect()
        })
        .collect()
}

pub(super) fn rank(
    catalog: &Catalog,
    texts: &SettingTexts,
    probabilities: &[f64],
    limit: usize,
    explain: bool,
) -> Vec<SettingScore> {
    let scores: Vec<f64> = catalog
        .settings
        .iter()
        .map(|s| {
            s.shares
                .iter()
                .zip(probabilities)
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
                .zip(probabilities)
                .map(|(share, p)| share * p)
                .enumerate()
                .collect();
            contributions.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let largest_cell = |path: usize| -> Option<CellRef> {
                setting.cells[path]
                    .iter()
                    .enumerate()
                    .filter_map(|(i, c)| c.as_ref()?.employment.map(|e| (i, e)))
                    .max_by_key(|(i, e)| (*e, std::cmp::Reverse(*i)))
                    .map(|(i, _)| (path, i))
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
                .flat_map(|&(path, _)| {
                    setting.cells[path]
                        .iter()
                        .enumerate()
                        .filter(|(_, c)| c.is_some())
                        .map(move |(i, _)| (path, i))
                })
                .collect();
            let reasons = named
                .iter()
                .filter(|_| explain)
                .map(|&(path, c)| {
                    let (factor, explanation) = &texts[index][path];
                    Reason {
                        factor: factor.clone(),
                        contribution: c,
                        explanation: explanation.clone(),
                    }
                })
                .collect();
            SettingScore {
                setting: index,
                score: scores[index],
                wages_cell,
                staffing,
                reasons,
            }
        })
        .collect()
}
