//! `google.protobuf.Timestamp`, the one well-known type the contract uses,
//! with its proto3 JSON mapping: an RFC 3339 text in UTC, written with `Z`
//! and 0, 3, 6 or 9 fractional digits, as the mapping asks.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::de::Error as _;

/// A point in time: seconds and nanoseconds since the Unix epoch.
#[derive(Clone, Copy, PartialEq, Eq, Hash, prost::Message)]
pub struct Timestamp {
    /// Whole seconds since 1970-01-01T00:00:00Z.
    #[prost(int64, tag = "1")]
    pub seconds: i64,
    /// The fraction of a second, in nanoseconds (0 to 999,999,999).
    #[prost(int32, tag = "2")]
    pub nanos: i32,
}

impl From<std::time::SystemTime> for Timestamp {
    /// A system time; one before 1970 reads as 1970.
    fn from(at: std::time::SystemTime) -> Self {
        let since = at.duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
        Self {
            seconds: i64::try_from(since.as_secs()).unwrap_or(i64::MAX),
            nanos: i32::try_from(since.subsec_nanos()).unwrap_or(0),
        }
    }
}

impl serde::Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let nanos = u32::try_from(self.nanos).ok();
        let at = nanos
            .and_then(|nanos| DateTime::<Utc>::from_timestamp(self.seconds, nanos))
            .ok_or_else(|| serde::ser::Error::custom("a timestamp out of range"))?;
        serializer.serialize_str(&at.to_rfc3339_opts(SecondsFormat::AutoSi, true))
    }
}

impl<'de> serde::Deserialize<'de> for Timestamp {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        let at = DateTime::parse_from_rfc3339(&text).map_err(D::Error::custom)?;
        Ok(Self {
            seconds: at.timestamp(),
            nanos: i32::try_from(at.timestamp_subsec_nanos()).map_err(D::Error::custom)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_in_utc_with_z_and_read_back_from_any_offset() {
        let at = Timestamp {
            seconds: 1_796_000_000,
            nanos: 120_000_000,
        };
        let text = serde_json::to_string(&at).unwrap();
        assert_eq!(text, r#""2026-11-30T00:53:20.120Z""#);
        assert_eq!(serde_json::from_str::<Timestamp>(&text).unwrap(), at);
        let whole = Timestamp {
            seconds: 0,
            nanos: 0,
        };
        assert_eq!(
            serde_json::to_string(&whole).unwrap(),
            r#""1970-01-01T00:00:00Z""#
        );
        let offset: Timestamp = serde_json::from_str(r#""1970-01-01T01:00:00+01:00""#).unwrap();
        assert_eq!(offset, whole);
        assert!(serde_json::from_str::<Timestamp>(r#""yesterday""#).is_err());
    }
}
