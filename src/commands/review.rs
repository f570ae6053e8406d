//! `ontap review`: the missed answers again, until each is right.

use crate::cli::{Config, ReviewArgs};
use crate::error::Result;
use crate::i18n::Msg;
use crate::scheduler::Scheduler;
use crate::session::{self, Session};
use crate::store::Store;

pub fn run(config: &Config, args: &ReviewArgs) -> Result<()> {
    let Some(library) = super::library_to_study(config)? else {
        return Ok(());
    };
    let decks = library.select(&args.decks)?;
    let entries = session::entries(&decks, |_| true);
    let mut store = Store::open(config.data_dir()?, Scheduler::default())?;
    let seed = super::study::session_seed(config);
    let mut session = Session::review(entries, &mut store, seed)?.with_acronyms(library.acronyms());
    if session.question(config.now).is_none() {
        crate::ui::print_line(&Msg::NothingMissed.text(config.lang))?;
        return Ok(());
    }
    crate::ui::run(config, &mut session)?;
    Ok(())
}
