//! `Cli`'s `clap::Command` in one language. The derive in `cli.rs` gives
//! the shape (names, types, defaults); every text (about, option help,
//! examples, and clap's own words: headings, "Print help", "[default: …]")
//! comes from the language's [`Help`] table, so one command serves the
//! help, the usage errors, the man page and the completions alike.
//!
//! We keep the derive rather than move to the builder API: the typed
//! `Cli` stays the one parser, and the texts are laid on by walking the
//! command once (what the derive would write from doc comments, but per
//! language). The flags clap adds itself (`--help`, `--version`, the `help`
//! command) exist only once the command is built, so they are worded after
//! `build`, in place (clap's `mut_arg` would reorder a built command's
//! arguments; `mut_args` maps them where they are).

use clap::builder::{Str, StyledStr};
use clap::{Arg, Command, CommandFactory};

use super::{Cli, Lang};
use crate::i18n::help::{self, CommandText, Help};

/// What the command is built for: the man page sets out sections of its
/// own and says nothing of the variables set where it was generated; a
/// completion's description is the option's help alone (the shell offers
/// the values itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// `--help` and usage errors.
    Help,
    Completions,
    ManPage,
}

/// The command line of ontap, worded in `lang`.
pub fn command(lang: Lang, purpose: Purpose) -> Command {
    let help = help::for_lang(lang);
    let mut command = with_texts(Cli::command(), "", help, purpose);
    command.build();
    word_built(&mut command, "", help, purpose);
    command
}

/// The about, examples and layout of `command` (named `path`, `""` for
/// ontap itself) and its subcommands, before the command is built (the
/// `help` command copies the abouts when it is made).
fn with_texts(command: Command, path: &str, help: &'static Help, purpose: Purpose) -> Command {
    let mut command = match texts_of(help, path) {
        Some(Texts::Command(text)) => command.about(text.about).after_help(text.examples),
        Some(Texts::About(about)) => command.about(about),
        None => command,
    };
    let template = template(help, &command);
    command = command
        .help_template(template)
        .subcommand_help_heading(help.commands_heading)
        .subcommand_value_name(help.command_placeholder)
        // The `help` command is not one to document.
        .disable_help_subcommand(purpose == Purpose::ManPage);
    for sub in command.get_subcommands_mut() {
        let name = join(path, sub.get_name());
        *sub = with_texts(std::mem::take(sub), &name, help, purpose);
    }
    command
}

/// clap's template, with the usage heading in the language (clap writes
/// "Usage:" itself), styled as clap styles it.
fn template(help: &Help, command: &Command) -> StyledStr {
    let style = command.get_styles().get_usage();
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{style}{}:{style:#} {{usage}}\n\n{{all-args}}{{after-help}}",
        help.usage_heading
    );
    StyledStr::from(template)
}

/// The arguments' texts, the flags and the `help` command clap added, and
/// the usage line, of a built command and its subcommands.
fn word_built(command: &mut Command, path: &str, help: &'static Help, purpose: Purpose) {
    let in_help_tree = path == "help" || path.ends_with(" help");
    *command = std::mem::take(command).mut_args(|arg| {
        if in_help_tree {
            return arg.help(help.help_command_argument);
        }
        word_arg(arg, path, help, purpose)
    });
    if in_help_tree || command.get_name() == "help" {
        *command = std::mem::take(command).about(help.help_command);
    }
    if purpose == Purpose::ManPage {
        *command = std::mem::take(command)
            .subcommand_help_heading(help.man_commands)
            .subcommand_value_name(None);
    }
    for sub in command.get_subcommands_mut() {
        let name = join(path, sub.get_name());
        word_built(sub, &name, help, purpose);
    }
    // Last: the value names are in the language now; only `[OPTIONS]` is
    // clap's, and clap's own word stays where it is the language's.
    let usage = command.render_usage().to_string();
    let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
    if usage.contains("[OPTIONS]") && help.options_placeholder != "[OPTIONS]" {
        let usage = usage.replace("[OPTIONS]", help.options_placeholder);
        *command = std::mem::take(command).override_usage(usage);
    }
}

/// One argument in the language: its help with the default, variable and
/// values clap would add (in clap's words, which are English), its value
/// names and its heading.
fn word_arg(arg: Arg, path: &str, help: &'static Help, purpose: Purpose) -> Arg {
    let id = arg.get_id().as_str().to_owned();
    let own = match id.as_str() {
        "help" => Some(help.print_help),
        "version" => Some(help.print_version),
        _ => arg_help(help, path, &id),
    };
    let Some(own) = own else {
        // Not in the table: `every_argument_has_its_words` says which.
        return arg;
    };
    let mut notes = Vec::new();
    if let Some(variable) = arg.get_env()
        && purpose == Purpose::Help
        && !arg.is_hide_env_set()
    {
        let value = std::env::var_os(variable).unwrap_or_default();
        let shown = format!("{}={}", variable.to_string_lossy(), value.to_string_lossy());
        notes.push((help.environment_variable)(&shown));
    }
    if purpose == Purpose::Completions {
        // No notes.
    } else if arg.get_action().takes_values() && !arg.get_default_values().is_empty() {
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|value| value.to_string_lossy().into_owned())
            .collect();
        notes.push((help.default_value)(&defaults.join(" ")));
    }
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|value| !value.is_hide_set())
        .map(|value| value.get_name().to_owned())
        .collect();
    if arg.get_action().takes_values() && !values.is_empty() && purpose != Purpose::Completions {
        notes.push((help.possible_values)(&values.join(", ")));
    }
    let text = if notes.is_empty() {
        own.to_owned()
    } else {
        format!("{own} {}", notes.join(" "))
    };
    let value_names: Vec<Str> = arg
        .get_value_names()
        .unwrap_or_default()
        .iter()
        .map(|name| value_name(help, name.as_str()).map_or_else(|| name.clone(), Str::from))
        .collect();
    let heading = match purpose {
        Purpose::ManPage => None,
        Purpose::Help | Purpose::Completions if arg.is_positional() => Some(help.arguments_heading),
        Purpose::Help | Purpose::Completions => Some(help.options_heading),
    };
    let mut arg = arg
        .help(text)
        .hide_env(true)
        .hide_default_value(true)
        .hide_possible_values(true)
        .help_heading(heading);
    if !value_names.is_empty() {
        arg = arg.value_names(value_names);
    }
    arg
}

/// A command's texts: most have examples, `state` only its commands.
enum Texts {
    Command(&'static CommandText),
    About(&'static str),
}

/// The texts of the command named `path` (`"state check"`).
fn texts_of(help: &'static Help, path: &str) -> Option<Texts> {
    let text = match path {
        "" => &help.ontap,
        "compile" => &help.compile,
        "study" => &help.study,
        "quiz" => &help.quiz,
        "review" => &help.review,
        "decks" => &help.decks,
        "add" => &help.add,
        "state" => return Some(Texts::About(help.state)),
        "state check" => &help.state_check,
        "state rebuild" => &help.state_rebuild,
        "state merge" => &help.state_merge,
        "stats" => &help.stats,
        "export" => &help.export,
        "handin" => &help.handin,
        "class" => &help.class,
        "completions" => &help.completions,
        "man" => &help.man,
        _ => return None,
    };
    Some(Texts::Command(text))
}

/// The help of argument `id` of the command named `path`.
fn arg_help(help: &'static Help, path: &str, id: &str) -> Option<&'static str> {
    let text = match (path, id) {
        (_, "data_dir") => help.data_dir,
        (_, "decks_dir") => help.decks_dir,
        (_, "color") => help.color,
        (_, "lang") => help.lang,
        ("compile" | "add", "paths") => help.lesson_paths,
        ("compile", "out_dir") => help.out_dir,
        ("compile", "explain") => help.explain,
        ("study", "decks") => help.study_decks,
        ("study", "flip") => help.flip,
        ("study", "new_per_day") => help.new_per_day,
        ("study", "limit") => help.limit,
        ("study", "direction") => help.direction,
        ("quiz", "decks") => help.quiz_decks,
        ("quiz", "kind") => help.kind,
        ("quiz", "count") => help.count,
        ("quiz", "seed") => help.seed,
        ("review", "decks") => help.review_decks,
        ("decks", "decks") => help.listed_decks,
        ("state merge", "other") => help.other_data_dir,
        ("stats", "decks") => help.stats_decks,
        ("stats" | "class", "json") => help.json,
        ("export", "decks") => help.export_decks,
        ("export", "format") => help.format,
        ("export", "output") => help.export_output,
        ("handin", "decks") => help.handin_decks,
        ("handin", "name") => help.name,
        ("handin", "output") => help.handin_output,
        ("class", "inputs") => help.class_inputs,
        ("class", "html") => help.html,
        ("class", "anonymous") => help.anonymous,
        ("completions", "shell") => help.shell,
        _ => return None,
    };
    Some(text)
}

/// A value name (`DIR`, as `cli.rs` writes it) in the language; `N` and
/// `S` are the same in every language.
fn value_name(help: &'static Help, name: &str) -> Option<&'static str> {
    let text = match name {
        "DIR" => help.value_dir,
        "DECK" => help.value_deck,
        "PATH" => help.value_path,
        "FILE" => help.value_file,
        "NAME" => help.value_name,
        "OTHER_DATA_DIR" => help.value_other_data_dir,
        "FILE|DIR|DECK" => help.value_class_inputs,
        "KIND" => help.value_kind,
        "COLOR" => help.value_color,
        "LANG" => help.value_lang,
        "DIRECTION" => help.value_direction,
        "FORMAT" => help.value_format,
        "SHELL" => help.value_shell,
        _ => return None,
    };
    Some(text)
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path} {name}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command, argument and value name of `Cli` has its words in
    /// the table, so none is left in no language at all.
    #[test]
    fn every_argument_has_its_words() {
        fn check(command: &Command, path: &str, help: &'static Help) {
            if !path.is_empty() && path.split(' ').any(|name| name == "help") {
                return;
            }
            assert!(texts_of(help, path).is_some(), "no texts for `{path}`");
            for arg in command.get_arguments() {
                let id = arg.get_id().as_str();
                if id != "help" && id != "version" {
                    assert!(arg_help(help, path, id).is_some(), "`{path}` {id}");
                }
                let names = arg.get_value_names().unwrap_or_default();
                for name in names.iter().filter(|_| arg.get_action().takes_values()) {
                    let name = name.as_str();
                    assert!(
                        value_name(help, name).is_some() || name == "N" || name == "S",
                        "`{path}` {id}: value name {name}"
                    );
                }
            }
            for sub in command.get_subcommands() {
                check(sub, &join(path, sub.get_name()), help);
            }
        }
        let mut command = Cli::command();
        command.build();
        for lang in [Lang::En, Lang::Vi] {
            check(&command, "", help::for_lang(lang));
        }
    }

    #[test]
    fn the_built_command_is_worded_in_the_language() {
        let mut command = super::command(Lang::Vi, Purpose::Help);
        let study = command.find_subcommand_mut("study").unwrap();
        let text = study.render_help().to_string();
        assert!(
            text.contains("Cách dùng: ontap study [TÙY_CHỌN] [BỘ_THẺ]..."),
            "{text}"
        );
        assert!(
            text.contains("Đối số:") && text.contains("Tùy chọn:"),
            "{text}"
        );
        assert!(text.contains("[mặc định: 20]"), "{text}");
        assert!(text.contains("In trợ giúp"), "{text}");
        assert!(
            !text.contains("Print help") && !text.contains("default:"),
            "{text}"
        );
    }
}
