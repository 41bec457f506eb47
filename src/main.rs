//! The `himrec` command: serve, train, and call a running server.

mod cli;

use clap::Parser;

fn main() -> std::process::ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("himrec: {err:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
