//! The sentences of career paths in Spanish.

use crate::messages::{Direction, Figure, Opening, Paths, Standing, Vouched};

impl Paths for super::Spanish {
    fn skill_level(
        &self,
        skill: &str,
        level: Figure<'_>,
        typical: Figure<'_>,
        standing: Standing,
        vouched: Vouched<'_>,
    ) -> String {
        let vouched = match vouched {
            Vouched::Stated => String::new(),
            Vouched::Credential(code) => format!(", avalado por su {code}"),
            Vouched::Work(title) => format!(", típico de su trabajo como {title}"),
        };
        match standing {
            Standing::Above => {
                format!("{skill} {level}, más que el {typical} que esta trayectoria suele pedir")
            }
            Standing::Toward => format!(
                "{skill} {level}{vouched}, en camino al {typical} típico de esta trayectoria"
            ),
            Standing::Below => {
                format!("{skill} {level}{vouched}, frente al {typical} típico de esta trayectoria")
            }
            Standing::At => {
                format!("{skill} {level}{vouched}, en el {typical} típico de esta trayectoria")
            }
        }
    }

    fn task_evidence(&self, task: u32, quote: &str) -> String {
        format!(" (tarea {task} de O*NET, en inglés: \"{quote}\")")
    }

    fn element_evidence(&self, element: &str, importance: Figure<'_>) -> String {
        format!(" (O*NET: {element}, importancia {importance} de 5)")
    }

    fn credential_held(&self, code: &str, issuer: &str) -> String {
        format!("Usted tiene la {code} ({issuer}), que conduce a esta trayectoria")
    }

    fn interests_match(&self, correlation: Figure<'_>) -> String {
        format!("Sus intereses coinciden con los de esta trayectoria (O*NET) con una correlación de {correlation}")
    }

    fn education_against_usual(&self, held: &str, usual: &str) -> String {
        format!("Usted tiene {held}; el nivel más común en esta trayectoria es {usual}")
    }

    fn fit_direction(&self, direction: Direction) -> &'static str {
        match direction {
            Direction::Raises => "aumenta la compatibilidad",
            Direction::Lowers => "reduce la compatibilidad",
            Direction::GoodMatchBeaten => {
                "una buena coincidencia, que las personas de esta trayectoria superan aún"
            }
        }
    }

    fn related_occupation(&self, title: &str, tier: &str) -> String {
        format!("O*NET la cuenta entre las ocupaciones relacionadas con la suya ({title}, {tier})")
    }

    fn credential_opens(&self, code: &str, issuer: &str, opening: Opening) -> String {
        match opening {
            Opening::NextRung => format!("La {code} ({issuer}), el siguiente peldaño de una escala en la que está, conduce aquí"),
            Opening::DegreeRoute => format!("La {code} ({issuer}), que conduce aquí, tiene una ruta para egresados con su título"),
            Opening::IssuerRoute => format!("La {code} ({issuer}), que conduce aquí, tiene una ruta para una credencial o licencia que usted tiene"),
        }
    }

    fn years_there(&self, years: &str, one: bool) -> String {
        if one {
            format!(", desde hace {years} año")
        } else {
            format!(", desde hace {years} años")
        }
    }
}
