//! `ontap export` of the bundled deck in each format, through the real
//! binary, read back with real parsers.

use std::path::Path;

use ontap::deck::{Deck, Direction};
use ontap::library::BUNDLED_DECK;

use crate::support::ontap;

fn bundled() -> Deck {
    Deck::from_toml(BUNDLED_DECK, Path::new("bundled")).unwrap()
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

/// A deck whose text holds what a hostile or sloppy lesson could: escape
/// sequences, BEL, C1 controls, bidirectional overrides, and the tabs,
/// quotes and line breaks that the formats must quote.
const AWKWARD_DECK: &str = r#"[deck]
id = "awkward"
title = "Awk\u001b]0;pwned\u0007ward \"deck\""
source = "awkward.md"
format = 1

[[card]]
id = "awkward/category/a"
kind = "category"
input = "choice"
prompt = "Tool\u001b[2J \"quoted\"\tand\ttabbed\nthuộc nhóm\u202e nào?"
answers = ["Tạo\u009b31m văn bản"]
choices = ["Tạo\u009b31m văn bản", "Tạo, hình; ảnh"]
hint = "two\nlines\u0007"
section = "Sec\ttion"
line = 3
hash = "000000000000"

[[card]]
id = "awkward/translate/vi-en/x"
kind = "translate"
input = "text"
prompt = "mô hình"
answers = ["model\u001b[0m"]
direction = "vi-en"
section = "Words"
line = 9
hash = "000000000000"
"#;

fn awkward_export(format: &str) -> String {
    let data = tempfile::tempdir().unwrap();
    let decks = data.path().join("decks");
    std::fs::create_dir(&decks).unwrap();
    std::fs::write(decks.join("awkward.toml"), AWKWARD_DECK).unwrap();
    let output = ontap(data.path())
        .args(["export", "--format", format, "--decks"])
        .arg(&decks)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// Whether `text` holds anything that could drive a terminal; `allowed`
/// are the layout characters the format itself uses.
fn drives_the_terminal(text: &str, allowed: &[char]) -> bool {
    text.chars().any(|ch| {
        (ch.is_control() && !allowed.contains(&ch))
            || matches!(ch, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
}

#[test]
fn awkward_text_is_quoted_and_cannot_drive_the_terminal() {
    let anki = awkward_export("anki");
    assert!(!drives_the_terminal(&anki, &['\n', '\t']), "{anki:?}");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .comment(Some(b'#'))
        .from_reader(anki.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2, "{anki}");
    assert_eq!(&rows[0][1], "ontap::Awkward \"deck\"");
    assert!(
        rows[0][2].starts_with("Tool \"quoted\"\tand\ttabbed\nthuộc nhóm nào? (two\nlines)"),
        "{:?}",
        &rows[0][2]
    );
    assert_eq!(&rows[0][3], "Tạo văn bản");

    let csv_text = awkward_export("csv");
    assert!(
        !drives_the_terminal(&csv_text, &['\n', '\t', '\r']),
        "{csv_text:?}"
    );
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][3], "Tool \"quoted\"\tand\ttabbed\nthuộc nhóm nào?");
    assert_eq!(&rows[0][5], "Tạo văn bản | Tạo, hình; ảnh");
    assert_eq!(&rows[1][4], "model");

    // JSON keeps the text exact for programs, escaped.
    let json = awkward_export("json");
    assert!(!drives_the_terminal(&json, &['\n']), "{json:?}");
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        value["decks"][0]["cards"][0]["answers"][0],
        "Tạo\u{9b}31m văn bản"
    );
    assert_eq!(
        value["decks"][0]["deck"]["title"],
        "Awk\u{1b}]0;pwned\u{7}ward \"deck\""
    );
}

#[test]
fn output_into_a_missing_folder_is_a_clear_error_in_both_languages() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("no-such-folder").join("deck.txt");
    for (lang, message) in [("en", "the folder"), ("vi", "thư mục")] {
        let output = ontap(data.path())
            .args(["export", "--format", "anki", "--lang", lang, "-o"])
            .arg(&file)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{output:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.starts_with("ontap: "), "{stderr}");
        assert!(stderr.contains(message), "{stderr}");
        assert!(stderr.contains("no-such-folder"), "{stderr}");
        // Not tempfile's wording, which names its random file.
        assert!(!stderr.contains("at path"), "{stderr}");
    }
    assert!(!file.parent().unwrap().exists());
}

/// `-o` follows a symbolic link to the file it names, and writes into what
/// is not a regular file (a named pipe, `/dev/stdout`) instead of renaming a
/// new file over it.
#[cfg(unix)]
#[test]
fn output_through_a_link_or_into_a_pipe_keeps_them() {
    use std::os::unix::fs::FileTypeExt;
    let data = tempfile::tempdir().unwrap();
    let real = data.path().join("real.csv");
    let link = data.path().join("link.csv");
    std::fs::write(&real, "old").unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    ontap(data.path())
        .args(["export", "--format", "csv", "-o"])
        .arg(&link)
        .assert()
        .success();
    assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
    assert_eq!(std::fs::read_to_string(&real).unwrap(), export("csv"));

    let pipe = data.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .unwrap();
    assert!(made.success());
    let reader = {
        let pipe = pipe.clone();
        std::thread::spawn(move || std::fs::read_to_string(pipe).unwrap())
    };
    ontap(data.path())
        .args(["export", "--format", "csv", "-o"])
        .arg(&pipe)
        .assert()
        .success();
    // Checked before joining: a pipe replaced by a file never gets a writer.
    assert!(pipe.metadata().unwrap().file_type().is_fifo());
    assert_eq!(reader.join().unwrap(), export("csv"));
}
