//! Definition cards, asked the way a teacher checks a definition:
//!
//! - a sentence opening with a bold term and defining it (`**AI tạo sinh**
//!   là một nhánh của AI…`) becomes a fill-in: "Điền thuật ngữ còn thiếu:
//!   ___ là một nhánh của AI…", answered with the term;
//! - a list of bold terms each described by its own text (`1. **Học tập**:`
//!   then a paragraph, or `- **Thiên vị**: AI có thể…`) becomes "Mô tả sau
//!   nói về điều gì?" with the description, and the sibling terms as choices;
//!   so do bold titled paragraphs (`**2\. Khoa học máy tính**`) each
//!   followed by the paragraph describing them.
//!
//! - a name given in bold after "được gọi là" (`… chúng được gọi là **dữ
//!   liệu nhiễu**.`) becomes the same fill-in, with the sentences before it
//!   as context.
//!
//! A description shows its first sentence; it must describe (5 words
//! outside parentheses) and stay readable (40 words). A fill-in never shows
//! its term.

use crate::deck::{CardKind, InputKind};
use crate::lesson::{Block, Inline, Item, Lesson, List, Section, collapse_whitespace};

use super::category::MAX_CHOICES;
use super::text::{
    first_sentence, fold, names_a_group, paren_groups, slug, trim_punctuation, word_count,
};
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

/// Longest term taken, in words.
const MAX_TERM_WORDS: usize = 6;
/// A description to recognise: long enough to describe (`CSS nội dòng.`
/// names, it does not describe), short enough to read in a quiz.
const MIN_DESCRIPTION_WORDS: usize = 5;
const MAX_DESCRIPTION_WORDS: usize = 40;
/// A defining sentence longer than this is cut at a comma, or skipped.
const MAX_CLOZE_WORDS: usize = 50;

pub fn extract(lesson: &Lesson, drafts: &mut Vec<Draft>) {
    let first = drafts.len();
    // Cards of the rules added later (titled paragraphs, "được gọi là").
    let mut later = Vec::new();
    for section in content_sections(lesson) {
        for inline in section_inlines(section) {
            if let Some(draft) = cloze(section, inline) {
                drafts.push(draft);
            } else if let Some(draft) = called_cloze(section, inline) {
                later.push(draft);
            }
        }
        for block in &section.blocks {
            if let Block::List(list) = block {
                term_lists(section, list, drafts);
            }
        }
        titled_paragraphs(section, &mut later);
    }
    // Cards of the later rules take no key (and so no id) another
    // definition card of the lesson already has, nor one another's.
    let keys: std::collections::HashSet<String> = drafts[first..]
        .iter()
        .map(|draft| draft.key.clone())
        .collect();
    let mut taken = keys;
    drafts.extend(
        later
            .into_iter()
            .filter(|draft| taken.insert(draft.key.clone())),
    );
}

/// What introduces a name given in bold: "… được gọi là **dữ liệu lớn**".
const CALLED: [&str; 5] = [
    "goi la",
    "goi tat la",
    "is called",
    "are called",
    "known as",
];
/// Fewest words of context a "called" fill-in needs, its blank included.
const MIN_CALLED_CONTEXT_WORDS: usize = 10;

/// `… được gọi là **Term** …` → a fill-in of the term, with the sentence
/// (and the sentences before it in the paragraph, up to
/// [`MAX_DESCRIPTION_WORDS`] words) as context. A sentence opening with
/// its bold term is [`cloze`]'s.
fn called_cloze(section: &Section, inline: &Inline) -> Option<Draft> {
    if inline.math || inline.has_code() || inline.leading_bold().is_some() {
        return None;
    }
    let mut before = String::new();
    let mut found = None;
    for (index, span) in inline.spans.iter().enumerate() {
        if span.bold && !span.line_break {
            // The markers are short: fold only the last words.
            let trimmed = before.trim_end();
            let tail_start = trimmed.char_indices().rev().nth(15).map_or(0, |(at, _)| at);
            let tail = fold(&trimmed[tail_start..]);
            if CALLED.iter().any(|marker| tail.ends_with(marker)) {
                found = Some(index);
                break;
            }
        }
        before.push_str(if span.line_break { " " } else { &span.text });
    }
    let index = found?;
    let term = trim_punctuation(&inline.spans.get(index)?.text);
    if term.is_empty() || word_count(&term) > MAX_TERM_WORDS {
        return None;
    }
    let after: String = inline
        .spans
        .iter()
        .skip(index + 1)
        .map(|span| {
            if span.line_break {
                " "
            } else {
                span.text.as_str()
            }
        })
        .collect();
    let after = collapse_whitespace(&after);
    let mut before = collapse_whitespace(&before);
    let glue = if after.is_empty() || after.starts_with([',', '.', ';', ':', '!', '?', ')']) {
        ""
    } else {
        " "
    };
    let tail = format!("___{glue}{}", first_sentence(&after));
    // Earlier sentences give the context ("Nơi đó" is which place?), as
    // many as fit.
    while word_count(&before) + word_count(&tail) > MAX_DESCRIPTION_WORDS {
        let rest = first_sentence(&before).len();
        if rest >= before.len() {
            return None;
        }
        before = before[rest..].trim_start().to_string();
    }
    let context = format!("{before} {tail}");
    if word_count(&context) <= MIN_CALLED_CONTEXT_WORDS || names(&context, &term) {
        // ("Còn gọi là ___, gồm có RAM và ROM." says too little.)
        return None;
    }
    Some(
        Draft::new(
            CardKind::Definition,
            InputKind::Text,
            slug(&term),
            format!("Điền thuật ngữ còn thiếu: {context}"),
            term_answers(&term),
        )
        .at(section, inline.line),
    )
}

/// The title of a paragraph that is only a bold title, `**2\. Mạng máy
/// tính**` or `**Mạng máy tính:**`, without its number.
pub fn paragraph_title(inline: &Inline) -> Option<String> {
    if inline.math || inline.has_code() || inline.links().next().is_some() {
        return None;
    }
    let bold = inline.leading_bold()?;
    if !matches!(inline.after_leading_bold().as_str(), "" | ":") {
        return None;
    }
    let unnumbered = bold
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .strip_prefix(['.', ')'])
        .filter(|_| bold.starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or(&bold);
    let title = trim_punctuation(unnumbered);
    (!title.is_empty() && word_count(&title) <= MAX_TERM_WORDS).then_some(title)
}

/// Bold titles each followed by the paragraph describing them, siblings in
/// one section: "Mô tả sau nói về điều gì?" with the other titles as
/// choices.
fn titled_paragraphs(section: &Section, drafts: &mut Vec<Draft>) {
    let described: Vec<(String, String, usize)> = section
        .blocks
        .windows(2)
        .filter_map(|pair| {
            let [Block::Paragraph(title), Block::Paragraph(body)] = pair else {
                return None;
            };
            let term = paragraph_title(title)?;
            if body.math || body.has_code() || paragraph_title(body).is_some() {
                return None;
            }
            let description = description_gist(&body.plain())?;
            let usable = !is_generic(&term) && !gives_away(&term, &description);
            usable.then_some((term, description, title.line))
        })
        .collect();
    described_cards(section, &described, drafts);
}

/// "Mô tả sau nói về điều gì?" per described term, the sibling terms as
/// choices; nothing for a lone term (no wrong option to offer).
fn described_cards(
    section: &Section,
    described: &[(String, String, usize)],
    drafts: &mut Vec<Draft>,
) {
    if described.len() < 2 {
        return;
    }
    let terms: Vec<String> = described.iter().map(|(term, _, _)| term.clone()).collect();
    for (term, description, line) in described {
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
    // "___ là cơ chế … thuật toán mã hoá" would show the answer (an
    // acronym inside the term may appear: `AI tạo sinh` is a branch of AI).
    if names(sentence, &term) {
        return None;
    }
    let sentence = if word_count(sentence) > MAX_CLOZE_WORDS {
        cut_at_comma(sentence, sentence.len() - definition.len())?
    } else {
        sentence.to_string()
    };
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

/// A long sentence cut at its last comma within the first
/// [`MAX_CLOZE_WORDS`] words, past `definition_start` (the defining verb) and
/// keeping at least eight words of the definition, marked with `…`.
fn cut_at_comma(sentence: &str, definition_start: usize) -> Option<String> {
    let mut words = 0;
    let mut cut = None;
    for (at, c) in sentence.char_indices() {
        if c == ' ' {
            words += 1;
            if words >= MAX_CLOZE_WORDS {
                break;
            }
        }
        let kept = sentence.get(definition_start..at).unwrap_or("");
        if c == ',' && at > definition_start && word_count(kept) >= 8 {
            cut = Some(at);
        }
    }
    cut.map(|at| format!("{}, …", &sentence[..at]))
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
    described_cards(section, &described, drafts);
    for item in &list.items {
        // Under `Trong hộp thoại hiện ra:` the bold words are steps to
        // follow (`**File name**: nhập tên`), not terms.
        let lead = item.lead.plain();
        if !lead.is_empty() && !names_a_group(lead.trim_end_matches(':')) {
            continue;
        }
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
    let description = description_gist(&description)?;
    let usable = !is_generic(&term) && !gives_away(&term, &description);
    usable.then_some((term, description))
}

/// What a "Mô tả sau nói về điều gì?" card shows of a description: its
/// first sentence (the rest elaborates), capitalised; `None` when that is
/// too short to describe, too long to read, or introduces a list.
fn description_gist(description: &str) -> Option<String> {
    let first = first_sentence(description.trim());
    let gist = if word_count(first) >= MIN_DESCRIPTION_WORDS {
        first
    } else {
        description.trim()
    };
    // Notes in parentheses do not describe: `CSS nội dòng (cách 1).` names.
    let described_words = word_count(&super::category::without_notes(gist));
    if described_words < MIN_DESCRIPTION_WORDS
        || word_count(gist) > MAX_DESCRIPTION_WORDS
        || gist.ends_with(':')
    {
        return None;
    }
    let mut chars = gist.chars();
    let first_letter = chars.next()?;
    Some(first_letter.to_uppercase().chain(chars).collect())
}

/// Headings such as "Khái niệm" or "Ví dụ" are not terms to learn.
pub fn is_generic(term: &str) -> bool {
    const GENERIC: [&str; 27] = [
        // The parts of an exercise, not terms.
        "yeu cau",
        "dau vao",
        "dau ra",
        "ket qua",
        "giai thich",
        "goi y",
        "loi giai",
        "bai toan",
        "de bai",
        "khai quat",
        "loi ich",
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

/// Whether the description names the term, or the acronym in it, as whole
/// words (`IP` is not given away by `chip`).
pub fn gives_away(term: &str, description: &str) -> bool {
    names(description, term)
        || term
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| {
                word.len() >= 2 && word.chars().filter(char::is_ascii_uppercase).count() >= 2
            })
            .any(|acronym| names(description, acronym))
}

/// Whether `text` holds `name` as whole words, case and diacritics aside.
fn names(text: &str, name: &str) -> bool {
    let name = words_of(name);
    !name.is_empty() && format!(" {} ", words_of(text)).contains(&format!(" {name} "))
}

/// Folded words joined by single spaces, punctuation dropped.
fn words_of(text: &str) -> String {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drafts(text: &str) -> Vec<Draft> {
        crate::derive::drafts_of(extract, text)
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
    fn titled_paragraphs_become_matching_questions() {
        let text = "## Ngành\n\n**1\\. Hệ thống nhúng**\n\nNgành này học cách lập trình cho thiết bị nhỏ.\n\n**2\\. Đồ hoạ máy tính**\n\nNgành này học cách vẽ hình bằng máy tính. Câu thêm.\n\n**3\\. Mạng**\n\nNgắn quá.\n";
        let drafts = drafts(text);
        assert_eq!(drafts.len(), 2, "{drafts:?}");
        assert_eq!(
            drafts[1].prompt,
            "Mô tả sau nói về điều gì? “Ngành này học cách vẽ hình bằng máy tính.”"
        );
        assert_eq!(drafts[1].answers, vec!["Đồ hoạ máy tính"]);
        assert_eq!(drafts[1].choices, vec!["Hệ thống nhúng", "Đồ hoạ máy tính"]);
        assert_eq!(drafts[0].line, 3);
    }

    #[test]
    fn descriptions_are_first_sentences_of_readable_length() {
        let long = "từ ".repeat(45);
        let text = format!(
            "- **Ghi**: lưu một bản sao của tệp. Sau đó còn nhiều việc khác nữa.\n- **Đọc**: mở tệp để xem nội dung bên trong.\n- **Xoá**: {long}.\n- **Gộp**: hai tệp.\n"
        );
        let drafts = drafts(&text);
        let prompts: Vec<&str> = drafts.iter().map(|d| d.prompt.as_str()).collect();
        assert_eq!(
            prompts,
            vec![
                "Mô tả sau nói về điều gì? “Lưu một bản sao của tệp.”",
                "Mô tả sau nói về điều gì? “Mở tệp để xem nội dung bên trong.”"
            ]
        );
    }

    #[test]
    fn fill_ins_neither_show_the_term_nor_run_on() {
        let text = format!(
            "**Mã hoá** là cách biến dữ liệu nhờ thuật toán mã hoá.\n\n**Tệp** là một đơn vị lưu trữ có tên, {}, {}.\n",
            "có nội dung ".repeat(10).trim_end(),
            "và thứ khác ".repeat(8).trim_end()
        );
        let drafts = drafts(&text);
        assert_eq!(drafts.len(), 1, "{drafts:?}");
        assert_eq!(
            drafts[0].prompt,
            format!(
                "Điền thuật ngữ còn thiếu: ___ là một đơn vị lưu trữ có tên, {}, …",
                "có nội dung ".repeat(10).trim_end()
            )
        );
        assert!(!gives_away("IP", "mỗi chip một địa chỉ"));
        assert!(gives_away("IP", "địa chỉ IP của máy"));
    }

    #[test]
    fn bold_words_of_steps_are_not_terms() {
        let text = "- Mở hộp thoại.\n- Trong hộp thoại hiện ra:\n    - **Tên**: gõ tên tệp mà bạn muốn dùng.\n    - **Kiểu**: giữ nguyên kiểu tệp mặc định của máy.\n";
        assert!(drafts(text).is_empty());
    }

    #[test]
    fn a_name_given_in_bold_becomes_a_fill_in() {
        let text = "Máy tính cần một chỗ để giữ dữ liệu lâu dài khi tắt nguồn. Chỗ đó được gọi là **bộ nhớ ngoài**, hoặc **bộ nhớ phụ**.\n\nCòn gọi là **bộ nhớ chính**, gồm có RAM và ROM.\n\n**Tệp** là một đơn vị lưu trữ, còn gọi là **tập tin**.\n\nDữ liệu sai lệch hẳn so với phần còn lại thường được gọi là **ngoại lai** (outlier).\n";
        let drafts = drafts(text);
        assert_eq!(drafts.len(), 3, "{drafts:?}");
        assert_eq!(
            drafts[2].prompt,
            "Điền thuật ngữ còn thiếu: Dữ liệu sai lệch hẳn so với phần còn lại thường được gọi là ___ (outlier)."
        );
        assert_eq!(
            drafts[1].prompt,
            "Điền thuật ngữ còn thiếu: Máy tính cần một chỗ để giữ dữ liệu lâu dài khi tắt nguồn. Chỗ đó được gọi là ___, hoặc bộ nhớ phụ."
        );
        assert_eq!(drafts[1].answers, vec!["bộ nhớ ngoài"]);
        assert_eq!(drafts[0].answers, vec!["Tệp"]);
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
