//! TLS and mutual TLS from the PEM files named in the configuration.

use std::path::Path;

use tonic::transport::{Certificate, Identity, ServerTlsConfig};

use super::StartError;
use crate::config::Tls;

fn read(key: &str, path: &Path) -> Result<Vec<u8>, StartError> {
    std::fs::read(path).map_err(|e| StartError::Options(format!("{key}: {}: {e}", path.display())))
}

/// The server's TLS settings, or `None` when TLS is off.
pub(crate) fn server_config(tls: &Tls) -> Result<Option<ServerTlsConfig>, StartError> {
    if !tls.enabled() {
        return Ok(None);
    }
    let cert = read("tls.cert", &tls.cert)?;
    let key = read("tls.key", &tls.key)?;
    let mut config = ServerTlsConfig::new().identity(Identity::from_pem(cert, key));
    if !tls.client_ca.as_os_str().is_empty() {
        let ca = read("tls.client_ca", &tls.client_ca)?;
        config = config.client_ca_root(Certificate::from_pem(ca));
    }
    Ok(Some(config))
}
