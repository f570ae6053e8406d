//! Shared by every integration-test binary (`cli`, `session`, `core`):
//! the one command builder for the built binary ([`command`]), a PTY
//! ([`pty`]) and a driven pipe ([`Piped`]), the fixture deck in a temp
//! dir, a fixed clock, reading reviews.toml, the shared lesson corpus
//! ([`corpus`]) and a simulated class ([`class`]).
#![allow(dead_code)] // each binary uses its own part

pub mod class;
pub mod command;
pub mod corpus;
pub mod pty;

#[allow(unused_imports)] // each binary uses its own part
pub use command::{Ontap, Run, ontap, ontap_binary, without_host_settings};

use std::path::Path;

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

/// An en-vi card sharing no answer with the fixture's cards, so it is no
/// sibling of theirs: the day-1 queue may ask it right after the vi-en card
/// (the en-vi reverse of that card waits for the next day).
pub const SECOND_TYPED_CARD: &str = r#"[[card]]
id = "fixture/translate/en-vi/mo-hinh-ngon-ngu-lon"
kind = "translate"
input = "text"
prompt = "Large language model"
answers = ["Mô hình ngôn ngữ lớn"]
direction = "en-vi"
line = 1
hash = "000000000006"

"#;

/// [`FIXTURE_DECK`] with [`SECOND_TYPED_CARD`] second: day 1 asks two typed
/// cards in a row, then the three menus (5 new cards).
pub fn fixture_deck_with_two_typed_cards() -> String {
    let reverse = "[[card]]\nid = \"fixture/translate/en-vi/ai-tao-sinh\"";
    let deck = FIXTURE_DECK.replacen(reverse, &format!("{SECOND_TYPED_CARD}{reverse}"), 1);
    assert!(deck.contains(SECOND_TYPED_CARD), "{deck}");
    deck
}

/// The three categories of the fixture deck's choice cards, in deck order.
pub const CATEGORIES: [&str; 3] = ["Tạo văn bản", "Tạo hình ảnh", "Tạo âm thanh"];

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

    /// `ontap ARGS` on the fixture deck at `now`, English.
    pub fn command(&self, now: &str, args: &[&str]) -> Ontap {
        let mut command = ontap(&self.data_dir());
        command.decks(self.decks_dir()).now(now).args(args);
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

/// How long a piped session may take to print what a test waits for: a
/// session that asks something else must fail the test, not hang it.
const PIPED_DEADLINE: std::time::Duration = std::time::Duration::from_secs(30);

/// A session running with piped stdin and stdout, driven line by line.
/// Stdout is read by a thread so that waiting for a prompt has a deadline.
pub struct Piped {
    pub child: std::process::Child,
    pub stdin: Option<std::process::ChildStdin>,
    output: std::sync::mpsc::Receiver<Vec<u8>>,
    /// Everything read from stdout so far.
    pub seen: String,
}

impl Piped {
    pub fn spawn(command: Ontap) -> Piped {
        use std::io::Read;
        use std::process::Stdio;
        let mut child = command
            .into_std()
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take();
        let mut stdout = child.stdout.take().unwrap();
        let (sender, output) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut buffer = [0; 4096];
            while let Ok(read @ 1..) = stdout.read(&mut buffer) {
                if sender.send(buffer[..read].to_vec()).is_err() {
                    break;
                }
            }
        });
        Piped {
            child,
            stdin,
            output,
            seen: String::new(),
        }
    }

    pub fn send(&mut self, line: &str) {
        use std::io::Write;
        let stdin = self.stdin.as_mut().unwrap();
        stdin.write_all(line.as_bytes()).unwrap();
        stdin.flush().unwrap();
    }

    /// Reads stdout until `needle` has been printed; fails the test when the
    /// output ends or nothing matching comes before the deadline.
    pub fn wait_for(&mut self, needle: &str) {
        self.wait_until(needle, |seen| seen.contains(needle));
    }

    /// Reads stdout until what was printed so far satisfies `done`
    /// (`waiting_for` names it in the failure).
    pub fn wait_until(&mut self, waiting_for: &str, done: impl Fn(&str) -> bool) {
        use std::sync::mpsc::RecvTimeoutError;
        let needle = waiting_for;
        let deadline = std::time::Instant::now() + PIPED_DEADLINE;
        let mut bytes = Vec::new();
        while !done(&self.seen) {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.output.recv_timeout(left) {
                Ok(chunk) => bytes.extend_from_slice(&chunk),
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("ended before {needle:?}: {}", self.seen)
                }
                Err(RecvTimeoutError::Timeout) => {
                    let _ = self.child.kill();
                    panic!("no {needle:?} within {PIPED_DEADLINE:?}: {}", self.seen)
                }
            }
            self.seen = String::from_utf8_lossy(&bytes).into_owned();
        }
    }

    /// Reads stdout to the end and waits for the process; stdin is closed
    /// only when `close_stdin`. Fails the test (killing the session) when
    /// the output does not end before the deadline.
    pub fn finish(&mut self, close_stdin: bool) -> std::process::ExitStatus {
        use std::sync::mpsc::RecvTimeoutError;
        if close_stdin {
            drop(self.stdin.take());
        }
        let deadline = std::time::Instant::now() + PIPED_DEADLINE;
        let mut rest = Vec::new();
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.output.recv_timeout(left) {
                Ok(chunk) => rest.extend_from_slice(&chunk),
                Err(RecvTimeoutError::Disconnected) => break,
                Err(RecvTimeoutError::Timeout) => {
                    let _ = self.child.kill();
                    panic!(
                        "output did not end within {PIPED_DEADLINE:?}: {}{}",
                        self.seen,
                        String::from_utf8_lossy(&rest)
                    )
                }
            }
        }
        self.seen.push_str(&String::from_utf8_lossy(&rest));
        self.child.wait().unwrap()
    }
}
