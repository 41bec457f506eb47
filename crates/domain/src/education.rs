//! Education levels, on O*NET's education categories.

/// Highest education completed, on O*NET's education categories 1-9, with
/// 10-12 (first professional, doctoral, post-doctoral) as one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EducationLevel {
    /// Less than a high school diploma.
    LessThanHighSchool = 1,
    /// High school diploma.
    HighSchool = 2,
    /// Post-secondary certificate.
    PostsecondaryCertificate = 3,
    /// Some college, no degree.
    SomeCollege = 4,
    /// Associate's degree.
    Associate = 5,
    /// Bachelor's degree.
    Bachelor = 6,
    /// Post-baccalaureate certificate.
    PostBaccalaureateCertificate = 7,
    /// Master's degree.
    Master = 8,
    /// Post-master's certificate.
    PostMastersCertificate = 9,
    /// Doctoral or first professional degree.
    Doctorate = 10,
}

impl EducationLevel {
    /// Every level, lowest first.
    pub const ALL: [Self; 10] = [
        Self::LessThanHighSchool,
        Self::HighSchool,
        Self::PostsecondaryCertificate,
        Self::SomeCollege,
        Self::Associate,
        Self::Bachelor,
        Self::PostBaccalaureateCertificate,
        Self::Master,
        Self::PostMastersCertificate,
        Self::Doctorate,
    ];

    /// The level with this code (1-10).
    pub fn from_code(code: i32) -> Option<Self> {
        Self::ALL.into_iter().find(|l| *l as i32 == code)
    }

    /// The level named by a word such as `bachelor` or `some college`, or
    /// by its enum name such as `EDUCATION_LEVEL_BACHELOR`, in any case.
    pub fn from_name(name: &str) -> Option<Self> {
        let name = name.trim().to_ascii_lowercase().replace([' ', '-'], "_");
        let name = name.strip_prefix("education_level_").unwrap_or(&name);
        Self::ALL.into_iter().find(|l| l.name() == name)
    }

    /// The level's name, as [`EducationLevel::from_name`] reads it.
    pub fn name(self) -> &'static str {
        match self {
            Self::LessThanHighSchool => "less_than_high_school",
            Self::HighSchool => "high_school",
            Self::PostsecondaryCertificate => "postsecondary_certificate",
            Self::SomeCollege => "some_college",
            Self::Associate => "associate",
            Self::Bachelor => "bachelor",
            Self::PostBaccalaureateCertificate => "post_baccalaureate_certificate",
            Self::Master => "master",
            Self::PostMastersCertificate => "post_masters_certificate",
            Self::Doctorate => "doctorate",
        }
    }

    /// The level of an O*NET education category (1-12).
    pub fn from_onet_category(category: usize) -> Self {
        Self::ALL[category.clamp(1, 10) - 1]
    }
}
