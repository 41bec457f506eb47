//! AIP-158 page tokens: opaque to clients, tamper-evident, and bound to the
//! filters they were issued for. A token is the hex of the next offset and
//! a digest of the filters, signed with HMAC-SHA256 under a key drawn when
//! the server starts (or derived from `paging.token_secret`, shared by
//! replicas); so tokens stay valid for the life of the key, and a forged,
//! altered or stale token is refused. A tenant's tokens are bound to the
//! tenant too, so one tenant's token is refused for another.

use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;

use crate::live::TenantName;
use himrec_domain::error::FieldViolation;

type HmacSha256 = Hmac<Sha256>;

/// Bytes of the signature kept in a token.
const MAC_BYTES: usize = 16;
const PAYLOAD_BYTES: usize = 4 + 8;

/// The filters' digest bound to the tenant asking, if any (a caller
/// outside every tenant keeps the filters' digest as it is).
pub(crate) fn scoped(filters: [u8; 8], tenant: Option<&TenantName>) -> [u8; 8] {
    use sha2::Digest;
    let Some(tenant) = tenant else {
        return filters;
    };
    let mut hash = Sha256::new();
    hash.update(filters);
    hash.update(tenant.0.as_bytes());
    let mut out = [0; 8];
    out.copy_from_slice(&hash.finalize()[..8]);
    out
}

/// Issues and reads page tokens.
#[derive(Clone)]
pub(crate) struct PageTokens {
    key: [u8; 32],
}

impl std::fmt::Debug for PageTokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PageTokens { key: <secret> }")
    }
}

impl PageTokens {
    /// Tokens signed with a fresh random key.
    pub(crate) fn new() -> Self {
        let mut key = [0; 32];
        rand::thread_rng().fill_bytes(&mut key);
        Self { key }
    }

    /// Tokens signed with a key derived from a configured secret, so every
    /// replica sharing the secret honours the others' tokens.
    pub(crate) fn with_secret(secret: &[u8]) -> Self {
        use sha2::Digest;
        Self {
            key: Sha256::digest(secret).into(),
        }
    }

    fn mac(&self) -> HmacSha256 {
        HmacSha256::new_from_slice(&self.key).expect("HMAC takes any key length")
    }

    /// The token for the page starting at `offset` under `filter`.
    pub(crate) fn issue(&self, offset: u32, filter: [u8; 8]) -> String {
        let mut payload = Vec::with_capacity(PAYLOAD_BYTES + MAC_BYTES);
        payload.extend_from_slice(&offset.to_be_bytes());
        payload.extend_from_slice(&filter);
        let mut mac = self.mac();
        mac.update(&payload);
        payload.extend_from_slice(&mac.finalize().into_bytes()[..MAC_BYTES]);
        hex::encode(&payload)
    }

    /// The offset a token stands for, if this server issued it for `filter`.
    pub(crate) fn read(&self, token: &str, filter: [u8; 8]) -> Result<u32, FieldViolation> {
        let invalid = || {
            FieldViolation::new(
                "page_token",
                "not a page token this server issued for these filters; start again without one",
            )
        };
        let bytes = hex::decode(token)
            .ok()
            .filter(|b| b.len() == PAYLOAD_BYTES + MAC_BYTES)
            .ok_or_else(invalid)?;
        let (payload, signature) = bytes.split_at(PAYLOAD_BYTES);
        let mut mac = self.mac();
        mac.update(payload);
        mac.verify_truncated_left(signature)
            .map_err(|_| invalid())?;
        if payload[4..] != filter {
            return Err(invalid());
        }
        Ok(u32::from_be_bytes([
            payload[0], payload[1], payload[2], payload[3],
        ]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_refuse_tampering() {
        let tokens = PageTokens::new();
        let filter = [7; 8];
        let token = tokens.issue(150, filter);
        assert_eq!(tokens.read(&token, filter), Ok(150));
        // Another filter, another server, a flipped digit, garbage.
        assert!(tokens.read(&token, [8; 8]).is_err());
        assert!(PageTokens::new().read(&token, filter).is_err());
        let mut forged = token.clone().into_bytes();
        forged[7] = if forged[7] == b'0' { b'1' } else { b'0' };
        assert!(tokens
            .read(std::str::from_utf8(&forged).unwrap(), filter)
            .is_err());
        assert!(tokens.read("zz", filter).is_err());
        assert!(tokens.read(&"é".repeat(28), filter).is_err());
    }

    #[test]
    fn a_tenants_token_is_refused_for_another() {
        let tokens = PageTokens::new();
        let (a, b) = (TenantName("a".into()), TenantName("b".into()));
        let filter = [7; 8];
        let token = tokens.issue(50, scoped(filter, Some(&a)));
        assert_eq!(tokens.read(&token, scoped(filter, Some(&a))), Ok(50));
        assert!(tokens.read(&token, scoped(filter, Some(&b))).is_err());
        assert!(tokens.read(&token, scoped(filter, None)).is_err());
    }
}
