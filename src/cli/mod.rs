//! Command-line interface.

mod compare;
mod config;
mod eval;
mod health;
mod plots;
mod progress;
mod recommend;
mod requests;
mod serve;
mod table;
mod train;

/// Recommends Health Information Management career paths, work settings
/// and programs.
#[derive(Debug, clap::Parser)]
#[command(name = "himrec", version)]
pub(crate) struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// Serve the Recommender, health and reflection over gRPC.
    Serve(serve::ServeArgs),
    /// Train the career-path model on the bundled public data.
    Train(train::TrainArgs),
    /// Recompute and write the held-out evaluation of a model.
    Eval(eval::EvalArgs),
    /// Compare two models' answers to a file of requests before promoting
    /// one.
    Compare(compare::CompareArgs),
    /// Ask a running server for recommendations for a profile file.
    Recommend(recommend::RecommendArgs),
    /// Check that a running server is serving (exit 0) or not (exit 1).
    Health(health::HealthArgs),
    /// Check or show the server configuration; make API keys.
    Config(config::ConfigCommand),
    /// Print the OpenAPI 3.1 document of the HTTP/JSON door (what
    /// `docs/openapi.json` holds and the server serves at `/openapi.json`),
    /// or its 3.0 form.
    Openapi {
        /// The OpenAPI 3.0.3 form (`docs/openapi-3.0.json`, served at
        /// `/openapi-3.0.json`), for tools that read no later version.
        #[arg(long = "3.0")]
        v3_0: bool,
    },
    /// Write the binary FileDescriptorSet of `proto/` (with its imports) to
    /// stdout, for clients that read the services at run time.
    Descriptors,
}

pub(crate) fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve(args) => serve::run(args),
        Command::Train(args) => train::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Compare(args) => compare::run(args),
        Command::Recommend(args) => recommend::run(args),
        Command::Health(args) => health::run(args),
        Command::Config(command) => config::run(command),
        Command::Openapi { v3_0 } => {
            print!("{}", himrec::server::openapi_document(v3_0));
            Ok(())
        }
        Command::Descriptors => {
            use std::io::Write;
            std::io::stdout().write_all(himrec::pb::FILE_DESCRIPTOR_SET)?;
            Ok(())
        }
    }
}

/// Logs to stderr, filtered by `RUST_LOG` or else `log.level`; as text on
/// a terminal and JSON lines otherwise, unless `log.format` says which.
/// With `telemetry`, this crate's spans (debug level and above) are also
/// exported, whatever the log level.
fn init_tracing(log: &himrec::config::Log, telemetry: Option<&himrec::server::Telemetry>) {
    use himrec::config::LogFormat;
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;
    use tracing_subscriber::Layer;

    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(&log.level));
    let terminal = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let json = match log.format {
        LogFormat::Json => true,
        LogFormat::Text => false,
        LogFormat::Auto => !terminal,
    };
    let fmt = tracing_subscriber::fmt::layer().with_writer(std::io::stderr);
    let fmt = if json {
        fmt.json().with_current_span(true).boxed()
    } else {
        fmt.with_ansi(terminal).boxed()
    };
    let exported = telemetry.map(|t| {
        let targets = tracing_subscriber::filter::Targets::new()
            .with_target(himrec::server::EXPORTED_TARGET, tracing::Level::DEBUG);
        tracing_opentelemetry::layer()
            .with_tracer(t.tracer())
            .with_filter(targets)
    });
    tracing_subscriber::registry()
        .with(fmt.with_filter(filter))
        .with(exported)
        .init();
}

/// A channel to `addr` (`host:port` or a URL) whose connection and calls
/// give up after `timeout`.
async fn connect(
    addr: &str,
    timeout: std::time::Duration,
) -> anyhow::Result<tonic::transport::Channel> {
    use anyhow::Context;

    let url = if addr.contains("://") {
        addr.to_owned()
    } else {
        format!("http://{addr}")
    };
    tonic::transport::Endpoint::from_shared(url.clone())
        .with_context(|| format!("bad address {url}"))?
        .connect_timeout(timeout)
        .timeout(timeout)
        .connect()
        .await
        .with_context(|| format!("cannot connect to {url}"))
}
