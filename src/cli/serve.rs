//! `himrec serve`: load the configuration, the catalog and the model, then
//! serve until SIGINT or SIGTERM; reload on SIGHUP.

use anyhow::Context;
use tokio::net::TcpListener;
use tracing::{info, warn};

use himrec::config::Config;
use himrec::live::{Live, Sources};
use himrec::model::ModelArtifact;
use himrec::server::{self, ServeOptions, Telemetry};

use super::config::ConfigArgs;

/// Arguments of `himrec serve`.
#[derive(Debug, clap::Args)]
pub(crate) struct ServeArgs {
    #[command(flatten)]
    config: ConfigArgs,
}

pub(crate) fn run(args: ServeArgs) -> anyhow::Result<()> {
    let config = args.config.load()?;
    let runtime = tokio::runtime::Runtime::new().context("starting the runtime")?;
    let telemetry = if config.tracing.enabled() {
        // The version serving at start names the exported resource; the
        // exporter runs on this runtime.
        let version = ModelArtifact::load(&config.model)
            .map(|a| a.model_version)
            .unwrap_or_default();
        let _entered = runtime.enter();
        Some(Telemetry::start(&config.tracing, &version)?)
    } else {
        None
    };
    super::init_tracing(&config.log, telemetry.as_ref());
    if telemetry.is_some() {
        info!(endpoint = %config.tracing.otlp_endpoint, "exporting traces");
    }
    let served = runtime.block_on(serve(config));
    // Outside `block_on`, so the exporter's task can run while this waits.
    if let Some(telemetry) = telemetry {
        telemetry.shutdown();
    }
    served
}

async fn serve(config: Config) -> anyhow::Result<()> {
    let live = Live::load(Sources::from_config(&config)).with_context(|| {
        format!(
            "cannot start: loading data from {} and model from {}",
            config.data.display(),
            config.model.display()
        )
    })?;
    let snapshot = live.current();
    info!(
        model = snapshot.recommender.model().version(),
        career_paths = snapshot.recommender.catalog().career_paths.len(),
        work_settings = snapshot.recommender.catalog().settings.len(),
        programs = snapshot.recommender.catalog().programs.len(),
        "loaded"
    );
    let listener = TcpListener::bind(config.addr)
        .await
        .with_context(|| format!("cannot listen on {}", config.addr))?;
    if let Some(addr) = config.metrics.socket_addr() {
        let metrics_listener = TcpListener::bind(addr)
            .await
            .with_context(|| format!("cannot listen on {addr} (metrics.addr)"))?;
        info!(addr = ?metrics_listener.local_addr().ok(), "metrics at /metrics");
        let metrics = live.metrics().clone();
        tokio::spawn(async move {
            if let Err(err) =
                server::serve_metrics(metrics_listener, metrics, std::future::pending()).await
            {
                warn!(error = %err, "metrics endpoint stopped");
            }
        });
    }
    reload_on_hangup(live.clone());
    server::run_with(
        listener,
        live,
        ServeOptions::from(&config),
        shutdown_signal(),
    )
    .await?;
    Ok(())
}

/// Reloads the model and catalog on each SIGHUP; a failed reload is logged
/// and counted, and the previous version keeps serving.
fn reload_on_hangup(live: Live) {
    #[cfg(unix)]
    tokio::spawn(async move {
        use tokio::signal::unix::{signal, SignalKind};
        let Ok(mut hangups) = signal(SignalKind::hangup()) else {
            warn!("cannot listen for SIGHUP; reload through the Admin service");
            return;
        };
        while hangups.recv().await.is_some() {
            info!("received SIGHUP: reloading");
            // The outcome is logged and counted by `reload` itself.
            let _ = live.reload().await;
        }
    });
    #[cfg(not(unix))]
    let _ = live;
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
