//! The catalog's words in Spanish.

use crate::education::EducationLevel;
use crate::messages::{CatalogWords, RouteWords};

impl CatalogWords for super::Spanish {
    fn education(&self, level: EducationLevel) -> &'static str {
        match level {
            EducationLevel::LessThanHighSchool => "estudios inferiores a la escuela secundaria",
            EducationLevel::HighSchool => "un diploma de escuela secundaria",
            EducationLevel::PostsecondaryCertificate => "un certificado postsecundario",
            EducationLevel::SomeCollege => "algunos estudios universitarios",
            EducationLevel::Associate => "un título asociado",
            EducationLevel::Bachelor => "una licenciatura",
            EducationLevel::PostBaccalaureateCertificate => "un certificado de posbachillerato",
            EducationLevel::Master => "una maestría",
            EducationLevel::PostMastersCertificate => "un certificado posterior a la maestría",
            EducationLevel::Doctorate => "un doctorado o título profesional",
        }
    }

    fn credential_level(&self, level: u8) -> &'static str {
        match level {
            1 => "certificado",
            2 => "título asociado",
            3 => "licenciatura",
            4 => "certificado de posbachillerato",
            5 => "maestría",
            6 => "doctorado",
            7 => "primer título profesional",
            _ => "certificado de posgrado",
        }
    }

    fn credential_route(&self, r: &RouteWords<'_>) -> String {
        let (code, issuer, levels) = (r.code, r.issuer, r.levels);
        let prepared = if r.prepares {
            format!("; el operador dice que prepara para la {code}")
        } else {
            String::new()
        };
        if !r.by_level {
            return format!("{code}: el operador dice que este programa prepara para ella; {issuer} no fija requisitos de programa para el examen");
        }
        let Some(accreditor) = r.accreditor else {
            return format!("{code}: los egresados de programas de {levels} pueden presentar el examen{prepared}");
        };
        let status = match r.accredited {
            Some(true) => format!("este programa está acreditado por {accreditor} (según el operador)"),
            Some(false) => format!("este programa no está acreditado por {accreditor} (según el operador), así que no es una ruta hacia la {code}"),
            None if r.recorded => format!("la acreditación {accreditor} de este programa es desconocida (el operador puede indicarla)"),
            None => format!("aquí no consta si este programa está acreditado por {accreditor}"),
        };
        format!("{code}: los egresados de programas de {levels} acreditados por {accreditor} pueden presentar el examen; {status}{prepared}")
    }

    fn cip_family_note(&self) -> &'static str {
        "College Scorecard solo nombra el campo, la familia CIP 51.07, no el programa: la familia incluye programas de administración y tecnología de la información de salud (51.0706, 51.0707), codificación médica (51.0713) y registros de enfermedades (51.0721), pero también de asistente de consultorio médico, recepción, facturación y asistente administrativo (51.0710, 51.0712, 51.0714, 51.0716) y de gestión del cuidado de la salud (51.0701) (NCES CIP 2020); el operador puede nombrar el programa"
    }

    fn duration(&self, level: u8) -> Option<&'static str> {
        Some(match level {
            1 => "Menos de cuatro años académicos de estudio a tiempo completo: IPEDS cuenta certificados de menos de un año, de uno a dos y de dos a cuatro años (niveles de titulación de NCES)",
            2 => "Al menos dos y menos de cuatro años académicos de estudio universitario a tiempo completo (niveles de titulación de NCES)",
            3 => "Al menos cuatro y no más de cinco años académicos de estudio universitario a tiempo completo (niveles de titulación de NCES)",
            5 => "De uno a dos años académicos de estudio a tiempo completo después de la licenciatura (niveles de titulación de NCES)",
            _ => return None,
        })
    }
}
