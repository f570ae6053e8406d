//! ontap ("ôn tập": to review a lesson) turns Vietnamese lesson pages into
//! flashcards and quizzes and schedules their review with spaced repetition.
//!
//! Data flows through modules named after each step:
//! `lesson` (Markdown → lesson model) → `derive` (one extractor per
//! structure) → `deck` (TOML, stable card ids); then `deck` + `store`
//! (review log and schedule cache) → `queue` (what to ask next) → `session`
//! (asks, judges with `judge`, schedules with `scheduler`) ↔ `ui` (dialoguer
//! on a terminal, plain lines otherwise) → `store`.

/// mimalloc instead of the system allocator: compiling a lesson makes and
/// drops hundreds of thousands of small strings, and glibc's malloc/free
/// were a fifth of compile time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub mod class;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod deck;
pub mod derive;
pub mod error;
pub mod export;
pub mod fsio;
pub mod i18n;
pub mod judge;
pub mod lesson;
pub mod library;
pub mod overrides;
pub mod queue;
pub mod scheduler;
pub mod session;
pub mod site;
pub mod stats;
pub mod store;
pub mod ui;

pub use error::{Error, Result};
use i18n::Lang;

/// Runs one invocation of ontap: checks the configuration, then dispatches.
/// This is the edge where an error is put into words, once, in the user's
/// language.
pub fn run(cli: cli::Cli) -> std::result::Result<(), error::Failure> {
    let config =
        cli::Config::from_cli(&cli).map_err(|error| error::Failure::new(&error, Lang::En))?;
    commands::dispatch(&config, cli.command)
        .map_err(|error| error::Failure::new(&error, config.lang))
}
