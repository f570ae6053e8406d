//! Translation cards from the vocabulary table (`## Some English words`,
//! `Vietnamese | Tiếng Anh` or `Tiếng Việt | Tiếng Anh`): one card each way
//! per row. Cell conventions: `,` separates synonyms (any accepted), `<br>`
//! and ` / ` separate alternatives, `LLM - Large Language Model`,
//! `local area network (LAN)` and `CSS (Cascading Style Sheets)` accept the
//! full form, the acronym and the expansion, `tuner/optimizer` accepts
//! either word, and any other parenthetical (or a `: explanation` tail) is a
//! hint shown with the prompt, not part of the answer.

use crate::deck::{CardKind, Direction, InputKind};
use crate::lesson::{Block, Inline, Lesson, Table, collapse_whitespace};

use super::text::{fold, is_acronym, paren_groups, slug, split_outside_parens, word_count};
use super::{Draft, content_sections};

/// One side of a vocabulary row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// What a prompt shows: the cell without its notes.
    pub display: String,
    /// Accepted answers, the display first.
    pub answers: Vec<String>,
    pub hint: Option<String>,
}

pub fn extract(lesson: &Lesson, drafts: &mut Vec<Draft>) {
    for section in content_sections(lesson) {
        let heading = fold(&section.heading);
        let vocabulary_heading =
            heading.contains("some english words") || heading.contains("doi chieu thuat ngu");
        for block in &section.blocks {
            let Block::Table(table) = block else { continue };
            let Some((vi, en)) = columns(table, vocabulary_heading) else {
                continue;
            };
            let rows: Vec<(Term, Term, usize)> = table
                .rows
                .iter()
                .filter_map(|row| {
                    let vi_term = parse_cell(row.cells.get(vi)?)?;
                    let en_term = parse_cell(row.cells.get(en)?)?;
                    Some((vi_term, en_term, row.line))
                })
                .collect();
            for (vi_term, en_term, line) in &rows {
                let key = slug(&vi_term.display);
                // One Vietnamese word for two English ones (`phiên bản`:
                // version, edition): the English side's explanation tells
                // the two prompts apart.
                let shared = rows
                    .iter()
                    .filter(|(other, _, _)| fold(&other.display) == fold(&vi_term.display))
                    .count()
                    > 1;
                let mut forward = Draft::new(
                    CardKind::Translate,
                    InputKind::Text,
                    format!("vi-en/{key}"),
                    vi_term.display.clone(),
                    en_term.answers.clone(),
                )
                .at(section, *line);
                forward.hint = match (&vi_term.hint, shared) {
                    (None, true) => en_term.hint.clone(),
                    (hint, _) => hint.clone(),
                };
                forward.direction = Some(Direction::ViEn);
                let mut backward = Draft::new(
                    CardKind::Translate,
                    InputKind::Text,
                    format!("en-vi/{key}"),
                    en_term.display.clone(),
                    vi_term.answers.clone(),
                )
                .at(section, *line);
                backward.hint = en_term.hint.clone();
                backward.direction = Some(Direction::EnVi);
                drafts.push(forward);
                drafts.push(backward);
            }
        }
    }
}

/// The (Vietnamese, English) column indexes of a vocabulary table: from
/// its header, or the first two columns under a vocabulary heading.
fn columns(table: &Table, vocabulary_heading: bool) -> Option<(usize, usize)> {
    let header: Vec<String> = table
        .header
        .iter()
        .map(|cell| fold(&cell.plain()))
        .collect();
    let vi = header
        .iter()
        .position(|cell| cell == "vietnamese" || cell == "tieng viet");
    let en = header
        .iter()
        .position(|cell| cell == "tieng anh" || cell == "english");
    match (vi, en) {
        (Some(vi), Some(en)) if vi != en => Some((vi, en)),
        _ if vocabulary_heading && header.len() >= 2 => Some((0, 1)),
        _ => None,
    }
}

/// Reads a cell; `None` when it holds no text.
pub fn parse_cell(cell: &Inline) -> Option<Term> {
    // Code spans after other text are examples (`dấu nháy đơn ' '`): hint.
    let has_prose = cell
        .spans
        .iter()
        .any(|span| !span.code && !span.line_break && !span.text.trim().is_empty());
    let mut lines = vec![String::new()];
    let mut notes: Vec<String> = Vec::new();
    for span in &cell.spans {
        if span.line_break {
            lines.push(String::new());
        } else if span.code
            && has_prose
            && !inside_parens(lines.last().map(String::as_str).unwrap_or(""))
        {
            notes.push(span.text.trim().to_string());
        } else if let Some(line) = lines.last_mut() {
            line.push_str(&span.text);
        }
    }
    let mut displays = Vec::new();
    let mut answers = Vec::new();
    for line in lines.iter().map(|line| collapse_whitespace(line)) {
        for alternative in line.split(" / ") {
            let (display, forms, line_notes) = parse_alternative(alternative);
            if display.is_empty() {
                continue;
            }
            notes.extend(line_notes);
            displays.push(display.clone());
            answers.push(display);
            answers.extend(forms);
        }
    }
    if displays.is_empty() {
        return None;
    }
    let display = displays.join(" / ");
    answers.insert(0, display.clone());
    let mut seen = std::collections::HashSet::new();
    answers.retain(|answer| !answer.is_empty() && seen.insert(fold(answer)));
    let mut notes: Vec<String> = notes
        .iter()
        .map(|note| decode_numeric_entities(note))
        .collect();
    notes.retain(|note| !note.is_empty());
    Some(Term {
        display,
        answers,
        hint: (!notes.is_empty()).then(|| notes.join("; ")),
    })
}

/// Code spans keep entities literally; `&#215` in an example means `×`.
fn decode_numeric_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("&#") {
        out.push_str(&rest[..start]);
        let digits: String = rest[start + 2..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        match digits.parse::<u32>().ok().and_then(char::from_u32) {
            Some(c) if !digits.is_empty() => {
                out.push(c);
                let after = &rest[start + 2 + digits.len()..];
                rest = after.strip_prefix(';').unwrap_or(after);
            }
            _ => {
                out.push_str("&#");
                rest = &rest[start + 2..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn inside_parens(text: &str) -> bool {
    text.matches('(').count() > text.matches(')').count()
}

/// One alternative of a cell: its display text, the other accepted forms and
/// its notes.
fn parse_alternative(text: &str) -> (String, Vec<String>, Vec<String>) {
    let mut notes = Vec::new();
    let mut text = text.trim().to_string();
    // `version: dùng để chỉ …`: the term, then an explanation.
    if let Some((term, explanation)) = text.split_once(": ")
        && word_count(explanation) >= 4
        && word_count(term) <= 4
        && !term.contains('(')
    {
        notes.push(explanation.trim().to_string());
        text = term.trim().to_string();
    }
    let mut kept = String::new();
    let mut optional_forms = Vec::new();
    let mut last = 0;
    for (start, end) in paren_groups(&text) {
        let inner = text[start + 1..end - 1].trim();
        let before = text[..start].trim_end();
        let token_before = before.rsplit([' ', ',']).next().unwrap_or("");
        let acronym_inside = is_acronym(inner);
        let expansion_inside =
            is_acronym(token_before) && word_count(inner) >= 2 && !inner.contains(',');
        kept.push_str(&text[last..start]);
        if acronym_inside || expansion_inside {
            kept.push_str(&text[start..end]);
        } else {
            notes.push(inner.to_string());
            if word_count(inner) <= 2 && !inner.contains([',', ':']) {
                optional_forms.push(format!("{}{}{}", &text[last..start], inner, &text[end..]));
            }
        }
        last = end;
    }
    kept.push_str(&text[last..]);
    let display = collapse_whitespace(&kept)
        .trim_end_matches(['.', ';'])
        .trim()
        .to_string();
    let mut forms = Vec::new();
    for synonym in split_outside_parens(&display, ',') {
        forms.extend(forms_of(&synonym));
    }
    forms.extend(optional_forms.iter().map(|form| collapse_whitespace(form)));
    (display, forms, notes)
}

/// The accepted forms of one synonym: itself, then its acronym and
/// expansion, then its slash variants.
pub fn forms_of(synonym: &str) -> Vec<String> {
    let mut forms = vec![synonym.to_string()];
    if let Some((left, right)) = synonym
        .split_once(" - ")
        .or_else(|| synonym.split_once(" – "))
    {
        let (left, right) = (left.trim(), right.trim());
        if is_acronym(left) || is_acronym(right) {
            forms.push(left.to_string());
            forms.push(right.to_string());
        }
    }
    for (start, end) in paren_groups(synonym) {
        let inner = synonym[start + 1..end - 1].trim();
        let outside = collapse_whitespace(&format!("{}{}", &synonym[..start], &synonym[end..]));
        forms.push(outside);
        forms.push(inner.to_string());
    }
    let mut variants = Vec::new();
    for form in &forms {
        variants.extend(slash_variants(form));
    }
    forms.extend(variants);
    forms.retain(|form| !form.is_empty());
    forms
}

/// `database performance tuner/optimizer` → both words in turn.
fn slash_variants(form: &str) -> Vec<String> {
    let words: Vec<&str> = form.split(' ').collect();
    let Some(index) = words
        .iter()
        .position(|word| word.contains('/') && !word.starts_with('/') && !word.ends_with('/'))
    else {
        return Vec::new();
    };
    words[index]
        .split('/')
        .filter(|piece| !piece.is_empty())
        .map(|piece| {
            let mut variant = words.clone();
            variant[index] = piece;
            variant.join(" ")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::Lesson;

    fn cell(markdown: &str) -> Term {
        let lesson =
            Lesson::parse(&format!("| a | b |\n| --- | --- |\n| {markdown} | x |")).unwrap();
        let Some(Block::Table(table)) = lesson.sections[0].blocks.first() else {
            panic!("no table")
        };
        parse_cell(&table.rows[0].cells[0]).unwrap()
    }

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn acronym_expansions_accept_every_form() {
        let term = cell("LLM - Large Language Model");
        assert_eq!(
            term.answers,
            strings(&["LLM - Large Language Model", "LLM", "Large Language Model"])
        );
        let term = cell("local area network (LAN)");
        assert_eq!(
            term.answers,
            strings(&["local area network (LAN)", "local area network", "LAN"])
        );
        let term = cell("CSS (Cascading Style Sheets)");
        assert_eq!(
            term.answers,
            strings(&[
                "CSS (Cascading Style Sheets)",
                "CSS",
                "Cascading Style Sheets"
            ])
        );
        assert_eq!(term.hint, None);
    }

    #[test]
    fn synonyms_notes_breaks_and_slashes() {
        let term = cell("chia sẻ, dùng chung");
        assert_eq!(
            term.answers,
            strings(&["chia sẻ, dùng chung", "chia sẻ", "dùng chung"])
        );
        let term = cell("kết nối có dây (chẳng hạn cáp Ethernet)");
        assert_eq!(term.display, "kết nối có dây");
        assert_eq!(term.hint.as_deref(), Some("chẳng hạn cáp Ethernet"));
        let term = cell("cấu trúc <br> câu lệnh");
        assert_eq!(
            term.answers,
            strings(&["cấu trúc / câu lệnh", "cấu trúc", "câu lệnh"])
        );
        let term = cell("performance tuner/optimizer");
        assert!(
            term.answers.contains(&"performance optimizer".to_string()),
            "{term:?}"
        );
        let term = cell("(computer) program");
        assert_eq!(term.display, "program");
        assert!(term.answers.contains(&"computer program".to_string()));
    }

    #[test]
    fn code_examples_and_explanations_become_hints() {
        let term = cell("dấu nháy đơn `' '`");
        assert_eq!(term.display, "dấu nháy đơn");
        assert_eq!(term.hint.as_deref(), Some("' '"));
        let term = cell("toán tử (ví dụ: `+`, `&#215`, v.v...)");
        assert_eq!(term.display, "toán tử");
        let term = cell("version: dùng để chỉ bản phát hành theo thời gian");
        assert_eq!(term.display, "version");
        assert_eq!(
            term.hint.as_deref(),
            Some("dùng để chỉ bản phát hành theo thời gian")
        );
    }

    #[test]
    fn a_shared_vietnamese_word_is_told_apart_by_the_english_explanation() {
        let text = "## Some English words\n\n| Vietnamese | Tiếng Anh |\n| --- | --- |\n| bản | version: bản phát hành theo thời gian |\n| bản | edition: biến thể của cùng một bản |";
        let mut drafts = Vec::new();
        extract(&Lesson::parse(text).unwrap(), &mut drafts);
        assert_eq!(
            drafts[0].hint.as_deref(),
            Some("bản phát hành theo thời gian")
        );
        assert_eq!(drafts[2].hint.as_deref(), Some("biến thể của cùng một bản"));
        assert_eq!(drafts[2].answers, vec!["edition"]);
    }

    #[test]
    fn every_row_gives_a_card_each_way() {
        let text = "# T\n\n## Some English words\n\n| Vietnamese | Tiếng Anh |\n| --- | --- |\n| mạng | network |\n| *máy* | machine |";
        let mut drafts = Vec::new();
        extract(&Lesson::parse(text).unwrap(), &mut drafts);
        assert_eq!(drafts.len(), 4);
        assert_eq!(drafts[2].prompt, "máy");
        assert_eq!(drafts[3].key, "en-vi/may");
        assert_eq!(drafts[3].line, 8);
    }
}
