//! Acronym cards, "GPT là viết tắt của gì?", from the ways lessons write
//! them:
//!
//! - `Long Name (ACR)`, `ACR (Long Name)`, the vocabulary convention `ACR -
//!   Long Name`, and `**RGB** (Red, Green, Blue)`;
//! - a Vietnamese long form with the acronym in parentheses, where the
//!   long form is marked out: a bold or italic run (`**Hệ điều hành thời
//!   gian thực (RTOS)**`), a whole list item or heading (`- Xác thực hai yếu
//!   tố (2FA)`);
//! - the wording: `**ACR** là viết tắt của Long`, `**Long**, viết tắt là
//!   ACR, là …`, `Long, còn gọi là **ACR**`, and `Viết tắt là **ACR**`
//!   opening a section, whose heading is then the long form;
//! - a table with an acronym column beside its long forms (`| Tên viết tắt |
//!   Tên đầy đủ |`).
//!
//! An English long form is checked with the Schwartz–Hearst rule: the
//! acronym's letters must appear in order in its words, its first letter
//! starting a word; so `mạng cục bộ (LAN)` or `Google Assistant (sẽ ngừng)`
//! give no card from the parentheses alone. One card per acronym: the long
//! forms a lesson gives it (English and Vietnamese) are all accepted.

use crate::deck::{CardKind, InputKind};
use crate::lesson::{Block, Inline, Lesson, Section, Table};

use super::text::{
    fold, has_vietnamese_letters, is_acronym, long_form, marked_runs, paren_groups, slug,
    split_outside_parens, word_count,
};
use super::{Draft, content_sections, section_inlines};

/// An acronym the lesson spells out, with every long form it gives.
#[derive(Debug, Clone, PartialEq)]
pub struct AcronymFact<'a> {
    pub acronym: String,
    pub longs: Vec<String>,
    pub section: &'a Section,
    pub line: usize,
}

pub fn extract(lesson: &Lesson, drafts: &mut Vec<Draft>) {
    extract_from(acronym_facts(lesson), drafts);
}

/// The acronym cards of facts [`acronym_facts`] read already (the running
/// text pairs need them too: read once).
pub fn extract_from(facts: Vec<AcronymFact<'_>>, drafts: &mut Vec<Draft>) {
    for fact in facts {
        drafts.push(
            Draft::new(
                CardKind::Acronym,
                InputKind::Text,
                slug(&fact.acronym),
                format!("{} là viết tắt của gì?", fact.acronym),
                fact.longs,
            )
            .at(fact.section, fact.line),
        );
    }
}

/// Longest long form taken, in words.
const MAX_LONG_WORDS: usize = 10;

/// The acronyms of a lesson, each once, in lesson order.
pub fn acronym_facts(lesson: &Lesson) -> Vec<AcronymFact<'_>> {
    let mut facts: Vec<AcronymFact<'_>> = Vec::new();
    for section in content_sections(lesson) {
        let mut found: Vec<(String, String, usize)> = Vec::new();
        if let Some((acronym, long)) = heading_acronym(&section.heading) {
            found.push((acronym, long, section.line));
        }
        let first_paragraph = section.blocks.iter().find_map(|block| match block {
            Block::Paragraph(inline) => Some(inline),
            _ => None,
        });
        for inline in section_inlines(section) {
            if inline.math {
                continue;
            }
            let opens_section = first_paragraph.is_some_and(|first| std::ptr::eq(first, inline));
            for (acronym, long) in inline_acronyms(inline, section, opens_section) {
                found.push((acronym, long, inline.line));
            }
        }
        for block in &section.blocks {
            if let Block::Table(table) = block {
                found.extend(table_acronyms(table));
            }
        }
        found.sort_by_key(|(_, _, line)| *line);
        for (acronym, long, line) in found {
            let long = long
                .trim()
                .trim_end_matches(['.', ',', ':', ';'])
                .trim()
                .to_string();
            if long.is_empty() || word_count(&long) > MAX_LONG_WORDS || long == acronym {
                continue;
            }
            match facts
                .iter_mut()
                .find(|fact| fold(&fact.acronym) == fold(&acronym))
            {
                Some(fact) => {
                    if !fact.longs.iter().any(|known| fold(known) == fold(&long)) {
                        fact.longs.push(long);
                    }
                }
                None => facts.push(AcronymFact {
                    acronym,
                    longs: vec![long],
                    section,
                    line,
                }),
            }
        }
    }
    facts
}

/// The acronyms one inline spells out.
fn inline_acronyms(
    inline: &Inline,
    section: &Section,
    opens_section: bool,
) -> Vec<(String, String)> {
    let text = inline.plain();
    let mut found = Vec::new();
    if text.contains('(') || text.contains(" - ") {
        found.extend(find_acronyms(&text));
        // A marked-out or whole Vietnamese long form: `**Long (ACR)**`.
        let whole = std::iter::once(text.clone());
        let runs = marked_runs(inline)
            .into_iter()
            .filter(|run| !run.code)
            .map(|run| run.text);
        for candidate in whole.chain(runs) {
            if let Some(pair) = vietnamese_long(&candidate) {
                found.push(pair);
            }
        }
    }
    found.extend(worded_acronyms(inline, section, opens_section));
    found
}

/// `Hệ điều hành thời gian thực (RTOS)`, the whole of `text` (a trailing
/// colon aside): a Vietnamese long form and its acronym.
fn vietnamese_long(text: &str) -> Option<(String, String)> {
    let text = text.trim().trim_end_matches(':').trim_end();
    let inner = text.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let acronym = inner[open + 1..].trim();
    let long = inner[..open].trim();
    let fits = is_long_acronym(acronym)
        && has_vietnamese_letters(long)
        && !long.contains(['(', ')', ',', ';', '.', ':'])
        && (2..=MAX_LONG_WORDS).contains(&word_count(long));
    fits.then(|| (acronym.to_string(), long.to_string()))
}

/// A heading that is a long form and its acronym.
fn heading_acronym(heading: &str) -> Option<(String, String)> {
    vietnamese_long(heading).or_else(|| {
        let found = find_acronyms(heading);
        (found.len() == 1)
            .then(|| found.into_iter().next())
            .flatten()
    })
}

/// What names an acronym after its long form: `, viết tắt là ACR`.
const SHORT_FOR: [&str; 5] = [
    "viet tat la ",
    "goi tat la ",
    "con goi la ",
    "hay goi la ",
    "viet tat ",
];
/// What spells an acronym out after it: `ACR là viết tắt của Long`.
const STANDS_FOR: [&str; 4] = [
    "la viet tat cua ",
    "la ten viet tat cua ",
    "viet tat cua ",
    "stands for ",
];
/// What every marker of [`SHORT_FOR`] and [`STANDS_FOR`] holds.
const MARKER_CORES: [&str; 3] = ["viet tat ", "goi ", "stands for "];
/// Words a Vietnamese long form does not run back over: `… do hệ thống tên
/// miền, còn gọi là DNS` names `hệ thống tên miền`.
const CLAUSE_WORDS: [&str; 26] = [
    "do", "bởi", "là", "được", "này", "đó", "thì", "mà", "như", "gọi", "qua", "nhờ", "tức", "bằng",
    "với", "cho", "từ", "đến", "vào", "có", "các", "những", "một", "việc", "khi", "nên",
];

/// Acronyms named by wording: `**OTP** là viết tắt của One-Time
/// Password`, `**Mạng riêng ảo**, viết tắt là VPN`, `hệ thống tên miền,
/// còn gọi là **DNS**`, `Viết tắt là **CPU**` opening the section on the
/// central processing unit.
fn worded_acronyms(
    inline: &Inline,
    section: &Section,
    opens_section: bool,
) -> Vec<(String, String)> {
    let text = inline.plain_str();
    let folded = inline.folded();
    // Every marker holds one of these: three searches rule out most
    // sentences, where one per marker was a twentieth of compile time.
    if !MARKER_CORES.iter().any(|core| folded.contains(core)) {
        return Vec::new();
    }
    // Folding keeps byte offsets only for ASCII text; map through chars.
    if folded.chars().count() != text.chars().count() {
        return Vec::new();
    }
    let byte_at = |folded_at: usize| {
        let chars = folded[..folded_at].chars().count();
        text.char_indices()
            .nth(chars)
            .map_or(text.len(), |(at, _)| at)
    };
    let mut found = Vec::new();
    for marker in STANDS_FOR {
        let Some(at) = folded.find(marker) else {
            continue;
        };
        let before = text[..byte_at(at)].trim_end();
        let acronym = before
            .rsplit([' ', '(', ','])
            .next()
            .unwrap_or("")
            .trim_matches(['"', '“', '”']);
        let after = &text[byte_at(at + marker.len())..];
        let long = after
            .split([',', ';', '(', ':'])
            .next()
            .unwrap_or("")
            .split(". ")
            .next()
            .unwrap_or("");
        let long = cut_before(long, &[" tức ", " nghĩa là ", " là ", " hay "]);
        if is_long_acronym(acronym) && long_fits(acronym, &long) {
            found.push((acronym.to_string(), long));
        }
        break;
    }
    for marker in SHORT_FOR {
        let Some(at) = folded.find(marker) else {
            continue;
        };
        let after = &text[byte_at(at + marker.len())..];
        let acronym = after
            .split([' ', ',', ')', '.', ';', ':'])
            .next()
            .unwrap_or("")
            .trim_matches(['"', '“', '”', '*']);
        if !is_long_acronym(acronym) {
            break;
        }
        let before = text[..byte_at(at)].trim_end();
        let before = before
            .trim_end_matches(|c: char| c == ',' || c == '(' || c.is_whitespace())
            .trim_end();
        // "còn gọi là" may name anything; only a marked term or a whole
        // clause before it is its long form.
        let before = strip_suffix_words(before, &["từ đây", "được", "hay", "còn", "thường"]);
        let long = if before.is_empty() {
            if opens_section {
                unnumbered(&section.heading)
            } else {
                String::new()
            }
        } else {
            let marked = marked_runs(inline)
                .into_iter()
                .filter(|run| !run.code && run.before.is_empty())
                .map(|run| run.text)
                .find(|term| before.starts_with(term.as_str()) && term.len() + 2 >= before.len());
            match marked {
                Some(term) => term,
                None => clause_tail(acronym, before),
            }
        };
        if long_fits(acronym, &long) {
            found.push((acronym.to_string(), long));
        }
        break;
    }
    found
}

/// `text` cut before the first of `stops`.
fn cut_before(text: &str, stops: &[&str]) -> String {
    let cut = stops
        .iter()
        .filter_map(|stop| text.find(stop))
        .min()
        .unwrap_or(text.len());
    text[..cut].trim().to_string()
}

/// `text` without any of the trailing words `words`.
fn strip_suffix_words<'t>(text: &'t str, words: &[&str]) -> &'t str {
    let mut text = text.trim_end();
    loop {
        let lowered = text.to_lowercase();
        let Some(word) = words.iter().find(|word| {
            lowered.ends_with(*word)
                && lowered[..lowered.len() - word.len()]
                    .chars()
                    .last()
                    .is_none_or(|c| !c.is_alphanumeric())
        }) else {
            return text;
        };
        text = text[..text.len() - word.len()]
            .trim_end_matches([' ', ','])
            .trim_end();
    }
}

/// The long form at the end of a clause: the Schwartz–Hearst tail for an
/// English one, the words after the last clause word for a Vietnamese one.
fn clause_tail(acronym: &str, before: &str) -> String {
    let clause = before
        .rsplit(['.', ';', ':', '(', ')', ','])
        .next()
        .unwrap_or("")
        .trim();
    if !has_vietnamese_letters(clause) {
        return long_form(acronym, clause).unwrap_or_default();
    }
    let words: Vec<&str> = clause.split_whitespace().collect();
    let start = words
        .iter()
        .rposition(|word| CLAUSE_WORDS.contains(&word.to_lowercase().as_str()))
        .map_or(0, |at| at + 1);
    words[start..].join(" ")
}

/// A heading's text without its numbering (`2. `, `A. `, `1) `).
fn unnumbered(heading: &str) -> String {
    let mut words = heading.split_whitespace();
    let first = words.next().unwrap_or("");
    let numbering = first.len() <= 3
        && first.ends_with(['.', ')'])
        && first[..first.len() - 1]
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase());
    if numbering {
        words.collect::<Vec<_>>().join(" ")
    } else {
        heading.trim().to_string()
    }
}

/// Whether `long` can be `acronym`'s long form: two words or more, not
/// too long, not the acronym again, and an English one spelling its letters.
fn long_fits(acronym: &str, long: &str) -> bool {
    let words = word_count(long);
    if !(2..=MAX_LONG_WORDS).contains(&words) || long.contains(acronym) {
        return false;
    }
    has_vietnamese_letters(long) || long_form(acronym, long).is_some()
}

/// Acronyms of a table with an acronym column beside the long forms: each
/// row whose cell is an acronym and whose next cell spells it out (or,
/// under a header naming acronyms, `viết tắt`, gives any long form).
fn table_acronyms(table: &Table) -> Vec<(String, String, usize)> {
    let header: Vec<String> = table
        .header
        .iter()
        .map(|cell| fold(&cell.plain()))
        .collect();
    let mut found = Vec::new();
    for column in 0..header.len().saturating_sub(1) {
        let named = header
            .get(column)
            .is_some_and(|cell| cell.contains("viet tat") || cell.contains("acronym"));
        for row in &table.rows {
            let (Some(short), Some(long)) = (row.cells.get(column), row.cells.get(column + 1))
            else {
                continue;
            };
            let (short, long) = (short.plain(), long.plain());
            if !is_long_acronym(&short) {
                continue;
            }
            let spelled = long_form(&short, &long).is_some_and(|tail| tail == long.trim());
            if spelled || (named && long_fits(&short, &long)) {
                found.push((short, long, row.line));
            }
        }
    }
    found
}

/// The (acronym, long form) pairs defined in `text`.
pub fn find_acronyms(text: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for (start, end) in paren_groups(text) {
        let inner = text[start + 1..end - 1].trim();
        let before = text[..start].trim_end();
        if is_long_acronym(inner) {
            let clause = before
                .rsplit([',', ':', ';', '(', ')', '.'])
                .next()
                .unwrap_or("");
            let letters = inner.chars().filter(char::is_ascii_alphabetic).count();
            let window = (letters + 5).min(letters * 2);
            let words: Vec<&str> = clause.split_whitespace().collect();
            let candidate = words[words.len().saturating_sub(window)..].join(" ");
            if let Some(long) = long_form(inner, &candidate) {
                found.push((inner.to_string(), with_leading_acronyms(&long, &candidate)));
            }
        } else {
            let token = before.rsplit([' ', ',', '(']).next().unwrap_or("");
            if is_long_acronym(token)
                && !inner.contains([':', ';'])
                // `RGB (Red, Green, Blue)`: commas between the spelled words.
                && (!inner.contains(',')
                    || inner
                        .split(',')
                        .all(|part| part.trim().starts_with(|c: char| c.is_ascii_uppercase())))
                && word_count(inner) >= 2
                && let Some(long) = long_form(token, inner)
                && starts_the_parenthesis(&long, inner)
            {
                found.push((token.to_string(), long));
            }
        }
    }
    for part in split_outside_parens(text, ',') {
        let Some((left, right)) = part.split_once(" - ") else {
            continue;
        };
        let (left, right) = (left.trim(), right.trim());
        let (acronym, long) = if is_long_acronym(left) {
            (left, right)
        } else {
            (right, left)
        };
        if is_long_acronym(acronym)
            && word_count(long) >= 2
            && let Some(long) = long_form(acronym, long)
        {
            found.push((acronym.to_string(), long));
        }
    }
    found
}

/// An acronym of at least two capitals and at most two digits: `GPT`,
/// `GANs`, `IaaS`, `EC2` (not an exam code such as `AZ-104`).
fn is_long_acronym(token: &str) -> bool {
    // `2FA`: a leading count belongs to the acronym.
    let token = token.trim_start_matches(|c: char| c.is_ascii_digit());
    is_acronym(token)
        && token.chars().filter(char::is_ascii_uppercase).count() >= 2
        && token.chars().filter(char::is_ascii_digit).count() <= 2
        // `XII`, `IV`: Roman numerals, not abbreviations.
        && !token.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// `GNU General Public License (GPL)`: the spelled-out tail, with the
/// acronyms just before it that belong to the name.
fn with_leading_acronyms(long: &str, candidate: &str) -> String {
    let Some(head) = candidate.trim_end().strip_suffix(long) else {
        return long.to_string();
    };
    let mut words: Vec<&str> = head.split_whitespace().collect();
    let mut kept = Vec::new();
    while let Some(word) = words.pop() {
        if !is_long_acronym(word) {
            break;
        }
        kept.push(word);
    }
    kept.reverse();
    kept.push(long);
    kept.join(" ")
}

/// `ACR (The Long Name)`: the long form is the whole parenthesis, but for
/// a leading article.
fn starts_the_parenthesis(long: &str, inner: &str) -> bool {
    let skipped = inner.len().saturating_sub(long.len());
    let prefix = inner.get(..skipped).unwrap_or("").trim();
    prefix.is_empty() || matches!(prefix, "The" | "the" | "A" | "a" | "An" | "an")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_marker_holds_a_core() {
        for marker in SHORT_FOR.iter().chain(&STANDS_FOR) {
            assert!(
                MARKER_CORES.iter().any(|core| marker.contains(core)),
                "{marker}"
            );
        }
    }

    fn pairs(text: &str) -> Vec<(String, String)> {
        find_acronyms(text)
    }

    #[test]
    fn long_name_then_acronym() {
        let found = pairs(
            "Mô hình mạng thần kinh tạo sinh: Generative Adversarial Networks (GANs) và Variational Autoencoders (VAEs).",
        );
        assert_eq!(
            found,
            vec![
                (
                    "GANs".to_string(),
                    "Generative Adversarial Networks".to_string()
                ),
                ("VAEs".to_string(), "Variational Autoencoders".to_string())
            ]
        );
        assert_eq!(
            pairs("1. Infrastructure as a Service (IaaS)")[0].1,
            "Infrastructure as a Service"
        );
    }

    #[test]
    fn acronym_then_long_name() {
        assert_eq!(
            pairs("chẳng hạn như GPT (Generative Pre-trained Transformer)."),
            vec![(
                "GPT".to_string(),
                "Generative Pre-trained Transformer".to_string()
            )]
        );
        assert_eq!(
            pairs("ENIAC (The Electronic Numerical Integrator and Computer) là")[0].1,
            "Electronic Numerical Integrator and Computer"
        );
        assert_eq!(pairs("LLM - Large Language Model")[0].0, "LLM");
    }

    #[test]
    fn notes_and_vietnamese_names_are_not_acronyms() {
        assert!(pairs("mạng cục bộ (LAN)").is_empty());
        assert!(pairs("Google Assistant (sẽ ngừng trong tương lai)").is_empty());
        assert!(pairs("Fortran (Formula Translation)").is_empty());
        assert!(pairs("f(x) (a)").is_empty());
        assert!(pairs("Clearview AI (sử dụng trong an ninh)").is_empty());
        assert!(pairs("hạ tầng IT (IT Infrastructure Management)").is_empty());
        assert!(pairs("VPN concentrator (VPN)").is_empty());
        assert!(pairs("ABCv2 (ABC version 2)").is_empty());
        assert!(pairs("Very Important Interface (VII)").is_empty());
    }

    fn cards(text: &str) -> Vec<(String, Vec<String>)> {
        crate::derive::drafts_of(extract, text)
            .into_iter()
            .map(|draft| (draft.prompt, draft.answers))
            .collect()
    }

    fn card(acronym: &str, longs: &[&str]) -> (String, Vec<String>) {
        (
            format!("{acronym} là viết tắt của gì?"),
            longs.iter().map(|long| long.to_string()).collect(),
        )
    }

    #[test]
    fn wording_names_acronyms() {
        let text = "**GH** là viết tắt của Green House, tức nhà kính trồng rau.\n\n**Hệ thống tưới tự động**, viết tắt là HTT, là hệ thống tự bơm nước.\n\nViệc đo độ ẩm do cảm biến độ ẩm đất, còn gọi là **CBDA**, đảm nhận.\n\n**Vườn rau sạch**, từ đây viết tắt là **VRS**, là vườn không dùng thuốc.\n";
        assert_eq!(
            cards(text),
            vec![
                card("GH", &["Green House"]),
                card("HTT", &["Hệ thống tưới tự động"]),
                card("CBDA", &["cảm biến độ ẩm đất"]),
                card("VRS", &["Vườn rau sạch"]),
            ]
        );
    }

    #[test]
    fn a_section_opening_with_its_acronym_spells_out_its_heading() {
        let text = "## Bộ điều khiển trung tâm\n\nViết tắt là **BDK**, là nơi nhận tín hiệu từ mọi cảm biến.\n\n## Khác\n\nViết tắt là **KH**, nhưng đoạn này không mở mục.\n\nViết tắt là **XY**, đoạn thứ hai.\n";
        assert_eq!(cards(text), vec![card("BDK", &["Bộ điều khiển trung tâm"])]);
    }

    #[test]
    fn vietnamese_long_forms_marked_out_and_english_ones_merge() {
        let text = "**Cảm biến độ ẩm (SMS)** – tức thiết bị đo nước trong đất.\n\n- Hệ thống tưới hai vùng (2ZI)\n- Một mục có (ghi chú)\n\nCảm biến này theo chuẩn Soil Moisture Sensor (SMS).\n\n- **CMY** (Cyan, Magenta, Yellow): ba màu mực.\n- GNU Garden License (GGL)\n";
        assert_eq!(
            cards(text),
            vec![
                card("SMS", &["Cảm biến độ ẩm", "Soil Moisture Sensor"]),
                card("2ZI", &["Hệ thống tưới hai vùng"]),
                card("CMY", &["Cyan, Magenta, Yellow"]),
                card("GGL", &["GNU Garden License"]),
            ]
        );
    }

    #[test]
    fn an_acronym_table_spells_out_each_row() {
        let text = "| Tên viết tắt | Tên đầy đủ |\n| --- | --- |\n| DIY | Do It Yourself |\n| TN | Tưới nước |\n| Cây | Cây cối |\n\n| Mã | Nghĩa |\n| --- | --- |\n| PH | Potential Hydrogen |\n| AB | Không khớp |\n";
        assert_eq!(
            cards(text),
            vec![
                card("DIY", &["Do It Yourself"]),
                card("TN", &["Tưới nước"]),
                card("PH", &["Potential Hydrogen"]),
            ]
        );
    }
}
