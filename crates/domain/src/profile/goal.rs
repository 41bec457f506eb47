//! What a person wants from the field: the question a counselor asks
//! first, since it decides what a good answer is.

/// What the person wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Goal {
    /// New to the field: what is there, and how do people get in?
    Explore = 1,
    /// A job with what I have now.
    FindWork = 2,
    /// Move up from where I am.
    Advance = 3,
    /// Come into HIM from another field.
    Change = 4,
}

impl Goal {
    /// Every goal, in code order.
    pub const ALL: [Self; 4] = [Self::Explore, Self::FindWork, Self::Advance, Self::Change];

    /// The goal with this code (1-4).
    pub fn from_code(code: i32) -> Option<Self> {
        Self::ALL.into_iter().find(|g| *g as i32 == code)
    }

    /// The goal named by a word such as `find_work` or `find work`, or by
    /// its enum name such as `GOAL_FIND_WORK`, in any case.
    pub fn from_name(name: &str) -> Option<Self> {
        let name = name.trim().to_ascii_lowercase().replace([' ', '-'], "_");
        let name = name.strip_prefix("goal_").unwrap_or(&name);
        Self::ALL.into_iter().find(|g| g.name() == name)
    }

    /// The goal's name, as [`Goal::from_name`] reads it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Explore => "explore",
            Self::FindWork => "find_work",
            Self::Advance => "advance",
            Self::Change => "change",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goals_read_their_names_and_codes() {
        for goal in Goal::ALL {
            assert_eq!(Goal::from_name(goal.name()), Some(goal));
            assert_eq!(Goal::from_code(goal as i32), Some(goal));
        }
        assert_eq!(Goal::from_name("GOAL_FIND_WORK"), Some(Goal::FindWork));
        assert_eq!(Goal::from_name("find work"), Some(Goal::FindWork));
        assert_eq!(Goal::from_name("retire"), None);
        assert_eq!(Goal::from_code(0), None);
    }
}
