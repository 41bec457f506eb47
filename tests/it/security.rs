//! Transport security and access: TLS and mutual TLS with certificates made
//! here, and named API keys; health checks stay open for probes.

use crate::common;

use std::path::{Path, PathBuf};

use common::{profile, recommender, scratch, with_key, TestServer};
use himrec::config::{ApiKey, Role, Tls};
use himrec::live::Live;
use himrec::pb;
use himrec::pb::catalog_client::CatalogClient;
use himrec::pb::recommender_client::RecommenderClient;
use himrec::server::ServeOptions;
use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    KeyUsagePurpose,
};
use tonic::transport::{Certificate, Channel, ClientTlsConfig, Identity};
use tonic::Code;
use tonic_health::pb::health_client::HealthClient;
use tonic_health::pb::HealthCheckRequest;

/// A certificate authority and a certificate it signed, as PEM.
struct Pem {
    cert: String,
    key: String,
}

fn authority(name: &str) -> (Issuer<'static, KeyPair>, String) {
    let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.distinguished_name.push(DnType::CommonName, name);
    params.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    let key = KeyPair::generate().unwrap();
    let cert = params.self_signed(&key).unwrap();
    (Issuer::new(params, key), cert.pem())
}

fn leaf(issuer: &Issuer<'static, KeyPair>, name: &str, usage: ExtendedKeyUsagePurpose) -> Pem {
    let mut params = CertificateParams::new(vec![name.to_owned()]).unwrap();
    params.distinguished_name.push(DnType::CommonName, name);
    params.extended_key_usages = vec![usage];
    let key = KeyPair::generate().unwrap();
    let cert = params.signed_by(&key, issuer).unwrap();
    Pem {
        cert: cert.pem(),
        key: key.serialize_pem(),
    }
}

/// A CA, a server certificate for `localhost` and a client certificate,
/// written to `dir`.
struct Pki {
    ca: String,
    server_cert: PathBuf,
    server_key: PathBuf,
    ca_file: PathBuf,
    client: Pem,
}

fn pki(dir: &Path) -> Pki {
    let (ca, ca_pem) = authority("himrec test CA");
    let server = leaf(&ca, "localhost", ExtendedKeyUsagePurpose::ServerAuth);
    let client = leaf(
        &ca,
        "admissions-backend",
        ExtendedKeyUsagePurpose::ClientAuth,
    );
    let write = |name: &str, text: &str| {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    Pki {
        server_cert: write("server.pem", &server.cert),
        server_key: write("server.key", &server.key),
        ca_file: write("ca.pem", &ca_pem),
        ca: ca_pem,
        client,
    }
}

async fn tls_channel(
    addr: std::net::SocketAddr,
    ca: &str,
    identity: Option<&Pem>,
) -> Result<Channel, tonic::transport::Error> {
    let mut tls = ClientTlsConfig::new()
        .ca_certificate(Certificate::from_pem(ca))
        .domain_name("localhost");
    if let Some(id) = identity {
        tls = tls.identity(Identity::from_pem(&id.cert, &id.key));
    }
    Channel::from_shared(format!("https://{addr}"))
        .unwrap()
        .tls_config(tls)?
        .connect()
        .await
}

fn request() -> pb::RecommendRequest {
    pb::RecommendRequest {
        profile: Some(profile(&[("clinical_coding", 0.8)])),
        ..Default::default()
    }
}

async fn plain_call(addr: std::net::SocketAddr) -> bool {
    let Ok(channel) = Channel::from_shared(format!("http://{addr}"))
        .unwrap()
        .connect()
        .await
    else {
        return false;
    };
    RecommenderClient::new(channel)
        .recommend(request())
        .await
        .is_ok()
}

#[tokio::test]
async fn tls_serves_encrypted_calls_and_refuses_plain_ones() {
    let pki = pki(&scratch("tls"));
    let options = ServeOptions {
        tls: Tls {
            cert: pki.server_cert.clone(),
            key: pki.server_key.clone(),
            client_ca: PathBuf::new(),
        },
        ..ServeOptions::default()
    };
    let ca = pki.ca.clone();
    let server = TestServer::serve_with_channel(Live::fixed(recommender()), options, |addr| {
        let ca = ca.clone();
        async move { tls_channel(addr, &ca, None).await.expect("TLS connects") }
    })
    .await;
    let answer = server.client().recommend(request()).await.unwrap();
    assert!(!answer.into_inner().career_paths.is_empty());
    assert!(!plain_call(server.addr).await, "plain text is refused");
    server.stop().await;
}

#[tokio::test]
async fn mutual_tls_needs_a_client_certificate_from_the_configured_ca() {
    let pki = pki(&scratch("mtls"));
    let options = ServeOptions {
        tls: Tls {
            cert: pki.server_cert.clone(),
            key: pki.server_key.clone(),
            client_ca: pki.ca_file.clone(),
        },
        ..ServeOptions::default()
    };
    let ca = pki.ca.clone();
    let client = Pem {
        cert: pki.client.cert.clone(),
        key: pki.client.key.clone(),
    };
    let server =
        TestServer::serve_with_channel(Live::fixed(recommender()), options, |addr| async move {
            tls_channel(addr, &ca, Some(&client))
                .await
                .expect("mutual TLS connects")
        })
        .await;
    assert!(server.client().recommend(request()).await.is_ok());

    let refused = |channel: Result<Channel, tonic::transport::Error>| async move {
        match channel {
            Err(_) => true,
            Ok(channel) => RecommenderClient::new(channel)
                .recommend(request())
                .await
                .is_err(),
        }
    };
    assert!(
        refused(tls_channel(server.addr, &pki.ca, None).await).await,
        "no client certificate"
    );
    let (stranger_ca, _) = authority("some other CA");
    let stranger = leaf(
        &stranger_ca,
        "intruder",
        ExtendedKeyUsagePurpose::ClientAuth,
    );
    assert!(
        refused(tls_channel(server.addr, &pki.ca, Some(&stranger)).await).await,
        "a certificate from another CA"
    );
    server.stop().await;
}

fn key(name: &str, token: &str, role: Role) -> ApiKey {
    common::api_keys(&[(name, token, role)]).remove(0)
}

#[tokio::test]
async fn api_keys_admit_their_holders_and_health_stays_open() {
    let options = ServeOptions {
        api_keys: vec![
            key("platform", "hr_platform", Role::Client),
            key("counsellors", "hr_counsellors", Role::Client),
        ],
        ..ServeOptions::default()
    };
    let server = TestServer::serve_live(Live::fixed(recommender()), options.clone()).await;
    let mut client = server.client();
    let none = client.recommend(request()).await.unwrap_err();
    assert_eq!(none.code(), Code::Unauthenticated);
    assert!(
        none.message().contains("authorization"),
        "{}",
        none.message()
    );
    let wrong = client
        .recommend(with_key(request(), "hr_guess"))
        .await
        .unwrap_err();
    assert_eq!(wrong.code(), Code::Unauthenticated);
    assert!(client
        .recommend(with_key(request(), "hr_platform"))
        .await
        .is_ok());
    let mut catalog = CatalogClient::new(server.channel.clone());
    assert_eq!(
        catalog
            .list_skills(pb::ListSkillsRequest {})
            .await
            .unwrap_err()
            .code(),
        Code::Unauthenticated
    );
    assert!(catalog
        .list_skills(with_key(pb::ListSkillsRequest {}, "hr_counsellors"))
        .await
        .is_ok());
    let health = HealthClient::new(server.channel.clone())
        .check(HealthCheckRequest::default())
        .await;
    assert!(health.is_ok(), "probes need no key");
    server.stop().await;

    // Revoking one key (removing it from the configuration) leaves the
    // other working.
    let revoked = ServeOptions {
        api_keys: vec![key("counsellors", "hr_counsellors", Role::Client)],
        ..options
    };
    let server = TestServer::serve_live(Live::fixed(recommender()), revoked).await;
    let mut client = server.client();
    let err = client
        .recommend(with_key(request(), "hr_platform"))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::Unauthenticated);
    assert!(client
        .recommend(with_key(request(), "hr_counsellors"))
        .await
        .is_ok());
    server.stop().await;
}
