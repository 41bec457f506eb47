//! The catalog's words in English.

use crate::education::EducationLevel;
use crate::messages::{CatalogWords, RouteWords};

impl CatalogWords for super::English {
    fn education(&self, level: EducationLevel) -> &'static str {
        match level {
            EducationLevel::LessThanHighSchool => "less than high school",
            EducationLevel::HighSchool => "a high school diploma",
            EducationLevel::PostsecondaryCertificate => "a post-secondary certificate",
            EducationLevel::SomeCollege => "some college",
            EducationLevel::Associate => "an associate's degree",
            EducationLevel::Bachelor => "a bachelor's degree",
            EducationLevel::PostBaccalaureateCertificate => "a post-baccalaureate certificate",
            EducationLevel::Master => "a master's degree",
            EducationLevel::PostMastersCertificate => "a post-master's certificate",
            EducationLevel::Doctorate => "a doctoral or professional degree",
        }
    }

    fn credential_level(&self, level: u8) -> &'static str {
        match level {
            1 => "certificate",
            2 => "associate",
            3 => "bachelor's",
            4 => "post-baccalaureate certificate",
            5 => "master's",
            6 => "doctoral",
            7 => "first professional",
            _ => "graduate certificate",
        }
    }

    fn credential_route(&self, r: &RouteWords<'_>) -> String {
        let (code, issuer, levels) = (r.code, r.issuer, r.levels);
        let prepared = if r.prepares {
            format!("; the operator says it prepares for the {code}")
        } else {
            String::new()
        };
        if !r.by_level {
            return format!("{code}: the operator says this program prepares for it; {issuer} sets no program requirement for the exam");
        }
        let Some(accreditor) = r.accreditor else {
            return format!("{code}: graduates of {levels} programs may sit the exam{prepared}");
        };
        let status = match r.accredited {
            Some(true) => format!("this program is {accreditor}-accredited (the operator says)"),
            Some(false) => format!("this program is not {accreditor}-accredited (the operator says), so it is not a route to the {code}"),
            None if r.recorded => format!("this program's {accreditor} accreditation is unknown (the operator can state it)"),
            None => format!("whether this program is {accreditor}-accredited is not recorded here"),
        };
        format!("{code}: graduates of {accreditor}-accredited {levels} programs may sit the exam; {status}{prepared}")
    }

    fn cip_family_note(&self) -> &'static str {
        "College Scorecard names only the field, CIP family 51.07, not the program: the family holds health information administration and technology (51.0706, 51.0707), medical coding (51.0713) and disease registry (51.0721) programs, but also medical office assistant, reception, billing and administrative assistant programs (51.0710, 51.0712, 51.0714, 51.0716) and health care management (51.0701) (NCES CIP 2020); the operator can name the program"
    }

    fn duration(&self, level: u8) -> Option<&'static str> {
        Some(match level {
            1 => "Less than four academic years of full-time study: IPEDS counts certificates of under one, one to two, and two to four years (NCES award levels)",
            2 => "At least two but less than four academic years of full-time college-level study (NCES award levels)",
            3 => "At least four but not more than five academic years of full-time college-level study (NCES award levels)",
            5 => "One to two academic years of full-time study beyond the bachelor's degree (NCES award levels)",
            _ => return None,
        })
    }
}
