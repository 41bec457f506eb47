//! The `himrec` command: serve, train, and call a running server.

mod cli;

use clap::Parser;

// A recommendation builds many small strings; mimalloc serves them with
// less contention and overhead than the system allocator (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
