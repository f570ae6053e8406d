use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = ontap::cli::Cli::parse();
    match ontap::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("ontap: {error}");
            ExitCode::from(error.exit_code())
        }
    }
}
