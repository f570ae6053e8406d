//! The `ontap` binary: parses the command line, runs it, and turns an error
//! (worded by `ontap::run`) into one `ontap: …` line on standard error and its exit status.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = ontap::cli::Cli::parse();
    match ontap::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("ontap: {}", failure.message);
            ExitCode::from(failure.exit_code)
        }
    }
}
