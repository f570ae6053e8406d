//! A fast reader for the plain one-line `key = value` TOML that ontap writes
//! (strings, integers, floats, offset date-times), because the full TOML
//! parser dominates start-up and log reading. It accepts a subset of TOML
//! and says `None` to anything else; callers then fall back to the `toml`
//! crate, which stays the judge of what is valid and reports errors.

use crate::clock::{self, Timestamp};

#[derive(Debug, Clone, PartialEq)]
pub enum Scalar {
    Str(String),
    Int(i64),
    Float(f64),
    Time(Timestamp),
}

impl Scalar {
    pub fn into_string(self) -> Option<String> {
        match self {
            Scalar::Str(text) => Some(text),
            _ => None,
        }
    }

    pub fn int(&self) -> Option<i64> {
        match self {
            Scalar::Int(value) => Some(*value),
            _ => None,
        }
    }

    pub fn float(&self) -> Option<f64> {
        match self {
            Scalar::Float(value) => Some(*value),
            _ => None,
        }
    }

    pub fn time(&self) -> Option<Timestamp> {
        match self {
            Scalar::Time(value) => Some(*value),
            _ => None,
        }
    }
}

/// `key = value` with a bare key and a scalar value, nothing else on the line.
pub fn key_value(line: &str) -> Option<(&str, Scalar)> {
    let (key, value) = line.split_once('=')?;
    let key = key.trim_matches([' ', '\t']);
    let bare = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    if key.is_empty() || !key.chars().all(bare) {
        return None;
    }
    Some((key, scalar(value.trim_matches([' ', '\t']))?))
}

pub fn scalar(text: &str) -> Option<Scalar> {
    match text.as_bytes().first()? {
        b'"' => {
            let (value, rest) = basic_string(text)?;
            rest.is_empty().then_some(Scalar::Str(value))
        }
        b'0'..=b'9' | b'-' => {
            if looks_like_datetime(text) {
                clock::parse(text).ok().map(Scalar::Time)
            } else if text.contains(['.', 'e', 'E']) {
                float(text).map(Scalar::Float)
            } else {
                integer(text).map(Scalar::Int)
            }
        }
        _ => None,
    }
}

/// A TOML basic string at the start of `text`: its value and what follows.
pub fn basic_string(text: &str) -> Option<(String, &str)> {
    let inner = text.strip_prefix('"')?;
    let mut value = String::with_capacity(inner.len());
    let mut chars = inner.char_indices();
    while let Some((index, c)) = chars.next() {
        match c {
            '"' => return Some((value, inner.get(index + 1..)?)),
            '\\' => {
                let (_, escape) = chars.next()?;
                match escape {
                    'b' => value.push('\u{8}'),
                    't' => value.push('\t'),
                    'n' => value.push('\n'),
                    'f' => value.push('\u{c}'),
                    'r' => value.push('\r'),
                    '"' => value.push('"'),
                    '\\' => value.push('\\'),
                    'u' | 'U' => {
                        let digits = if escape == 'u' { 4 } else { 8 };
                        let mut code = 0u32;
                        for _ in 0..digits {
                            code = code * 16 + chars.next()?.1.to_digit(16)?;
                        }
                        value.push(char::from_u32(code)?);
                    }
                    _ => return None,
                }
            }
            c if c.is_control() && c != '\t' => return None,
            c => value.push(c),
        }
    }
    None
}

fn looks_like_datetime(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() >= 20
        && bytes.get(4) == Some(&b'-')
        && bytes.get(7) == Some(&b'-')
        && matches!(bytes.get(10), Some(b'T' | b't' | b' '))
        && bytes.get(13) == Some(&b':')
}

fn digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// An integer as TOML writes it plainly: optional minus, no leading zero.
fn integer(text: &str) -> Option<i64> {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    if !digits(unsigned) || (unsigned.len() > 1 && unsigned.starts_with('0')) {
        return None;
    }
    text.parse().ok()
}

/// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?` with a fraction or an exponent.
fn float(text: &str) -> Option<f64> {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(index) => (&unsigned[..index], Some(&unsigned[index + 1..])),
        None => (unsigned, None),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (mantissa, None),
    };
    let whole_ok = digits(whole) && (whole.len() == 1 || !whole.starts_with('0'));
    let fraction_ok = fraction.is_none_or(digits);
    let exponent_ok = exponent
        .is_none_or(|exponent| digits(exponent.strip_prefix(['+', '-']).unwrap_or(exponent)));
    if !(whole_ok && fraction_ok && exponent_ok) || (fraction.is_none() && exponent.is_none()) {
        return None;
    }
    text.parse().ok()
}

/// A float as TOML text that reads back as exactly the same `f64`.
pub fn float_text(value: f64) -> String {
    if value.is_nan() {
        "nan".into()
    } else if value.is_infinite() {
        if value > 0.0 { "inf" } else { "-inf" }.into()
    } else {
        // Debug is the shortest text that round-trips, always with a `.` or
        // an exponent, both valid TOML.
        format!("{value:?}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_reading_agrees_with_the_toml_crate() {
        let lines = [
            r#"a = "plain""#,
            r#"a = "tab\t quote\" back\\ nl\n uni\u00e9 big\U0001F600 ạ""#,
            "a = 0",
            "a = -17",
            "a = 9223372036854775807",
            "a = 3.0",
            "a = -0.5",
            "a = 1e-7",
            "a = 2.5E+3",
            "a = 2026-11-28T09:00:00+07:00",
            "a = 2026-11-28T09:00:00.123456789Z",
            "a = 2026-11-28 09:00:00-05:30",
        ];
        for line in lines {
            let (key, fast) = key_value(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(key, "a");
            let table: toml::Table = toml::from_str(line).unwrap();
            let slow = &table["a"];
            let same = match (&fast, slow) {
                (Scalar::Str(a), toml::Value::String(b)) => a == b,
                (Scalar::Int(a), toml::Value::Integer(b)) => a == b,
                (Scalar::Float(a), toml::Value::Float(b)) => a == b,
                (Scalar::Time(a), toml::Value::Datetime(b)) => {
                    *a == clock::parse(&b.to_string()).unwrap()
                }
                _ => false,
            };
            assert!(same, "{line}: {fast:?} vs {slow:?}");
        }
    }

    #[test]
    fn anything_unusual_is_left_to_the_toml_crate() {
        for line in [
            "a = 07",
            "a = +1",
            "a = 1_000",
            "a = 1.",
            "a = .5",
            "a = 01.5",
            "a = inf",
            "a = 'literal'",
            r#"a = "unterminated"#,
            r#"a = "bad \q escape""#,
            r#"a = "x" # comment"#,
            "a.b = 1",
            "a = [1]",
            "a = 2026-11-28T09:00:00",
            "\"quoted key\" = 1",
            "a = true",
        ] {
            assert_eq!(key_value(line), None, "{line}");
        }
    }

    #[test]
    fn float_text_round_trips() {
        for value in [
            0.1,
            1.0,
            1e-7,
            123456.789,
            f64::MAX,
            f64::MIN_POSITIVE,
            -2.5,
        ] {
            let text = float_text(value);
            assert_eq!(scalar(&text), Some(Scalar::Float(value)), "{text}");
            let table: toml::Table = toml::from_str(&format!("a = {text}")).unwrap();
            assert_eq!(table["a"].as_float(), Some(value));
        }
    }
}
