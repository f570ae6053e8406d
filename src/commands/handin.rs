//! `ontap handin -o FILE [--name NAME] [DECK…]`: the student's name and
//! reviews in one file to give the teacher (see `store::handin`). The name
//! is `--name`, else asked for (on the terminal, or as a line of stdin).

use std::collections::BTreeSet;

use crate::cli::{Config, HandinArgs};
use crate::deck::DeckId;
use crate::error::{Error, Result};
use crate::i18n::ClassMsg;
use crate::library::Library;
use crate::scheduler::Scheduler;
use crate::store::{Store, clean_name};

pub fn run(config: &Config, args: &HandinArgs) -> Result<()> {
    let lang = config.lang;
    // Decks are checked before the name is asked, so a typo fails at once.
    let decks: Option<BTreeSet<DeckId>> = if args.decks.is_empty() {
        None
    } else {
        let library = Library::load(config)?;
        let chosen = library.select(&args.decks)?;
        Some(chosen.iter().map(|deck| deck.deck.id.clone()).collect())
    };
    let store = Store::open_read_only(config.data_dir()?, Scheduler::default())?;
    let typed = match &args.name {
        Some(name) => Some(name.clone()),
        None => crate::ui::ask_line(config, &ClassMsg::NamePrompt.text(lang))?,
    };
    let Some(student) = typed.as_deref().and_then(clean_name) else {
        return Err(Error::NameNeeded);
    };
    let (text, reviews) = store.hand_in(&student, config.now, decks.as_ref())?;
    super::export::write_file(&args.output, text.as_bytes())?;
    let done = ClassMsg::HandedIn {
        student: &student,
        reviews,
        path: &args.output.display().to_string(),
    };
    crate::ui::print_line(&done.text(lang))
}
