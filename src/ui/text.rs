//! Terminal text: the one home of the helpers that make deck text safe to
//! print and lay it out in columns (sanitize, wrap, fit, padding), used by
//! the session's prompters, `stats`, `class` and `decks` alike. Pure
//! functions on strings; widths are display columns.

use dialoguer::console::measure_text_width;
use unicode_width::UnicodeWidthStr;

/// Removes what could drive the terminal from deck text: escape sequences
/// (CSI, OSC and two-character ones), every other control character, and
/// the bidirectional overrides that reorder what is shown. Tabs and line
/// breaks become spaces.
pub fn sanitize(text: &str) -> String {
    strip_controls(text, false)
}

/// [`sanitize`] for the text of exported files, which may hold several
/// lines: tabs and line feeds stay (a carriage return goes, it could
/// overwrite what is already on a line when the file is printed).
pub fn sanitize_multiline(text: &str) -> String {
    strip_controls(text, true)
}

/// JSON text that prints safely: every character [`sanitize`] would drop
/// and JSON allows raw in a string (C1 controls, bidirectional overrides,
/// line and paragraph separators) is written as a `\uXXXX` escape, so the
/// data stays exact for programs. JSON has such characters only in strings.
pub fn json_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for ch in json.chars() {
        if (ch.is_control() && !matches!(ch, '\n' | '\t' | '\r')) || is_layout_control(ch) {
            let _ = std::fmt::Write::write_fmt(&mut out, format_args!("\\u{:04x}", u32::from(ch)));
        } else {
            out.push(ch);
        }
    }
    out
}

/// The bidirectional marks and overrides, and the Unicode line separators.
fn is_layout_control(ch: char) -> bool {
    matches!(
        ch,
        '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

fn strip_controls(text: &str, keep_lines: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\u{1b}' => match chars.next() {
                Some('[') => skip_csi(&mut chars),
                Some(']' | 'P' | 'X' | '^' | '_') => skip_string(&mut chars),
                _ => {}
            },
            // The one-character (C1) forms of CSI, and of OSC, DCS, SOS, PM, APC.
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            '\t' | '\n' if keep_lines => out.push(ch),
            '\r' if keep_lines => {}
            '\t' | '\n' | '\r' | '\u{2028}' | '\u{2029}' => out.push(' '),
            ch if is_layout_control(ch) => {}
            ch if ch.is_control() => {}
            ch => out.push(ch),
        }
    }
    out
}

/// A control sequence's parameters and intermediates, up to its final
/// byte, `@` to `~`.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars>) {
    for next in chars.by_ref() {
        if ('@'..='~').contains(&next) {
            break;
        }
    }
}

/// A control string (OSC, DCS, SOS, PM, APC), up to BEL or ST (`ESC \\` or C1 ST).
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars>) {
    while let Some(next) = chars.next() {
        if next == '\u{7}' || next == '\u{9c}' {
            break;
        }
        if next == '\u{1b}' {
            if chars.peek() == Some(&'\\') {
                chars.next();
            }
            break;
        }
    }
}

/// Breaks `line` at spaces so that no row is wider than `columns` (escape
/// sequences take no room); a word longer than a row is left whole for the
/// terminal to break. Spaces at the start are indentation, for every row.
pub fn wrap(line: &str, columns: usize) -> String {
    if columns == 0 || measure_text_width(line) <= columns {
        return line.to_string();
    }
    let indent = line.len() - line.trim_start_matches(' ').len();
    // An indentation as wide as the terminal would leave no room.
    let indent = if indent * 2 < columns { indent } else { 0 };
    let mut out = String::with_capacity(line.len() + 8);
    let mut row_width = 0;
    for (index, word) in line.split(' ').enumerate() {
        let width = measure_text_width(word);
        if index > 0 {
            if row_width > indent && row_width + 1 + width > columns {
                out.push('\n');
                out.push_str(&" ".repeat(indent));
                row_width = indent;
            } else {
                out.push(' ');
                row_width += 1;
            }
        }
        out.push_str(word);
        row_width += width;
    }
    out
}

/// `text` cut to `width` display columns, with an ellipsis when cut.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut cut = String::new();
    for character in text.chars() {
        let mut candidate = cut.clone();
        candidate.push(character);
        if candidate.width() + 1 > width {
            break;
        }
        cut = candidate;
    }
    cut.push('…');
    cut
}

pub fn pad_right(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

pub fn pad_left(text: &str, width: usize) -> String {
    format!("{}{text}", " ".repeat(width.saturating_sub(text.width())))
}
