//! Every JSON example the docs show, every body their commands send, every
//! request example of the OpenAPI document and every file in `examples/`,
//! posted to the running door.

use crate::common;

/// A code block of a document: its language, the HTML comment on the line
/// before it (what a JSON block is an example of), and its text.
struct Block {
    place: String,
    language: String,
    marker: Option<String>,
    text: String,
}

fn blocks(name: &str, text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut lines = text.lines().enumerate();
    let mut before = "";
    while let Some((number, line)) = lines.next() {
        let Some(language) = line.trim_start().strip_prefix("```") else {
            if !line.trim().is_empty() {
                before = line.trim();
            }
            continue;
        };
        let mut body = String::new();
        for (_, inner) in lines.by_ref() {
            if inner.trim_start().starts_with("```") {
                break;
            }
            body.push_str(inner.trim_start_matches("  "));
            body.push('\n');
        }
        let marker = before
            .strip_prefix("<!-- door:")
            .and_then(|m| m.strip_suffix("-->"))
            .map(|m| m.trim().to_owned());
        out.push(Block {
            place: format!("{name}:{}", number + 1),
            language: language.trim().to_owned(),
            marker,
            text: body,
        });
        before = "";
    }
    out
}

/// The (method path, body) of each curl or grpcurl command in a shell
/// block that sends a body with `-d '...'`.
fn sent_bodies(text: &str) -> Vec<(String, String)> {
    let joined = text.replace("\\\n", " ");
    let mut out = Vec::new();
    for command in joined.split("\ncurl ").flat_map(|c| c.split("\ngrpcurl ")) {
        let Some((_, rest)) = command.split_once("-d '") else {
            continue;
        };
        let (body, _) = rest.split_once('\'').expect("a closing quote");
        let method = command
            .split(|c: char| c.is_whitespace() || c == '\'')
            .filter_map(|word| word.split_once("himrec.v1.").map(|(_, m)| m))
            .next()
            .expect("a method the command calls");
        out.push((format!("/himrec.v1.{method}"), body.to_owned()));
    }
    out
}

/// One JSON POST to the door: (status, head, body as JSON).
async fn post(
    addr: std::net::SocketAddr,
    path: &str,
    body: &str,
) -> (u16, String, serde_json::Value) {
    let head = format!(
        "POST {path} HTTP/1.1\r\nhost: {addr}\r\ncontent-type: application/json\r\n\
         content-length: {}\r\nconnection: close\r\n\r\n",
        body.len()
    );
    let (head, answer) = common::http1::http1(addr, &head, body.as_bytes()).await;
    let status = head[9..12].parse().unwrap();
    let json = serde_json::from_slice(&answer).unwrap_or_default();
    (status, head, json)
}

/// A documented request: answered 200, nothing in it ignored; the answer.
async fn answered(
    addr: std::net::SocketAddr,
    place: &str,
    path: &str,
    body: &str,
) -> serde_json::Value {
    let (status, head, answer) = post(addr, path, body).await;
    assert_eq!(status, 200, "{place}: {path} {body}\n{answer}");
    assert!(
        !head.contains("\nhimrec-ignored-fields:"),
        "{place}: the door ignored some of {body}\n{head}"
    );
    answer
}

/// What the document shows for a page token.
const PAGE_TOKEN_SHOWN: &str =
    "(opaque, signed by the server: send it back as pageToken for the next page)";

/// Where the OpenAPI document's recorded answers are kept.
const RECORDED_ANSWERS: &str = "crates/serving/src/server/connect/examples";

/// `answer` to `path`'s request example is the answer the OpenAPI document
/// shows for it (lists cut as the document cuts them), recorded in
/// `RECORDED_ANSWERS`; with `HIMREC_RECORD_ANSWERS=1` it is recorded anew.
fn same_as_recorded(path: &str, answer: serde_json::Value, shown: &serde_json::Value) {
    let method = path.rsplit('/').next().unwrap();
    let file = common::root().join(format!("{RECORDED_ANSWERS}/{method}.json"));
    let mut answer = himrec::server::openapi_example_answer(answer);
    if std::env::var_os("HIMREC_RECORD_ANSWERS").is_some() {
        // A token is signed by the key of the server that wrote it: the
        // document says what it is for rather than show one no reader's
        // server would take.
        if let Some(token) = answer.get_mut("nextPageToken") {
            if token.as_str().is_some_and(|t| !t.is_empty()) {
                *token = PAGE_TOKEN_SHOWN.into();
            }
        }
        let text = serde_json::to_string_pretty(&answer).unwrap() + "\n";
        std::fs::write(&file, text).unwrap();
        return;
    }
    let recorded: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    // When this server loaded its model, and the key that signs its page
    // tokens, are its own.
    for own in ["loadedAt", "nextPageToken"] {
        if let Some(value) = answer.get_mut(own) {
            if value.as_str().is_some_and(|v| !v.is_empty()) {
                *value = recorded[own].clone();
            }
        }
    }
    assert!(
        answer == recorded,
        "{path}: the answer to its request example is not the one recorded in {}; \
         record again with HIMREC_RECORD_ANSWERS=1 if the change is meant",
        file.display()
    );
    assert!(
        *shown == recorded,
        "{path}: docs/openapi.json shows another answer than {}: write it again with \
         `himrec openapi`",
        file.display()
    );
}

const RECOMMEND: &str = "/himrec.v1.Recommender/Recommend";

/// Every JSON block in README.md and docs/, every body a documented curl
/// or grpcurl command sends, every request example of the OpenAPI
/// document, and every file in examples/ works on the
/// running door as the docs say: a request or profile is answered 200 with
/// nothing ignored, an error example is the error the door gives, an
/// answer's fragment reads as its message type, field for field.
#[tokio::test]
async fn every_documented_json_example_works_on_the_running_door() {
    let server = common::TestServer::start().await;
    let addr = server.addr;
    let root = common::root();
    let pool = prost_reflect::DescriptorPool::decode(himrec::pb::FILE_DESCRIPTOR_SET).unwrap();
    let mut files = vec![root.join("README.md")];
    files.extend(super::doc_pages());
    let (mut json_blocks, mut commands) = (0, 0);
    for file in files {
        let name = file.strip_prefix(&root).unwrap().display().to_string();
        let text = std::fs::read_to_string(&file).unwrap();
        for block in blocks(&name, &text) {
            let place = &block.place;
            if block.language == "sh" {
                for (path, body) in sent_bodies(&block.text) {
                    answered(addr, place, &path, &body).await;
                    commands += 1;
                }
                continue;
            }
            if block.language != "json" {
                continue;
            }
            json_blocks += 1;
            let marker = block
                .marker
                .as_deref()
                .unwrap_or_else(|| panic!("{place}: a JSON block says what it is in a `<!-- door: ... -->` line before it"));
            let (kind, rest) = marker.split_once(' ').unwrap_or((marker, ""));
            match kind {
                "profile" => {
                    let body = format!("{{\"profile\": {}}}", block.text);
                    answered(addr, place, RECOMMEND, &body).await;
                }
                "message" => {
                    let desc = pool.get_message_by_name(rest).unwrap();
                    let mut json = serde_json::Deserializer::from_str(&block.text);
                    let strict = prost_reflect::DeserializeOptions::new().deny_unknown_fields(true);
                    prost_reflect::DynamicMessage::deserialize_with_options(
                        desc, &mut json, &strict,
                    )
                    .unwrap_or_else(|e| panic!("{place}: not a {rest}: {e}"));
                }
                "error" => {
                    let (path, body) = rest.split_once(' ').unwrap();
                    let (status, _, answer) = post(addr, path, body).await;
                    assert_eq!(status, 400, "{place}: {answer}");
                    let shown: serde_json::Value = serde_json::from_str(&block.text).unwrap();
                    assert_eq!(shown["code"], answer["code"], "{place}");
                    assert_eq!(shown["message"], answer["message"], "{place}");
                    assert_eq!(
                        shown["details"][0]["debug"], answer["details"][0]["debug"],
                        "{place}"
                    );
                }
                other => panic!("{place}: unknown example kind {other}"),
            }
        }
    }
    let profile = std::fs::read_to_string(root.join("examples/profile.json")).unwrap();
    answered(
        addr,
        "examples/profile.json",
        RECOMMEND,
        &format!("{{\"profile\": {profile}}}"),
    )
    .await;
    let requests = std::fs::read_to_string(root.join("examples/requests.jsonl")).unwrap();
    for (i, line) in requests.lines().enumerate() {
        answered(
            addr,
            &format!("examples/requests.jsonl:{}", i + 1),
            RECOMMEND,
            line,
        )
        .await;
    }
    // Each operation's request example in the OpenAPI document, answered
    // as the document shows (Admin's need an admin key, which this server
    // does not have, and change the service).
    let openapi: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("docs/openapi.json")).unwrap())
            .unwrap();
    let mut operations = 0;
    for (path, item) in openapi["paths"].as_object().unwrap() {
        let example = &item["post"]["requestBody"]["content"]["application/json"]["example"];
        if item.get("post").is_none() || path.starts_with("/himrec.v1.Admin/") {
            continue;
        }
        assert!(!example.is_null(), "{path} has no request example");
        let answer = answered(addr, "docs/openapi.json", path, &example.to_string()).await;
        let shown = &item["post"]["responses"]["200"]["content"]["application/json"]["examples"]
            ["recorded"]["value"];
        same_as_recorded(path, answer, shown);
        operations += 1;
    }
    assert_eq!(operations, 10);
    // The docs hold three JSON blocks and three commands with bodies today;
    // none can slip out of the check unseen.
    assert!(
        json_blocks >= 3 && commands >= 3,
        "{json_blocks} blocks, {commands} commands"
    );
}
