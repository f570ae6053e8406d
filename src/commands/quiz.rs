//! `ontap quiz`: N questions whatever is due, scored at the end.

use crate::cli::{Config, QuizArgs};
use crate::error::Result;
use crate::i18n::Msg;
use crate::scheduler::Scheduler;
use crate::session::{self, Session};
use crate::store::Store;

pub fn run(config: &Config, args: &QuizArgs) -> Result<()> {
    let Some(library) = super::library_to_study(config)? else {
        return Ok(());
    };
    let decks = library.select(&args.decks)?;
    let kind = args.kind;
    let entries = session::entries(&decks, |card| kind.is_none_or(|kind| card.kind == kind));
    if entries.is_empty() || args.count == 0 {
        crate::ui::print_line(&Msg::NothingToQuiz.text(config.lang))?;
        return Ok(());
    }
    let mut store = Store::open(config.data_dir()?, Scheduler::default())?;
    let seed = args
        .seed
        .unwrap_or_else(|| super::study::session_seed(config));
    let mut session =
        Session::quiz(entries, &mut store, args.count, seed).with_acronyms(library.acronyms());
    crate::ui::run(config, &mut session)?;
    Ok(())
}
