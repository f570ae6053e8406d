//! Definition cards, asked the way a teacher checks a definition:
//!
//! - a sentence opening with a bold term and defining it (`**AI tạo sinh**
//!   là một nhánh của AI…`) becomes a fill-in: "Điền thuật ngữ còn thiếu:
//!   ___ là một nhánh của AI…", answered with the term;
//! - a list of bold terms each described by its own text (`1. **Học tập**:`
//!   then a paragraph, or `- **Thiên vị**: AI có thể…`) becomes "Mô tả sau
//!   nói về điều gì?" with the description, and the sibling terms as choices.

use crate::deck::{CardKind, InputKind};
use crate::lesson::{Block, Inline, Item, Lesson, List, Section};

use super::category::MAX_CHOICES;
use super::text::{first_sentence, fold, paren_groups, slug, trim_punctuation, word_count};
use super::translate::forms_of;
use super::{Draft, content_sections, pick_choices, section_inlines};

/// Words that open a definition right after the term.
const DEFINING: [&str; 7] = [
    "là ",
    "vừa là ",
    "chính là ",
    "is ",
    "are ",
    "refers to ",
    "means ",
];

/// Longest term and description taken, in words.
const MAX_TERM_WORDS: usize = 6;
const MAX_DESCRIPTION_WORDS: usize = 70;

pub fn extract(lesson: &Lesson, drafts: &mut Vec<Draft>) {
    for section in content_sections(lesson) {
        for inline in section_inlines(section) {
            if let Some(draft) = cloze(section, inline) {
                drafts.push(draft);
            }
        }
        for block in &section.blocks {
            if let Block::List(list) = block {
                term_lists(section, list, drafts);
            }
        }
    }
}

/// `**Term** là …` → a fill-in of the term.
fn cloze(section: &Section, inline: &Inline) -> Option<Draft> {
    if inline.math || inline.has_code() {
        return None;
    }
    let term = inline.leading_bold()?;
    let term = trim_punctuation(&term);
    if term.is_empty() || word_count(&term) > MAX_TERM_WORDS {
        return None;
    }
    let rest = inline.after_leading_bold();
    let sentence = first_sentence(&rest);
    let definition = skip_aside(sentence);
    if !DEFINING.iter().any(|word| definition.starts_with(word)) || word_count(sentence) < 4 {
        return None;
    }
    if word_count(sentence) > MAX_DESCRIPTION_WORDS {
        return None;
    }
    let glue = if sentence.starts_with(',') { "" } else { " " };
    Some(
        Draft::new(
            CardKind::Definition,
            InputKind::Text,
            slug(&term),
            format!("Điền thuật ngữ còn thiếu: ___{glue}{sentence}"),
            term_answers(&term),
        )
        .at(section, inline.line),
    )
}

/// The term, then its acronym and expansion when it is written
/// `IoT (Internet of Things)`.
fn term_answers(term: &str) -> Vec<String> {
    let mut answers: Vec<String> = Vec::new();
    for form in forms_of(term) {
        if !answers.iter().any(|known| fold(known) == fold(&form)) {
            answers.push(form);
        }
    }
    answers
}

/// Skips what may sit between a term and its verb: `(English)`, `, aside,`.
fn skip_aside(text: &str) -> &str {
    let mut rest = text.trim_start();
    if rest.starts_with('(')
        && let Some((_, end)) = paren_groups(rest).first().copied()
    {
        rest = rest[end..].trim_start();
    }
    if let Some(after_comma) = rest.strip_prefix(',')
        && let Some(close) = after_comma.find(", ")
        && word_count(&after_comma[..close]) <= 12
    {
        rest = after_comma[close + 2..].trim_start();
    }
    rest
}

/// Lists whose items are bold terms with descriptions.
fn term_lists(section: &Section, list: &List, drafts: &mut Vec<Draft>) {
    let described: Vec<(String, String, usize)> = list
        .items
        .iter()
        .filter_map(|item| {
            described_term(item).map(|(term, description)| (term, description, item.line))
        })
        .collect();
    if described.len() >= 2 {
        let terms: Vec<String> = described.iter().map(|(term, _, _)| term.clone()).collect();
        for (term, description, line) in &described {
            let mut draft = Draft::new(
                CardKind::Definition,
                InputKind::Choice,
                slug(term),
                format!("Mô tả sau nói về điều gì? “{description}”"),
                vec![term.clone()],
            )
            .at(section, *line);
            draft.choices = pick_choices(term, &terms, MAX_CHOICES);
            drafts.push(draft);
        }
    }
    for item in &list.items {
        for sublist in item.sublists() {
            term_lists(section, sublist, drafts);
        }
    }
}

/// A bold term and its description: the text after `**Term**:` on the same
/// line, or the paragraph right under it.
fn described_term(item: &Item) -> Option<(String, String)> {
    let lead = &item.lead;
    if lead.math || lead.links().next().is_some() {
        return None;
    }
    let term = trim_punctuation(&lead.leading_bold()?);
    if term.is_empty() || word_count(&term) > MAX_TERM_WORDS {
        return None;
    }
    let after = lead.after_leading_bold();
    let after_note = skip_aside(&after);
    let description = if after_note.is_empty() || after_note == ":" {
        match item.blocks.first() {
            Some(Block::Paragraph(paragraph)) if !paragraph.math && !paragraph.has_code() => {
                paragraph.plain()
            }
            _ => return None,
        }
    } else if let Some(inline_description) = after_note.strip_prefix(':') {
        inline_description.trim().to_string()
    } else {
        return None;
    };
    let description = if word_count(&description) > MAX_DESCRIPTION_WORDS {
        first_sentence(&description).to_string()
    } else {
        description
    };
    let words = word_count(&description);
    let usable = (3..=MAX_DESCRIPTION_WORDS).contains(&words)
        && !description.ends_with(':')
        && !is_generic(&term)
        && !gives_away(&term, &description);
    usable.then_some((term, description))
}

/// Headings such as "Khái niệm" or "Ví dụ" are not terms to learn.
pub fn is_generic(term: &str) -> bool {
    const GENERIC: [&str; 16] = [
        "khai niem",
        "co che",
        "vi du",
        "luu y",
        "chu y",
        "dac diem",
        "uu diem",
        "han che",
        "nhuoc diem",
        "muc dich",
        "chuc nang",
        "vai tro",
        "ung dung",
        "example",
        "examples",
        "note",
    ];
    let folded = fold(term);
    // "Bước 1", "Cách 2", "Step 3": numbered steps, not terms.
    let numbered = ["buoc ", "cach ", "step ", "phan "].iter().any(|prefix| {
        folded.strip_prefix(prefix).is_some_and(|rest| {
            rest.trim_end_matches('.')
                .chars()
                .all(|c| c.is_ascii_digit())
        })
    });
    numbered || GENERIC.contains(&folded.as_str())
}

/// Whether the description names the term, or the acronym in it.
pub fn gives_away(term: &str, description: &str) -> bool {
    let description = fold(description);
    if description.contains(&fold(term)) {
        return true;
    }
    term.split(|c: char| !c.is_alphanumeric())
        .filter(|word| {
            word.len() >= 2 && word.chars().filter(char::is_ascii_uppercase).count() >= 2
        })
        .any(|acronym| description.contains(&fold(acronym)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drafts(text: &str) -> Vec<Draft> {
        let mut drafts = Vec::new();
        extract(&Lesson::parse(text).unwrap(), &mut drafts);
        drafts
    }

    #[test]
    fn a_defining_sentence_becomes_a_fill_in() {
        let drafts = drafts(
            "**Mạng nhỏ** là mạng gồm ít máy. Câu khác.\n\n**Mạng lớn**, gọi tắt là ML, là mạng rộng.\n\n**Lưu ý:** không phải định nghĩa.",
        );
        assert_eq!(drafts.len(), 2, "{drafts:?}");
        assert_eq!(
            drafts[0].prompt,
            "Điền thuật ngữ còn thiếu: ___ là mạng gồm ít máy."
        );
        assert_eq!(drafts[0].answers, vec!["Mạng nhỏ"]);
        assert_eq!(
            drafts[1].prompt,
            "Điền thuật ngữ còn thiếu: ___, gọi tắt là ML, là mạng rộng."
        );
    }

    #[test]
    fn bold_term_lists_become_matching_questions() {
        let text = "1. **Học tập**:\n\n    Đây là năng lực thu nhận kiến thức mới.\n\n2. **Suy luận**:\n\n    Đây là năng lực rút ra kết luận logic.\n\n- **Thiên vị**: AI có thể sao chép thành kiến.\n- **Giám sát**: AI có thể theo dõi hàng tỷ thiết bị.\n";
        let drafts = drafts(text);
        assert_eq!(drafts.len(), 4, "{drafts:?}");
        assert_eq!(
            drafts[0].prompt,
            "Mô tả sau nói về điều gì? “Đây là năng lực thu nhận kiến thức mới.”"
        );
        assert_eq!(drafts[0].choices, vec!["Học tập", "Suy luận"]);
        assert_eq!(drafts[3].answers, vec!["Giám sát"]);
        assert_eq!(drafts[3].input, InputKind::Choice);
    }
}
