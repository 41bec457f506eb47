//! `himrec config`: check a configuration, show the effective one, make API
//! keys. Also the flags `serve` shares.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;

use himrec::config::{Config, Override};
use himrec::server;

/// Where the configuration comes from: the file, then `HIMREC_*`
/// variables, then these flags.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct ConfigArgs {
    /// Configuration file (TOML); see docs/operations.md.
    #[arg(long, env = "HIMREC_CONFIG")]
    config: Option<PathBuf>,
    /// Address to listen on (`addr`).
    #[arg(long)]
    addr: Option<SocketAddr>,
    /// Data folder (`data`).
    #[arg(long)]
    data: Option<PathBuf>,
    /// Model artifact (`model`).
    #[arg(long)]
    model: Option<PathBuf>,
    /// The operator's program overlay, CSV or JSON Lines (`programs_overlay`).
    #[arg(long)]
    programs_overlay: Option<PathBuf>,
    /// A browser origin allowed to call through gRPC-Web; repeat for
    /// several (`cors_origins`).
    #[arg(long = "cors-origin")]
    cors_origins: Vec<String>,
    /// Address of the Prometheus endpoint (`metrics.addr`).
    #[arg(long)]
    metrics_addr: Option<String>,
    /// Any setting, e.g. `--set limits.max_concurrent_calls=64`; repeatable.
    #[arg(long = "set", value_name = "KEY=VALUE")]
    set: Vec<String>,
}

impl ConfigArgs {
    fn overrides(&self) -> anyhow::Result<Vec<Override>> {
        let mut all = Override::from_env(std::env::vars())?;
        let path = |p: &PathBuf| p.display().to_string();
        let flags = [
            ("--addr", "addr", self.addr.map(|a| a.to_string())),
            ("--data", "data", self.data.as_ref().map(path)),
            ("--model", "model", self.model.as_ref().map(path)),
            (
                "--programs-overlay",
                "programs_overlay",
                self.programs_overlay.as_ref().map(path),
            ),
            (
                "--cors-origin",
                "cors_origins",
                (!self.cors_origins.is_empty()).then(|| self.cors_origins.join(",")),
            ),
            ("--metrics-addr", "metrics.addr", self.metrics_addr.clone()),
        ];
        for (flag, key, value) in flags {
            if let Some(value) = value {
                all.push(Override::flag(flag, key, value));
            }
        }
        for set in &self.set {
            all.push(Override::parse_set(set)?);
        }
        Ok(all)
    }

    /// The effective configuration, validated.
    pub(crate) fn load(&self) -> anyhow::Result<Config> {
        let config = Config::load(self.config.as_deref(), &self.overrides()?);
        match &self.config {
            Some(path) => config.with_context(|| format!("configuration {}", path.display())),
            None => Ok(config?),
        }
    }
}

/// Arguments of `himrec config`.
#[derive(Debug, clap::Args)]
pub(crate) struct ConfigCommand {
    #[command(subcommand)]
    action: Action,
}

#[derive(Debug, clap::Subcommand)]
enum Action {
    /// Validate a configuration and everything it names (data, model,
    /// overlay, TLS files) without serving; exit 1 naming the first problem.
    Check {
        /// Configuration file (TOML).
        file: PathBuf,
    },
    /// Print the effective configuration (file, then HIMREC_* variables,
    /// then flags) as TOML, secrets redacted.
    Show(ConfigArgs),
    /// Make a new API key: prints the token (give it to the caller) and the
    /// lines to add to the configuration (which store only its SHA-256).
    NewKey {
        /// Who will hold the key, e.g. `admissions-backend`.
        name: String,
        /// `client`, `admin` or `publishable`.
        #[arg(long, default_value = "client")]
        role: String,
        /// A publishable key (`--role publishable`): one a web page shows
        /// to its visitors, good only from `--origin` and for `--tenant`.
        #[arg(long, conflicts_with = "role", requires_all = ["origin", "tenant"])]
        publishable: bool,
        /// An origin of the pages that use a publishable key, e.g.
        /// `https://apply.example.edu`; repeat for several.
        #[arg(long, value_name = "URL")]
        origin: Vec<String>,
        /// The tenant a publishable key speaks for.
        #[arg(long)]
        tenant: Option<String>,
        /// A quota: the calls a second the key may make on average.
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
        calls_per_second: Option<u32>,
        /// The calls it may make at once after a quiet spell (needs
        /// `--calls-per-second`; default one second's worth).
        #[arg(long, requires = "calls_per_second", value_parser = clap::value_parser!(u32).range(1..))]
        burst: Option<u32>,
    },
}

pub(crate) fn run(command: ConfigCommand) -> anyhow::Result<()> {
    match command.action {
        Action::Check { file } => {
            let overrides = Override::from_env(std::env::vars())?;
            let config = Config::load(Some(&file), &overrides)
                .with_context(|| format!("configuration {}", file.display()))?;
            let views = server::check(&config)
                .with_context(|| format!("{}: the files it names do not load", file.display()))?;
            let candidate = views
                .candidate
                .as_ref()
                .map(|c| format!(", candidate {}", c.public.model().version()))
                .unwrap_or_default();
            println!(
                "{}: ok (model {}{candidate}, {} programs, tls {}, {} API keys, {} tenants)",
                file.display(),
                views.public.model().version(),
                views.public.catalog().programs.len(),
                if config.tls.enabled() { "on" } else { "off" },
                config.auth.keys.len(),
                views.tenants.len()
            );
            for (name, view) in &views.tenants {
                println!(
                    "  tenant {name}: {} programs",
                    view.catalog().programs.len()
                );
            }
            Ok(())
        }
        Action::Show(args) => {
            print!("{}", args.load()?.redacted_toml());
            Ok(())
        }
        Action::NewKey {
            name,
            role,
            publishable,
            origin,
            tenant,
            calls_per_second,
            burst,
        } => {
            let role = if publishable {
                "publishable".to_owned()
            } else {
                role
            };
            anyhow::ensure!(
                matches!(role.as_str(), "client" | "admin" | "publishable"),
                "--role must be client, admin or publishable"
            );
            let bound = role == "publishable";
            anyhow::ensure!(
                bound != origin.is_empty() && bound == tenant.is_some(),
                "a publishable key needs --origin and --tenant, and only a publishable key takes them"
            );
            let (token, sha256) = server::new_token();
            println!("# Give this token to {name}; it is shown only once:");
            println!("#   {token}");
            println!("# and add these lines to the configuration:");
            println!("[[auth.keys]]");
            println!("name = {name:?}");
            println!("sha256 = {sha256:?}");
            println!("role = {role:?}");
            if let Some(rate) = calls_per_second {
                println!("calls_per_second = {rate}");
            }
            if let Some(burst) = burst {
                println!("burst = {burst}");
            }
            if bound {
                println!("origins = {origin:?}");
            }
            if let Some(tenant) = tenant {
                println!("# and list {name:?} under the keys of tenant {tenant:?}:");
                println!("#   [[tenants]]");
                println!("#   name = {tenant:?}");
                println!("#   keys = [..., {name:?}]");
            }
            Ok(())
        }
    }
}
