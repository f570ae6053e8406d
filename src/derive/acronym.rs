//! Acronym cards from `Long Name (ACR)`, `ACR (Long Name)` and the
//! vocabulary convention `ACR - Long Name`: "GPT là viết tắt của gì?".
//!
//! The long form is found with the Schwartz–Hearst rule: the acronym's
//! letters must appear in order in the words before it (or in the
//! parentheses), its first letter starting a word; so `mạng cục bộ (LAN)`
//! or `Google Assistant (sẽ ngừng)` give no card.

use std::collections::HashSet;

use crate::deck::{CardKind, InputKind};
use crate::lesson::Lesson;

use super::text::{fold, is_acronym, paren_groups, slug, split_outside_parens, word_count};
use super::{Draft, content_sections, section_inlines};

pub fn extract(lesson: &Lesson, drafts: &mut Vec<Draft>) {
    let mut seen = HashSet::new();
    for section in content_sections(lesson) {
        for inline in section_inlines(section) {
            if inline.math {
                continue;
            }
            let text = inline.plain();
            if !text.contains('(') && !text.contains(" - ") {
                continue;
            }
            for (acronym, long) in find_acronyms(&text) {
                if !seen.insert(fold(&acronym)) {
                    continue;
                }
                drafts.push(
                    Draft::new(
                        CardKind::Acronym,
                        InputKind::Text,
                        slug(&acronym),
                        format!("{acronym} là viết tắt của gì?"),
                        vec![long],
                    )
                    .at(section, inline.line),
                );
            }
        }
    }
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
                found.push((inner.to_string(), long));
            }
        } else {
            let token = before.rsplit([' ', ',', '(']).next().unwrap_or("");
            if is_long_acronym(token)
                && !inner.contains([',', ':', ';'])
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
    is_acronym(token)
        && token.chars().filter(char::is_ascii_uppercase).count() >= 2
        && token.chars().filter(char::is_ascii_digit).count() <= 2
}

/// `ACR (The Long Name)`: the long form is the whole parenthesis, but for
/// a leading article.
fn starts_the_parenthesis(long: &str, inner: &str) -> bool {
    let skipped = inner.len().saturating_sub(long.len());
    let prefix = inner.get(..skipped).unwrap_or("").trim();
    prefix.is_empty() || matches!(prefix, "The" | "the" | "A" | "a" | "An" | "an")
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
    // Long forms are English words, and do not repeat the acronym.
    let english = result.chars().all(|c| c.is_ascii() && c != '(' && c != ')');
    let repeats = result
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| word == acronym);
    (word_count(&result) >= 2 && english && !repeats).then_some(result)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
