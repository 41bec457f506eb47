//! Plain-text tables of a `RecommendResponse`.

use himrec::pb;
use himrec::text::thousands;

/// Signed dollars with thousands separators: `-531` -> `-$531`.
fn signed_money(n: i32) -> String {
    let sign = if n < 0 { "-" } else { "" };
    format!("{sign}${}", thousands(n.unsigned_abs()))
}

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
        "  {:>5} {:>5}  {:<11} {:<50} {:>10} {:>10} {:>8}\n",
        "score", "fit", "O*NET-SOC", "title", "US median", "state med.", "2024-34"
    ));
    for c in &r.career_paths {
        out.push_str(&format!(
            "  {:>5.2} {:>5.2}  {:<11} {:<50} {:>10} {:>10} {:>8}\n",
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
            c.outlook
                .as_ref()
                .and_then(|o| o.change_percent)
                .map_or_else(|| "n/a".to_owned(), |p| format!("{p:+.1}%")),
        ));
        if !c.also_called.is_empty() {
            let titles: Vec<&str> = c.also_called.iter().take(4).map(String::as_str).collect();
            out.push_str(&format!("        also called: {}\n", titles.join(", ")));
        }
        // The outlook and the pay range on lines of their own.
        let prospect = |r: &&pb::Reason| {
            r.code == pb::ReasonCode::PathOutlook as i32
                || r.code == pb::ReasonCode::PathPayRange as i32
        };
        let label = |r: &pb::Reason| {
            if r.code == pb::ReasonCode::PathOutlook as i32 {
                "outlook"
            } else {
                "pay"
            }
        };
        // A shrinking path's outlook comes first, as its reasons put it.
        let (first, rest) = match c.reasons.split_first() {
            Some((r, rest)) if prospect(&r) => (Some(r), rest),
            _ => (None, c.reasons.as_slice()),
        };
        if let Some(reason) = first {
            out.push_str(&format!(
                "        {}: {}\n",
                label(reason),
                reason.explanation
            ));
        }
        for reason in rest.iter().filter(|r| !prospect(r)).take(2) {
            out.push_str(&format!("        {}\n", reason.explanation));
        }
        for reason in rest.iter().filter(prospect) {
            out.push_str(&format!(
                "        {}: {}\n",
                label(reason),
                reason.explanation
            ));
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
                    // A level the person did not state says what vouches
                    // for it: their work (an occupation's code) or a
                    // credential they hold.
                    let vouched = match g.vouched_by.as_str() {
                        "" => String::new(),
                        code if code.contains('.') => " (your work)".to_owned(),
                        code => format!(" (your {code})"),
                    };
                    let current = g
                        .current
                        .map_or_else(|| "not stated".to_owned(), |c| format!("{c:.2}{vouched}"));
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
        "  {:>5}  {:<48} {:<5} {:<38} {:>9} {:>9} {:>9}\n",
        "score", "institution", "state", "credential", "earnings", "debt", "net price"
    ));
    for p in &r.programs {
        let Some(program) = &p.program else { continue };
        let net_price = program.cost.as_ref().and_then(|c| c.net_price);
        out.push_str(&format!(
            "  {:>5.3}  {:<48} {:<5} {:<38} {:>9} {:>9} {:>9}\n        {}\n",
            p.score,
            truncated(&program.institution_name, 48),
            program.state,
            truncated(&program.credential_description, 38),
            money(program.median_earnings),
            money(program.median_debt),
            net_price.map_or_else(|| "n/a".to_owned(), signed_money),
            first_reason(&p.reasons)
        ));
        // What a person choosing weighs: outcomes and cost, and the routes
        // to credentials.
        let weighed = p
            .reasons
            .iter()
            .filter(|r| r.factor == "outcomes" || r.factor == "cost");
        let routes = program.credential_routes.iter().map(|r| &r.explanation);
        for line in weighed.map(|r| &r.explanation).chain(routes) {
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
