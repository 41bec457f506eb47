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
    // Before anything else, so no signal meets the default action.
    let shutdown = shutdown_signal();
    let reload_on = reload_on_hangup();
    let live = Live::load(Sources::from_config(&config)).with_context(|| {
        format!(
            "cannot start: loading data from {} and model from {}",
            config.data.display(),
            config.model.display()
        )
    })?;
    let snapshot = live.current();
    info!(
        model = snapshot.public().model().version(),
        candidate = snapshot
            .candidate
            .as_ref()
            .map_or("", |c| c.public.model().version()),
        career_paths = snapshot.public().catalog().career_paths.len(),
        work_settings = snapshot.public().catalog().settings.len(),
        programs = snapshot.public().catalog().programs.len(),
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
    reload_on(live.clone());
    server::run_with(listener, live, ServeOptions::from(&config), shutdown).await?;
    Ok(())
}

/// Reloads the model and catalog on each SIGHUP; a failed reload is logged
/// and counted, and the previous version keeps serving. The handler is in
/// place once this returns, so a SIGHUP arriving later (even before the
/// server serves) never meets the default action, which would end the
/// process; it reloads once the returned function is given the snapshot.
fn reload_on_hangup() -> impl FnOnce(Live) {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let hangups = signal(SignalKind::hangup());
        move |live: Live| {
            let Ok(mut hangups) = hangups else {
                warn!("cannot listen for SIGHUP; reload through the Admin service");
                return;
            };
            tokio::spawn(async move {
                while hangups.recv().await.is_some() {
                    info!("received SIGHUP: reloading");
                    // The outcome is logged and counted by `reload` itself.
                    let _ = live.reload().await;
                }
            });
        }
    }
    #[cfg(not(unix))]
    |_live: Live| {}
}

/// Listens for Ctrl-C and SIGTERM (what container runtimes send) from now
/// on, and resolves on the first: a signal that arrives while the server is
/// still starting is kept, and shuts it down as soon as it serves, rather
/// than meeting the default action and killing the process.
fn shutdown_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let interrupt = signal(SignalKind::interrupt());
        let terminate = signal(SignalKind::terminate());
        async move {
            let received = |stream: std::io::Result<tokio::signal::unix::Signal>| async move {
                match stream {
                    Ok(mut stream) => {
                        stream.recv().await;
                    }
                    Err(_) => std::future::pending::<()>().await,
                }
            };
            tokio::select! {
                () = received(interrupt) => info!("received SIGINT"),
                () = received(terminate) => info!("received SIGTERM"),
            }
        }
    }
    #[cfg(not(unix))]
    async {
        let _ = tokio::signal::ctrl_c().await;
        info!("received Ctrl-C");
    }
}
