//! Small text helpers shared by the extractors: slugs, folding for
//! comparisons, splitting outside parentheses, acronym and name tests.

use unicode_normalization::UnicodeNormalization;

/// The id slug of a term: diacritics stripped (`đ` → `d`), lowercase ASCII
/// letters and digits joined by single hyphens, at most 60 bytes cut at a
/// hyphen; `x` when nothing is left.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut hyphen = false;
    for c in fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            if hyphen && !out.is_empty() {
                out.push('-');
            }
            hyphen = false;
            out.push(c);
        } else {
            hyphen = true;
        }
    }
    if out.len() > 60 {
        let cut = out[..=60].rfind('-').unwrap_or(60);
        out.truncate(cut);
    }
    if out.is_empty() {
        out.push('x');
    }
    out
}

/// Lowercase without diacritics, for comparing terms: `Đồ Thị` → `do thi`.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

/// Splits on `separator` where it is not inside parentheses; parts trimmed,
/// empty parts dropped.
pub fn split_outside_parens(text: &str, separator: char) -> Vec<String> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut current = String::new();
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if c == separator && depth == 0 {
            parts.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    parts.push(current);
    parts
        .into_iter()
        .map(|part| part.trim().to_string())
        .filter(|part| !part.is_empty())
        .collect()
}

/// The top-level parenthesised groups of `text` as (start, end) byte ranges
/// including the parentheses.
pub fn paren_groups(text: &str) -> Vec<(usize, usize)> {
    let mut groups = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (at, c) in text.char_indices() {
        match c {
            '(' => {
                if depth == 0 {
                    start = at;
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    groups.push((start, at + 1));
                }
            }
            _ => {}
        }
    }
    groups
}

/// An acronym-like token: `LAN`, `GANs`, `IaaS`, `IoT`, `QA/QC`, `H`.
pub fn is_acronym(token: &str) -> bool {
    let letters = token.chars().filter(char::is_ascii_alphabetic).count();
    let upper = token.chars().filter(char::is_ascii_uppercase).count();
    !token.is_empty()
        && token.len() <= 12
        && token.starts_with(|c: char| c.is_ascii_uppercase())
        && token
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '&' | '.'))
        && (upper >= 2 || letters == 1)
        && !token.ends_with(['-', '/', '.'])
}

/// Trims spaces and the punctuation a list item or cell may end with.
pub fn trim_punctuation(text: &str) -> String {
    text.trim()
        .trim_end_matches([':', ';', ',', '.', ' '])
        .trim_start_matches([':', ';', ',', ' ', '-', '–'])
        .trim()
        .to_string()
}

/// Whether `text` ends with an "and so on": `v.v...`, `v.v.`, `etc.`.
pub fn is_etc(text: &str) -> bool {
    // The longest marker is a few bytes: no need to fold a sentence.
    if text.trim().len() > 12 {
        return false;
    }
    let folded = fold(text);
    let trimmed = folded.trim().trim_end_matches('.');
    matches!(trimmed, "v.v" | "vv" | "etc" | "...") || trimmed.is_empty()
}

/// Removes a trailing "and so on" (`, v.v...`, ` v.v...`).
pub fn strip_etc(text: &str) -> String {
    let trimmed = text.trim();
    for marker in ["v.v...", "v.v..", "v.v.", "v.v", "etc.", "..."] {
        if let Some(rest) = trimmed.strip_suffix(marker) {
            return rest.trim().trim_end_matches(',').trim().to_string();
        }
    }
    trimmed.to_string()
}

/// The number of words.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Whether `text` looks like the name of a product, service or organisation
/// rather than a description: every word of its head (before any
/// parenthesis) is capitalised or an acronym, apart from short English
/// joining words, and the head has no Vietnamese letters.
pub fn looks_like_name(text: &str) -> bool {
    let head = text.split('(').next().unwrap_or("").trim();
    if head.is_empty() || word_count(head) > 6 {
        return false;
    }
    let joining = [
        "for", "of", "and", "the", "as", "a", "on", "by", "to", "in", "de",
    ];
    head.split_whitespace().enumerate().all(|(index, word)| {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        word.is_ascii()
            && (word.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit())
                || (index > 0 && joining.contains(&word)))
    })
}

/// Words that open a clause setting a scene (`Trong…`, `Khi…`, `Nếu…`)
/// rather than a name.
const SCENE_OPENERS: [&str; 17] = [
    "trong", "khi", "nếu", "với", "ở", "tại", "để", "vì", "nhờ", "theo", "sau", "trước", "when",
    "if", "while", "in", "for",
];

/// Words a label cannot end on: it would be a sentence running into its
/// list (`Các thiết bị như:`, `Dữ liệu được lưu trong:`).
const DANGLING_ENDS: [&str; 19] = [
    "như", "là", "gồm", "sau", "của", "về", "cho", "với", "để", "trong", "bằng", "từ", "và",
    "hoặc", "các", "những", "được", "include", "are",
];

/// Whether a label names a group: it neither opens like a clause nor runs
/// on into its list.
pub fn names_a_group(label: &str) -> bool {
    let lower = label.to_lowercase();
    let words: Vec<&str> = lower
        .split_whitespace()
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    !SCENE_OPENERS.contains(first) && !DANGLING_ENDS.contains(last)
}

/// The first sentence of `text`: up to a `.`, `!` or `?` followed by a space
/// and a capital letter, or the whole text.
pub fn first_sentence(text: &str) -> &str {
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if matches!(c, '.' | '!' | '?') {
            let rest = &text[at + c.len_utf8()..];
            let mut after = rest.chars();
            if after.next() == Some(' ') && after.next().is_some_and(char::is_uppercase) {
                return &text[..at + c.len_utf8()];
            }
        }
        let _ = chars.peek();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_strip_diacritics() {
        assert_eq!(slug("AI tạo sinh"), "ai-tao-sinh");
        assert_eq!(
            slug("Đồ thị có hướng, vô hướng"),
            "do-thi-co-huong-vo-huong"
        );
        assert_eq!(slug("C++ / C#"), "c-c");
        assert_eq!(slug("…"), "x");
        assert!(slug(&"từ ".repeat(40)).len() <= 60);
    }

    #[test]
    fn splits_outside_parentheses() {
        assert_eq!(
            split_outside_parens("a (b, c), d", ','),
            vec!["a (b, c)".to_string(), "d".to_string()]
        );
    }

    #[test]
    fn acronyms_and_names() {
        for yes in ["LAN", "GANs", "IaaS", "IoT", "QA/QC", "H", "CI/CD"] {
            assert!(is_acronym(yes), "{yes}");
        }
        for no in ["Internet", "a", "WiFi, NFC", "ok"] {
            assert!(!is_acronym(no), "{no}");
        }
        assert!(looks_like_name("Amazon EC2 (Elastic Compute Cloud)"));
        assert!(looks_like_name("IBM Watson for Oncology (hỗ trợ)"));
        assert!(!looks_like_name("Viết bài báo"));
        assert!(!looks_like_name("Chatbot và trợ lý ảo"));
    }

    #[test]
    fn sentences_and_etc() {
        assert_eq!(first_sentence("A là b. Còn c."), "A là b.");
        assert_eq!(first_sentence("v.v... và x. y"), "v.v... và x. y");
        assert_eq!(strip_etc("Gemini v.v..."), "Gemini");
        assert_eq!(strip_etc("Firefly, v.v..."), "Firefly");
        assert!(is_etc("v.v..."));
    }
}
