//! The deck: what the compiler writes and what sessions, exports and outside
//! tools read. Its TOML shape is a contract documented in `docs/deck-format.md`;
//! change it only by adding optional fields, or by raising [`DECK_FORMAT`].

use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{Error, Location, Result};

/// The deck format version this ontap writes and the newest it reads.
pub const DECK_FORMAT: i64 = 1;

/// A deck's id: the slug of its lesson's file name (`ai-tao-sinh`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DeckId(pub String);

/// A card's id, stable across edits of the lesson: built from the deck id,
/// the card kind and the term or item the card is about, never from the
/// whole card text, so a fixed typo keeps the card's review history.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CardId(pub String);

impl fmt::Display for DeckId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for CardId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a card asks about; each kind has its extractors in
/// `derive::EXTRACTORS` (a test there fails for a kind without one).
///
/// The variants are the registry of kinds: [`CardKind::all`] lists them
/// (clap's `ValueEnum` derive enumerates them, so the list cannot miss
/// one), `ontap quiz --kind` takes them, and [`CardKind::name`] and the
/// Vietnamese names in `i18n` are `match`es the compiler makes complete.
/// Add a kind at the end: the library cache stores a kind by its position.
// Plain comments on the variants, not doc comments: clap's `ValueEnum`
// would show them, in English only, as the help of `--kind`'s values.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum CardKind {
    // A vocabulary-table term, one card per direction.
    Translate,
    // Which category a named thing belongs to, or the reverse.
    Category,
    // The items listed under a labelled group.
    Recall,
    // An acronym and its expansion.
    Acronym,
    // A bold term defined in its sentence.
    Definition,
}

impl CardKind {
    /// Every kind, in declaration order (the order summaries list them in).
    pub fn all() -> &'static [CardKind] {
        <CardKind as clap::ValueEnum>::value_variants()
    }

    /// The kind's name in decks, card ids and `--kind`.
    pub fn name(self) -> &'static str {
        match self {
            CardKind::Translate => "translate",
            CardKind::Category => "category",
            CardKind::Recall => "recall",
            CardKind::Acronym => "acronym",
            CardKind::Definition => "definition",
        }
    }
}

/// How the user answers a card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputKind {
    /// A typed answer, judged against `answers`.
    #[default]
    Text,
    /// Pick one of `choices`; `answers[0]` is the right one. Further
    /// answers (a group's other members) are right too but never among
    /// the options, so exactly one option is right.
    Choice,
    /// Type the items of a list in any order; `answers` are the items.
    List,
}

/// The language direction of a translation card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Direction {
    /// Vietnamese prompt, English answer.
    #[serde(rename = "vi-en")]
    ViEn,
    /// English prompt, Vietnamese answer.
    #[serde(rename = "en-vi")]
    EnVi,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeckMeta {
    pub id: DeckId,
    pub title: String,
    /// The lesson's file name, e.g. `ai-tao-sinh.md`.
    pub source: String,
    pub format: i64,
    /// The lesson's folder under the folder given to `compile`
    /// (`grade-11/graph`), so decks can be chosen by folder; absent for a
    /// lesson named directly or at that folder's top.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub folder: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Card {
    pub id: CardId,
    pub kind: CardKind,
    #[serde(default)]
    pub input: InputKind,
    pub prompt: String,
    /// Accepted answers, canonical first; for list cards, the items.
    pub answers: Vec<String>,
    /// The options of a multiple-choice card, answer included, in lesson order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// The heading the card's source sits under, for tags and context.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The 1-based line of the lesson the card was derived from.
    pub line: usize,
    /// A hash of the card's content (see [`Card::content_hash`]), so a card
    /// whose text changed under the same id can be recognised.
    pub hash: String,
}

impl Card {
    /// A short hex digest of what the user sees and must answer.
    pub fn content_hash(
        kind: CardKind,
        prompt: &str,
        answers: &[String],
        choices: &[String],
        hint: Option<&str>,
    ) -> String {
        let parts = [kind.name(), prompt]
            .into_iter()
            .chain(answers.iter().map(String::as_str))
            .chain(["\u{1f}"])
            .chain(choices.iter().map(String::as_str))
            .chain(["\u{1f}", hint.unwrap_or("")]);
        short_digest(parts, 6)
    }

    /// The answer shown to the user as the right one.
    pub fn canonical_answer(&self) -> &str {
        self.answers.first().map(String::as_str).unwrap_or("")
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Deck {
    pub deck: DeckMeta,
    #[serde(default, rename = "card")]
    pub cards: Vec<Card>,
}

impl Deck {
    /// The deck as TOML text: deterministic, one `[[card]]` table per card.
    pub fn to_toml(&self) -> String {
        // Serializing plain structs of strings, numbers and arrays cannot fail.
        toml::to_string(self).unwrap_or_default()
    }

    /// Parses a deck file's text; `path` only names the file in errors.
    pub fn from_toml(text: &str, path: &Path) -> Result<Deck> {
        let deck: Deck = toml::from_str(text).map_err(|error| toml_error(path, text, &error))?;
        if deck.deck.format > DECK_FORMAT {
            return Err(Error::FutureFormat {
                location: Location::line(path, line_of_key(text, "format")),
                found: deck.deck.format,
                supported: DECK_FORMAT,
            });
        }
        deck.check(text, path)?;
        Ok(deck)
    }

    /// The rules of the format a session relies on, for a deck another tool
    /// or a hand edit wrote: a deck id, unique card ids, a prompt, answers
    /// that are not blank (a blank one is nothing to show as the answer)
    /// and, for a choice card, choices holding its answer.
    fn check(&self, text: &str, path: &Path) -> Result<()> {
        if self.deck.id.0.trim().is_empty() {
            return Err(Error::invalid(
                Location::line(path, line_of_key(text, "id")),
                "the deck has a blank `id`",
            ));
        }
        if self.deck.format < 1 {
            return Err(Error::invalid(
                Location::line(path, line_of_key(text, "format")),
                format!("format {} is not a valid version", self.deck.format),
            ));
        }
        // The line of each `[[card]]` header, in order, to point at a card.
        let headers: Vec<usize> = text
            .lines()
            .enumerate()
            .filter(|(_, line)| line.trim() == "[[card]]")
            .map(|(index, _)| index + 1)
            .collect();
        let mut ids = std::collections::HashSet::new();
        for (index, card) in self.cards.iter().enumerate() {
            let problem = if card.id.0.trim().is_empty() {
                Some("a card with a blank `id`".to_string())
            } else if !ids.insert(&card.id) {
                Some(format!("card `{}` appears twice in the deck", card.id))
            } else if card.prompt.trim().is_empty() {
                Some(format!("card `{}` has a blank `prompt`", card.id))
            } else if card.answers.is_empty()
                || card.answers.iter().any(|answer| answer.trim().is_empty())
            {
                Some(format!(
                    "card `{}` needs `answers`, none of them blank",
                    card.id
                ))
            } else if card.input == InputKind::Choice
                && !card
                    .choices
                    .iter()
                    .any(|choice| Some(choice) == card.answers.first())
            {
                Some(format!(
                    "choice card `{}` needs `choices` holding its answer",
                    card.id
                ))
            } else {
                None
            };
            if let Some(problem) = problem {
                let line = headers.get(index).copied().unwrap_or(1);
                return Err(Error::invalid(Location::line(path, line), problem));
            }
        }
        Ok(())
    }

    /// Gives the deck another id (a site's qualified one), its cards' ids
    /// following: `<deck id>/<kind>/<key>` keeps its kind and key.
    pub fn rename(&mut self, id: DeckId) {
        let old = format!("{}/", self.deck.id);
        for card in &mut self.cards {
            if let Some(rest) = card.id.0.strip_prefix(&old) {
                card.id = CardId(format!("{id}/{rest}"));
            }
        }
        self.deck.id = id;
    }

    pub fn card(&self, id: &CardId) -> Option<&Card> {
        self.cards.iter().find(|card| &card.id == id)
    }
}

/// Turns a TOML parse error into an [`Error::Invalid`] naming file and line.
pub fn toml_error(path: &Path, text: &str, error: &toml::de::Error) -> Error {
    let line = error
        .span()
        .map(|span| line_of_offset(text, span.start))
        .unwrap_or(1);
    Error::invalid(
        Location::line(path, line),
        error.message().trim().to_string(),
    )
}

/// The text of a file read as `bytes`, or an error naming the line of the
/// first byte that is not UTF-8.
pub fn utf8_text(path: &Path, bytes: Vec<u8>) -> Result<String> {
    String::from_utf8(bytes).map_err(|error| {
        let valid = error.utf8_error().valid_up_to();
        let newlines = error.as_bytes().iter().take(valid).filter(|b| **b == b'\n');
        Error::invalid(
            Location::line(path, newlines.count() + 1),
            "not UTF-8 text; the file was left untouched",
        )
    })
}

/// The first `bytes` bytes of the SHA-256 of `parts`, in hex. Each part is
/// ended by a NUL byte, so that ("ab", "c") and ("a", "bc") differ.
pub(crate) fn short_digest<'a>(parts: impl IntoIterator<Item = &'a str>, bytes: usize) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part.as_bytes());
        hasher.update([0u8]);
    }
    hex_prefix(&hasher.finalize(), bytes)
}

/// The first `bytes` bytes of `digest` in lower-case hex.
pub(crate) fn hex_prefix(digest: &[u8], bytes: usize) -> String {
    digest
        .iter()
        .take(bytes)
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The 1-based line of `text` that first sets `key` (1 if none seems to),
/// for errors about a value the TOML parser accepted.
pub fn line_of_key(text: &str, key: &str) -> usize {
    let sets_key = |line: &str| {
        line.trim_start()
            .strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with(['=', '.']))
    };
    text.lines().position(sets_key).map_or(1, |index| index + 1)
}

/// The 1-based line number holding byte `offset` of `text`.
pub fn line_of_offset(text: &str, offset: usize) -> usize {
    let newlines = text.bytes().take(offset).filter(|byte| *byte == b'\n');
    newlines.count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample_card() -> Card {
        let answers = vec!["Generative AI".to_string()];
        Card {
            id: CardId("ai-tao-sinh/translate/vi-en/ai-tao-sinh".into()),
            kind: CardKind::Translate,
            input: InputKind::Text,
            prompt: "AI tạo sinh".into(),
            hash: Card::content_hash(CardKind::Translate, "AI tạo sinh", &answers, &[], None),
            answers,
            choices: vec![],
            hint: None,
            direction: Some(Direction::ViEn),
            section: Some("Some English words".into()),
            line: 62,
        }
    }

    /// A kind has one name: in decks (serde), on the command line (clap)
    /// and in card ids ([`CardKind::name`]).
    #[test]
    fn a_kind_s_names_agree() {
        assert_eq!(CardKind::all().len(), 5);
        for &kind in CardKind::all() {
            let serde_name = serde_json::to_value(kind).unwrap();
            assert_eq!(serde_name.as_str(), Some(kind.name()));
            let value = clap::ValueEnum::to_possible_value(&kind).unwrap();
            assert_eq!(value.get_name(), kind.name());
            assert_eq!(value.get_help(), None, "{kind:?}: English help on a value");
        }
        assert_eq!(CardKind::all()[0], CardKind::Translate);
        assert!(CardKind::all().is_sorted(), "declaration order");
    }

    /// A deck of a good card `d/a/1` followed by a card with the fields `rest`
    /// (its `[[card]]` header on line 15).
    fn hand_made(rest: &str) -> String {
        format!(
            "[deck]\nid = \"d\"\ntitle = \"D\"\nsource = \"d.md\"\nformat = 1\n\n\
             [[card]]\nid = \"d/a/1\"\nkind = \"acronym\"\nprompt = \"GPT?\"\nanswers = [\"x\"]\nline = 1\nhash = \"0\"\n\n\
             [[card]]\nkind = \"acronym\"\nline = 2\nhash = \"0\"\n{rest}"
        )
    }

    #[test]
    fn a_hand_made_deck_breaking_the_format_is_refused_at_its_card() {
        let cases = [
            ("id = \"d/a/2\"\nprompt = \"a\"\nanswers = [\"x\"]\n", None),
            (
                "id = \"d/a/1\"\nprompt = \"a\"\nanswers = [\"x\"]\n",
                Some("card `d/a/1` appears twice"),
            ),
            (
                "id = \" \"\nprompt = \"a\"\nanswers = [\"x\"]\n",
                Some("a card with a blank `id`"),
            ),
            (
                "id = \"d/a/2\"\nprompt = \" \"\nanswers = [\"x\"]\n",
                Some("blank `prompt`"),
            ),
            (
                "id = \"d/a/2\"\nprompt = \"a\"\nanswers = []\n",
                Some("needs `answers`"),
            ),
            (
                "id = \"d/a/2\"\nprompt = \"a\"\nanswers = [\"x\", \"\"]\n",
                Some("needs `answers`"),
            ),
            (
                "id = \"d/a/2\"\ninput = \"choice\"\nprompt = \"a\"\nanswers = [\"x\"]\n",
                Some("needs `choices`"),
            ),
            (
                "id = \"d/a/2\"\ninput = \"choice\"\nprompt = \"a\"\nanswers = [\"x\"]\nchoices = [\"y\"]\n",
                Some("needs `choices`"),
            ),
            (
                "id = \"d/a/2\"\ninput = \"choice\"\nprompt = \"a\"\nanswers = [\"x\"]\nchoices = [\"y\", \"x\"]\n",
                None,
            ),
        ];
        for (rest, expected) in cases {
            let result = Deck::from_toml(&hand_made(rest), Path::new("d.toml"));
            match expected {
                None => assert!(result.is_ok(), "{rest}: {result:?}"),
                Some(message) => {
                    let error = result.unwrap_err().to_string();
                    assert!(error.starts_with("d.toml:15: "), "{rest}: {error}");
                    assert!(error.contains(message), "{rest}: {error}");
                }
            }
        }
        let blank_deck = hand_made("id = \"d/a/2\"\nprompt = \"a\"\nanswers = [\"x\"]\n").replacen(
            "id = \"d\"",
            "id = \" \"",
            1,
        );
        let error = Deck::from_toml(&blank_deck, Path::new("d.toml")).unwrap_err();
        let zero = hand_made("id = \"d/a/2\"\nprompt = \"a\"\nanswers = [\"x\"]\n").replacen(
            "format = 1",
            "format = 0",
            1,
        );
        let zero_error = Deck::from_toml(&zero, Path::new("d.toml")).unwrap_err();
        assert!(
            zero_error
                .to_string()
                .starts_with("d.toml:5: format 0 is not a valid version"),
            "{zero_error}"
        );
        assert!(
            error
                .to_string()
                .starts_with("d.toml:2: the deck has a blank `id`"),
            "{error}"
        );
    }

    #[test]
    fn deck_round_trips_through_toml() {
        let deck = Deck {
            deck: DeckMeta {
                id: DeckId("ai-tao-sinh".into()),
                title: "AI tạo sinh".into(),
                source: "ai-tao-sinh.md".into(),
                format: DECK_FORMAT,
                folder: None,
            },
            cards: vec![sample_card()],
        };
        let text = deck.to_toml();
        assert!(text.contains("[[card]]"), "{text}");
        assert!(text.contains("direction = \"vi-en\""), "{text}");
        let back = Deck::from_toml(&text, Path::new("x.toml")).unwrap();
        assert_eq!(back, deck);
    }

    #[test]
    fn content_hash_changes_with_the_answer() {
        let one = Card::content_hash(CardKind::Translate, "p", &["a".into()], &[], None);
        let two = Card::content_hash(CardKind::Translate, "p", &["b".into()], &[], None);
        assert_ne!(one, two);
        assert_eq!(one.len(), 12);
    }

    #[test]
    fn broken_deck_names_the_line() {
        let text =
            "[deck]\nid = \"x\"\ntitle = \"t\"\nsource = \"x.md\"\nformat = 1\n[[card]]\nid = \n";
        let error = Deck::from_toml(text, Path::new("x.toml")).unwrap_err();
        assert!(error.to_string().starts_with("x.toml:7:"), "{error}");
    }

    #[test]
    fn future_deck_format_is_refused() {
        let text = "[deck]\nid = \"x\"\ntitle = \"t\"\nsource = \"x.md\"\nformat = 9\n";
        let error = Deck::from_toml(text, Path::new("x.toml")).unwrap_err();
        assert!(matches!(error, Error::FutureFormat { found: 9, .. }));
        assert!(
            error.to_string().starts_with("x.toml:5: format version 9"),
            "{error}"
        );
    }
}
