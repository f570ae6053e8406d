//! The class report as text for an 80-column terminal: the decks, the
//! cards to teach again (each with its right answer and the wrong answers
//! that recur), the cards nobody reached, the students, and the files read.
//! Colour only makes headings bold; the characters carry the meaning.

use std::fmt::Write as _;

use colored::Colorize;
use unicode_width::UnicodeWidthStr;

use super::{CardRow, DeckRow, FileNote, Report, StudentRow, percent};
use crate::cli::Lang;
use crate::i18n::ClassMsg;
use crate::stats::WIDTH;
use crate::ui::sanitize;
use crate::ui::text::fit;

/// The report in `lang`, every line within [`WIDTH`] columns (a file path
/// longer than a line is left whole).
pub fn render(report: &Report, lang: Lang) -> String {
    let say = |message: ClassMsg| message.text(lang);
    let mut out = String::new();
    heading(&mut out, &say(ClassMsg::Title));
    line(&mut out, &summary(report, lang));
    out.push('\n');

    heading(&mut out, &say(ClassMsg::DecksHeading));
    deck_table(&mut out, &report.decks, lang);
    out.push('\n');

    heading(&mut out, &say(ClassMsg::TeachAgain));
    wrapped(&mut out, &say(ClassMsg::TeachAgainHint));
    card_table(&mut out, &report.cards, lang);
    out.push('\n');

    if report.unreached.is_empty() {
        line(&mut out, &say(ClassMsg::AllReached));
    } else {
        heading(&mut out, &say(ClassMsg::Unreached(report.unreached.len())));
        for card in &report.unreached {
            line(&mut out, &format!("  - {}", sanitize(&card.prompt)));
        }
    }
    out.push('\n');

    if report.inactive.is_empty() {
        line(&mut out, &say(ClassMsg::NobodyInactive));
    } else {
        heading(&mut out, &say(ClassMsg::Inactive));
        wrapped(&mut out, &format!("  {}", report.inactive.join(", ")));
    }
    out.push('\n');

    heading(&mut out, &say(ClassMsg::StudentsHeading));
    student_table(&mut out, &report.students, lang);

    if !report.files.is_empty() {
        out.push('\n');
        heading(&mut out, &say(ClassMsg::Files));
        for note in &report.files {
            wrapped(&mut out, &format!("  {}", note_text(note, lang)));
        }
    }
    out
}

/// `30 students · 1 decks · 28140 reviews · 2026-12-03`.
pub fn summary(report: &Report, lang: Lang) -> String {
    ClassMsg::Summary {
        students: report.students.len(),
        decks: report.decks.len(),
        reviews: report.reviews,
        today: &report.today.to_string(),
    }
    .text(lang)
}

/// A file's note as one sentence: `FILE: what was done with it`.
pub fn note_text(note: &FileNote, lang: Lang) -> String {
    use super::Note;
    let decks = match &note.note {
        Note::OtherDecks { decks, .. } | Note::NothingForTheseDecks { decks } => decks.join(", "),
        _ => String::new(),
    };
    let message = match &note.note {
        Note::Used {
            student,
            reviews,
            written_by,
        } => ClassMsg::FileUsed {
            student,
            reviews: *reviews,
            version: written_by.as_deref(),
        },
        // The reader's message starts with the file (and line) already.
        Note::Unreadable { message } => {
            return sanitize(&ClassMsg::FileUnreadable(message).text(lang));
        }
        Note::SameAs { other } => ClassMsg::FileSameAs(other),
        Note::MergedWith {
            student,
            other,
            shared,
        } => ClassMsg::FileMergedWith {
            student,
            other,
            shared: *shared,
        },
        Note::OtherDecks { reviews, .. } => ClassMsg::FileOtherDecks {
            reviews: *reviews,
            decks: &decks,
        },
        Note::NothingForTheseDecks { .. } => ClassMsg::FileNothingForTheseDecks(&decks),
        Note::Torn { bytes } => ClassMsg::FileTorn(*bytes),
        Note::GoneCards { reviews } => ClassMsg::FileGoneCards(*reviews),
        Note::Later { reviews } => ClassMsg::FileLater(*reviews),
    };
    format!("{}: {}", note.file, sanitize(&message.text(lang)))
}

fn heading(out: &mut String, text: &str) {
    let _ = writeln!(out, "{}", fit(text, WIDTH).bold());
}

fn line(out: &mut String, text: &str) {
    let _ = writeln!(out, "{}", fit(text, WIDTH));
}

fn wrapped(out: &mut String, text: &str) {
    let _ = writeln!(out, "{}", crate::ui::wrap(&sanitize(text), WIDTH));
}

/// A row of cells: the first left-aligned and cut to its width, the others
/// right-aligned.
fn row(cells: &[String], widths: &[usize]) -> String {
    let mut text = String::new();
    for (index, (cell, width)) in cells.iter().zip(widths).enumerate() {
        if index == 0 {
            let cell = fit(cell, width - 1);
            let _ = write!(text, "{cell}{}", " ".repeat(width - cell.width()));
        } else {
            let cell = fit(cell, *width);
            let _ = write!(text, "{}{cell}", " ".repeat(width - cell.width()));
        }
    }
    text.trim_end().to_string()
}

fn deck_table(out: &mut String, decks: &[DeckRow], lang: Lang) {
    const WIDTHS: [usize; 6] = [26, 6, 10, 10, 13, 14];
    let say = |message: ClassMsg| message.text(lang);
    let header = [
        say(ClassMsg::ColDeck),
        say(ClassMsg::ColCards),
        say(ClassMsg::ColReached),
        say(ClassMsg::ColStudents),
        say(ClassMsg::ColFirstTry),
        say(ClassMsg::ColLatest),
    ];
    let _ = writeln!(out, "{}", row(&header, &WIDTHS).bold());
    for deck in decks {
        let cells = [
            sanitize(&deck.id),
            deck.cards.to_string(),
            format!("{}/{}", deck.cards_reached, deck.cards),
            deck.students.to_string(),
            percent(&deck.first_try),
            percent(&deck.latest),
        ];
        let _ = writeln!(out, "{}", row(&cells, &WIDTHS));
    }
}

fn card_table(out: &mut String, cards: &[CardRow], lang: Lang) {
    const WIDTHS: [usize; 5] = [4, 39, 9, 13, 14];
    let say = |message: ClassMsg| message.text(lang);
    let header = [
        "#".to_string(),
        say(ClassMsg::ColCard),
        say(ClassMsg::ColStudents),
        say(ClassMsg::ColFirstTry),
        say(ClassMsg::ColLatest),
    ];
    // The rank is the first cell; the card's prompt is left-aligned after it.
    let table_row = |cells: &[String]| {
        let mut text = format!("{:<3} ", cells[0]);
        text.push_str(&row(&cells[1..], &WIDTHS[1..]));
        text.trim_end().to_string()
    };
    let _ = writeln!(out, "{}", table_row(&header).bold());
    for (rank, card) in cards.iter().enumerate() {
        let first = super::Share::new(card.first_right, card.students);
        let latest = super::Share::new(card.latest_right, card.students);
        let cells = [
            (rank + 1).to_string(),
            sanitize(&card.card.prompt),
            card.students.to_string(),
            percent(&first),
            percent(&latest),
        ];
        let _ = writeln!(out, "{}", table_row(&cells));
        let indent = "      ";
        let room = WIDTH - indent.len();
        let _ = writeln!(
            out,
            "{indent}{}",
            fit(&format!("→ {}", sanitize(&card.card.answer)), room)
        );
        for recurring in &card.recurring {
            let text = ClassMsg::Recurring {
                students: recurring.students,
                of: card.students,
                answer: &sanitize(&recurring.answer),
                chose: card.choice,
            }
            .text(lang);
            let _ = writeln!(out, "{indent}{}", fit(&format!("✗ {text}"), room));
        }
    }
}

fn student_table(out: &mut String, students: &[StudentRow], lang: Lang) {
    const WIDTHS: [usize; 5] = [28, 9, 7, 13, 18];
    let say = |message: ClassMsg| message.text(lang);
    let header = [
        say(ClassMsg::ColStudent),
        say(ClassMsg::ColReviews),
        say(ClassMsg::ColCards),
        say(ClassMsg::ColFirstTry),
        say(ClassMsg::ColLastStudied),
    ];
    let _ = writeln!(out, "{}", row(&header, &WIDTHS).bold());
    for student in students {
        let last = match student.days_since {
            Some(days) => ClassMsg::DaysAgo(days).text(lang),
            None => say(ClassMsg::Never),
        };
        let cells = [
            sanitize(&student.name),
            student.reviews.to_string(),
            student.cards_reached.to_string(),
            percent(&student.first_try),
            last,
        ];
        let _ = writeln!(out, "{}", row(&cells, &WIDTHS));
    }
}
