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

use super::text::{
    blank_name, first_sentence, fold, forms_of, gives_away, is_generic, marked_runs, names,
    names_a_group, paren_groups, slug, trim_punctuation, without_notes, word_count,
};
use super::{Draft, MAX_CHOICES, content_sections, pick_choices, section_inlines};

/// Words that open a definition right after the term.
const DEFINING: [&str; 12] = [
    "là ",
    "vừa là ",
    "chính là ",
    "được định nghĩa là ",
    "được hiểu là ",
    "được xác định bằng ",
    "có nghĩa là ",
    "nghĩa là ",
    "is ",
    "are ",
    "refers to ",
    "means ",
];

/// Words that may open a defining sentence before its marked term: `Mỗi
/// **nhánh** là …`.
const QUANTIFIERS: [&str; 5] = ["mỗi", "một", "các", "những", "every"];

/// What gives an English word its Vietnamese name in a sentence: `Malware,
/// tạm dịch là **phần mềm độc hại**, là …`.
const RENDERED_AS: [&str; 3] = ["tam dich la ", "tam goi la ", "dich la "];

/// Longest term taken, in words.
const MAX_TERM_WORDS: usize = 6;
/// A description to recognise: long enough to describe (`CSS nội dòng.`
/// names, it does not describe), short enough to read in a quiz.
const MIN_DESCRIPTION_WORDS: usize = 5;
const MAX_DESCRIPTION_WORDS: usize = 40;
/// A defining sentence longer than this is cut at a comma, or skipped.
const MAX_CLOZE_WORDS: usize = 50;

pub fn extract(lesson: &Lesson, drafts: &mut Vec<Draft>) {
    extract_counting(lesson, drafts);
}

/// [`extract`], returning the line and term of the definitions left out
/// for their length (a defining sentence too long to ask and with no comma to cut
/// it at), so the compile summary can say so.
pub fn extract_counting(lesson: &Lesson, drafts: &mut Vec<Draft>) -> Vec<(usize, String)> {
    let mut too_long = Vec::new();
    let first = drafts.len();
    // Cards of the rules added later (titled paragraphs, "được gọi là").
    let mut later = Vec::new();
    for section in content_sections(lesson) {
        for inline in section_inlines(section) {
            if let Some(draft) = cloze(section, inline, &mut too_long) {
                drafts.push(draft);
            } else if let Some(draft) = rendered_cloze(section, inline, &mut too_long) {
                drafts.push(draft);
            } else {
                later.extend(called_clozes(section, inline));
            }
        }
        later.extend(opening_clozes(lesson, section, &mut too_long));
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
    too_long
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
/// [`MAX_DESCRIPTION_WORDS`] words) as context; one per name so given. A
/// sentence opening with its bold term is [`cloze`]'s.
fn called_clozes(section: &Section, inline: &Inline) -> Vec<Draft> {
    if inline.math || inline.has_code() || inline.leading_bold().is_some() {
        return Vec::new();
    }
    let mut before = String::new();
    let mut found = Vec::new();
    for (index, span) in inline.spans.iter().enumerate() {
        if span.bold && !span.line_break {
            // The markers are short: fold only the last words.
            let trimmed = before.trim_end();
            let tail_start = trimmed.char_indices().rev().nth(15).map_or(0, |(at, _)| at);
            let tail = fold(&trimmed[tail_start..]);
            if CALLED.iter().any(|marker| tail.ends_with(marker)) {
                found.push((index, before.clone()));
            }
        }
        before.push_str(if span.line_break { " " } else { &span.text });
    }
    found
        .into_iter()
        .filter_map(|(index, before)| called_cloze(section, inline, index, &before))
        .collect()
}

/// The fill-in of the name in bold run `index`, `before` being the text
/// before it.
fn called_cloze(section: &Section, inline: &Inline, index: usize, before: &str) -> Option<Draft> {
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
    let mut before = collapse_whitespace(before);
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

/// A section that opens by defining its subject: its first paragraph
/// starts `Là …` (the subject is the heading, or the bold title just above:
/// an admonition's), or starts with the heading or the lesson's title
/// followed by `là …` (`Bảo mật cơ sở dữ liệu là việc …` in the lesson on
/// it).
fn opening_clozes(
    lesson: &Lesson,
    section: &Section,
    too_long: &mut Vec<(usize, String)>,
) -> Vec<Draft> {
    let mut drafts = Vec::new();
    let heading = unnumbered_heading(&section.heading);
    let mut previous: Option<&Inline> = None;
    for (position, block) in section.blocks.iter().enumerate() {
        let Block::Paragraph(body) = block else {
            previous = None;
            continue;
        };
        let subject = match previous.and_then(paragraph_title) {
            Some(title) => Some(title),
            None if position == 0 && !heading.is_empty() => Some(heading.clone()),
            None => None,
        };
        previous = Some(body);
        let Some(subject) = subject else { continue };
        if body.math || body.has_code() {
            continue;
        }
        let text = body.plain();
        let defined = if let Some(rest) = text.strip_prefix("Là ") {
            Some((subject, format!("là {rest}")))
        } else if position == 0 {
            subject_definition(&text, &subject, lesson.title.as_deref())
        } else {
            None
        };
        let Some((term, definition)) = defined else {
            continue;
        };
        if is_generic(&term) || is_topic(&term) || word_count(&term) > MAX_TERM_WORDS {
            continue;
        }
        if let Some(draft) = fill_in(section, body.line, "", &term, &definition, too_long) {
            drafts.push(draft);
        }
    }
    drafts
}

/// `Term là …` where the term is the section's subject or the lesson's
/// title (its words in order, most of them): the term and its definition
/// from `là`.
fn subject_definition(text: &str, subject: &str, title: Option<&str>) -> Option<(String, String)> {
    let at = text.find(" là ")?;
    let term = &text[..at];
    if word_count(term) > MAX_TERM_WORDS || word_count(term) == 0 {
        return None;
    }
    let term_words = words_of(term);
    let matches = |name: &str| {
        let name_words = words_of(name);
        if term_words == name_words {
            return true;
        }
        // All the term's words in order within the name, and most of it.
        let wanted: Vec<&str> = term_words.split(' ').collect();
        let have: Vec<&str> = name_words.split(' ').collect();
        let mut next = 0;
        for word in &have {
            if wanted.get(next) == Some(word) {
                next += 1;
            }
        }
        wanted.len() >= 2 && next == wanted.len() && wanted.len() * 4 >= have.len() * 3
    };
    (matches(subject) || title.is_some_and(matches))
        .then(|| (term.to_string(), text[at + 1..].to_string()))
}

/// A heading's text without its numbering (`2. `, `A. `).
fn unnumbered_heading(heading: &str) -> String {
    let trimmed = heading.trim();
    let mut parts = trimmed.splitn(2, ' ');
    let first = parts.next().unwrap_or("");
    let numbering = (1..=3).contains(&first.len())
        && first.ends_with(['.', ')'])
        && first[..first.len() - 1]
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase());
    match parts.next() {
        Some(rest) if numbering => rest.trim().to_string(),
        _ => trimmed.to_string(),
    }
}

/// A fill-in of `term` over `definition` (its first sentence, from the
/// defining word), `prefix` before the blank; the term blanked wherever it
/// recurs; `None` when the definition is too short or will not fit.
fn fill_in(
    section: &Section,
    line: usize,
    prefix: &str,
    term: &str,
    definition: &str,
    too_long: &mut Vec<(usize, String)>,
) -> Option<Draft> {
    let sentence = first_sentence(definition.trim());
    let definition_part = skip_aside(sentence);
    if !DEFINING
        .iter()
        .any(|word| definition_part.starts_with(word))
        || word_count(sentence) < 4
    {
        return None;
    }
    let sentence = if word_count(sentence) > MAX_CLOZE_WORDS {
        let Some(cut) = cut_at_comma(sentence, sentence.len() - definition_part.len()) else {
            too_long.push((line, term.to_string()));
            return None;
        };
        cut
    } else {
        sentence.to_string()
    };
    // A sentence introducing a list ends on the list: `… như:`.
    let sentence = ends_on_its_list(&sentence)?;
    let sentence = blank_name(&sentence, term).unwrap_or(sentence);
    let glue = if sentence.starts_with(',') { "" } else { " " };
    Some(
        Draft::new(
            CardKind::Definition,
            InputKind::Text,
            slug(term),
            format!("Điền thuật ngữ còn thiếu: {prefix}___{glue}{sentence}"),
            term_answers(term),
        )
        .at(section, line),
    )
}

/// A sentence ending on the list it introduces (`… các mối đe dọa như:`)
/// ends at the words before it instead; `None` when what is left dangles.
fn ends_on_its_list(sentence: &str) -> Option<String> {
    let Some(open) = sentence.trim_end().strip_suffix(':') else {
        return Some(sentence.to_string());
    };
    let mut words: Vec<&str> = open.split_whitespace().collect();
    let mut stripped = false;
    while words
        .last()
        .is_some_and(|word| ["như", "gồm", "sau", "bao"].contains(&word.to_lowercase().as_str()))
    {
        words.pop();
        stripped = true;
    }
    let kept = words.join(" ");
    // `Là một kết nối giữa:` says nothing without its list.
    if !stripped && !names_a_group(&kept) {
        return None;
    }
    Some(format!("{}.", kept.trim_end_matches(',')))
}

/// `Malware, tạm dịch là **phần mềm độc hại**, là …` → a fill-in of the
/// Vietnamese name, the English word accepted too.
fn rendered_cloze(
    section: &Section,
    inline: &Inline,
    too_long: &mut Vec<(usize, String)>,
) -> Option<Draft> {
    if inline.math || inline.has_code() {
        return None;
    }
    let run = marked_runs(inline).into_iter().find(|run| !run.code)?;
    let before = run.before.trim_end();
    let folded = fold(before);
    let marker = RENDERED_AS
        .iter()
        .find(|marker| folded.ends_with(marker.trim_end()))?;
    let english = before[..before.len() - before_len_of(before, marker.trim_end())]
        .trim_end()
        .trim_end_matches(',')
        .trim();
    if english.is_empty() || word_count(english) > MAX_TERM_WORDS || english.contains(['.', ':']) {
        return None;
    }
    let term = trim_punctuation(&run.text);
    let definition = run.after.trim_start_matches(',').trim();
    let mut draft = fill_in(section, inline.line, "", &term, definition, too_long)?;
    if !draft
        .answers
        .iter()
        .any(|answer| fold(answer) == fold(english))
    {
        draft.answers.push(english.to_string());
    }
    Some(draft)
}

/// The byte length of the tail of `text` whose folded form is `marker`
/// (the marker's word count of words from the end).
fn before_len_of(text: &str, marker: &str) -> usize {
    let words = marker.split_whitespace().count();
    let mut seen = 0;
    for (at, c) in text.char_indices().rev() {
        if c == ' ' {
            seen += 1;
            if seen == words {
                return text.len() - at;
            }
        }
    }
    text.len()
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

/// `Bước 1: Chia` → `Chia`: a step's number is no part of its name.
fn without_step_label(title: &str) -> String {
    let Some((label, name)) = title.split_once(": ") else {
        return title.to_string();
    };
    let folded = fold(label);
    let mut words = folded.split_whitespace();
    let numbered = matches!(
        words.next(),
        Some("buoc" | "step" | "phan" | "cach" | "giai")
    ) && words
        .last()
        .is_some_and(|last| last.chars().all(|c| c.is_ascii_digit()));
    if numbered && !name.trim().is_empty() {
        name.trim().to_string()
    } else {
        title.to_string()
    }
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
            let term = without_step_label(&paragraph_title(title)?);
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

/// `**Term** là …` (or `*Term*`, `Mỗi **term** là …`, `**Term** của cây
/// là …`) → a fill-in of the term, blanked wherever the sentence repeats it.
fn cloze(section: &Section, inline: &Inline, too_long: &mut Vec<(usize, String)>) -> Option<Draft> {
    if inline.math || inline.has_code() {
        return None;
    }
    let (prefix, term, rest) = leading_term(inline)?;
    let term = trim_punctuation(&term);
    if term.is_empty() || word_count(&term) > MAX_TERM_WORDS {
        return None;
    }
    fill_in(section, inline.line, &prefix, &term, &rest, too_long)
}

/// The marked term an inline opens with (bold or italic, after a
/// quantifier such as `Mỗi`), with the quantifier and the text after it.
fn leading_term(inline: &Inline) -> Option<(String, String, String)> {
    let runs = marked_runs(inline);
    let run = runs.into_iter().find(|run| !run.code)?;
    let prefix = run.before.trim();
    let quantified = QUANTIFIERS.contains(&prefix.to_lowercase().as_str());
    if !prefix.is_empty() && !quantified {
        return None;
    }
    let prefix = if quantified {
        format!("{prefix} ")
    } else {
        String::new()
    };
    Some((prefix, run.text, run.after))
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
    // `**Chiều cao** của cây là …`: whose property the term is.
    if rest.starts_with("của ")
        && let Some(at) = DEFINING
            .iter()
            .filter_map(|word| rest.find(&format!(" {word}")))
            .min()
        && word_count(&rest[..at]) <= 5
        && !rest[..at].contains([',', ';', '.', ':', '('])
    {
        rest = rest[at + 1..].trim_start();
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
    } else if let Some(glossed) = after_note.strip_prefix('=') {
        // `**Term** = meaning — explanation`: the explanation describes.
        let glossed = glossed.trim();
        match glossed
            .split_once(" — ")
            .or_else(|| glossed.split_once(" – "))
        {
            Some((meaning, explanation)) if word_count(meaning) <= MAX_TERM_WORDS => {
                explanation.trim().to_string()
            }
            _ => glossed.to_string(),
        }
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
    let described_words = word_count(&without_notes(gist));
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

/// Headings about a topic (`Mối quan hệ`, `Tổng quan`): a paragraph
/// opening `Là …` under one defines what the heading only points to.
fn is_topic(heading: &str) -> bool {
    const TOPICS: [&str; 10] = [
        "moi quan he",
        "tong quan",
        "gioi thieu",
        "tam quan trong",
        "so sanh",
        "phan loai",
        "tom tat",
        "ket luan",
        "dinh nghia",
        "overview",
    ];
    TOPICS.contains(&fold(heading).as_str())
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
        let text = "## Ngành\n\n**Bước 1: Hệ thống nhúng**\n\nNgành này học cách lập trình cho thiết bị nhỏ.\n\n**2\\. Đồ hoạ máy tính**\n\nNgành này học cách vẽ hình bằng máy tính. Câu thêm.\n\n**3\\. Mạng**\n\nNgắn quá.\n";
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
        assert_eq!(drafts.len(), 2, "{drafts:?}");
        // The term recurring in its definition is blanked there too.
        assert_eq!(
            drafts[0].prompt,
            "Điền thuật ngữ còn thiếu: ___ là cách biến dữ liệu nhờ thuật toán ___."
        );
        assert_eq!(
            drafts[1].prompt,
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

    fn prompts_and_answers(drafts: &[Draft]) -> Vec<(String, Vec<String>)> {
        drafts
            .iter()
            .map(|draft| (draft.prompt.clone(), draft.answers.clone()))
            .collect()
    }

    fn pair(prompt: &str, answers: &[&str]) -> (String, Vec<String>) {
        (
            prompt.to_string(),
            answers.iter().map(|answer| answer.to_string()).collect(),
        )
    }

    #[test]
    fn italic_quantified_and_qualified_terms_are_defined() {
        let text = "*Vườn treo* là kiểu vườn trồng cây trên giá cao.\n\nMỗi **luống** là một dải đất dài để gieo hạt.\n\n**Độ cao** của một cây là khoảng cách từ gốc đến ngọn.\n\n**Tuổi** của cây được xác định bằng số vòng gỗ trong thân.\n\nCâu **thường** là không định nghĩa gì.\n";
        assert_eq!(
            prompts_and_answers(&drafts(text)),
            vec![
                pair(
                    "Điền thuật ngữ còn thiếu: ___ là kiểu vườn trồng cây trên giá cao.",
                    &["Vườn treo"]
                ),
                pair(
                    "Điền thuật ngữ còn thiếu: Mỗi ___ là một dải đất dài để gieo hạt.",
                    &["luống"]
                ),
                pair(
                    "Điền thuật ngữ còn thiếu: ___ của một cây là khoảng cách từ gốc đến ngọn.",
                    &["Độ cao"]
                ),
                pair(
                    "Điền thuật ngữ còn thiếu: ___ của cây được xác định bằng số vòng gỗ trong thân.",
                    &["Tuổi"]
                ),
            ]
        );
    }

    #[test]
    fn a_title_over_a_paragraph_opening_with_la_is_defined() {
        // An admonition `!!! note "Phân bón"` reaches the model as a bold
        // title over its body.
        let text = "## Đất trồng\n\n**Phân bón**\n\nLà chất bổ sung dinh dưỡng cho đất để cây lớn nhanh.\n\n## Chậu đất nung\n\nLà loại chậu làm từ đất sét nung ở nhiệt độ cao.\n\n## Mối quan hệ\n\nLà những thứ gắn bó với nhau rất chặt.\n\n## Giàn leo\n\nLà một **khung** dựng giữa:\n\n- hai cột\n";
        assert_eq!(
            prompts_and_answers(&drafts(text)),
            vec![
                pair(
                    "Điền thuật ngữ còn thiếu: ___ là chất bổ sung dinh dưỡng cho đất để cây lớn nhanh.",
                    &["Phân bón"]
                ),
                pair(
                    "Điền thuật ngữ còn thiếu: ___ là loại chậu làm từ đất sét nung ở nhiệt độ cao.",
                    &["Chậu đất nung"]
                ),
            ]
        );
    }

    #[test]
    fn a_section_opening_on_the_lessons_subject_defines_it() {
        let text = "# Chăm sóc vườn rau sạch\n\n## Vì sao cần\n\nChăm sóc vườn rau là việc giữ cho rau tránh khỏi các mối hại như:\n\n- sâu\n- cỏ\n\n## Khác\n\nNgười làm vườn là ai cũng được.\n";
        assert_eq!(
            prompts_and_answers(&drafts(text)),
            vec![pair(
                "Điền thuật ngữ còn thiếu: ___ là việc giữ cho rau tránh khỏi các mối hại.",
                &["Chăm sóc vườn rau"]
            )]
        );
    }

    #[test]
    fn an_english_word_rendered_in_bold_is_defined_by_its_vietnamese_name() {
        let text = "Mulch, tạm dịch là **lớp phủ**, là vật liệu rải trên mặt đất để giữ ẩm.\n";
        assert_eq!(
            prompts_and_answers(&drafts(text)),
            vec![pair(
                "Điền thuật ngữ còn thiếu: ___ là vật liệu rải trên mặt đất để giữ ẩm.",
                &["lớp phủ", "Mulch"]
            )]
        );
    }

    #[test]
    fn every_name_called_in_a_paragraph_is_asked() {
        let text = "Chỗ hai luống đất nằm cạnh nhau gặp nhau được gọi là **rãnh**. Phần đất cao giữa hai rãnh kề nhau được gọi là **mặt luống**, nơi ta gieo hạt giống.\n";
        let drafts = drafts(text);
        let answers: Vec<&str> = drafts.iter().map(|d| d.answers[0].as_str()).collect();
        assert_eq!(answers, vec!["rãnh", "mặt luống"], "{drafts:?}");
        assert_eq!(
            drafts[0].prompt,
            "Điền thuật ngữ còn thiếu: Chỗ hai luống đất nằm cạnh nhau gặp nhau được gọi là ___."
        );
    }

    #[test]
    fn glossary_lines_with_an_equals_sign_describe_their_term() {
        let text = "- **Tưới nhỏ giọt** = cách tưới cho nước thấm từng giọt vào gốc cây.\n- **Drip line** = ống nhỏ giọt — ống mềm có lỗ nhỏ dẫn nước đến từng gốc cây.\n- **Mulch** = lớp phủ — vật liệu rải trên mặt đất để giữ độ ẩm lâu.\n";
        let drafts = drafts(text);
        assert_eq!(
            prompts_and_answers(&drafts),
            vec![
                pair(
                    "Mô tả sau nói về điều gì? “Cách tưới cho nước thấm từng giọt vào gốc cây.”",
                    &["Tưới nhỏ giọt"]
                ),
                pair(
                    "Mô tả sau nói về điều gì? “Ống mềm có lỗ nhỏ dẫn nước đến từng gốc cây.”",
                    &["Drip line"]
                ),
                pair(
                    "Mô tả sau nói về điều gì? “Vật liệu rải trên mặt đất để giữ độ ẩm lâu.”",
                    &["Mulch"]
                ),
            ]
        );
        assert_eq!(drafts[0].choices.len(), 3);
    }

    #[test]
    fn a_definition_too_long_to_ask_is_counted() {
        let long = "rất dài ".repeat(60);
        let text = format!(
            "**Luống** là dải đất {long}mà không có dấu phẩy nào.\n\n**Rãnh** là chỗ trũng giữa hai luống.\n"
        );
        let lesson = Lesson::parse(&text).unwrap();
        let mut drafts = Vec::new();
        let too_long = extract_counting(&lesson, &mut drafts);
        assert_eq!(too_long, vec![(1, "Luống".to_string())]);
        assert_eq!(drafts.len(), 1);
        assert_eq!(drafts[0].answers, vec!["Rãnh"]);
    }
}
