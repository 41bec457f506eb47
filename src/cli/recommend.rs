//! `himrec recommend`: call a running server through the generated client
//! and print the answer as a table or as JSON.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::{bail, Context};
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
    /// Rank only the programs of this institution (IPEDS unit id);
    /// repeatable.
    #[arg(long = "unitid")]
    unitids: Vec<u32>,
    /// Scores and figures only, without reasons and skill gaps.
    #[arg(long)]
    basic: bool,
    /// Recommend only programs known to be accredited.
    #[arg(long)]
    require_accreditation: bool,
    /// Recommend only programs known to be fully online.
    #[arg(long)]
    online_only: bool,
    /// Print the response as JSON instead of tables.
    #[arg(long)]
    json: bool,
    /// Language of the explanations and names, a BCP 47 tag: "en" or "es".
    #[arg(long, default_value = "")]
    language: String,
    /// Seconds to wait for the answer.
    #[arg(long, default_value_t = 10)]
    timeout: u64,
}

pub(crate) fn run(args: RecommendArgs) -> anyhow::Result<()> {
    let profile = himrec::client::read_profile_file(&args.profile)?;
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
    let channel = super::connect(&args.addr, Duration::from_secs(args.timeout)).await?;
    let mut client = RecommenderClient::new(channel);
    let request = pb::RecommendRequest {
        profile: Some(profile),
        max_career_paths: args.max_career_paths,
        max_work_settings: args.max_work_settings,
        max_programs: args.max_programs,
        program_filter: Some(pb::ProgramFilter {
            unitids: args.unitids.clone(),
            accreditations: if args.require_accreditation {
                vec![pb::Accreditation::Accredited as i32]
            } else {
                Vec::new()
            },
            delivery_modes: if args.online_only {
                vec![pb::DeliveryMode::Online as i32]
            } else {
                Vec::new()
            },
            ..Default::default()
        }),
        view: if args.basic {
            pb::RecommendView::Basic as i32
        } else {
            pb::RecommendView::Full as i32
        },
        language: args.language.clone(),
        ..Default::default()
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
