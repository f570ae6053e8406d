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
//!
//! What a Vietnamese teacher would also say:
//!
//! - **Orthographic variants are the same word.** The tone mark's place
//!   (`hoà`/`hòa`, `thuý`/`thúy`, `khoẻ`/`khỏe`, `uỷ`/`ủy`) and, in a
//!   Vietnamese answer, the i/y of a syllable that is a consonant onset
//!   plus `i` or `y` (`kĩ`/`kỹ`, `lí`/`lý`, `mĩ`/`mỹ`, `qui`/`quy`) are
//!   normalised before comparing; the answer shown stays the lesson's.
//! - **A typo is counted per syllable, on the accented text.** A typed
//!   syllable that carries its own tone or vowel mark and differs from the
//!   expected one is another word (`tạo` for `tòa`, `hình` for `sinh`):
//!   wrong, unless it is the only such syllable, one Telex keystroke away
//!   from the expected one (`táo` for `tạo`, `truyề` for `truyền`), in an
//!   answer longer than 7 letters. A syllable typed without marks, or with
//!   some of the expected ones only, is judged on its letters.
//! - **Acronyms both ways.** With an [`Acronyms`] table built from the
//!   library's decks, an acronym and its expansion (in either language:
//!   `AI` = `artificial intelligence` = `trí tuệ nhân tạo` when decks say
//!   so) are interchangeable in a typed answer: `Generative Artificial
//!   Intelligence` is `Generative AI`. Typing the prompt's own term back
//!   (`LLM` to "LLM là viết tắt của gì?") gains nothing from it.
//! - **An answer is whole.** An accepted answer that is only part of an
//!   expansion another accepted answer spells out (`First Out` beside
//!   `LIFO - Last In, First Out`) is not accepted on its own.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::deck::{Card, CardKind, Direction, InputKind};
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

/// Judges `answer` to `card` knowing no acronyms; see [`judge_with`].
pub fn judge(card: &Card, answer: &str, sibling_answers: &[&str]) -> Judgement {
    judge_with(card, answer, sibling_answers, &Acronyms::default())
}

/// Judges `answer` to `card`. `sibling_answers` are the answers of the other
/// cards of the same deck and kind: typing one of them exactly is wrong, not
/// close (`LAN` for `WAN`). `acronyms` are the acronyms and expansions the
/// library defines, interchangeable in a typed answer.
pub fn judge_with(
    card: &Card,
    answer: &str,
    sibling_answers: &[&str],
    acronyms: &Acronyms,
) -> Judgement {
    let typed = Typed::new(answer);
    if typed.en.normal.is_empty() {
        let expected = match card.input {
            InputKind::List => card.answers.join(", "),
            InputKind::Text | InputKind::Choice => card.canonical_answer().to_string(),
        };
        return Judgement::new(Grade::Wrong, &expected, None);
    }
    match card.input {
        InputKind::Text => judge_text(card, &typed, sibling_answers, acronyms),
        InputKind::Choice => judge_choice(card, answer, &typed),
        InputKind::List => judge_list(card, answer, acronyms),
    }
}

fn judge_text(
    card: &Card,
    typed: &Typed,
    sibling_answers: &[&str],
    acronyms: &Acronyms,
) -> Judgement {
    let accepted = accepted_forms(&whole_answers(&card.answers));
    if let Some(found) = accepted.iter().find(|form| form.same_as(typed)) {
        return Judgement::new(Grade::Correct, &found.original, None);
    }
    if let Some(judgement) = spelled_out(card, &accepted, typed, acronyms) {
        return judgement;
    }
    let siblings: Vec<Form> = sibling_answers
        .iter()
        .map(|answer| Form::new(answer))
        .filter(|sibling| !sibling.normal.is_empty())
        .filter(|sibling| !accepted.iter().any(|own| own.same_text(sibling)))
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

/// The verdict on an answer that matches an accepted one once the acronyms
/// and expansions of `acronyms` are folded together on both sides: correct,
/// or close when an expansion was typed without its accents. `None` when
/// folding changes nothing, or when the typed words, folded, are the
/// prompt's own: the acronym "LLM là viết tắt của gì?" asks about, the
/// prompt of a translation typed back or shortened to its acronym.
fn spelled_out(
    card: &Card,
    accepted: &[Form],
    typed: &Typed,
    acronyms: &Acronyms,
) -> Option<Judgement> {
    if acronyms.is_empty() {
        return None;
    }
    let typed_folded = acronyms.fold(&typed.en.normal);
    let prompt_folded = acronyms.fold(&Form::new(&card.prompt).normal);
    if contains_words(&prompt_folded.text, &typed_folded.text) {
        return None;
    }
    accepted.iter().find_map(|form| {
        let judgement = match spelled_match(form, typed, acronyms)? {
            Match::Exact => Judgement::new(Grade::Correct, &form.original, None),
            _ => Judgement::new(
                Grade::Close,
                &form.original,
                Some(CloseReason::MissingDiacritics),
            ),
        };
        Some(judgement)
    })
}

/// Whether the words of `part` appear, in a row, among those of `whole`.
fn contains_words(whole: &str, part: &str) -> bool {
    !part.is_empty() && format!(" {whole} ").contains(&format!(" {part} "))
}

/// A choice card: the chosen option must be `answers[0]` (or, typed,
/// another of `answers`). A bare number is
/// read as the 1-based index of a choice, for the plain-line interface.
fn judge_choice(card: &Card, answer: &str, typed: &Typed) -> Judgement {
    let canonical = card.canonical_answer();
    let names = |choice: &String| Form::new(choice).same_as(typed);
    let chosen = match answer.trim().parse::<usize>() {
        Ok(number) if !card.choices.iter().any(names) => number
            .checked_sub(1)
            .and_then(|index| card.choices.get(index))
            .map_or_else(|| typed.clone(), |choice| Typed::new(choice)),
        _ => typed.clone(),
    };
    // A group question ("Which tool is in group X?") lists every member as
    // an answer though only one is among the options: a member typed
    // instead of picked is right too, and the feedback names that member.
    let right = |answer: &&String| !answer.is_empty() && Form::new(answer).same_as(&chosen);
    match card.answers.iter().find(right) {
        Some(member) if !canonical.is_empty() => Judgement::new(Grade::Correct, member, None),
        _ => Judgement::new(Grade::Wrong, canonical, None),
    }
}

fn judge_list(card: &Card, answer: &str, acronyms: &Acronyms) -> Judgement {
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
        if typed.en.normal.is_empty() {
            continue;
        }
        let open = |index: &usize| unmatched.get(*index).copied().unwrap_or(false);
        let best = expected
            .iter()
            .enumerate()
            .filter(|(index, _)| open(index))
            .map(|(index, form)| (index, form.compare(&typed)))
            .filter(|(_, found)| *found != Match::None)
            .min_by_key(|(_, found)| found.rank())
            .or_else(|| {
                // An item with an acronym or expansion in it, the other way round.
                expected
                    .iter()
                    .enumerate()
                    .filter(|(index, _)| open(index))
                    .find_map(|(index, form)| {
                        spelled_match(form, &typed, acronyms).map(|found| (index, found))
                    })
            });
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

/// How `typed` matches `expected` once the acronyms and expansions of
/// `acronyms` are folded on both sides: exactly, or with an expansion's
/// accents missing; `None` when folding changes neither or they differ.
fn spelled_match(expected: &Form, typed: &Typed, acronyms: &Acronyms) -> Option<Match> {
    if acronyms.is_empty() {
        return None;
    }
    let (typed_folded, expected_folded) = (
        acronyms.fold(&typed.en.normal),
        acronyms.fold(&expected.normal),
    );
    if !typed_folded.changed && !expected_folded.changed {
        return None;
    }
    let missing = Match::Close(CloseReason::MissingDiacritics, 0);
    match Form::new(&expected_folded.text).compare(&Typed::new(&typed_folded.text)) {
        Match::Exact if typed_folded.missing_marks => Some(missing),
        Match::Exact => Some(Match::Exact),
        found @ Match::Close(CloseReason::MissingDiacritics, _) => Some(found),
        Match::Close(..) | Match::None => None,
    }
}

/// A typed list item; a leading "và"/"and" ("a, b and c") is dropped when
/// the item does not match anything with it.
fn item_form(item: &str, expected: &[Form]) -> Typed {
    let typed = Typed::new(item);
    let matches_as_is = expected
        .iter()
        .any(|want| want.compare(&typed) != Match::None);
    if !matches_as_is {
        for conjunction in ["và ", "and ", "va "] {
            if let Some(rest) = typed.en.normal.strip_prefix(conjunction) {
                return Typed::new(rest);
            }
        }
    }
    typed
}

/// The accepted answers that are whole: an answer that is only part of the
/// expansion another answer spells out (`Last In`, `First Out` beside
/// `LIFO - Last In, First Out`) is half an answer, not an accepted one.
fn whole_answers(answers: &[String]) -> Vec<&String> {
    let expansions: Vec<Vec<String>> = answers
        .iter()
        .filter_map(|answer| written_pair(answer))
        .map(|(_, expansion)| words_of(&expansion))
        .collect();
    answers
        .iter()
        .filter(|answer| {
            let words = words_of(answer);
            !expansions.iter().any(|expansion| {
                !words.is_empty()
                    && words.len() < expansion.len()
                    && expansion.windows(words.len()).any(|run| run == words)
            })
        })
        .collect()
}

/// The words of `text` in the normal form.
fn words_of(text: &str) -> Vec<String> {
    normalize(text).split(' ').map(str::to_string).collect()
}

/// The accepted answers, plus each one without its parenthesised part and,
/// for one written `ACR - Long Name` (or with parentheses), the acronym and
/// the long name alone.
fn accepted_forms(answers: &[&String]) -> Vec<Form> {
    let mut forms: Vec<Form> = Vec::new();
    for answer in answers {
        forms.push(Form::new(answer));
        if let Some((acronym, expansion)) = written_pair(answer) {
            for part in [acronym, expansion] {
                forms.push(Form {
                    original: answer.to_string(),
                    ..Form::new(&part)
                });
            }
        }
        let bare = without_parentheses(answer);
        if bare.trim() != answer.trim() {
            let form = Form {
                original: answer.to_string(),
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
fn closest<'a>(accepted: &'a [Form], typed: &Typed) -> Option<(&'a Form, Match)> {
    accepted
        .iter()
        .map(|form| (form, form.compare(typed)))
        .filter(|(_, found)| *found != Match::None)
        .min_by_key(|(_, found)| found.rank())
}

/// The acronyms and expansions a library defines, so that either may be
/// typed for the other. Built once per session from the decks' cards
/// ([`Acronyms::from_cards`]), never from a word list of our own:
///
/// - a text written `ACR - Long Name`, `Long Name (ACR)` or `ACR (Long
///   Name)` (an answer or a prompt), when the acronym's letters spell the
///   long name;
/// - an acronym card: the acronym in its prompt and the expansion it asks;
/// - a card whose answers hold an acronym and the expansion it spells;
/// - a translation whose English side is only an acronym, with or without
///   its expansion (`AI - artificial intelligence`): each Vietnamese term
///   of the row is an expansion of that acronym too (`trí tuệ nhân tạo`).
#[derive(Debug, Clone, Default)]
pub struct Acronyms {
    expansions: Vec<Expansion>,
    /// Indices into `expansions` by the plain form of their first word,
    /// longest expansion first.
    by_first_word: HashMap<String, Vec<usize>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Expansion {
    /// The acronym in the normal form (`ai`, `tcp ip`).
    acronym: String,
    /// The expansion's words, i/y folded.
    words: Vec<String>,
    /// The same without diacritics.
    plain: Vec<String>,
}

/// A text with the expansions it holds replaced by their acronyms.
struct Folded {
    text: String,
    changed: bool,
    /// An expansion matched only without its accents.
    missing_marks: bool,
}

impl Acronyms {
    /// The acronyms `cards` define (see [`Acronyms`]).
    pub fn from_cards<'a>(cards: impl IntoIterator<Item = &'a Card>) -> Acronyms {
        let mut seen: HashSet<Expansion> = HashSet::new();
        let mut expansions: Vec<Expansion> = Vec::new();
        for (acronym, long) in cards.into_iter().flat_map(pairs_of_card) {
            let acronym = normalize(&acronym);
            let words: Vec<String> = words_of(&long).iter().map(|word| fold_key(word)).collect();
            let spelled_as_itself = words.join(" ") == acronym
                || words
                    .iter()
                    .any(|word| acronym.split(' ').any(|part| part == word));
            if acronym.is_empty() || words.iter().all(String::is_empty) || spelled_as_itself {
                continue;
            }
            let plain = words.iter().map(|word| strip_diacritics(word)).collect();
            let expansion = Expansion {
                acronym,
                words,
                plain,
            };
            if seen.insert(expansion.clone()) {
                expansions.push(expansion);
            }
        }
        let mut by_first_word: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, expansion) in expansions.iter().enumerate() {
            if let Some(first) = expansion.plain.first() {
                by_first_word.entry(first.clone()).or_default().push(index);
            }
        }
        for indices in by_first_word.values_mut() {
            indices.sort_by_key(|index| {
                std::cmp::Reverse(expansions.get(*index).map_or(0, |e| e.words.len()))
            });
        }
        Acronyms {
            expansions,
            by_first_word,
        }
    }

    /// How many (acronym, expansion) pairs are known.
    pub fn len(&self) -> usize {
        self.expansions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.expansions.is_empty()
    }

    /// The expansions known for `acronym`, in the form compared (lower
    /// case, the i/y of Vietnamese syllables folded: `xử lí`).
    pub fn expansions_of(&self, acronym: &str) -> Vec<String> {
        let wanted = normalize(acronym);
        self.expansions
            .iter()
            .filter(|expansion| expansion.acronym == wanted)
            .map(|expansion| expansion.words.join(" "))
            .collect()
    }

    /// `normal` with each expansion it holds, longest first, replaced by
    /// its acronym.
    fn fold(&self, normal: &str) -> Folded {
        let words: Vec<&str> = normal.split(' ').filter(|word| !word.is_empty()).collect();
        let keys: Vec<String> = words.iter().map(|word| fold_key(word)).collect();
        let plain: Vec<String> = keys.iter().map(|key| strip_diacritics(key)).collect();
        let mut out: Vec<&str> = Vec::with_capacity(words.len());
        let (mut changed, mut missing_marks) = (false, false);
        let mut index = 0;
        while let Some(word) = words.get(index) {
            let found = plain
                .get(index)
                .and_then(|first| self.by_first_word.get(first))
                .into_iter()
                .flatten()
                .filter_map(|candidate| self.expansions.get(*candidate))
                .find_map(|expansion| {
                    let end = index + expansion.words.len();
                    let (typed_keys, typed_plain) = (keys.get(index..end)?, plain.get(index..end)?);
                    if typed_plain != expansion.plain.as_slice() {
                        None
                    } else if typed_keys == expansion.words.as_slice() {
                        Some((expansion, false))
                    } else if typed_keys
                        .iter()
                        .zip(&expansion.words)
                        .all(|(typed, want)| only_missing_diacritics(typed, want))
                    {
                        Some((expansion, true))
                    } else {
                        None
                    }
                });
            match found {
                Some((expansion, missing)) => {
                    out.push(&expansion.acronym);
                    index += expansion.words.len();
                    changed = true;
                    missing_marks |= missing;
                }
                None => {
                    out.push(word);
                    index += 1;
                }
            }
        }
        Folded {
            text: out.join(" "),
            changed,
            missing_marks,
        }
    }
}

/// The (acronym, expansion) pairs one card states.
fn pairs_of_card(card: &Card) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = card
        .answers
        .iter()
        .chain(std::iter::once(&card.prompt))
        .filter_map(|text| written_pair(text))
        .collect();
    let answers = || card.answers.iter().map(|answer| answer.trim());
    for acronym in answers().filter(|answer| is_acronym_like(answer)) {
        for long in answers().filter(|long| *long != acronym && spells(acronym, long)) {
            pairs.push((acronym.to_string(), long.to_string()));
        }
    }
    if card.kind == CardKind::Acronym {
        for token in card.prompt.split_whitespace() {
            let token = token.trim_matches(|c: char| !c.is_alphanumeric());
            if is_acronym_like(token) {
                for long in answers().filter(|long| spells(token, long)) {
                    pairs.push((token.to_string(), long.to_string()));
                }
            }
        }
    }
    if card.kind == CardKind::Translate {
        let (english, vietnamese): (&str, Vec<&str>) = match card.direction {
            Some(Direction::ViEn) => (
                card.canonical_answer(),
                std::iter::once(card.prompt.as_str())
                    .chain(card.prompt.split(','))
                    .collect(),
            ),
            Some(Direction::EnVi) => (card.prompt.as_str(), answers().collect()),
            None => ("", Vec::new()),
        };
        if let Some(acronym) = sole_acronym(english) {
            for term in vietnamese.iter().map(|term| term.trim()) {
                if !term.is_empty() && !term.contains(',') {
                    pairs.push((acronym.to_string(), term.to_string()));
                }
            }
        }
    }
    pairs
}

/// The acronym and expansion of a text written `ACR - Long Name` (the
/// acronym may close a list: `weak AI, ANI - Artificial …`), `Long Name
/// (ACR)` or `ACR (Long Name)`, when the letters spell the long name.
fn written_pair(text: &str) -> Option<(String, String)> {
    let text = text.trim();
    if let Some((left, right)) = text.split_once(" - ") {
        let acronym = left
            .split(|c: char| c.is_whitespace() || c == ',')
            .rfind(|word| !word.is_empty())?;
        if is_acronym_like(acronym) && spells(acronym, right) {
            return Some((acronym.to_string(), right.trim().to_string()));
        }
    }
    let (outside, inside) = text.strip_suffix(')')?.split_once('(')?;
    let (outside, inside) = (outside.trim(), inside.trim());
    if is_acronym_like(inside) && spells(inside, outside) {
        Some((inside.to_string(), outside.to_string()))
    } else if is_acronym_like(outside) && spells(outside, inside) {
        Some((outside.to_string(), inside.to_string()))
    } else {
        None
    }
}

/// The acronym a text is about when it is nothing else: `AI`, or an
/// acronym written with its expansion (`AI - artificial intelligence`).
fn sole_acronym(text: &str) -> Option<&str> {
    let text = text.trim();
    if is_acronym_like(text) {
        return Some(text);
    }
    if let Some((left, right)) = text.split_once(" - ") {
        let left = left.trim();
        return (is_acronym_like(left) && spells(left, right)).then_some(left);
    }
    let (outside, inside) = text.strip_suffix(')')?.split_once('(')?;
    let (outside, inside) = (outside.trim(), inside.trim());
    if is_acronym_like(inside) && spells(inside, outside) {
        text.find(inside)
            .and_then(|at| text.get(at..at + inside.len()))
    } else if is_acronym_like(outside) && spells(outside, inside) {
        Some(outside)
    } else {
        None
    }
}

/// One token starting with a capital and holding at least two (`AI`,
/// `GANs`, `IaaS`, `TCP/IP`), letters and digits only besides `/&.-+`.
fn is_acronym_like(token: &str) -> bool {
    let mut chars = token.chars();
    chars.next().is_some_and(char::is_uppercase)
        && token.chars().filter(|c| c.is_uppercase()).count() >= 2
        && token
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '/' | '&' | '.' | '-' | '+'))
}

/// Whether the letters of `acronym` spell `long` (Schwartz–Hearst: each
/// letter found in order from the end, the first one opening a word), for a
/// long form of two words or more.
fn spells(acronym: &str, long: &str) -> bool {
    let letters: Vec<char> = strip_diacritics(&acronym.to_lowercase())
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    let long: Vec<char> = strip_diacritics(&long.to_lowercase()).chars().collect();
    let words = long
        .split(|c| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .count();
    if letters.len() < 2 || words < 2 {
        return false;
    }
    let mut position = long.len();
    for (index, letter) in letters.iter().enumerate().rev() {
        let opens_word =
            |at: usize| at == 0 || long.get(at - 1).is_some_and(|c| !c.is_alphanumeric());
        let found = (0..position)
            .rev()
            .find(|&at| long.get(at) == Some(letter) && (index > 0 || opens_word(at)));
        match found {
            Some(at) => position = at,
            None => return false,
        }
    }
    true
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

/// A typed text in two forms: with the i/y spellings folded, to compare
/// with a Vietnamese answer, and as typed, for any other.
#[derive(Debug, Clone)]
struct Typed {
    en: Form,
    vi: Form,
}

impl Typed {
    fn new(text: &str) -> Typed {
        Typed {
            en: Form::with_spelling(text, false),
            vi: Form::with_spelling(text, true),
        }
    }

    /// The form to compare with `answer`.
    fn against(&self, answer: &Form) -> &Form {
        if answer.vietnamese {
            &self.vi
        } else {
            &self.en
        }
    }
}

/// A text in the forms judging compares.
#[derive(Debug, Clone)]
struct Form {
    original: String,
    /// NFC, lower case, punctuation dropped, spacing collapsed, each tone
    /// mark in one place per syllable (and, when `vietnamese`, i/y folded).
    normal: String,
    /// `normal` without diacritics (`đ` → `d`).
    plain: String,
    /// The normal form as typed and `plain`, without spaces: "nodejs" is
    /// "Node.js".
    compact: String,
    plain_compact: String,
    /// The digits of the text, which a typo may not change.
    digits: String,
    /// Acronyms (`LLM`, `GPT-4`) allow no typo: one letter makes another term.
    acronym: bool,
    /// Written with Vietnamese letters: its i/y spellings are folded.
    vietnamese: bool,
}

impl Form {
    /// An answer of a card, its i/y spellings folded if it is Vietnamese.
    fn new(text: &str) -> Form {
        Form::with_spelling(text, is_vietnamese(text))
    }

    fn with_spelling(text: &str, vietnamese: bool) -> Form {
        let normal = if vietnamese {
            normalize(text)
                .split(' ')
                .map(fold_key)
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            normalize(text)
        };
        let plain = strip_diacritics(&normal);
        let trimmed = text.trim();
        let acronym = !trimmed.chars().any(char::is_whitespace)
            && !trimmed.chars().any(char::is_lowercase)
            && trimmed.chars().filter(|c| c.is_uppercase()).count() >= 2;
        Form {
            original: trimmed.to_string(),
            digits: normal.chars().filter(char::is_ascii_digit).collect(),
            // Tone marks as typed: their one place depends on where
            // words end, and `AItạo` is one word.
            compact: without_spaces(&plain_normal(text)),
            plain_compact: without_spaces(&plain),
            normal,
            plain,
            acronym,
            vietnamese,
        }
    }

    /// Equal in the normal form, spacing aside.
    fn same_text(&self, other: &Form) -> bool {
        self.normal == other.normal || self.compact == other.compact
    }

    /// Whether `typed` is this answer, spacing aside.
    fn same_as(&self, typed: &Typed) -> bool {
        self.same_text(typed.against(self))
    }

    /// How `typed` matches this answer.
    fn compare(&self, typed: &Typed) -> Match {
        let typed = typed.against(self);
        if self.same_text(typed) {
            return Match::Exact;
        }
        if typed.plain == self.plain || typed.plain_compact == self.plain_compact {
            // Tone marks compared in their one place where words end alike.
            let canonical = |form: &Form| without_spaces(&form.normal);
            if only_missing_diacritics(&canonical(typed), &canonical(self))
                || only_missing_diacritics(&typed.compact, &self.compact)
            {
                return Match::Close(CloseReason::MissingDiacritics, 0);
            }
            return self.typo(typed, 0);
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
            self.typo(typed, distance)
        } else {
            Match::None
        }
    }

    /// A typo `distance` letters away, unless a typed syllable carrying its
    /// own marks makes another word of it.
    fn typo(&self, typed: &Form, distance: usize) -> Match {
        match syllables(self, typed) {
            Syllables::Letters => Match::Close(CloseReason::Typo, distance),
            Syllables::OneSlip if self.is_long() => Match::Close(CloseReason::Typo, distance),
            Syllables::OneSlip | Syllables::OtherWord => Match::None,
        }
    }

    fn letters(&self) -> usize {
        self.plain.chars().filter(|c| !c.is_whitespace()).count()
    }

    /// Long enough for a one-key slip on a marked syllable to stay close.
    fn is_long(&self) -> bool {
        self.letters() > 7
    }

    fn typo_tolerance(&self) -> usize {
        if self.acronym {
            return 0;
        }
        match self.letters() {
            0..=3 => 0,
            4..=7 => 1,
            _ => 2,
        }
    }
}

/// How the typed syllables of a near answer differ from the expected ones.
#[derive(Debug, PartialEq, Eq)]
enum Syllables {
    /// Letters only: each differing syllable was typed without marks, or
    /// with some of the expected ones only.
    Letters,
    /// One syllable carries marks of its own, one Telex key away.
    OneSlip,
    /// Another word: a marked syllable further away, or several.
    OtherWord,
}

/// Compares `typed` with `expected` syllable by syllable: the typed letters
/// are aligned with the expected ones (on their bare letters), so each
/// expected syllable gets the typed letters that stand for it.
fn syllables(expected: &Form, typed: &Form) -> Syllables {
    let expected_words: Vec<&str> = expected.normal.split(' ').collect();
    let mut expected_chars: Vec<char> = Vec::new();
    let mut owner: Vec<usize> = Vec::new();
    for (index, word) in expected_words.iter().enumerate() {
        for letter in word.chars() {
            expected_chars.push(letter);
            owner.push(index);
        }
    }
    let typed_chars: Vec<char> = without_spaces(&typed.normal).chars().collect();
    let mut typed_words: Vec<String> = vec![String::new(); expected_words.len()];
    for (letter, at) in typed_chars.iter().zip(align(&typed_chars, &expected_chars)) {
        if let Some(word) = owner.get(at).and_then(|index| typed_words.get_mut(*index)) {
            word.push(*letter);
        }
    }
    let (mut other_words, mut slips) = (0, 0);
    for (typed_word, expected_word) in typed_words.iter().zip(&expected_words) {
        if typed_word == expected_word
            || !has_marks(typed_word)
            || only_missing_diacritics(typed_word, expected_word)
        {
            continue;
        }
        other_words += 1;
        if strsim::osa_distance(&telex(typed_word), &telex(expected_word)) <= 1 {
            slips += 1;
        }
    }
    match (other_words, slips) {
        (0, _) => Syllables::Letters,
        (1, 1) => Syllables::OneSlip,
        _ => Syllables::OtherWord,
    }
}

/// For each typed letter, the index of the expected letter it stands for
/// (an inserted letter goes with the expected letter before it), from an
/// optimal string alignment of the bare letters.
fn align(typed: &[char], expected: &[char]) -> Vec<usize> {
    let typed_bare: Vec<char> = typed.iter().map(|c| letter_parts(*c).0).collect();
    let expected_bare: Vec<char> = expected.iter().map(|c| letter_parts(*c).0).collect();
    let (rows, columns) = (typed.len(), expected.len());
    let mut cost = vec![vec![0usize; columns + 1]; rows + 1];
    for (row, line) in cost.iter_mut().enumerate() {
        for (column, cell) in line.iter_mut().enumerate() {
            *cell = if row == 0 {
                column
            } else {
                row * usize::from(column == 0)
            };
        }
    }
    let differs = |row: usize, column: usize| usize::from(typed_bare[row] != expected_bare[column]);
    let swapped = |row: usize, column: usize| {
        row > 1
            && column > 1
            && typed_bare[row - 1] == expected_bare[column - 2]
            && typed_bare[row - 2] == expected_bare[column - 1]
    };
    for row in 1..=rows {
        for column in 1..=columns {
            let mut best = (cost[row - 1][column] + 1)
                .min(cost[row][column - 1] + 1)
                .min(cost[row - 1][column - 1] + differs(row - 1, column - 1));
            if swapped(row, column) {
                best = best.min(cost[row - 2][column - 2] + 1);
            }
            cost[row][column] = best;
        }
    }
    let mut at = vec![0usize; rows];
    let (mut row, mut column) = (rows, columns);
    while row > 0 {
        if column > 0 {
            if cost[row][column] == cost[row - 1][column - 1] + differs(row - 1, column - 1) {
                at[row - 1] = column - 1;
                row -= 1;
                column -= 1;
                continue;
            }
            if swapped(row, column) && cost[row][column] == cost[row - 2][column - 2] + 1 {
                at[row - 1] = column - 2;
                at[row - 2] = column - 1;
                row -= 2;
                column -= 2;
                continue;
            }
            if cost[row][column] == cost[row][column - 1] + 1 {
                column -= 1;
                continue;
            }
        }
        at[row - 1] = column.saturating_sub(1);
        row -= 1;
    }
    at
}

/// The keys a syllable takes in Telex, the tone last: `tạo` → `taoj`,
/// `truyền` → `truyeenf`, `đường` → `dduwowngf`.
fn telex(syllable: &str) -> String {
    let mut keys = String::with_capacity(syllable.len() + 2);
    let mut tone = None;
    for c in syllable.nfd() {
        match c {
            '\u{300}' => tone = Some('f'),
            '\u{301}' => tone = Some('s'),
            '\u{309}' => tone = Some('r'),
            '\u{303}' => tone = Some('x'),
            '\u{323}' => tone = Some('j'),
            '\u{302}' => {
                if let Some(vowel) = keys.chars().last() {
                    keys.push(vowel);
                }
            }
            '\u{306}' | '\u{31b}' => keys.push('w'),
            'đ' => keys.push_str("dd"),
            other if is_combining_mark(other) => {}
            other => keys.push(other),
        }
    }
    keys.extend(tone);
    keys
}

/// Whether `text` carries any diacritic (`đ` included).
fn has_marks(text: &str) -> bool {
    text.nfd().any(|c| is_combining_mark(c) || c == 'đ')
}

/// Whether `text` is written with Vietnamese letters (any diacritic).
fn is_vietnamese(text: &str) -> bool {
    has_marks(&text.to_lowercase())
}

/// The five tone marks; the other marks (circumflex, breve, horn) make
/// letters of their own.
const TONE_MARKS: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// One word with its tone mark, if it has exactly one, where today's rule
/// puts it, so the old and the new placements (`hòa`/`hoà`, `thúy`/`thuý`,
/// `khỏe`/`khoẻ`, `ủy`/`uỷ`) give the same text: on the vowel carrying a
/// circumflex, breve or horn (the last one: `người`); else on the last vowel
/// before a final consonant (`toán`); else on the second of `oa`, `oe`,
/// `uy` (`hoà`), the middle of three vowels (`ngoài`), the first of any
/// other two (`tạo`, `của`). `gi` and `qu` open a syllable (`giá`, `quý`).
fn place_tone(word: &str) -> String {
    let mut letters: Vec<String> = Vec::new();
    let mut tones: Vec<char> = Vec::new();
    for c in word.nfd() {
        if TONE_MARKS.contains(&c) {
            tones.push(c);
        } else if let Some(letter) = letters.last_mut().filter(|_| is_combining_mark(c)) {
            letter.push(c);
        } else {
            letters.push(c.to_string());
        }
    }
    let [tone] = tones.as_slice() else {
        return word.to_string();
    };
    let target = tone_position(&letters);
    if let Some(letter) = letters.get_mut(target) {
        letter.push(*tone);
    }
    letters.concat().nfc().collect()
}

/// Where [`place_tone`] puts the tone among `letters` (each a base letter
/// with its circumflex, breve or horn).
fn tone_position(letters: &[String]) -> usize {
    let is_vowel = |letter: &String| letter.starts_with(['a', 'e', 'i', 'o', 'u', 'y']);
    let base = |index: usize| letters.get(index).and_then(|letter| letter.chars().next());
    let Some(mut start) = letters.iter().position(is_vowel) else {
        return letters.len().saturating_sub(1);
    };
    let mut end = start
        + letters
            .iter()
            .skip(start)
            .take_while(|l| is_vowel(l))
            .count();
    // `qu` and `gi` (before another vowel) belong to the onset.
    let onset_vowel = (base(start) == Some('u') && start > 0 && base(start - 1) == Some('q'))
        || (base(start) == Some('i') && start > 0 && base(start - 1) == Some('g'));
    if onset_vowel && end - start > 1 {
        start += 1;
    }
    let vowels: Vec<usize> = (start..end).collect();
    if let Some(marked) = vowels.iter().rev().find(|index| {
        letters
            .get(**index)
            .is_some_and(|letter| letter.chars().count() > 1)
    }) {
        return *marked;
    }
    let closed = end < letters.len();
    let pair: String = vowels.iter().filter_map(|index| base(*index)).collect();
    end -= 1;
    match vowels.len() {
        _ if closed => end,
        0 | 1 => end,
        2 if matches!(pair.as_str(), "oa" | "oe" | "uy") => end,
        2 => start,
        _ => start + 1,
    }
}

/// A Vietnamese word with the i/y of a syllable that is a consonant onset
/// plus `i` or `y` (`kỹ`, `lý`, `mỹ`, `quy`) folded to `i`; syllables where
/// `y` follows a vowel (`tay` is not `tai`) are left alone.
fn fold_key(word: &str) -> String {
    let letters: Vec<char> = word.nfd().collect();
    let Some(last_letter) = letters.iter().rposition(|c| !is_combining_mark(*c)) else {
        return word.to_string();
    };
    let onset: String = letters.iter().take(last_letter).collect();
    let consonants =
        |text: &str| !text.is_empty() && text.chars().all(|c| "bcdđghklmnpqrstvx".contains(c));
    if letters.get(last_letter) == Some(&'y') && (consonants(&onset) || onset == "qu") {
        let mut folded = letters.clone();
        if let Some(letter) = folded.get_mut(last_letter) {
            *letter = 'i';
        }
        return place_tone(&folded.into_iter().collect::<String>());
    }
    word.to_string()
}

/// NFC, lower case, punctuation dropped (apostrophes joined, the rest made
/// spaces), spacing collapsed; tone marks where they were typed.
fn plain_normal(text: &str) -> String {
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

/// [`plain_normal`] with each tone mark in its one place per word.
fn normalize(text: &str) -> String {
    plain_normal(text)
        .split(' ')
        .map(place_tone)
        .collect::<Vec<_>>()
        .join(" ")
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
    fn tone_marks_go_where_todays_rule_puts_them() {
        for (typed, placed) in [
            ("hòa", "hoà"),
            ("hoà", "hoà"),
            ("thúy", "thuý"),
            ("khỏe", "khoẻ"),
            ("ủy", "uỷ"),
            ("tạo", "tạo"),
            ("của", "của"),
            ("người", "người"),
            ("toán", "toán"),
            ("ngoài", "ngoài"),
            ("giá", "giá"),
            ("quý", "quý"),
            ("gì", "gì"),
        ] {
            assert_eq!(place_tone(typed), placed, "{typed}");
        }
        assert_eq!(fold_key("kỹ"), "kĩ");
        assert_eq!(fold_key("quy"), "qui");
        assert_eq!(fold_key("tay"), "tay");
        assert_eq!(fold_key("thuỷ"), "thuỷ");
    }

    #[test]
    fn telex_keys_count_a_slip() {
        assert_eq!(telex("tạo"), "taoj");
        assert_eq!(telex("truyền"), "truyeenf");
        assert_eq!(telex("đường"), "dduwowngf");
    }

    #[test]
    fn acronyms_spell_their_long_names() {
        assert!(spells("GANs", "Generative Adversarial Networks"));
        assert!(spells("IaaS", "Infrastructure as a Service"));
        assert!(spells("LIFO", "Last In, First Out"));
        assert!(spells("CNTT", "công nghệ thông tin"));
        assert!(!spells("LAN", "wide area network"));
        assert!(!spells("AI", "AI"));
        assert_eq!(
            written_pair("local area network (LAN)"),
            Some(("LAN".into(), "local area network".into()))
        );
        assert_eq!(sole_acronym("AI - artificial intelligence"), Some("AI"));
        assert_eq!(sole_acronym("Generative AI"), None);
    }

    #[test]
    fn grades_imply_ratings() {
        assert_eq!(Grade::Correct.rating(), Rating::Good);
        assert_eq!(Grade::Close.rating(), Rating::Hard);
        assert_eq!(Grade::Wrong.rating(), Rating::Again);
    }
}
