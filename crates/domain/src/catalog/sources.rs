//! The public data the catalog reads and serves: its source files, their
//! releases, and the BLS industry codes it picks cells by.

/// The source files under the data folder that the catalog reads.
pub const SOURCE_FILES: &[&str] = &[
    "catalog/skills.json",
    "catalog/career_paths.csv",
    "catalog/work_settings.csv",
    "catalog/credentials.csv",
    "oews_2025_national_by_industry.csv",
    "oews_2025_by_state.csv",
    "scorecard_cip5107_programs.csv",
    "esco_1_2_0_him_occupation_profiles.tsv",
    "onet_29_2_him/Occupation Data.txt",
    "onet_29_2_him/Job Zones.txt",
    "onet_29_2_him/Interests.txt",
    "onet_29_2_him/Skills.txt",
    "onet_29_2_him/Knowledge.txt",
    "onet_29_2_him/Education, Training, and Experience.txt",
    "onet_29_2_him/Task Statements.txt",
    "onet_29_2_him/Technology Skills.txt",
];

/// The public data releases the catalog serves, as (source, release).
pub const DATA_RELEASES: &[(&str, &str)] = &[
    (
        "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics",
        "May 2025",
    ),
    (
        "U.S. Department of Education, College Scorecard",
        "2026-06-10",
    ),
    ("O*NET Database, USDOL/ETA", "29.2"),
    ("ESCO, European Commission", "v1.2.0"),
    (
        "U.S. Bureau of Labor Statistics, Employment Projections",
        "2024-34",
    ),
    (
        "U.S. Department of Education, College Scorecard, institution costs",
        "cost year 2022-23",
    ),
];

/// BLS's all-industries code.
pub const ALL_INDUSTRIES: &str = "000000";
/// BLS's Health Care and Social Assistance sector code.
pub const HEALTH_CARE_SECTOR: &str = "62--63";
