//! One deployment, many institutions: each tenant's callers see the public
//! catalog, their own facts and their own programs, and nothing of another
//! tenant's, through every method and page token; a tenant's overlay may
//! speak only of its own unit ids, at start and on reload.

use crate::common;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use common::{profile, root, scratch, violated_fields, with_key, TestServer};
use himrec::catalog::ProgramFilterInput;
use himrec::config::{ApiKey, Role, Tenant};
use himrec::live::{Live, Sources};
use himrec::pb;
use himrec::pb::admin_client::AdminClient;
use himrec::pb::catalog_client::CatalogClient;
use himrec::server::{token_sha256, ServeOptions};
use tonic::transport::Channel;
use tonic::Code;

const VALLEY: &str = "hr_valley_token_for_tests";
const HILL: &str = "hr_hill_token_for_tests";
const PLATFORM: &str = "hr_platform_token_for_tests";
const ADMIN: &str = "hr_admin_token_for_tests";

/// Public programs the two tenants speak for, and their own programs.
const VALLEY_PUBLIC: u32 = 156392;
const VALLEY_OWN: u32 = 990001;
const HILL_PUBLIC: u32 = 191986;
const HILL_OWN: u32 = 990002;

const HEADER: &str = "unitid,credential_level,cahiim_accredited,delivery_mode,program_url,program_name,cip_code,prepares_for,institution_name,state,control";

fn valley_overlay() -> String {
    format!(
        "{HEADER}\n\
         {VALLEY_PUBLIC},2,true,hybrid,https://valley.example.edu/hit,AAS Health Information Technology,51.0707,RHIT,,,\n\
         {VALLEY_PUBLIC},1,,,,Coding Specialist Certificate,,CCS,,,\n\
         {VALLEY_OWN},1,,online,https://valley.example.edu/coding,Medical Coding Certificate,51.0713,CCA;CPC,Valley Online,KY,public\n"
    )
}

fn hill_overlay() -> String {
    format!(
        "{HEADER}\n\
         {HILL_PUBLIC},2,true,campus,https://hill.example.edu/him,AAS Health Information Management,,RHIT,,,\n\
         {HILL_OWN},2,,online,https://hill.example.edu/online,Online HIT,,,Hill Online,NY,private_nonprofit\n"
    )
}

fn keys() -> Vec<ApiKey> {
    common::api_keys(&[
        ("valley-web", VALLEY, Role::Client),
        ("hill-web", HILL, Role::Client),
        ("platform", PLATFORM, Role::Client),
        ("operator", ADMIN, Role::Admin),
    ])
}

fn tenants(dir: &Path) -> Vec<Tenant> {
    vec![
        Tenant {
            name: "valley".into(),
            unitids: vec![VALLEY_PUBLIC, VALLEY_OWN],
            programs_overlay: dir.join("valley.csv"),
            keys: vec!["valley-web".into()],
            default_filter: None,
            model_label: String::new(),
        },
        Tenant {
            name: "hill".into(),
            unitids: vec![HILL_PUBLIC, HILL_OWN],
            programs_overlay: dir.join("hill.csv"),
            keys: vec!["hill-web".into()],
            default_filter: None,
            model_label: String::new(),
        },
    ]
}

fn sources(tenants: &[Tenant]) -> Sources {
    let config = himrec::config::Config {
        data: root().join("data"),
        model: root().join("models/career_model.json"),
        tenants: tenants.to_vec(),
        ..Default::default()
    };
    Sources::from_config(&config)
}

/// A folder holding both tenants' overlays.
fn overlays(name: &str) -> PathBuf {
    let dir = scratch(name);
    std::fs::write(dir.join("valley.csv"), valley_overlay()).unwrap();
    std::fs::write(dir.join("hill.csv"), hill_overlay()).unwrap();
    dir
}

async fn serve(tenants: Vec<Tenant>) -> TestServer {
    let live = Live::load(sources(&tenants)).unwrap();
    let options = ServeOptions {
        api_keys: keys(),
        tenants,
        ..ServeOptions::default()
    };
    TestServer::serve_live(live, options).await
}

fn catalog(server: &TestServer) -> CatalogClient<Channel> {
    CatalogClient::new(server.channel.clone())
}

async fn get(
    server: &TestServer,
    token: &str,
    unitid: u32,
    level: u32,
) -> Result<pb::Program, tonic::Status> {
    let request = pb::GetProgramRequest {
        unitid,
        credential_level: level,
    };
    catalog(server)
        .get_program(with_key(request, token))
        .await
        .map(|r| r.into_inner().program.unwrap())
}

/// Every program a key can list, through every page.
async fn list_all(server: &TestServer, token: &str, filter: pb::ProgramFilter) -> Vec<pb::Program> {
    let mut programs = Vec::new();
    let mut page_token = String::new();
    loop {
        let request = pb::ListProgramsRequest {
            page_size: 500,
            page_token: page_token.clone(),
            filter: Some(filter.clone()),
            ..Default::default()
        };
        let page = catalog(server)
            .list_programs(with_key(request, token))
            .await
            .unwrap()
            .into_inner();
        programs.extend(page.programs);
        if page.next_page_token.is_empty() {
            return programs;
        }
        page_token = page.next_page_token;
    }
}

fn recommend_request(unitids: Vec<u32>) -> pb::RecommendRequest {
    pb::RecommendRequest {
        profile: Some(pb::Profile {
            state: "KY".into(),
            ..profile(&[
                ("clinical_coding", 0.8),
                ("medical_terminology", 0.8),
                ("clinical_documentation", 0.6),
            ])
        }),
        program_filter: Some(pb::ProgramFilter {
            unitids,
            ..Default::default()
        }),
        ..Default::default()
    }
}

fn ids(programs: &[pb::Program]) -> HashSet<u32> {
    programs.iter().map(|p| p.unitid).collect()
}

#[tokio::test]
async fn listing_and_lookup_show_each_tenant_only_its_own() {
    let dir = overlays("tenants-listing");
    let server = serve(tenants(&dir)).await;

    let own = |only| pb::ProgramFilter {
        operator_only: Some(only),
        ..Default::default()
    };
    assert_eq!(
        ids(&list_all(&server, VALLEY, own(true)).await),
        [VALLEY_OWN].into()
    );
    assert_eq!(
        ids(&list_all(&server, HILL, own(true)).await),
        [HILL_OWN].into()
    );
    assert!(list_all(&server, PLATFORM, own(true)).await.is_empty());

    // The whole catalog as each key sees it: no trace of the other's
    // programs or facts.
    let everything = pb::ProgramFilter::default();
    let valley_sees = list_all(&server, VALLEY, everything.clone()).await;
    let hill_sees = list_all(&server, HILL, everything.clone()).await;
    let platform_sees = list_all(&server, PLATFORM, everything).await;
    assert_eq!(valley_sees.len(), platform_sees.len() + 1);
    assert_eq!(hill_sees.len(), platform_sees.len() + 1);
    for (seen, other) in [
        (&valley_sees, "hill.example"),
        (&hill_sees, "valley.example"),
    ] {
        let text = format!("{seen:?}");
        assert!(!text.contains(other), "{other} leaked");
    }
    assert!(!format!("{platform_sees:?}").contains(".example.edu"));

    // Lookups: the other's own program does not exist; its public program
    // does, without the other's facts.
    let status = get(&server, VALLEY, HILL_OWN, 2).await.unwrap_err();
    assert_eq!(status.code(), Code::NotFound);
    let nowhere = get(&server, VALLEY, 999_999, 2).await.unwrap_err();
    assert_eq!(
        status.message().replace(&HILL_OWN.to_string(), "ID"),
        nowhere.message().replace("999999", "ID"),
        "answered as if it did not exist"
    );
    assert_eq!(
        get(&server, HILL, HILL_OWN, 2).await.unwrap().program_name,
        "Online HIT"
    );

    let hill_public_for_valley = get(&server, VALLEY, HILL_PUBLIC, 2).await.unwrap();
    assert_eq!(
        hill_public_for_valley,
        get(&server, PLATFORM, HILL_PUBLIC, 2).await.unwrap(),
        "the public record, none of the hill's facts"
    );
    assert!(hill_public_for_valley.program_url.is_empty());
    assert_eq!(
        get(&server, HILL, HILL_PUBLIC, 2)
            .await
            .unwrap()
            .program_url,
        "https://hill.example.edu/him"
    );
    let valley_public = get(&server, VALLEY, VALLEY_PUBLIC, 2).await.unwrap();
    assert_eq!(
        valley_public.accreditation,
        pb::Accreditation::Accredited as i32
    );
    assert_eq!(
        valley_public.program_name,
        "AAS Health Information Technology"
    );
    assert_eq!(valley_public.detailed_cip_code, "51.0707");
    assert_eq!(valley_public.prepares_for, ["RHIT"]);
    let for_platform = get(&server, PLATFORM, VALLEY_PUBLIC, 2).await.unwrap();
    assert!(for_platform.program_name.is_empty() && for_platform.prepares_for.is_empty());

    // The name filter finds a program by its own name.
    let named = list_all(
        &server,
        VALLEY,
        pb::ProgramFilter {
            name_contains: "medical coding CERTIFICATE".into(),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(ids(&named), [VALLEY_OWN].into());
    server.stop().await;
}

#[tokio::test]
async fn page_tokens_are_good_only_for_the_tenant_they_were_issued_to() {
    let dir = overlays("tenants-tokens");
    let server = serve(tenants(&dir)).await;
    let first = |token: &str, page_token: String| {
        let request = pb::ListProgramsRequest {
            page_size: 2,
            page_token,
            ..Default::default()
        };
        let mut client = catalog(&server);
        let token = token.to_owned();
        async move { client.list_programs(with_key(request, &token)).await }
    };
    let page = first(VALLEY, String::new()).await.unwrap().into_inner();
    assert!(!page.next_page_token.is_empty());
    assert!(first(VALLEY, page.next_page_token.clone()).await.is_ok());
    for other in [HILL, PLATFORM] {
        let status = first(other, page.next_page_token.clone())
            .await
            .unwrap_err();
        assert_eq!(status.code(), Code::InvalidArgument);
        assert_eq!(violated_fields(&status), ["page_token"]);
    }
    server.stop().await;
}

#[tokio::test]
async fn recommendations_rank_only_what_the_tenant_may_see() {
    let dir = overlays("tenants-recommend");
    let server = serve(tenants(&dir)).await;
    let mut client = server.client();

    // The valley's applicant ranked against the valley's programs.
    let answer = client
        .recommend(with_key(
            recommend_request(vec![VALLEY_PUBLIC, VALLEY_OWN]),
            VALLEY,
        ))
        .await
        .unwrap()
        .into_inner();
    let ranked: Vec<&pb::Program> = answer
        .programs
        .iter()
        .map(|p| p.program.as_ref().unwrap())
        .collect();
    assert_eq!(
        ids(&ranked.iter().map(|p| (*p).clone()).collect::<Vec<_>>()),
        [VALLEY_PUBLIC, VALLEY_OWN].into()
    );
    assert!(!answer.career_paths.is_empty() && !answer.work_settings.is_empty());
    let own = ranked.iter().find(|p| p.unitid == VALLEY_OWN).unwrap();
    assert_eq!(own.prepares_for, ["CCA", "CPC"]);
    // An operator's own program has no Scorecard reporting unit, so it is
    // never grouped with another's campuses.
    assert!(own.campuses.is_empty() && own.opeid6.is_empty());
    assert!(ranked
        .iter()
        .flat_map(|p| &p.campuses)
        .all(|c| c.unitid != HILL_OWN));

    // Naming the other tenant's own program is naming nothing.
    for (token, unitid) in [
        (VALLEY, HILL_OWN),
        (HILL, VALLEY_OWN),
        (PLATFORM, VALLEY_OWN),
    ] {
        let status = client
            .recommend(with_key(recommend_request(vec![unitid]), token))
            .await
            .unwrap_err();
        assert_eq!(status.code(), Code::InvalidArgument);
        assert_eq!(violated_fields(&status), ["program_filter.unitids[0]"]);
    }

    // The batch, item by item, sees the same.
    let items = vec![
        pb::RecommendBatchRequest {
            correlation_id: "own".into(),
            request: Some(recommend_request(vec![HILL_OWN])),
        },
        pb::RecommendBatchRequest {
            correlation_id: "other".into(),
            request: Some(recommend_request(vec![VALLEY_OWN])),
        },
    ];
    let mut stream = client
        .recommend_batch(with_key(tokio_stream::iter(items), HILL))
        .await
        .unwrap()
        .into_inner();
    let mut results = Vec::new();
    while let Some(item) = stream.message().await.unwrap() {
        results.push((item.correlation_id, item.result.unwrap()));
    }
    assert_eq!(results.len(), 2);
    match &results[0].1 {
        pb::recommend_batch_response::Result::Response(r) => {
            assert_eq!(r.programs[0].program.as_ref().unwrap().unitid, HILL_OWN);
        }
        other => panic!("own program refused: {other:?}"),
    }
    assert!(matches!(
        &results[1].1,
        pb::recommend_batch_response::Result::Error(_)
    ));
    server.stop().await;
}

#[tokio::test]
async fn a_program_that_prepares_for_a_credential_leads_to_its_paths() {
    let dir = overlays("tenants-prepares");
    let server = serve(tenants(&dir)).await;
    let mut client = server.client();
    // A coder, and the valley's certificate: a certificate is not the usual
    // level for the coding path (job zone 3), unless it prepares for a
    // credential that leads there, as the CCS does.
    let only_valley_public = || {
        let mut request = recommend_request(vec![VALLEY_PUBLIC]);
        request.program_filter.as_mut().unwrap().credential_levels = vec![1];
        request
    };
    let score = |answer: &pb::RecommendResponse| answer.programs[0].score;
    let with_facts = client
        .recommend(with_key(only_valley_public(), VALLEY))
        .await
        .unwrap()
        .into_inner();
    let without = client
        .recommend(with_key(only_valley_public(), PLATFORM))
        .await
        .unwrap()
        .into_inner();
    // The same program for the same person: the operator's word that it
    // prepares for the CCS puts it on the coding path's route, whatever
    // its level (a certificate is on that route anyway for this person,
    // as AAPC and AHIMA recommend coding training before their exams, so
    // it can only count as much or more).
    assert!(
        score(&with_facts) >= score(&without),
        "{} vs {}",
        score(&with_facts),
        score(&without)
    );
    // Coding, terminology and documentation without a credential: the
    // coding paths first (Medical Records Specialists, or the
    // technologists, whose O*NET tasks also code).
    let first_two: Vec<&str> = with_facts.career_paths[..2]
        .iter()
        .map(|c| c.soc_code.as_str())
        .collect();
    assert!(first_two.contains(&"29-2072.00"), "{first_two:?}");
    let reasons: Vec<&str> = with_facts.programs[0]
        .reasons
        .iter()
        .map(|r| r.explanation.as_str())
        .collect();
    assert!(
        reasons.iter().any(|r| r.contains("prepares for the CCS")),
        "{reasons:?}"
    );
    server.stop().await;
}

#[tokio::test]
async fn a_default_filter_is_a_ceiling_a_request_can_only_narrow() {
    let dir = overlays("tenants-default");
    let mut tenants = tenants(&dir);
    tenants[0].default_filter = Some(ProgramFilterInput {
        unitids: vec![VALLEY_PUBLIC, VALLEY_OWN],
        ..Default::default()
    });
    let server = serve(tenants).await;
    let all = list_all(&server, VALLEY, pb::ProgramFilter::default()).await;
    assert_eq!(ids(&all), [VALLEY_PUBLIC, VALLEY_OWN].into());
    let narrowed = list_all(
        &server,
        VALLEY,
        pb::ProgramFilter {
            delivery_modes: vec![pb::DeliveryMode::Online as i32],
            ..Default::default()
        },
    )
    .await;
    assert_eq!(ids(&narrowed), [VALLEY_OWN].into());
    // Asking for a program beyond the ceiling cannot widen it.
    let status = server
        .client()
        .recommend(with_key(recommend_request(vec![HILL_PUBLIC]), VALLEY))
        .await
        .unwrap_err();
    assert_eq!(violated_fields(&status), ["program_filter.unitids[0]"]);
    let answer = server
        .client()
        .recommend(with_key(recommend_request(Vec::new()), VALLEY))
        .await
        .unwrap()
        .into_inner();
    let ranked: HashSet<u32> = answer
        .programs
        .iter()
        .map(|p| p.program.as_ref().unwrap().unitid)
        .collect();
    assert_eq!(ranked, [VALLEY_PUBLIC, VALLEY_OWN].into());
    // The other tenant is untouched by it.
    assert!(
        list_all(&server, HILL, pb::ProgramFilter::default())
            .await
            .len()
            > 1000
    );
    server.stop().await;
}

#[test]
fn facts_about_another_tenants_programs_are_refused_with_file_line_and_unit_id() {
    let dir = overlays("tenants-refused");
    let trespass = format!(
        "{HEADER}\n{VALLEY_PUBLIC},2,true,,,,,,,,\n{HILL_PUBLIC},2,true,,https://valley.example.edu/not-ours,,,,,,\n"
    );
    std::fs::write(dir.join("valley.csv"), trespass).unwrap();
    let err = sources(&tenants(&dir)).load().unwrap_err().to_string();
    assert!(err.contains("valley.csv"), "{err}");
    assert!(err.contains("line 3"), "{err}");
    assert!(
        err.contains(&format!(
            "unitid {HILL_PUBLIC} is not one of tenant \"valley\"'s unit ids"
        )),
        "{err}"
    );
}

#[test]
fn the_binary_refuses_to_start_on_a_key_under_two_tenants_or_a_trespassing_overlay() {
    let dir = overlays("tenants-start");
    let config = |valley_keys: &str| {
        format!(
            r#"
[[auth.keys]]
name = "valley-web"
sha256 = "{}"

[[auth.keys]]
name = "hill-web"
sha256 = "{}"

[[tenants]]
name = "valley"
unitids = [{VALLEY_PUBLIC}, {VALLEY_OWN}]
programs_overlay = "{}"
keys = [{valley_keys}]

[[tenants]]
name = "hill"
unitids = [{HILL_PUBLIC}, {HILL_OWN}]
programs_overlay = "{}"
keys = ["hill-web"]
"#,
            token_sha256(VALLEY),
            token_sha256(HILL),
            dir.join("valley.csv").display(),
            dir.join("hill.csv").display(),
        )
    };
    let check = |text: String| {
        let path = dir.join("himrec.toml");
        std::fs::write(&path, text).unwrap();
        common::binary::himrec()
            .args(["config", "check"])
            .arg(&path)
            .output()
            .unwrap()
    };
    let ok = check(config("\"valley-web\""));
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let shown = String::from_utf8_lossy(&ok.stdout);
    assert!(shown.contains("2 tenants"), "{shown}");

    let twice = check(config("\"valley-web\", \"hill-web\""));
    assert!(!twice.status.success());
    let said = String::from_utf8_lossy(&twice.stderr);
    assert!(said.contains("himrec.toml"), "{said}");
    assert!(
        said.contains(
            "tenants[0].keys[1]: key \"hill-web\" is already listed under tenant \"valley\""
        ) || said.contains(
            "tenants[1].keys[0]: key \"hill-web\" is already listed under tenant \"valley\""
        ),
        "{said}"
    );

    std::fs::write(
        dir.join("valley.csv"),
        format!("{HEADER}\n{HILL_OWN},2,true,,,,,,,,\n"),
    )
    .unwrap();
    let trespass = check(config("\"valley-web\""));
    assert!(!trespass.status.success());
    let said = String::from_utf8_lossy(&trespass.stderr);
    assert!(
        said.contains("valley.csv") && said.contains("line 2"),
        "{said}"
    );
    assert!(said.contains(&format!("unitid {HILL_OWN}")), "{said}");
}

#[tokio::test]
async fn reload_rereads_every_tenant_all_or_nothing() {
    let dir = overlays("tenants-reload");
    let server = serve(tenants(&dir)).await;
    let mut admin = AdminClient::new(server.channel.clone());
    let url = |program: pb::Program| program.program_url;

    std::fs::write(
        dir.join("valley.csv"),
        valley_overlay().replace("valley.example.edu/hit", "valley.example.edu/hit-2027"),
    )
    .unwrap();
    admin
        .reload(with_key(pb::ReloadRequest {}, ADMIN))
        .await
        .unwrap();
    assert_eq!(
        url(get(&server, VALLEY, VALLEY_PUBLIC, 2).await.unwrap()),
        "https://valley.example.edu/hit-2027"
    );

    // Hill's overlay now trespasses: the reload fails and nothing changes,
    // for either tenant.
    std::fs::write(
        dir.join("valley.csv"),
        valley_overlay().replace("hit", "hit-2028"),
    )
    .unwrap();
    std::fs::write(
        dir.join("hill.csv"),
        format!("{}{VALLEY_PUBLIC},2,false,,,,,,,,\n", hill_overlay()),
    )
    .unwrap();
    let status = admin
        .reload(with_key(pb::ReloadRequest {}, ADMIN))
        .await
        .unwrap_err();
    assert!(
        status.message().contains("hill.csv"),
        "{}",
        status.message()
    );
    assert!(status.message().contains("line 4"), "{}", status.message());
    assert_eq!(
        url(get(&server, VALLEY, VALLEY_PUBLIC, 2).await.unwrap()),
        "https://valley.example.edu/hit-2027"
    );
    assert_eq!(
        get(&server, HILL, HILL_OWN, 2).await.unwrap().program_name,
        "Online HIT"
    );
    server.stop().await;
}

/// One JSON call through the HTTP/JSON door with a key: (HTTP status, body).
async fn door(server: &TestServer, token: &str, path: &str, body: &str) -> (u16, String) {
    let head = format!(
        "POST {path} HTTP/1.1\r\nhost: {}\r\ncontent-type: application/json\r\n\
         authorization: Bearer {token}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
        server.addr,
        body.len()
    );
    let (head, answer) = common::http1::http1(server.addr, &head, body.as_bytes()).await;
    (
        head[9..12].parse().unwrap(),
        String::from_utf8(answer).unwrap(),
    )
}

#[tokio::test]
async fn the_http_json_door_shows_each_tenant_only_its_own() {
    let dir = overlays("tenants-door");
    let server = serve(tenants(&dir)).await;
    let get_program = "/himrec.v1.Catalog/GetProgram";
    let own = |unitid: u32| {
        let level = if unitid == VALLEY_OWN { 1 } else { 2 };
        format!(r#"{{"unitid": {unitid}, "credentialLevel": {level}}}"#)
    };

    let (status, body) = door(&server, VALLEY, get_program, &own(VALLEY_OWN)).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("\"operatorOnly\":true"), "{body}");
    // Another tenant's program is not found, as over gRPC.
    for (token, unitid) in [
        (VALLEY, HILL_OWN),
        (HILL, VALLEY_OWN),
        (PLATFORM, VALLEY_OWN),
    ] {
        let (status, body) = door(&server, token, get_program, &own(unitid)).await;
        assert_eq!(status, 404, "{body}");
        assert!(body.contains("\"code\":\"not_found\""), "{body}");
    }
    // A page token issued through the door to one tenant is refused to
    // another, with the field at fault.
    let list = "/himrec.v1.Catalog/ListPrograms";
    let (status, body) = door(&server, VALLEY, list, r#"{"pageSize": 1}"#).await;
    assert_eq!(status, 200, "{body}");
    let page: serde_json::Value = serde_json::from_str(&body).unwrap();
    let token = page["nextPageToken"].as_str().unwrap();
    let next = format!(r#"{{"pageSize": 1, "pageToken": "{token}"}}"#);
    let (status, _) = door(&server, VALLEY, list, &next).await;
    assert_eq!(status, 200);
    let (status, body) = door(&server, HILL, list, &next).await;
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("\"field\":\"page_token\""), "{body}");
}

/// A tenant's default filter is written in the configuration with the
/// vocabularies by name; it reads into the same filter a request's does,
/// prints back as written, and a name that is not one is refused at load
/// with the field at fault.
#[test]
fn a_default_filter_in_the_configuration_reads_by_name_and_names_its_faults() {
    use himrec::catalog::{Control, DeliveryMode, Named};
    let dir = overlays("tenants-default-toml");
    let text = format!(
        r#"
data = "{data}"
model = "{model}"

[[auth.keys]]
name = "valley-web"
sha256 = "0000000000000000000000000000000000000000000000000000000000000000"

[[tenants]]
name = "valley"
unitids = [{VALLEY_PUBLIC}, {VALLEY_OWN}]
programs_overlay = "{overlay}"
keys = ["valley-web"]

[tenants.default_filter]
controls = ["public"]
delivery_modes = ["online", "by-mail"]
"#,
        data = root().join("data").display(),
        model = root().join("models/career_model.json").display(),
        overlay = dir.join("valley.csv").display(),
    );
    let config = himrec::config::Config::from_toml(&text, "t", &[]).unwrap();
    let filter = config.tenants[0].default_filter.clone().unwrap();
    assert_eq!(filter.controls, [Named::Known(Control::Public)]);
    assert_eq!(
        filter.delivery_modes,
        [
            Named::Known(DeliveryMode::Online),
            Named::Unknown("by-mail".into())
        ]
    );
    let shown = config.redacted_toml();
    assert!(
        shown.contains(r#"delivery_modes = ["online", "by-mail"]"#),
        "{shown}"
    );

    let err = Sources::from_config(&config)
        .load()
        .unwrap_err()
        .to_string();
    assert!(err.contains("tenant \"valley\""), "{err}");
    assert!(err.contains("default_filter.delivery_modes[1]"), "{err}");
    assert!(
        err.contains("\"by-mail\" is not online, hybrid or campus"),
        "{err}"
    );
    assert!(!err.contains("delivery_modes[0]"), "{err}");
}

/// A tenant's key with a quota is refused with 429 and `Retry-After` (and
/// over gRPC `RESOURCE_EXHAUSTED` with a `RetryInfo`) once its burst is
/// spent, while another tenant's key is answered at the same moment; the
/// metrics count both by key and tenant.
#[tokio::test]
async fn a_key_over_its_quota_waits_while_other_tenants_are_answered() {
    use tonic_types::StatusExt;
    let dir = overlays("tenants-quota");
    let tenants = tenants(&dir);
    let live = Live::load(sources(&tenants)).unwrap();
    let mut api_keys = keys();
    api_keys[0].calls_per_second = Some(1);
    api_keys[0].burst = Some(2);
    let options = ServeOptions {
        api_keys,
        tenants,
        ..ServeOptions::default()
    };
    let server = TestServer::serve_live(live.clone(), options).await;
    let list = "/himrec.v1.Catalog/ListPrograms";
    let call = |token: &'static str| {
        let head = format!(
            "POST {list} HTTP/1.1\r\nhost: {}\r\ncontent-type: application/json\r\n\
             authorization: Bearer {token}\r\ncontent-length: 2\r\nconnection: close\r\n\r\n",
            server.addr
        );
        async move { common::http1::http1(server.addr, &head, b"{}").await.0 }
    };
    for _ in 0..2 {
        assert!(call(VALLEY).await.starts_with("http/1.1 200"));
    }
    let (spent, other) = tokio::join!(call(VALLEY), call(HILL));
    assert!(spent.starts_with("http/1.1 429"), "{spent}");
    assert!(spent.contains("\nretry-after: 1\r"), "{spent}");
    assert!(other.starts_with("http/1.1 200"), "{other}");

    let status = catalog(&server)
        .list_programs(with_key(pb::ListProgramsRequest::default(), VALLEY))
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::ResourceExhausted, "{status:?}");
    assert!(status.message().contains("valley-web"), "{status:?}");
    let delay = status
        .get_details_retry_info()
        .unwrap()
        .retry_delay
        .unwrap();
    assert!(delay <= std::time::Duration::from_secs(1), "{delay:?}");

    let metrics = live.metrics().encode();
    for line in [
        r#"himrec_key_calls_total{key="valley-web",tenant="valley",outcome="admitted"} 2"#,
        r#"himrec_key_calls_total{key="valley-web",tenant="valley",outcome="over_quota"} 2"#,
        r#"himrec_key_calls_total{key="hill-web",tenant="hill",outcome="admitted"} 1"#,
    ] {
        assert!(metrics.contains(line), "{line} not in\n{metrics}");
    }
}
