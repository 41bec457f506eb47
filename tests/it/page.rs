//! The page people use in a browser, served at `/`: its files over HTTP,
//! then the page itself in headless Chromium (tests/browser/page_checks.py
//! with Playwright and axe-core): three people fill the form, Spanish,
//! sharing and reloading the view, the keyboard alone, a refusal next to
//! its field, printing, and a portal on another origin embedding it with a
//! publishable key. The first run installs the pinned Python and npm
//! packages; without Chromium the browser test says so and is skipped,
//! except in CI, where it fails (`.ci/run` installs it).

use crate::common;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::process::Command;

use common::{root, scratch, TestServer};
use himrec::config::{ApiKey, Role, Tenant};
use himrec::live::{Live, Sources};
use himrec::server::{token_sha256, ServeOptions};
use himrec_domain::catalog::ProgramFilterInput;

const PORTAL_KEY: &str = "hr_pk_valley_portal_for_page_tests";

/// GET `path` from `server`: (status, lower-cased head, body).
async fn get(server: &TestServer, path: &str, extra: &str) -> (u16, String, Vec<u8>) {
    let head = format!(
        "GET {path} HTTP/1.1\r\nhost: {}\r\n{extra}connection: close\r\n\r\n",
        server.addr
    );
    let (head, body) = common::http1::http1(server.addr, &head, b"").await;
    (head[9..12].parse().unwrap(), head, body)
}

#[tokio::test]
async fn the_page_and_its_files_are_served_from_the_binary() {
    let server = TestServer::start().await;
    let (status, head, body) = get(&server, "/", "").await;
    assert_eq!(status, 200, "{head}");
    assert!(head.contains("content-type: text/html"), "{head}");
    let policy = head
        .lines()
        .find(|l| l.starts_with("content-security-policy:"))
        .expect("a content security policy");
    assert!(policy.contains("script-src 'self'"), "{policy}");
    assert!(policy.contains("frame-ancestors 'self'"), "{policy}");
    assert!(head.contains("referrer-policy: no-referrer"), "{head}");
    let html = String::from_utf8(body).unwrap();
    assert!(html.contains(r#"src="/page/main.js""#), "{html}");

    // The widget's files load from any origin (a portal's page).
    let (status, head, body) =
        get(&server, "/page/embed.js", "origin: https://a.example\r\n").await;
    assert_eq!(status, 200, "{head}");
    assert!(head.contains("content-type: text/javascript"), "{head}");
    assert!(head.contains("access-control-allow-origin: *"), "{head}");
    assert!(String::from_utf8(body).unwrap().contains("data-himrec"));

    // Asked again with its tag, a file is not sent again.
    let etag = head
        .lines()
        .find_map(|l| l.strip_prefix("etag: "))
        .unwrap()
        .trim()
        .to_owned();
    let (status, _, body) = get(
        &server,
        "/page/embed.js",
        &format!("if-none-match: {etag}\r\n"),
    )
    .await;
    assert_eq!((status, body.len()), (304, 0));

    let (status, _, _) = get(&server, "/page/no-such-file.js", "").await;
    assert_eq!(status, 404);
    server.stop().await;
}

#[tokio::test]
async fn a_deployment_may_turn_the_page_off() {
    let server = TestServer::start_with(ServeOptions {
        page: false,
        ..ServeOptions::default()
    })
    .await;
    for path in ["/", "/page/main.js"] {
        let (status, head, _) = get(&server, path, "").await;
        assert_ne!(status, 200, "{path}: {head}");
        assert!(!head.contains("text/html"), "{path}: {head}");
    }
    // The door goes on serving.
    let (status, _, _) = get(&server, "/healthz", "").await;
    assert_eq!(status, 200);
    server.stop().await;
}

/// The embed snippet of docs/clients.md, for the server at `api` with the
/// publishable token `key`.
fn documented_snippet(api: &str, key: &str) -> String {
    let doc = std::fs::read_to_string(root().join("docs/clients.md")).unwrap();
    let block = doc
        .split("<!-- embed snippet -->\n```html\n")
        .nth(1)
        .expect("docs/clients.md shows the embed snippet")
        .split("```")
        .next()
        .unwrap();
    assert!(block.contains("PUBLISHABLE_TOKEN") && block.contains("https://himrec.example.org"));
    block
        .replace("PUBLISHABLE_TOKEN", key)
        .replace("https://himrec.example.org", api)
}

/// A portal's page on its own origin, holding the documented snippet
/// for the server at `api` with the token `key`.
fn portal(listener: TcpListener, api: &str, key: &str) {
    let html = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Valley College: apply</title></head>\
         <body><main><h1>Valley College</h1>\n{}</main></body></html>",
        documented_snippet(api, key)
    );
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut request = Vec::new();
            let mut buffer = [0u8; 1024];
            while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                match stream.read(&mut buffer) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => request.extend_from_slice(&buffer[..n]),
                }
            }
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\ncontent-type: text/html; charset=utf-8\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{html}",
                html.len()
            );
        }
    });
}

/// A server of two tenants, valley's publishable key allowed from `origin`.
async fn keyed_server(origin: &str) -> TestServer {
    let dir = scratch("page-tenants");
    let overlay = |name: &str, unitid: u32, institution: &str| {
        let path = dir.join(format!("{name}.csv"));
        std::fs::write(
            &path,
            format!(
                "unitid,credential_level,delivery_mode,program_url,program_name,cip_code,prepares_for,institution_name,state,control\n\
                 {unitid},1,online,https://{name}.example.edu/coding,Medical Coding Certificate,51.0713,CCA;CPC,{institution},KY,public\n"
            ),
        )
        .unwrap();
        path
    };
    let tenant = |name: &str, unitid: u32, institution: &str| Tenant {
        name: name.into(),
        unitids: vec![unitid],
        programs_overlay: overlay(name, unitid, institution),
        keys: vec![format!("{name}-portal")],
        // An admissions portal ranks its own institution's programs.
        default_filter: Some(ProgramFilterInput {
            unitids: vec![unitid],
            ..ProgramFilterInput::default()
        }),
        model_label: String::new(),
    };
    let tenants = vec![
        tenant("valley", 990001, "Valley Online"),
        tenant("hill", 990002, "Hill Online"),
    ];
    let config = himrec::config::Config {
        data: root().join("data"),
        model: root().join("models/career_model.json"),
        tenants: tenants.clone(),
        ..Default::default()
    };
    let live = Live::load(Sources::from_config(&config)).unwrap();
    let key = |name: &str, token: &str| ApiKey {
        name: format!("{name}-portal"),
        sha256: token_sha256(token),
        role: Role::Publishable,
        origins: vec![origin.to_owned()],
        ..Default::default()
    };
    let options = ServeOptions {
        api_keys: vec![
            key("valley", PORTAL_KEY),
            key("hill", "hr_pk_hill_portal_for_page_tests"),
        ],
        tenants,
        ..ServeOptions::default()
    };
    TestServer::serve_live(live, options).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn people_use_the_page_in_a_real_browser() {
    if !common::tools::have(
        &["chromium", "npm"],
        "the page's browser test (Debian's chromium)",
    ) {
        return;
    }
    let browser = root().join("tests/browser");
    common::tools::npm_ci(&browser, "axe-core");
    let venv = common::tools::venv(
        "browser-venv",
        "tests/browser/requirements.txt",
        "import playwright",
    );

    // The page as the README's command serves it.
    let (server, addr) = common::binary::serve_quietly();
    let _open = common::binary::Stopping(server);

    // The portal, its publishable key allowed; another site, not.
    let portal_listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let other_listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let portal_origin = format!("http://{}", portal_listener.local_addr().unwrap());
    let other_origin = format!("http://{}", other_listener.local_addr().unwrap());
    let keyed = keyed_server(&portal_origin).await;
    let api = format!("http://{}", keyed.addr);
    portal(portal_listener, &api, PORTAL_KEY);
    portal(other_listener, &api, PORTAL_KEY);

    let shots = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("page-screenshots");
    let output = tokio::task::spawn_blocking(move || {
        Command::new(venv.join("bin/python"))
            .arg(browser.join("page_checks.py"))
            .args(["--page", &format!("http://{addr}")])
            .args(["--portal", &format!("{portal_origin}/apply")])
            .args(["--other", &format!("{other_origin}/apply")])
            .arg("--shots")
            .arg(&shots)
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    keyed.stop().await;
    let stdout = String::from_utf8_lossy(&output.stdout);
    print!("{stdout}");
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // Every check ran: one line each.
    assert!(
        stdout.lines().filter(|l| l.starts_with("ok: ")).count() >= 38,
        "{stdout}"
    );
}

/// The form names skills in the person's language: ListSkills reads the
/// caller's `Accept-Language`, English for any other.
#[tokio::test]
async fn skills_are_named_in_the_callers_language() {
    use himrec::pb::catalog_client::CatalogClient;
    let server = TestServer::start().await;
    let mut client = CatalogClient::new(server.channel.clone());
    let mut names = Vec::new();
    for header in [
        None,
        Some("es-MX,es;q=0.9"),
        Some("fr"),
        Some("not a tag!!"),
    ] {
        let mut request = tonic::Request::new(himrec::pb::ListSkillsRequest {});
        if let Some(header) = header {
            request
                .metadata_mut()
                .insert("accept-language", header.parse().unwrap());
        }
        let skills = client
            .list_skills(request)
            .await
            .unwrap()
            .into_inner()
            .skills;
        let coding = skills.iter().find(|s| s.id == "clinical_coding").unwrap();
        names.push(coding.name.clone());
    }
    assert_eq!(
        names,
        [
            "Clinical coding",
            "Codificación clínica",
            "Clinical coding",
            "Clinical coding"
        ]
    );
    server.stop().await;
}
