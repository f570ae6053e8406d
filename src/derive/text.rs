//! Small text helpers shared by the extractors: slugs, folding for
//! comparisons, splitting outside parentheses, acronym and name tests, and
//! the judgements several extractors make alike (a generic heading, a
//! description giving its term away, an acronym's spelled-out form, a
//! term's accepted forms, notes dropped). Extractors borrow helpers from
//! here, not from each other; what two share beyond helpers is a reader's
//! facts (the acronym facts pairs are given, category's group sets).

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
    // Char by char: the text is NFC already, and every combining mark is
    // dropped, so the canonical reordering a full NFD does is not needed.
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            folded.push(c.to_ascii_lowercase());
        } else if let Some(one) = folded_latin(c) {
            folded.extend(one);
        } else {
            fold_char_into(c, &mut folded);
        }
    }
    folded
}

/// [`fold`] of one char, the slow way: decomposed, marks dropped, lowered.
fn fold_char_into(c: char, folded: &mut String) {
    unicode_normalization::char::decompose_canonical(c, |part| {
        if !('\u{300}'..='\u{36f}').contains(&part) {
            for lower in part.to_lowercase() {
                folded.push(if lower == 'đ' { 'd' } else { lower });
            }
        }
    });
}

/// The Latin blocks Vietnamese letters come from (Latin-1 Supplement to
/// Latin Extended-B, and Latin Extended Additional for `ế`, `ợ`…).
const LATIN_BLOCKS: [(u32, u32); 2] = [(0x80, 0x250), (0x1e00, 0x1f00)];

/// [`fold`] of a char of [`LATIN_BLOCKS`], looked up in a table made once
/// by [`fold_char_into`] itself (so both ways agree): decomposing and
/// lowering each accented letter again was a fifth of compile time.
/// `Some(None)` is a char that folds to nothing; `None` a char outside the
/// table, or one folding to more than one char.
fn folded_latin(c: char) -> Option<Option<char>> {
    static TABLE: std::sync::OnceLock<Vec<u32>> = std::sync::OnceLock::new();
    // Entries: the folded char, EMPTY for nothing, SLOW for the slow way.
    const EMPTY: u32 = u32::MAX - 1;
    const SLOW: u32 = u32::MAX;
    let code = u32::from(c);
    let mut offset = 0;
    let mut index = None;
    for (start, end) in LATIN_BLOCKS {
        if (start..end).contains(&code) {
            index = Some(offset + (code - start) as usize);
            break;
        }
        offset += (end - start) as usize;
    }
    let table = TABLE.get_or_init(|| {
        LATIN_BLOCKS
            .iter()
            .flat_map(|&(start, end)| start..end)
            .map(|code| {
                let mut folded = String::new();
                if let Some(c) = char::from_u32(code) {
                    fold_char_into(c, &mut folded);
                }
                let mut chars = folded.chars();
                match (chars.next(), chars.next()) {
                    (None, _) => EMPTY,
                    (Some(one), None) => u32::from(one),
                    _ => SLOW,
                }
            })
            .collect()
    });
    match table.get(index?).copied()? {
        EMPTY => Some(None),
        SLOW => None,
        one => char::from_u32(one).map(Some),
    }
}

/// Whether `text` holds `phrase` as whole words, case and diacritics
/// aside (`IP` is not in `chip`).
pub fn names(text: &str, phrase: &str) -> bool {
    contains_words(&padded_words(text), &padded_words(phrase))
}

/// Folded words joined by single spaces, with a space before and after,
/// for [`contains_words`] when one text is compared many times.
pub fn padded_words(text: &str) -> String {
    let mut padded = String::from(" ");
    for word in fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
    {
        padded.push_str(word);
        padded.push(' ');
    }
    padded
}

/// [`names`] on [`padded_words`] already made.
pub fn contains_words(text: &str, phrase: &str) -> bool {
    phrase.len() > 1 && text.contains(phrase)
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
const DANGLING_ENDS: [&str; 20] = [
    "như", "là", "gồm", "sau", "của", "về", "cho", "với", "để", "trong", "bằng", "từ", "và",
    "hoặc", "các", "những", "được", "giữa", "include", "are",
];

/// Whether a label names a group: it neither opens like a clause nor runs
/// on into its list.
pub fn names_a_group(label: &str) -> bool {
    let lower = label.to_lowercase();
    let mut words = lower
        .split_whitespace()
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()));
    let Some(first) = words.next() else {
        return false;
    };
    let last = words.next_back().unwrap_or(first);
    !SCENE_OPENERS.contains(&first) && !DANGLING_ENDS.contains(&last)
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

/// Whether `text` holds a letter only Vietnamese uses here: a vowel with a
/// diacritic, or `đ`.
pub fn has_vietnamese_letters(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_alphabetic() && !c.is_ascii() && fold(&c.to_string()).is_ascii())
}

/// The consonants a Vietnamese syllable may open with (longest first).
const VIETNAMESE_INITIALS: [&str; 27] = [
    "ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr", "b", "c", "d", "g", "h",
    "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
];
/// The vowel groups of a Vietnamese syllable, diacritics folded away.
const VIETNAMESE_VOWELS: [&str; 38] = [
    "a", "e", "i", "o", "u", "y", "ai", "ao", "au", "ay", "eo", "eu", "ia", "ie", "iu", "oa", "oe",
    "oi", "oo", "ua", "ue", "ui", "uo", "uu", "uy", "ye", "ieu", "oai", "oay", "oeo", "uay", "uoi",
    "uou", "uya", "uye", "uyu", "yeu", "uau",
];
const VIETNAMESE_FINALS: [&str; 9] = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

/// Whether a word could be one Vietnamese syllable written without its
/// marks: an initial consonant, a vowel group and a final consonant of the
/// language (`nhanh`, `tin`, `the`), which most English words are not
/// (`cell`, `swap`, `download`).
pub fn is_vietnamese_syllable(word: &str) -> bool {
    let word = fold(word);
    if word.is_empty() || !word.chars().all(|c| c.is_ascii_lowercase()) {
        return false;
    }
    VIETNAMESE_INITIALS.iter().any(|initial| {
        let Some(rest) = word.strip_prefix(initial) else {
            return false;
        };
        VIETNAMESE_FINALS.iter().any(|last| {
            rest.strip_suffix(last)
                .is_some_and(|vowels| VIETNAMESE_VOWELS.contains(&vowels))
        })
    })
}

/// English words that join a term (`as a`, `of the`) and say nothing of
/// the language on their own.
const ENGLISH_JOINING: [&str; 16] = [
    "the", "of", "and", "to", "in", "on", "for", "with", "as", "by", "at", "from", "or", "a", "an",
    "over",
];

/// Whether a term reads as English: no Vietnamese letter, and a word that no
/// Vietnamese syllable spells, or an English joining word between others.
pub fn looks_english(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    !has_vietnamese_letters(text)
        && words
            .iter()
            .any(|word| word.chars().any(|c| c.is_ascii_alphabetic()))
        && (words.iter().any(|word| {
            word.chars().all(|c| c.is_ascii_alphabetic()) && !is_vietnamese_syllable(word)
        }) || (words.len() >= 3
            && words
                .iter()
                .any(|word| ENGLISH_JOINING.contains(&word.to_ascii_lowercase().as_str()))))
}

/// Whether a term reads as Vietnamese: it has a Vietnamese letter.
pub fn looks_vietnamese(text: &str) -> bool {
    has_vietnamese_letters(text)
}

/// The words of `text` (letters and digits) with their byte ranges.
fn word_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                ranges.push((from, at));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        ranges.push((from, text.len()));
    }
    ranges
}

/// `text` with every whole-word occurrence of `name` (case and diacritics
/// aside) replaced by `___`; `None` when `name` does not occur.
pub fn blank_name(text: &str, name: &str) -> Option<String> {
    let wanted: Vec<String> = word_ranges(name)
        .iter()
        .map(|&(from, to)| fold(&name[from..to]))
        .collect();
    if wanted.is_empty() {
        return None;
    }
    let words = word_ranges(text);
    let folded: Vec<String> = words
        .iter()
        .map(|&(from, to)| fold(&text[from..to]))
        .collect();
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut index = 0;
    let mut found = false;
    while index + wanted.len() <= words.len() {
        if folded[index..index + wanted.len()] == wanted[..] {
            let (from, _) = words[index];
            let (_, to) = words[index + wanted.len() - 1];
            out.push_str(&text[last..from]);
            out.push_str("___");
            last = to;
            index += wanted.len();
            found = true;
        } else {
            index += 1;
        }
    }
    out.push_str(&text[last..]);
    found.then_some(out)
}

/// A run of marked text in an inline, bold or italic (a term the author
/// points at) or code, with the plain text on either side of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    pub text: String,
    pub code: bool,
    pub before: String,
    pub after: String,
}

/// The marked runs of an inline in order: adjacent bold and italic spans
/// join into one run; a code span is a run of its own.
pub fn marked_runs(inline: &crate::lesson::Inline) -> Vec<Marked> {
    let pieces: Vec<(&str, u8)> = inline
        .spans
        .iter()
        .map(|span| {
            let text = if span.line_break {
                " "
            } else {
                span.text.as_str()
            };
            let mark = if span.line_break {
                0
            } else if span.code {
                2
            } else if span.bold || span.emphasis {
                1
            } else {
                0
            };
            (text, mark)
        })
        .collect();
    let mut runs = Vec::new();
    let mut index = 0;
    while index < pieces.len() {
        let mark = pieces[index].1;
        if mark == 0 {
            index += 1;
            continue;
        }
        let mut end = index + 1;
        while mark == 1 && end < pieces.len() && pieces[end].1 == 1 {
            end += 1;
        }
        let joined = |range: &[(&str, u8)]| {
            crate::lesson::collapse_whitespace(
                &range.iter().map(|(text, _)| *text).collect::<String>(),
            )
        };
        let text = joined(&pieces[index..end]);
        if !text.is_empty() {
            runs.push(Marked {
                text,
                code: mark == 2,
                before: joined(&pieces[..index]),
                after: joined(&pieces[end..]),
            });
        }
        index = end;
    }
    runs
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

/// The shortest tail of `candidate` whose words spell `acronym`'s letters in
/// order, the first letter starting a word; at least two words.
pub fn long_form(acronym: &str, candidate: &str) -> Option<String> {
    let short: Vec<char> = acronym
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let long: Vec<char> = candidate.chars().collect();
    let mut short_index = short.len();
    let mut long_index = long.len();
    while short_index > 0 {
        short_index -= 1;
        let wanted = *short.get(short_index)?;
        loop {
            if long_index == 0 {
                return None;
            }
            long_index -= 1;
            let c = long.get(long_index)?.to_lowercase().next()?;
            let word_start = long_index == 0
                || long
                    .get(long_index - 1)
                    .is_some_and(|p| !p.is_alphanumeric());
            if c == wanted && (short_index > 0 || word_start) {
                break;
            }
        }
    }
    let result: String = long.get(long_index..)?.iter().collect();
    let result = result.trim().trim_end_matches(['.', ',']).to_string();
    // Long forms are English words, and do not repeat the acronym or the
    // acronym it extends (`GPLv2`: `GPL version 2` spells nothing out).
    let english = result.chars().all(|c| c.is_ascii() && c != '(' && c != ')');
    let repeats = result.split(|c: char| !c.is_alphanumeric()).any(|word| {
        word == acronym || (is_acronym(word) && word.len() >= 2 && acronym.starts_with(word))
    });
    (word_count(&result) >= 2 && english && !repeats).then_some(result)
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
        let outside = crate::lesson::collapse_whitespace(&format!(
            "{}{}",
            &synonym[..start],
            &synonym[end..]
        ));
        forms.push(outside);
        // `height (H)`: a one-letter symbol is no translation on its own.
        if inner.chars().count() > 1 {
            forms.push(inner.to_string());
        }
    }
    let mut variants = Vec::new();
    for form in &forms {
        variants.extend(slash_variants(form));
    }
    forms.extend(variants);
    forms.retain(|form| !form.is_empty());
    forms
}

/// `database performance tuner/optimizer` → both words in turn; `QA/QC` or
/// `TCP/IP` name one thing, so neither half alone is an answer.
fn slash_variants(form: &str) -> Vec<String> {
    let words: Vec<&str> = form.split(' ').collect();
    let Some(index) = words.iter().position(|word| {
        word.contains('/') && !word.starts_with('/') && !word.ends_with('/') && !is_acronym(word)
    }) else {
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

/// Drops parenthetical notes, keeping acronyms `(LAN)` and the expansions
/// of an acronym `EC2 (Elastic Compute Cloud)`.
pub fn without_notes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (start, end) in paren_groups(text) {
        let inner = text[start + 1..end - 1].trim();
        let before = text[..start].trim_end();
        let token_before = before.rsplit(' ').next().unwrap_or("");
        out.push_str(&text[last..start]);
        let spelled = (is_acronym(inner) && long_form(inner, before).is_some())
            || (is_acronym(token_before) && long_form(token_before, inner).is_some());
        if spelled {
            out.push_str(&text[start..end]);
        }
        last = end;
    }
    out.push_str(&text[last..]);
    crate::lesson::collapse_whitespace(&out)
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
    fn folding_by_table_agrees_with_decomposing() {
        assert_eq!(fold("Đồ Thị İ ẞ Ǆ ĳ"), "do thi i ß ǆ ĳ");
        for (start, end) in LATIN_BLOCKS {
            for c in (start..end).filter_map(char::from_u32) {
                let mut slow = String::new();
                fold_char_into(c, &mut slow);
                assert_eq!(fold(&c.to_string()), slow, "{c:?}");
            }
        }
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

    #[test]
    fn languages_are_told_by_their_letters() {
        for vietnamese in ["nhanh", "tin", "nghieng", "khuyu", "thuong", "the"] {
            assert!(is_vietnamese_syllable(vietnamese), "{vietnamese}");
        }
        for english in ["cell", "swap", "download", "key", "pass", "kernel"] {
            assert!(!is_vietnamese_syllable(english), "{english}");
        }
        assert!(looks_english("Worksheet"));
        assert!(looks_english("merge sort"));
        assert!(!looks_english("Ô"));
        assert!(!looks_english("tin hoc"));
        assert!(looks_vietnamese("Ô"));
        assert!(!looks_vietnamese("Cell"));
    }

    #[test]
    fn names_are_blanked_as_whole_words() {
        assert_eq!(
            blank_name("Nén là cách nén dữ liệu; nênh không.", "nén").as_deref(),
            Some("___ là cách ___ dữ liệu; nênh không.")
        );
        assert_eq!(blank_name("chip nhỏ", "IP"), None);
    }
}
