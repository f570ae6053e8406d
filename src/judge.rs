//! Answer judging, the way a fair teacher would: correct, close or wrong,
//! and the rating that implies (correct → Good, close → Hard, wrong → Again).
//!
//! Both sides are compared in a normal form: Unicode NFC, lower case,
//! punctuation dropped (symbols such as `+` and `#` are kept: `C++` is not
//! `C`), spacing collapsed; spaces inside an answer are then ignored too
//! (`nodejs` is `Node.js`, `email` is `e-mail`). On top of an exact match
//! in that form:
//!
//! - the same letters with Vietnamese diacritics missing (`đ` → `d`
//!   included) is close ([`CloseReason::MissingDiacritics`]); the same
//!   letters with some diacritics *wrong* is close as a typo;
//! - a small typo is close ([`CloseReason::Typo`]); the tolerance, in
//!   Damerau–Levenshtein edits, grows with the answer's length: none up to
//!   3 characters, 1 up to 7, 2 beyond; none for acronyms (`CNN` vs `RNN`,
//!   `HTML` vs `XML`) and none when the numbers differ (`GPT-3` vs `GPT-4`);
//! - typing another card's answer (a sibling) is wrong even when it is one
//!   letter away (`LAN` for `WAN`), and so is a typo nearer to a sibling's
//!   answer than to this card's;
//! - an accepted answer with a parenthesised part, `mô hình (model)`, is
//!   also accepted without it.
//!
//! List (recall) cards are judged per item, in any order: the typed answer
//! is split on commas, semicolons and new lines, and each item is matched
//! with the rules above to at most one expected item. The share recalled
//! maps to the verdict:
//!
//! | recalled                                   | verdict | rating | reason                          |
//! |--------------------------------------------|---------|--------|---------------------------------|
//! | every item, each exactly                   | correct | Good   |                                 |
//! | every item, some with a typo or no accents | close   | Hard   | `Typo` / `MissingDiacritics`    |
//! | at least half of the items                 | close   | Hard   | `Partial { recalled, total }`   |
//! | fewer than half                            | wrong   | Again  |                                 |
//!
//! Items typed that match nothing are not held against the user.

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::deck::{Card, InputKind};
use crate::scheduler::Rating;

/// The verdict on one answer (`verdict` in the review log).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grade {
    Correct,
    Close,
    Wrong,
}

impl Grade {
    pub const ALL: [Grade; 3] = [Grade::Correct, Grade::Close, Grade::Wrong];

    /// The name the review log uses: `correct`, `close`, `wrong`.
    pub fn name(self) -> &'static str {
        match self {
            Grade::Correct => "correct",
            Grade::Close => "close",
            Grade::Wrong => "wrong",
        }
    }

    /// The rating a verdict implies: correct → Good, close → Hard, wrong → Again.
    pub fn rating(self) -> Rating {
        match self {
            Grade::Correct => Rating::Good,
            Grade::Close => Rating::Hard,
            Grade::Wrong => Rating::Again,
        }
    }
}

/// Why an answer counted as close, for the note shown to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CloseReason {
    /// Right but typed without (some) Vietnamese diacritics.
    MissingDiacritics,
    /// A small typo (or a wrong diacritic).
    Typo,
    /// A list answer with some items recalled: `recalled` of `total`.
    Partial { recalled: usize, total: usize },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    pub grade: Grade,
    pub rating: Rating,
    /// The correct spelling to display: the accepted answer the user was
    /// closest to, or the canonical answer.
    pub expected: String,
    pub close_reason: Option<CloseReason>,
}

impl Judgement {
    fn new(grade: Grade, expected: &str, close_reason: Option<CloseReason>) -> Judgement {
        Judgement {
            grade,
            rating: grade.rating(),
            expected: expected.to_string(),
            close_reason,
        }
    }
}

/// Judges `answer` to `card`. `sibling_answers` are the answers of the other
/// cards of the same deck and kind: typing one of them exactly is wrong, not
/// close (`LAN` for `WAN`).
pub fn judge(card: &Card, answer: &str, sibling_answers: &[&str]) -> Judgement {
    let typed = Form::new(answer);
    if typed.normal.is_empty() {
        let expected = match card.input {
            InputKind::List => card.answers.join(", "),
            InputKind::Text | InputKind::Choice => card.canonical_answer().to_string(),
        };
        return Judgement::new(Grade::Wrong, &expected, None);
    }
    match card.input {
        InputKind::Text => judge_text(card, &typed, sibling_answers),
        InputKind::Choice => judge_choice(card, answer, &typed),
        InputKind::List => judge_list(card, answer),
    }
}

fn judge_text(card: &Card, typed: &Form, sibling_answers: &[&str]) -> Judgement {
    let accepted = accepted_forms(&card.answers);
    if let Some(found) = accepted.iter().find(|form| form.same_as(typed)) {
        return Judgement::new(Grade::Correct, &found.original, None);
    }
    let siblings: Vec<Form> = sibling_answers
        .iter()
        .map(|answer| Form::new(answer))
        .filter(|sibling| !sibling.normal.is_empty())
        .filter(|sibling| !accepted.iter().any(|own| own.same_as(sibling)))
        .collect();
    let wrong = Judgement::new(Grade::Wrong, card.canonical_answer(), None);
    if siblings.iter().any(|sibling| sibling.same_as(typed)) {
        return wrong;
    }
    match closest(&accepted, typed) {
        Some((own, Match::Close(reason, distance))) => {
            let nearer_sibling = siblings.iter().any(|sibling| match sibling.compare(typed) {
                Match::Exact => true,
                Match::Close(CloseReason::MissingDiacritics, _) => {
                    reason != CloseReason::MissingDiacritics
                }
                Match::Close(_, sibling_distance) => sibling_distance < distance,
                Match::None => false,
            });
            if nearer_sibling {
                wrong
            } else {
                Judgement::new(Grade::Close, &own.original, Some(reason))
            }
        }
        _ => wrong,
    }
}

/// A choice card: the chosen option must be `answers[0]`. A bare number is
/// read as the 1-based index of a choice, for the plain-line interface.
fn judge_choice(card: &Card, answer: &str, typed: &Form) -> Judgement {
    let canonical = card.canonical_answer();
    let chosen = match answer.trim().parse::<usize>() {
        Ok(number)
            if !card
                .choices
                .iter()
                .any(|choice| Form::new(choice).normal == typed.normal) =>
        {
            number
                .checked_sub(1)
                .and_then(|index| card.choices.get(index))
                .map_or_else(|| typed.clone(), |choice| Form::new(choice))
        }
        _ => typed.clone(),
    };
    let grade = if !canonical.is_empty() && chosen.normal == Form::new(canonical).normal {
        Grade::Correct
    } else {
        Grade::Wrong
    };
    Judgement::new(grade, canonical, None)
}

fn judge_list(card: &Card, answer: &str) -> Judgement {
    let expected: Vec<Form> = card.answers.iter().map(|item| Form::new(item)).collect();
    let total = expected.len();
    let shown = card.answers.join(", ");
    if total == 0 {
        return Judgement::new(Grade::Wrong, &shown, None);
    }
    let mut unmatched: Vec<bool> = vec![true; total];
    let mut inexact: Option<CloseReason> = None;
    for item in answer.split([',', ';', '\n']) {
        let typed = item_form(item, &expected);
        if typed.normal.is_empty() {
            continue;
        }
        let best = expected
            .iter()
            .enumerate()
            .filter(|(index, _)| unmatched.get(*index).copied().unwrap_or(false))
            .map(|(index, form)| (index, form.compare(&typed)))
            .filter(|(_, found)| *found != Match::None)
            .min_by_key(|(_, found)| found.rank());
        if let Some((index, found)) = best {
            if let Some(slot) = unmatched.get_mut(index) {
                *slot = false;
            }
            if let Match::Close(reason, _) = found {
                inexact.get_or_insert(reason);
            }
        }
    }
    let recalled = unmatched.iter().filter(|left| !**left).count();
    if recalled == total {
        match inexact {
            None => Judgement::new(Grade::Correct, &shown, None),
            Some(reason) => Judgement::new(Grade::Close, &shown, Some(reason)),
        }
    } else if 2 * recalled >= total && recalled > 0 {
        let partial = CloseReason::Partial { recalled, total };
        Judgement::new(Grade::Close, &shown, Some(partial))
    } else {
        Judgement::new(Grade::Wrong, &shown, None)
    }
}

/// A typed list item; a leading "và"/"and" ("a, b and c") is dropped when
/// the item does not match anything with it.
fn item_form(item: &str, expected: &[Form]) -> Form {
    let form = Form::new(item);
    let matches_as_is = expected
        .iter()
        .any(|want| want.compare(&form) != Match::None);
    if !matches_as_is {
        for conjunction in ["và ", "and ", "va "] {
            if let Some(rest) = form.normal.strip_prefix(conjunction) {
                return Form::new(rest);
            }
        }
    }
    form
}

/// The accepted answers, plus each one without its parenthesised part.
fn accepted_forms(answers: &[String]) -> Vec<Form> {
    let mut forms: Vec<Form> = Vec::new();
    for answer in answers {
        forms.push(Form::new(answer));
        let bare = without_parentheses(answer);
        if bare.trim() != answer.trim() {
            let form = Form {
                original: answer.clone(),
                ..Form::new(&bare)
            };
            if !form.normal.is_empty() {
                forms.push(form);
            }
        }
    }
    forms
}

fn without_parentheses(text: &str) -> String {
    let mut depth = 0usize;
    let mut kept = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => kept.push(character),
            _ => {}
        }
    }
    kept
}

/// The accepted answer `typed` is nearest to, and how near.
fn closest<'a>(accepted: &'a [Form], typed: &Form) -> Option<(&'a Form, Match)> {
    accepted
        .iter()
        .map(|form| (form, form.compare(typed)))
        .filter(|(_, found)| *found != Match::None)
        .min_by_key(|(_, found)| found.rank())
}

/// How a typed text matches one answer.
#[derive(Debug, Clone, PartialEq)]
enum Match {
    Exact,
    /// Close, with the edit distance between the forms without diacritics.
    Close(CloseReason, usize),
    None,
}

impl Match {
    fn rank(&self) -> (usize, usize) {
        match self {
            Match::Exact => (0, 0),
            Match::Close(CloseReason::MissingDiacritics, _) => (1, 0),
            Match::Close(_, distance) => (2, *distance),
            Match::None => (3, 0),
        }
    }
}

/// A text in the forms judging compares.
#[derive(Debug, Clone)]
struct Form {
    original: String,
    /// NFC, lower case, punctuation dropped, spacing collapsed.
    normal: String,
    /// `normal` without diacritics (`đ` → `d`).
    plain: String,
    /// `normal` and `plain` without spaces: "nodejs" is "Node.js".
    compact: String,
    plain_compact: String,
    /// The digits of the text, which a typo may not change.
    digits: String,
    /// Acronyms (`LLM`, `GPT-4`) allow no typo: one letter makes another term.
    acronym: bool,
}

impl Form {
    fn new(text: &str) -> Form {
        let normal = normalize(text);
        let plain = strip_diacritics(&normal);
        let trimmed = text.trim();
        let acronym = !trimmed.chars().any(char::is_whitespace)
            && !trimmed.chars().any(char::is_lowercase)
            && trimmed.chars().filter(|c| c.is_uppercase()).count() >= 2;
        Form {
            original: trimmed.to_string(),
            digits: normal.chars().filter(char::is_ascii_digit).collect(),
            compact: without_spaces(&normal),
            plain_compact: without_spaces(&plain),
            normal,
            plain,
            acronym,
        }
    }

    /// Equal in the normal form, spacing aside.
    fn same_as(&self, other: &Form) -> bool {
        self.normal == other.normal || self.compact == other.compact
    }

    /// How `typed` matches this answer.
    fn compare(&self, typed: &Form) -> Match {
        if self.same_as(typed) {
            return Match::Exact;
        }
        if typed.plain == self.plain || typed.plain_compact == self.plain_compact {
            let reason = if only_missing_diacritics(&typed.compact, &self.compact) {
                CloseReason::MissingDiacritics
            } else {
                CloseReason::Typo
            };
            return Match::Close(reason, 0);
        }
        let tolerance = self.typo_tolerance();
        let length = typed.plain.chars().count();
        let own_length = self.plain.chars().count();
        if tolerance == 0 || typed.digits != self.digits || length.abs_diff(own_length) > tolerance
        {
            return Match::None;
        }
        let distance = strsim::damerau_levenshtein(&typed.plain, &self.plain);
        if distance <= tolerance {
            Match::Close(CloseReason::Typo, distance)
        } else {
            Match::None
        }
    }

    fn typo_tolerance(&self) -> usize {
        if self.acronym {
            return 0;
        }
        match self.plain.chars().filter(|c| !c.is_whitespace()).count() {
            0..=3 => 0,
            4..=7 => 1,
            _ => 2,
        }
    }
}

/// NFC, lower case, punctuation dropped (apostrophes joined, the rest made
/// spaces), spacing collapsed.
fn normalize(text: &str) -> String {
    // NFC before lower-casing, so precomposed and decomposed input lower
    // alike, and after it, since lower-casing can decompose (`İ` → `i̇`).
    let lowered: String = text.nfc().collect::<String>().to_lowercase();
    let spaced: String = lowered
        .nfc()
        .filter(|c| !matches!(c, '\'' | '’' | '‘' | 'ʼ'))
        .map(|c| if is_ignored_punctuation(c) { ' ' } else { c })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn without_spaces(text: &str) -> String {
    text.chars().filter(|c| *c != ' ').collect()
}

/// Punctuation that carries no meaning in an answer. Symbols that do
/// (`+`, `#`, `&`, `%`, `@`, `=`) are kept.
fn is_ignored_punctuation(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '"'
            | '`'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '-'
            | '_'
            | '/'
            | '\\'
            | '|'
            | '*'
            | '~'
            | '<'
            | '>'
            | '…'
            | '–'
            | '—'
            | '‐'
            | '«'
            | '»'
            | '“'
            | '”'
            | '„'
            | '¿'
            | '¡'
            | '·'
            | '。'
            | '、'
    )
}

/// The letters without diacritics: `đ` → `d`, marks dropped.
pub fn strip_diacritics(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            other => other,
        })
        .collect()
}

/// Whether `typed` differs from `expected` only by diacritics left out
/// (never by a different one): each typed letter has the expected letter's
/// base and a subset of its marks (`ơ` for `ớ`, `o` for `ớ`, not `ó` for `ớ`).
fn only_missing_diacritics(typed: &str, expected: &str) -> bool {
    let typed: Vec<char> = typed.chars().collect();
    let expected: Vec<char> = expected.chars().collect();
    typed.len() == expected.len()
        && typed.iter().zip(&expected).all(|(typed, expected)| {
            let (typed_base, typed_marks) = letter_parts(*typed);
            let (expected_base, expected_marks) = letter_parts(*expected);
            typed_base == expected_base
                && typed_marks.iter().all(|mark| expected_marks.contains(mark))
        })
}

/// A letter's base and its combining marks; `đ` is `d` with a stroke.
fn letter_parts(letter: char) -> (char, Vec<char>) {
    const STROKE: char = '\u{0335}';
    match letter {
        'đ' => ('d', vec![STROKE]),
        'Đ' => ('D', vec![STROKE]),
        _ => {
            let mut parts = letter.to_string().nfd().collect::<Vec<char>>().into_iter();
            let base = parts.next().unwrap_or(letter);
            (base, parts.collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_form_folds_case_punctuation_and_spacing() {
        assert_eq!(normalize("  Mô  HÌNH, (model)! "), "mô hình model");
        assert_eq!(normalize("C++ & C#"), "c++ & c#");
        assert_eq!(normalize("o\u{302}\u{301}"), "ố");
    }

    #[test]
    fn diacritics_strip_to_bare_letters() {
        assert_eq!(strip_diacritics("đường truyền"), "duong truyen");
        assert_eq!(strip_diacritics("Đà Nẵng"), "Da Nang");
    }

    #[test]
    fn missing_diacritics_are_a_subset_of_the_expected_marks() {
        assert!(only_missing_diacritics("dương", "đường"));
        assert!(only_missing_diacritics("duong", "đường"));
        assert!(!only_missing_diacritics("đương", "dương"));
        assert!(!only_missing_diacritics("dưởng", "đường"));
    }

    #[test]
    fn grades_imply_ratings() {
        assert_eq!(Grade::Correct.rating(), Rating::Good);
        assert_eq!(Grade::Close.rating(), Rating::Hard);
        assert_eq!(Grade::Wrong.rating(), Rating::Again);
    }
}
