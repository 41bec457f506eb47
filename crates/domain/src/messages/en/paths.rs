//! The sentences of career paths in English.

use crate::messages::{Direction, Figure, Opening, Paths, Standing, Vouched};

impl Paths for super::English {
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
            Vouched::Credential(code) => format!(", vouched for by your {code}"),
            Vouched::Work(title) => format!(", typical of your work as {title}"),
        };
        match standing {
            Standing::Above => {
                format!("{skill} {level}, more than the {typical} this path typically asks")
            }
            Standing::Toward => format!(
                "{skill} {level}{vouched}, on the way to the {typical} typical on this path"
            ),
            Standing::Below => {
                format!("{skill} {level}{vouched}, against {typical} typical on this path")
            }
            Standing::At => {
                format!("{skill} {level}{vouched}, at the {typical} typical on this path")
            }
        }
    }

    fn task_evidence(&self, task: u32, quote: &str) -> String {
        format!(" (O*NET task {task}: \"{quote}\")")
    }

    fn element_evidence(&self, element: &str, importance: Figure<'_>) -> String {
        format!(" (O*NET: {element}, importance {importance} of 5)")
    }

    fn credential_held(&self, code: &str, issuer: &str) -> String {
        format!("You hold the {code} ({issuer}), which leads to this path")
    }

    fn interests_match(&self, correlation: Figure<'_>) -> String {
        format!("Your interests match this path's (O*NET) with a correlation of {correlation}")
    }

    fn education_against_usual(&self, held: &str, usual: &str) -> String {
        format!("You hold {held}; this path's most common level is {usual}")
    }

    fn fit_direction(&self, direction: Direction) -> &'static str {
        match direction {
            Direction::Raises => "raises the fit",
            Direction::Lowers => "lowers the fit",
            Direction::GoodMatchBeaten => {
                "a good match, which this path's own people meet more closely still"
            }
        }
    }

    fn related_occupation(&self, title: &str, tier: &str) -> String {
        format!("O*NET lists it among the occupations related to yours ({title}, {tier})")
    }

    fn credential_opens(&self, code: &str, issuer: &str, opening: Opening) -> String {
        match opening {
            Opening::NextRung => format!("The {code} ({issuer}), the next rung of a ladder you are on, leads here"),
            Opening::DegreeRoute => format!("The {code} ({issuer}), which leads here, has a route for graduates with your degree"),
            Opening::IssuerRoute => format!("The {code} ({issuer}), which leads here, has a route for a credential or licence you hold"),
        }
    }

    fn years_there(&self, years: &str, one: bool) -> String {
        if one {
            format!(", for {years} year")
        } else {
            format!(", for {years} years")
        }
    }
}
