//! Requests into the domain's unchecked inputs. Enum values the caller
//! sent that name nothing known become `None`, for the check to report.

use crate::pb;
use himrec_domain::catalog::{
    ListingInput, Named, PathListingInput, PathOrder, ProgramFilterInput,
};
use himrec_domain::profile::ProfileInput;
use himrec_domain::rank::{Detail, ProgramPreferences, QueryInput};
use himrec_domain::riasec::Riasec;

/// A message's six RIASEC areas as an array, in RIASEC order.
macro_rules! riasec {
    ($m:expr) => {
        [
            $m.realistic,
            $m.investigative,
            $m.artistic,
            $m.social,
            $m.enterprising,
            $m.conventional,
        ]
    };
}

/// A message of the six RIASEC areas from the named areas.
macro_rules! riasec_message {
    ($message:ident, $r:expr) => {{
        let Riasec {
            realistic,
            investigative,
            artistic,
            social,
            enterprising,
            conventional,
        } = $r;
        pb::$message {
            realistic,
            investigative,
            artistic,
            social,
            enterprising,
            conventional,
        }
    }};
}

impl From<pb::RiasecScores> for [f64; 6] {
    fn from(i: pb::RiasecScores) -> Self {
        riasec!(i)
    }
}

impl From<pb::InterestProfilerScores> for [u32; 6] {
    fn from(i: pb::InterestProfilerScores) -> Self {
        riasec!(i)
    }
}

impl From<Riasec<f64>> for pb::RiasecScores {
    fn from(r: Riasec<f64>) -> Self {
        riasec_message!(RiasecScores, r)
    }
}

impl From<Riasec<u32>> for pb::InterestProfilerScores {
    fn from(r: Riasec<u32>) -> Self {
        riasec_message!(InterestProfilerScores, r)
    }
}

impl From<pb::Profile> for ProfileInput {
    fn from(p: pb::Profile) -> Self {
        let mut skills: Vec<(String, f64)> = p.skills.into_iter().collect();
        // Map order is arbitrary on the wire; sort so violations come in a
        // stable order.
        skills.sort_by(|a, b| a.0.cmp(&b.0));
        Self {
            skills,
            interests: p.interests.map(Into::into),
            interest_profiler: p.interest_profiler.map(Into::into),
            highest_education: p.highest_education,
            credentials: p.credentials,
            state: p.state,
            goal: p.goal,
            current_occupation: p.current_occupation,
            years_experience: p.years_experience,
        }
    }
}

/// A profile as received, on the wire: what a client sends.
impl From<ProfileInput> for pb::Profile {
    fn from(p: ProfileInput) -> Self {
        Self {
            skills: p.skills.into_iter().collect(),
            interests: p.interests.map(|i| Riasec::from(i).into()),
            interest_profiler: p.interest_profiler.map(|i| Riasec::from(i).into()),
            highest_education: p.highest_education,
            credentials: p.credentials,
            state: p.state,
            goal: p.goal,
            current_occupation: p.current_occupation,
            years_experience: p.years_experience,
        }
    }
}

impl From<pb::ProgramPreferences> for ProgramPreferences {
    fn from(p: pb::ProgramPreferences) -> Self {
        Self {
            require_accreditation: p.require_accreditation,
            online_only: p.online_only,
        }
    }
}

// `program_preferences` is deprecated but still honoured for a release.
#[allow(deprecated)]
impl From<pb::RecommendRequest> for QueryInput {
    fn from(r: pb::RecommendRequest) -> Self {
        Self {
            profile: r.profile.map(Into::into),
            limits: [r.max_career_paths, r.max_work_settings, r.max_programs],
            preferences: r.program_preferences.map(Into::into).unwrap_or_default(),
            filter: r.program_filter.map(Into::into),
            detail: match pb::RecommendView::try_from(r.view) {
                Ok(pb::RecommendView::Unspecified | pb::RecommendView::Full) => Some(Detail::Full),
                Ok(pb::RecommendView::Basic) => Some(Detail::Basic),
                Err(_) => None,
            },
            language: r.language,
        }
    }
}

impl From<pb::ProgramFilter> for ProgramFilterInput {
    fn from(f: pb::ProgramFilter) -> Self {
        Self {
            unitids: f.unitids,
            states: f.states,
            credential_levels: f.credential_levels,
            controls: f
                .controls
                .into_iter()
                .map(named::<pb::Control, _>)
                .collect(),
            accreditations: f
                .accreditations
                .into_iter()
                .map(named::<pb::Accreditation, _>)
                .collect(),
            min_median_earnings: f.min_median_earnings,
            max_median_debt: f.max_median_debt,
            name_contains: f.name_contains,
            delivery_modes: f
                .delivery_modes
                .into_iter()
                .map(named::<pb::DeliveryMode, _>)
                .collect(),
            operator_only: f.operator_only,
            practicum: f.practicum,
            career_services: f.career_services,
            max_net_price: f.max_net_price,
        }
    }
}

/// The domain value of an enum number as sent; a number the contract does
/// not define, and the `UNSPECIFIED` value, are kept as unknown.
fn named<P, D>(value: i32) -> Named<D>
where
    P: TryFrom<i32>,
    D: TryFrom<P>,
{
    P::try_from(value)
        .ok()
        .and_then(|p| D::try_from(p).ok())
        .map_or_else(|| Named::Unknown(value.to_string()), Named::Known)
}

impl From<pb::ListProgramsRequest> for ListingInput {
    fn from(r: pb::ListProgramsRequest) -> Self {
        Self {
            page_size: r.page_size,
            filter: r.filter.map(Into::into),
            // The older top-level fields are the same conditions.
            fields: pb::ProgramFilter {
                states: r.states,
                credential_levels: r.credential_levels,
                controls: r.controls,
                accreditations: r.accreditations,
                min_median_earnings: r.min_median_earnings,
                max_median_debt: r.max_median_debt,
                name_contains: r.name_contains,
                delivery_modes: r.delivery_modes,
                ..Default::default()
            }
            .into(),
        }
    }
}

impl From<pb::ListCareerPathsRequest> for PathListingInput {
    fn from(r: pb::ListCareerPathsRequest) -> Self {
        Self {
            trends: r
                .trends
                .into_iter()
                .map(named::<pb::OutlookTrend, _>)
                .collect(),
            min_change_percent: r.min_change_percent,
            order_by: match pb::CareerPathOrder::try_from(r.order_by) {
                Ok(pb::CareerPathOrder::Unspecified) => None,
                Ok(pb::CareerPathOrder::ChangePercent) => {
                    Some(Named::Known(PathOrder::ChangePercent))
                }
                Ok(pb::CareerPathOrder::OpeningsPerYear) => {
                    Some(Named::Known(PathOrder::OpeningsPerYear))
                }
                Ok(pb::CareerPathOrder::MedianWage) => Some(Named::Known(PathOrder::MedianWage)),
                Err(_) => Some(Named::Unknown(r.order_by.to_string())),
            },
        }
    }
}
