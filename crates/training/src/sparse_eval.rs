//! The ranking on profiles as sparse as people give them, and against
//! references not used in training: credentials alone against O*NET's
//! Alternate Titles, interests alone against O*NET Interest Profiler
//! matching per high point, each path's distinctive skills, and each path's
//! top skills against a reviewed reading of O*NET's tasks.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::fit_eval::spearman;
use super::split::Split;
use himrec_domain::catalog::{CareerPath, Catalog, RIASEC};
use himrec_domain::model::fit::pearson;
use himrec_domain::model::report::{
    CompletenessSlice, CredentialCheck, DistinctiveCheck, HighPointCheck, ReviewedCheck,
    SparseReport,
};
use himrec_domain::model::CareerModel;
use himrec_domain::profile::Profile;

/// Interests-only profiles drawn per high point.
const HIGH_POINT_PROFILES: usize = 200;
/// The seed of those profiles.
const HIGH_POINT_SEED: u64 = 7;

/// A reviewed reading of O*NET: each path's top skills, most
/// characteristic first, as (O*NET-SOC code, skill ids).
pub type ReviewedSkills = Vec<(String, Vec<String>)>;

/// Reads `soc_code,rank,skill,evidence` rows into [`ReviewedSkills`], in
/// the file's order of paths and ranks.
pub fn read_reviewed(text: &str) -> Result<ReviewedSkills, String> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut rows: Vec<(String, u32, String)> = Vec::new();
    for (line, record) in reader.records().enumerate() {
        let record = record.map_err(|e| e.to_string())?;
        let rank: u32 = record[1]
            .parse()
            .map_err(|_| format!("line {}: rank {:?} is not a number", line + 2, &record[1]))?;
        rows.push((record[0].to_owned(), rank, record[2].to_owned()));
    }
    let mut out: ReviewedSkills = Vec::new();
    for (soc, _, skill) in rows {
        match out.iter_mut().find(|(s, _)| *s == soc) {
            Some((_, skills)) => skills.push(skill),
            None => out.push((soc, vec![skill])),
        }
    }
    Ok(out)
}

/// The paths in the order the service ranks them for `profile`.
pub fn ranking(model: &CareerModel, profile: &Profile) -> Vec<usize> {
    let n = model.targets().len();
    model
        .assess(profile, n, false)
        .explained
        .iter()
        .map(|e| e.class)
        .collect()
}

fn place(model: &CareerModel, profile: &Profile, path: usize) -> usize {
    ranking(model, profile)
        .iter()
        .position(|&c| c == path)
        .map_or(usize::MAX, |p| p + 1)
}

/// The ids of `path`'s `k` highest typical skills, highest first.
pub fn top_skills<'a>(catalog: &'a Catalog, path: &CareerPath, k: usize) -> Vec<&'a str> {
    let mut order: Vec<usize> = (0..catalog.skills.len()).collect();
    order.sort_by(|&a, &b| path.typical_skills[b].total_cmp(&path.typical_skills[a]));
    order
        .iter()
        .take(k)
        .map(|&s| catalog.skills[s].id.as_str())
        .collect()
}

/// The completeness slice a profile falls in.
pub fn completeness(profile: &Profile) -> &'static str {
    let said = profile.skills_said();
    match said {
        0 if !profile.credentials.is_empty() && profile.interests.is_none() => "credential only",
        0 if profile.interests.is_some() && profile.education.is_none() => "interests only",
        0 if profile.education.is_some() => "education only",
        0 => "nothing but interests and education",
        1..=2 => "1-2 skills",
        3..=5 => "3-5 skills",
        _ => "6+ skills",
    }
}

/// The slices in report order.
pub const SLICES: [&str; 6] = [
    "credential only",
    "1-2 skills",
    "3-5 skills",
    "6+ skills",
    "interests only",
    "education only",
];

/// Evaluates `model` on sparse profiles and the references.
pub(super) fn report(
    catalog: &Catalog,
    model: &CareerModel,
    split: &Split,
    reviewed: &ReviewedSkills,
) -> SparseReport {
    let rankings: Vec<(&'static str, usize, Vec<usize>)> = split
        .test
        .iter()
        .zip(&split.test_labels)
        .map(|(p, &c)| (completeness(p), c, ranking(model, p)))
        .collect();
    let slices = SLICES
        .iter()
        .map(|&slice| {
            let rows: Vec<_> = rankings.iter().filter(|(s, _, _)| *s == slice).collect();
            let hit = |k: usize| {
                let hits = rows.iter().filter(|(_, c, r)| r[..k].contains(c)).count();
                hits as f64 / rows.len().max(1) as f64
            };
            CompletenessSlice {
                slice: slice.to_owned(),
                profiles: rows.len(),
                own_first: hit(1),
                own_top3: hit(3),
            }
        })
        .collect();

    let empty = || Profile::new(vec![None; catalog.skills.len()], None, None);
    let credentials = (0..catalog.credentials.len())
        .filter_map(|c| {
            let [path] = titled_paths(catalog, c)[..] else {
                return None;
            };
            let mut profile = empty();
            profile.hold(catalog, c);
            Some(CredentialCheck {
                code: catalog.credentials[c].code.clone(),
                soc_code: catalog.career_paths[path].soc_code.clone(),
                place: place(model, &profile, path),
            })
        })
        .collect();

    let mut rng = ChaCha8Rng::seed_from_u64(HIGH_POINT_SEED);
    let interest_high_points: Vec<HighPointCheck> = (0..6)
        .map(|area| {
            let correlations: Vec<f64> = (0..HIGH_POINT_PROFILES)
                .map(|_| {
                    let scores: [f64; 6] = std::array::from_fn(|k| {
                        if k == area {
                            rng.gen_range(0.8..=1.0)
                        } else {
                            rng.gen_range(0.0..0.6)
                        }
                    });
                    let profile = Profile {
                        interests: Some(scores),
                        ..empty()
                    };
                    let order = ranking(model, &profile);
                    let mut served = vec![0.0; order.len()];
                    for (position, &c) in order.iter().enumerate() {
                        served[c] = -(position as f64);
                    }
                    let profiler: Vec<f64> = catalog
                        .career_paths
                        .iter()
                        .map(|p| pearson(&scores, &p.interests))
                        .collect();
                    spearman(&served, &profiler)
                })
                .collect();
            HighPointCheck {
                area: RIASEC[area].to_owned(),
                profiles: correlations.len(),
                spearman: correlations.iter().sum::<f64>() / correlations.len() as f64,
            }
        })
        .collect();
    let interest_mean_spearman = interest_high_points.iter().map(|h| h.spearman).sum::<f64>() / 6.0;

    let distinctive = (0..catalog.career_paths.len())
        .map(|c| {
            let skills = distinctive_skills(catalog, c, 3);
            let with = |k: usize| {
                let mut profile = empty();
                for &s in &skills[..k] {
                    profile.state_skill(s, catalog.career_paths[c].typical_skills[s]);
                }
                place(model, &profile, c)
            };
            DistinctiveCheck {
                soc_code: catalog.career_paths[c].soc_code.clone(),
                skills: skills
                    .iter()
                    .map(|&s| catalog.skills[s].id.clone())
                    .collect(),
                place_with_two: with(2),
                place_with_three: with(3),
            }
        })
        .collect();

    let reviewed = reviewed
        .iter()
        .filter_map(|(soc, skills)| {
            let path = catalog.career_paths.iter().find(|p| &p.soc_code == soc)?;
            let top5 = top_skills(catalog, path, 5);
            let first: Vec<String> = skills.iter().take(3).cloned().collect();
            Some(ReviewedCheck {
                soc_code: soc.clone(),
                in_catalog_top5: first.iter().filter(|s| top5.contains(&s.as_str())).count(),
                reviewed: first,
            })
        })
        .collect();

    SparseReport {
        slices,
        credentials,
        interest_high_points,
        interest_mean_spearman,
        distinctive,
        reviewed,
    }
}

/// The catalog paths whose O*NET Alternate Titles name credential `c`, by
/// its code (or a former code) in parentheses or by its full name.
pub fn titled_paths(catalog: &Catalog, c: usize) -> Vec<usize> {
    let credential = &catalog.credentials[c];
    let marks: Vec<String> = std::iter::once(&credential.code)
        .chain(&credential.aliases)
        .map(|code| format!("({})", code.to_lowercase()))
        .chain(std::iter::once(credential.name.to_lowercase()))
        .collect();
    (0..catalog.career_paths.len())
        .filter(|&p| {
            catalog.career_paths[p].alternate_titles.iter().any(|t| {
                let t = t.to_lowercase();
                marks.iter().any(|m| t.contains(m.as_str()))
            })
        })
        .collect()
}

/// A path's `k` most distinctive skills: the largest typical level above
/// the other paths' mean.
pub fn distinctive_skills(catalog: &Catalog, path: usize, k: usize) -> Vec<usize> {
    let paths = &catalog.career_paths;
    let others = (paths.len() - 1).max(1) as f64;
    let lead = |s: usize| {
        let rest: f64 = paths
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != path)
            .map(|(_, p)| p.typical_skills[s])
            .sum();
        paths[path].typical_skills[s] - rest / others
    };
    let mut order: Vec<usize> = (0..catalog.skills.len()).collect();
    order.sort_by(|&a, &b| lead(b).total_cmp(&lead(a)).then(a.cmp(&b)));
    order.truncate(k);
    order
}
