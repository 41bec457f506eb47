//! A publishable key, as an admissions portal's page shows it to every
//! visitor: it reads its tenant's view (the portal's own programs show)
//! from the portal's origins only, browsers there may call with it, and
//! it can never reach Admin.

use crate::common;

use common::{root, scratch, TestServer};
use himrec::config::{ApiKey, Role, Tenant};
use himrec::live::{Live, Sources};
use himrec::server::{token_sha256, ServeOptions};

const PORTAL: &str = "hr_valley_portal_token_for_tests";
const ADMIN: &str = "hr_admin_token_for_publishable_tests";
const PORTAL_ORIGIN: &str = "https://apply.valley.example";
const OTHER_ORIGIN: &str = "https://elsewhere.example";

/// A program only the valley tenant's operator lists.
const VALLEY_OWN: u32 = 990001;

async fn serve() -> TestServer {
    let dir = scratch("publishable");
    std::fs::write(
        dir.join("valley.csv"),
        format!(
            "unitid,credential_level,delivery_mode,program_url,program_name,cip_code,prepares_for,institution_name,state,control\n\
             {VALLEY_OWN},1,online,https://valley.example.edu/coding,Medical Coding Certificate,51.0713,CCA;CPC,Valley Online,KY,public\n"
        ),
    )
    .unwrap();
    let tenants = vec![Tenant {
        name: "valley".into(),
        unitids: vec![156392, VALLEY_OWN],
        programs_overlay: dir.join("valley.csv"),
        keys: vec!["valley-portal".into()],
        default_filter: None,
        model_label: String::new(),
    }];
    let config = himrec::config::Config {
        data: root().join("data"),
        model: root().join("models/career_model.json"),
        tenants: tenants.clone(),
        ..Default::default()
    };
    let live = Live::load(Sources::from_config(&config)).unwrap();
    let mut api_keys = common::api_keys(&[("operator", ADMIN, Role::Admin)]);
    api_keys.push(ApiKey {
        name: "valley-portal".into(),
        sha256: token_sha256(PORTAL),
        role: Role::Publishable,
        origins: vec![PORTAL_ORIGIN.into()],
        ..Default::default()
    });
    let options = ServeOptions {
        api_keys,
        tenants,
        ..ServeOptions::default()
    };
    TestServer::serve_live(live, options).await
}

/// One call through the HTTP/JSON door with the portal's key, from
/// `origin`: (HTTP status, lower-cased head, body).
async fn door(server: &TestServer, path: &str, origin: Option<&str>) -> (u16, String, String) {
    let body = r#"{"profile": {"skills": {"clinical_coding": 0.7}, "state": "KY"},
                   "programFilter": {"operatorOnly": true}}"#;
    let origin = origin.map_or_else(String::new, |o| format!("origin: {o}\r\n"));
    let head = format!(
        "POST {path} HTTP/1.1\r\nhost: {}\r\ncontent-type: application/json\r\n\
         authorization: Bearer {PORTAL}\r\n{origin}content-length: {}\r\nconnection: close\r\n\r\n",
        server.addr,
        body.len()
    );
    let (head, answer) = common::http1::http1(server.addr, &head, body.as_bytes()).await;
    (
        head[9..12].parse().unwrap(),
        head,
        String::from_utf8(answer).unwrap(),
    )
}

const RECOMMEND: &str = "/himrec.v1.Recommender/Recommend";

#[tokio::test]
async fn a_publishable_key_reads_its_tenants_view_from_its_origins_only() {
    let server = serve().await;

    // From the portal: the tenant's own program is on the route, and a
    // browser there may read the answer.
    let (status, head, body) = door(&server, RECOMMEND, Some(PORTAL_ORIGIN)).await;
    assert_eq!(status, 200, "{body}");
    let answer: serde_json::Value = serde_json::from_str(&body).unwrap();
    let unitids: Vec<u64> = answer["programs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["program"]["unitid"].as_u64().unwrap())
        .collect();
    assert_eq!(unitids, [u64::from(VALLEY_OWN)], "{body}");
    assert!(
        head.contains(&format!("access-control-allow-origin: {PORTAL_ORIGIN}")),
        "{head}"
    );

    // From another page, or from no page at all: refused, saying why.
    for origin in [Some(OTHER_ORIGIN), None] {
        let (status, head, body) = door(&server, RECOMMEND, origin).await;
        assert_eq!(status, 403, "{origin:?}: {body}");
        let error: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(error["code"], "permission_denied");
        let message = error["message"].as_str().unwrap();
        assert!(
            message.contains("publishable") && message.contains(PORTAL_ORIGIN),
            "{message}"
        );
        assert!(!head.contains("access-control-allow-origin"), "{head}");
    }

    // Never Admin, not even from the portal.
    let (status, _, body) = door(&server, "/himrec.v1.Admin/Reload", Some(PORTAL_ORIGIN)).await;
    assert_eq!(status, 403, "{body}");
    assert!(body.contains("may not call admin methods"), "{body}");
    server.stop().await;
}

#[tokio::test]
async fn browsers_on_the_portals_origin_may_ask_and_others_are_not_answered() {
    let server = serve().await;
    let preflight = |origin: &str| {
        format!(
            "OPTIONS {RECOMMEND} HTTP/1.1\r\nhost: {}\r\norigin: {origin}\r\n\
             access-control-request-method: POST\r\n\
             access-control-request-headers: authorization, content-type\r\n\
             connection: close\r\n\r\n",
            server.addr
        )
    };
    let (head, _) = common::http1::http1(server.addr, &preflight(PORTAL_ORIGIN), b"").await;
    assert!(
        head.contains(&format!("access-control-allow-origin: {PORTAL_ORIGIN}")),
        "{head}"
    );
    assert!(head.contains("authorization"), "{head}");
    let (head, _) = common::http1::http1(server.addr, &preflight(OTHER_ORIGIN), b"").await;
    assert!(!head.contains("access-control-allow-origin"), "{head}");
    server.stop().await;
}

#[test]
fn the_documented_publishable_key_configuration_is_accepted() {
    let text = std::fs::read_to_string(root().join("docs/operations.md")).unwrap();
    let block = text
        .split("**Publishable keys.**")
        .nth(1)
        .and_then(|after| after.split("```toml\n").nth(1))
        .and_then(|block| block.split("```").next())
        .expect("docs/operations.md shows a publishable key");
    let block = block.replace("<64 hex digits>", &token_sha256(PORTAL));
    let config = himrec::config::Config::from_toml(&block, "docs/operations.md", &[]).unwrap();
    assert_eq!(config.auth.keys[0].role, Role::Publishable);
    assert_eq!(config.auth.keys[0].origins, ["https://apply.valley.edu"]);
}
