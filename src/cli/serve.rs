//! `himrec serve`: load the catalog and the model, then serve until SIGINT
//! or SIGTERM.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;
use tokio::net::TcpListener;
use tracing::info;

use himrec::server;

/// Arguments of `himrec serve`.
#[derive(Debug, clap::Args)]
pub(crate) struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "HIMREC_ADDR", default_value = "127.0.0.1:50051")]
    addr: SocketAddr,
    /// Data folder.
    #[arg(long, env = "HIMREC_DATA", default_value = "data")]
    data: PathBuf,
    /// Model artifact.
    #[arg(long, env = "HIMREC_MODEL", default_value = "models/career_model.json")]
    model: PathBuf,
    /// The operator's program overlay (CSV or JSON Lines; see README).
    #[arg(long, env = "HIMREC_PROGRAMS_OVERLAY")]
    programs_overlay: Option<PathBuf>,
    /// A browser origin allowed to call through gRPC-Web (CORS); repeat for
    /// several.
    #[arg(
        long = "cors-origin",
        env = "HIMREC_CORS_ORIGINS",
        value_delimiter = ','
    )]
    cors_origins: Vec<String>,
}

pub(crate) fn run(args: ServeArgs) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Runtime::new().context("starting the runtime")?;
    runtime.block_on(serve(args))
}

async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let recommender =
        server::load_with_overlay(&args.data, &args.model, args.programs_overlay.as_deref())
            .with_context(|| {
                format!(
                    "cannot start: loading data from {} and model from {}",
                    args.data.display(),
                    args.model.display()
                )
            })?;
    info!(
        model = recommender.model().version(),
        career_paths = recommender.catalog().career_paths.len(),
        work_settings = recommender.catalog().settings.len(),
        programs = recommender.catalog().programs.len(),
        "loaded"
    );
    let listener = TcpListener::bind(args.addr)
        .await
        .with_context(|| format!("cannot listen on {}", args.addr))?;
    let options = server::ServeOptions {
        cors_origins: args.cors_origins,
    };
    server::run_with(listener, Arc::new(recommender), options, shutdown_signal()).await?;
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM (what container runtimes send).
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => info!("received SIGINT"),
        () = terminate => info!("received SIGTERM"),
    }
}
