//! The Kubernetes manifests in `deploy/kubernetes/`: the base and each
//! overlay, rendered as Kustomize would, validate against the Kubernetes
//! API schemas with `kubernetes-validate --strict` (PyPI, installed into a
//! virtualenv from `tests/tools/kubernetes-requirements.txt`), and hold
//! what a fleet depends on: a configuration the server accepts, a grace
//! period longer than the drain, a non-root read-only container whose user
//! is the image's, probes on the health service, a headless Service, a
//! disruption budget and an autoscaler.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use serde_json::Value;

const OVERLAYS: [&str; 3] = ["base", "overlays/tls", "overlays/tenants"];

/// The virtualenv, made once per run (tests run in parallel).
fn venv() -> PathBuf {
    static VENV: OnceLock<PathBuf> = OnceLock::new();
    VENV.get_or_init(|| {
        common::tools::venv(
            "kubernetes-venv",
            "tests/tools/kubernetes-requirements.txt",
            "import kubernetes_validate, jsonpatch, yaml",
        )
    })
    .clone()
}

/// Renders `overlay` and returns (the YAML file, its resources as JSON).
fn render(venv: &Path, overlay: &str) -> (PathBuf, Vec<Value>) {
    let root = common::root();
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("kubernetes");
    std::fs::create_dir_all(&out).unwrap();
    let name = overlay.replace('/', "-");
    let yaml = out.join(format!("{name}.yaml"));
    let python = venv.join("bin/python");
    let status = Command::new(&python)
        .arg(root.join("tests/tools/render_kustomize.py"))
        .arg(root.join("deploy/kubernetes").join(overlay))
        .arg(&yaml)
        .status()
        .unwrap();
    assert!(status.success(), "rendering {overlay} failed");
    let json = Command::new(&python)
        .args([
            "-c",
            "import json, sys, yaml; json.dump(list(yaml.safe_load_all(open(sys.argv[1]))), sys.stdout)",
        ])
        .arg(&yaml)
        .output()
        .unwrap();
    assert!(json.status.success());
    (yaml, serde_json::from_slice(&json.stdout).unwrap())
}

fn resource<'a>(resources: &'a [Value], kind: &str) -> &'a Value {
    resources
        .iter()
        .find(|r| r["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind}"))
}

#[test]
fn the_manifests_validate_strictly_against_the_kubernetes_schemas() {
    let venv = venv();
    for overlay in OVERLAYS {
        let (yaml, resources) = render(&venv, overlay);
        let output = Command::new(venv.join("bin/kubernetes-validate"))
            .args(["--strict", "--quiet"])
            .arg(&yaml)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{overlay}: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        let kinds: Vec<&str> = resources
            .iter()
            .map(|r| r["kind"].as_str().unwrap())
            .collect();
        assert_eq!(
            kinds,
            [
                "ConfigMap",
                "Deployment",
                "Service",
                "PodDisruptionBudget",
                "HorizontalPodAutoscaler"
            ],
            "{overlay}"
        );
    }
}

/// The ConfigMap's files written to `dir`, its paths moved from the pod's
/// to the repository's and `dir`'s, and the configuration's path.
fn config_files(configmap: &Value, dir: &Path) -> PathBuf {
    let root = common::root();
    std::fs::create_dir_all(dir.join("tls")).unwrap();
    for (name, text) in configmap["data"].as_object().unwrap() {
        let text = text
            .as_str()
            .unwrap()
            .replace("/etc/himrec/", &format!("{}/", dir.display()))
            .replace("/app/data", &root.join("data").display().to_string())
            .replace("/app/models", &root.join("models").display().to_string());
        std::fs::write(dir.join(name), text).unwrap();
    }
    // What the Secret `himrec-tls` would hold.
    let certified = rcgen::generate_simple_self_signed(vec!["himrec".to_owned()]).unwrap();
    std::fs::write(dir.join("tls/tls.crt"), certified.cert.pem()).unwrap();
    std::fs::write(
        dir.join("tls/tls.key"),
        certified.signing_key.serialize_pem(),
    )
    .unwrap();
    dir.join("himrec.toml")
}

#[test]
fn every_overlay_holds_what_the_fleet_depends_on() {
    let venv = venv();
    let root = common::root();
    let dockerfile = std::fs::read_to_string(root.join("Dockerfile")).unwrap();
    assert!(
        dockerfile.lines().any(|l| l.trim() == "USER 10001:10001"),
        "the image's user is numeric, so the kubelet can check runAsNonRoot"
    );
    for overlay in OVERLAYS {
        let (_, resources) = render(&venv, overlay);
        let deployment = resource(&resources, "Deployment");
        let pod = &deployment["spec"]["template"]["spec"];
        let container = &pod["containers"][0];

        // The server accepts the configuration, with everything it names.
        let dir = common::scratch(&format!("kubernetes-{}", overlay.replace('/', "-")));
        let config = config_files(resource(&resources, "ConfigMap"), &dir);
        let check = common::binary::himrec()
            .args(["config", "check"])
            .arg(&config)
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&check.stdout);
        assert!(
            check.status.success(),
            "{overlay}: {said}{}",
            String::from_utf8_lossy(&check.stderr)
        );
        let expected = match overlay {
            "overlays/tls" => "tls on",
            "overlays/tenants" => "2 tenants",
            _ => "tls off",
        };
        assert!(said.contains(expected), "{overlay}: {said}");

        // The pod outlives the server's drain.
        let toml: toml::Table = std::fs::read_to_string(&config).unwrap().parse().unwrap();
        let grace = toml["limits"]["shutdown_grace_secs"].as_integer().unwrap();
        let period = pod["terminationGracePeriodSeconds"].as_i64().unwrap();
        assert!(
            period > grace,
            "{overlay}: {period} s against a {grace} s drain"
        );

        // Non-root, read-only, as the image's user.
        assert_eq!(pod["securityContext"]["runAsNonRoot"], true);
        assert_eq!(pod["securityContext"]["runAsUser"], 10001);
        let security = &container["securityContext"];
        assert_eq!(security["readOnlyRootFilesystem"], true);
        assert_eq!(security["allowPrivilegeEscalation"], false);
        assert_eq!(security["capabilities"]["drop"][0], "ALL");

        // Probes on the health service (TCP with TLS, which the kubelet's
        // gRPC probe does not speak).
        let probe = if overlay == "overlays/tls" {
            "tcpSocket"
        } else {
            "grpc"
        };
        for kind in ["readinessProbe", "livenessProbe"] {
            assert_eq!(container[kind][probe]["port"], 50051, "{overlay} {kind}");
        }

        // One page-token secret for every replica, from the Secret.
        let env = container["env"].as_array().unwrap();
        let secret = env
            .iter()
            .find(|e| e["name"] == "HIMREC_PAGING_TOKEN_SECRET")
            .unwrap();
        assert_eq!(secret["valueFrom"]["secretKeyRef"]["name"], "himrec");
        assert!(container["resources"]["requests"]["cpu"].is_string());
        assert!(container["resources"]["limits"]["memory"].is_string());

        // Client-side balancing, voluntary disruptions one at a time,
        // scaling on CPU from three replicas.
        assert_eq!(resource(&resources, "Service")["spec"]["clusterIP"], "None");
        let selector = &deployment["spec"]["selector"]["matchLabels"];
        assert_eq!(
            &resource(&resources, "PodDisruptionBudget")["spec"]["selector"]["matchLabels"],
            selector
        );
        let hpa = &resource(&resources, "HorizontalPodAutoscaler")["spec"];
        assert_eq!(
            hpa["scaleTargetRef"]["name"],
            deployment["metadata"]["name"]
        );
        assert_eq!(hpa["metrics"][0]["resource"]["name"], "cpu");
        assert!(hpa["minReplicas"].as_i64().unwrap() >= 3);
    }
}

#[test]
fn the_operations_guide_points_to_the_manifests_instead_of_inlining_them() {
    let guide = std::fs::read_to_string(common::root().join("docs/operations.md")).unwrap();
    assert!(guide.contains("deploy/kubernetes/"));
    assert!(!guide.contains("kind: Deployment"));
}
