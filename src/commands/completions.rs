//! `ontap completions SHELL` and `ontap man`: both are generated from the
//! clap definition in `cli.rs`, so they never drift from the real options.

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};
use crate::error::{Error, Result};

pub fn run_completions(args: &CompletionsArgs) -> Result<()> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "ontap", &mut script);
    crate::ui::print(&script)
}

pub fn run_man() -> Result<()> {
    let page = man_page().map_err(|error| Error::io("<stdout>", error))?;
    crate::ui::print(&page)
}

/// The variables ontap reads and the files it keeps, for `man ontap`.
const ENVIRONMENT_AND_FILES: &str = r#".SH ENVIRONMENT
.TP
\fBONTAP_DATA_DIR\fR
Where the review log and the schedule cache are kept, as \fB\-\-data\-dir\fR (which wins); empty means unset.
.TP
\fBONTAP_DECKS\fR
A folder of decks to study instead of the library, as \fB\-\-decks\fR; empty means unset.
.TP
\fBONTAP_NOW\fR
The time to take as now, in RFC 3339 (\fB2026\-11\-29T09:00:00+07:00\fR): to replay a day, or for tests.
.TP
\fBNO_COLOR\fR
When set and not empty, no colour (unless \fB\-\-color always\fR).
.TP
\fBLANG\fR, \fBLC_MESSAGES\fR, \fBLC_ALL\fR
Messages are in Vietnamese when the locale is (\fBvi_VN.UTF\-8\fR), in English otherwise; \fB\-\-lang\fR chooses.
.SH FILES
.TP
\fI~/.local/share/ontap/\fR
The data directory on Linux (the platform's data directory elsewhere), unless \fBONTAP_DATA_DIR\fR or \fB\-\-data\-dir\fR names another.
.TP
\fIDATA_DIR/reviews.toml\fR
The review log: every answer, appended and never rewritten; the source of truth.
.TP
\fIDATA_DIR/schedule.toml\fR
The schedule cache, derived from the log (\fBontap state rebuild\fR recomputes it).
.TP
\fIDATA_DIR/decks/\fR
The library: the decks \fBontap add\fR compiles, beside the bundled deck.
.TP
\fIDATA_DIR/lock\fR
Held while a session writes, so that only one writes at a time.
"#;

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
    let mut page = page.replace(".SH EXTRA", ".SH EXAMPLES");
    page.push_str(ENVIRONMENT_AND_FILES);
    let mut page = page.into_bytes();
    let mut commands: Vec<&clap::Command> = Vec::new();
    for sub in command.get_subcommands() {
        commands.push(sub);
        commands.extend(sub.get_subcommands());
    }
    for sub in commands {
        let name = sub
            .get_bin_name()
            .map_or_else(|| format!("ontap {}", sub.get_name()), String::from);
        // The shared options are described once, at the top; each command
        // names those it takes.
        let shared: Vec<String> = sub
            .get_arguments()
            .filter(|arg| is_shared(arg))
            .filter_map(|arg| arg.get_long())
            .map(|long| format!("\\fB\\-\\-{}\\fR", long.replace('-', "\\-")))
            .collect();
        let own = sub
            .clone()
            .mut_args(|arg| if is_shared(&arg) { arg.hide(true) } else { arg });
        let man = clap_mangen::Man::new(own);
        let mut section = Vec::new();
        man.render_description_section(&mut section)?;
        man.render_synopsis_section(&mut section)?;
        if sub
            .get_arguments()
            .any(|arg| !arg.is_hide_set() && !is_shared(arg))
        {
            man.render_options_section(&mut section)?;
        }
        if !shared.is_empty() {
            let line = format!(
                ".PP\nAlso takes {} (see OPTIONS above).\n",
                shared.join(", ")
            );
            section.extend_from_slice(line.as_bytes());
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

/// Whether `arg` is one of the options several commands share
/// (`--data-dir`, `--decks`, `--color`, `--lang`), described at the top.
fn is_shared(arg: &clap::Arg) -> bool {
    matches!(
        arg.get_id().as_str(),
        "data_dir" | "decks_dir" | "color" | "lang"
    )
}
