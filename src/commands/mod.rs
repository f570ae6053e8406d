//! One file per subcommand; `dispatch` is the one `match` over them.

mod add;
mod class;
mod compile;
mod completions;
mod decks;
mod export;
mod handin;
mod quiz;
mod review;
mod state;
mod stats;
mod study;

use crate::cli::{Command, Config, DirectionChoice, StudyArgs};
use crate::error::Result;
use crate::i18n::Msg;
use crate::library::Library;

pub fn dispatch(config: &Config, command: Option<Command>) -> Result<()> {
    match command {
        None => study::run(config, &default_study()),
        Some(Command::Compile(args)) => compile::run(config, &args),
        Some(Command::Study(args)) => study::run(config, &args),
        Some(Command::Quiz(args)) => quiz::run(config, &args),
        Some(Command::Review(args)) => review::run(config, &args),
        Some(Command::Decks(args)) => decks::run(config, &args),
        Some(Command::Add(args)) => add::run(config, &args),
        Some(Command::State(command)) => state::run(config, &command),
        Some(Command::Stats(args)) => stats::run(config, &args),
        Some(Command::Export(args)) => export::run(config, &args),
        Some(Command::Handin(args)) => handin::run(config, &args),
        Some(Command::Class(args)) => class::run(config, &args),
        Some(Command::Completions(args)) => completions::run_completions(&args, config.lang),
        Some(Command::Man(_)) => completions::run_man(config.lang),
    }
}

/// `ontap` with no arguments: study every deck with the default options.
fn default_study() -> StudyArgs {
    StudyArgs {
        data: Default::default(),
        library: Default::default(),
        messages: Default::default(),
        decks: Vec::new(),
        flip: false,
        new_per_day: 20,
        limit: None,
        direction: DirectionChoice::Both,
    }
}

/// The library `config` points at, after a warning on standard error for
/// each deck file that could not be read (it is left out, and untouched).
fn load_library(config: &Config) -> Result<Library> {
    let mut library = Library::load(config)?;
    for error in library.broken.drain(..) {
        let error = error.in_language(config.lang);
        crate::ui::print_warning(&Msg::DeckLeftOut(&error).text(config.lang));
    }
    Ok(library)
}

/// The library a session draws from, or `None` once the user has been told
/// it is empty and how to add lessons.
fn library_to_study(config: &Config) -> Result<Option<Library>> {
    let library = load_library(config)?;
    if library.decks.is_empty() {
        crate::ui::print_line(&Msg::NoDecks.text(config.lang))?;
        return Ok(None);
    }
    Ok(Some(library))
}
