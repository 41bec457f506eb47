//! The Node.js client end to end: `clients/node/example.js` (grpc-js, the
//! protos loaded at run time by proto-loader) against the real server
//! binary, and the TypeScript types `npm run types` generates. The first run
//! installs the locked npm packages into `clients/node/node_modules`.
//! Without `node` or `npm` on PATH the test says so and is skipped, except
//! in CI, where it fails; `.ci/run` installs Node.

use crate::common;

use std::process::Command;

/// The number after `prefix` on the line starting with it.
fn count(stdout: &str, prefix: &str) -> u64 {
    let line = stdout
        .lines()
        .find_map(|l| l.strip_prefix(prefix))
        .unwrap_or_else(|| panic!("no line {prefix:?} in\n{stdout}"));
    let digits: String = line.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().unwrap()
}

#[test]
fn node_client_calls_the_real_server() {
    if !common::tools::have(&["node", "npm"], "the Node client test (Node.js 18+)") {
        return;
    }
    let client = common::root().join("clients/node");
    common::tools::npm_ci(&client, "@grpc/grpc-js");

    let types = client.join("types");
    let _ = std::fs::remove_dir_all(&types);
    let output = Command::new("npm")
        .args(["run", "--silent", "types"])
        .current_dir(&client)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "npm run types failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let request = std::fs::read_to_string(types.join("himrec/v1/RecommendRequest.ts")).unwrap();
    assert!(request.contains("export interface RecommendRequest {"));

    let (mut server, addr) = common::binary::serve_quietly();

    let output = Command::new("node")
        .arg(client.join("example.js"))
        .args(["--addr", &addr, "--state", "TX"])
        .current_dir(common::root())
        .output()
        .unwrap();
    let _ = server.kill();
    let _ = server.wait();
    let stdout = String::from_utf8_lossy(&output.stdout);
    print!("{stdout}");
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(count(&stdout, "career paths: ") > 0);
    assert!(
        stdout.contains("29-2072.00 Medical Records Specialists"),
        "{stdout}"
    );
    assert!(count(&stdout, "programs: ") > 0);
    assert!(stdout.contains("bad request: INVALID_ARGUMENT"), "{stdout}");
    assert!(
        stdout.contains("bad request field: profile.skills[not_a_skill]"),
        "{stdout}"
    );
    let paged = count(&stdout, "programs paged: ");
    let pages = count(&stdout, &format!("programs paged: {paged} in "));
    let total = count(
        &stdout,
        &format!("programs paged: {paged} in {pages} pages (total_size "),
    );
    assert_eq!(paged, total, "{stdout}");
    assert!(
        total > 50,
        "TX has more than one page of associate programs"
    );
    assert_eq!(pages, total.div_ceil(50), "{stdout}");
}
