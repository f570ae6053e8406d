//! `ontap completions SHELL` and `ontap man`: both are generated from the
//! clap definition in `cli.rs`, so they never drift from the real options,
//! and worded in the language (`--lang`, else the locale) by
//! `cli::localize`, from `i18n/help.rs`.

use crate::cli::localize::{self, Purpose};
use crate::cli::{CompletionsArgs, Lang};
use crate::error::{Error, Result};
use crate::i18n::help::{self, Help};

pub fn run_completions(args: &CompletionsArgs, lang: Lang) -> Result<()> {
    let mut command = localize::command(lang, Purpose::Completions);
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "ontap", &mut script);
    crate::ui::print(&script)
}

pub fn run_man(lang: Lang) -> Result<()> {
    let page = man_page(lang).map_err(|error| Error::io("<stdout>", error))?;
    crate::ui::print(&page)
}

/// One page for everything, since `ontap man` installs a single file: the
/// top-level page, then a section per command (and per `state` command)
/// with its synopsis, options and example, so `man ontap` has them all.
fn man_page(lang: Lang) -> std::io::Result<Vec<u8>> {
    let help = help::for_lang(lang);
    let command = localize::command(lang, Purpose::ManPage);
    let mut top = Vec::new();
    clap_mangen::Man::new(command.clone()).render(&mut top)?;
    // The commands are sections of this page, not pages of their own.
    let mut page = in_language(&String::from_utf8_lossy(&top), help, ".SH");
    for sub in command.get_subcommands() {
        let reference = format!("ontap\\-{}(1)", sub.get_name().replace('-', "\\-"));
        page = page.replace(&reference, &format!("ontap {}", sub.get_name()));
    }
    page.push_str(help.man_environment_and_files);
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
            let line = format!(".PP\n{}\n", (help.man_also_takes)(&shared.join(", ")));
            section.extend_from_slice(line.as_bytes());
        }
        if sub.get_after_help().is_some() {
            man.render_extra_section(&mut section)?;
        }
        // The sections of one command become subsections under its name.
        let section = String::from_utf8_lossy(&section).replace(".SH ", ".SS ");
        let section = in_language(&section, help, ".SS");
        page.extend_from_slice(format!(".SH \"{}\"\n", name.to_uppercase()).as_bytes());
        page.extend_from_slice(section.as_bytes());
    }
    Ok(page)
}

/// clap_mangen's section headings (`.SH NAME`, and `EXTRA` for the
/// examples), under `macro`, in the language.
fn in_language(page: &str, help: &Help, macro_name: &str) -> String {
    let mut page = page.to_owned();
    for (clap_s, ours) in [
        ("NAME", help.man_name),
        ("SYNOPSIS", help.man_synopsis),
        ("DESCRIPTION", help.man_description),
        ("OPTIONS", help.man_options),
        ("EXTRA", help.man_examples),
        ("VERSION", help.man_version),
    ] {
        let heading = |name: &str| {
            if name.contains(' ') {
                format!("{macro_name} \"{name}\"\n")
            } else {
                format!("{macro_name} {name}\n")
            }
        };
        page = page.replace(&heading(clap_s), &heading(ours));
    }
    page
}

/// Whether `arg` is one of the options several commands share
/// (`--data-dir`, `--decks`, `--color`, `--lang`), described at the top.
fn is_shared(arg: &clap::Arg) -> bool {
    matches!(
        arg.get_id().as_str(),
        "data_dir" | "decks_dir" | "color" | "lang"
    )
}
