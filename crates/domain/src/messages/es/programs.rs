//! The sentences of program reasons in Spanish.

use crate::messages::{
    Against, CatalogWords, CostFigures, NetPrice, OutcomeFigures, PlaceWords, Programs, Repaid,
    RouteStep, Tuition,
};

fn against(a: &Against<'_>) -> String {
    let side = if a.above { "por encima" } else { "por debajo" };
    format!(
        "${} {side} del umbral de ingresos que Scorecard publica para {}",
        a.amount, a.state
    )
}

impl Programs for super::Spanish {
    fn route_step(&self, path: &str, step: RouteStep<'_>) -> String {
        let step = match step {
            RouteStep::Prepares(code) => format!("el operador dice que prepara para la {code}, un paso de esa ruta"),
            RouteStep::Accredited { code, accreditor, level, later: false } => format!("la ruta a la {code} pide un programa de {level} acreditado por {accreditor}, el paso que necesita ahora"),
            RouteStep::Accredited { code, accreditor, level, later: true } => format!("la ruta a la {code}, un paso posterior, pide un programa de {level} acreditado por {accreditor}"),
            RouteStep::Recommended { issuer, code, level } => format!("{issuer} recomienda formación antes del examen de la {code}: un programa de {level}"),
            RouteStep::Entry(entry) => format!("BLS indica que suele pedir {} para entrar", self.education(entry)),
            RouteStep::Level(level) => format!("un programa de {level}"),
        };
        format!("En la ruta a {path}: {step}")
    }

    fn specialty(&self) -> &'static str {
        "CIP 51.07, el campo en que College Scorecard lo clasifica, abarca programas de HIM y HIT, administración de salud, oficina médica, codificación y facturación: aquí no consta su especialidad (el operador puede indicar para qué credenciales prepara)"
    }

    fn off_route(&self, factor: &str, contribution: &str) -> String {
        format!("No es un paso de la ruta a ninguna de las trayectorias mostradas, así que cuenta {factor}: {contribution}")
    }

    fn place(&self, place: PlaceWords<'_>) -> String {
        match place {
            PlaceWords::Online(wanted) => format!("En línea, así que está abierto desde {wanted}"),
            PlaceWords::InState(wanted) => format!("En {wanted}"),
            PlaceWords::OutOfState(wanted, Some(there)) => {
                format!("Fuera de {wanted} (en {there}), salvo que se ofrezca en línea")
            }
            PlaceWords::OutOfState(wanted, None) => format!(
                "Fuera de {wanted} (en un estado desconocido), salvo que se ofrezca en línea"
            ),
        }
    }

    fn facts(&self, facts: [Option<bool>; 3]) -> String {
        // "Unknown" agrees with its noun: la acreditación, las prácticas,
        // los servicios.
        let [a, p, c] = [
            (facts[0], "desconocida"),
            (facts[1], "desconocidas"),
            (facts[2], "desconocidos"),
        ]
        .map(|(f, unknown)| match f {
            Some(true) => "sí",
            Some(false) => "no",
            None => unknown,
        });
        let source = if facts.iter().all(Option::is_none) {
            "el operador no indica ninguno"
        } else if facts.iter().all(Option::is_some) {
            "según los indica el operador"
        } else {
            "según los indica el operador; puede indicar los desconocidos"
        };
        format!("Para considerar: acreditación CAHIIM {a}; prácticas o pasantía {p}; servicios de orientación profesional {c} ({source})")
    }

    fn outcomes(&self, f: &OutcomeFigures<'_>) -> String {
        let horizon = match f.horizon {
            "4yr_after_completion" => "cuatro años después de terminar".to_owned(),
            other => other.replace('_', " "),
        };
        let mut sentence = match f.earnings {
            Some(e) => format!("Los egresados ganan ${e} {horizon}"),
            None => "Scorecard no publica los ingresos (cohorte pequeña)".to_owned(),
        };
        if let Some(own) = &f.own {
            sentence += &format!(", {}", against(own));
        }
        if let Some(there) = &f.there {
            sentence += &format!(" y {} donde usted quiere trabajar", against(there));
        }
        match f.debt {
            Some(d) => {
                sentence += &format!("; deuda mediana ${d}");
                if let Some(pct) = f.debt_share {
                    sentence += &format!(" ({pct}% de los ingresos de un año)");
                }
                match f.repaid {
                    Repaid::InYears(years, state) => sentence += &format!(", que se paga con unos {years} años de la prima sobre el umbral de {state}"),
                    Repaid::Never(state) => sentence += &format!(", que unos ingresos iguales o inferiores al umbral de {state} no permiten pagar"),
                    Repaid::Unsaid => {}
                }
            }
            None => sentence += "; Scorecard no publica la deuda",
        }
        if let Some((n, list)) = f.campuses {
            sentence +=
                &format!("; Scorecard publica estas cifras para {n} campus en conjunto ({list})");
        }
        sentence + " (College Scorecard)"
    }

    fn more_campuses(&self, more: usize) -> String {
        format!("{more} más")
    }

    fn cost(&self, f: &CostFigures<'_>) -> String {
        let mut parts = Vec::new();
        match f.net {
            Some(NetPrice::GrantsExceed) => parts.push("en promedio, las becas superan su costo".to_owned()),
            Some(NetPrice::PerYear(net)) => parts.push(format!("unos {net} al año después de becas (precio neto promedio)")),
            Some(NetPrice::WithTotal(net, total, years)) => parts.push(format!("unos {net} al año después de becas (precio neto promedio), unos {total} por los {years} años que toma a tiempo completo")),
            None => {}
        }
        match f.tuition {
            Some(Tuition::Operator(t)) => parts.push(format!(
                "matrícula de {t} al año, según la indica la institución"
            )),
            Some(Tuition::InState(t)) => parts.push(format!(
                "matrícula y cuotas para residentes del estado {t} al año"
            )),
            Some(Tuition::OutOfState(t)) => parts.push(format!(
                "matrícula y cuotas para no residentes del estado {t} al año"
            )),
            None => {}
        }
        if let Some(full) = f.attendance {
            parts.push(format!(
                "{full} al año antes de ayudas, con libros y costos de vida"
            ));
        }
        if parts.is_empty() {
            return if f.graduate {
                "Su costo es desconocido: College Scorecard publica solo los costos de pregrado de la institución".to_owned()
            } else {
                "Su costo es desconocido: College Scorecard no tiene costos de esta institución"
                    .to_owned()
            };
        }
        let source = f
            .scorecard_year
            .map(|year| format!(" (College Scorecard, {year}, anterior a sus resultados)"))
            .unwrap_or_default();
        format!("Costo probable: {}{source}", parts.join("; "))
    }
}
