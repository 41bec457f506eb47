//! The sentences of a path's goal rules in English.

use crate::education::EducationLevel;
use crate::messages::{CatalogWords, Figure, GoalRules, StayWeighed, Whence};

fn whence(from: Whence<'_>) -> String {
    match from {
        Whence::Work(title) => format!("your work as {title}"),
        Whence::Education => "what your education reaches".to_owned(),
    }
}

impl GoalRules for super::English {
    fn counted(&self, factor: Figure<'_>, contribution: Figure<'_>) -> String {
        format!("it counts {factor}: {contribution}")
    }

    fn zones(&self, zone: u8, current: u8, wages: Option<(&str, &str)>) -> String {
        let wages = wages
            .map(|(path, person)| format!(", median wage {path} against {person} (BLS, 2024)"))
            .unwrap_or_default();
        format!("preparation level {zone} of 5 against {current} (O*NET){wages}")
    }

    fn step_up(&self, from: Whence<'_>, zones: &str) -> String {
        format!("A step up from {}: {zones}", whence(from))
    }

    fn where_you_work(&self, years: &str, weighed: StayWeighed<'_>) -> String {
        match weighed {
            StayWeighed::Not => format!("Where you work now{years}"),
            StayWeighed::ToMoveUp(counted) => {
                format!("Where you work now{years}: to move up, {counted}")
            }
            StayWeighed::Leaving(counted) => {
                format!("Where you work now{years}: you are leaving it, so {counted}")
            }
        }
    }

    fn lateral(&self, from: Whence<'_>, zones: &str, counted: Option<&str>) -> String {
        let from = whence(from);
        match counted {
            Some(counted) => {
                format!("About level with {from} ({zones}): not a step up, so {counted}")
            }
            None => format!("About level with {from}: {zones}"),
        }
    }

    fn brings_more(&self, zones: &str, counted: Option<&str>) -> String {
        match counted {
            Some(counted) => format!("You bring more than this role asks ({zones}), so {counted}"),
            None => format!("You bring more than this role asks: {zones}"),
        }
    }

    fn weaker_link(&self, link: &str, counted: &str) -> String {
        format!("{link}: a weaker link, so {counted}")
    }

    fn not_yet_qualified(&self, entry: EducationLevel, held: &str, counted: &str) -> String {
        format!("BLS says it typically needs {} to enter and you hold {held}: for work you can get now, {counted}", self.education(entry))
    }

    fn declining(
        &self,
        change: Figure<'_>,
        period: &str,
        held_below: bool,
        counted: &str,
    ) -> String {
        if held_below {
            format!("Because BLS projects it to shrink ({change}% over {period}), it is not shown first: half, and held below the best path that is not shrinking, so {counted}")
        } else {
            format!("Because BLS projects it to shrink ({change}% over {period}), {counted}")
        }
    }

    fn unlinked(&self, core: bool, counted: &str) -> String {
        if core {
            format!("Neither O*NET nor an issuer's route links it to your work or credentials, though it is one of the field's core occupations: {counted}")
        } else {
            format!("Neither O*NET nor an issuer's route links it to your work or credentials: {counted}")
        }
    }

    fn points_here(&self, pointing: Figure<'_>, contribution: Figure<'_>) -> String {
        format!("How strongly what you told us points to this path rather than to the field's others: {pointing} (0.50 is neither way); it is half the score: {contribution}")
    }

    fn adjacent(&self, counted: &str) -> String {
        format!("An occupation at the edge of the field, its work partly in other fields: for a first look, {counted}")
    }

    fn long_route(&self, entry: EducationLevel, counted: &str) -> String {
        format!(
            "A long way in: BLS says it typically needs {} to enter, so {counted}",
            self.education(entry)
        )
    }
}
