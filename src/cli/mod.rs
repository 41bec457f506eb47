//! Command-line interface.

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
    /// Train the career-path model on the bundled public data.
    Train(train::TrainArgs),
}

pub(crate) fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Train(args) => train::run(args),
    }
}
