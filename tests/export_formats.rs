//! `ontap export` of the bundled deck in each format, through the real
//! binary, read back with real parsers.

use std::path::Path;

use assert_cmd::Command;
use ontap::deck::{Deck, Direction};
use ontap::library::BUNDLED_DECK;

const NOW: &str = "2026-11-28T20:00:00+07:00";

fn bundled() -> Deck {
    Deck::from_toml(BUNDLED_DECK, Path::new("bundled")).unwrap()
}

fn ontap(data_dir: &Path) -> Command {
    let mut command = Command::cargo_bin("ontap").unwrap();
    command
        .env("ONTAP_DATA_DIR", data_dir)
        .env("ONTAP_NOW", NOW)
        .env_remove("ONTAP_DECKS");
    command
}

fn export(format: &str) -> String {
    let data = tempfile::tempdir().unwrap();
    let output = ontap(data.path())
        .args(["export", "ai-tao-sinh", "--format", format])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// The translation pairs of `deck`, found the way a reader of the deck
/// would: a vi-en card whose prompt is an en-vi card's answer and back.
fn translation_pairs(deck: &Deck) -> usize {
    deck.cards
        .iter()
        .filter(|vi_en| vi_en.direction == Some(Direction::ViEn))
        .filter(|vi_en| {
            deck.cards.iter().any(|en_vi| {
                en_vi.direction == Some(Direction::EnVi)
                    && en_vi.prompt == vi_en.answers[0]
                    && en_vi.answers[0] == vi_en.prompt
            })
        })
        .count()
}

#[test]
fn anki_file_has_the_headers_and_one_note_per_translation_pair() {
    let deck = bundled();
    let pairs = translation_pairs(&deck);
    assert!(pairs > 0, "the bundled deck has translation pairs");
    let text = export("anki");
    let headers: Vec<&str> = text
        .lines()
        .take_while(|line| line.starts_with('#'))
        .collect();
    for header in [
        "#separator:tab",
        "#html:false",
        "#notetype column:1",
        "#deck column:2",
        "#tags column:5",
    ] {
        assert!(
            headers.contains(&header),
            "{header} missing from {headers:?}"
        );
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), deck.cards.len() - pairs);
    let reversed = rows
        .iter()
        .filter(|row| &row[0] == "Basic (and reversed card)")
        .count();
    assert_eq!(reversed, pairs);
    assert!(
        rows.iter()
            .all(|row| &row[0] == "Basic (and reversed card)" || &row[0] == "Basic")
    );
    let deck_name = format!("ontap::{}", deck.deck.title);
    for row in &rows {
        assert_eq!(&row[1], deck_name);
        assert!(row[4].split(' ').any(|tag| tag == "ai-tao-sinh"), "{row:?}");
        assert!(!row[4].contains("  "));
        assert!(!row[2].is_empty() && !row[3].is_empty(), "{row:?}");
    }
}

#[test]
fn csv_parses_back_with_a_header_and_a_row_per_card() {
    let deck = bundled();
    let text = export("csv");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "deck", "id", "kind", "prompt", "answers", "choices", "hint", "section", "line"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), deck.cards.len());
    for (row, card) in rows.iter().zip(&deck.cards) {
        assert_eq!(&row[0], "ai-tao-sinh");
        assert_eq!(&row[1], card.id.0);
        assert_eq!(&row[3], card.prompt);
        assert_eq!(row[4].split(" | ").collect::<Vec<_>>(), card.answers);
        assert_eq!(&row[8], card.line.to_string());
    }
}

#[test]
fn output_file_is_written_and_an_unknown_deck_is_refused() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("deck.csv");
    ontap(data.path())
        .args(["export", "--format", "csv", "-o"])
        .arg(&file)
        .assert()
        .success()
        .stdout("");
    let written = std::fs::read_to_string(&file).unwrap();
    assert_eq!(written, export("csv"));
    ontap(data.path())
        .args(["export", "nope", "--format", "csv", "-o"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no deck named 'nope'"));
    // The earlier export is still there, untouched.
    assert_eq!(std::fs::read_to_string(&file).unwrap(), written);
}
