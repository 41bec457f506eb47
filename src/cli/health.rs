//! `himrec health`: ask a server's `grpc.health.v1.Health` whether it is
//! serving; exit 0 if so. Used by the container's health check.

use std::time::Duration;

use anyhow::{bail, Context};
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;
use tonic_health::pb::HealthCheckRequest;

/// Arguments of `himrec health`.
#[derive(Debug, clap::Args)]
pub(crate) struct HealthArgs {
    /// Server address, `host:port` or a URL.
    #[arg(long, env = "HIMREC_ADDR", default_value = "127.0.0.1:50051")]
    addr: String,
    /// Service to ask about; empty means the whole server.
    #[arg(long, default_value = "")]
    service: String,
    /// Seconds to wait.
    #[arg(long, default_value_t = 3)]
    timeout: u64,
}

pub(crate) fn run(args: HealthArgs) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Runtime::new().context("starting the runtime")?;
    runtime.block_on(async {
        let channel = super::connect(&args.addr, Duration::from_secs(args.timeout)).await?;
        let status = HealthClient::new(channel)
            .check(HealthCheckRequest {
                service: args.service.clone(),
            })
            .await
            .context("health check failed")?
            .into_inner()
            .status();
        println!("{}", status.as_str_name());
        if status != ServingStatus::Serving {
            bail!("not serving");
        }
        Ok(())
    })
}
