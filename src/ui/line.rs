//! The one-line editor for typed answers on a terminal. dialoguer's `Input`
//! ignores Esc, so typed answers are read key by key here: printable text
//! (several characters at once when an input method rebuilds a syllable),
//! Backspace/Delete, ←/→, Home/End, Ctrl-U/Ctrl-W, Enter to answer, Esc or
//! Ctrl-D on an empty line to quit, Ctrl-C to end the session.
//!
//! [`LineEditor`] is the pure state; [`render`] says how to redraw it, so
//! both are tested without a terminal.

use std::fmt::Write as _;

use dialoguer::console::Key;
use unicode_width::UnicodeWidthStr;

/// What a key did to the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Keep reading keys.
    Continue,
    /// Enter: the answer.
    Submit(String),
    /// Esc, or Ctrl-D on an empty line: leave the session.
    Cancel,
    /// Ctrl-C: leave the session.
    Interrupt,
}

/// The typed text and the cursor, as a position between characters.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct LineEditor {
    chars: Vec<char>,
    cursor: usize,
}

const CTRL_D: char = '\u{4}';
const CTRL_U: char = '\u{15}';
const CTRL_W: char = '\u{17}';

impl LineEditor {
    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    /// The text left of the cursor.
    pub fn before_cursor(&self) -> String {
        self.chars.iter().take(self.cursor).collect()
    }

    pub fn key(&mut self, key: Key) -> Edit {
        match key {
            Key::Enter => return Edit::Submit(self.text()),
            Key::Escape => return Edit::Cancel,
            Key::CtrlC => return Edit::Interrupt,
            Key::Char(CTRL_D) if self.chars.is_empty() => return Edit::Cancel,
            Key::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                self.chars.remove(self.cursor);
            }
            Key::Del | Key::Char(CTRL_D) if self.cursor < self.chars.len() => {
                self.chars.remove(self.cursor);
            }
            Key::ArrowLeft => self.cursor = self.cursor.saturating_sub(1),
            Key::ArrowRight => self.cursor = (self.cursor + 1).min(self.chars.len()),
            Key::Home => self.cursor = 0,
            Key::End => self.cursor = self.chars.len(),
            Key::Char(CTRL_U) => {
                self.chars.drain(..self.cursor);
                self.cursor = 0;
            }
            Key::Char(CTRL_W) => {
                let mut start = self.cursor;
                while start > 0 && self.chars.get(start - 1) == Some(&' ') {
                    start -= 1;
                }
                while start > 0 && self.chars.get(start - 1).is_some_and(|ch| *ch != ' ') {
                    start -= 1;
                }
                self.chars.drain(start..self.cursor);
                self.cursor = start;
            }
            Key::Char(ch) if !ch.is_control() => {
                self.chars.insert(self.cursor, ch);
                self.cursor += 1;
            }
            _ => {}
        }
        Edit::Continue
    }
}

/// The bytes that redraw `prompt` and the line on a terminal `columns`
/// wide, the terminal cursor being `cursor_row` rows below the prompt's
/// first row; returns them with the row the cursor ends on. The whole line
/// is drawn again each time, so whatever the terminal echoed between two
/// keys is wiped out, and a line longer than the terminal wraps correctly.
pub fn render(
    prompt: &str,
    prompt_width: usize,
    editor: &LineEditor,
    columns: usize,
    cursor_row: usize,
) -> (String, usize) {
    let columns = columns.max(1);
    let text = editor.text();
    let mut out = String::new();
    if cursor_row > 0 {
        let _ = write!(out, "\x1b[{cursor_row}A");
    }
    out.push_str("\r\x1b[J");
    out.push_str(prompt);
    out.push_str(&text);
    let end = prompt_width + text.width();
    if end.is_multiple_of(columns) {
        // The terminal waits at the last column before wrapping: move to
        // the next row so the arithmetic below holds.
        out.push_str("\r\n");
    }
    let end_row = end / columns;
    let target = prompt_width + editor.before_cursor().width();
    let (target_row, target_column) = (target / columns, target % columns);
    if end_row > target_row {
        let _ = write!(out, "\x1b[{}A", end_row - target_row);
    }
    out.push('\r');
    if target_column > 0 {
        let _ = write!(out, "\x1b[{target_column}C");
    }
    (out, target_row)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(keys: &[Key]) -> (LineEditor, Edit) {
        let mut editor = LineEditor::default();
        let mut last = Edit::Continue;
        for key in keys {
            last = editor.key(key.clone());
        }
        (editor, last)
    }

    fn chars(text: &str) -> Vec<Key> {
        text.chars()
            .map(|ch| match ch {
                '\u{7f}' => Key::Backspace,
                ch => Key::Char(ch),
            })
            .collect()
    }

    #[test]
    fn telex_rebuilds_arrive_intact() {
        // "tao" + "j": the input method erases "ao" and sends "ạo".
        let mut keys = chars("AI tao\u{7f}\u{7f}ạo sinhh\u{7f}");
        keys.push(Key::Enter);
        let (_, edit) = typed(&keys);
        assert_eq!(edit, Edit::Submit("AI tạo sinh".into()));
    }

    #[test]
    fn editing_in_the_middle() {
        let mut keys = chars("mo hnh");
        keys.extend([Key::ArrowLeft, Key::ArrowLeft]);
        keys.extend(chars("ì"));
        keys.extend([Key::Home, Key::Del, Key::Char('m'), Key::End]);
        keys.extend(chars("\u{7f}h"));
        let (editor, _) = typed(&keys);
        assert_eq!(editor.text(), "mo hình");
        let (editor, _) = typed(&[&chars("một hai ba")[..], &[Key::Char(CTRL_W)]].concat());
        assert_eq!(editor.text(), "một hai ");
        let (editor, _) = typed(&[&chars("một hai")[..], &[Key::Char(CTRL_U)]].concat());
        assert_eq!(editor.text(), "");
    }

    #[test]
    fn escape_ctrl_c_and_ctrl_d_leave() {
        assert_eq!(typed(&chars("abc")).1, Edit::Continue);
        assert_eq!(
            typed(&[&chars("abc")[..], &[Key::Escape]].concat()).1,
            Edit::Cancel
        );
        assert_eq!(typed(&[Key::CtrlC]).1, Edit::Interrupt);
        assert_eq!(typed(&[Key::Char(CTRL_D)]).1, Edit::Cancel);
        // Ctrl-D with text deletes under the cursor, as in a shell.
        let (editor, edit) = typed(&[&chars("ab")[..], &[Key::Home, Key::Char(CTRL_D)]].concat());
        assert_eq!((editor.text().as_str(), edit), ("b", Edit::Continue));
        // Control characters never reach the line.
        assert_eq!(typed(&chars("a\u{7}\u{1b}b")).0.text(), "ab");
    }

    #[test]
    fn render_places_the_cursor_on_wrapped_lines() {
        let editor = typed(&chars("abcdefghij")).0;
        // "> " + 10 characters on a 6-column terminal: two full rows, the
        // cursor after the last character, at the start of a third row.
        let (out, row) = render("> ", 2, &editor, 6, 0);
        assert!(out.starts_with("\r\x1b[J> abcdefghij\r\n"), "{out:?}");
        assert_eq!(row, 2);
        // Redrawn from that row: up two rows first; the cursor goes
        // before "fghij", column 1 of the second row.
        let mut left = editor.clone();
        for _ in 0..5 {
            left.key(Key::ArrowLeft);
        }
        let (out, row) = render("> ", 2, &left, 6, 2);
        assert!(out.starts_with("\x1b[2A\r\x1b[J"), "{out:?}");
        assert!(out.ends_with("\x1b[1A\r\x1b[1C"), "{out:?}");
        assert_eq!(row, 1);
        // Vietnamese letters are one column each.
        let (out, row) = render("> ", 2, &typed(&chars("ạo")).0, 80, 0);
        assert!(out.ends_with("\r\x1b[4C"), "{out:?}");
        assert_eq!(row, 0);
    }
}
