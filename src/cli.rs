//! The command line: clap's derive, and its conversion into a checked
//! [`Config`] before any work starts.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::builder::{OsStringValueParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::clock::{self, Timestamp};
use crate::deck::CardKind;
use crate::error::{Error, Result};

#[derive(Debug, Parser)]
#[command(
    name = "ontap",
    version,
    about = "Ôn tập: flashcards and quizzes from Vietnamese lessons, reviewed with spaced repetition",
    after_help = "Examples:\n  ontap                      study what is due in every deck\n  ontap compile lessons/     turn lessons into decks\n  ontap quiz --kind category take a category quiz\n  ontap review               go over the answers you missed"
)]
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

// The options below are flattened into the commands they act on (and into
// the top level, for `ontap` alone and `ontap --lang en study`), rather
// than made global: `ontap man --help` offers no `--decks`.

/// `--data-dir`, for the commands that read or write the review state or
/// the library kept beside it.
#[derive(Debug, Clone, Default, Args)]
pub struct DataDirArg {
    /// Where reviews and schedules are kept [default: the platform's data dir]
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
    /// Use the decks of this folder instead of the library
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
    /// When to colour the output [default: auto]
    #[arg(long, value_enum)]
    pub color: Option<ColorChoice>,

    /// The language of ontap's messages [default: from LANG]
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
    /// Compile lesson Markdown into TOML decks
    #[command(after_help = "Example:\n  ontap compile lessons/ --out-dir decks/")]
    Compile(CompileArgs),
    /// Study due flashcards (the default command)
    #[command(after_help = "Examples:\n  ontap study\n  ontap study ai-tao-sinh --flip --new 5")]
    Study(StudyArgs),
    /// Take a quiz, whatever is due
    #[command(after_help = "Example:\n  ontap quiz --kind category -n 10")]
    Quiz(QuizArgs),
    /// Go over the answers you missed
    #[command(after_help = "Example:\n  ontap review ai-tao-sinh")]
    Review(ReviewArgs),
    /// List the decks of the library
    #[command(after_help = "Examples:\n  ontap decks\n  ontap decks grade-11/")]
    Decks(DecksArgs),
    /// Compile lessons straight into the library
    #[command(after_help = "Example:\n  ontap add ~/lessons/ai-tao-sinh.md")]
    Add(AddArgs),
    /// Check, rebuild or merge the review state
    #[command(subcommand)]
    State(StateCommand),
    /// Show progress: states, retention, streak, heat map, forecast
    #[command(after_help = "Examples:\n  ontap stats\n  ontap stats ai-tao-sinh --json")]
    Stats(StatsArgs),
    /// Export decks for Anki, spreadsheets or other programs
    #[command(after_help = "Example:\n  ontap export --format anki -o ai-tao-sinh.txt")]
    Export(ExportArgs),
    /// Hand your reviews in to your teacher: your name and answers, nothing else
    #[command(
        after_help = "Examples:\n  ontap handin -o tuan-anh.toml --name \"Tuấn Anh\"\n  ontap handin ai-tao-sinh -o tuan-anh.toml      (asks your name)"
    )]
    Handin(HandinArgs),
    /// A teacher's view: what the class keeps missing, from students' hand-ins
    #[command(
        after_help = "Examples:\n  ontap class handins/\n  ontap class handins/*.toml ai-tao-sinh --html report.html --anonymous\n  ontap class handins/ --decks lessons/decks --json"
    )]
    Class(ClassArgs),
    /// Print a shell completion script
    #[command(
        after_help = "Example:\n  ontap completions bash > ~/.local/share/bash-completion/completions/ontap"
    )]
    Completions(CompletionsArgs),
    /// Print the man page (roff)
    #[command(after_help = "Example:\n  ontap man > ~/.local/share/man/man1/ontap.1")]
    Man,
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
            Command::Completions(_) | Command::Man => (None, None, None),
        }
    }
}

/// The options of `ontap decks`.
#[derive(Debug, Args)]
pub struct DecksArgs {
    /// Decks, or folders of decks (grade-11/), to list [default: every deck]
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
    /// The other machine's data directory
    #[arg(value_name = "OTHER_DATA_DIR")]
    pub other: PathBuf,
    #[command(flatten)]
    pub data: DataDirArg,
    #[command(flatten)]
    pub messages: MessageArgs,
}

#[derive(Debug, Args)]
pub struct CompileArgs {
    /// Lesson files, or folders searched recursively for *.md
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Where to write the decks [default: beside each lesson]
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    /// List every candidate card left out, with its line and why
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
    /// Decks, or folders of decks (grade-11/), to study [default: every deck]
    #[arg(value_name = "DECK")]
    pub decks: Vec<String>,
    /// Show the card, reveal it on Enter and grade yourself, as in Anki
    #[arg(long)]
    pub flip: bool,
    /// New cards per day
    #[arg(long = "new", value_name = "N", default_value_t = 20)]
    pub new_per_day: usize,
    /// Stop after this many cards
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Which way translation cards go
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
    /// Decks, or folders of decks, to draw questions from [default: every deck]
    #[arg(value_name = "DECK")]
    pub decks: Vec<String>,
    /// Ask only this kind of question
    #[arg(long, value_enum)]
    pub kind: Option<CardKind>,
    /// How many questions
    #[arg(short = 'n', value_name = "N", default_value_t = 10)]
    pub count: usize,
    /// Seed for picking and shuffling, to repeat a quiz
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
    /// Decks, or folders of decks, whose missed answers to go over [default: every deck]
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
    /// Lesson files, or folders searched recursively for *.md
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub data: DataDirArg,
    #[command(flatten)]
    pub messages: MessageArgs,
}

#[derive(Debug, Subcommand)]
pub enum StateCommand {
    /// Verify every state file and say what is wrong and what to do
    #[command(after_help = "Example:\n  ontap state check")]
    Check(StateCheckArgs),
    /// Recompute the schedule cache from the review log
    #[command(after_help = "Example:\n  ontap state rebuild")]
    Rebuild(StateRebuildArgs),
    /// Take the union of another data dir's review log and rebuild
    #[command(after_help = "Example:\n  ontap state merge /mnt/laptop/.local/share/ontap")]
    Merge(StateMergeArgs),
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Decks, or folders of decks, to report on [default: every deck]
    #[arg(value_name = "DECK")]
    pub decks: Vec<String>,
    /// Print the figures as JSON
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
    /// Decks, or folders of decks, to export [default: every deck]
    #[arg(value_name = "DECK")]
    pub decks: Vec<String>,
    /// The file format: anki (Anki's import file), csv (RFC 4180, a header
    /// row) or json (the decks, with each card's schedule)
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Write here instead of standard output (`-` is standard output)
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
    /// Decks to hand in [default: every deck]
    #[arg(value_name = "DECK")]
    pub decks: Vec<String>,
    /// Your name as your teacher will see it [default: asked]
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// The file to write, to give to your teacher
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
    /// Hand-in files, students' data dirs or folders of them; any other
    /// word is a deck id (or id prefix) to report on [default: every deck]
    #[arg(value_name = "FILE|DIR|DECK", required = true)]
    pub inputs: Vec<PathBuf>,
    /// Print the figures as JSON
    #[arg(long)]
    pub json: bool,
    /// Write the report as one self-contained HTML page
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// Number the students instead of naming them
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
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
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
        check(&Cli::command());
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
        for sub in Cli::command().get_subcommands() {
            let help = sub
                .get_after_help()
                .map(|h| h.to_string())
                .unwrap_or_default();
            let nested_ok = sub.get_subcommands().all(|s| {
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
