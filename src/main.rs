//! The `ontap` binary: parses the command line (worded in the user's
//! language), runs it, and turns an error into one `ontap: …` line on
//! standard error and its exit status.

use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = ontap::cli::parse();
    match ontap::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("ontap: {error}");
            ExitCode::from(error.exit_code())
        }
    }
}
