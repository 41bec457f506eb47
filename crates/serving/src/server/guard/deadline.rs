//! The deadline a call is given: the caller's `grpc-timeout`, capped by
//! the server's longest; the server's default when the caller names none;
//! none for the health probes, which may be long Watch streams.

use std::time::Duration;

use tonic::codegen::http::HeaderMap;

use crate::config::Limits;

/// The `grpc-timeout` header's duration: at most 8 digits and a unit.
fn grpc_timeout(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get("grpc-timeout")?.to_str().ok()?;
    let (digits, unit) = value.split_at(value.len().checked_sub(1)?);
    if digits.is_empty() || digits.len() > 8 {
        return None;
    }
    let n: u64 = digits.parse().ok()?;
    Some(match unit {
        "H" => Duration::from_secs(n * 3600),
        "M" => Duration::from_secs(n * 60),
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        "u" => Duration::from_micros(n),
        "n" => Duration::from_nanos(n),
        _ => return None,
    })
}

/// How long a call with `headers` may take, and takes the caller's
/// `grpc-timeout` off (the deadline is enforced here, not below). `open`:
/// a probe, given no deadline it did not ask for.
pub(super) fn deadline_of(
    headers: &mut HeaderMap,
    open: bool,
    limits: &Limits,
) -> Option<Duration> {
    let asked = grpc_timeout(headers);
    headers.remove("grpc-timeout");
    match (asked, open) {
        (Some(asked), _) => Some(asked.min(limits.max_deadline())),
        (None, false) => Some(limits.default_deadline()),
        (None, true) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grpc_timeout_units() {
        let parse = |v: &str| {
            let mut headers = HeaderMap::new();
            headers.insert("grpc-timeout", v.parse().unwrap());
            grpc_timeout(&headers)
        };
        assert_eq!(parse("2S"), Some(Duration::from_secs(2)));
        assert_eq!(parse("150m"), Some(Duration::from_millis(150)));
        assert_eq!(parse("1H"), Some(Duration::from_secs(3600)));
        assert_eq!(parse("10n"), Some(Duration::from_nanos(10)));
        assert_eq!(parse("123456789S"), None);
        assert_eq!(parse("S"), None);
        assert_eq!(parse("5x"), None);
    }

    #[test]
    fn the_callers_deadline_is_capped_and_probes_get_none_unasked() {
        let limits = Limits::default();
        let mut headers = HeaderMap::new();
        headers.insert("grpc-timeout", "99999999H".parse().unwrap());
        assert_eq!(
            deadline_of(&mut headers, false, &limits),
            Some(limits.max_deadline())
        );
        assert!(headers.get("grpc-timeout").is_none());
        let mut none = HeaderMap::new();
        assert_eq!(
            deadline_of(&mut none, false, &limits),
            Some(limits.default_deadline())
        );
        assert_eq!(deadline_of(&mut none, true, &limits), None);
    }
}
