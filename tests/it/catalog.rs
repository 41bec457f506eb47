//! Catalog fidelity: every figure the catalog serves equals its source row,
//! read here independently of the catalog's own reader.

use crate::common;

use std::collections::HashMap;

use himrec::catalog::{Catalog, Control, NON_CREDENTIAL_LEVEL};

fn catalog() -> Catalog {
    Catalog::load(&common::root().join("data")).expect("bundled catalog loads")
}

/// A source figure: `None` for BLS's "-" and Scorecard's empty cells.
fn figure(raw: &str) -> Option<u32> {
    match raw {
        "" | "-" | "*" | "#" => None,
        v => Some(v.parse::<f64>().unwrap() as u32),
    }
}

#[test]
fn medical_records_specialists_in_hospitals_match_oews_may_2025() {
    let catalog = catalog();
    let path = catalog
        .career_paths
        .iter()
        .position(|p| p.soc_code == "29-2072.00")
        .unwrap();
    let hospitals = catalog
        .settings
        .iter()
        .find(|s| s.id == "hospitals")
        .unwrap();
    let cell = hospitals.cells[path][0].as_ref().unwrap();
    assert_eq!(cell.area_or_industry, "622000");
    assert_eq!(cell.employment, Some(55_530));
    assert_eq!(cell.wages.median, Some(59_120));
}

#[test]
fn every_industry_cell_equals_its_source_row() {
    let catalog = catalog();
    let rows = common::data_rows("oews_2025_national_by_industry.csv");
    let by_key: HashMap<(String, String), &HashMap<String, String>> = rows
        .iter()
        .map(|r| ((r["soc_code"].clone(), r["naics_code"].clone()), r))
        .collect();
    let mut compared = 0;
    for setting in catalog.settings.iter() {
        for (p, path) in catalog.career_paths.iter().enumerate() {
            let soc = path.bls_soc_code.replace('-', "");
            for (i, naics) in setting.naics_codes.iter().enumerate() {
                let row = by_key.get(&(soc.clone(), naics.clone()));
                let cell = setting.cells[p][i].as_ref();
                assert_eq!(row.is_some(), cell.is_some(), "{soc} in {naics}");
                let (Some(row), Some(cell)) = (row, cell) else {
                    continue;
                };
                assert_eq!(cell.employment, figure(&row["employment"]), "{soc} {naics}");
                assert_eq!(cell.wages.p10, figure(&row["annual_p10"]));
                assert_eq!(cell.wages.p25, figure(&row["annual_p25"]));
                assert_eq!(cell.wages.median, figure(&row["annual_median"]));
                assert_eq!(cell.wages.p75, figure(&row["annual_p75"]));
                assert_eq!(cell.wages.p90, figure(&row["annual_p90"]));
                assert_eq!(cell.wages.mean, figure(&row["annual_mean"]));
                assert_eq!(cell.label, row["industry"]);
                compared += 1;
            }
        }
    }
    assert!(compared > 100, "compared only {compared} cells");
}

#[test]
fn national_and_state_wages_equal_their_source_rows() {
    let catalog = catalog();
    let national = common::data_rows("oews_2025_national_by_industry.csv");
    let states = common::data_rows("oews_2025_by_state.csv");
    for (p, path) in catalog.career_paths.iter().enumerate() {
        let soc = path.bls_soc_code.replace('-', "");
        let row = national
            .iter()
            .find(|r| r["soc_code"] == soc && r["naics_code"] == "000000")
            .unwrap();
        assert_eq!(path.national.employment, figure(&row["employment"]));
        assert_eq!(path.national.wages.median, figure(&row["annual_median"]));
        assert_eq!(path.national.wages.p10, figure(&row["annual_p10"]));
        assert_eq!(path.national.wages.p90, figure(&row["annual_p90"]));
        for row in states.iter().filter(|r| r["soc_code"] == soc) {
            let usps = himrec::catalog::states::by_fips(&row["state_fips"])
                .unwrap()
                .usps;
            let cell = catalog.state_cell(p, usps).unwrap();
            assert_eq!(cell.employment, figure(&row["employment"]), "{soc} {usps}");
            assert_eq!(
                cell.wages.median,
                figure(&row["annual_median"]),
                "{soc} {usps}"
            );
            assert_eq!(cell.wages.p10, figure(&row["annual_p10"]));
            assert_eq!(cell.wages.p90, figure(&row["annual_p90"]));
        }
    }
}

#[test]
fn every_program_equals_its_source_row_and_suppressed_stays_unknown() {
    let catalog = catalog();
    let rows = common::data_rows("scorecard_cip5107_programs.csv");
    assert_eq!(catalog.programs.len(), 3752);
    assert_eq!(rows.len(), catalog.programs.len());
    for (program, row) in catalog.programs.values().zip(&rows) {
        assert_eq!(program.unitid.to_string(), row["unitid"]);
        assert_eq!(program.institution_name, row["inst_name"]);
        assert_eq!(program.state.unwrap_or(""), row["state"]);
        assert_eq!(
            program.credential_level.to_string(),
            row["credential_level"]
        );
        assert_eq!(program.completers, figure(&row["completers_count"]));
        assert_eq!(program.median_earnings, figure(&row["earnings"]));
        assert_eq!(program.median_debt, figure(&row["debt_median"]));
        assert_eq!(
            program.state_earnings_threshold,
            figure(&row["earnings_threshold_state"])
        );
        let control = match row["control"].as_str() {
            "Public" => Control::Public,
            "Private, nonprofit" => Control::PrivateNonprofit,
            _ => Control::PrivateForProfit,
        };
        assert_eq!(program.control, control);
        assert_ne!(program.median_earnings, Some(0));
        assert_ne!(program.median_debt, Some(0));
    }
    let suppressed = catalog
        .programs
        .values()
        .filter(|p| p.median_earnings.is_none())
        .count();
    assert_eq!(
        suppressed,
        rows.iter().filter(|r| r["earnings"].is_empty()).count()
    );
    assert_eq!(
        catalog
            .programs
            .values()
            .filter(|p| p.credential_level == NON_CREDENTIAL_LEVEL)
            .count(),
        12
    );
}

#[test]
fn vocabulary_holds_the_documented_skill_ids() {
    let catalog = catalog();
    for id in [
        "medical_terminology",
        "anatomy_physiology",
        "clinical_coding",
        "revenue_cycle",
        "clinical_documentation",
        "ehr_systems",
        "health_information_exchange",
        "data_analytics",
        "sql_databases",
        "statistics",
        "programming",
        "privacy_compliance",
        "information_governance",
        "registry_abstraction",
        "quality_improvement",
        "project_management",
        "leadership",
        "communication",
        "customer_service",
        "research",
    ] {
        assert!(catalog.skill_index(id).is_some(), "missing skill {id}");
    }
}

#[test]
fn settings_cover_the_documented_industries_without_overlap() {
    let catalog = catalog();
    assert!((10..=13).contains(&catalog.settings.len()));
    let ids: Vec<&str> = catalog.settings.iter().map(|s| s.id.as_str()).collect();
    for id in [
        "hospitals",
        "physician_offices",
        "insurance",
        "health_it_consulting",
        "research_life_sciences",
    ] {
        assert!(ids.contains(&id), "{id}");
    }
    let hospitals = catalog
        .settings
        .iter()
        .find(|s| s.id == "hospitals")
        .unwrap();
    // Core HIM employment in hospitals: 29-2072 + 29-9021 + 11-9111 cells.
    let rows = common::data_rows("oews_2025_national_by_industry.csv");
    let expected: u32 = rows
        .iter()
        .filter(|r| r["naics_code"] == "622000")
        .filter(|r| ["292072", "299021", "119111"].contains(&r["soc_code"].as_str()))
        .filter_map(|r| figure(&r["employment"]))
        .sum();
    assert_eq!(hospitals.him_employment, expected);
}

#[test]
fn a_broken_data_file_is_refused_with_its_line() {
    let dir = tempdir();
    copy_dir(&common::root().join("data"), &dir);
    let path = dir.join("scorecard_cip5107_programs.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    let broken = text.replacen(",42214.0,", ",lots,", 1);
    std::fs::write(&path, broken).unwrap();
    let err = Catalog::load(&dir).unwrap_err().to_string();
    assert!(err.contains("scorecard_cip5107_programs.csv:2:"), "{err}");
    assert!(err.contains("earnings"), "{err}");

    copy_dir(&common::root().join("data"), &dir);
    let settings = dir.join("catalog/work_settings.csv");
    let text = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(&settings, text + "clinics,Clinics,621110\n").unwrap();
    let err = Catalog::load(&dir).unwrap_err().to_string();
    assert!(err.contains("overlaps"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

fn tempdir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("himrec-catalog-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
fn credentials_lead_to_the_paths_credentials_csv_names() {
    let catalog = catalog();
    let paths = |code: &str| -> Vec<&str> {
        let index = catalog.credential_index(code).unwrap();
        catalog
            .credential_paths(index)
            .into_iter()
            .map(|p| catalog.career_paths[p].soc_code.as_str())
            .collect()
    };
    // As docs/api.md says.
    assert_eq!(paths("RHIT"), ["29-2072.00", "29-9021.00"]);
    assert_eq!(paths("CTR"), ["29-9021.00"]);
    assert_eq!(paths("ODS"), ["29-9021.00"]);
    assert_eq!(paths("CHDA"), ["29-9021.00", "15-2051.01", "15-1211.01"]);
    // Every credential leads somewhere.
    for (i, credential) in catalog.credentials.iter().enumerate() {
        assert!(
            !catalog.credential_paths(i).is_empty(),
            "{}",
            credential.code
        );
    }
}
