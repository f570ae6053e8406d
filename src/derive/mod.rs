//! Derivation: one extractor per lesson structure turns the lesson model into
//! cards, and [`compile_lesson`] assembles them into a deck.
//!
//! - [`translate`]: the vocabulary table, one card each way per row;
//! - [`category`]: groups of named things (tools, services) under category
//!   labels, matched both ways as multiple choice;
//! - [`recall`]: labelled groups of capabilities, recalled as a list, and
//!   each item matched to its group;
//! - [`acronym`]: `Long Name (ACR)` and `ACR (Long Name)`;
//! - [`pairs`]: Vietnamese–English pairs written in running text;
//! - [`definition`]: a bold term defined in its sentence, or described by
//!   the paragraph under it in a list of bold terms.
//!
//! Prompts are in Vietnamese, the students' language, whatever the lesson's
//! language. Cards come out in lesson order; ids are `deck/kind/slug` paths
//! built from the term or item, so they survive edits elsewhere in the lesson.

pub mod acronym;
pub mod category;
pub mod definition;
pub mod groups;
pub mod pairs;
pub mod recall;
pub mod text;
pub mod translate;

use std::collections::HashSet;
use std::path::Path;

use unicode_normalization::{IsNormalized, UnicodeNormalization};

use crate::deck::{
    Card, CardId, CardKind, DECK_FORMAT, Deck, DeckId, DeckMeta, Direction, InputKind,
};
use crate::error::{Error, LessonProblem, Location, Result};
use crate::lesson::{Block, Inline, Lesson, Section};

pub use text::slug;

/// A card before its id is made unique and its hash computed.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub kind: CardKind,
    pub input: InputKind,
    /// The id path after `deck/kind/`, e.g. `vi-en/ai-tao-sinh`.
    pub key: String,
    pub prompt: String,
    pub answers: Vec<String>,
    pub choices: Vec<String>,
    pub hint: Option<String>,
    pub direction: Option<Direction>,
    pub section: Option<String>,
    pub line: usize,
    /// Whether a multiple choice left with two options may be asked as a
    /// typed answer instead (its answer is the only right one). "Which of
    /// these is in group X?" may not: other members are right too.
    pub typable: bool,
}

impl Draft {
    pub fn new(
        kind: CardKind,
        input: InputKind,
        key: String,
        prompt: String,
        answers: Vec<String>,
    ) -> Draft {
        Draft {
            kind,
            input,
            key,
            prompt,
            answers,
            choices: Vec::new(),
            hint: None,
            direction: None,
            section: None,
            line: 0,
            typable: true,
        }
    }

    pub fn at(mut self, section: &Section, line: usize) -> Draft {
        self.section = Some(section.heading.clone()).filter(|heading| !heading.is_empty());
        self.line = line;
        self
    }
}

/// The fewest options of a multiple-choice card: with two, half the
/// guesses are right.
pub const MIN_CHOICES: usize = 3;

/// At most this many options in a multiple-choice card.
pub const MAX_CHOICES: usize = 4;

/// Why a candidate card was left out of the deck.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DropReason {
    /// A task list (`- [x] …`): things to do, not to know.
    TaskList,
    /// A link to another wiki page (`[[…]]`).
    WikiLink,
    /// A worked example's, an exercise's or a hint's parts (`Ví dụ`,
    /// `Bài tập 1`, `Cách thực hiện`).
    WorkedExample,
    /// Advice (`Nên …`, `Không …`), not members of a group.
    Advice,
    /// Numbers or sizes, not names.
    Number,
    /// A label setting a scene (`Trong phòng máy…`) or running on into its
    /// list, not the name of a group.
    NotAGroupName,
    /// The items are sentences, not names to recall.
    NotNames,
    /// The items are the fields of a description (`Chức năng:`, `Cấu tạo:`).
    FieldLabels,
    /// Another list of the lesson goes by the same name.
    SamePrompt,
    /// Another card of the lesson asks the same already.
    AskedAlready,
    /// More items than a student can fairly recall at once.
    TooManyItems,
    /// The prompt holds its own answer.
    ShowsItsAnswer,
    /// The same card twice.
    Duplicate,
    /// A multiple choice with fewer than three options (a guess), or
    /// without its answer.
    TooFewChoices,
    /// Nothing to ask or nothing to answer.
    Empty,
    /// Text too long for a card (a definition on a line of a megabyte).
    TooLong,
}

/// A candidate card the compiler left out, where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    pub line: usize,
    /// The candidate: its prompt, or the structure read.
    pub what: String,
    pub reason: DropReason,
}

impl Dropped {
    pub fn new(line: usize, what: impl Into<String>, reason: DropReason) -> Dropped {
        Dropped {
            line,
            what: what.into(),
            reason,
        }
    }
}

/// A lesson's deck and what was left out of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Compiled {
    pub deck: Deck,
    /// The candidates dropped, in lesson order.
    pub dropped: Vec<Dropped>,
    /// Front matter values left out as broken: their line and key.
    pub broken_front_matter: Vec<(usize, String)>,
}

/// Compiles one lesson file's bytes into its deck. `path` names the lesson
/// (its file name gives the deck id) and the file in errors.
pub fn compile_lesson(path: &Path, bytes: &[u8]) -> Result<Deck> {
    compile_lesson_explained(path, bytes).map(|compiled| compiled.deck)
}

/// [`compile_lesson`], with the candidates it dropped and why.
pub fn compile_lesson_explained(path: &Path, bytes: &[u8]) -> Result<Compiled> {
    // Windows editors save "Unicode" as UTF-16 with a byte-order mark.
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(Error::Lesson {
            location: Location::line(path, 1),
            problem: LessonProblem::Utf16,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|error| {
        let valid = bytes.get(..error.valid_up_to()).unwrap_or_default();
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        Error::Lesson {
            location: Location::line(path, line),
            problem: LessonProblem::InvalidUtf8 {
                byte: error.valid_up_to() + 1,
            },
        }
    })?;
    // Decomposed letters (`e` + U+0302 + U+0301 for `ế`) would compare,
    // display and judge differently from the composed ones users type.
    let composed;
    let composed_already = text.is_ascii()
        || match unicode_normalization::is_nfc_quick(text.chars()) {
            IsNormalized::Yes => true,
            IsNormalized::No => false,
            IsNormalized::Maybe => unicode_normalization::is_nfc(text),
        };
    let text = if composed_already {
        text
    } else {
        composed = text.nfc().collect::<String>();
        composed.as_str()
    };
    let lesson = Lesson::parse(text).map_err(|error| Error::Lesson {
        location: Location::line(path, error.line),
        problem: error.problem,
    })?;
    let source = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(derive_explained(&lesson, lesson_stem(&source), &source))
}

/// A lesson's file name without its `.md`; `Bài.MD` is a lesson too
/// (case-insensitive file systems keep either).
pub(crate) fn lesson_stem(file_name: &str) -> &str {
    file_name
        .len()
        .checked_sub(3)
        .filter(|&cut| file_name.is_char_boundary(cut))
        .filter(|&cut| file_name[cut..].eq_ignore_ascii_case(".md"))
        .map_or(file_name, |cut| &file_name[..cut])
}

/// The deck id of a lesson file named `stem`: its slug, or, for a name
/// with no Latin letter or digit (`中文.md`, `---.md`), `lesson-` and a
/// digest of the name, so two such lessons do not both become `x`.
pub(crate) fn deck_slug(stem: &str) -> String {
    let has_letters = text::fold(stem).chars().any(|c| c.is_ascii_alphanumeric());
    if has_letters {
        slug(stem)
    } else {
        format!("lesson-{}", crate::deck::short_digest([stem], 4))
    }
}

/// Builds the deck of a parsed lesson.
pub fn derive_deck(lesson: &Lesson, stem: &str, source: &str) -> Deck {
    derive_explained(lesson, stem, source).deck
}

/// One extractor of the registry: the kind of cards it makes and how.
pub struct Extractor {
    pub kind: CardKind,
    /// Adds its drafts (and what it leaves out, and why) to `found`.
    pub extract: for<'a> fn(&mut Reading<'a>, &mut Found),
}

/// What the extractors read: the lesson, and what is read from it once
/// for several of them.
pub struct Reading<'a> {
    pub lesson: &'a Lesson,
    /// The acronym cards and the running-text pairs both need them;
    /// `acronym` takes them, so `pairs` comes before it.
    pub acronyms: Vec<acronym::AcronymFact<'a>>,
}

/// What the extractors found so far, in the order they ran.
#[derive(Default)]
pub struct Found {
    pub drafts: Vec<Draft>,
    pub dropped: Vec<Dropped>,
}

/// The card kinds' registry: every extractor, in the order they run (the
/// order breaks ties between cards of one line, and `groups` runs last to
/// leave out what the others asked already). A new kind's extractor goes
/// here; `every_kind_has_an_extractor` fails for a kind with none.
pub const EXTRACTORS: [Extractor; 7] = [
    Extractor {
        kind: CardKind::Translate,
        extract: |reading, found| translate::extract(reading.lesson, &mut found.drafts),
    },
    Extractor {
        kind: CardKind::Translate,
        extract: |reading, found| {
            pairs::extract_with(reading.lesson, &reading.acronyms, &mut found.drafts);
        },
    },
    Extractor {
        kind: CardKind::Category,
        extract: |reading, found| category::extract(reading.lesson, &mut found.drafts),
    },
    Extractor {
        kind: CardKind::Recall,
        extract: |reading, found| recall::extract(reading.lesson, &mut found.drafts),
    },
    Extractor {
        kind: CardKind::Acronym,
        extract: |reading, found| {
            acronym::extract_from(std::mem::take(&mut reading.acronyms), &mut found.drafts);
        },
    },
    Extractor {
        kind: CardKind::Definition,
        extract: |reading, found| {
            for (line, term) in definition::extract_counting(reading.lesson, &mut found.drafts) {
                found
                    .dropped
                    .push(Dropped::new(line, term, DropReason::TooLong));
            }
        },
    },
    Extractor {
        kind: CardKind::Recall,
        extract: |reading, found| {
            groups::extract(reading.lesson, &mut found.drafts, &mut found.dropped);
        },
    },
];

/// [`derive_deck`], with the candidates it dropped and why.
pub fn derive_explained(lesson: &Lesson, stem: &str, source: &str) -> Compiled {
    let deck_id = deck_slug(stem);
    let mut reading = Reading {
        lesson,
        acronyms: acronym::acronym_facts(lesson),
    };
    let mut found = Found::default();
    for extractor in &EXTRACTORS {
        (extractor.extract)(&mut reading, &mut found);
    }
    let Found {
        mut drafts,
        mut dropped,
    } = found;
    // Lesson order; the sort is stable, so ties keep extractor order.
    drafts.sort_by_key(|draft| draft.line);
    let cards = finish_cards(&deck_id, drafts, &mut dropped);
    dropped.sort_by_key(|drop| drop.line);
    Compiled {
        deck: Deck {
            deck: DeckMeta {
                id: DeckId(deck_id.clone()),
                title: lesson.title.clone().unwrap_or_else(|| stem.to_string()),
                source: source.to_string(),
                format: DECK_FORMAT,
                folder: None,
            },
            cards,
        },
        dropped,
        broken_front_matter: lesson.broken_front_matter.clone(),
    }
}

/// The quality gate every card passes: drops empty and repeated cards and
/// those showing their answer (saying why in `dropped`), makes ids unique
/// and hashes the rest.
fn finish_cards(deck_id: &str, drafts: Vec<Draft>, dropped: &mut Vec<Dropped>) -> Vec<Card> {
    let mut ids = HashSet::new();
    let mut contents = HashSet::new();
    let mut cards = Vec::with_capacity(drafts.len());
    for mut draft in drafts {
        // Nothing to ask, nothing to answer, or an option offered twice.
        let wordy = |text: &String| text.chars().any(char::is_alphanumeric);
        draft.answers.retain(wordy);
        let mut offered = HashSet::new();
        draft
            .choices
            .retain(|choice| wordy(choice) && offered.insert(text::fold(choice)));
        if !wordy(&draft.prompt) || draft.answers.is_empty() {
            dropped.push(Dropped::new(draft.line, draft.prompt, DropReason::Empty));
            continue;
        }
        if shows_its_answer(&draft) {
            dropped.push(Dropped::new(
                draft.line,
                draft.prompt,
                DropReason::ShowsItsAnswer,
            ));
            continue;
        }
        // A multiple choice needs two wrong options (two options are a
        // coin toss), and the right one; with one wrong option, a question
        // with one right answer is typed instead.
        if draft.input == InputKind::Choice
            && draft.choices.len() == MIN_CHOICES - 1
            && draft.typable
            && draft
                .answers
                .first()
                .is_some_and(|answer| draft.choices.contains(answer))
        {
            draft.input = InputKind::Text;
            draft.choices.clear();
        }
        let choice_ok = draft.choices.len() >= MIN_CHOICES
            && draft
                .answers
                .first()
                .is_some_and(|answer| draft.choices.contains(answer));
        if draft.input == InputKind::Choice && !choice_ok {
            dropped.push(Dropped::new(
                draft.line,
                draft.prompt,
                DropReason::TooFewChoices,
            ));
            continue;
        }
        let content = (
            draft.kind,
            draft.prompt.clone(),
            draft.answers.clone(),
            draft.choices.clone(),
            draft.hint.clone(),
        );
        if !contents.insert(content) {
            dropped.push(Dropped::new(
                draft.line,
                draft.prompt,
                DropReason::Duplicate,
            ));
            continue;
        }
        let base = format!("{deck_id}/{}/{}", draft.kind.name(), draft.key);
        let mut id = base.clone();
        let mut counter = 2;
        while !ids.insert(id.clone()) {
            id = format!("{base}-{counter}");
            counter += 1;
        }
        let hash = Card::content_hash(
            draft.kind,
            &draft.prompt,
            &draft.answers,
            &draft.choices,
            draft.hint.as_deref(),
        );
        cards.push(Card {
            id: CardId(id),
            kind: draft.kind,
            input: draft.input,
            prompt: draft.prompt,
            answers: draft.answers,
            choices: draft.choices,
            hint: draft.hint,
            direction: draft.direction,
            section: draft.section,
            line: draft.line,
            hash,
        });
    }
    cards
}

/// Whether a question card's prompt holds its own answer as whole words
/// (a list card's items may repeat words of its label; a translation's
/// prompt is the lesson's term, kept whatever it is).
fn shows_its_answer(draft: &Draft) -> bool {
    if matches!(draft.kind, CardKind::Translate) || draft.input == InputKind::List {
        return false;
    }
    let Some(answer) = draft.answers.first() else {
        return false;
    };
    let words = |text: &str| {
        let folded = text::fold(text);
        let joined = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        format!(" {joined} ")
    };
    let answer = words(answer);
    answer.trim().chars().count() >= 3 && words(&draft.prompt).contains(&answer)
}

/// The sections cards may come from: not the mind-map embeds.
pub fn content_sections(lesson: &Lesson) -> impl Iterator<Item = &Section> {
    lesson
        .sections
        .iter()
        .filter(|section| !text::fold(&section.heading).starts_with("so do tom tat"))
}

/// Every inline of a section, in lesson order: paragraphs, list items (their
/// leads and what follows, nested lists included) and table cells.
pub fn section_inlines(section: &Section) -> Vec<&Inline> {
    let mut inlines = Vec::new();
    blocks_inlines(&section.blocks, &mut inlines);
    inlines
}

fn blocks_inlines<'a>(blocks: &'a [Block], inlines: &mut Vec<&'a Inline>) {
    for block in blocks {
        match block {
            Block::Paragraph(inline) => inlines.push(inline),
            Block::List(list) => {
                for item in &list.items {
                    inlines.push(&item.lead);
                    blocks_inlines(&item.blocks, inlines);
                }
            }
            Block::Table(table) => {
                inlines.extend(table.header.iter());
                for row in &table.rows {
                    inlines.extend(row.cells.iter());
                }
            }
            Block::Code { .. } | Block::Math { .. } => {}
        }
    }
}

/// Picks up to `max - 1` distractors for `answer` among `pool` (in lesson
/// order), nearest first after the answer, and returns the choices in
/// lesson order with the answer among them.
pub fn pick_choices(answer: &str, pool: &[String], max: usize) -> Vec<String> {
    let answer_key = text::fold(answer);
    // Each candidate folded once, with its folded key.
    let mut unique: Vec<(&String, String)> = Vec::new();
    let mut keys = HashSet::new();
    for candidate in pool {
        let key = text::fold(candidate);
        if keys.insert(key.clone()) {
            unique.push((candidate, key));
        }
    }
    let Some(position) = unique.iter().position(|(_, key)| *key == answer_key) else {
        let mut choices = vec![answer.to_string()];
        choices.extend(
            unique
                .iter()
                .filter(|(_, key)| *key != answer_key)
                .take(max.saturating_sub(1))
                .map(|(c, _)| c.to_string()),
        );
        return choices;
    };
    let count = unique.len();
    let mut picked: Vec<usize> = vec![position];
    for step in 1..count {
        if picked.len() >= max {
            break;
        }
        picked.push((position + step) % count);
    }
    picked.sort_unstable();
    picked
        .iter()
        .filter_map(|&index| unique.get(index))
        .map(|(c, _)| c.to_string())
        .collect()
}

/// The drafts one extractor derives from the lesson `text`, for the
/// extractors' unit tests.
#[cfg(test)]
pub(crate) fn drafts_of(extract: fn(&Lesson, &mut Vec<Draft>), text: &str) -> Vec<Draft> {
    let mut drafts = Vec::new();
    let lesson = Lesson::parse(text).expect("test lessons parse");
    extract(&lesson, &mut drafts);
    drafts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    /// A kind the registry forgets would silently make no cards; each
    /// extractor makes the kind it is listed with (run alone on the
    /// bundled lesson).
    #[test]
    fn every_kind_has_an_extractor() {
        let lesson = Lesson::parse(include_str!("../../decks/ai-tao-sinh.md")).unwrap();
        let mut made = HashSet::new();
        for extractor in &EXTRACTORS {
            let mut reading = Reading {
                lesson: &lesson,
                acronyms: acronym::acronym_facts(&lesson),
            };
            let mut found = Found::default();
            (extractor.extract)(&mut reading, &mut found);
            for draft in &found.drafts {
                assert_eq!(draft.kind, extractor.kind, "{draft:?}");
                made.insert(draft.kind);
            }
        }
        // Not vacuous: the bundled lesson has cards of several kinds (a new
        // kind need not be in it).
        assert!(made.len() >= 3, "{made:?}");
        for kind in CardKind::all() {
            assert!(
                EXTRACTORS.iter().any(|extractor| extractor.kind == *kind),
                "no extractor makes {kind:?} cards"
            );
        }
    }

    #[test]
    fn choices_keep_lesson_order_and_include_the_answer() {
        let pool = strings(&["a", "b", "c", "d", "e", "f"]);
        assert_eq!(pick_choices("e", &pool, 4), strings(&["a", "b", "e", "f"]));
        assert_eq!(pick_choices("b", &pool[..2], 4), strings(&["a", "b"]));
    }

    fn draft(key: &str, prompt: &str, answer: &str, line: usize) -> Draft {
        let mut draft = Draft::new(
            CardKind::Recall,
            InputKind::Text,
            key.to_string(),
            prompt.to_string(),
            vec![answer.to_string()],
        );
        draft.line = line;
        draft
    }

    #[test]
    fn cards_are_deduplicated_and_ids_made_unique() {
        let mut broken_choice = draft("c", "Chọn?", "a", 4);
        broken_choice.input = InputKind::Choice;
        broken_choice.choices = strings(&["a"]);
        let drafts = vec![
            draft("x", "Hỏi?", "một", 1),
            draft("x", "Hỏi?", "một", 2),
            draft("x", "Hỏi khác?", "hai", 3),
            broken_choice,
            draft("y", "", "ba", 5),
        ];
        let cards = finish_cards("bai", drafts, &mut Vec::new());
        let ids: Vec<&str> = cards.iter().map(|card| card.id.0.as_str()).collect();
        assert_eq!(ids, vec!["bai/recall/x", "bai/recall/x-2"]);
        assert_eq!(cards[1].line, 3);
        assert_eq!(
            cards[1].hash,
            Card::content_hash(CardKind::Recall, "Hỏi khác?", &strings(&["hai"]), &[], None)
        );
    }

    #[test]
    fn empty_giveaway_and_repeated_options_are_dropped() {
        let mut choice = draft("c", "Chọn nhóm?", "Nhóm A", 1);
        choice.input = InputKind::Choice;
        choice.choices = strings(&["Nhóm A", "nhóm a", "Nhóm B", "…", "Nhóm C"]);
        let mut giveaway = draft("g", "“Lưu tệp” thuộc nhóm Lưu tệp?", "Lưu tệp", 2);
        giveaway.input = InputKind::Choice;
        giveaway.choices = strings(&["Lưu tệp", "Mở tệp", "Xoá tệp"]);
        // Two options are a coin toss: typed instead, or dropped when
        // other answers are right too.
        let mut guess = draft("t", "Chọn một?", "Có", 6);
        guess.input = InputKind::Choice;
        guess.choices = strings(&["Có", "Không"]);
        let mut typed = guess.clone();
        typed.key = "u".to_string();
        typed.prompt = "Gõ một?".to_string();
        guess.typable = false;
        let drafts = vec![
            choice,
            giveaway,
            draft("p", "…?", "một", 3),
            draft("a", "Hỏi?", "—", 4),
            draft("k", "Hỏi tiếp?", "một", 5),
            guess,
            typed,
        ];
        let mut dropped = Vec::new();
        let cards = finish_cards("bai", drafts, &mut dropped);
        let ids: Vec<&str> = cards.iter().map(|card| card.id.0.as_str()).collect();
        assert_eq!(ids, vec!["bai/recall/c", "bai/recall/k", "bai/recall/u"]);
        assert_eq!(cards[0].choices, strings(&["Nhóm A", "Nhóm B", "Nhóm C"]));
        assert_eq!(cards[2].input, InputKind::Text);
        assert!(cards[2].choices.is_empty());
        let reasons: Vec<(usize, DropReason)> = dropped
            .iter()
            .map(|drop| (drop.line, drop.reason))
            .collect();
        assert_eq!(
            reasons,
            vec![
                (2, DropReason::ShowsItsAnswer),
                (3, DropReason::Empty),
                (4, DropReason::Empty),
                (6, DropReason::TooFewChoices)
            ]
        );
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let error = compile_lesson(Path::new("x.md"), b"# T\n\nok\n\xff\xfe\n").unwrap_err();
        assert_eq!(
            error.to_string(),
            "x.md:4: invalid UTF-8 (byte 9 of the file)"
        );
    }

    #[test]
    fn broken_front_matter_names_the_line() {
        let error = compile_lesson(Path::new("dir/x.md"), b"---\nicon: a\n# T\n").unwrap_err();
        assert!(
            error.to_string().starts_with("dir/x.md:1: front matter"),
            "{error}"
        );
    }

    #[test]
    fn decomposed_text_is_composed() {
        let decomposed = "# Bài\n\n## Some English words\n\n| Vietnamese | Tiếng Anh |\n| --- | --- |\n| ma\u{323}ng | network |\n";
        let deck = compile_lesson(Path::new("x.md"), decomposed.as_bytes()).unwrap();
        assert_eq!(deck.cards[0].prompt, "mạng");
        assert_eq!(deck.cards[1].answers, vec!["mạng".to_string()]);
        assert_eq!(deck.cards[0].line, 7);
    }

    #[test]
    fn deck_meta_comes_from_file_name_and_title() {
        let deck = compile_lesson(
            Path::new("a/Bài Một.en.md"),
            b"# Ti\xc3\xaau \xc4\x91\xe1\xbb\x81\n",
        )
        .unwrap();
        assert_eq!(deck.deck.id.0, "bai-mot-en");
        assert_eq!(deck.deck.title, "Tiêu đề");
        assert_eq!(deck.deck.source, "Bài Một.en.md");
        let upper = compile_lesson(Path::new("Mạng.MD"), b"# T\n").unwrap();
        assert_eq!(upper.deck.id.0, "mang");
        let short = compile_lesson(Path::new("ạ"), b"# T\n").unwrap();
        assert_eq!(short.deck.id.0, "a");
        let chinese = compile_lesson(Path::new("中文.md"), b"# T\n").unwrap();
        let dashes = compile_lesson(Path::new("---.md"), b"# T\n").unwrap();
        assert!(
            chinese.deck.id.0.starts_with("lesson-"),
            "{}",
            chinese.deck.id
        );
        assert!(
            dashes.deck.id.0.starts_with("lesson-"),
            "{}",
            dashes.deck.id
        );
        assert_ne!(chinese.deck.id, dashes.deck.id);
    }
}
