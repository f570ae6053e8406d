//! Shared by the session tests (`session_*`, `pty_*`, `piped`): a fixture
//! deck, a data dir in a temp dir, a fixed clock, and reading reviews.toml.
#![allow(dead_code)]

pub mod pty;

use std::path::Path;
use std::process::Command;

use ontap::deck::Deck;

pub const NOW: &str = "2026-11-28T09:00:00+07:00";
pub const NEXT_DAY: &str = "2026-11-29T09:00:00+07:00";

/// A small deck whose order and answers the tests know: translation cards
/// both ways, three category cards (multiple choice) and a list card.
pub const FIXTURE_DECK: &str = r#"[deck]
id = "fixture"
title = "Fixture"
source = "fixture.md"
format = 1

[[card]]
id = "fixture/translate/vi-en/ai-tao-sinh"
kind = "translate"
input = "text"
prompt = "AI tạo sinh"
answers = ["Generative AI"]
direction = "vi-en"
line = 1
hash = "000000000001"

[[card]]
id = "fixture/translate/en-vi/ai-tao-sinh"
kind = "translate"
input = "text"
prompt = "Generative AI"
answers = ["AI tạo sinh"]
direction = "en-vi"
line = 1
hash = "000000000002"

[[card]]
id = "fixture/category/midjourney"
kind = "category"
input = "choice"
prompt = "MidJourney thuộc nhóm nào?"
answers = ["Tạo hình ảnh"]
choices = ["Tạo văn bản", "Tạo hình ảnh", "Tạo âm thanh"]
line = 2
hash = "000000000003"

[[card]]
id = "fixture/category/chatgpt"
kind = "category"
input = "choice"
prompt = "ChatGPT thuộc nhóm nào?"
answers = ["Tạo văn bản"]
choices = ["Tạo văn bản", "Tạo hình ảnh", "Tạo âm thanh"]
line = 3
hash = "000000000004"

[[card]]
id = "fixture/category/suno"
kind = "category"
input = "choice"
prompt = "Suno thuộc nhóm nào?"
answers = ["Tạo âm thanh"]
choices = ["Tạo văn bản", "Tạo hình ảnh", "Tạo âm thanh"]
line = 4
hash = "000000000005"
"#;

/// A temp dir with `data/` (empty) and `decks/fixture.toml`.
pub struct Fixture {
    pub dir: tempfile::TempDir,
}

impl Fixture {
    pub fn new() -> Fixture {
        Fixture::with_deck(FIXTURE_DECK)
    }

    pub fn with_deck(deck: &str) -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("decks")).unwrap();
        std::fs::create_dir_all(dir.path().join("data")).unwrap();
        std::fs::write(dir.path().join("decks/fixture.toml"), deck).unwrap();
        Fixture { dir }
    }

    pub fn data_dir(&self) -> std::path::PathBuf {
        self.dir.path().join("data")
    }

    pub fn decks_dir(&self) -> std::path::PathBuf {
        self.dir.path().join("decks")
    }

    /// `ontap ARGS` on the fixture deck at `now`, English, no colour.
    pub fn command(&self, now: &str, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_ontap"));
        command
            .args(args)
            .env("ONTAP_DATA_DIR", self.data_dir())
            .env("ONTAP_DECKS", self.decks_dir())
            .env("ONTAP_NOW", now)
            .env("LANG", "en_US.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("NO_COLOR")
            .env("TERM", "xterm");
        command
    }

    pub fn reviews(&self) -> Vec<toml::Table> {
        reviews(&self.data_dir())
    }
}

/// The effective `[[review]]` tables of `data_dir/reviews.toml`: the
/// reviews named by an `[[undo]]` are left out when the log has such entries.
pub fn reviews(data_dir: &Path) -> Vec<toml::Table> {
    let text = std::fs::read_to_string(data_dir.join("reviews.toml")).unwrap_or_default();
    let table: toml::Table = toml::from_str(&text).unwrap();
    let list = |key: &str| -> Vec<toml::Table> {
        table
            .get(key)
            .and_then(|value| value.as_array())
            .map(|items| {
                items
                    .iter()
                    .filter_map(|item| item.as_table().cloned())
                    .collect()
            })
            .unwrap_or_default()
    };
    let undone: Vec<String> = list("undo")
        .iter()
        .filter_map(|undo| {
            undo.get("review")
                .and_then(|id| id.as_str())
                .map(String::from)
        })
        .collect();
    list("review")
        .into_iter()
        .filter(|review| {
            review
                .get("id")
                .and_then(|id| id.as_str())
                .is_none_or(|id| !undone.iter().any(|u| u == id))
        })
        .collect()
}

pub fn field<'t>(review: &'t toml::Table, key: &str) -> &'t str {
    review
        .get(key)
        .and_then(|value| value.as_str())
        .unwrap_or("")
}

/// The bundled deck, as a fresh install studies it.
pub fn bundled_deck() -> Deck {
    Deck::from_toml(ontap::library::BUNDLED_DECK, Path::new("bundled")).unwrap()
}

/// Whether `text` holds an SGR (colour) escape sequence.
pub fn has_colour(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.windows(2).enumerate().any(|(start, pair)| {
        pair == b"\x1b[" && {
            let rest = &bytes[start + 2..];
            let digits = rest
                .iter()
                .take_while(|b| b.is_ascii_digit() || **b == b';')
                .count();
            digits > 0 && rest.get(digits) == Some(&b'm')
        }
    })
}
