//! `ontap completions SHELL` and `ontap man`: both are generated from the
//! clap definition in `cli.rs`, so they never drift from the real options.

use std::io::Write;

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};
use crate::error::{Error, Result};

pub fn run_completions(args: &CompletionsArgs) -> Result<()> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "ontap", &mut script);
    write_stdout(&script)
}

pub fn run_man() -> Result<()> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .map_err(|error| Error::io("<stdout>", error))?;
    write_stdout(&page)
}

/// Writes to standard output; a closed pipe (`ontap man | head`) is not an
/// error. Shared by the commands that print files (stats, export).
pub(super) fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(error) => Err(Error::io("<stdout>", error)),
    }
}
