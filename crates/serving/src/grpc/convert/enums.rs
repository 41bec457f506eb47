//! The enums a program is described by, mapped both ways in one table
//! each: a domain value to its protobuf value, and a protobuf value back
//! (`UNSPECIFIED` names no domain value).

use crate::pb;
use himrec_domain::catalog::{Accreditation, Control, DeliveryMode, Trend};
use himrec_domain::education::EducationLevel;
use himrec_domain::profile::Goal;
use himrec_domain::rank::counsel::eligibility::Status;
use himrec_domain::rank::{DataSource, Move, ReasonCode, StepKind, Unit};

/// `From<domain> for pb` and `TryFrom<pb> for domain` from one list of
/// pairs; the `UNSPECIFIED` protobuf value converts to `Err(())`.
macro_rules! enum_map {
    ($domain:ident <=> $pb:ident { $($d:ident <=> $p:ident),+ $(,)? }) => {
        impl From<$domain> for pb::$pb {
            fn from(value: $domain) -> Self {
                match value {
                    $($domain::$d => Self::$p,)+
                }
            }
        }

        impl TryFrom<pb::$pb> for $domain {
            type Error = ();

            fn try_from(value: pb::$pb) -> Result<Self, ()> {
                match value {
                    $(pb::$pb::$p => Ok(Self::$d),)+
                    pb::$pb::Unspecified => Err(()),
                }
            }
        }
    };
}

enum_map!(Control <=> Control {
    Public <=> Public,
    PrivateNonprofit <=> PrivateNonprofit,
    PrivateForProfit <=> PrivateForProfit,
});

enum_map!(Accreditation <=> Accreditation {
    Unknown <=> Unknown,
    Accredited <=> Accredited,
    NotAccredited <=> NotAccredited,
});

enum_map!(DeliveryMode <=> DeliveryMode {
    Online <=> Online,
    Hybrid <=> Hybrid,
    Campus <=> Campus,
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_goes_there_and_back() {
        for c in [
            Control::Public,
            Control::PrivateNonprofit,
            Control::PrivateForProfit,
        ] {
            assert_eq!(Control::try_from(pb::Control::from(c)), Ok(c));
        }
        for a in [
            Accreditation::Unknown,
            Accreditation::Accredited,
            Accreditation::NotAccredited,
        ] {
            assert_eq!(Accreditation::try_from(pb::Accreditation::from(a)), Ok(a));
        }
        for m in [
            DeliveryMode::Online,
            DeliveryMode::Hybrid,
            DeliveryMode::Campus,
        ] {
            assert_eq!(DeliveryMode::try_from(pb::DeliveryMode::from(m)), Ok(m));
        }
        assert_eq!(Control::try_from(pb::Control::Unspecified), Err(()));
        assert_eq!(
            Accreditation::try_from(pb::Accreditation::Unspecified),
            Err(())
        );
        assert_eq!(
            DeliveryMode::try_from(pb::DeliveryMode::Unspecified),
            Err(())
        );
    }
}

enum_map!(ReasonCode <=> ReasonCode {
    SkillAboveTypical <=> SkillAboveTypical,
    SkillTowardTypical <=> SkillTowardTypical,
    SkillBelowTypical <=> SkillBelowTypical,
    SkillAtTypical <=> SkillAtTypical,
    CredentialHeld <=> CredentialHeld,
    Interests <=> Interests,
    Education <=> Education,
    SettingStaffing <=> SettingStaffing,
    ProgramPathLevel <=> ProgramPathLevel,
    ProgramPathPreparation <=> ProgramPathPreparation,
    ProgramPreparesFor <=> ProgramPreparesFor,
    ProgramLevelHeld <=> ProgramLevelHeld,
    ProgramNeedsBachelor <=> ProgramNeedsBachelor,
    ProgramInState <=> ProgramInState,
    ProgramOnline <=> ProgramOnline,
    ProgramOutOfState <=> ProgramOutOfState,
    ProgramOutcomes <=> ProgramOutcomes,
    ProgramFacts <=> ProgramFacts,
    VarietyAfterLower <=> VarietyAfterLower,
    VarietyBeforeHigher <=> VarietyBeforeHigher,
    PathStepUp <=> PathStepUp,
    PathWhereYouAre <=> PathWhereYouAre,
    PathLateral <=> PathLateral,
    PathBringsMore <=> PathBringsMore,
    PathNotYetQualified <=> PathNotYetQualified,
    PathDeclining <=> PathDeclining,
    PathRelated <=> PathRelated,
    ProgramRouteStep <=> ProgramRouteStep,
    ProgramSpecialty <=> ProgramSpecialty,
    PathUnlinked <=> PathUnlinked,
    PathAdjacent <=> PathAdjacent,
    PathLongRoute <=> PathLongRoute,
    ProgramOffRoute <=> ProgramOffRoute,
    PathPointsHere <=> PathPointsHere,
    PathOutlook <=> PathOutlook,
    PathPayRange <=> PathPayRange,
    ProgramCost <=> ProgramCost,
});

// A value with no unit is UNSPECIFIED on the wire, so this map is one way.
impl From<Unit> for pb::ValueUnit {
    fn from(unit: Unit) -> Self {
        match unit {
            Unit::None => Self::Unspecified,
            Unit::SkillLevel => Self::SkillLevel,
            Unit::Correlation => Self::Correlation,
            Unit::Percent => Self::Percent,
            Unit::Usd => Self::Usd,
            Unit::Years => Self::Years,
            Unit::Workers => Self::Workers,
            Unit::Importance => Self::Importance,
            Unit::JobZone => Self::JobZone,
            Unit::Campuses => Self::Campuses,
        }
    }
}

enum_map!(DataSource <=> DataSource {
    Oews <=> BlsOews,
    Scorecard <=> CollegeScorecard,
    Onet <=> Onet,
    Esco <=> Esco,
    Projections <=> BlsEmploymentProjections,
    ScorecardCosts <=> CollegeScorecardCosts,
});

enum_map!(Trend <=> OutlookTrend {
    Decline <=> Decline,
    LittleOrNoChange <=> LittleOrNoChange,
    SlowerThanAverage <=> SlowerThanAverage,
    AsFastAsAverage <=> AsFastAsAverage,
    FasterThanAverage <=> FasterThanAverage,
    MuchFasterThanAverage <=> MuchFasterThanAverage,
});

enum_map!(Goal <=> Goal {
    Explore <=> Explore,
    FindWork <=> FindWork,
    Advance <=> Advance,
    Change <=> Change,
});

enum_map!(Move <=> PathMove {
    WayIn <=> WayIn,
    Current <=> Current,
    StepUp <=> StepUp,
    Lateral <=> Lateral,
    Below <=> Below,
    WellBelow <=> WellBelow,
});

enum_map!(StepKind <=> CredentialStepKind {
    Earn <=> Earn,
    CompleteApprenticeship <=> CompleteApprenticeship,
});

/// A step's status on the wire: met is OPEN, a missing condition NEEDS.
impl From<Status> for pb::StepStatus {
    fn from(status: Status) -> Self {
        match status {
            Status::Met => Self::Open,
            Status::Missing => Self::Needs,
            Status::Unknown => Self::Unknown,
        }
    }
}

/// An education level on the wire.
impl From<EducationLevel> for pb::EducationLevel {
    fn from(level: EducationLevel) -> Self {
        Self::try_from(level as i32).unwrap_or(Self::Unspecified)
    }
}
