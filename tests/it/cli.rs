//! The `himrec` binary as a user runs it: `serve`, then `recommend` against
//! it; refusal to start without a model; a clean stop on SIGTERM.

use crate::common;

use std::process::Child;
use std::time::{Duration, Instant};

use common::binary::{free_port, himrec};

/// Starts `himrec serve` on `port`.
fn serve(port: u16) -> Child {
    common::binary::serve(&["--addr", &format!("127.0.0.1:{port}")])
}

fn terminate(child: &Child) {
    common::binary::signal(child, "TERM");
}

#[test]
fn recommend_prints_a_table_and_json_from_a_running_server() {
    let port = free_port();
    let mut server = serve(port);
    let addr = format!("127.0.0.1:{port}");

    let output = himrec()
        .args([
            "recommend",
            "--addr",
            &addr,
            "--profile",
            "examples/profile.json",
        ])
        .output()
        .unwrap();
    let table = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(table.contains("CAREER PATHS"));
    assert!(table.contains("Medical Records Specialists"));
    assert!(table.contains("WORK SETTINGS"));
    assert!(table.contains("PROGRAMS"));
    // The README's sample output is this command's, line for line (cut to
    // fewer entries there, never changed).
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let sample = readme
        .split("```text\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("README.md shows a sample output");
    let lines: Vec<&str> = table.lines().collect();
    for line in sample.lines() {
        assert!(
            lines.contains(&line),
            "README.md's sample output has a line this run does not print:\n{line}"
        );
    }

    let output = himrec()
        .args([
            "recommend",
            "--addr",
            &addr,
            "--profile",
            "examples/profile.json",
            "--json",
            "--max-programs",
            "3",
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["programs"].as_array().unwrap().len(), 3);
    assert_eq!(json["careerPaths"][0]["socCode"], "29-2072.00");

    // A person who states no skill: every level "learn next" shows is
    // vouched for by their work or a credential, and says which.
    let profile = std::env::temp_dir().join(format!("himrec-rhit-{}.json", std::process::id()));
    std::fs::write(
        &profile,
        r#"{"currentOccupation": "29-2072.00", "credentials": ["RHIT"], "goal": "advance"}"#,
    )
    .unwrap();
    let output = himrec()
        .args(["recommend", "--addr", &addr, "--profile"])
        .arg(&profile)
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&profile);
    let table = String::from_utf8_lossy(&output.stdout);
    let gaps: Vec<&str> = table
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("learn next: "))
        .flat_map(|gaps| gaps.split("; "))
        .collect();
    assert!(gaps.iter().any(|g| g.contains(" (your work) ")), "{table}");
    assert!(gaps.iter().any(|g| g.contains(" (your RHIT) ")), "{table}");
    for gap in &gaps {
        assert!(
            gap.contains(" not stated ") || gap.contains(" (your "),
            "a level nobody stated, shown without its source: {gap}"
        );
    }

    let output = himrec().args(["health", "--addr", &addr]).output().unwrap();
    assert!(output.status.success());
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), "SERVING");

    terminate(&server);
    let status = server.wait().unwrap();
    assert!(status.success(), "server exit: {status:?}");
    let output = himrec().args(["health", "--addr", &addr]).output().unwrap();
    assert!(!output.status.success(), "health after shutdown");
}

#[test]
fn recommend_reports_field_violations() {
    let port = free_port();
    let mut server = serve(port);
    let profile = std::env::temp_dir().join(format!("himrec-bad-{}.json", std::process::id()));
    std::fs::write(
        &profile,
        r#"{"skills": {"sql_database": 0.5}, "state": "ZZ"}"#,
    )
    .unwrap();
    let output = himrec()
        .args([
            "recommend",
            "--addr",
            &format!("127.0.0.1:{port}"),
            "--profile",
        ])
        .arg(&profile)
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("InvalidArgument"), "{stderr}");
    assert!(stderr.contains("profile.skills[sql_database]"), "{stderr}");
    assert!(stderr.contains("profile.state"), "{stderr}");
    terminate(&server);
    assert!(server.wait().unwrap().success());
}

#[test]
fn serve_refuses_to_start_without_a_model() {
    let output = himrec()
        .args([
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--model",
            "models/does-not-exist.json",
        ])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cannot start"), "{stderr}");
    assert!(stderr.contains("does-not-exist.json"), "{stderr}");
}

#[test]
fn eval_writes_its_report_and_png_plots() {
    let dir = std::env::temp_dir().join(format!("himrec-eval-{}", std::process::id()));
    let report = dir.join("eval.md");
    let output = himrec()
        .args(["eval", "--out"])
        .arg(&report)
        .arg("--plots")
        .arg(dir.join("plots"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = std::fs::read_to_string(&report).unwrap();
    for section in [
        "### interests only",
        "### skills only",
        "### education only",
        "ECE",
        "### Stability",
    ] {
        assert!(text.contains(section), "missing {section}");
    }
    assert!(
        !String::from_utf8_lossy(&output.stderr).contains("differs"),
        "eval disagrees with the report recorded at training"
    );
    for name in ["reliability.png", "confusion.png"] {
        let bytes = std::fs::read(dir.join("plots").join(name)).unwrap();
        assert!(
            bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
            "{name} is not a PNG"
        );
        assert!(bytes.len() > 10_000, "{name} is nearly empty");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn train_draws_no_progress_bar_when_not_on_a_terminal() {
    let out = std::env::temp_dir().join(format!("himrec-train-{}.json", std::process::id()));
    let output = himrec()
        .args(["train", "--rows", "2000", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("fitting the model"), "{stderr}");
    assert!(!stderr.contains('\u{1b}'), "escape codes in {stderr:?}");
    assert!(String::from_utf8_lossy(&output.stdout).contains("written to"));
    let _ = std::fs::remove_file(&out);
    let _ = std::fs::remove_file(out.with_extension("md"));
}

#[test]
fn the_server_log_and_metrics_hold_no_profile_contents_even_at_trace_level() {
    let (port, metrics_port) = (free_port(), free_port());
    let log = std::env::temp_dir().join(format!("himrec-log-{}.txt", std::process::id()));
    let mut server = himrec()
        .args(["serve", "--addr", &format!("127.0.0.1:{port}")])
        .args(["--metrics-addr", &format!("127.0.0.1:{metrics_port}")])
        .env("RUST_LOG", "trace")
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while !std::fs::read_to_string(&log)
        .unwrap_or_default()
        .contains("serving")
    {
        assert!(Instant::now() < deadline, "server did not start");
        std::thread::sleep(Duration::from_millis(20));
    }
    let profile = std::env::temp_dir().join(format!("himrec-private-{}.json", std::process::id()));
    let addr = format!("127.0.0.1:{port}");
    // Distinctive values, valid and invalid, that must not reach the log.
    for body in [
        r#"{"skills": {"clinical_coding": 0.7316492, "statistics": 0.1882734}, "state": "WY", "credentials": ["CTR"]}"#,
        r#"{"skills": {"clinical_coding": 7.316492}, "state": "QQ", "credentials": ["ZZTOP"]}"#,
    ] {
        std::fs::write(&profile, body).unwrap();
        let output = himrec()
            .args(["recommend", "--addr", &addr, "--profile"])
            .arg(&profile)
            .output()
            .unwrap();
        // Error messages name fields, never their values.
        let errors = String::from_utf8_lossy(&output.stderr);
        for secret in ["7316492", "QQ", "ZZTOP"] {
            assert!(!errors.contains(secret), "{secret} in {errors}");
        }
    }
    let mut metrics = String::new();
    let mut scrape = std::net::TcpStream::connect(("127.0.0.1", metrics_port)).unwrap();
    std::io::Write::write_all(
        &mut scrape,
        b"GET /metrics HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
    )
    .unwrap();
    std::io::Read::read_to_string(&mut scrape, &mut metrics).unwrap();
    assert!(metrics.contains("INVALID_ARGUMENT"), "{metrics}");
    terminate(&server);
    assert!(server.wait().unwrap().success());
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(text.contains("Recommend"), "no trace of the calls at all");
    assert!(text.contains("request_id"), "calls' spans carry their ids");
    for secret in ["7316492", "1882734", "\"WY\"", "QQ", "ZZTOP", "CTR"] {
        assert!(!text.contains(secret), "{secret} reached the log");
        assert!(!metrics.contains(secret), "{secret} reached the metrics");
    }
    // Not a terminal: one JSON object per line.
    for line in text.lines() {
        let parsed: serde_json::Value = serde_json::from_str(line).expect("a JSON log line");
        assert!(parsed.get("level").is_some(), "{line}");
    }
    let _ = std::fs::remove_file(&log);
}

#[test]
fn serve_refuses_to_start_on_a_bad_program_overlay() {
    let output = himrec()
        .args([
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--programs-overlay",
            "tests/fixtures/overlay_bad.csv",
        ])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("overlay_bad.csv refused"), "{stderr}");
    assert!(stderr.contains("line 2:"), "{stderr}");
    assert!(stderr.contains("line 8:"), "{stderr}");
}
