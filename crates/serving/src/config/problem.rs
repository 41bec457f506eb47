//! How a configuration check words a problem, and the checks more than
//! one section shares.

use std::fmt;

/// One problem, naming the key at fault.
pub(super) fn bad(key: &str, why: impl fmt::Display) -> String {
    format!("{key}: {why}")
}

/// Checks that `origin` (of `cors_origins` or a publishable key) is a
/// browser origin as a browser sends it in `Origin`:
/// `http(s)://host[:port]` in lower case, with no path, since CORS and
/// publishable keys compare it byte for byte; the error says why.
pub(super) fn origin(origin: &str) -> Result<(), String> {
    let rest = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"));
    let fine = rest.is_some_and(|host| {
        !host.is_empty()
            && !host.contains(['/', '?', '#', ' ', '*'])
            && !host.bytes().any(|b| b.is_ascii_uppercase())
            && origin.parse::<tonic::codegen::http::HeaderValue>().is_ok()
    });
    if fine {
        Ok(())
    } else {
        Err(format!(
            "{origin:?} is not an origin: write scheme and host in lower case, e.g. \"https://apply.example.edu\""
        ))
    }
}
