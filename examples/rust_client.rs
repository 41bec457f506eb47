//! A Rust service calling himrec through the generated clients: one
//! `Recommend` and a full pass over `ListPrograms`, each with a deadline.
//!
//! ```sh
//! cargo run --release -- serve &
//! cargo run --release --example rust_client -- 127.0.0.1:50051
//! ```

use std::time::Duration;

use himrec::pb;
use himrec::pb::catalog_client::CatalogClient;
use himrec::pb::recommender_client::RecommenderClient;
use tonic::transport::Endpoint;
use tonic::Request;

type Error = Box<dyn std::error::Error + Send + Sync>;

/// A request that the server abandons (`DEADLINE_EXCEEDED`) after `after`.
fn with_deadline<T>(message: T, after: Duration) -> Request<T> {
    let mut request = Request::new(message);
    request.set_timeout(after);
    request
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:50051".into());
    // One channel, shared by both clients; it reconnects by itself.
    let channel = Endpoint::from_shared(format!("http://{addr}"))?
        .connect_timeout(Duration::from_secs(2))
        .connect()
        .await?;

    let mut recommender = RecommenderClient::new(channel.clone());
    let profile = pb::Profile {
        skills: [("clinical_coding", 0.9), ("medical_terminology", 0.8)]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
        highest_education: pb::EducationLevel::Associate as i32,
        state: "OH".into(),
        ..Default::default()
    };
    let request = pb::RecommendRequest {
        profile: Some(profile),
        max_programs: 3,
        ..Default::default()
    };
    let answer = recommender
        .recommend(with_deadline(request, Duration::from_millis(500)))
        .await?
        .into_inner();
    for path in &answer.career_paths {
        println!("{:.3}  {}  {}", path.score, path.soc_code, path.title);
    }
    for program in answer.programs.iter().filter_map(|p| p.program.as_ref()) {
        println!(
            "program: {} ({})",
            program.institution_name, program.credential_description
        );
    }

    let mut catalog = CatalogClient::new(channel);
    let mut request = pb::ListProgramsRequest {
        page_size: 200,
        states: vec!["OH".into()],
        credential_levels: vec![2, 3],
        ..Default::default()
    };
    let mut seen = 0;
    loop {
        let page = catalog
            .list_programs(with_deadline(request.clone(), Duration::from_secs(2)))
            .await?
            .into_inner();
        seen += page.programs.len();
        if page.next_page_token.is_empty() {
            println!(
                "{seen} of {} associate's and bachelor's programs in Ohio",
                page.total_size
            );
            break;
        }
        request.page_token = page.next_page_token;
    }
    Ok(())
}
