//! Answers as a reviewer reads them: one line per entry of each list (its
//! key, name, scores to four places), and for recommendations each reason,
//! step and gap as a person reads it. The snapshots of this text are what
//! a change's diff shows; the hash beside them holds every other field.

use std::fmt::Write as _;

use himrec::pb;

/// Writes an answer as lines of text.
pub(super) trait Render {
    fn render(&self, out: &mut String);
}

/// An enum value's proto name, or its number when it has none.
macro_rules! word {
    ($enum:ty, $value:expr) => {
        <$enum>::try_from($value)
            .map_or_else(|_| $value.to_string(), |e| e.as_str_name().to_owned())
    };
}

/// Reasons whose sentence restates the catalog's figures for a setting or
/// program, the same in every answer that shows it: their code, factor and
/// contribution are enough to see a change (the hash holds the sentence).
const CATALOG_FACTS: [pb::ReasonCode; 5] = [
    pb::ReasonCode::ProgramOutcomes,
    pb::ReasonCode::ProgramSpecialty,
    pb::ReasonCode::ProgramCost,
    pb::ReasonCode::ProgramFacts,
    pb::ReasonCode::SettingStaffing,
];

fn reasons(out: &mut String, reasons: &[pb::Reason]) {
    for r in reasons {
        let code = word!(pb::ReasonCode, r.code);
        let code = code.trim_start_matches("REASON_CODE_");
        let _ = write!(out, "    {code} {:+.4} {}", r.contribution, r.factor);
        if CATALOG_FACTS.iter().any(|&fact| fact as i32 == r.code) {
            out.push('\n');
        } else {
            let _ = writeln!(out, ": {}", r.explanation);
        }
    }
}

fn optional<T: std::fmt::Display>(value: Option<T>) -> String {
    value.map_or_else(|| "unknown".to_owned(), |v| v.to_string())
}

impl Render for pb::RecommendResponse {
    fn render(&self, out: &mut String) {
        let _ = writeln!(
            out,
            "  goal {}{} language {} model {} label {:?} weak paths {}",
            word!(pb::Goal, self.goal),
            if self.goal_inferred {
                " (inferred)"
            } else {
                ""
            },
            self.language,
            self.model_version,
            self.model_label,
            self.weak_career_paths,
        );
        let _ = writeln!(out, "  meaning: {}", self.score_meaning);
        for p in &self.career_paths {
            let _ = writeln!(
                out,
                "  path {} {}: score {:.4} fit {:.4} share {:.4} {} zone {}",
                p.soc_code,
                p.title,
                p.score,
                p.fit,
                p.share,
                word!(pb::PathMove, p.path_move),
                p.job_zone,
            );
            reasons(out, &p.reasons);
            if let Some(step) = &p.education_step {
                let _ = writeln!(
                    out,
                    "    education {} {}: {}",
                    word!(pb::StepStatus, step.status),
                    step.credential,
                    step.explanation
                );
            }
            for step in &p.credential_steps {
                let _ = writeln!(
                    out,
                    "    credential {} {} {} gain {:.4}: {} [{}] programs {}",
                    step.code,
                    word!(pb::CredentialStepKind, step.kind),
                    word!(pb::StepStatus, step.status),
                    step.score_gain,
                    step.explanation,
                    step.eligibility.join("; "),
                    step.programs.len(),
                );
            }
            for gap in &p.skill_gaps {
                let _ = writeln!(
                    out,
                    "    learn {} {}{} -> {:.2} gain {:.4}",
                    gap.skill_id,
                    gap.current
                        .map_or_else(|| "not stated".to_owned(), |c| format!("{c:.2}")),
                    match gap.vouched_by.as_str() {
                        "" => String::new(),
                        by => format!(" vouched by {by}"),
                    },
                    gap.typical,
                    gap.score_gain,
                );
            }
        }
        for s in &self.work_settings {
            let _ = writeln!(
                out,
                "  setting {} {}: score {:.4} employment {} median {}",
                s.setting_id,
                s.name,
                s.score,
                s.him_employment,
                optional(s.wages.as_ref().and_then(|w| w.median)),
            );
            reasons(out, &s.reasons);
        }
        for r in &self.programs {
            let p = r.program.as_ref().expect("a recommended program names it");
            let _ = writeln!(
                out,
                "  program {} level {} {} ({}): score {:.4}",
                p.unitid, p.credential_level, p.institution_name, p.state, r.score,
            );
            reasons(out, &r.reasons);
        }
    }
}

fn program_line(out: &mut String, p: &pb::Program) {
    let _ = writeln!(
        out,
        "  program {} level {} {} ({}) {}: completers {} earnings {} debt {}",
        p.unitid,
        p.credential_level,
        p.institution_name,
        p.state,
        word!(pb::DeliveryMode, p.delivery_mode),
        optional(p.completers),
        optional(p.median_earnings),
        optional(p.median_debt),
    );
}

impl Render for pb::ListProgramsResponse {
    fn render(&self, out: &mut String) {
        let _ = writeln!(
            out,
            "  total {} more {}",
            self.total_size,
            !self.next_page_token.is_empty()
        );
        for p in &self.programs {
            program_line(out, p);
        }
    }
}

impl Render for pb::GetProgramResponse {
    fn render(&self, out: &mut String) {
        if let Some(p) = &self.program {
            program_line(out, p);
        }
    }
}

impl Render for pb::ListSkillsResponse {
    fn render(&self, out: &mut String) {
        for s in &self.skills {
            let _ = writeln!(out, "  skill {}: {}", s.id, s.name);
        }
    }
}

impl Render for pb::ListCareerPathsResponse {
    fn render(&self, out: &mut String) {
        for p in &self.career_paths {
            let _ = writeln!(
                out,
                "  path {} {}: zone {} employment {} median {}",
                p.soc_code,
                p.title,
                p.job_zone,
                optional(p.national_employment),
                optional(p.national_wages.as_ref().and_then(|w| w.median)),
            );
        }
    }
}

impl Render for pb::ListWorkSettingsResponse {
    fn render(&self, out: &mut String) {
        for s in &self.work_settings {
            let _ = writeln!(
                out,
                "  setting {} {}: employment {}",
                s.setting_id, s.name, s.him_employment
            );
        }
    }
}

impl Render for pb::GetModelInfoResponse {
    fn render(&self, out: &mut String) {
        let _ = writeln!(
            out,
            "  model {} {} seed {} rows {} + {} paths {} features {} generation {}",
            self.model_version,
            self.algorithm,
            self.seed,
            self.training_rows,
            self.test_rows,
            self.career_paths.len(),
            self.features.len(),
            self.generation,
        );
    }
}

impl Render for pb::RecommendBatchResponse {
    fn render(&self, out: &mut String) {
        match &self.result {
            Some(pb::recommend_batch_response::Result::Response(answer)) => answer.render(out),
            Some(pb::recommend_batch_response::Result::Error(e)) => {
                let fields: Vec<&str> = e
                    .field_violations
                    .iter()
                    .map(|v| v.field.as_str())
                    .collect();
                let _ = writeln!(out, "  refused {}: {} {fields:?}", e.code, e.message);
            }
            None => out.push_str("  nothing\n"),
        }
    }
}

impl Render for super::Refusal {
    fn render(&self, out: &mut String) {
        let _ = writeln!(
            out,
            "  refused {:?}: {} {:?}",
            tonic::Code::from(self.code),
            self.message,
            self.fields
        );
    }
}
