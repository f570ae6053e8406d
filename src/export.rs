//! Exports of decks for the tools learners already use: Anki (a text file
//! its importer takes as it is), CSV for spreadsheets, and JSON (the deck
//! plus each card's schedule) for other programs. Pure: every function takes
//! the decks (and records) and returns the file's text; the command writes it.
//! Deck text is stripped of terminal controls (escape sequences, control
//! characters, bidirectional overrides) in the Anki and CSV files, and
//! escaped in the JSON, so printing an export cannot drive the terminal.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::clock;
use crate::deck::{Card, CardId, Deck, DeckMeta, Direction, InputKind};
use crate::error::{Error, Result};
use crate::judge::Grade;
use crate::scheduler::CardState;
use crate::store::CardRecord;
use crate::ui::{json_safe, sanitize, sanitize_multiline};

/// Anki's stock note type with one card per note.
pub const ANKI_BASIC: &str = "Basic";
/// Anki's stock note type with a card each way: a translation pair.
pub const ANKI_REVERSED: &str = "Basic (and reversed card)";

/// Joins several answers or choices inside one CSV cell.
pub const CSV_LIST_SEPARATOR: &str = " | ";

/// One note of the Anki file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnkiNote {
    pub notetype: &'static str,
    /// `ontap::<deck title>`; Anki makes the deck when it does not exist.
    pub deck: String,
    pub front: String,
    pub back: String,
    /// Space-separated, as Anki wants them.
    pub tags: String,
    /// Anki's note id: the card id, so importing a newer export updates the
    /// notes instead of adding duplicates.
    pub guid: String,
}

/// The notes of `deck`: each translation pair (a vi-en card and the en-vi
/// card of the same term) becomes one reversed note, every other card a
/// Basic note, in deck order.
pub fn anki_notes(deck: &Deck) -> Vec<AnkiNote> {
    let deck_name = format!("ontap::{}", deck.deck.title);
    let pairs = translation_pairs(deck);
    let paired: BTreeSet<&CardId> = pairs.values().copied().collect();
    let mut notes = Vec::new();
    for card in &deck.cards {
        if paired.contains(&card.id) {
            continue;
        }
        // A reversed note's back is what its reverse card asks: the en-vi prompt.
        let (notetype, front, back) = match pairs.get(&card.id).and_then(|id| deck.card(id)) {
            Some(en_vi) => (ANKI_REVERSED, with_hint(card), with_hint(en_vi)),
            None => (ANKI_BASIC, anki_front(card), anki_back(card)),
        };
        notes.push(AnkiNote {
            notetype,
            deck: deck_name.clone(),
            front,
            back,
            tags: anki_tags(&deck.deck, card),
            guid: card.id.0.clone(),
        });
    }
    notes
}

/// The Anki import file for `decks`: Anki's `#` headers, then one
/// tab-separated line per note (fields holding a tab, quote or line break
/// are quoted as in CSV, which Anki's importer reads).
pub fn anki(decks: &[&Deck]) -> Result<String> {
    let mut text = String::from(
        "#separator:tab\n#html:false\n#notetype column:1\n#deck column:2\n#tags column:5\n#guid column:6\n",
    );
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(Vec::new());
    for deck in decks {
        for note in anki_notes(deck) {
            writer
                .write_record([
                    note.notetype.to_string(),
                    sanitize(&note.deck),
                    sanitize_multiline(&note.front),
                    sanitize_multiline(&note.back),
                    sanitize(&note.tags),
                    sanitize(&note.guid),
                ])
                .map_err(csv_error)?;
        }
    }
    text.push_str(&into_text(writer)?);
    Ok(text)
}

/// The header row of the CSV export.
pub const CSV_HEADER: [&str; 9] = [
    "deck", "id", "kind", "prompt", "answers", "choices", "hint", "section", "line",
];

/// RFC 4180 CSV (UTF-8, CRLF line ends, a header row), one card a row;
/// answers and choices joined by [`CSV_LIST_SEPARATOR`].
pub fn csv(decks: &[&Deck]) -> Result<String> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(CSV_HEADER).map_err(csv_error)?;
    for deck in decks {
        for card in &deck.cards {
            writer
                .write_record(
                    [
                        deck.deck.id.0.as_str(),
                        &card.id.0,
                        card.kind.name(),
                        &card.prompt,
                        &card.answers.join(CSV_LIST_SEPARATOR),
                        &card.choices.join(CSV_LIST_SEPARATOR),
                        card.hint.as_deref().unwrap_or(""),
                        card.section.as_deref().unwrap_or(""),
                        &card.line.to_string(),
                    ]
                    .map(sanitize_multiline),
                )
                .map_err(csv_error)?;
        }
    }
    into_text(writer)
}

/// The JSON export: `{"format": 1, "exported_at", "decks": [{"deck", "cards"}]}`
/// where each card carries its fields plus `schedule` (null when never answered).
#[derive(Debug, Serialize)]
pub struct JsonExport<'a> {
    pub format: i64,
    pub exported_at: String,
    pub decks: Vec<JsonDeck<'a>>,
}

#[derive(Debug, Serialize)]
pub struct JsonDeck<'a> {
    pub deck: &'a DeckMeta,
    pub cards: Vec<JsonCard<'a>>,
}

#[derive(Debug, Serialize)]
pub struct JsonCard<'a> {
    #[serde(flatten)]
    pub card: &'a Card,
    pub schedule: Option<JsonSchedule>,
}

/// A card's schedule with RFC 3339 times (the store's `Schedule` serializes
/// times as TOML date-times, which JSON has no notion of).
#[derive(Debug, Serialize)]
pub struct JsonSchedule {
    pub state: CardState,
    pub step: Option<u32>,
    pub stability: Option<f64>,
    pub difficulty: Option<f64>,
    pub due: String,
    pub last_review: Option<String>,
    pub reps: u32,
    pub lapses: u32,
    pub first_review: String,
    pub last_verdict: Grade,
    pub last_answer: String,
}

impl From<&CardRecord> for JsonSchedule {
    fn from(record: &CardRecord) -> JsonSchedule {
        let schedule = &record.schedule;
        JsonSchedule {
            state: schedule.state,
            step: schedule.step,
            stability: schedule.stability,
            difficulty: schedule.difficulty,
            due: clock::format(&schedule.due),
            last_review: schedule.last_review.as_ref().map(clock::format),
            reps: schedule.reps,
            lapses: schedule.lapses,
            first_review: clock::format(&record.first_review),
            last_verdict: record.last_verdict,
            last_answer: record.last_answer.clone(),
        }
    }
}

pub fn json_export<'a>(
    decks: &[&'a Deck],
    records: &BTreeMap<CardId, CardRecord>,
    now: &clock::Timestamp,
) -> JsonExport<'a> {
    JsonExport {
        format: crate::deck::DECK_FORMAT,
        exported_at: clock::format(now),
        decks: decks
            .iter()
            .map(|deck| JsonDeck {
                deck: &deck.deck,
                cards: deck
                    .cards
                    .iter()
                    .map(|card| JsonCard {
                        card,
                        schedule: records.get(&card.id).map(JsonSchedule::from),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// The JSON export as pretty-printed text ending in a newline.
pub fn json(
    decks: &[&Deck],
    records: &BTreeMap<CardId, CardRecord>,
    now: &clock::Timestamp,
) -> Result<String> {
    let text = serde_json::to_string_pretty(&json_export(decks, records, now))
        .map_err(|error| Error::io("<json>", std::io::Error::other(error)))?;
    Ok(format!("{}\n", json_safe(&text)))
}

/// Maps each vi-en card to the en-vi card of the same term: the en-vi
/// card asks for the vi-en prompt and its prompt is the vi-en answer, or,
/// failing that, its id is the vi-en id with the direction swapped. Each
/// card joins one pair at most.
fn translation_pairs(deck: &Deck) -> BTreeMap<&CardId, &CardId> {
    let mut pairs = BTreeMap::new();
    let mut taken: BTreeSet<&CardId> = BTreeSet::new();
    for vi_en in deck
        .cards
        .iter()
        .filter(|card| card.direction == Some(Direction::ViEn))
    {
        let reverse_id = vi_en.id.0.replace("/vi-en/", "/en-vi/");
        let reverse =
            |en_vi: &&Card| en_vi.direction == Some(Direction::EnVi) && !taken.contains(&en_vi.id);
        let partner = deck
            .cards
            .iter()
            .filter(reverse)
            .find(|en_vi| {
                en_vi.prompt == vi_en.canonical_answer() && en_vi.canonical_answer() == vi_en.prompt
            })
            .or_else(|| {
                // Same term, texts that differ (synonyms, a note in one cell).
                deck.cards
                    .iter()
                    .filter(reverse)
                    .find(|en_vi| en_vi.id.0 == reverse_id)
            });
        if let Some(en_vi) = partner {
            taken.insert(&en_vi.id);
            pairs.insert(&vi_en.id, &en_vi.id);
        }
    }
    pairs
}

/// The prompt with its hint, as the user sees it in a session.
fn with_hint(card: &Card) -> String {
    match &card.hint {
        Some(hint) if !hint.trim().is_empty() => format!("{} ({})", card.prompt, hint.trim()),
        _ => card.prompt.clone(),
    }
}

/// The question side: the prompt (and hint), then the choices of a
/// multiple-choice card one per line, since Anki cannot ask them as such.
fn anki_front(card: &Card) -> String {
    let mut front = with_hint(card);
    if card.input == InputKind::Choice && !card.choices.is_empty() {
        front.push('\n');
        for choice in &card.choices {
            front.push_str("\n• ");
            front.push_str(choice);
        }
    }
    front
}

/// The answer side: every item of a list card one per line; otherwise the
/// canonical answer, then the other accepted answers.
fn anki_back(card: &Card) -> String {
    if card.input == InputKind::List {
        return card.answers.join("\n");
    }
    let mut back = card.canonical_answer().to_string();
    let others: Vec<&str> = card.answers.iter().skip(1).map(String::as_str).collect();
    if !others.is_empty() {
        back.push_str("\n(also: ");
        back.push_str(&others.join(", "));
        back.push(')');
    }
    back
}

/// Tags: the deck id and the lesson section, spaces made underscores since
/// Anki separates tags with spaces.
fn anki_tags(deck: &DeckMeta, card: &Card) -> String {
    let mut tags = vec![tag(&deck.id.0)];
    if let Some(section) = &card.section {
        let section = tag(section);
        if !section.is_empty() {
            tags.push(section);
        }
    }
    tags.join(" ")
}

fn tag(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join("_")
}

fn csv_error(error: csv::Error) -> Error {
    Error::io("<csv>", std::io::Error::other(error))
}

fn into_text(writer: csv::Writer<Vec<u8>>) -> Result<String> {
    let bytes = writer
        .into_inner()
        .map_err(|error| Error::io("<csv>", std::io::Error::other(error.to_string())))?;
    String::from_utf8(bytes).map_err(|error| Error::io("<csv>", std::io::Error::other(error)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::{CardKind, DeckId};

    fn card(id: &str, kind: CardKind, prompt: &str, answers: &[&str]) -> Card {
        let answers: Vec<String> = answers.iter().map(|a| a.to_string()).collect();
        Card {
            id: CardId(id.into()),
            kind,
            input: InputKind::Text,
            prompt: prompt.into(),
            hash: Card::content_hash(kind, prompt, &answers, &[], None),
            answers,
            choices: vec![],
            hint: None,
            direction: None,
            section: Some("Some English words".into()),
            line: 1,
        }
    }

    fn translation(id: &str, direction: Direction, prompt: &str, answer: &str) -> Card {
        Card {
            direction: Some(direction),
            ..card(id, CardKind::Translate, prompt, &[answer])
        }
    }

    fn sample_deck() -> Deck {
        let mut choice = card(
            "d/category/chatgpt",
            CardKind::Category,
            "ChatGPT thuộc nhóm nào?",
            &["Tạo văn bản"],
        );
        choice.input = InputKind::Choice;
        choice.choices = vec!["Tạo văn bản".into(), "Tạo hình ảnh".into()];
        choice.section = Some("Ứng dụng thực tế".into());
        let mut list = card(
            "d/recall/video",
            CardKind::Recall,
            "Tạo video gồm những gì?",
            &["Chỉnh sửa video", "Tạo ra video ngắn"],
        );
        list.input = InputKind::List;
        list.section = None;
        Deck {
            deck: DeckMeta {
                id: DeckId("d".into()),
                title: "AI tạo sinh".into(),
                source: "d.md".into(),
                format: 1,
                folder: None,
            },
            cards: vec![
                translation(
                    "d/translate/vi-en/a",
                    Direction::ViEn,
                    "AI tạo sinh",
                    "Generative AI",
                ),
                translation(
                    "d/translate/en-vi/a",
                    Direction::EnVi,
                    "Generative AI",
                    "AI tạo sinh",
                ),
                translation("d/translate/vi-en/b", Direction::ViEn, "lẻ", "odd"),
                choice,
                list,
            ],
        }
    }

    #[test]
    fn a_translation_pair_is_one_reversed_note() {
        let notes = anki_notes(&sample_deck());
        assert_eq!(notes.len(), 4);
        let pair = &notes[0];
        assert_eq!(pair.notetype, ANKI_REVERSED);
        assert_eq!(
            (pair.front.as_str(), pair.back.as_str()),
            ("AI tạo sinh", "Generative AI")
        );
        assert_eq!(pair.guid, "d/translate/vi-en/a");
        // A translation card without its partner stays a Basic note.
        assert_eq!(notes[1].notetype, ANKI_BASIC);
        assert_eq!(notes[1].front, "lẻ");
    }

    #[test]
    fn a_pair_whose_texts_differ_is_matched_by_id() {
        let mut deck = sample_deck();
        deck.cards[0].prompt = "chia sẻ, dùng chung".into();
        deck.cards[1].answers = vec!["chia sẻ".into(), "dùng chung".into()];
        deck.cards[1].hint = Some("mạng".into());
        let notes = anki_notes(&deck);
        assert_eq!(notes.len(), 4);
        assert_eq!(notes[0].notetype, ANKI_REVERSED);
        assert_eq!(notes[0].front, "chia sẻ, dùng chung");
        assert_eq!(notes[0].back, "Generative AI (mạng)");
    }

    #[test]
    fn choice_fronts_list_the_choices_and_list_backs_every_item() {
        let notes = anki_notes(&sample_deck());
        assert_eq!(
            notes[2].front,
            "ChatGPT thuộc nhóm nào?\n\n• Tạo văn bản\n• Tạo hình ảnh"
        );
        assert_eq!(notes[2].back, "Tạo văn bản");
        assert_eq!(notes[2].tags, "d Ứng_dụng_thực_tế");
        assert_eq!(notes[3].back, "Chỉnh sửa video\nTạo ra video ngắn");
        assert_eq!(notes[3].tags, "d");
        assert_eq!(notes[0].deck, "ontap::AI tạo sinh");
    }

    #[test]
    fn anki_file_has_headers_and_quotes_multiline_fields() {
        let deck = sample_deck();
        let text = anki(&[&deck]).unwrap();
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some("#separator:tab"));
        assert_eq!(lines.next(), Some("#html:false"));
        assert!(text.contains("\"ChatGPT thuộc nhóm nào?\n\n• Tạo văn bản\n• Tạo hình ảnh\""));
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b'\t')
            .has_headers(false)
            .comment(Some(b'#'))
            .from_reader(text.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(|row| row.unwrap()).collect();
        assert_eq!(rows.len(), 4);
        assert!(rows.iter().all(|row| row.len() == 6));
    }

    #[test]
    fn csv_round_trips() {
        let deck = sample_deck();
        let text = csv(&[&deck]).unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        assert_eq!(reader.headers().unwrap(), CSV_HEADER.as_slice());
        let rows: Vec<csv::StringRecord> = reader.records().map(|row| row.unwrap()).collect();
        assert_eq!(rows.len(), deck.cards.len());
        assert_eq!(&rows[3][5], "Tạo văn bản | Tạo hình ảnh");
        assert_eq!(&rows[4][4], "Chỉnh sửa video | Tạo ra video ngắn");
    }

    #[test]
    fn json_has_null_schedules_for_unanswered_cards() {
        let deck = sample_deck();
        let now = clock::parse("2026-11-28T09:00:00+07:00").unwrap();
        let text = json(&[&deck], &BTreeMap::new(), &now).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let cards = value["decks"][0]["cards"].as_array().unwrap();
        assert_eq!(cards.len(), 5);
        assert!(cards[0]["schedule"].is_null());
        assert_eq!(cards[0]["direction"], "vi-en");
        assert_eq!(value["exported_at"], "2026-11-28T09:00:00+07:00");
    }
}
