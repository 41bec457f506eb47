//! `himrec recommend`: call a running server through the generated client
//! and print the answer as a table or as JSON.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{bail, Context};
use serde::Deserialize;
use tonic::transport::Endpoint;
use tonic_types::StatusExt;

use himrec::pb;
use himrec::pb::recommender_client::RecommenderClient;

/// Arguments of `himrec recommend`.
#[derive(Debug, clap::Args)]
pub(crate) struct RecommendArgs {
    /// Server address, `host:port` or a URL.
    #[arg(long, env = "HIMREC_ADDR", default_value = "127.0.0.1:50051")]
    addr: String,
    /// Profile as JSON (see examples/profile.json).
    #[arg(long)]
    profile: PathBuf,
    /// Career paths to ask for (0: server default).
    #[arg(long, default_value_t = 0)]
    max_career_paths: u32,
    /// Work settings to ask for (0: server default).
    #[arg(long, default_value_t = 0)]
    max_work_settings: u32,
    /// Programs to ask for (0: server default).
    #[arg(long, default_value_t = 0)]
    max_programs: u32,
    /// Print the response as JSON instead of tables.
    #[arg(long)]
    json: bool,
    /// Seconds to wait for the answer.
    #[arg(long, default_value_t = 10)]
    timeout: u64,
}

/// A profile file: the `Profile` message in JSON, with the education level
/// written as a word (`"bachelor"`) or the enum name.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileFile {
    #[serde(default)]
    skills: HashMap<String, f64>,
    interests: Option<InterestsFile>,
    #[serde(default)]
    highest_education: Option<String>,
    #[serde(default)]
    credentials: Vec<String>,
    #[serde(default)]
    state: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct InterestsFile {
    realistic: f64,
    investigative: f64,
    artistic: f64,
    social: f64,
    enterprising: f64,
    conventional: f64,
}

fn education_code(word: &str) -> anyhow::Result<i32> {
    let name = word.trim().to_ascii_uppercase().replace([' ', '-'], "_");
    let full = if name.starts_with("EDUCATION_LEVEL_") {
        name
    } else {
        format!("EDUCATION_LEVEL_{name}")
    };
    match pb::EducationLevel::from_str_name(&full) {
        Some(level) => Ok(level as i32),
        None => bail!(
            "unknown highest_education {word:?}: use e.g. \"associate\", \"bachelor\", \"master\""
        ),
    }
}

fn read_profile(path: &PathBuf) -> anyhow::Result<pb::Profile> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let file: ProfileFile =
        serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
    Ok(pb::Profile {
        skills: file.skills,
        interests: file.interests.map(|i| pb::RiasecScores {
            realistic: i.realistic,
            investigative: i.investigative,
            artistic: i.artistic,
            social: i.social,
            enterprising: i.enterprising,
            conventional: i.conventional,
        }),
        highest_education: file
            .highest_education
            .as_deref()
            .map(education_code)
            .transpose()?
            .unwrap_or(0),
        credentials: file.credentials,
        state: file.state,
    })
}

pub(crate) fn run(args: RecommendArgs) -> anyhow::Result<()> {
    let profile = read_profile(&args.profile)?;
    let runtime = tokio::runtime::Runtime::new().context("starting the runtime")?;
    let response = runtime.block_on(call(&args, profile))?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&response)?);
    } else {
        print!("{}", super::table::render(&response));
    }
    Ok(())
}

async fn call(args: &RecommendArgs, profile: pb::Profile) -> anyhow::Result<pb::RecommendResponse> {
    let url = super::url(&args.addr);
    let timeout = Duration::from_secs(args.timeout);
    let channel = Endpoint::from_shared(url.clone())
        .with_context(|| format!("bad address {url}"))?
        .connect_timeout(timeout)
        .timeout(timeout)
        .connect()
        .await
        .with_context(|| format!("cannot connect to {url}"))?;
    let mut client = RecommenderClient::new(channel);
    let request = pb::RecommendRequest {
        profile: Some(profile),
        max_career_paths: args.max_career_paths,
        max_work_settings: args.max_work_settings,
        max_programs: args.max_programs,
    };
    match client.recommend(request).await {
        Ok(response) => Ok(response.into_inner()),
        Err(status) => {
            let mut message = format!("{:?}: {}", status.code(), status.message());
            if let Some(bad) = status.get_details_bad_request() {
                for v in bad.field_violations {
                    message.push_str(&format!("\n  {}: {}", v.field, v.description));
                }
            }
            bail!(message)
        }
    }
}
