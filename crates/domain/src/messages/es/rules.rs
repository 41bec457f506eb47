//! The sentences of a path's goal rules in Spanish.

use crate::education::EducationLevel;
use crate::messages::{CatalogWords, Figure, GoalRules, StayWeighed, Whence};

fn whence(from: Whence<'_>) -> String {
    match from {
        Whence::Work(title) => format!("su trabajo como {title}"),
        Whence::Education => "lo que alcanza su educación".to_owned(),
    }
}

impl GoalRules for super::Spanish {
    fn counted(&self, factor: Figure<'_>, contribution: Figure<'_>) -> String {
        format!("cuenta {factor}: {contribution}")
    }

    fn zones(&self, zone: u8, current: u8, wages: Option<(&str, &str)>) -> String {
        let wages = wages
            .map(|(path, person)| format!(", salario mediano {path} frente a {person} (BLS, 2024)"))
            .unwrap_or_default();
        format!("nivel de preparación {zone} de 5 frente a {current} (O*NET){wages}")
    }

    fn step_up(&self, from: Whence<'_>, zones: &str) -> String {
        format!("Un ascenso desde {}: {zones}", whence(from))
    }

    fn where_you_work(&self, years: &str, weighed: StayWeighed<'_>) -> String {
        match weighed {
            StayWeighed::Not => format!("Donde trabaja ahora{years}"),
            StayWeighed::ToMoveUp(counted) => {
                format!("Donde trabaja ahora{years}: para avanzar, {counted}")
            }
            StayWeighed::Leaving(counted) => {
                format!("Donde trabaja ahora{years}: lo está dejando, así que {counted}")
            }
        }
    }

    fn lateral(&self, from: Whence<'_>, zones: &str, counted: Option<&str>) -> String {
        let from = whence(from);
        match counted {
            Some(counted) => {
                format!("Al nivel de {from} ({zones}): no es un ascenso, así que {counted}")
            }
            None => format!("Al nivel de {from}: {zones}"),
        }
    }

    fn brings_more(&self, zones: &str, counted: Option<&str>) -> String {
        match counted {
            Some(counted) => {
                format!("Usted aporta más de lo que pide este puesto ({zones}), así que {counted}")
            }
            None => format!("Usted aporta más de lo que pide este puesto: {zones}"),
        }
    }

    fn weaker_link(&self, link: &str, counted: &str) -> String {
        format!("{link}: un vínculo más débil, así que {counted}")
    }

    fn not_yet_qualified(&self, entry: EducationLevel, held: &str, counted: &str) -> String {
        format!("BLS indica que suele pedir {} para entrar y usted tiene {held}: para un trabajo ahora, {counted}", self.education(entry))
    }

    fn declining(
        &self,
        change: Figure<'_>,
        period: &str,
        held_below: bool,
        counted: &str,
    ) -> String {
        if held_below {
            format!("Como BLS proyecta que se reduzca ({change}% en {period}), no se muestra primero: la mitad, y por debajo de la mejor trayectoria que no se reduce, así que {counted}")
        } else {
            format!("Como BLS proyecta que se reduzca ({change}% en {period}), {counted}")
        }
    }

    fn unlinked(&self, core: bool, counted: &str) -> String {
        if core {
            format!("Ni O*NET ni la ruta de un emisor la vinculan con su trabajo o sus credenciales, aunque es una de las ocupaciones centrales del campo: {counted}")
        } else {
            format!("Ni O*NET ni la ruta de un emisor la vinculan con su trabajo o sus credenciales: {counted}")
        }
    }

    fn points_here(&self, pointing: Figure<'_>, contribution: Figure<'_>) -> String {
        format!("Cuánto apunta lo que nos dijo a esta trayectoria y no a las demás del campo: {pointing} (0.50 no apunta a ninguna); es la mitad de la puntuación: {contribution}")
    }

    fn adjacent(&self, counted: &str) -> String {
        format!("Una ocupación al borde del campo, cuyo trabajo está en parte en otros campos: para una primera mirada, {counted}")
    }

    fn long_route(&self, entry: EducationLevel, counted: &str) -> String {
        format!(
            "Un camino largo para empezar: BLS indica que suele pedir {} para entrar, {counted}",
            self.education(entry)
        )
    }
}
