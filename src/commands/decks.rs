//! `ontap decks`.

use crate::cli::Config;
use crate::error::Result;

pub fn run(_config: &Config) -> Result<()> {
    todo!("ontap decks")
}
