//! `ontap stats`: the figures of `stats` for the selected decks, drawn for
//! the terminal or printed as JSON.

use crate::cli::{Config, StatsArgs};
use crate::error::{Error, Result};
use crate::library::Library;
use crate::scheduler::Scheduler;
use crate::stats;
use crate::store::Store;

pub fn run(config: &Config, args: &StatsArgs) -> Result<()> {
    let library = Library::load(config)?;
    let decks = library.select(&args.decks)?;
    let store = Store::open_read_only(config.data_dir()?, Scheduler::default())?;
    let reviews = store.reviews()?;
    let figures = stats::compute(&decks, store.records(), &reviews, config.now);
    let text = if args.json {
        let mut json = serde_json::to_string_pretty(&figures)
            .map_err(|error| Error::io("<json>", std::io::Error::other(error)))?;
        json.push('\n');
        json
    } else {
        stats::render(&figures, config.color, config.lang)
    };
    super::completions::write_stdout(text.as_bytes())
}
