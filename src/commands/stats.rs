//! `ontap stats`: the figures of `stats` for the selected decks, drawn for
//! the terminal or printed as JSON.

use crate::cli::{Config, StatsArgs};
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::scheduler::Scheduler;
use crate::stats;
use crate::store::Store;

pub fn run(config: &Config, args: &StatsArgs) -> Result<()> {
    let library = super::load_library(config)?;
    if library.decks.is_empty() && !args.json {
        // As the other commands say it; `--json` keeps its shape for scripts.
        return crate::ui::print_line(&Msg::NoDecks.text(config.lang));
    }
    let decks = library.select(&args.decks)?;
    let store = Store::open_read_only(config.data_dir()?, Scheduler::default())?;
    let reviews = store.reviews()?;
    let figures = stats::compute(&decks, store.records(), &reviews, config.now);
    let text = if args.json {
        let json = serde_json::to_string_pretty(&figures)
            .map_err(|error| Error::io("<json>", std::io::Error::other(error)))?;
        // Deck text inside stays exact, escaped so it cannot drive a terminal.
        format!("{}\n", crate::ui::json_safe(&json))
    } else {
        stats::render_in(&figures, config.color, config.lang, columns())
    };
    crate::ui::print(text.as_bytes())
}

/// How wide the output may be: `COLUMNS` when set (as shells and `ls`
/// have it), else the terminal's width, else 80.
fn columns() -> usize {
    let from_env = std::env::var("COLUMNS")
        .ok()
        .and_then(|value| value.trim().parse::<usize>().ok())
        .filter(|columns| *columns > 0);
    from_env
        .or_else(crate::ui::terminal_columns)
        .unwrap_or(stats::WIDTH)
}
