//! The `ontap` binary: parses the command line (worded in the user's
//! language), runs it, and turns an error (worded by `ontap::run`) into one
//! `ontap: …` line on standard error and its exit status.

use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = ontap::cli::parse();
    match ontap::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("ontap: {}", failure.message);
            ExitCode::from(failure.exit_code)
        }
    }
}
