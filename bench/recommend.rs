//! In-process benchmarks: one `Recommend` from profile to encoded response,
//! the model alone, ranking of the full program catalog, batch scoring
//! throughput, and training. Run with `cargo bench`.

use std::hint::black_box;
use std::path::PathBuf;
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use himrec::catalog::Catalog;
use himrec::grpc::RecommenderService;
use himrec::model::features;
use himrec::pb;
use himrec::pb::recommender_server::Recommender as _;
use himrec::profile::{Profile, ProfileInput};
use himrec::rank::{ListLimits, Recommender};
use himrec::training::train::{train, TrainConfig};
use prost::Message;

// The same allocator as the `himrec` binary.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn recommender() -> Recommender {
    himrec::live::load(
        &root().join("data"),
        &root().join("models/career_model.json"),
    )
    .unwrap()
}

/// The profile the README's example uses.
fn example_profile(catalog: &Catalog) -> Profile {
    ProfileInput {
        skills: vec![
            ("medical_terminology".into(), 0.9),
            ("anatomy_physiology".into(), 0.7),
            ("clinical_coding".into(), 0.85),
            ("clinical_documentation".into(), 0.8),
            ("ehr_systems".into(), 0.6),
            ("privacy_compliance".into(), 0.5),
            ("communication".into(), 0.6),
        ],
        interests: Some([0.2, 0.4, 0.1, 0.4, 0.3, 0.9]),
        highest_education: 4,
        credentials: vec!["CCA".into()],
        state: "TX".into(),
        ..Default::default()
    }
    .check(catalog, "profile")
    .unwrap()
}

/// Varied profiles, so batch scoring does not hit one cache line.
fn varied_profiles(catalog: &Catalog, n: usize) -> Vec<Profile> {
    let states = ["TX", "CA", "NY", "OH", "", "FL", "WA", ""];
    (0..n)
        .map(|i| {
            let skills = catalog
                .skills
                .iter()
                .enumerate()
                .filter(|(j, _)| (i + j) % 3 != 0)
                .map(|(j, s)| (s.id.clone(), ((i * 7 + j * 13) % 100) as f64 / 100.0))
                .collect();
            ProfileInput {
                skills,
                interests: (i % 4 != 0)
                    .then(|| [0, 1, 2, 3, 4, 5].map(|k| ((i * 11 + k * 17) % 100) as f64 / 100.0)),
                highest_education: (i % 11) as i32,
                credentials: Vec::new(),
                state: states[i % states.len()].into(),
                ..Default::default()
            }
            .check(catalog, "profile")
            .unwrap()
        })
        .collect()
}

fn benches(c: &mut Criterion) {
    let recommender = recommender();
    let catalog = recommender.catalog();
    let profile = example_profile(catalog);
    let limits = ListLimits::default();

    c.bench_function("recommend/domain", |b| {
        b.iter(|| recommender.recommend(black_box(&profile), limits))
    });

    let request = pb::RecommendRequest {
        profile: Some(pb::Profile {
            skills: [
                ("medical_terminology", 0.9),
                ("anatomy_physiology", 0.7),
                ("clinical_coding", 0.85),
                ("clinical_documentation", 0.8),
                ("ehr_systems", 0.6),
                ("privacy_compliance", 0.5),
                ("communication", 0.6),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
            interests: Some(pb::RiasecScores {
                realistic: 0.2,
                investigative: 0.4,
                artistic: 0.1,
                social: 0.4,
                enterprising: 0.3,
                conventional: 0.9,
            }),
            highest_education: pb::EducationLevel::SomeCollege as i32,
            credentials: vec!["CCA".into()],
            state: "TX".into(),
            ..Default::default()
        }),
        ..Default::default()
    };
    let body = request.encode_to_vec();
    let config = himrec::config::Limits::default();
    let service = RecommenderService::new(
        himrec::live::Live::fixed(Arc::new(self::recommender())),
        config.max_skills,
        config.max_batch_items,
    );
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    // A whole call on the service from encoded request to encoded answer.
    let round_trip = |encoded: &[u8]| {
        let request = pb::RecommendRequest::decode(black_box(encoded)).unwrap();
        let response = runtime
            .block_on(service.recommend(tonic::Request::new(request)))
            .unwrap();
        black_box(response.into_inner().encode_to_vec())
    };
    c.bench_function("recommend/decode_check_rank_encode", |b| {
        b.iter(|| round_trip(&body))
    });
    // What the HTTP/JSON door adds to that call in the process, as the
    // door does it: the answer's wire bytes decoded again and written as
    // JSON into a buffer sized for it. Beside the round trip above, it
    // bounds the door's throughput against gRPC's (BENCHMARKS.md).
    let answer = round_trip(&body);
    c.bench_function("recommend/door_decode_write_json", |b| {
        b.iter(|| {
            let message = pb::RecommendResponse::decode(black_box(answer.as_slice())).unwrap();
            let mut out = Vec::with_capacity(answer.len() * 5 / 2 + 64);
            serde_json::to_writer(&mut out, &message).unwrap();
            black_box(out)
        })
    });
    // Of which the JSON writing alone.
    let decoded = pb::RecommendResponse::decode(answer.as_slice()).unwrap();
    c.bench_function("recommend/door_write_json", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(answer.len() * 5 / 2 + 64);
            serde_json::to_writer(&mut out, black_box(&decoded)).unwrap();
            black_box(out)
        })
    });
    // The same answer in Spanish: its sentences are written once per
    // language, so it should cost what the English one does.
    let spanish = pb::RecommendRequest {
        language: "es".into(),
        ..pb::RecommendRequest::decode(body.as_slice()).unwrap()
    }
    .encode_to_vec();
    c.bench_function("recommend/spanish_decode_check_rank_encode", |b| {
        b.iter(|| round_trip(&spanish))
    });
    let basic = pb::RecommendRequest {
        view: pb::RecommendView::Basic as i32,
        ..pb::RecommendRequest::decode(body.as_slice()).unwrap()
    }
    .encode_to_vec();
    c.bench_function("recommend/basic_decode_check_rank_encode", |b| {
        b.iter(|| round_trip(&basic))
    });

    // GetModelInfo's whole handler, from the call to the encoded answer:
    // what it costs beside the transport (BENCHMARKS.md, the guard).
    c.bench_function("model_info/answer_encode", |b| {
        b.iter(|| {
            let response = runtime
                .block_on(service.get_model_info(tonic::Request::new(pb::GetModelInfoRequest {})))
                .unwrap();
            black_box(response.into_inner().encode_to_vec())
        })
    });

    let mut x = Vec::new();
    features::encode(&profile, &recommender.model().artifact().reference, &mut x);
    c.bench_function("model/probabilities", |b| {
        b.iter(|| recommender.model().probabilities(black_box(&x)))
    });

    let programs_only = ListLimits {
        career_paths: 1,
        work_settings: 1,
        programs: 100,
    };
    c.bench_function("rank/full_program_catalog_top100", |b| {
        b.iter(|| recommender.recommend(black_box(&profile), programs_only))
    });

    let batch = varied_profiles(catalog, 1_000);
    let mut group = c.benchmark_group("batch");
    group.throughput(Throughput::Elements(batch.len() as u64));
    group.bench_function("recommend_1000_profiles", |b| {
        b.iter(|| {
            for p in &batch {
                black_box(recommender.recommend(p, limits));
            }
        })
    });
    group.finish();

    let mut group = c.benchmark_group("train");
    group.sample_size(10);
    let data = root().join("data");
    group.bench_function("default_30000_rows", |b| {
        b.iter(|| train(catalog, &data, TrainConfig::default()).unwrap())
    });
    group.finish();
}

criterion_group!(recommend, benches);
criterion_main!(recommend);
