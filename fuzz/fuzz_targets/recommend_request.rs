//! Any bytes, decoded as a `RecommendRequest` and passed through the
//! request checks and ranking: the answer is OK with finite scores, or
//! INVALID_ARGUMENT; a panic is a bug. See docs/operations.md, "Fuzzing".

#![no_main]

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use himrec::grpc::RecommenderService;
use himrec::live::Live;
use himrec::pb;
use himrec::pb::recommender_server::Recommender as _;
use libfuzzer_sys::fuzz_target;
use prost::Message;

struct Target {
    service: RecommenderService,
    runtime: tokio::runtime::Runtime,
}

fn target() -> &'static Target {
    static TARGET: OnceLock<Target> = OnceLock::new();
    TARGET.get_or_init(|| {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
        let recommender =
            himrec::live::load(&root.join("data"), &root.join("models/career_model.json"))
                .expect("bundled data and model load");
        let limits = himrec::config::Limits::default();
        Target {
            service: RecommenderService::new(
                Live::fixed(Arc::new(recommender)),
                limits.max_skills,
                limits.max_batch_items,
            ),
            runtime: tokio::runtime::Builder::new_current_thread()
                .build()
                .expect("a runtime"),
        }
    })
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(request) = pb::RecommendRequest::decode(bytes) else {
        return;
    };
    let target = target();
    let answer = target
        .runtime
        .block_on(target.service.recommend(tonic::Request::new(request)));
    match answer {
        Ok(response) => {
            let r = response.into_inner();
            for c in &r.career_paths {
                assert!(c.score.is_finite());
            }
            for p in &r.programs {
                assert!(p.score.is_finite());
            }
        }
        Err(status) => assert_eq!(status.code(), tonic::Code::InvalidArgument),
    }
});
