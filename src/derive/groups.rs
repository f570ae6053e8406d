//! Groups: what a lesson lists under a name, read from every structure
//! authors use for it, then turned into cards by one card maker.
//!
//! Two stages, so that each structure is read once and each card decision
//! is made once:
//! 1. structures → [`GroupFact`]s: a name (a heading, a bold label, a note's
//!    title, or the sentence introducing a list) and the labels of its
//!    items. The readers are
//!    - a list under a heading, a bold label, a note's title or an
//!      introducing sentence (`… gồm 3 bước:`, `có các loại sau:`), at any
//!      depth, items named by their bold label (`1. **Tính hữu hạn**`), the
//!      words before their colon (`- Median: …`) or their whole short text;
//!    - a run of bold paragraphs each heading its own text (`**Bước 1:
//!      Chia**`, `**1. SUM — tính tổng**`);
//!    - sub-headings that enumerate their parent (`## Một số …` over `###
//!      A. …`, `### B. …`).
//!
//!    Prefixes that only number an item (`Bước 1:`, `1.`, `A.`) and a
//!    description after a dash are stripped from its label.
//! 2. facts → cards: "X gồm những gì?" (a list card, order-free) and, for
//!    every item in one group only, "“item” thuộc nhóm nào?" with the other
//!    groups of the lesson as choices. A fact another extractor already
//!    asked (the same items) gives no second card.
//!
//! What a reader finds but a teacher would not ask (a worked example's
//! steps, a task list, advice sentences, numbers) is dropped with its
//! reason in [`super::Dropped`], for `compile --explain`.

use std::collections::{HashMap, HashSet};

use crate::deck::{CardKind, InputKind};
use crate::lesson::{Block, Inline, Item, Lesson, List, Section, Table};

use super::text::{
    contains_words, fold, gives_away, is_etc, is_generic, names, names_a_group, padded_words, slug,
    trim_punctuation, word_count,
};
use super::{Draft, DropReason, Dropped, MAX_CHOICES, MIN_CHOICES, content_sections, pick_choices};

/// Longest item label, in words, of a list to recall.
const MAX_ITEM_WORDS: usize = 10;
/// Longest item a plain (unlabelled) list item may be to count as a name.
const MAX_PLAIN_ITEM_WORDS: usize = 8;
/// Most items a student is asked to recall at once.
const MAX_ITEMS: usize = 12;
/// Longest introducing sentence, in words, shown as a question.
const MAX_INTRO_WORDS: usize = 40;

/// How a group got its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Naming {
    /// The heading the list sits under.
    Heading,
    /// A bold label or a note's title right above it.
    Label,
    /// The sentence introducing it (`… gồm 3 bước:`).
    Intro,
}

/// One thing a lesson lists: a name and its items.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupFact<'a> {
    pub section: &'a Section,
    pub name: String,
    pub naming: Naming,
    /// For a group named by its sentence, the noun phrase in it that names
    /// the group (`… có những năng lực chủ yếu sau:` → `Những năng lực chủ
    /// yếu`), to offer among the groups of a placement card.
    pub short: Option<String>,
    /// The list holds examples (`Ví dụ:`), not all the name covers.
    pub examples: bool,
    /// Each item's label and line.
    pub items: Vec<(String, usize)>,
    pub line: usize,
}

/// Finds every group of the lesson and makes its cards; `drafts` holds the
/// other extractors' cards, so a group one of them asked already is not
/// asked twice.
pub fn extract(lesson: &Lesson, drafts: &mut Vec<Draft>, dropped: &mut Vec<Dropped>) {
    let facts = read_groups(lesson, dropped);
    make_cards(lesson, &facts, drafts, dropped);
}

/// Stage 1: the lesson's groups, in lesson order.
pub fn read_groups<'a>(lesson: &'a Lesson, dropped: &mut Vec<Dropped>) -> Vec<GroupFact<'a>> {
    let mut facts = Vec::new();
    let sections: Vec<&Section> = content_sections(lesson).collect();
    for (index, section) in sections.iter().enumerate() {
        if is_vocabulary(section) {
            continue;
        }
        let heading = (section.level >= 2).then_some(section.heading.as_str());
        read_blocks(section, &section.blocks, heading, &mut facts, dropped);
        read_bold_runs(section, &mut facts, dropped);
        read_sub_headings(section, &sections[index + 1..], &mut facts);
    }
    facts.sort_by_key(|fact| fact.line);
    facts
}

/// `## Some English words`: the vocabulary table's section.
fn is_vocabulary(section: &Section) -> bool {
    let folded = fold(&section.heading);
    folded.contains("english words") || folded.contains("tu vung")
}

/// Lists among `blocks` and the names they hang under. `heading` names a
/// list that opens the blocks with no sentence of its own above it.
fn read_blocks<'a>(
    section: &'a Section,
    blocks: &[Block],
    heading: Option<&str>,
    facts: &mut Vec<GroupFact<'a>>,
    dropped: &mut Vec<Dropped>,
) {
    read_blocks_of(section, blocks, heading, None, facts, dropped);
}

/// [`read_blocks`]; `inline_owner` is the label of the item the blocks are
/// the body of, which names an enumeration written in its sentence.
fn read_blocks_of<'a>(
    section: &'a Section,
    blocks: &[Block],
    heading: Option<&str>,
    inline_owner: Option<&str>,
    facts: &mut Vec<GroupFact<'a>>,
    dropped: &mut Vec<Dropped>,
) {
    let mut lists_seen = 0;
    for (at, block) in blocks.iter().enumerate() {
        let named = || {
            let before = at.checked_sub(1).and_then(|index| blocks.get(index));
            match before {
                Some(Block::Paragraph(paragraph)) => {
                    let named = name_from_paragraph(paragraph, heading);
                    // A note's title or a bold label over the sentence
                    // introducing the list names it better.
                    let title = at
                        .checked_sub(2)
                        .and_then(|index| blocks.get(index))
                        .and_then(|block| match block {
                            Block::Paragraph(title) => name_from_paragraph(title, None),
                            _ => None,
                        })
                        .filter(|(_, naming, _)| *naming == Naming::Label);
                    match named {
                        Some((_, Naming::Intro, examples)) if title.is_some() => {
                            title.map(|(name, naming, _)| (name, naming, examples))
                        }
                        named => named,
                    }
                }
                // The first thing under the heading (`## Một số loại cây`
                // then the list).
                None if lists_seen == 0 => {
                    heading.map(|heading| (heading.to_string(), Naming::Heading, false))
                }
                _ => None,
            }
        };
        // A heading that counts (`### Hai giao thức chính`, `## Các loại …`)
        // announces the first list or table under it, whatever sentence
        // comes between.
        let counted = || {
            heading
                .filter(|heading| lists_seen == 0 && counts(heading))
                .map(|heading| (heading.to_string(), Naming::Heading, false))
        };
        let named = || named().or_else(counted);
        if let Block::Paragraph(paragraph) = block
            && let Some(name) = inline_owner.or(heading.filter(|_| at == 0))
            && let Some(items) = inline_enumeration(paragraph)
        {
            facts.push(GroupFact {
                section,
                name: name.to_string(),
                naming: Naming::Label,
                short: None,
                examples: false,
                items,
                line: paragraph.line,
            });
        }
        if let Block::Table(table) = block {
            if let Some((name, naming, examples)) = named()
                && let Some(fact) = table_fact(section, table, name, naming, examples)
            {
                facts.push(fact);
                lists_seen += 1;
            }
            continue;
        }
        let Block::List(list) = block else {
            continue;
        };
        let named = named();
        lists_seen += 1;
        if let Some((name, naming, examples)) = named
            && let Some(fact) = list_fact(section, list, name, naming, examples, dropped)
        {
            facts.push(fact);
        }
        // Nested lists under labelled items: `- Tầng ứng dụng:` + bullets.
        for item in &list.items {
            let Some(label) = item_label(item) else {
                continue;
            };
            if let Some(Block::List(sublist)) = item.blocks.first()
                && let Some(fact) = list_fact(
                    section,
                    sublist,
                    label.clone(),
                    Naming::Label,
                    false,
                    dropped,
                )
            {
                facts.push(fact);
            }
            // A list further down the item's body, under its own sentence,
            // or one written in a sentence of it.
            read_blocks_of(section, &item.blocks, None, Some(&label), facts, dropped);
        }
    }
}

/// Words announcing an enumeration inside a sentence (`…, gồm có RAM và
/// ROM.`, `bao gồm các loại: a, b và c.`).
const ENUMERATION_OPENERS: [&str; 4] = ["bao gồm", "gồm có", "gồm", "bao gồm các loại"];

/// The items a sentence enumerates after `gồm`/`bao gồm` (and an optional
/// `các loại:`) up to its end: two to eight short names joined by commas
/// and `và`/`hoặc`.
fn inline_enumeration(paragraph: &Inline) -> Option<Vec<(String, usize)>> {
    if paragraph.math || paragraph.has_inner_code() {
        return None;
    }
    let plain = paragraph.plain();
    let lower = plain.to_lowercase();
    let (at, opener) = ENUMERATION_OPENERS
        .iter()
        .filter_map(|opener| lower.find(&format!("{opener} ")).map(|at| (at, *opener)))
        .min_by_key(|(at, opener)| (*at, usize::MAX - opener.len()))?;
    let rest = plain.get(at + opener.len()..)?.trim_start();
    let rest = rest
        .strip_prefix("các loại")
        .or_else(|| rest.strip_prefix("các"))
        .unwrap_or(rest)
        .trim_start_matches([':', ' ']);
    // The enumeration ends the sentence.
    let end = rest.find(['.', ';', '!', '?']).unwrap_or(rest.len());
    if rest[end..]
        .trim_start_matches(['.', ';', '!', '?'])
        .trim()
        .chars()
        .any(char::is_alphabetic)
        && !rest[end..].starts_with(". ")
    {
        return None;
    }
    let list = &rest[..end];
    let mut parts: Vec<String> = Vec::new();
    for piece in list.split(", ") {
        for part in piece.split(" và ").flat_map(|part| part.split(" hoặc ")) {
            parts.push(trim_punctuation(part));
        }
    }
    let names = (2..=8).contains(&parts.len())
        && parts.iter().all(|part| {
            // `cả âm thanh`: "even …", a remark, not a name.
            !part.is_empty()
                && word_count(part) <= 5
                && names_a_group(part)
                && !part.to_lowercase().starts_with("cả ")
        });
    names.then(|| {
        parts
            .into_iter()
            .map(|part| (part, paragraph.line))
            .collect()
    })
}

/// Whether a heading opens with a quantifier (`Hai giao thức chính`,
/// `Các loại cáp`, `Một số dịch vụ`): it names a list.
fn counts(heading: &str) -> bool {
    let lower = heading.trim().to_lowercase();
    QUANTIFIERS.iter().any(|quantifier| {
        lower
            .strip_prefix(quantifier)
            .is_some_and(|rest| rest.starts_with(' '))
    })
}

/// A group from a table under a name: its first column's names (`| Yếu
/// tố | Mô tả |` rows), or, when its first header cell is empty (`| | RAM
/// | ROM |`, a comparison), the things its header compares. A vocabulary
/// table is the translation extractor's.
fn table_fact<'a>(
    section: &'a Section,
    table: &Table,
    name: String,
    naming: Naming,
    examples: bool,
) -> Option<GroupFact<'a>> {
    let header: Vec<String> = table.header.iter().map(Inline::plain).collect();
    let vocabulary = header.iter().any(|cell| {
        let folded = fold(cell);
        folded.contains("tieng anh") || folded.contains("english") || folded.contains("tieng viet")
    });
    if vocabulary || header.len() < 2 {
        return None;
    }
    let cells: Vec<(String, usize)> = if header.first().is_some_and(|cell| cell.trim().is_empty()) {
        header[1..]
            .iter()
            .map(|cell| (cell.clone(), table.line))
            .collect()
    } else {
        table
            .rows
            .iter()
            .filter_map(|row| row.cells.first().map(|cell| (cell.plain(), row.line)))
            .collect()
    };
    let items: Vec<(String, usize)> = cells
        .into_iter()
        .map(|(cell, line)| (strip_numbering(&trim_punctuation(&cell)), line))
        .filter(|(cell, _)| !cell.is_empty())
        .collect();
    let names = items.iter().all(|(item, _)| {
        word_count(item) <= MAX_PLAIN_ITEM_WORDS && item.chars().any(char::is_alphabetic)
    });
    (names && items.len() >= 2).then(|| GroupFact {
        section,
        short: (naming == Naming::Intro)
            .then(|| noun_phrase(&name))
            .flatten(),
        name,
        naming,
        examples,
        items,
        line: table.line,
    })
}

/// The name a paragraph gives the list right after it: a bold label or a
/// note's title alone on its line, or a sentence ending with a colon (or
/// `… sau.`). A short `Gồm có:` or `Ví dụ:` leaves the name to the heading.
fn name_from_paragraph(
    paragraph: &Inline,
    heading: Option<&str>,
) -> Option<(String, Naming, bool)> {
    if paragraph.math || paragraph.has_inner_code() {
        return None;
    }
    let plain = paragraph.plain();
    if let Some(bold) = paragraph.leading_bold()
        && matches!(paragraph.after_leading_bold().as_str(), "" | ":")
    {
        return Some((
            strip_numbering(&trim_punctuation(&bold)),
            Naming::Label,
            false,
        ));
    }
    // `Ví dụ:` on a line of its own above the sentence: the sentence is
    // what introduces the list.
    let plain = ["Ví dụ:", "Ví dụ :", "Chẳng hạn:"]
        .iter()
        .find_map(|lead| plain.strip_prefix(lead))
        .map(str::trim)
        .filter(|rest| !rest.is_empty())
        .map_or(plain.clone(), str::to_string);
    let intro = plain
        .strip_suffix(':')
        .or_else(|| announces(&plain).then_some(plain.trim_end_matches('.')))?
        .trim();
    let folded = fold(intro);
    let examples = matches!(
        folded.as_str(),
        "vi du" | "mot so vi du" | "example" | "examples"
    ) || folded.ends_with("vi du nhu")
        || folded.ends_with("chang han nhu");
    if word_count(intro) <= 3 {
        // `Gồm có:`, `Ví dụ:`: the heading names the list.
        return heading.map(|heading| (heading.to_string(), Naming::Heading, examples));
    }
    // `Bài này trình bày …:` lists the lesson's own topics.
    let about_itself = [
        "bai nay",
        "bai hoc nay",
        "phan nay",
        "trang nay",
        "chuong nay",
        "muc nay",
    ]
    .iter()
    .any(|opener| folded.starts_with(opener));
    if word_count(intro) > MAX_INTRO_WORDS || about_itself {
        return None;
    }
    // `### Các loại địa chỉ ô` then `Có ba loại địa chỉ ô:`: the heading's
    // list, named better by the heading.
    if let Some(heading) = heading
        && noun_phrase(intro).is_some_and(|phrase| {
            // `hai loại độ phức tạp` under `Độ phức tạp`: kinds of it.
            let (phrase, heading) = (core_of(&phrase), core_of(heading));
            phrase == heading || phrase.ends_with(&format!(" {heading}"))
        })
    {
        return Some((heading.to_string(), Naming::Heading, false));
    }
    Some((intro.to_string(), Naming::Intro, false))
}

/// Words counting or quantifying a noun (`các`, `những`, `một số`, `ba`):
/// in a sentence introducing a list, the noun phrase they open names it.
/// Compared with their accents: `sau` is "after", `sáu` "six".
const QUANTIFIERS: [&str; 16] = [
    "các",
    "những",
    "một số",
    "nhiều",
    "vài",
    "hai",
    "ba",
    "bốn",
    "năm",
    "sáu",
    "bảy",
    "tám",
    "chín",
    "mười",
    "tất cả",
    "một vài",
];

/// Words ending the noun phrase of a sentence introducing a list.
const PHRASE_ENDS: [&str; 13] = [
    "sau",
    "như",
    "là",
    "gồm",
    "bao",
    "chẳng",
    "có",
    "được",
    "thường",
    "khác",
    "đều",
    "cũng",
    "còn",
];

/// A heading without the quantifier it opens with (`Các loại địa chỉ ô` →
/// `loại địa chỉ ô`), folded.
fn core_of(heading: &str) -> String {
    let lower = heading.trim().to_lowercase();
    for quantifier in QUANTIFIERS {
        if let Some(rest) = lower.strip_prefix(quantifier)
            && let Some(rest) = rest.strip_prefix(' ')
        {
            return fold(rest);
        }
    }
    fold(&lower)
}

/// A group that can be an option of a placement card, its words folded.
struct PlaceableGroup {
    name: String,
    name_words: String,
    item_words: Vec<String>,
}

/// The noun phrase a sentence introducing a list names it by: from its last
/// quantifier (`các`, `những`, `một số`, `hai`…) up to `sau`, `như`, `là`,
/// `gồm`…, at most six syllables after the quantifier, capitalised. `None`
/// when less than three follow it.
pub fn noun_phrase(sentence: &str) -> Option<String> {
    let words: Vec<&str> = sentence
        .split_whitespace()
        .map(|word| word.trim_end_matches([',', ':', ';', '.']))
        .collect();
    let lower: Vec<String> = words.iter().map(|word| word.to_lowercase()).collect();
    let quantifier_at = |at: usize| {
        QUANTIFIERS.iter().find_map(|quantifier| {
            let parts: Vec<&str> = quantifier.split(' ').collect();
            parts
                .iter()
                .enumerate()
                .all(|(offset, part)| lower.get(at + offset).is_some_and(|word| word == part))
                .then_some(parts.len())
        })
    };
    let (start, length) = (0..words.len())
        .rev()
        .find_map(|at| quantifier_at(at).map(|length| (at, length)))?;
    let head_end = start + length;
    let mut end = head_end;
    while end < words.len()
        && !PHRASE_ENDS.contains(&lower[end].as_str())
        && end - head_end < 6
        && (end == head_end || !sentence_breaks_after(words[end - 1], sentence))
    {
        end += 1;
    }
    // Three syllables at least: `hai loại`, `ba trạng thái` say little;
    // a phrase cut by the limit, not by its end, is no name.
    let cut =
        end < words.len() && end - head_end >= 6 && !PHRASE_ENDS.contains(&lower[end].as_str());
    if end - head_end < 3 || cut {
        return None;
    }
    let phrase = words[start..end].join(" ");
    let mut chars = phrase.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

/// Whether the sentence has a comma right after `word` (the phrase ends there).
fn sentence_breaks_after(word: &str, sentence: &str) -> bool {
    sentence.contains(&format!("{word},"))
}

/// Whether a sentence announces the list after it without a colon
/// (`… lần lượt thực hiện các bước sau.`).
fn announces(sentence: &str) -> bool {
    let folded = fold(sentence.trim_end_matches('.'));
    folded.ends_with(" sau") || folded.ends_with(" sau day") || folded.ends_with(" nhu sau")
}

/// A group fact from a list, if enough of its items are names.
fn list_fact<'a>(
    section: &'a Section,
    list: &List,
    name: String,
    naming: Naming,
    examples: bool,
    dropped: &mut Vec<Dropped>,
) -> Option<GroupFact<'a>> {
    let mut items = Vec::new();
    let mut unnamed = 0;
    // In a list whose items all open with a bold term, the term is the
    // item's label whatever follows it (`**Mức** của một nút là …`).
    let bold_led = list
        .items
        .iter()
        .all(|item| item.lead.leading_bold().is_some() || is_etc(&item.lead.plain()));
    for item in &list.items {
        if is_etc(&item.lead.plain()) {
            continue;
        }
        if let Some(reason) = not_an_item(&item.lead.plain()) {
            dropped.push(Dropped::new(
                list.line,
                format!("{name}: {}", item.lead.plain()),
                reason,
            ));
            return None;
        }
        let label = item_label(item).or_else(|| {
            bold_led
                .then(|| item.lead.leading_bold())
                .flatten()
                .map(|bold| trim_punctuation(&strip_numbering(&bold)))
                .filter(|bold| word_count(bold) <= MAX_PLAIN_ITEM_WORDS)
        });
        match label {
            Some(label) => items.push((label, item.line)),
            None => unnamed += 1,
        }
    }
    // A list of sentences, or a few names among sentences: nothing to recall.
    if items.len() < 2 || unnamed * 3 > items.len() {
        return None;
    }
    Some(GroupFact {
        section,
        short: (naming == Naming::Intro)
            .then(|| noun_phrase(&name))
            .flatten(),
        name,
        naming,
        examples,
        items,
        line: list.line,
    })
}

/// Why an item's text is no member of a group a teacher would ask, if it
/// is not: a task-list box, advice, a number or a size.
fn not_an_item(text: &str) -> Option<DropReason> {
    let trimmed = text.trim();
    if trimmed.starts_with("[ ]") || trimmed.starts_with("[x]") || trimmed.starts_with("[X]") {
        return Some(DropReason::TaskList);
    }
    if trimmed.starts_with("[[") {
        return Some(DropReason::WikiLink);
    }
    None
}

/// The label an item is known by: its bold lead (numbering and a dashed
/// description stripped), the words before its colon, or its whole text
/// when short. `None` for a sentence.
pub fn item_label(item: &Item) -> Option<String> {
    let lead = &item.lead;
    if lead.math {
        return None;
    }
    let label = if let Some(bold) = lead.leading_bold() {
        let rest = lead.after_leading_bold();
        // `**Tính hữu hạn**`, `**HTTP**: …`, `**Nút gốc** là …`, `**TCP** (…):`
        let bold = trim_punctuation(&bold);
        if rest.is_empty()
            || rest.starts_with([':', '(', '-', '–', '—'])
            || starts_with_word(&rest, "là")
        {
            bold
        } else {
            return None;
        }
    } else {
        if lead.links().next().is_some() || lead.has_code() && !lead.plain().contains(':') {
            return None;
        }
        let plain = lead.plain();
        match plain.split_once(':') {
            Some((head, _)) if word_count(head) <= 6 && !head.trim().is_empty() => head.to_string(),
            // `Phổ biến hiện nay là cáp quang`: a sentence, however short.
            _ if word_count(&plain) <= MAX_PLAIN_ITEM_WORDS
                && !plain.contains(". ")
                && !names(&plain, "là") =>
            {
                plain
            }
            _ => return None,
        }
    };
    let label = strip_description(&strip_numbering(&trim_punctuation(&label)));
    let label = trim_punctuation(&label);
    // `Khi người dùng xem …`, `Trong phòng máy …`: a scene, not a name.
    if !names_a_group(&label) && word_count(&label) > 2 {
        return None;
    }
    (!label.is_empty()
        && word_count(&label) <= MAX_ITEM_WORDS
        && label.chars().any(char::is_alphabetic))
    .then_some(label)
}

fn starts_with_word(text: &str, word: &str) -> bool {
    text.strip_prefix(word)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

/// Drops a prefix that only numbers an item: `Bước 1:`, `Step 2 -`, `1.`,
/// `2)`, `A.`, `IV.`.
pub fn strip_numbering(label: &str) -> String {
    let text = label.trim();
    let words: Vec<&str> = text.splitn(3, ' ').collect();
    // `Bước 1: Chia`, `Giai đoạn 2. …`
    for prefix in ["bước", "step", "giai đoạn", "phần", "cách", "loại", "phase"] {
        // Compared char by char: lower-casing may change a text's length,
        // so no byte offset of the lower-cased text is used on the original.
        let chars = prefix.chars().count();
        let end = text
            .char_indices()
            .nth(chars)
            .map_or(text.len(), |(at, _)| at);
        let head = &text[..end];
        // A first letter that lowers to another one rules the prefix out
        // before lowering the head.
        let opens_alike =
            head.chars().next().and_then(|c| c.to_lowercase().next()) == prefix.chars().next();
        if opens_alike && head.chars().count() == chars && head.to_lowercase() == prefix {
            let trimmed = text[end..].trim_start();
            let digits = trimmed.chars().take_while(|c| c.is_ascii_digit()).count();
            if digits > 0 {
                let after =
                    trimmed[digits..].trim_start_matches([':', '.', ')', '-', '–', '—', ' ']);
                if !after.is_empty() {
                    return after.to_string();
                }
            }
        }
    }
    if let Some(first) = words.first() {
        let marker = first.trim_end_matches(['.', ')', ':']);
        let numbered = first.len() > marker.len()
            && !marker.is_empty()
            && (marker.chars().all(|c| c.is_ascii_digit())
                || (marker.chars().count() == 1 && marker.chars().all(|c| c.is_uppercase()))
                || marker.chars().all(|c| matches!(c, 'I' | 'V' | 'X')));
        if numbered && words.len() > 1 {
            return text[first.len()..].trim_start().to_string();
        }
    }
    text.to_string()
}

/// Drops a description after a spaced dash: `SUM — tính tổng` → `SUM`,
/// `Người dùng — ai?` → `Người dùng`.
fn strip_description(label: &str) -> String {
    for dash in [" — ", " – ", " - "] {
        if let Some((head, _)) = label.split_once(dash)
            && !head.trim().is_empty()
        {
            return head.trim().to_string();
        }
    }
    label.to_string()
}

/// Paragraphs that are a bold label alone, each heading the text after it
/// (`**Bước 1: Chia**` then a paragraph): the section's steps or kinds.
fn read_bold_runs<'a>(
    section: &'a Section,
    facts: &mut Vec<GroupFact<'a>>,
    dropped: &mut Vec<Dropped>,
) {
    let mut labels: Vec<(String, usize, bool)> = Vec::new();
    let mut intro: Option<(String, Naming)> = None;
    let blocks = &section.blocks;
    for (at, block) in blocks.iter().enumerate() {
        let Block::Paragraph(paragraph) = block else {
            continue;
        };
        let standalone = paragraph
            .leading_bold()
            .filter(|_| matches!(paragraph.after_leading_bold().as_str(), "" | ":"));
        let heads_text = matches!(
            blocks.get(at + 1),
            Some(Block::Paragraph(_) | Block::List(_) | Block::Code { .. })
        );
        match standalone {
            Some(bold) if heads_text => {
                let numbered = strip_numbering(&trim_punctuation(&bold)) != trim_punctuation(&bold);
                if labels.is_empty()
                    && let Some(Block::Paragraph(before)) =
                        at.checked_sub(1).and_then(|i| blocks.get(i))
                {
                    intro = name_from_paragraph(before, Some(&section.heading))
                        .filter(|(_, naming, _)| *naming != Naming::Label)
                        .map(|(name, naming, _)| (name, naming));
                }
                labels.push((bold, paragraph.line, numbered));
            }
            _ => {}
        }
    }
    // Steps say they are steps (`Bước 1:`, `1.`); three unnumbered bold
    // lines heading text are kinds or parts.
    let numbered = labels.iter().filter(|(_, _, numbered)| *numbered).count();
    if labels.len() < 2 || (numbered < labels.len() && labels.len() < 3) {
        return;
    }
    // Steps under a heading are the heading's; with no heading, the
    // sentence before them names them.
    let (name, naming) = match intro {
        _ if section.level >= 2 => (strip_numbering(&section.heading), Naming::Heading),
        Some(named) => named,
        None => return,
    };
    let items: Vec<(String, usize)> = labels
        .iter()
        .map(|(label, line, _)| {
            (
                strip_description(&strip_numbering(&trim_punctuation(label))),
                *line,
            )
        })
        .filter(|(label, _)| !label.is_empty() && word_count(label) <= MAX_ITEM_WORDS)
        .collect();
    if items.len() < 2 {
        dropped.push(Dropped::new(section.line, name, DropReason::NotNames));
        return;
    }
    let line = items[0].1;
    facts.push(GroupFact {
        section,
        short: None,
        name,
        naming,
        examples: false,
        items,
        line,
    });
}

/// Words opening a heading that enumerates its sub-headings (`Một số …`,
/// `Các loại …`, `Phân loại …`).
const ENUMERATING: [&str; 8] = [
    "mot so ",
    "cac ",
    "nhung ",
    "phan loai",
    "loai ",
    "cac buoc",
    "kinds of",
    "types of",
];

/// A heading whose sub-headings are its members: `## Một số giải pháp`
/// over `### Ý thức người dùng`, `### Phân quyền …`; or sub-headings
/// numbered `A.`, `B.` under any heading.
fn read_sub_headings<'a>(
    section: &'a Section,
    after: &[&'a Section],
    facts: &mut Vec<GroupFact<'a>>,
) {
    if section.level < 2 {
        return;
    }
    let children: Vec<&Section> = after
        .iter()
        .take_while(|other| other.level > section.level)
        .filter(|other| other.level == section.level + 1)
        .copied()
        .collect();
    if children.len() < 2 {
        return;
    }
    let folded = fold(&section.heading);
    let numbered = children
        .iter()
        .all(|child| strip_numbering(&child.heading) != child.heading.trim());
    if !numbered && !ENUMERATING.iter().any(|opener| folded.starts_with(opener)) {
        return;
    }
    let items: Vec<(String, usize)> = children
        .iter()
        .map(|child| {
            (
                strip_description(&strip_numbering(&child.heading)),
                child.line,
            )
        })
        .collect();
    if items
        .iter()
        .any(|(label, _)| word_count(label) > MAX_ITEM_WORDS || is_generic(label))
    {
        return;
    }
    facts.push(GroupFact {
        section,
        name: section.heading.clone(),
        naming: Naming::Heading,
        short: None,
        examples: false,
        items,
        line: section.line,
    });
}

/// Why a group's name is none a teacher would quiz, if it is not.
fn unfit_name(fact: &GroupFact<'_>) -> Option<DropReason> {
    let name = fact.name.as_str();
    let folded = fold(name);
    if fact.naming != Naming::Intro && !names_a_group(name) {
        return Some(DropReason::NotAGroupName);
    }
    const WORKED: [&str; 12] = [
        "vi du",
        "bai tap",
        "cach thuc hien",
        "cach lam",
        "thao tac",
        "huong dan",
        "cach giai",
        "dap an",
        "hint",
        "goi y",
        "luyen tap",
        "thuc hanh",
    ];
    if WORKED.iter().any(|worked| folded.starts_with(worked)) {
        return Some(DropReason::WorkedExample);
    }
    // A heading of the page's frame, not a group of the subject.
    const FRAME: [&str; 9] = [
        "khai niem",
        "khai quat",
        "tom tat",
        "tom luoc",
        "gioi thieu",
        "xem them",
        "tham khao",
        "cau hoi",
        "on tap",
    ];
    if fact.naming == Naming::Heading && FRAME.iter().any(|frame| folded.starts_with(frame)) {
        return Some(DropReason::NotAGroupName);
    }
    if name
        .chars()
        .all(|c| !c.is_alphabetic() || c.is_ascii_digit())
    {
        return Some(DropReason::Number);
    }
    None
}

/// Labels of a description's fields (beside [`is_generic`]'s).
const FIELD_LABELS: [&str; 17] = [
    "cau tao",
    "ap dung",
    "cong dung",
    "cu phap",
    "tac dung",
    "nguyen ly",
    "cach dung",
    "hoat dong",
    "muc tieu",
    "y nghia",
    "dinh nghia",
    "tinh huong",
    "thao tac",
    "uu diem",
    "nhuoc diem",
    "han che",
    "chuc nang",
];

/// Why an item list is none a teacher would ask to recall, if it is not.
fn unfit_items(items: &[(String, usize)]) -> Option<DropReason> {
    let numbers = items
        .iter()
        .filter(|(item, _)| {
            item.chars().filter(|c| c.is_alphabetic()).count() <= 1
                || item.chars().next().is_some_and(|c| c.is_ascii_digit())
        })
        .count();
    if numbers * 2 >= items.len() {
        return Some(DropReason::Number);
    }
    // `Chức năng:`, `Vai trò:`, `Ưu điểm và hạn chế`: the fields of a
    // description.
    if items.iter().any(|(item, _)| {
        let folded = fold(item);
        is_generic(item)
            || FIELD_LABELS
                .iter()
                .any(|field| folded == *field || folded.starts_with(&format!("{field} ")))
    }) {
        return Some(DropReason::FieldLabels);
    }
    // `Nên …`, `Không …`, `Hãy …`: advice, not members of a group.
    let advice = items
        .iter()
        .filter(|(item, _)| {
            // With accents: `Dùng chung máy in` is no `Đừng …`.
            let first = item.split_whitespace().next().unwrap_or("").to_lowercase();
            matches!(
                first.as_str(),
                "nên" | "không" | "hãy" | "chọn" | "cần" | "tránh" | "đừng" | "luôn"
            )
        })
        .count();
    if advice * 2 >= items.len() {
        return Some(DropReason::Advice);
    }
    None
}

/// Words opening a name that only makes sense under its heading (`Một số
/// giải pháp`: for what?).
const RELATIVE: [&str; 5] = [
    "mot so ",
    "phan loai",
    "cac buoc",
    "cac thanh phan",
    "nhung ",
];

/// The name a group is shown by: qualified with the heading above when it
/// only makes sense there (`Đặc điểm (Điện toán đám mây)`).
fn shown_name(lesson: &Lesson, fact: &GroupFact<'_>) -> String {
    if fact.naming == Naming::Intro {
        return fact.name.clone();
    }
    let folded = fold(&fact.name);
    let relative = is_generic(&fact.name)
        || word_count(&fact.name) <= 2
        || RELATIVE.iter().any(|opener| folded.starts_with(opener))
        || fact.name.starts_with(char::is_lowercase);
    if !relative {
        return fact.name.clone();
    }
    let context = if fact.naming == Naming::Heading {
        parent_heading(lesson, fact.section)
    } else if fact.section.level >= 2 && fold(&fact.section.heading) != fold(&fact.name) {
        Some(fact.section.heading.as_str())
    } else {
        parent_heading(lesson, fact.section)
    };
    match context.or(lesson.title.as_deref()).map(strip_numbering) {
        Some(context) if fold(&context) != folded => format!("{} ({context})", fact.name),
        _ => fact.name.clone(),
    }
}

/// The nearest heading above `section` of a higher level.
fn parent_heading<'a>(lesson: &'a Lesson, section: &Section) -> Option<&'a str> {
    let index = lesson
        .sections
        .iter()
        .position(|other| std::ptr::eq(other, section))?;
    lesson.sections[..index]
        .iter()
        .rev()
        .find(|other| other.level < section.level && other.level >= 1 && !other.heading.is_empty())
        .map(|other| other.heading.as_str())
}

/// Stage 2: the cards of the lesson's groups.
fn make_cards(
    lesson: &Lesson,
    facts: &[GroupFact<'_>],
    drafts: &mut Vec<Draft>,
    dropped: &mut Vec<Dropped>,
) {
    // What the other extractors asked already: item sets of list cards,
    // items placed in a group.
    let asked_lists: Vec<HashSet<String>> = drafts
        .iter()
        .filter(|draft| draft.input == InputKind::List)
        .map(|draft| draft.answers.iter().map(|answer| fold(answer)).collect())
        .collect();
    let placed: HashSet<String> = drafts
        .iter()
        .filter(|draft| {
            matches!(draft.kind, CardKind::Category | CardKind::Recall)
                && draft.input == InputKind::Choice
        })
        .filter_map(|draft| placed_item(&draft.prompt))
        .collect();
    let mut kept: Vec<(&GroupFact<'_>, String)> = Vec::new();
    let mut seen_items: Vec<HashSet<String>> = Vec::new();
    for fact in facts {
        if let Some(reason) = unfit_name(fact).or_else(|| unfit_items(&fact.items)) {
            dropped.push(Dropped::new(
                fact.line,
                format!("{} gồm những gì?", fact.name),
                reason,
            ));
            continue;
        }
        // `title(), upper(), lower()` over those three: the name is the list.
        let name_words = padded_words(&fact.name);
        let named_in_name = fact
            .items
            .iter()
            .filter(|(item, _)| contains_words(&name_words, &padded_words(item)))
            .count();
        if named_in_name == fact.items.len() {
            dropped.push(Dropped::new(
                fact.line,
                format!("{} gồm những gì?", fact.name),
                DropReason::ShowsItsAnswer,
            ));
            continue;
        }
        let items: HashSet<String> = fact.items.iter().map(|(item, _)| fold(item)).collect();
        // Two readers of one structure (a bold run that is also a list), or
        // two structures stating one group: one fact.
        if seen_items.contains(&items) {
            continue;
        }
        seen_items.push(items);
        kept.push((fact, shown_name(lesson, fact)));
    }
    // One name heading two lists: told apart by their sections.
    let mut uses: HashMap<String, usize> = HashMap::new();
    for (_, shown) in &kept {
        *uses.entry(fold(shown)).or_default() += 1;
    }
    let mut shown_names: Vec<String> = Vec::new();
    for (fact, shown) in &mut kept {
        let heading = strip_numbering(&fact.section.heading);
        if uses.get(&fold(shown)).is_some_and(|&count| count > 1)
            && fold(&heading) != fold(&bare(shown))
        {
            *shown = format!("{} ({heading})", bare(shown));
        }
        shown_names.push(shown.clone());
    }
    // The name each group goes by among the options of a placement card.
    let option_names: Vec<Option<String>> = kept
        .iter()
        .map(|(fact, shown)| match fact.naming {
            Naming::Intro => fact.short.clone(),
            _ => Some(shown.clone()),
        })
        .collect();
    // A sentence with no telling noun phrase (`AI được phân thành hai
    // loại:`) goes by its heading, when no other group does.
    let option_names: Vec<Option<String>> = kept
        .iter()
        .zip(&option_names)
        .map(|((fact, _), option)| {
            option.clone().or_else(|| {
                let heading = strip_numbering(&fact.section.heading);
                let free = fact.section.level >= 2
                    && !is_generic(&heading)
                    && !option_names
                        .iter()
                        .flatten()
                        .any(|other| fold(other) == fold(&heading));
                free.then_some(heading)
            })
        })
        .collect();
    // Each placeable group's option name and items, to keep a group's
    // parent and children out of its options (`Tạo video` is an item of
    // `Năng lực` and the name of a group of its own).
    // With their words folded once: the filter below compares every pair.
    let placeable_groups: Vec<PlaceableGroup> = kept
        .iter()
        .zip(&option_names)
        .filter_map(|((fact, _), option)| {
            option.clone().map(|option| PlaceableGroup {
                name_words: padded_words(&bare(&option)),
                item_words: fact
                    .items
                    .iter()
                    .map(|(item, _)| padded_words(item))
                    .collect(),
                name: option,
            })
        })
        .collect();
    // Items in one group only can be placed in it.
    let mut item_uses: HashMap<String, usize> = HashMap::new();
    for (fact, _) in &kept {
        for (item, _) in &fact.items {
            *item_uses.entry(fold(item)).or_default() += 1;
        }
    }
    let mut prompts_made: HashSet<String> = HashSet::new();
    for ((fact, shown), option) in kept.iter().zip(&option_names) {
        let items: Vec<String> = fact.items.iter().map(|(item, _)| item.clone()).collect();
        let folded: HashSet<String> = items.iter().map(|item| fold(item)).collect();
        let asked = asked_lists
            .iter()
            .any(|other| overlap(other, &folded) * 4 >= folded.len().max(other.len()) * 3);
        if asked {
            dropped.push(Dropped::new(
                fact.line,
                format!("{shown} gồm những gì?"),
                DropReason::AskedAlready,
            ));
        } else if !prompts_made.insert(fold(shown)) {
            // One name over two lists in one section: the second question
            // would judge the first list's items wrong.
            dropped.push(Dropped::new(
                fact.line,
                format!("{shown} gồm những gì?"),
                DropReason::SamePrompt,
            ));
        } else if items.len() > MAX_ITEMS {
            dropped.push(Dropped::new(
                fact.line,
                format!("{shown} gồm những gì?"),
                DropReason::TooManyItems,
            ));
        } else {
            drafts.push(list_card(fact, shown, items).at(fact.section, fact.line));
        }
        // Other named groups of the lesson are the wrong options, nearest
        // first; a sentence is no option to pick.
        let Some(option) = option.as_ref() else {
            continue;
        };
        let Some(own) = placeable_groups.iter().find(|group| &group.name == option) else {
            continue;
        };
        let related = |other: &PlaceableGroup| {
            other.name != *option
                && (own
                    .item_words
                    .iter()
                    .any(|item| contains_words(&other.name_words, item))
                    || other
                        .item_words
                        .iter()
                        .any(|item| contains_words(&own.name_words, item)))
        };
        let placeable: Vec<String> = placeable_groups
            .iter()
            .filter(|group| !related(group))
            .map(|group| group.name.clone())
            .collect();
        let Some(position) = placeable.iter().position(|name| name == option) else {
            continue;
        };
        if placeable.len() < MIN_CHOICES {
            continue;
        }
        for (item, line) in &fact.items {
            let prompt = format!("“{item}” thuộc nhóm nào?");
            if item_uses.get(&fold(item)) != Some(&1)
                || gives_away(option, item)
                || placed.contains(&fold(item))
            {
                continue;
            }
            let mut draft = Draft::new(
                CardKind::Recall,
                InputKind::Choice,
                format!("item/{}", slug(item)),
                prompt,
                vec![option.clone()],
            )
            .at(fact.section, *line);
            draft.choices = pick_choices(option, &rotate(&placeable, position), MAX_CHOICES);
            if singles_out(item, option, &draft.choices) {
                dropped.push(Dropped::new(
                    *line,
                    draft.prompt,
                    DropReason::ShowsItsAnswer,
                ));
                continue;
            }
            drafts.push(draft);
        }
    }
}

/// Whether the right option shares a word with the item that no wrong
/// option has (`Đồ thị vô hướng` among `Có hướng và vô hướng`, `Đơn và
/// đa`): the word, not the student, would pick the answer.
fn singles_out(item: &str, answer: &str, choices: &[String]) -> bool {
    let words = |text: &str| -> HashSet<String> {
        text.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| {
                word.chars().count() >= 2
                    && !matches!(*word, "và" | "của" | "các" | "những" | "một" | "số")
            })
            .map(str::to_string)
            .collect()
    };
    let item_words = words(item);
    let wrong: HashSet<String> = choices
        .iter()
        .filter(|choice| *choice != answer)
        .flat_map(|choice| words(&bare(choice)))
        .collect();
    let answer_words = words(&bare(answer));
    let telling = answer_words
        .iter()
        .filter(|word| item_words.contains(*word) && !wrong.contains(*word))
        .count();
    // A syllable is not a word: `kịch bản` and `văn bản`, `Tính xác định`
    // and `Tính chất` share one by chance or by grammar. Two give it away.
    telling >= 2
}

/// The item a placement card asks about (`“X” thuộc nhóm nào?`, `X thuộc
/// nhóm nào?`), folded.
fn placed_item(prompt: &str) -> Option<String> {
    let item = prompt.strip_suffix(" thuộc nhóm nào?")?;
    Some(fold(item.trim_start_matches('“').trim_end_matches('”')))
}

/// A shown name without the heading qualifying it (`Đặc điểm (Mây)` →
/// `Đặc điểm`).
fn bare(name: &str) -> String {
    match name
        .strip_suffix(')')
        .and_then(|rest| rest.rsplit_once(" ("))
    {
        Some((head, _)) => head.to_string(),
        None => name.to_string(),
    }
}

/// The names with `index` first and its neighbours after it, so the wrong
/// options are the groups nearest in the lesson.
fn rotate(names: &[String], index: usize) -> Vec<String> {
    let mut near: Vec<(usize, &String)> = names.iter().enumerate().collect();
    near.sort_by_key(|(other, _)| other.abs_diff(index));
    near.into_iter().map(|(_, name)| name.clone()).collect()
}

fn overlap(a: &HashSet<String>, b: &HashSet<String>) -> usize {
    a.intersection(b).count()
}

/// "X gồm những gì?", or for a list introduced by a sentence, that
/// sentence to complete; for examples, "which examples does the lesson
/// give".
fn list_card(fact: &GroupFact<'_>, shown: &str, items: Vec<String>) -> Draft {
    // `Giai đoạn này …`: which one? The heading says, and sets the scene
    // for any sentence that does not name it.
    let points_back = fact.naming == Naming::Intro
        && fact.section.level >= 2
        && !is_generic(&fact.section.heading)
        && !names(shown, &core_of(&fact.section.heading));
    let prompt = match (fact.naming, fact.examples) {
        (Naming::Intro, _) if points_back => {
            format!(
                "Kể ra ({}): {shown} …",
                strip_numbering(&fact.section.heading)
            )
        }
        (Naming::Intro, _) => format!("Kể ra: {shown} …"),
        (_, true) => format!("Bài nêu những ví dụ nào về {shown}?"),
        _ => format!("{shown} gồm những gì?"),
    };
    Draft::new(
        CardKind::Recall,
        InputKind::List,
        slug(shown),
        prompt,
        items,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cards(text: &str) -> Vec<Draft> {
        let lesson = Lesson::parse(text).expect("test lessons parse");
        let mut drafts = Vec::new();
        let mut dropped = Vec::new();
        extract(&lesson, &mut drafts, &mut dropped);
        drafts
    }

    fn prompts(drafts: &[Draft]) -> Vec<&str> {
        drafts.iter().map(|draft| draft.prompt.as_str()).collect()
    }

    #[test]
    fn numbering_is_stripped_whatever_the_letters_lower_case_to() {
        // `İ` lower-cases to two chars: no byte offset may be carried over.
        assert_eq!(strip_numbering("İİİİ 1: x"), "İİİİ 1: x");
        assert_eq!(strip_numbering("BƯỚC 2: Trộn"), "Trộn");
        assert_eq!(strip_numbering("Bước 1: İstanbul"), "İstanbul");
        assert_eq!(strip_numbering("Bước"), "Bước");
    }

    #[test]
    fn numbering_and_descriptions_are_stripped_from_labels() {
        assert_eq!(strip_numbering("Bước 1: Chia"), "Chia");
        assert_eq!(strip_numbering("1. Người dùng"), "Người dùng");
        assert_eq!(strip_numbering("A. Quy trình lặp lại"), "Quy trình lặp lại");
        assert_eq!(strip_numbering("IV. Kết luận"), "Kết luận");
        assert_eq!(strip_numbering("Tầng 7 lớp"), "Tầng 7 lớp");
        assert_eq!(strip_numbering("A"), "A");
        assert_eq!(strip_description("Người dùng — ai?"), "Người dùng");
        assert_eq!(strip_description("Vào - ra"), "Vào");
    }

    #[test]
    fn a_heading_and_its_numbered_bold_items_give_a_list_and_placements() {
        let text = "# Giải thuật\n\n## Tính chất\n\n1. **Tính hữu hạn**\n\n    Kết thúc sau hữu hạn bước.\n\n2. **Tính xác định**\n\n    Mỗi bước rõ ràng.\n\n3. **Tính phổ dụng**\n\n    Giải được một lớp bài.\n\n## Cách biểu diễn\n\n- Ngôn ngữ tự nhiên\n- Lưu đồ\n- Mã giả\n\n## Độ phức tạp\n\nCó hai loại độ phức tạp:\n\n- Thời gian\n- Bộ nhớ\n";
        let drafts = cards(text);
        let prompts = prompts(&drafts);
        assert!(
            prompts.contains(&"Tính chất (Giải thuật) gồm những gì?"),
            "{prompts:?}"
        );
        assert!(
            prompts.contains(&"Cách biểu diễn gồm những gì?"),
            "{prompts:?}"
        );
        // The sentence names the heading: the heading names the list.
        assert!(
            prompts.contains(&"Độ phức tạp gồm những gì?"),
            "{prompts:?}"
        );
        let placed = drafts
            .iter()
            .find(|draft| draft.prompt == "“Tính xác định” thuộc nhóm nào?")
            .unwrap();
        assert_eq!(placed.answers, vec!["Tính chất (Giải thuật)".to_string()]);
        assert!(placed.choices.len() >= 3, "{:?}", placed.choices);
        let list = drafts
            .iter()
            .find(|draft| draft.prompt.starts_with("Tính chất"))
            .unwrap();
        assert_eq!(
            list.answers,
            vec!["Tính hữu hạn", "Tính xác định", "Tính phổ dụng"]
        );
    }

    #[test]
    fn the_noun_phrase_of_an_introducing_sentence_names_its_group() {
        assert_eq!(
            noun_phrase("Một con mèo thường có những thói quen chủ yếu sau").as_deref(),
            Some("Những thói quen chủ yếu")
        );
        assert_eq!(
            noun_phrase("Nước tồn tại ở ba trạng thái chính").as_deref(),
            Some("Ba trạng thái chính")
        );
        assert_eq!(noun_phrase("Nước tồn tại ở ba trạng thái"), None);
        assert_eq!(
            noun_phrase("Các bạn chia bánh theo nhiều cách khác nhau như"),
            None
        );
        assert_eq!(
            noun_phrase("Một số món ăn của Huế là").as_deref(),
            Some("Một số món ăn của Huế")
        );
        assert_eq!(
            noun_phrase("Ngoài cơm, các món trong bữa tối còn có").as_deref(),
            Some("Các món trong bữa tối")
        );
        assert_eq!(
            noun_phrase("Nếu trời mưa thì đường trơn, chẳng hạn như"),
            None
        );
    }

    #[test]
    fn an_option_sharing_the_items_words_gives_it_away() {
        let choices = |names: &[&str]| {
            names
                .iter()
                .map(|name| name.to_string())
                .collect::<Vec<_>>()
        };
        let options = choices(&["Có hướng và vô hướng", "Đơn và đa", "Có trọng số"]);
        assert!(singles_out(
            "Đồ thị vô hướng",
            "Có hướng và vô hướng",
            &options
        ));
        assert!(!singles_out("Đa đồ thị", "Đơn và đa", &options));
        let options = choices(&["Tạo văn bản", "Tạo hình ảnh", "Tạo video"]);
        assert!(!singles_out("Tạo ra kịch bản", "Tạo văn bản", &options));
    }

    #[test]
    fn an_enumeration_in_a_sentence_is_its_owners_group() {
        let text = "# Bài\n\n## Bữa sáng\n\nThường gồm có bánh mì và sữa.\n\n## Món chính\n\n1. **Phở**:\n\n    Món nước, bao gồm các loại: phở bò, phở gà và phở chay.\n\n2. **Cơm**:\n\n    Ăn với canh.\n";
        let drafts = cards(text);
        let list = |prompt: &str| {
            drafts
                .iter()
                .find(|draft| draft.prompt.starts_with(prompt))
                .map(|draft| draft.answers.clone())
        };
        assert_eq!(
            list("Bữa sáng"),
            Some(vec!["bánh mì".to_string(), "sữa".into()])
        );
        assert_eq!(
            list("Phở"),
            Some(vec![
                "phở bò".to_string(),
                "phở gà".into(),
                "phở chay".into()
            ])
        );
    }

    #[test]
    fn bold_step_paragraphs_are_the_sections_steps() {
        let text = "# Bài\n\n## Quy trình giặt\n\n**Bước 1: Ngâm**\n\nNgâm áo trong nước.\n\n**Bước 2: Vò**\n\nVò kỹ cổ áo.\n\n**Bước 3: Phơi**\n\nPhơi nơi thoáng.\n";
        let drafts = cards(text);
        let list = drafts
            .iter()
            .find(|draft| draft.input == InputKind::List)
            .unwrap();
        assert_eq!(list.prompt, "Quy trình giặt gồm những gì?");
        assert_eq!(list.answers, vec!["Ngâm", "Vò", "Phơi"]);
    }

    #[test]
    fn enumerating_sub_headings_and_a_notes_title_name_groups() {
        let text = "# Bài\n\n## Một số loại quả\n\n### A. Quả cam\n\nCam ngọt.\n\n### B. Quả bưởi\n\nBưởi to.\n\n## Ăn vặt\n\n**Các món ăn vặt miền Nam**\n\n- Bánh tráng\n- Chè\n- Xôi\n";
        let drafts = cards(text);
        let prompts = prompts(&drafts);
        assert!(
            prompts.contains(&"Một số loại quả (Bài) gồm những gì?"),
            "{prompts:?}"
        );
        assert!(
            prompts.contains(&"Các món ăn vặt miền Nam gồm những gì?"),
            "{prompts:?}"
        );
    }

    #[test]
    fn task_lists_worked_examples_and_advice_give_no_card() {
        let text = "# Bài\n\n## Việc cần làm\n\n- [x] Quét nhà\n- [ ] Rửa bát\n\n## Ví dụ\n\n- Táo\n- Lê\n\n## Lời khuyên\n\n- Nên ngủ sớm\n- Nên ăn rau\n";
        let lesson = Lesson::parse(text).unwrap();
        let mut drafts = Vec::new();
        let mut dropped = Vec::new();
        extract(&lesson, &mut drafts, &mut dropped);
        assert!(drafts.is_empty(), "{:?}", prompts(&drafts));
        let reasons: Vec<DropReason> = dropped.iter().map(|drop| drop.reason).collect();
        assert!(reasons.contains(&DropReason::TaskList), "{dropped:?}");
        assert!(reasons.contains(&DropReason::WorkedExample), "{dropped:?}");
        assert!(reasons.contains(&DropReason::Advice), "{dropped:?}");
    }

    #[test]
    fn labelled_items_with_nested_lists_are_groups_of_their_own() {
        let text = "# Bài\n\n## Phân loại\n\nTheo nơi sống, động vật chia thành các nhóm sau:\n\n- Trên cạn:\n    - Hổ\n    - Voi\n- Dưới nước:\n    - Cá\n    - Mực\n- Trên không:\n    - Đại bàng\n    - Sẻ\n";
        let drafts = cards(text);
        let prompts = prompts(&drafts);
        assert!(
            prompts.contains(&"Trên cạn gồm những gì?")
                || prompts.iter().any(|p| p.starts_with("Trên cạn")),
            "{prompts:?}"
        );
        assert!(
            prompts
                .contains(&"Kể ra (Phân loại): Theo nơi sống, động vật chia thành các nhóm sau …"),
            "{prompts:?}"
        );
        let placed = drafts
            .iter()
            .find(|draft| draft.prompt == "“Mực” thuộc nhóm nào?")
            .unwrap();
        assert!(
            placed.answers[0].starts_with("Dưới nước"),
            "{:?}",
            placed.answers
        );
    }
}
