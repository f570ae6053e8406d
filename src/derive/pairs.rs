//! Translation cards from Vietnamese–English pairs written in running text,
//! outside the vocabulary table, one card each way as for a table row:
//!
//! - a term and its translation in parentheses, the term marked out (bold,
//!   italic or code: `**Nhân** (kernel)`, `` `key` (khoá) ``), the whole of
//!   a list item (`- Số nhân xử lý (CUDA cores)`), or an English word in a
//!   Vietnamese sentence (`không cần Download (tải xuống)`); a lead-in inside
//!   the parentheses is dropped (`(còn gọi là cửa sổ dòng lệnh)`);
//! - the wording `Malware, tạm dịch là **phần mềm độc hại**`, `Giao diện
//!   dòng lệnh, tiếng Anh là Command Line Interface`, and `IaaS có thể tạm
//!   gọi là **dịch vụ …**` (the acronym's long form is the English side);
//! - list items `- Swap: Đổi chỗ` (two or more in the list) and glossary
//!   lines `- **Bandwidth** = băng thông — …`.
//!
//! Which side is English is read from the letters: a Vietnamese term has a
//! Vietnamese letter (a marked vowel or `đ`), an English one has none and a
//! word no Vietnamese syllable spells ([`looks_english`]). A pair the
//! vocabulary table already gives adds no card.

use std::collections::HashSet;

use crate::deck::{CardKind, Direction, InputKind};
use crate::lesson::{Block, Inline, Lesson, List, Section};

use super::acronym::{AcronymFact, acronym_facts};
use super::text::{
    fold, is_acronym, looks_english, looks_vietnamese, marked_runs, paren_groups, slug,
    trim_punctuation, word_count,
};
use super::{Draft, content_sections, section_inlines};

/// Longest side of a pair, in words.
const MAX_SIDE_WORDS: usize = 8;

/// What may open a parenthesis before the translation itself.
const LEAD_INS: [&str; 9] = [
    "còn gọi là ",
    "hay còn gọi là ",
    "tiếng Anh là ",
    "tiếng Anh: ",
    "tạm dịch là ",
    "tạm dịch: ",
    "dịch là ",
    "hay ",
    "tức ",
];

/// Words a term does not open with: the parenthesis is a note (`(ví dụ
/// …)`, `(sẽ ngừng)`), not a name.
const NOTE_OPENERS: [&str; 23] = [
    "ví",
    "chẳng",
    "như",
    "là",
    "gồm",
    "xem",
    "hình",
    "bảng",
    "sẽ",
    "đã",
    "đang",
    "có",
    "dùng",
    "được",
    "không",
    "rất",
    "thường",
    "trong",
    "của",
    "cho",
    "với",
    "từ",
    "cũng",
];

/// What names a word in the other language after it, folded.
const RENDERED: [&str; 6] = [
    "tam dich la ",
    "tam goi la ",
    "tieng anh la ",
    "tieng anh goi la ",
    "tieng viet la ",
    "dich la ",
];

/// A pair found in the lesson.
struct Pair<'a> {
    vietnamese: String,
    english: Vec<String>,
    section: &'a Section,
    line: usize,
}

pub fn extract(lesson: &Lesson, drafts: &mut Vec<Draft>) {
    extract_with(lesson, &acronym_facts(lesson), drafts);
}

/// [`extract`] with the lesson's acronym facts read already.
pub fn extract_with(lesson: &Lesson, acronyms: &[AcronymFact<'_>], drafts: &mut Vec<Draft>) {
    let mut pairs: Vec<Pair<'_>> = Vec::new();
    for section in content_sections(lesson) {
        for inline in section_inlines(section) {
            if inline.math || inline.links().next().is_some() {
                continue;
            }
            for (vietnamese, english) in parenthesised(inline)
                .into_iter()
                .chain(rendered(inline, acronyms))
                .chain(glossed(inline))
            {
                pairs.push(Pair {
                    vietnamese,
                    english,
                    section,
                    line: inline.line,
                });
            }
        }
        for block in &section.blocks {
            if let Block::List(list) = block {
                colon_items(section, list, &mut pairs);
            }
        }
    }
    // Lesson order, so the first of two statements of a pair gives its line.
    pairs.sort_by_key(|pair| pair.line);
    let mut asked: HashSet<String> = drafts
        .iter()
        .filter(|draft| draft.kind == CardKind::Translate)
        .map(|draft| fold(&draft.prompt))
        .collect();
    for pair in pairs {
        let (Some(english), vietnamese) = (pair.english.first(), &pair.vietnamese) else {
            continue;
        };
        if !asked.insert(fold(vietnamese)) || !asked.insert(fold(english)) {
            continue;
        }
        let key = slug(vietnamese);
        let mut forward = Draft::new(
            CardKind::Translate,
            InputKind::Text,
            format!("vi-en/{key}"),
            vietnamese.clone(),
            pair.english.clone(),
        )
        .at(pair.section, pair.line);
        forward.direction = Some(Direction::ViEn);
        let mut backward = Draft::new(
            CardKind::Translate,
            InputKind::Text,
            format!("en-vi/{key}"),
            english.clone(),
            vec![vietnamese.clone()],
        )
        .at(pair.section, pair.line);
        backward.direction = Some(Direction::EnVi);
        drafts.push(forward);
        drafts.push(backward);
    }
}

/// The (Vietnamese, English) order of two sides, if one is each.
fn sides(first: &str, second: &str) -> Option<(String, String)> {
    let (first, second) = (trim_punctuation(first), trim_punctuation(second));
    let fits = |side: &str| {
        (1..=MAX_SIDE_WORDS).contains(&word_count(side))
            && !side.contains([',', ';', ':', '(', ')', '"', '“', '/'])
            && !side.contains(" - ")
            && !side.chars().any(|c| c.is_ascii_digit())
            && !is_acronym(side)
    };
    if !fits(&first) || !fits(&second) {
        return None;
    }
    let (vietnamese, english) = if looks_vietnamese(&first) && looks_english(&second) {
        (first, second)
    } else if looks_english(&first) && looks_vietnamese(&second) {
        (second, first)
    } else {
        return None;
    };
    // `The data science pipeline`: the article is no part of the term.
    let english = ["The ", "the ", "A ", "An "]
        .iter()
        .find_map(|article| english.strip_prefix(article))
        .map_or(english.clone(), str::to_string);
    let opener = vietnamese
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    let mostly_vietnamese = {
        let foreign = vietnamese
            .split_whitespace()
            .filter(|word| looks_english(word))
            .count();
        foreign * 2 < word_count(&vietnamese)
    };
    // A brand (`DeepMind`, `IBM Watson`) is a name, not a translation;
    // `CUDA cores` names a kind of thing.
    let words: Vec<&str> = english.split_whitespace().collect();
    let camel = words.iter().any(|word| {
        word.chars().skip(1).any(|c| c.is_ascii_uppercase())
            && word.chars().any(|c| c.is_ascii_lowercase())
    });
    let acronym_led_name = words.iter().any(|word| word.len() >= 2 && is_acronym(word))
        && words
            .iter()
            .any(|word| !is_acronym(word) && word.starts_with(|c: char| c.is_ascii_uppercase()));
    let brand = camel || acronym_led_name;
    (mostly_vietnamese && !brand && !NOTE_OPENERS.contains(&opener.as_str()))
        .then_some((vietnamese, english))
}

/// `**Nhân** (kernel)`, `` `key` (khoá sắp xếp) ``, `Số nhân xử lý (CUDA
/// cores)` as a whole item, `… cần Download (tải xuống) …`.
fn parenthesised(inline: &Inline) -> Vec<(String, Vec<String>)> {
    let text = inline.plain();
    if !text.contains('(') {
        return Vec::new();
    }
    let runs = marked_runs(inline);
    let mut found = Vec::new();
    for (start, end) in paren_groups(&text) {
        let mut inner = text[start + 1..end - 1].trim();
        for lead_in in LEAD_INS {
            if let Some(rest) = inner
                .get(..lead_in.len())
                .filter(|head| fold(head) == fold(lead_in))
                .and_then(|_| inner.get(lead_in.len()..))
            {
                inner = rest.trim();
                break;
            }
        }
        let before = text[..start].trim_end();
        let group = &text[start..end];
        // The term just before: a marked run, the whole text, or English
        // words in a Vietnamese sentence.
        let marked = runs
            .iter()
            .find(|run| run.after.starts_with(group) && before.ends_with(run.text.as_str()))
            .map(|run| run.text.clone());
        let rest_after = text[end..].trim();
        let whole = (rest_after.is_empty() || rest_after == ":" || rest_after == ".")
            .then(|| before.to_string());
        // `cáp Ethernet (cáp xoắn đôi)`: the parenthesis renames the whole
        // phrase, whose Vietnamese head it repeats; no pair.
        let tail = english_tail(before).filter(|tail| {
            let head = before[..before.len() - tail.len()]
                .split_whitespace()
                .last();
            !head.is_some_and(|head| {
                inner
                    .split_whitespace()
                    .any(|word| fold(word) == fold(head))
            })
        });
        let candidates = [marked, whole, tail];
        if let Some(pair) = candidates
            .into_iter()
            .flatten()
            .find_map(|term| sides(&term, inner))
        {
            found.push((pair.0, vec![pair.1]));
        }
    }
    found
}

/// The English words that end `text`, a Vietnamese sentence: `… không cần
/// Download` → `Download`.
fn english_tail(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut start = words.len();
    while start > 0 {
        let word = words[start - 1];
        if !word.chars().all(|c| c.is_ascii_alphabetic() || c == '-') || !looks_english(word) {
            break;
        }
        start -= 1;
    }
    let tail = words[start..].join(" ");
    (!tail.is_empty() && start > 0 && word_count(&tail) <= 4).then_some(tail)
}

/// `Malware, tạm dịch là **phần mềm độc hại**, …`, `Giao diện dòng lệnh,
/// tiếng Anh là Command Line Interface (CLI)`, `IaaS có thể tạm gọi là
/// **dịch vụ …**`; `A/B, tạm dịch là **a** và **b**` gives two pairs.
fn rendered(inline: &Inline, acronyms: &[AcronymFact<'_>]) -> Vec<(String, Vec<String>)> {
    let text = inline.plain_str();
    let folded = inline.folded();
    // Every marker ends with `la ` (là): most sentences have none.
    if !folded.contains("la ") || folded.chars().count() != text.chars().count() {
        return Vec::new();
    }
    let Some((marker_at, marker)) = RENDERED
        .iter()
        .filter_map(|marker| folded.find(marker).map(|at| (at, *marker)))
        .min()
    else {
        return Vec::new();
    };
    let byte_at = |folded_at: usize| {
        let chars = folded[..folded_at].chars().count();
        text.char_indices()
            .nth(chars)
            .map_or(text.len(), |(at, _)| at)
    };
    let before = text[..byte_at(marker_at)].trim_end().trim_end_matches(',');
    let after = &text[byte_at(marker_at + marker.len())..];
    // The left side: the clause before the marker, past a `viết tắt của`.
    let mut left = before
        .rsplit(['.', ';', ':'])
        .next()
        .unwrap_or("")
        .trim()
        .to_string();
    for cut in ["viết tắt của ", "có thể ", "còn được "] {
        if let Some(at) = left.find(cut) {
            left = left[at + cut.len()..].to_string();
        }
    }
    let left = left
        .trim_end_matches(" có thể")
        .trim_end_matches(" còn")
        .trim()
        .to_string();
    // The right side: the marked runs right after, or the words up to
    // the next mark.
    let runs: Vec<String> = marked_runs(inline)
        .into_iter()
        .filter(|run| !run.code && after.contains(run.text.as_str()))
        .map(|run| run.text)
        .collect();
    let rights: Vec<String> = if let Some(first) = runs.first()
        && after.trim_start().starts_with(first.as_str())
    {
        let joined = runs.join(" và ");
        if runs.len() == 2 && after.trim_start().starts_with(&joined) {
            runs
        } else {
            vec![first.clone()]
        }
    } else {
        vec![
            after
                .split([',', ';', '(', '.'])
                .next()
                .unwrap_or("")
                .trim()
                .to_string(),
        ]
    };
    let lefts: Vec<String> = if rights.len() == 2 {
        left.split('/')
            .map(|part| part.trim().to_string())
            .collect()
    } else {
        vec![left.clone()]
    };
    if lefts.len() != rights.len() {
        return Vec::new();
    }
    let mut found = Vec::new();
    for (left, right) in lefts.iter().zip(&rights) {
        // An acronym stands for its English long form.
        let expanded = acronyms
            .iter()
            .find(|fact| fold(&fact.acronym) == fold(left))
            .and_then(|fact| {
                let long = fact.longs.iter().find(|long| looks_english(long))?;
                Some(vec![long.clone(), fact.acronym.clone()])
            });
        let left_term = expanded
            .as_ref()
            .map_or(left.clone(), |forms| forms[0].clone());
        if let Some((vietnamese, english)) = sides(&left_term, right) {
            let mut answers = vec![english];
            if let Some(forms) = &expanded {
                answers.extend(forms.iter().skip(1).cloned());
            }
            found.push((vietnamese, answers));
        }
    }
    found
}

/// `- **Bandwidth** = băng thông — …`, `- **Ô nhớ** = memory cell.`
fn glossed(inline: &Inline) -> Vec<(String, Vec<String>)> {
    let Some(run) = marked_runs(inline).into_iter().next() else {
        return Vec::new();
    };
    if !run.before.is_empty() {
        return Vec::new();
    }
    let Some(gloss) = run.after.strip_prefix('=') else {
        return Vec::new();
    };
    let gloss = gloss.trim();
    let meaning = gloss
        .split_once(" — ")
        .or_else(|| gloss.split_once(" – "))
        .map_or(gloss, |(meaning, _)| meaning)
        .trim()
        .trim_end_matches('.');
    sides(&run.text, meaning)
        .map(|(vietnamese, english)| vec![(vietnamese, vec![english])])
        .unwrap_or_default()
}

/// A list of `English: Vietnamese` items (`- Swap: Đổi chỗ`), at least two.
fn colon_items<'a>(section: &'a Section, list: &List, pairs: &mut Vec<Pair<'a>>) {
    let found: Vec<(String, String, usize)> = list
        .items
        .iter()
        .filter(|item| !item.lead.math && item.lead.links().next().is_none())
        .filter_map(|item| {
            let lead = item.lead.plain();
            let (left, right) = lead.split_once(": ")?;
            let (vietnamese, english) = sides(left, right)?;
            Some((vietnamese, english, item.line))
        })
        .collect();
    if found.len() < 2 {
        return;
    }
    for (vietnamese, english, line) in found {
        pairs.push(Pair {
            vietnamese,
            english: vec![english],
            section,
            line,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(text: &str) -> Vec<(String, Vec<String>)> {
        crate::derive::drafts_of(extract, text)
            .into_iter()
            .filter(|draft| draft.direction == Some(Direction::ViEn))
            .map(|draft| (draft.prompt, draft.answers))
            .collect()
    }

    fn pair(vietnamese: &str, english: &[&str]) -> (String, Vec<String>) {
        (
            vietnamese.to_string(),
            english.iter().map(|word| word.to_string()).collect(),
        )
    }

    #[test]
    fn a_marked_term_and_its_translation_in_parentheses() {
        let text = "**Rễ cọc** (taproot) đâm sâu xuống đất. Dùng `prune` (tỉa cành) mỗi tháng. Cây cần **mulch** (còn gọi là lớp phủ gốc).\n\nVườn không cần Watering (tưới tay) nhiều.\n\n- Số cây giống (seedling count)\n- Google Garden (sẽ ngừng)\n- IBM Garden Pro (chăm vườn)\n";
        assert_eq!(
            pairs(text),
            vec![
                pair("Rễ cọc", &["taproot"]),
                pair("tỉa cành", &["prune"]),
                pair("lớp phủ gốc", &["mulch"]),
                pair("tưới tay", &["Watering"]),
                pair("Số cây giống", &["seedling count"]),
            ]
        );
    }

    #[test]
    fn wording_renders_a_word_in_the_other_language() {
        let text = "## Kiểu vườn\n\n**Raised Bed Garden (RBG)**\n\nRBG có thể tạm gọi là **vườn luống cao**.\n\nCompost, tạm dịch là **phân ủ**, là phân làm từ rác hữu cơ.\n\nHệ thống tưới nhỏ giọt, tiếng Anh là drip irrigation, tiết kiệm nước.\n\nSeed/Soil, tạm dịch là **hạt giống** và **đất trồng**.\n";
        assert_eq!(
            pairs(text),
            vec![
                pair("vườn luống cao", &["Raised Bed Garden", "RBG"]),
                pair("phân ủ", &["Compost"]),
                pair("Hệ thống tưới nhỏ giọt", &["drip irrigation"]),
                pair("hạt giống", &["Seed"]),
                pair("đất trồng", &["Soil"]),
            ]
        );
    }

    #[test]
    fn colon_lists_and_glossary_lines_pair_their_sides() {
        let text = "- Seed: Hạt giống\n- Weeding: Làm cỏ\n\nMột mục lẻ:\n\n- Cấu tạo: rất nhiều luống\n\n- **Germination** = nảy mầm — lúc hạt bắt đầu mọc rễ.\n- **Hạt lép** = empty seed.\n";
        assert_eq!(
            pairs(text),
            vec![
                pair("Hạt giống", &["Seed"]),
                pair("Làm cỏ", &["Weeding"]),
                pair("nảy mầm", &["Germination"]),
                pair("Hạt lép", &["empty seed"]),
            ]
        );
    }

    #[test]
    fn a_pair_the_vocabulary_table_gives_adds_no_card() {
        let text = "**Rễ cọc** (taproot) đâm sâu.\n\n## Some English words\n\n| Vietnamese | Tiếng Anh |\n| --- | --- |\n| rễ cọc | taproot |\n";
        let mut drafts = Vec::new();
        let lesson = Lesson::parse(text).unwrap();
        super::super::translate::extract(&lesson, &mut drafts);
        extract(&lesson, &mut drafts);
        assert_eq!(drafts.len(), 2, "{drafts:?}");
    }
}
