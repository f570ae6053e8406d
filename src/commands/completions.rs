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
    let page = man_page().map_err(|error| Error::io("<stdout>", error))?;
    write_stdout(&page)
}

/// One page for everything, since `ontap man` installs a single file: the
/// top-level page, then a section per command (and per `state` command)
/// with its synopsis, options and example, so `man ontap` has them all.
fn man_page() -> std::io::Result<Vec<u8>> {
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    let mut top = Vec::new();
    clap_mangen::Man::new(command.clone()).render(&mut top)?;
    // The commands are sections of this page, not pages of their own.
    let mut page = String::from_utf8_lossy(&top).into_owned();
    for sub in command.get_subcommands() {
        let reference = format!("ontap\\-{}(1)", sub.get_name().replace('-', "\\-"));
        page = page.replace(&reference, &format!("ontap {}", sub.get_name()));
    }
    let mut page = page.replace(".SH EXTRA", ".SH EXAMPLES").into_bytes();
    let mut commands: Vec<&clap::Command> = Vec::new();
    for sub in command.get_subcommands() {
        commands.push(sub);
        commands.extend(sub.get_subcommands());
    }
    for sub in commands {
        let name = sub
            .get_bin_name()
            .map_or_else(|| format!("ontap {}", sub.get_name()), String::from);
        // The global options are described once, at the top.
        let own = sub.clone().mut_args(|arg| {
            if arg.is_global_set() {
                arg.hide(true)
            } else {
                arg
            }
        });
        let man = clap_mangen::Man::new(own);
        let mut section = Vec::new();
        man.render_description_section(&mut section)?;
        man.render_synopsis_section(&mut section)?;
        if sub.get_arguments().any(|arg| !arg.is_hide_set()) {
            man.render_options_section(&mut section)?;
        }
        if sub.get_after_help().is_some() {
            man.render_extra_section(&mut section)?;
        }
        // The sections of one command become subsections under its name.
        let section = String::from_utf8_lossy(&section)
            .replace(".SH EXTRA", ".SS EXAMPLES")
            .replace(".SH ", ".SS ");
        page.extend_from_slice(format!(".SH \"{}\"\n", name.to_uppercase()).as_bytes());
        page.extend_from_slice(section.as_bytes());
    }
    Ok(page)
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
