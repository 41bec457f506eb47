//! The names of the values each kind of reason carries.

use super::reason::ReasonCode;

const SKILL_VALUES: &[&str] = &[
    "skill",
    "level",
    "typical",
    "vouched_by",
    "task_id",
    "element",
    "importance",
];

impl ReasonCode {
    /// The names of the values a reason of this code can carry.
    pub fn value_names(self) -> &'static [&'static str] {
        match self {
            Self::SkillAboveTypical
            | Self::SkillTowardTypical
            | Self::SkillBelowTypical
            | Self::SkillAtTypical => SKILL_VALUES,
            Self::CredentialHeld => &["credential", "issuer"],
            Self::Interests => &["correlation"],
            Self::Education => &["education", "usual_education"],
            Self::SettingStaffing => &[
                "career_path",
                "share",
                "employment",
                "national_employment",
                "openings_per_year",
            ],
            Self::ProgramPathLevel => &["career_path", "share", "education"],
            Self::ProgramPathPreparation => &["career_path", "job_zone"],
            Self::ProgramPreparesFor => &["career_path", "credential"],
            Self::ProgramLevelHeld => &["education"],
            Self::ProgramNeedsBachelor => &[],
            Self::ProgramInState | Self::ProgramOnline => &["state"],
            Self::ProgramOutOfState => &["state", "program_state"],
            Self::ProgramOutcomes => &[
                "median_earnings",
                "earnings_horizon",
                "program_state",
                "state_earnings_threshold",
                "earnings_premium",
                "state",
                "person_state_earnings_threshold",
                "person_state_earnings_premium",
                "median_debt",
                "debt_to_earnings",
                "payback_years",
                "campuses",
            ],
            Self::ProgramFacts => &["accredited", "practicum", "career_services"],
            Self::VarietyAfterLower | Self::VarietyBeforeHigher => {
                &["credential_level", "credential"]
            }
            Self::PathStepUp | Self::PathLateral | Self::PathBringsMore => &[
                "current_occupation",
                "job_zone",
                "current_job_zone",
                "median_wage",
                "current_median_wage",
                "education",
            ],
            Self::PathWhereYouAre => &["current_occupation", "years_experience"],
            Self::PathNotYetQualified => &["entry_education", "education"],
            Self::PathDeclining => &["change_percent", "base_year", "projected_year"],
            Self::PathRelated => &["current_occupation", "relatedness", "credential", "held"],
            Self::PathUnlinked => &["core"],
            Self::PathAdjacent => &[],
            Self::PathLongRoute => &["entry_education"],
            Self::ProgramOffRoute => &[],
            Self::PathPointsHere => &["pointing"],
            Self::ProgramRouteStep => &[
                "career_path",
                "credential",
                "credential_level",
                "accreditor",
                "entry_education",
            ],
            Self::ProgramSpecialty => &["cip_family"],
            Self::PathOutlook => &[
                "trend",
                "change_percent",
                "all_occupations_change_percent",
                "openings_per_year",
                "employment_base",
                "employment_projected",
                "base_year",
                "projected_year",
                "bls_soc_code",
            ],
            Self::PathPayRange => &["wage_p10", "wage_median", "wage_p90", "state"],
            Self::ProgramCost => &[
                "net_price",
                "years",
                "estimated_total",
                "tuition",
                "residency",
                "tuition_source",
                "cost_of_attendance",
                "cost_year",
            ],
        }
    }
}
