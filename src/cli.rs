//! The command line: clap's derive, and its conversion into a checked
//! [`Config`] before any work starts. The derive gives the shape only
//! (names, types, defaults); every text, in each language, is in
//! `i18n/help.rs`, laid on by [`localize`] once the language is known
//! ([`requested_lang`], before clap parses anything).

pub mod localize;
pub mod usage_error;

use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::builder::{OsStringValueParser, TypedValueParser};
use clap::error::ErrorKind;
use clap::{Args, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::clock::{self, Timestamp};
use crate::deck::CardKind;
use crate::error::{Error, Result};

#[derive(Debug, Parser)]
#[command(name = "ontap", version)]
pub struct Cli {
    #[command(flatten)]
    pub data: DataDirArg,

    #[command(flatten)]
    pub library: DecksDirArg,

    #[command(flatten)]
    pub messages: MessageArgs,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Parses the process's arguments in the language they ask for, as
/// `Cli::parse` would: `--help` and `--version` print and exit 0, a usage
/// error is one message on standard error and exit 2, in that language.
pub fn parse() -> Cli {
    let args: Vec<OsString> = std::env::args_os().collect();
    let lang = requested_lang(&args);
    match parse_from(lang, args) {
        Ok(cli) => cli,
        Err(error) => exit_on(&error, lang),
    }
}

/// `args` parsed with the command worded in `lang`.
pub fn parse_from(
    lang: Lang,
    args: impl IntoIterator<Item = OsString>,
) -> Result<Cli, clap::Error> {
    let matches = command(lang).try_get_matches_from(args)?;
    Cli::from_arg_matches(&matches)
}

/// The command line of ontap, worded in `lang` (help, errors, completions).
pub fn command(lang: Lang) -> clap::Command {
    localize::command(lang, localize::Purpose::Help)
}

/// Prints what `error` asks for, in `lang`, and ends the process with its
/// status: help and version as clap prints them (the command is worded
/// already), usage errors worded again from their context.
fn exit_on(error: &clap::Error, lang: Lang) -> ! {
    match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => error.exit(),
        _ => {
            let text = usage_error::render(error, crate::i18n::help::for_lang(lang));
            let colour = std::io::stderr().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty());
            if colour {
                eprint!("{}", text.ansi());
            } else {
                eprint!("{text}");
            }
            std::process::exit(error.exit_code())
        }
    }
}

/// The language the command line asks for, before it is parsed (the help
/// and the errors of the parse are worded in it): the last `--lang vi` or
/// `--lang=vi` before any `--`, as a command's own `--lang` wins over one
/// before it; else the locale, as [`Config`] chooses.
pub fn requested_lang(args: &[OsString]) -> Lang {
    let parse = |value: &str| Lang::from_str(value, false).ok();
    let mut lang = None;
    let mut words = args.iter().skip(1).map(|word| word.to_str());
    while let Some(word) = words.next() {
        match word {
            Some("--") => break,
            Some("--lang") => {
                if let Some(Some(value)) = words.next() {
                    lang = parse(value).or(lang);
                }
            }
            Some(word) => {
                if let Some(value) = word.strip_prefix("--lang=") {
                    lang = parse(value).or(lang);
                }
            }
            None => {}
        }
    }
    lang.unwrap_or_else(lang_from_env)
}

// The options below are flattened into the commands they act on (and into
// the top level, for `ontap` alone and `ontap --lang en study`), rather
// than made global: `ontap man --help` offers no `--decks`.

/// `--data-dir`, for the commands that read or write the review state or
/// the library kept beside it.
#[derive(Debug, Clone, Default, Args)]
pub struct DataDirArg {
    #[arg(
        long,
        env = "ONTAP_DATA_DIR",
        value_name = "DIR",
        value_parser = path_or_unset()
    )]
    pub data_dir: Option<PathBuf>,
}

/// `--decks`, for the commands that read the library.
#[derive(Debug, Clone, Default, Args)]
pub struct DecksDirArg {
    #[arg(
        long = "decks",
        id = "decks_dir",
        env = "ONTAP_DECKS",
        value_name = "DIR",
        value_parser = path_or_unset()
    )]
    pub decks: Option<PathBuf>,
}

/// `--color` and `--lang`, for every command that prints messages.
#[derive(Debug, Clone, Default, Args)]
pub struct MessageArgs {
    #[arg(long, value_enum)]
    pub color: Option<ColorChoice>,

    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    Vi,
    En,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Compile(CompileArgs),
    Study(StudyArgs),
    Quiz(QuizArgs),
    Review(ReviewArgs),
    Decks(DecksArgs),
    Add(AddArgs),
    #[command(subcommand)]
    State(StateCommand),
    Stats(StatsArgs),
    Export(ExportArgs),
    Handin(HandinArgs),
    Class(ClassArgs),
    Completions(CompletionsArgs),
    Man(ManArgs),
}

impl Command {
    /// The options of this command that the configuration is made of
    /// (`None` where the command has no such option).
    fn options(
        &self,
    ) -> (
        Option<&DataDirArg>,
        Option<&DecksDirArg>,
        Option<&MessageArgs>,
    ) {
        match self {
            Command::Compile(args) => (None, None, Some(&args.messages)),
            Command::Study(args) => (Some(&args.data), Some(&args.library), Some(&args.messages)),
            Command::Quiz(args) => (Some(&args.data), Some(&args.library), Some(&args.messages)),
            Command::Review(args) => (Some(&args.data), Some(&args.library), Some(&args.messages)),
            Command::Decks(args) => (Some(&args.data), Some(&args.library), Some(&args.messages)),
            Command::Add(args) => (Some(&args.data), None, Some(&args.messages)),
            Command::State(StateCommand::Check(args)) => {
                (Some(&args.data), Some(&args.library), Some(&args.messages))
            }
            Command::State(StateCommand::Rebuild(args)) => {
                (Some(&args.data), None, Some(&args.messages))
            }
            Command::State(StateCommand::Merge(args)) => {
                (Some(&args.data), None, Some(&args.messages))
            }
            Command::Stats(args) => (Some(&args.data), Some(&args.library), Some(&args.messages)),
            Command::Export(args) => (Some(&args.data), Some(&args.library), Some(&args.messages)),
            Command::Handin(args) => (Some(&args.data), Some(&args.library), Some(&args.messages)),
            Command::Class(args) => (Some(&args.data), Some(&args.library), Some(&args.messages)),
            Command::Completions(_) | Command::Man(_) => (None, None, None),
        }
    }
}

impl Command {
    /// The `--lang` of a command that takes no other message option.
    fn own_lang(&self) -> Option<Lang> {
        match self {
            Command::Completions(args) => args.language.lang,
            Command::Man(args) => args.language.lang,
            _ => None,
        }
    }
}

/// The options of `ontap decks`.
#[derive(Debug, Args)]
pub struct DecksArgs {
    #[arg(value_name = "DECK")]
    pub decks: Vec<String>,
    #[command(flatten)]
    pub data: DataDirArg,
    #[command(flatten)]
    pub library: DecksDirArg,
    #[command(flatten)]
    pub messages: MessageArgs,
}

/// The options of `ontap state check`.
#[derive(Debug, Args)]
pub struct StateCheckArgs {
    #[command(flatten)]
    pub data: DataDirArg,
    #[command(flatten)]
    pub library: DecksDirArg,
    #[command(flatten)]
    pub messages: MessageArgs,
}

/// The options of `ontap state rebuild`.
#[derive(Debug, Args)]
pub struct StateRebuildArgs {
    #[command(flatten)]
    pub data: DataDirArg,
    #[command(flatten)]
    pub messages: MessageArgs,
}

/// The options of `ontap state merge`.
#[derive(Debug, Args)]
pub struct StateMergeArgs {
    #[arg(value_name = "OTHER_DATA_DIR")]
    pub other: PathBuf,
    #[command(flatten)]
    pub data: DataDirArg,
    #[command(flatten)]
    pub messages: MessageArgs,
}

#[derive(Debug, Args)]
pub struct CompileArgs {
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    #[arg(long)]
    pub explain: bool,
    #[command(flatten)]
    pub messages: MessageArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DirectionChoice {
    #[value(name = "vi-en")]
    ViEn,
    #[value(name = "en-vi")]
    EnVi,
    Both,
}

#[derive(Debug, Args)]
pub struct StudyArgs {
    #[arg(value_name = "DECK")]
    pub decks: Vec<String>,
    #[arg(long)]
    pub flip: bool,
    #[arg(long = "new", value_name = "N", default_value_t = 20)]
    pub new_per_day: usize,
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    #[arg(long, value_enum, default_value_t = DirectionChoice::Both)]
    pub direction: DirectionChoice,
    #[command(flatten)]
    pub data: DataDirArg,
    #[command(flatten)]
    pub library: DecksDirArg,
    #[command(flatten)]
    pub messages: MessageArgs,
}

#[derive(Debug, Args)]
pub struct QuizArgs {
    #[arg(value_name = "DECK")]
    pub decks: Vec<String>,
    #[arg(long, value_enum)]
    pub kind: Option<CardKind>,
    #[arg(short = 'n', value_name = "N", default_value_t = 10)]
    pub count: usize,
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,
    #[command(flatten)]
    pub data: DataDirArg,
    #[command(flatten)]
    pub library: DecksDirArg,
    #[command(flatten)]
    pub messages: MessageArgs,
}

#[derive(Debug, Args)]
pub struct ReviewArgs {
    #[arg(value_name = "DECK")]
    pub decks: Vec<String>,
    #[command(flatten)]
    pub data: DataDirArg,
    #[command(flatten)]
    pub library: DecksDirArg,
    #[command(flatten)]
    pub messages: MessageArgs,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub data: DataDirArg,
    #[command(flatten)]
    pub messages: MessageArgs,
}

#[derive(Debug, Subcommand)]
pub enum StateCommand {
    Check(StateCheckArgs),
    Rebuild(StateRebuildArgs),
    Merge(StateMergeArgs),
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    #[arg(value_name = "DECK")]
    pub decks: Vec<String>,
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub data: DataDirArg,
    #[command(flatten)]
    pub library: DecksDirArg,
    #[command(flatten)]
    pub messages: MessageArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Anki,
    Csv,
    Json,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(value_name = "DECK")]
    pub decks: Vec<String>,
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub data: DataDirArg,
    #[command(flatten)]
    pub library: DecksDirArg,
    #[command(flatten)]
    pub messages: MessageArgs,
}

#[derive(Debug, Args)]
pub struct HandinArgs {
    #[arg(value_name = "DECK")]
    pub decks: Vec<String>,
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    #[arg(short = 'o', long = "output", value_name = "FILE", required = true)]
    pub output: PathBuf,
    #[command(flatten)]
    pub data: DataDirArg,
    #[command(flatten)]
    pub library: DecksDirArg,
    #[command(flatten)]
    pub messages: MessageArgs,
}

#[derive(Debug, Args)]
pub struct ClassArgs {
    #[arg(value_name = "FILE|DIR|DECK", required = true)]
    pub inputs: Vec<PathBuf>,
    #[arg(long)]
    pub json: bool,
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    #[arg(long)]
    pub anonymous: bool,
    #[command(flatten)]
    pub data: DataDirArg,
    #[command(flatten)]
    pub library: DecksDirArg,
    #[command(flatten)]
    pub messages: MessageArgs,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
    #[command(flatten)]
    pub language: LangArg,
}

/// The options of `ontap man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    #[command(flatten)]
    pub language: LangArg,
}

/// `--lang` alone, for the commands that print a file rather than messages.
#[derive(Debug, Clone, Default, Args)]
pub struct LangArg {
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
}

/// The checked configuration every command runs with.
#[derive(Debug, Clone)]
pub struct Config {
    data_dir: Option<PathBuf>,
    /// A folder of decks to use instead of the library.
    pub decks_dir: Option<PathBuf>,
    /// Whether to colour standard output.
    pub color: bool,
    pub lang: Lang,
    pub now: Timestamp,
    /// Whether standard input is a terminal (prompts) or not (plain lines).
    pub interactive: bool,
}

impl Config {
    pub fn from_cli(cli: &Cli) -> Result<Config> {
        // A command's own option wins over the same option before it.
        let (data, library, messages) = cli
            .command
            .as_ref()
            .map_or((None, None, None), Command::options);
        let data_dir = data
            .and_then(|data| set_path(data.data_dir.as_deref()))
            .or_else(|| set_path(cli.data.data_dir.as_deref()))
            .or_else(|| dirs::data_dir().map(|dir| dir.join("ontap")));
        let decks_dir = library
            .and_then(|library| set_path(library.decks.as_deref()))
            .or_else(|| set_path(cli.library.decks.as_deref()));
        let color_choice = messages
            .and_then(|messages| messages.color)
            .or(cli.messages.color)
            .unwrap_or(ColorChoice::Auto);
        let lang = messages
            .and_then(|messages| messages.lang)
            .or_else(|| cli.command.as_ref().and_then(Command::own_lang))
            .or(cli.messages.lang);
        let color = match color_choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
                    && std::io::stdout().is_terminal()
            }
        };
        colored::control::set_override(color);
        Ok(Config {
            data_dir,
            decks_dir,
            color,
            lang: lang.unwrap_or_else(lang_from_env),
            now: clock::now()?,
            interactive: std::io::stdin().is_terminal(),
        })
    }

    /// The data directory, or an error saying how to choose one.
    pub fn data_dir(&self) -> Result<&std::path::Path> {
        self.data_dir.as_deref().ok_or_else(|| {
            Error::Usage("cannot tell where to keep state; set ONTAP_DATA_DIR or --data-dir".into())
        })
    }
}

/// A directory argument that may be empty: an empty `ONTAP_DATA_DIR=` or
/// `ONTAP_DECKS=` means "not set", as an empty variable conventionally
/// does (clap's path parser would refuse it, naming only the option).
fn path_or_unset() -> impl TypedValueParser<Value = PathBuf> {
    OsStringValueParser::new().map(PathBuf::from)
}

/// The path of a [`path_or_unset`] argument, `None` when empty.
fn set_path(path: Option<&Path>) -> Option<PathBuf> {
    path.filter(|path| !path.as_os_str().is_empty())
        .map(Path::to_path_buf)
}

/// Vietnamese when the locale says so (`LANG=vi_VN.UTF-8`), else English.
fn lang_from_env() -> Lang {
    for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Ok(value) = std::env::var(variable)
            && !value.is_empty()
        {
            return if value.starts_with("vi") {
                Lang::Vi
            } else {
                Lang::En
            };
        }
    }
    Lang::En
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn an_empty_directory_argument_counts_as_unset() {
        let args = ["ontap", "--data-dir", "", "--decks", "", "state", "check"];
        let cli = Cli::try_parse_from(args).unwrap();
        assert_eq!(set_path(cli.data.data_dir.as_deref()), None);
        assert_eq!(set_path(cli.library.decks.as_deref()), None);
        let cli = Cli::try_parse_from(["ontap", "--data-dir", "d", "state", "check"]).unwrap();
        assert_eq!(
            set_path(cli.data.data_dir.as_deref()),
            Some(PathBuf::from("d"))
        );
    }

    #[test]
    fn every_option_has_a_line_of_help() {
        fn check(command: &clap::Command) {
            for arg in command.get_arguments() {
                assert!(
                    arg.get_help().is_some(),
                    "{} {} has no help",
                    command.get_name(),
                    arg.get_id()
                );
            }
            command.get_subcommands().for_each(check);
        }
        for lang in [Lang::En, Lang::Vi] {
            check(&command(lang));
        }
    }

    #[test]
    fn a_command_s_own_option_wins_over_the_one_before_it() {
        let cli = Cli::try_parse_from(["ontap", "--lang", "vi", "decks", "--lang", "en"]).unwrap();
        let (_, _, messages) = cli.command.as_ref().unwrap().options();
        assert_eq!(messages.unwrap().lang, Some(Lang::En));
        assert!(Cli::try_parse_from(["ontap", "man", "--decks", "d"]).is_err());
        assert!(Cli::try_parse_from(["ontap", "compile", "x.md", "--data-dir", "d"]).is_err());
    }

    #[test]
    fn every_subcommand_has_an_example() {
        let commands = [command(Lang::En), command(Lang::Vi)];
        for sub in commands.iter().flat_map(clap::Command::get_subcommands) {
            if sub.get_name() == "help" {
                continue;
            }
            let help = sub
                .get_after_help()
                .map(|h| h.to_string())
                .unwrap_or_default();
            let nested_ok = sub
                .get_subcommands()
                .filter(|s| s.get_name() != "help")
                .all(|s| {
                    s.get_after_help()
                        .is_some_and(|h| h.to_string().contains("ontap"))
                });
            assert!(
                help.contains("ontap") || (sub.has_subcommands() && nested_ok),
                "{} has no example",
                sub.get_name()
            );
        }
    }
}
