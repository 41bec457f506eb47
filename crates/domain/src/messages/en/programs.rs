//! The sentences of program reasons in English.

use crate::messages::{
    Against, CatalogWords, CostFigures, NetPrice, OutcomeFigures, PlaceWords, Programs, Repaid,
    RouteStep, Tuition,
};

fn against(a: &Against<'_>) -> String {
    let side = if a.above { "above" } else { "below" };
    format!(
        "${} {side} the earnings threshold Scorecard publishes for {}",
        a.amount, a.state
    )
}

impl Programs for super::English {
    fn route_step(&self, path: &str, step: RouteStep<'_>) -> String {
        let step = match step {
            RouteStep::Prepares(code) => format!("the operator says it prepares for the {code}, a step of that route"),
            RouteStep::Accredited { code, accreditor, level, later: false } => format!("the {code} route needs a {accreditor}-accredited {level} program, the step you need next"),
            RouteStep::Accredited { code, accreditor, level, later: true } => format!("the {code} route, a later step, needs a {accreditor}-accredited {level} program"),
            RouteStep::Recommended { issuer, code, level } => format!("{issuer} recommends training before the {code} exam: a {level} program"),
            RouteStep::Entry(entry) => format!("BLS says it typically needs {} to enter", self.education(entry)),
            RouteStep::Level(level) => format!("a {level} program"),
        };
        format!("On the route to {path}: {step}")
    }

    fn specialty(&self) -> &'static str {
        "CIP 51.07, the field College Scorecard files it under, covers HIM and HIT, health administration, medical office, coding and billing programs: its specialty is not recorded here (the operator can state which credentials it prepares for)"
    }

    fn off_route(&self, factor: &str, contribution: &str) -> String {
        format!("Not a step on the route to any career path shown here, so it counts {factor}: {contribution}")
    }

    fn place(&self, place: PlaceWords<'_>) -> String {
        match place {
            PlaceWords::Online(wanted) => format!("Online, so open from {wanted}"),
            PlaceWords::InState(wanted) => format!("In {wanted}"),
            PlaceWords::OutOfState(wanted, Some(there)) => {
                format!("Outside {wanted} (in {there}), unless it is offered online")
            }
            PlaceWords::OutOfState(wanted, None) => {
                format!("Outside {wanted} (in an unknown state), unless it is offered online")
            }
        }
    }

    fn facts(&self, facts: [Option<bool>; 3]) -> String {
        let [a, p, c] = facts.map(|f| match f {
            Some(true) => "yes",
            Some(false) => "no",
            None => "unknown",
        });
        let source = if facts.iter().all(Option::is_none) {
            "none stated by the operator"
        } else if facts.iter().all(Option::is_some) {
            "as the operator states them"
        } else {
            "as the operator states them; it can state the unknown ones"
        };
        format!("To weigh: CAHIIM accreditation {a}; practicum or internship {p}; career services {c} ({source})")
    }

    fn outcomes(&self, f: &OutcomeFigures<'_>) -> String {
        let horizon = match f.horizon {
            "4yr_after_completion" => "four years after completing".to_owned(),
            other => other.replace('_', " "),
        };
        let mut sentence = match f.earnings {
            Some(e) => format!("Graduates earn ${e} {horizon}"),
            None => "Scorecard suppressed the earnings (small cohort)".to_owned(),
        };
        if let Some(own) = &f.own {
            sentence += &format!(", {}", against(own));
        }
        if let Some(there) = &f.there {
            sentence += &format!(" and {} where you want to work", against(there));
        }
        match f.debt {
            Some(d) => {
                sentence += &format!("; median debt ${d}");
                if let Some(pct) = f.debt_share {
                    sentence += &format!(" ({pct}% of a year's earnings)");
                }
                match f.repaid {
                    Repaid::InYears(years, state) => {
                        sentence += &format!(
                        ", repaid by about {years} years of the premium over the {state} threshold"
                    )
                    }
                    Repaid::Never(state) => {
                        sentence += &format!(
                            ", which earnings at or below the {state} threshold do not pay back"
                        )
                    }
                    Repaid::Unsaid => {}
                }
            }
            None => sentence += "; Scorecard suppressed the debt",
        }
        if let Some((n, list)) = f.campuses {
            sentence +=
                &format!("; Scorecard reports these figures for {n} campuses together ({list})");
        }
        sentence + " (College Scorecard)"
    }

    fn more_campuses(&self, more: usize) -> String {
        format!("{more} more")
    }

    fn cost(&self, f: &CostFigures<'_>) -> String {
        let mut parts = Vec::new();
        match f.net {
            Some(NetPrice::GrantsExceed) => parts.push("on average, grants exceed its cost".to_owned()),
            Some(NetPrice::PerYear(net)) => parts.push(format!("about {net} a year after grants (average net price)")),
            Some(NetPrice::WithTotal(net, total, years)) => parts.push(format!("about {net} a year after grants (average net price), about {total} for the {years} years it takes full time")),
            None => {}
        }
        match f.tuition {
            Some(Tuition::Operator(t)) => {
                parts.push(format!("tuition {t} a year, as the institution states it"))
            }
            Some(Tuition::InState(t)) => {
                parts.push(format!("in-state tuition and fees {t} a year"))
            }
            Some(Tuition::OutOfState(t)) => {
                parts.push(format!("out-of-state tuition and fees {t} a year"))
            }
            None => {}
        }
        if let Some(full) = f.attendance {
            parts.push(format!(
                "{full} a year before aid, with books and living costs"
            ));
        }
        if parts.is_empty() {
            return if f.graduate {
                "What it costs is unknown: College Scorecard publishes the institution's undergraduate costs only".to_owned()
            } else {
                "What it costs is unknown: College Scorecard has no costs for this institution"
                    .to_owned()
            };
        }
        let source = f
            .scorecard_year
            .map(|year| format!(" (College Scorecard, {year}, older than its outcomes)"))
            .unwrap_or_default();
        format!("Likely cost: {}{source}", parts.join("; "))
    }
}
