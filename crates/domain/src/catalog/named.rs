//! A value of a small vocabulary (an institution's control, an
//! accreditation status, a delivery mode) as a caller gave it: one the
//! catalog knows, or what it did not recognise, kept so the check can say
//! which and a configuration prints back as it was written.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::programs::{Accreditation, Control, DeliveryMode};

/// A vocabulary whose values have one name each.
pub trait Vocabulary: Sized + Copy {
    /// Its name, as the configuration writes it.
    fn name(self) -> &'static str;
    /// The value a name (or another spelling it accepts) stands for.
    fn from_name(raw: &str) -> Option<Self>;
}

impl Vocabulary for Control {
    fn name(self) -> &'static str {
        match self {
            Self::Public => "public",
            Self::PrivateNonprofit => "private_nonprofit",
            Self::PrivateForProfit => "private_for_profit",
        }
    }

    fn from_name(raw: &str) -> Option<Self> {
        Control::from_name(raw)
    }
}

impl Vocabulary for Accreditation {
    fn name(self) -> &'static str {
        match self {
            Self::Accredited => "accredited",
            Self::NotAccredited => "not_accredited",
            Self::Unknown => "unknown",
        }
    }

    fn from_name(raw: &str) -> Option<Self> {
        Accreditation::from_name(raw)
    }
}

impl Vocabulary for DeliveryMode {
    fn name(self) -> &'static str {
        match self {
            Self::Online => "online",
            Self::Hybrid => "hybrid",
            Self::Campus => "campus",
        }
    }

    fn from_name(raw: &str) -> Option<Self> {
        DeliveryMode::parse(raw)
    }
}

/// A value as given: known, or the text (or number) that is not one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Named<T> {
    /// A value of the vocabulary.
    Known(T),
    /// What was given instead.
    Unknown(String),
}

impl<T: Vocabulary> Named<T> {
    /// The value `raw` names, or `raw` kept as unknown.
    pub fn read(raw: &str) -> Self {
        T::from_name(raw).map_or_else(|| Self::Unknown(raw.to_owned()), Self::Known)
    }
}

impl<T: Vocabulary> Serialize for Named<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Known(value) => serializer.serialize_str(value.name()),
            Self::Unknown(raw) => serializer.serialize_str(raw),
        }
    }
}

impl<'de, T: Vocabulary> Deserialize<'de> for Named<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        Ok(Self::read(&raw))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back_as_written_known_or_not() {
        for mode in [
            DeliveryMode::Online,
            DeliveryMode::Hybrid,
            DeliveryMode::Campus,
        ] {
            assert_eq!(Named::read(mode.name()), Named::Known(mode));
        }
        for control in [
            Control::Public,
            Control::PrivateNonprofit,
            Control::PrivateForProfit,
        ] {
            assert_eq!(Named::read(control.name()), Named::Known(control));
        }
        for status in [
            Accreditation::Accredited,
            Accreditation::NotAccredited,
            Accreditation::Unknown,
        ] {
            assert_eq!(Named::read(status.name()), Named::Known(status));
        }
        let odd: Named<DeliveryMode> = Named::read("by-mail");
        assert_eq!(odd, Named::Unknown("by-mail".into()));
        let json = serde_json::to_string(&vec![odd, Named::Known(DeliveryMode::Online)]).unwrap();
        assert_eq!(json, r#"["by-mail","online"]"#);
    }
}
