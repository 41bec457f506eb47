//! Tools nobody here wrote, against the door's OpenAPI documents (3.1 and
//! its 3.0 form): `openapi-spec-validator` validates both, `schemathesis`
//! fuzzes the real server binary from both, finding no 5xx answer and no
//! crash, and a client generated from the 3.0 one by
//! `openapi-python-client` calls every unary method and reads what gRPC
//! answers. The first run installs the pinned packages
//! (`tests/tools/openapi-requirements.txt`,
//! `tests/tools/openapi-client-requirements.txt`) into virtualenvs under
//! the target folder.

use crate::common;

use std::process::Command;

#[test]
fn both_documents_validate_and_a_fuzzer_finds_no_server_error() {
    let venv = common::tools::venv(
        "openapi-venv",
        "tests/tools/openapi-requirements.txt",
        "import schemathesis, openapi_spec_validator",
    );
    let (mut server, addr) = common::binary::serve_quietly();
    for name in ["openapi.json", "openapi-3.0.json"] {
        let document = common::root().join("docs").join(name);
        let output = Command::new(venv.join("bin/openapi-spec-validator"))
            .arg(&document)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{name}: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        let output = Command::new(venv.join("bin/schemathesis"))
            .arg("run")
            .arg(&document)
            .args(["--url", &format!("http://{addr}")])
            .args(["--checks", "not_a_server_error"])
            .args(["--max-examples", "25", "--seed", "1", "--workers", "1"])
            .env("NO_COLOR", "1")
            // Its cache of findings goes under the target folder.
            .current_dir(env!("CARGO_TARGET_TMPDIR"))
            .output()
            .unwrap();
        let alive = server.try_wait().unwrap().is_none();
        let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        if !alive || !output.status.success() {
            let _ = server.kill();
        }
        assert!(alive, "{name}: the server died under the fuzzer:\n{stdout}");
        assert!(output.status.success(), "{name}: {stdout}");
        assert!(stdout.contains("Tested: 16"), "{name}: {stdout}");
    }
    let _ = server.kill();
    let _ = server.wait();
}

/// A method's path and request, as JSON.
type Call = (String, serde_json::Value);

/// The answer to `request` over gRPC, in the door's JSON (every field
/// written), or the Connect code of its error.
async fn over_grpc(
    channel: &tonic::transport::Channel,
    token: &str,
    (path, request): &Call,
) -> Result<serde_json::Value, &'static str> {
    use prost::Message;
    use prost_reflect::{DynamicMessage, SerializeOptions};
    let pool = prost_reflect::DescriptorPool::decode(himrec::pb::FILE_DESCRIPTOR_SET).unwrap();
    let (service, method) = path[1..].split_once('/').unwrap();
    let method = pool
        .get_service_by_name(service)
        .unwrap()
        .methods()
        .find(|m| m.name() == method)
        .unwrap();
    let input = DynamicMessage::deserialize(method.input(), request).unwrap();
    let mut call = tonic::Request::new(input.encode_to_vec());
    call.metadata_mut()
        .insert("authorization", format!("Bearer {token}").parse().unwrap());
    let mut grpc = tonic::client::Grpc::new(channel.clone());
    grpc.ready().await.unwrap();
    let answer = grpc
        .unary(
            call,
            path.parse::<tonic::codegen::http::uri::PathAndQuery>()
                .unwrap(),
            common::raw::Raw,
        )
        .await;
    match answer {
        Ok(bytes) => {
            let output =
                DynamicMessage::decode(method.output(), bytes.into_inner().as_slice()).unwrap();
            let options = SerializeOptions::new().skip_default_fields(false);
            Ok(output
                .serialize_with_options(serde_json::value::Serializer, &options)
                .unwrap())
        }
        Err(status) => Err(match status.code() {
            tonic::Code::FailedPrecondition => "failed_precondition",
            tonic::Code::NotFound => "not_found",
            tonic::Code::InvalidArgument => "invalid_argument",
            other => panic!("{path}: {other:?} {}", status.message()),
        }),
    }
}

/// `value` with each timestamp to the second: the generated client reads
/// them into Python datetimes, which keep microseconds and write `+00:00`.
fn to_the_second(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::String(s)
            if s.len() > 19 && s.as_bytes()[10] == b'T' && s[..4].parse::<u16>().is_ok() =>
        {
            s.truncate(19)
        }
        Value::Array(items) => items.iter_mut().for_each(to_the_second),
        Value::Object(object) => object.values_mut().for_each(to_the_second),
        _ => {}
    }
}

/// A Python client generated from docs/openapi-3.0.json by
/// openapi-python-client (PyPI) calls every unary method of the real
/// binary with an admin key; each answer, parsed by the generated models,
/// equals the same call's answer over gRPC, and each error is the gRPC
/// error's code. Reload is called last, and its answer differs only in
/// its generation (one more over gRPC) and load time.
#[test]
fn a_client_generated_from_the_3_0_document_answers_as_grpc_does() {
    let venv = common::tools::venv(
        "openapi-client-venv",
        "tests/tools/openapi-client-requirements.txt",
        "import openapi_python_client, httpx, attrs",
    );
    let root = common::root();
    let work = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("openapi-python-client");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).unwrap();
    std::fs::write(work.join("generator.yml"), "post_hooks: []\n").unwrap();
    let output = Command::new(venv.join("bin/openapi-python-client"))
        .arg("generate")
        .arg("--path")
        .arg(root.join("docs/openapi-3.0.json"))
        .arg("--output-path")
        .arg(work.join("himrec_client"))
        .args(["--meta", "none", "--config"])
        .arg(work.join("generator.yml"))
        .output()
        .unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "{said}");
    assert!(
        !said.contains("Unable to"),
        "pieces of the client are missing:\n{said}"
    );

    let token = "hr_generated_client_admin";
    let config = work.join("himrec.toml");
    std::fs::write(
        &config,
        format!(
            "[[auth.keys]]\nname = \"operator\"\nsha256 = \"{}\"\nrole = \"admin\"\n",
            himrec::server::token_sha256(token)
        ),
    )
    .unwrap();
    let (server, addr) =
        common::binary::serve_quietly_with(&["--config", config.to_str().unwrap()]);
    let server = common::binary::Stopping(server);
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let channel = runtime.block_on(async {
        tonic::transport::Channel::from_shared(format!("http://{addr}"))
            .unwrap()
            .connect()
            .await
            .unwrap()
    });
    // The README's profile, its words as the enum names a generated
    // client's enums know and its keys as the JSON mapping's (the door
    // takes both).
    let mut profile: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("examples/profile.json")).unwrap())
            .unwrap();
    let object = profile.as_object_mut().unwrap();
    object.remove("highest_education");
    object.insert(
        "highestEducation".into(),
        "EDUCATION_LEVEL_SOME_COLLEGE".into(),
    );
    profile["goal"] = "GOAL_FIND_WORK".into();
    let list = (
        "/himrec.v1.Catalog/ListPrograms".to_owned(),
        serde_json::json!({"pageSize": 20, "states": ["OH"]}),
    );
    let listed = runtime.block_on(over_grpc(&channel, token, &list)).unwrap();
    let first = &listed["programs"][0];
    let calls: Vec<Call> = [
        ("Recommender/Recommend", serde_json::json!({"profile": profile, "maxPrograms": 5, "language": "es"})),
        ("Recommender/GetModelInfo", serde_json::json!({})),
        ("Catalog/ListSkills", serde_json::json!({})),
        ("Catalog/ListCareerPaths", serde_json::json!({"orderBy": "CAREER_PATH_ORDER_CHANGE_PERCENT"})),
        ("Catalog/GetCareerPath", serde_json::json!({"socCode": "29-2072.00"})),
        ("Catalog/ListWorkSettings", serde_json::json!({})),
        ("Catalog/ListCredentials", serde_json::json!({})),
        ("Catalog/ListOccupations", serde_json::json!({})),
        ("Catalog/ListPrograms", list.1.clone()),
        ("Catalog/GetProgram", serde_json::json!({"unitid": first["unitid"], "credentialLevel": first["credentialLevel"]})),
        ("Admin/GetShadowReport", serde_json::json!({})),
        ("Admin/Promote", serde_json::json!({})),
        ("Admin/Demote", serde_json::json!({})),
        ("Admin/Reload", serde_json::json!({})),
    ]
    .into_iter()
    .map(|(method, request)| (format!("/himrec.v1.{method}"), request))
    .collect();
    let (reload, unchanging) = calls.split_last().unwrap();
    let expected: Vec<_> = unchanging
        .iter()
        .map(|call| runtime.block_on(over_grpc(&channel, token, call)))
        .collect();

    let requests = work.join("requests.json");
    // An array keeps the order the calls are made in.
    std::fs::write(&requests, serde_json::to_string(&calls).unwrap()).unwrap();
    let output = Command::new(venv.join("bin/python"))
        .arg(root.join("tests/tools/openapi_client_calls.py"))
        .arg(&work)
        .arg(format!("http://{addr}"))
        .arg(token)
        .arg(&requests)
        .output()
        .unwrap();
    let reload_over_grpc = runtime.block_on(over_grpc(&channel, token, reload));
    drop(server);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut answers: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(answers.as_object().unwrap().len(), 14);
    for ((path, _), expected) in unchanging.iter().zip(expected) {
        let got = &mut answers[path];
        match expected {
            Ok(mut answer) => {
                assert_eq!(got["status"], 200, "{path}: {got}");
                to_the_second(&mut answer);
                to_the_second(&mut got["answer"]);
                assert!(
                    got["answer"] == answer,
                    "{path}: the generated client read\n{}\ngRPC answered\n{answer}",
                    got["answer"]
                );
            }
            Err(code) => {
                assert_eq!(got["status"], 400, "{path}: {got}");
                assert_eq!(got["answer"]["code"], code, "{path}: {got}");
            }
        }
    }
    let got = &mut answers[&reload.0]["answer"];
    let mut answer = reload_over_grpc.unwrap();
    let generation = |v: &serde_json::Value| {
        v["generation"]
            .as_str()
            .map_or_else(|| v["generation"].as_u64().unwrap(), |s| s.parse().unwrap())
    };
    assert_eq!(generation(got) + 1, generation(&answer), "{got}\n{answer}");
    for value in [&mut *got, &mut answer] {
        let object = value.as_object_mut().unwrap();
        object.remove("generation");
        object.remove("loadedAt");
    }
    assert_eq!(*got, answer);
}
