//! `ontap decks`: the library, each deck with its cards, new, due today and missed.

use unicode_width::UnicodeWidthStr;

use crate::cli::{Config, DecksArgs, Lang};
use crate::clock;
use crate::deck::Deck;
use crate::error::Result;
use crate::i18n::Msg;
use crate::judge::Grade;
use crate::scheduler::{CardState, Scheduler};
use crate::store::Store;
use crate::ui::sanitize;

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeckCounts {
    pub id: String,
    pub title: String,
    pub cards: usize,
    pub new: usize,
    pub due_today: usize,
    pub missed: usize,
}

pub fn run(config: &Config, args: &DecksArgs) -> Result<()> {
    let library = super::load_library(config)?;
    let decks = library.select(&args.decks)?;
    let store = Store::open_read_only(config.data_dir()?, Scheduler::default())?;
    let rows = count(&decks, &store, config.now);
    if rows.is_empty() {
        crate::ui::print_line(&Msg::NoDecks.text(config.lang))?;
        return Ok(());
    }
    crate::ui::print(table(config.lang, &rows).as_bytes())
}

/// The figures of each of `decks` at `now`, from the schedule
/// cache alone: a card is missed when its latest answer was wrong (the
/// cache keeps that verdict), so the review log is not read.
pub fn count(decks: &[&Deck], store: &Store, now: clock::Timestamp) -> Vec<DeckCounts> {
    let today = clock::day(&now);
    decks
        .iter()
        .map(|deck| {
            let mut new = 0;
            let mut due_today = 0;
            let mut missed = 0;
            for card in &deck.cards {
                match store.record_of(&card.id) {
                    Some(record) if record.schedule.state != CardState::New => {
                        if clock::day(&record.schedule.due) <= today {
                            due_today += 1;
                        }
                        if record.last_verdict == Grade::Wrong {
                            missed += 1;
                        }
                    }
                    _ => new += 1,
                }
            }
            DeckCounts {
                id: deck.deck.id.0.clone(),
                title: deck.deck.title.clone(),
                cards: deck.cards.len(),
                new,
                due_today,
                missed,
            }
        })
        .collect()
}

/// An aligned table: the header, then one line per deck.
fn table(lang: Lang, rows: &[DeckCounts]) -> String {
    let header = Msg::DecksHeader.text(lang);
    let header: Vec<&str> = header.split('\t').collect();
    let mut lines: Vec<Vec<String>> = vec![header.iter().map(|cell| cell.to_string()).collect()];
    for row in rows {
        lines.push(vec![
            format!("{} ({})", sanitize(&row.id), sanitize(&row.title)),
            row.cards.to_string(),
            row.new.to_string(),
            row.due_today.to_string(),
            row.missed.to_string(),
        ]);
    }
    let columns = lines.first().map_or(0, Vec::len);
    let widths: Vec<usize> = (0..columns)
        .map(|column| {
            lines
                .iter()
                .filter_map(|line| line.get(column))
                .map(|cell| cell.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for line in &lines {
        let cells: Vec<String> = line
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(column, (cell, width))| {
                let pad = width.saturating_sub(cell.width());
                if column == 0 {
                    format!("{cell}{}", " ".repeat(pad))
                } else {
                    format!("{}{cell}", " ".repeat(pad))
                }
            })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_line_up_whatever_the_unicode_form_of_a_title() {
        let row = |id: &str, title: &str| DeckCounts {
            id: id.into(),
            title: title.into(),
            cards: 10,
            new: 2,
            due_today: 3,
            missed: 1,
        };
        // The second title spells its accents as combining marks (NFD).
        let rows = [row("a", "Mạng"), row("b", "Ma\u{323}ng")];
        for lang in [Lang::En, Lang::Vi] {
            let text = table(lang, &rows);
            let widths: Vec<usize> = text.lines().map(UnicodeWidthStr::width).collect();
            assert!(widths.windows(2).all(|w| w[0] == w[1]), "{text}");
        }
    }
}
