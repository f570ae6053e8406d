//! `ontap study`: the due cards, then new ones, typed or flipped.

use crate::cli::{Config, DirectionChoice, StudyArgs};
use crate::deck::{Card, Direction};
use crate::error::Result;
use crate::i18n::Msg;
use crate::scheduler::Scheduler;
use crate::session::{self, Session, StudyOptions};
use crate::store::Store;

pub fn run(config: &Config, args: &StudyArgs) -> Result<()> {
    let Some(library) = super::library_to_study(config)? else {
        return Ok(());
    };
    let decks = library.select(&args.decks)?;
    let entries = session::entries(&decks, |card| wanted(card, args.direction));
    let mut store = Store::open(config.data_dir()?, Scheduler::default())?;
    let options = StudyOptions {
        flip: args.flip,
        new_per_day: args.new_per_day,
        limit: args.limit,
    };
    let seed = session_seed(config);
    let mut session = Session::study(entries, &mut store, config.now, options, seed)
        .with_acronyms(library.acronyms());
    if session.question(config.now).is_none() {
        let next = session.next_due(config.now).map(|due| due - config.now);
        crate::ui::print_line(&Msg::NothingDue(next).text(config.lang))?;
        if let Some(waiting) = session.waiting_new() {
            for line in crate::ui::waiting_lines(waiting, args.new_per_day, config.lang) {
                crate::ui::print_line(&line)?;
            }
        }
        return Ok(());
    }
    crate::ui::run(config, &mut session)?;
    Ok(())
}

/// Whether `card` goes the way `--direction` asks (other kinds always do).
fn wanted(card: &Card, direction: DirectionChoice) -> bool {
    !matches!(
        (direction, card.direction),
        (DirectionChoice::ViEn, Some(Direction::EnVi))
            | (DirectionChoice::EnVi, Some(Direction::ViEn))
    )
}

/// The seed that shuffles multiple-choice options: fixed by the clock, so a
/// session run at a fixed `ONTAP_NOW` is repeatable.
pub(super) fn session_seed(config: &Config) -> u64 {
    config.now.timestamp().unsigned_abs() ^ u64::from(config.now.timestamp_subsec_nanos())
}
