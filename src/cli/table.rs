//! Plain-text tables of a `RecommendResponse`.

use himrec::pb;
use himrec::text::thousands;

fn money(value: Option<u32>) -> String {
    value.map_or_else(|| "n/a".into(), |v| format!("${}", thousands(v)))
}

/// `text` cut to `width` characters, marking the cut.
fn truncated(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(width - 1).collect();
        cut.push('~');
        cut
    }
}

fn median(wages: &Option<pb::AnnualWages>) -> String {
    money(wages.as_ref().and_then(|w| w.median))
}

fn first_reason(reasons: &[pb::Reason]) -> &str {
    reasons.first().map_or("", |r| r.explanation.as_str())
}

/// The goal's name as a person reads it.
fn goal_name(goal: i32) -> &'static str {
    match pb::Goal::try_from(goal) {
        Ok(pb::Goal::Explore) => "explore the field",
        Ok(pb::Goal::FindWork) => "find work",
        Ok(pb::Goal::Advance) => "move up",
        Ok(pb::Goal::Change) => "change into HIM",
        _ => "not given",
    }
}

/// A step's status as a short mark.
fn status_mark(status: i32) -> &'static str {
    match pb::StepStatus::try_from(status) {
        Ok(pb::StepStatus::Open) => "[now]",
        Ok(pb::StepStatus::Needs) => "[needs]",
        _ => "[?]",
    }
}

/// The response as three tables with the main reason under each row.
pub(crate) fn render(r: &pb::RecommendResponse) -> String {
    let mut out = String::new();
    let inferred = if r.goal_inferred {
        " (inferred from the profile)"
    } else {
        ""
    };
    out.push_str(&format!("GOAL: {}{inferred}\n", goal_name(r.goal)));
    out.push_str(&format!("{}\n\n", r.score_meaning));
    out.push_str("CAREER PATHS (score for your goal; fit: meets the path as well as this share of its people)\n");
    out.push_str(&format!(
        "  {:>5} {:>5}  {:<11} {:<50} {:>10} {:>10}\n",
        "score", "fit", "O*NET-SOC", "title", "US median", "state med."
    ));
    for c in &r.career_paths {
        out.push_str(&format!(
            "  {:>5.2} {:>5.2}  {:<11} {:<50} {:>10} {:>10}\n",
            c.score,
            c.fit,
            c.soc_code,
            truncated(&c.title, 50),
            median(&c.national_wages),
            if c.state_wages.is_some() {
                median(&c.state_wages)
            } else {
                "-".into()
            },
        ));
        if !c.also_called.is_empty() {
            let titles: Vec<&str> = c.also_called.iter().take(4).map(String::as_str).collect();
            out.push_str(&format!("        also called: {}\n", titles.join(", ")));
        }
        for reason in c.reasons.iter().take(2) {
            out.push_str(&format!("        {}\n", reason.explanation));
        }
        if let Some(step) = &c.education_step {
            out.push_str(&format!(
                "        route: {} {}\n",
                status_mark(step.status),
                step.explanation
            ));
        }
        for step in &c.credential_steps {
            out.push_str(&format!(
                "        route: {} {}\n",
                status_mark(step.status),
                step.explanation
            ));
        }
        if !c.skill_gaps.is_empty() {
            let gaps: Vec<String> = c
                .skill_gaps
                .iter()
                .take(3)
                .map(|g| {
                    let current = g
                        .current
                        .map_or_else(|| "not stated".to_owned(), |c| format!("{c:.2}"));
                    format!(
                        "{} {current} -> {:.2} (fit {:.2} -> {:.2})",
                        g.skill_id,
                        g.typical,
                        g.score_after - g.score_gain,
                        g.score_after
                    )
                })
                .collect();
            out.push_str(&format!("        learn next: {}\n", gaps.join("; ")));
        }
    }
    if r.weak_career_paths > 0 {
        out.push_str(&format!(
            "  ({} more paths score under 0.10 and are left out)\n",
            r.weak_career_paths
        ));
    }
    out.push_str("\nWORK SETTINGS\n");
    out.push_str(&format!(
        "  {:>5}  {:<56} {:>14} {:>10}\n",
        "score", "setting (NAICS)", "HIM employed", "median"
    ));
    for s in &r.work_settings {
        let name = truncated(&format!("{} ({})", s.name, s.naics_codes.join(",")), 56);
        out.push_str(&format!(
            "  {:>5.3}  {:<56} {:>14} {:>10}\n        {}\n",
            s.score,
            name,
            thousands(s.him_employment),
            median(&s.wages),
            first_reason(&s.reasons)
        ));
    }
    out.push_str(
        "\nPROGRAMS (score: how good a next step the program is on the route of your first paths; best first)\n",
    );
    out.push_str(&format!(
        "  {:>5}  {:<48} {:<5} {:<38} {:>9} {:>9}\n",
        "score", "institution", "state", "credential", "earnings", "debt"
    ));
    for p in &r.programs {
        let Some(program) = &p.program else { continue };
        out.push_str(&format!(
            "  {:>5.3}  {:<48} {:<5} {:<38} {:>9} {:>9}\n        {}\n",
            p.score,
            truncated(&program.institution_name, 48),
            program.state,
            truncated(&program.credential_description, 38),
            money(program.median_earnings),
            money(program.median_debt),
            first_reason(&p.reasons)
        ));
        // What a person choosing weighs: outcomes, routes to credentials,
        // and why the list placed it where it is.
        let outcomes = p.reasons.iter().filter(|r| r.factor == "outcomes");
        let routes = program.credential_routes.iter().map(|r| &r.explanation);
        let variety = p.reasons.iter().filter(|r| r.factor == "variety");
        for line in outcomes
            .map(|r| &r.explanation)
            .chain(routes)
            .chain(variety.map(|r| &r.explanation))
        {
            out.push_str(&format!("        {line}\n"));
        }
    }
    out.push_str(&format!("\nmodel {}; data:", r.model_version));
    for d in &r.data_releases {
        out.push_str(&format!(" {} ({});", d.source, d.release));
    }
    out.push('\n');
    out
}
