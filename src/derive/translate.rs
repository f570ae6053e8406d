//! Translation cards from the vocabulary table (`## Some English words`,
//! `Vietnamese | Tiếng Anh` or `Tiếng Việt | Tiếng Anh`): one card each way
//! per row. Cell conventions: `,` separates synonyms (any accepted), `<br>`
//! and ` / ` separate alternatives, `LLM - Large Language Model`,
//! `local area network (LAN)` and `CSS (Cascading Style Sheets)` accept the
//! full form, the acronym and the expansion, `tuner/optimizer` accepts
//! either word, and any other parenthetical (or a `: explanation` tail) is a
//! hint shown with the prompt, not part of the answer. A row naming two
//! concepts with a shared word written once (`đồ thị có hướng, vô hướng |
//! directed, undirected graph`) becomes one proper pair per concept.

use crate::deck::{CardKind, Direction, InputKind};
use crate::lesson::{Block, Inline, Lesson, Table, collapse_whitespace};

use super::text::{
    fold, forms_of, has_vietnamese_letters, is_acronym, long_form, looks_english, paren_groups,
    slug, split_outside_parens, word_count,
};
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
                    let mut vi_term = parse_cell(row.cells.get(vi)?)?;
                    let mut en_term = parse_cell(row.cells.get(en)?)?;
                    // A row written the other way round (`machine learning |
                    // Học máy`) still asks the Vietnamese term first.
                    if !has_vietnamese_letters(&vi_term.display)
                        && has_vietnamese_letters(&en_term.display)
                    {
                        std::mem::swap(&mut vi_term, &mut en_term);
                    }
                    Some((vi_term, en_term, row.line))
                })
                .flat_map(
                    |(vi_term, en_term, line)| match elided_pairs(&vi_term, &en_term) {
                        Some(pairs) => pairs
                            .into_iter()
                            .map(|(vi_pair, en_pair)| (vi_pair, en_pair, line))
                            .collect(),
                        None => vec![(vi_term, en_term, line)],
                    },
                )
                .collect();
            let folded: Vec<String> = rows
                .iter()
                .map(|(vi_term, _, _)| fold(&vi_term.display))
                .collect();
            let first = drafts.len();
            for ((vi_term, en_term, line), vi_folded) in rows.iter().zip(&folded) {
                let key = slug(&vi_term.display);
                // One Vietnamese word for two English ones (`phiên bản`:
                // version, edition): the English side's explanation tells
                // the two prompts apart.
                let shared = folded.iter().filter(|other| *other == vi_folded).count() > 1;
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
            let mut table_drafts = drafts.split_off(first);
            merge_twins(&mut table_drafts);
            drafts.append(&mut table_drafts);
        }
    }
}

/// Two rows giving one term two translations (`mạng | network`, `mạng |
/// net`) would ask the same question twice, each card's answer its twin's
/// sibling (so the other right translation would be judged wrong): they
/// make one card, at the first row, accepting every translation.
fn merge_twins(drafts: &mut Vec<Draft>) {
    let asked = |draft: &Draft| (draft.direction, fold(&draft.prompt), draft.hint.clone());
    let mut merged: Vec<Draft> = Vec::with_capacity(drafts.len());
    for draft in drafts.drain(..) {
        let question = asked(&draft);
        match merged.iter_mut().find(|kept| asked(kept) == question) {
            Some(kept) => {
                for answer in draft.answers {
                    if !kept
                        .answers
                        .iter()
                        .any(|known| fold(known) == fold(&answer))
                    {
                        kept.answers.push(answer);
                    }
                }
            }
            None => merged.push(draft),
        }
    }
    *drafts = merged;
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
    // `| Thuật ngữ | Tiếng Anh | Giải thích |`: the terms are the first
    // column that is not the English one.
    let vi = vi.or_else(|| {
        en?;
        header
            .iter()
            .position(|cell| cell != "tieng anh" && cell != "english" && !cell.is_empty())
            .filter(|&first| {
                first == 0
                    || header[..first]
                        .iter()
                        .all(|cell| cell == "tieng anh" || cell == "english")
            })
    });
    match (vi, en) {
        (Some(vi), Some(en)) if vi != en => Some((vi, en)),
        _ if vocabulary_heading && header.len() >= 2 => Some((0, 1)),
        _ => None,
    }
}

/// A row naming two concepts with a shared word written once on each side,
/// `đồ thị có hướng, vô hướng | directed, undirected graph`: the Vietnamese
/// head opens the first part only, the English head closes the last part
/// only. Then each side is expanded (`đồ thị vô hướng`, `directed graph`)
/// and the row becomes one proper pair per part, matched in order; so does
/// a row of sibling concepts written in full on both sides (`giây,
/// milli-giây | second, millisecond`). Synonym lists (`chia sẻ, dùng
/// chung`, `quyền, đặc quyền | permission, privilege`) are left alone.
fn elided_pairs(vi: &Term, en: &Term) -> Option<Vec<(Term, Term)>> {
    let vi_parts = plain_parts(vi)?;
    let en_parts = plain_parts(en)?;
    if vi_parts.len() != en_parts.len() {
        return None;
    }
    // Two contrasted concepts written in full, `đơn đồ thị, đa đồ thị |
    // simple graph, multigraph`: every part of each side shares a word
    // (stem) with the others, so the parts are siblings, not synonyms.
    let (vi_expanded, en_expanded) = match (
        expand_leading_head(&vi_parts),
        expand_trailing_head(&en_parts),
    ) {
        (Some(vi_expanded), Some(en_expanded)) => (vi_expanded, en_expanded),
        _ if share_a_stem(&vi_parts) && share_a_stem(&en_parts) => (vi_parts, en_parts),
        _ => return None,
    };
    let term = |text: &String, hint: &Option<String>| Term {
        display: text.clone(),
        answers: vec![text.clone()],
        hint: hint.clone(),
    };
    Some(
        vi_expanded
            .iter()
            .zip(&en_expanded)
            .map(|(vi_part, en_part)| (term(vi_part, &vi.hint), term(en_part, &en.hint)))
            .collect(),
    )
}

/// Whether one word of three letters or more of the first part is in
/// every other part (`giây, milli-giây`; `simple graph, multigraph`).
fn share_a_stem(parts: &[String]) -> bool {
    let Some((first, rest)) = parts.split_first() else {
        return false;
    };
    fold(first)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| word.chars().count() >= 3)
        .any(|word| rest.iter().all(|part| fold(part).contains(word)))
}

/// The comma parts of a cell with no other structure (no alternatives,
/// parentheses or acronym expansion); at least two.
fn plain_parts(term: &Term) -> Option<Vec<String>> {
    if term.display.contains(['(', '/']) || term.display.contains(" - ") {
        return None;
    }
    let parts = split_outside_parens(&term.display, ',');
    (parts.len() >= 2).then_some(parts)
}

/// `đồ thị có hướng, vô hướng` → `đồ thị có hướng`, `đồ thị vô hướng`: the
/// first part is longer than each later part by the same head words, which
/// no later part starts with.
fn expand_leading_head(parts: &[String]) -> Option<Vec<String>> {
    let (first, rest) = parts.split_first()?;
    let first_words: Vec<&str> = first.split_whitespace().collect();
    let rest_len = word_count(rest.first()?);
    if rest.iter().any(|part| word_count(part) != rest_len) || first_words.len() <= rest_len {
        return None;
    }
    let head = first_words[..first_words.len() - rest_len].join(" ");
    let head_start = fold(first_words.first()?);
    if rest
        .iter()
        .any(|part| fold(part.split_whitespace().next().unwrap_or("")) == head_start)
    {
        return None;
    }
    let mut expanded = vec![first.clone()];
    expanded.extend(rest.iter().map(|part| format!("{head} {part}")));
    Some(expanded)
}

/// `directed, undirected graph` → `directed graph`, `undirected graph`: the
/// last part is longer than each earlier part by the same head words, which
/// no earlier part ends with.
fn expand_trailing_head(parts: &[String]) -> Option<Vec<String>> {
    let (last, rest) = parts.split_last()?;
    let last_words: Vec<&str> = last.split_whitespace().collect();
    let rest_len = word_count(rest.first()?);
    if rest.iter().any(|part| word_count(part) != rest_len) || last_words.len() <= rest_len {
        return None;
    }
    let head = last_words[rest_len..].join(" ");
    let head_end = fold(last_words.last()?);
    if rest
        .iter()
        .any(|part| fold(part.split_whitespace().last().unwrap_or("")) == head_end)
    {
        return None;
    }
    let mut expanded: Vec<String> = rest.iter().map(|part| format!("{part} {head}")).collect();
    expanded.push(last.clone());
    Some(expanded)
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
    for (index, span) in cell.spans.iter().enumerate() {
        // Code closing the cell is an example; code inside the text reads
        // as part of it (`ví dụ: 1.0, 2.3.1 hoặc …`).
        let prose_follows = cell.spans.iter().skip(index + 1).any(|later| {
            !later.code && !later.line_break && later.text.chars().any(char::is_alphanumeric)
        });
        let text = if span.code {
            plain_code(&span.text)
        } else {
            span.text.clone()
        };
        if span.line_break {
            lines.push(String::new());
        } else if span.code
            && has_prose
            && !prose_follows
            && !inside_parens(lines.last().map(String::as_str).unwrap_or(""))
        {
            notes.push(text.trim().to_string());
        } else if let Some(line) = lines.last_mut() {
            line.push_str(&text);
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

/// Code read as text: HTML tags (`<head> </head>`) become the tag's name,
/// `thẻ head`, so no markup reaches a terminal or an HTML export.
fn plain_code(code: &str) -> String {
    let mut names: Vec<String> = Vec::new();
    let mut rest = code.trim();
    while let Some(tag) = rest.strip_prefix('<') {
        let Some(end) = tag.find('>') else {
            return code.to_string();
        };
        let name: String = tag[..end]
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if name.is_empty() {
            return code.to_string();
        }
        if !names.contains(&name) {
            names.push(name);
        }
        rest = tag[end + 1..].trim_start();
    }
    if names.is_empty() || !rest.is_empty() {
        return code.to_string();
    }
    format!("thẻ {}", names.join(", "))
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
        notes.push(first_clause(explanation.trim()));
        text = term.trim().to_string();
    }
    // `Python đặt là lambda function`: Vietnamese words leading to the
    // English term are a note on it, not part of the answer.
    if has_vietnamese_letters(&text)
        && let Some(at) = text.rfind(" là ")
        && !text[at + 4..].contains('(')
        && looks_english(&text[at + 4..])
        && !has_vietnamese_letters(&text[at + 4..])
    {
        notes.push(format!("{} là …", text[..at].trim()));
        text = text[at + 4..].trim().to_string();
    }
    let mut kept = String::new();
    let mut optional_forms = Vec::new();
    let mut last = 0;
    for (start, end) in paren_groups(&text) {
        let inner = text[start + 1..end - 1].trim();
        let before = text[..start].trim_end();
        // `bracket(s)`: an optional ending, both forms accepted, no note.
        let suffix = text[..start].ends_with(|c: char| c.is_alphabetic())
            && (1..=3).contains(&inner.len())
            && inner.chars().all(|c| c.is_ascii_lowercase());
        if suffix {
            kept.push_str(&text[last..start]);
            optional_forms.push(format!("{}{}{}", &text[last..start], inner, &text[end..]));
            last = end;
            continue;
        }
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
    // `QA/QC - quality assurance, quality control`: the acronyms are
    // spelled out together, so the commas do not separate synonyms.
    // So are the words of one acronym (`LIFO - Last In, First Out`).
    let spelled_list = display.split_once(" - ").is_some_and(|(left, right)| {
        let (left, right) = (left.trim(), right.trim());
        is_acronym(left)
            && (left.contains('/') || long_form(left, right).is_some_and(|long| long == right))
    });
    let synonyms = if spelled_list {
        vec![display.clone()]
    } else {
        split_outside_parens(&display, ',')
    };
    for synonym in synonyms {
        forms.extend(forms_of(&synonym));
    }
    forms.extend(optional_forms.iter().map(|form| collapse_whitespace(form)));
    (display, forms, notes)
}

/// Longest explanation kept whole as a hint, in words.
const MAX_HINT_WORDS: usize = 12;

/// The gist of a long explanation: its first `;` clause, and its first `,`
/// clause when that is still long.
fn first_clause(explanation: &str) -> String {
    let mut clause = explanation.split(';').next().unwrap_or(explanation).trim();
    if word_count(clause) > MAX_HINT_WORDS {
        clause = clause.split(", ").next().unwrap_or(clause).trim();
    }
    clause.trim_end_matches(['.', ',']).to_string()
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
        let drafts = crate::derive::drafts_of(extract, text);
        assert_eq!(
            drafts[0].hint.as_deref(),
            Some("bản phát hành theo thời gian")
        );
        assert_eq!(drafts[2].hint.as_deref(), Some("biến thể của cùng một bản"));
        assert_eq!(drafts[2].answers, vec!["edition"]);
    }

    fn vocabulary(rows: &str) -> Vec<Draft> {
        let text =
            format!("## Some English words\n\n| Vietnamese | Tiếng Anh |\n| --- | --- |\n{rows}");
        crate::derive::drafts_of(extract, &text)
    }

    fn pairs(drafts: &[Draft]) -> Vec<(&str, Vec<String>)> {
        drafts
            .iter()
            .map(|draft| (draft.prompt.as_str(), draft.answers.clone()))
            .collect()
    }

    #[test]
    fn a_shared_head_written_once_splits_the_row_into_proper_pairs() {
        let drafts = vocabulary("| bảng có viền, không viền | bordered, borderless table |");
        assert_eq!(
            pairs(&drafts),
            vec![
                ("bảng có viền", strings(&["bordered table"])),
                ("bordered table", strings(&["bảng có viền"])),
                ("bảng không viền", strings(&["borderless table"])),
                ("borderless table", strings(&["bảng không viền"])),
            ]
        );
        assert_eq!(drafts[2].key, "vi-en/bang-khong-vien");
        // Siblings written in full on both sides are pairs too.
        let drafts = vocabulary("| phút, mili-phút | minute, milliminute |");
        assert_eq!(drafts[2].prompt, "mili-phút");
        assert_eq!(drafts[2].answers, strings(&["milliminute"]));
        // A shared stem on one side only is a synonym list.
        assert_eq!(vocabulary("| lệnh, mệnh lệnh | command, order |").len(), 2);
        // Synonyms on both sides are no elision: any one is accepted.
        let drafts =
            vocabulary("| lưu lại, cất giữ | save, keep |\n| khai thác | exploit, make use of |");
        assert_eq!(drafts.len(), 4);
        assert_eq!(drafts[0].answers, strings(&["save, keep", "save", "keep"]));
        assert_eq!(
            drafts[2].answers,
            strings(&["exploit, make use of", "exploit", "make use of"])
        );
    }

    #[test]
    fn an_acronym_list_spelled_out_together_stays_one_answer() {
        let term = cell("UI/UX - user interface, user experience");
        assert_eq!(
            term.answers,
            strings(&[
                "UI/UX - user interface, user experience",
                "UI/UX",
                "user interface, user experience"
            ])
        );
        // Neither half of a slashed acronym, nor a one-letter symbol, is an
        // answer on its own; halves of a slashed word still are.
        assert_eq!(cell("TCP/IP").answers, strings(&["TCP/IP"]));
        assert_eq!(cell("depth (D)").answers, strings(&["depth (D)", "depth"]));
        assert!(
            cell("a tuner/optimizer")
                .answers
                .contains(&"a tuner".to_string())
        );
    }

    #[test]
    fn a_row_written_the_other_way_round_is_turned_back() {
        let drafts = vocabulary("| data flow | luồng dữ liệu |");
        assert_eq!(drafts[0].prompt, "luồng dữ liệu");
        assert_eq!(drafts[0].direction, Some(Direction::ViEn));
        assert_eq!(drafts[0].answers, strings(&["data flow"]));
        assert_eq!(drafts[0].key, "vi-en/luong-du-lieu");
    }

    #[test]
    fn hints_are_short_plain_text() {
        let term = cell("thẻ tiêu đề (đặt trong `<title> </title>`)");
        assert_eq!(term.hint.as_deref(), Some("đặt trong thẻ title"));
        // Code inside the explanation stays in it; the hint is its gist.
        let term = cell(
            "bản dựng: chỉ một lần biên dịch của phần mềm, ví dụ `b1`, `b2` hoặc số ngày; thường tự động",
        );
        assert_eq!(term.display, "bản dựng");
        assert_eq!(
            term.hint.as_deref(),
            Some("chỉ một lần biên dịch của phần mềm")
        );
        let term = cell(
            "nhánh: dòng phát triển tách ra từ mã chính để làm một việc riêng, rồi gộp lại sau khi xong",
        );
        assert_eq!(
            term.hint.as_deref(),
            Some("dòng phát triển tách ra từ mã chính để làm một việc riêng")
        );
    }

    #[test]
    fn every_row_gives_a_card_each_way() {
        let text = "# T\n\n## Some English words\n\n| Vietnamese | Tiếng Anh |\n| --- | --- |\n| mạng | network |\n| *máy* | machine |";
        let drafts = crate::derive::drafts_of(extract, text);
        assert_eq!(drafts.len(), 4);
        assert_eq!(drafts[2].prompt, "máy");
        assert_eq!(drafts[3].key, "en-vi/may");
    }

    #[test]
    fn a_term_given_two_translations_accepts_both_in_both_cards() {
        let lesson = Lesson::parse(
            "# T\n\n## Some English words\n\n| Vietnamese | Tiếng Anh |\n|---|---|\n| mạng | network |\n| mạng | net |\n| máy | machine |\n",
        )
        .unwrap();
        let mut drafts = Vec::new();
        extract(&lesson, &mut drafts);
        let answers: Vec<(&str, Vec<&str>)> = drafts
            .iter()
            .map(|draft| {
                let answers = draft.answers.iter().map(String::as_str).collect();
                (draft.key.as_str(), answers)
            })
            .collect();
        // One question "mạng", accepting both; each English word still
        // asks back for "mạng".
        let expected = [
            ("vi-en/mang", vec!["network", "net"]),
            ("en-vi/mang", vec!["mạng"]),
            ("en-vi/mang", vec!["mạng"]),
            ("vi-en/may", vec!["machine"]),
            ("en-vi/may", vec!["máy"]),
        ];
        assert_eq!(answers, expected);
        assert_eq!(drafts[0].line, 7);
        assert_eq!(drafts[2].prompt, "net");
        assert_eq!(drafts[2].line, 8);
    }

    #[test]
    fn a_term_table_with_an_english_column_is_vocabulary() {
        let text = "| Thuật ngữ | Tiếng Anh | Giải thích |\n| --- | --- | --- |\n| Tưới nhỏ giọt | drip irrigation | Tưới từng giọt vào gốc |\n\n| English | Tiếng Việt |\n| --- | --- |\n| seedling | cây con |\n";
        let drafts = crate::derive::drafts_of(extract, text);
        assert_eq!(
            pairs(&drafts),
            vec![
                ("Tưới nhỏ giọt", strings(&["drip irrigation"])),
                ("drip irrigation", strings(&["Tưới nhỏ giọt"])),
                ("cây con", strings(&["seedling"])),
                ("seedling", strings(&["cây con"])),
            ]
        );
    }

    #[test]
    fn notes_in_a_cell_stay_out_of_the_answer() {
        let term = cell("Python đặt là lambda function");
        assert_eq!(term.display, "lambda function");
        assert_eq!(term.answers, strings(&["lambda function"]));
        assert_eq!(term.hint.as_deref(), Some("Python đặt là …"));
        let term = cell("garden bed(s)");
        assert_eq!(term.display, "garden bed");
        assert_eq!(term.answers, strings(&["garden bed", "garden beds"]));
        assert_eq!(term.hint, None);
        let term = cell("FIFO - First In, First Out");
        assert_eq!(
            term.answers,
            strings(&["FIFO - First In, First Out", "FIFO", "First In, First Out"])
        );
        // Commas still separate translations that stand alone.
        assert_eq!(
            cell("seed, grain").answers,
            strings(&["seed, grain", "seed", "grain"])
        );
    }
}
