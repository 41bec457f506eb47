//! The sentences of counsel in English.

use crate::catalog::ExperienceDomain;
use crate::messages::{CatalogWords, Counsel, StepServes};
use crate::profile::Goal;

impl Counsel for super::English {
    fn score_meaning(&self, goal: Goal) -> &'static str {
        match goal {
            Goal::Explore => "Each score is the average of how well you meet what the path asks (the share of its own people you match or beat) and how strongly what you told us points to it rather than to the field's other paths, lower for a path at the edge of the field or a long way in, and halved for an occupation BLS projects to decline, and never first.",
            Goal::FindWork => "Each score is how ready you are for the path now: the average of how well you meet what it asks (the share of its own people you match or beat) and how strongly what you told us points to it, halved where you lack the education BLS says it needs to enter or BLS projects the occupation to decline, and lower for a role that asks far less than you bring or that nothing you bring leads to.",
            Goal::Advance => "Each score is how good a step the path is from where you are: how well you meet what it asks (the share of its own people you match or beat), in full for a step up, half for where you are now, less for a step sideways or down, and halved for an occupation BLS projects to decline.",
            Goal::Change => "Each score is how well what you bring carries into the path: how well you meet what it asks (the share of its own people you match or beat), lower for the occupation you are leaving, a role far below what you bring, or one BLS projects to decline (never first).",
        }
    }

    fn years(&self, years: &str, one: bool) -> String {
        if one {
            format!("{years} year")
        } else {
            format!("{years} years")
        }
    }

    fn experience_domain(&self, domain: ExperienceDomain) -> &'static str {
        match domain {
            ExperienceDomain::Coding => "of coding work",
            ExperienceDomain::CancerRegistry => "in a cancer registry (1,950 hours make a year)",
            ExperienceDomain::DocumentationIntegrity => "as a CDI specialist",
            ExperienceDomain::PrivacySecurity => "in healthcare privacy or security management",
        }
    }

    fn coursework(&self, what: &str) -> Option<&'static str> {
        Some(match what {
            "anatomy_physiology" => "college anatomy and physiology",
            "coding_program" => "a coding training program",
            "coding" => "coding coursework",
            "coding_training" => "coding training",
            "coding_preparation" => {
                "80 contact hours of a coding preparation course (or AAPC's Practicode)"
            }
            "risk_adjustment_training" => "risk adjustment training",
            "billing_training" => "billing training",
            "compliance_training" => "compliance training",
            "medical_terminology_anatomy_physiology" => {
                "college medical terminology and anatomy and physiology"
            }
            "anatomy_physiology_medical_terminology_disease_process" => {
                "college anatomy and physiology, medical terminology and disease process"
            }
            _ => return None,
        })
    }

    fn anyone_may_sit(&self) -> &'static str {
        "nothing: anyone may sit the exam"
    }

    fn college_60(&self) -> &'static str {
        "an associate degree or 60 college credits"
    }

    fn accredited_program(&self, level: &str, accreditor: &str) -> String {
        format!("a {accreditor}-accredited {level} program")
    }

    fn program_of_level(&self, level: &str) -> String {
        format!("a {level} program")
    }

    fn the_credentials(&self, codes: &[&str]) -> String {
        format!("the {}", codes.join(" or the "))
    }

    fn licence(&self, codes: &[&str]) -> String {
        format!("an {} licence", codes.join(" or "))
    }

    fn or_list(&self, items: &[String]) -> String {
        items.join(" or ")
    }

    fn and_list(&self, items: &[String]) -> String {
        items.join(" and ")
    }

    fn either_route(&self, routes: &[String]) -> String {
        routes.join(", or ")
    }

    fn with_years_held(&self, condition: &str, years: &str) -> String {
        format!("{condition} (you have {years})")
    }

    fn can_sit_now(&self) -> &'static str {
        "you can sit it now"
    }

    fn may_sit_now(&self) -> &'static str {
        "you may be able to sit it now"
    }

    fn needs(&self, missing: &str) -> String {
        format!("needs {missing}")
    }

    fn you_have(&self, met: &str) -> String {
        format!("you have {met}")
    }

    fn profile_does_not_say(&self, unknown: &str) -> String {
        format!("your profile does not say whether you have {unknown}")
    }

    fn rules_unconfirmed(&self, code: &str, issuer: &str, source: &str) -> String {
        format!("{code} ({issuer}): {issuer}'s eligibility rules could not be confirmed from its own page here; see {source}")
    }

    fn apprenticeship(&self, code: &str, issuer: &str, removal: &str, clause: &str) -> String {
        format!("{code} ({issuer}): you hold it as an apprentice; the apprenticeship ends with {removal}: {clause}")
    }

    fn credential_step(&self, code: &str, issuer: &str, clause: &str) -> String {
        format!("{code} ({issuer}): {clause}")
    }

    fn holding(&self, education: &str) -> String {
        format!(" (you hold {education})")
    }

    fn education_step(&self, programs: &str, serves: StepServes<'_>, held: &str) -> String {
        match serves {
            StepServes::CredentialUnlessHeld(code) => {
                format!("{programs}: the {code} route, unless your degree was already one")
            }
            StepServes::Credential(code) => format!("{programs}: the {code} route{held}"),
            StepServes::Entry(entry) => format!(
                "{programs}: BLS says this occupation typically needs {} to enter{held}",
                self.education(entry)
            ),
        }
    }
}
