//! The teacher's last word on a derived deck: `lesson.ontap.toml` beside
//! `lesson.md` skips cards, adds accepted answers, rewords prompts and adds
//! cards by hand. `compile` applies it after derivation, before writing the
//! deck (format in `docs/deck-format.md`).
//!
//! Pure: [`Overrides::parse`] reads the file's text, [`Overrides::apply`]
//! changes a [`Deck`]. Ids never change: a reworded card keeps its id (and
//! its review history), only its `hash` says it changed; an added card's id
//! is `<deck id>/<kind>/<key>` from the teacher's own key.

use serde::Deserialize;
use toml::Spanned;

use crate::deck::{Card, CardId, CardKind, Deck, Direction, InputKind, line_of_offset};

/// The file beside `lesson.md`: `lesson.ontap.toml`.
pub fn overrides_path(lesson: &std::path::Path) -> std::path::PathBuf {
    let name = lesson
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = crate::derive::lesson_stem(&name);
    lesson.with_file_name(format!("{stem}.ontap.toml"))
}

/// What is wrong with an overrides file, at a 1-based line; the caller
/// words it in the user's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub kind: ProblemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// Not TOML, or not this file's shape; the parser's own words.
    Toml(String),
    /// An added card with a blank `key` or `prompt`.
    Blank { field: &'static str },
    /// An added card with no answer, or a blank one.
    NoAnswers,
    /// An added choice card whose `choices` lack its first answer.
    ChoiceWithoutAnswer,
}

/// An entry that matched no card (or added one that exists): a warning,
/// the rest of the file still applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmatched {
    pub line: usize,
    pub id: String,
    /// True for an added card whose id a derived card has already.
    pub exists: bool,
}

/// What applying the file did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Applied {
    /// Cards skipped, changed or added.
    pub edits: usize,
    pub unmatched: Vec<Unmatched>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    skip: Vec<Spanned<String>>,
    #[serde(default)]
    change: Vec<Spanned<Change>>,
    #[serde(default, rename = "card")]
    cards: Vec<Spanned<NewCard>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Change {
    card: String,
    prompt: Option<String>,
    #[serde(default)]
    accept: Vec<String>,
    hint: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NewCard {
    key: String,
    kind: CardKind,
    input: Option<InputKind>,
    prompt: String,
    answers: Vec<String>,
    #[serde(default)]
    choices: Vec<String>,
    hint: Option<String>,
    direction: Option<Direction>,
    section: Option<String>,
    line: Option<usize>,
}

/// One entry, with the line it starts on.
#[derive(Debug, Clone, PartialEq)]
struct At<T> {
    line: usize,
    value: T,
}

/// A parsed overrides file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Overrides {
    skip: Vec<At<String>>,
    change: Vec<At<ChangeEntry>>,
    add: Vec<At<Card>>,
}

#[derive(Debug, Clone, PartialEq)]
struct ChangeEntry {
    card: String,
    prompt: Option<String>,
    accept: Vec<String>,
    hint: Option<String>,
}

impl Overrides {
    /// Parses the file's text. Added cards are checked as a deck reader
    /// checks cards, so a bad one is reported here, at its line.
    pub fn parse(text: &str) -> Result<Overrides, Problem> {
        let file: File = toml::from_str(text).map_err(|error| Problem {
            line: error
                .span()
                .map_or(1, |span| line_of_offset(text, span.start)),
            kind: ProblemKind::Toml(error.message().trim().to_string()),
        })?;
        let line = |span: std::ops::Range<usize>| line_of_offset(text, span.start);
        let skip = file
            .skip
            .into_iter()
            .map(|entry| At {
                line: line(entry.span()),
                value: entry.into_inner().trim().to_string(),
            })
            .collect();
        let change = file
            .change
            .into_iter()
            .map(|entry| {
                let at = line(entry.span());
                let change = entry.into_inner();
                At {
                    line: at,
                    value: ChangeEntry {
                        card: change.card.trim().to_string(),
                        prompt: change.prompt,
                        accept: change.accept,
                        hint: change.hint,
                    },
                }
            })
            .collect();
        let add = file
            .cards
            .into_iter()
            .map(|entry| {
                let at = line(entry.span());
                new_card(entry.into_inner(), at).map(|card| At {
                    line: at,
                    value: card,
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(Overrides { skip, change, add })
    }

    /// Applies the file to `deck`: skips, then changes, then added cards
    /// (placed by their `line` among the lesson's cards, or last).
    pub fn apply(&self, deck: &mut Deck) -> Applied {
        let mut applied = Applied::default();
        let deck_id = deck.deck.id.0.clone();
        let names = |entry: &str, card: &Card| {
            card.id.0 == entry
                || card
                    .id
                    .0
                    .strip_prefix(deck_id.as_str())
                    .and_then(|rest| rest.strip_prefix('/'))
                    == Some(entry)
        };
        for skip in &self.skip {
            let before = deck.cards.len();
            deck.cards.retain(|card| !names(&skip.value, card));
            if deck.cards.len() == before {
                applied
                    .unmatched
                    .push(unmatched(skip.line, &skip.value, false));
            } else {
                applied.edits += 1;
            }
        }
        for change in &self.change {
            let Some(card) = deck
                .cards
                .iter_mut()
                .find(|card| names(&change.value.card, card))
            else {
                applied
                    .unmatched
                    .push(unmatched(change.line, &change.value.card, false));
                continue;
            };
            let change = &change.value;
            if let Some(prompt) = change.prompt.as_ref().filter(|p| !p.trim().is_empty()) {
                card.prompt = prompt.trim().to_string();
            }
            for answer in change.accept.iter().map(|a| a.trim()) {
                if !answer.is_empty() && !card.answers.iter().any(|known| known == answer) {
                    card.answers.push(answer.to_string());
                }
            }
            if let Some(hint) = &change.hint {
                let hint = hint.trim();
                card.hint = (!hint.is_empty()).then(|| hint.to_string());
            }
            rehash(card);
            applied.edits += 1;
        }
        for added in &self.add {
            let mut card = added.value.clone();
            card.id = CardId(format!("{deck_id}/{}", card.id.0));
            if deck.cards.iter().any(|known| known.id == card.id) {
                applied
                    .unmatched
                    .push(unmatched(added.line, &card.id.0, true));
                continue;
            }
            // After the lesson's cards of the same line, keeping order;
            // with no line, last, at the line of the last card.
            let at = if card.line == 0 {
                card.line = deck.cards.last().map_or(1, |last| last.line);
                deck.cards.len()
            } else {
                deck.cards
                    .iter()
                    .position(|known| known.line > card.line)
                    .unwrap_or(deck.cards.len())
            };
            deck.cards.insert(at, card);
            applied.edits += 1;
        }
        applied
    }
}

fn unmatched(line: usize, id: &str, exists: bool) -> Unmatched {
    Unmatched {
        line,
        id: id.to_string(),
        exists,
    }
}

/// Recomputes the hash after an edit, as the compiler would.
fn rehash(card: &mut Card) {
    card.hash = Card::content_hash(
        card.kind,
        &card.prompt,
        &card.answers,
        &card.choices,
        card.hint.as_deref(),
    );
}

/// A hand-written card, checked; its id is `<kind>/<key>` until
/// [`Overrides::apply`] puts the deck id in front.
fn new_card(card: NewCard, line: usize) -> Result<Card, Problem> {
    let problem = |kind| Err(Problem { line, kind });
    let key = card.key.trim();
    if key.is_empty() {
        return problem(ProblemKind::Blank { field: "key" });
    }
    if card.prompt.trim().is_empty() {
        return problem(ProblemKind::Blank { field: "prompt" });
    }
    let answers: Vec<String> = card
        .answers
        .iter()
        .map(|answer| answer.trim().to_string())
        .collect();
    if answers.is_empty() || answers.iter().any(String::is_empty) {
        return problem(ProblemKind::NoAnswers);
    }
    let input = card.input.unwrap_or(if card.choices.is_empty() {
        InputKind::Text
    } else {
        InputKind::Choice
    });
    if input == InputKind::Choice && !card.choices.iter().any(|c| Some(c) == answers.first()) {
        return problem(ProblemKind::ChoiceWithoutAnswer);
    }
    let hint = card.hint.filter(|hint| !hint.trim().is_empty());
    let mut made = Card {
        id: CardId(format!("{}/{key}", card.kind.name())),
        kind: card.kind,
        input,
        prompt: card.prompt.trim().to_string(),
        answers,
        choices: card.choices,
        hint,
        direction: card.direction,
        section: card.section,
        // 0: no line given, the card goes last (see `apply`).
        line: card.line.unwrap_or(0),
        hash: String::new(),
    };
    rehash(&mut made);
    Ok(made)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::{DeckId, DeckMeta};

    fn card(id: &str, line: usize, prompt: &str, answer: &str) -> Card {
        let mut card = Card {
            id: CardId(format!("bai/{id}")),
            kind: CardKind::Translate,
            input: InputKind::Text,
            prompt: prompt.into(),
            answers: vec![answer.into()],
            choices: Vec::new(),
            hint: None,
            direction: Some(Direction::ViEn),
            section: None,
            line,
            hash: String::new(),
        };
        rehash(&mut card);
        card
    }

    fn deck() -> Deck {
        Deck {
            deck: DeckMeta {
                id: DeckId("bai".into()),
                title: "Bài".into(),
                source: "bai.md".into(),
                format: 1,
                folder: None,
            },
            cards: vec![
                card("translate/vi-en/mang", 5, "mạng", "network"),
                card("translate/vi-en/may-chu", 6, "máy chủ", "server"),
                card("translate/vi-en/tep", 9, "tệp", "file"),
            ],
        }
    }

    fn ids(deck: &Deck) -> Vec<&str> {
        deck.cards.iter().map(|card| card.id.0.as_str()).collect()
    }

    #[test]
    fn skip_by_full_id_or_by_id_within_the_deck() {
        let overrides =
            Overrides::parse("skip = [\"bai/translate/vi-en/mang\", \"translate/vi-en/tep\"]\n")
                .unwrap();
        let mut deck = deck();
        let applied = overrides.apply(&mut deck);
        assert_eq!(ids(&deck), ["bai/translate/vi-en/may-chu"]);
        assert_eq!(applied.edits, 2);
        assert!(applied.unmatched.is_empty());
    }

    #[test]
    fn a_change_rewords_and_accepts_more_keeping_the_id_and_rehashing() {
        let text = "[[change]]\ncard = \"translate/vi-en/may-chu\"\nprompt = \"máy phục vụ\"\naccept = [\"host\", \"server\"]\nhint = \"trong mạng\"\n";
        let mut deck = deck();
        let before = deck.cards[1].hash.clone();
        let applied = Overrides::parse(text).unwrap().apply(&mut deck);
        let changed = &deck.cards[1];
        assert_eq!(changed.id.0, "bai/translate/vi-en/may-chu");
        assert_eq!(changed.prompt, "máy phục vụ");
        assert_eq!(changed.answers, ["server", "host"]);
        assert_eq!(changed.hint.as_deref(), Some("trong mạng"));
        assert_ne!(changed.hash, before);
        assert_eq!(applied.edits, 1);
    }

    #[test]
    fn entries_that_match_no_card_are_reported_with_their_lines() {
        let text = "skip = [\n  \"translate/vi-en/mang\",\n  \"translate/vi-en/cu\",\n]\n\n[[change]]\ncard = \"definition/da-xoa\"\nprompt = \"x\"\n";
        let mut deck = deck();
        let applied = Overrides::parse(text).unwrap().apply(&mut deck);
        assert_eq!(
            applied.unmatched,
            [
                unmatched(3, "translate/vi-en/cu", false),
                unmatched(6, "definition/da-xoa", false)
            ]
        );
        assert_eq!(applied.edits, 1);
    }

    #[test]
    fn an_added_card_takes_its_place_by_line_and_an_id_from_its_key() {
        let text = "[[card]]\nkey = \"giao-thuc\"\nkind = \"definition\"\nprompt = \"Quy tắc để hai máy trao đổi dữ liệu gọi là gì?\"\nanswers = [\"giao thức\"]\nline = 7\n\n[[card]]\nkey = \"cuoi\"\nkind = \"recall\"\nprompt = \"Chọn một\"\nanswers = [\"b\"]\nchoices = [\"a\", \"b\", \"c\"]\n";
        let mut deck = deck();
        let applied = Overrides::parse(text).unwrap().apply(&mut deck);
        assert_eq!(
            ids(&deck),
            [
                "bai/translate/vi-en/mang",
                "bai/translate/vi-en/may-chu",
                "bai/definition/giao-thuc",
                "bai/translate/vi-en/tep",
                "bai/recall/cuoi",
            ]
        );
        assert_eq!(deck.cards[4].input, InputKind::Choice);
        assert_eq!(deck.cards[2].hash.len(), 12);
        assert_eq!(applied.edits, 2);
        // The deck still reads back as a deck.
        let text = deck.to_toml();
        let back = Deck::from_toml(&text, std::path::Path::new("bai.toml")).unwrap();
        assert_eq!(back, deck);
    }

    #[test]
    fn an_added_card_with_a_derived_cards_id_is_reported_not_doubled() {
        let text = "[[card]]\nkey = \"vi-en/mang\"\nkind = \"translate\"\nprompt = \"mạng?\"\nanswers = [\"net\"]\n";
        let mut deck = deck();
        let applied = Overrides::parse(text).unwrap().apply(&mut deck);
        assert_eq!(deck.cards.len(), 3);
        assert_eq!(
            applied.unmatched,
            [unmatched(1, "bai/translate/vi-en/mang", true)]
        );
    }

    #[test]
    fn bad_toml_and_bad_cards_are_problems_at_their_line() {
        let problem = Overrides::parse("skip = [\"a\"]\n\n[[change]\ncard = \"x\"\n").unwrap_err();
        assert_eq!(problem.line, 3);
        assert!(matches!(problem.kind, ProblemKind::Toml(_)));
        let problem = Overrides::parse("[[change]]\ncard = \"x\"\npromt = \"y\"\n").unwrap_err();
        assert_eq!(problem.line, 3, "{problem:?}");
        let text = "skip = []\n[[card]]\nkey = \"k\"\nkind = \"recall\"\nprompt = \"p\"\nanswers = [\"a\"]\nchoices = [\"b\", \"c\"]\n";
        let problem = Overrides::parse(text).unwrap_err();
        assert_eq!(
            problem,
            Problem {
                line: 2,
                kind: ProblemKind::ChoiceWithoutAnswer
            }
        );
        let text = "[[card]]\nkey = \"k\"\nkind = \"recall\"\nprompt = \" \"\nanswers = [\"a\"]\n";
        assert_eq!(
            Overrides::parse(text).unwrap_err().kind,
            ProblemKind::Blank { field: "prompt" }
        );
        let text = "[[card]]\nkey = \"k\"\nkind = \"recall\"\nprompt = \"p\"\nanswers = []\n";
        assert_eq!(
            Overrides::parse(text).unwrap_err().kind,
            ProblemKind::NoAnswers
        );
    }

    #[test]
    fn the_file_sits_beside_the_lesson() {
        let path = overrides_path(std::path::Path::new("site/graph/dfs.md"));
        assert_eq!(path, std::path::Path::new("site/graph/dfs.ontap.toml"));
        let path = overrides_path(std::path::Path::new("BAI.MD"));
        assert_eq!(path, std::path::Path::new("BAI.ontap.toml"));
    }
}
