//! A real server on an ephemeral port, with the bundled data and model.

#![allow(dead_code)]

pub(crate) mod binary;
pub(crate) mod http1;
pub(crate) mod raw;
pub(crate) mod tools;

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use himrec::pb;
use himrec::pb::recommender_client::RecommenderClient;
use himrec::rank::Recommender;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tonic::transport::Channel;

/// The repository's root.
pub(crate) fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The rows of a vendored file in `data/`, by column name, read
/// independently of the catalog's own reader.
pub(crate) fn data_rows(name: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut reader = csv::Reader::from_path(root().join("data").join(name)).unwrap();
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_owned(), v.to_owned()))
                .collect()
        })
        .collect()
}

/// The bundled data and committed model, loaded once per test binary.
pub(crate) fn recommender() -> Arc<Recommender> {
    static LOADED: OnceLock<Arc<Recommender>> = OnceLock::new();
    LOADED
        .get_or_init(|| {
            let root = root();
            Arc::new(
                himrec::live::load(&root.join("data"), &root.join("models/career_model.json"))
                    .expect("bundled data and model load"),
            )
        })
        .clone()
}

/// Every `.rs` file under `dir`, at any depth.
pub(crate) fn rust_files(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// API keys from (name, token, role), as the server's configuration holds
/// them (the tokens' SHA-256).
pub(crate) fn api_keys(keys: &[(&str, &str, himrec::config::Role)]) -> Vec<himrec::config::ApiKey> {
    keys.iter()
        .map(|&(name, token, role)| himrec::config::ApiKey {
            name: name.into(),
            sha256: himrec::server::token_sha256(token),
            role,
            ..Default::default()
        })
        .collect()
}

/// A copy of the committed model that answers differently, written to
/// `dir` as `{version}.json`: its weights negated, and with `rotate` its
/// path order turned by one as well.
pub(crate) fn altered_model(dir: &std::path::Path, version: &str, rotate: bool) -> PathBuf {
    let text = std::fs::read_to_string(root().join("models/career_model.json")).unwrap();
    let mut model: serde_json::Value = serde_json::from_str(&text).unwrap();
    model["model_version"] = version.into();
    if rotate {
        model["fit"]["paths"].as_array_mut().unwrap().rotate_left(1);
    }
    for x in model["model"]["params"]["data"].as_array_mut().unwrap() {
        *x = (-x.as_f64().unwrap()).into();
    }
    let path = dir.join(format!("{version}.json"));
    std::fs::write(&path, serde_json::to_string(&model).unwrap()).unwrap();
    path
}

/// A running server; dropping it stops the server.
pub(crate) struct TestServer {
    pub(crate) channel: Channel,
    pub(crate) addr: std::net::SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    handle: Option<tokio::task::JoinHandle<()>>,
}

impl TestServer {
    /// A server on the bundled data and model with the overlay fixture
    /// `tests/fixtures/overlay.csv` merged in.
    pub(crate) async fn with_overlay() -> Self {
        let root = root();
        let recommender = himrec::live::load_with_overlay(
            &root.join("data"),
            &root.join("models/career_model.json"),
            Some(&root.join("tests/fixtures/overlay.csv")),
        )
        .unwrap();
        Self::serve(
            Arc::new(recommender),
            himrec::server::ServeOptions::default(),
        )
        .await
    }

    pub(crate) async fn start() -> Self {
        Self::start_with(himrec::server::ServeOptions::default()).await
    }

    pub(crate) async fn start_with(options: himrec::server::ServeOptions) -> Self {
        Self::serve(recommender(), options).await
    }

    pub(crate) async fn serve(
        recommender: Arc<Recommender>,
        options: himrec::server::ServeOptions,
    ) -> Self {
        Self::serve_live(himrec::live::Live::fixed(recommender), options).await
    }

    /// Serves `live` on plain TCP (`options.tls` must be off).
    pub(crate) async fn serve_live(
        live: himrec::live::Live,
        options: himrec::server::ServeOptions,
    ) -> Self {
        Self::serve_with_channel(live, options, |addr| async move {
            Channel::from_shared(format!("http://{addr}"))
                .unwrap()
                .connect()
                .await
                .expect("connects")
        })
        .await
    }

    /// Serves `live`, reached through the channel `connect` makes.
    pub(crate) async fn serve_with_channel<F, Fut>(
        live: himrec::live::Live,
        options: himrec::server::ServeOptions,
        connect: F,
    ) -> Self
    where
        F: FnOnce(std::net::SocketAddr) -> Fut,
        Fut: std::future::Future<Output = Channel>,
    {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (stop, stopped) = oneshot::channel::<()>();
        let handle = tokio::spawn(async move {
            himrec::server::run_with(listener, live, options, async {
                let _ = stopped.await;
            })
            .await
            .expect("server runs");
        });
        let channel = connect(addr).await;
        Self {
            channel,
            addr,
            stop: Some(stop),
            handle: Some(handle),
        }
    }

    pub(crate) fn client(&self) -> RecommenderClient<Channel> {
        RecommenderClient::new(self.channel.clone())
    }

    /// The answer for `profile` with every career path, in rank order.
    pub(crate) async fn recommend_all(&self, profile: pb::Profile) -> pb::RecommendResponse {
        self.client()
            .recommend(pb::RecommendRequest {
                profile: Some(profile),
                max_career_paths: 50,
                ..Default::default()
            })
            .await
            .unwrap()
            .into_inner()
    }

    /// Stops the server and waits for it to finish.
    pub(crate) async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(handle) = self.handle.take() {
            handle.await.unwrap();
        }
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// A profile from (skill, level) pairs.
pub(crate) fn profile(skills: &[(&str, f64)]) -> pb::Profile {
    pb::Profile {
        skills: skills.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect(),
        ..Default::default()
    }
}

/// RIASEC scores in order R, I, A, S, E, C.
pub(crate) fn interests(scores: [f64; 6]) -> pb::RiasecScores {
    pb::RiasecScores {
        realistic: scores[0],
        investigative: scores[1],
        artistic: scores[2],
        social: scores[3],
        enterprising: scores[4],
        conventional: scores[5],
    }
}

/// The field paths of a status's `google.rpc.BadRequest`, in order.
pub(crate) fn violated_fields(status: &tonic::Status) -> Vec<String> {
    use tonic_types::StatusExt;
    status
        .get_details_bad_request()
        .expect("BadRequest details")
        .field_violations
        .into_iter()
        .map(|v| v.field)
        .collect()
}

/// `message` with `authorization: Bearer <token>`.
pub(crate) fn with_key<T>(message: T, token: &str) -> tonic::Request<T> {
    let mut request = tonic::Request::new(message);
    request.metadata_mut().insert(
        "authorization",
        format!("Bearer {token}").parse().expect("ASCII token"),
    );
    request
}

/// A fresh folder under the target directory for one test.
pub(crate) fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "{name}-{}-{:x}",
        std::process::id(),
        rand_suffix()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn rand_suffix() -> u64 {
    use std::time::{SystemTime, UNIX_EPOCH};
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
}
