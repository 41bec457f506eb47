//! The sentences of counsel in Spanish.

use crate::catalog::ExperienceDomain;
use crate::messages::{CatalogWords, Counsel, StepServes};
use crate::profile::Goal;

impl Counsel for super::Spanish {
    fn score_meaning(&self, goal: Goal) -> &'static str {
        match goal {
            Goal::Explore => "Cada puntuación es el promedio de cuánto cumple lo que pide la trayectoria (la proporción de sus propias personas a las que iguala o supera) y de cuánto apunta a ella lo que nos dijo frente a las demás del campo, menor para una trayectoria al borde del campo o de entrada larga, y reducida a la mitad si BLS proyecta que la ocupación disminuya, y nunca primera.",
            Goal::FindWork => "Cada puntuación es cuán preparado está ahora para la trayectoria: el promedio de cuánto cumple lo que pide (la proporción de sus propias personas a las que iguala o supera) y de cuánto apunta a ella lo que nos dijo, reducida a la mitad si le falta la educación que BLS indica para entrar o si BLS proyecta que la ocupación disminuya, y menor para un puesto que pide mucho menos de lo que usted aporta o al que nada de lo que aporta conduce.",
            Goal::Advance => "Cada puntuación es cuán buen paso es la trayectoria desde donde está: cuánto cumple lo que pide (la proporción de sus propias personas a las que iguala o supera), completa para un ascenso, la mitad para donde está ahora, menos para un paso lateral o hacia abajo, y reducida a la mitad si BLS proyecta que la ocupación disminuya.",
            Goal::Change => "Cada puntuación es cuánto de lo que aporta se traslada a la trayectoria: cuánto cumple lo que pide (la proporción de sus propias personas a las que iguala o supera), menor para la ocupación que deja, un puesto muy por debajo de lo que aporta o uno que BLS proyecta que disminuya (nunca primero).",
        }
    }

    fn years(&self, years: &str, one: bool) -> String {
        if one {
            format!("{years} año")
        } else {
            format!("{years} años")
        }
    }

    fn experience_domain(&self, domain: ExperienceDomain) -> &'static str {
        match domain {
            ExperienceDomain::Coding => "de trabajo de codificación",
            ExperienceDomain::CancerRegistry => {
                "en un registro de cáncer (1,950 horas hacen un año)"
            }
            ExperienceDomain::DocumentationIntegrity => "como especialista de CDI",
            ExperienceDomain::PrivacySecurity => "en gestión de privacidad o seguridad de la salud",
        }
    }

    fn coursework(&self, what: &str) -> Option<&'static str> {
        Some(match what {
            "anatomy_physiology" => "cursos universitarios de anatomía y fisiología",
            "coding_program" => "un programa de formación en codificación",
            "coding" => "cursos de codificación",
            "coding_training" => "formación en codificación",
            "coding_preparation" => "80 horas de contacto de un curso de preparación en codificación (o Practicode de AAPC)",
            "risk_adjustment_training" => "formación en ajuste de riesgo",
            "billing_training" => "formación en facturación",
            "compliance_training" => "formación en cumplimiento",
            "medical_terminology_anatomy_physiology" => "cursos universitarios de terminología médica y de anatomía y fisiología",
            "anatomy_physiology_medical_terminology_disease_process" => "cursos universitarios de anatomía y fisiología, terminología médica y procesos de enfermedad",
            _ => return None,
        })
    }

    fn anyone_may_sit(&self) -> &'static str {
        "nada: cualquiera puede presentar el examen"
    }

    fn college_60(&self) -> &'static str {
        "un título asociado o 60 créditos universitarios"
    }

    fn accredited_program(&self, level: &str, accreditor: &str) -> String {
        format!("un programa de {level} acreditado por {accreditor}")
    }

    fn program_of_level(&self, level: &str) -> String {
        format!("un programa de {level}")
    }

    fn the_credentials(&self, codes: &[&str]) -> String {
        format!("la {}", codes.join(" o la "))
    }

    fn licence(&self, codes: &[&str]) -> String {
        format!("una licencia de {}", codes.join(" o "))
    }

    fn or_list(&self, items: &[String]) -> String {
        items.join(" o ")
    }

    fn and_list(&self, items: &[String]) -> String {
        items.join(" y ")
    }

    fn either_route(&self, routes: &[String]) -> String {
        routes.join(", o ")
    }

    fn with_years_held(&self, condition: &str, years: &str) -> String {
        format!("{condition} (tiene {years})")
    }

    fn can_sit_now(&self) -> &'static str {
        "puede presentarlo ya"
    }

    fn may_sit_now(&self) -> &'static str {
        "quizá pueda presentarlo ya"
    }

    fn needs(&self, missing: &str) -> String {
        format!("requiere {missing}")
    }

    fn you_have(&self, met: &str) -> String {
        format!("tiene {met}")
    }

    fn profile_does_not_say(&self, unknown: &str) -> String {
        format!("su perfil no dice si tiene {unknown}")
    }

    fn rules_unconfirmed(&self, code: &str, issuer: &str, source: &str) -> String {
        format!("{code} ({issuer}): no se pudieron confirmar aquí las reglas de elegibilidad en la página de {issuer}; consulte {source}")
    }

    fn apprenticeship(&self, code: &str, issuer: &str, removal: &str, clause: &str) -> String {
        format!("{code} ({issuer}): la tiene como aprendiz; el aprendizaje termina con {removal}: {clause}")
    }

    fn credential_step(&self, code: &str, issuer: &str, clause: &str) -> String {
        format!("{code} ({issuer}): {clause}")
    }

    fn holding(&self, education: &str) -> String {
        format!(" (usted tiene {education})")
    }

    fn education_step(&self, programs: &str, serves: StepServes<'_>, held: &str) -> String {
        match serves {
            StepServes::CredentialUnlessHeld(code) => {
                format!("{programs}: la ruta a la {code}, salvo que su título ya lo sea")
            }
            StepServes::Credential(code) => format!("{programs}: la ruta a la {code}{held}"),
            StepServes::Entry(entry) => format!(
                "{programs}: BLS indica que esta ocupación suele pedir {} para entrar{held}",
                self.education(entry)
            ),
        }
    }
}
