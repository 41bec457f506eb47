//! Work settings: the expected share of the person's likely career paths
//! that work in each setting, `sum_c P(c | profile) * share(setting | c)`,
//! where `share` is the path's BLS employment in the setting's industries
//! over its national employment (the staffing pattern). BLS publishes no
//! industry figures by state, so the state does not move settings.

use super::{thousands, top_k, CellRef, Reason, SettingScore};
use crate::catalog::Catalog;

const MAX_REASONS: usize = 3;
const MIN_CONTRIBUTION: f64 = 0.001;

pub(super) fn rank(
    catalog: &Catalog,
    probabilities: &[f64],
    returned_paths: &[usize],
    limit: usize,
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
            let staffing = returned_paths
                .iter()
                .flat_map(|&path| {
                    setting.cells[path]
                        .iter()
                        .enumerate()
                        .filter(|(_, c)| c.is_some())
                        .map(move |(i, _)| (path, i))
                })
                .collect();
            let reasons = contributions
                .iter()
                .filter(|(_, c)| *c >= MIN_CONTRIBUTION)
                .take(MAX_REASONS)
                .map(|&(path, c)| {
                    let career = &catalog.career_paths[path];
                    let employed: u32 = setting.cells[path]
                        .iter()
                        .flatten()
                        .filter_map(|cell| cell.employment)
                        .sum();
                    Reason {
                        factor: format!("career_path:{}", career.soc_code),
                        contribution: c,
                        explanation: format!(
                            "{} (fit {:.2}): {:.1}% of them work here, {} of {} nationally (BLS OEWS May 2025)",
                            career.title,
                            probabilities[path],
                            100.0 * setting.shares[path],
                            thousands(employed),
                            thousands(career.national.employment.unwrap_or(0)),
                        ),
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
