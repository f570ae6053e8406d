//! `ontap stats` on a terminal narrower than 80 columns: every line fits,
//! columns and bars give way, and no word is cut (a terminal that breaks a
//! long line breaks it anywhere, `Đến h`/`ạn`).

use crate::support::pty::{finish, spawn};
use crate::support::*;

/// A fixture with some history: answers right and wrong over a few days.
fn studied() -> Fixture {
    let fixture = Fixture::new();
    fixture
        .command(NOW, &["study"])
        .write_stdin("sai\nTạo văn bản\nsai\n")
        .stdout();
    fixture
        .command(NEXT_DAY, &["study"])
        .write_stdin("sai\nsai\nsai\n")
        .stdout();
    fixture
}

/// `ontap stats` with `COLUMNS` set (no terminal).
fn stats_at(fixture: &Fixture, columns: &str, lang: &str) -> String {
    let mut command = fixture.command(NEXT_DAY, &["stats", "--lang", lang]);
    command.env("COLUMNS", columns);
    command.stdout()
}

/// The words of `text`, bars, shades and figures left out (they are drawn
/// to the width: fewer weeks of the heat map start on another date).
fn words(text: &str) -> Vec<String> {
    let drawn = |word: &&str| {
        !word
            .chars()
            .any(|c| c.is_ascii_digit() || "█▏▎▍▌▋▊▉░▒▓·".contains(c))
    };
    text.split_whitespace()
        .filter(drawn)
        .map(String::from)
        .collect()
}

fn assert_fits_without_cut_words(narrow: &str, wide: &str, columns: usize) {
    use unicode_width::UnicodeWidthStr;
    for line in narrow.lines() {
        assert!(
            line.width() <= columns,
            "{} columns: {line}\n{narrow}",
            line.width()
        );
    }
    let whole = words(wide);
    for word in words(narrow) {
        assert!(whole.contains(&word), "“{word}” is cut or new:\n{narrow}");
    }
    assert!(!narrow.contains('…'), "{narrow}");
}

#[test]
fn stats_below_80_columns_drop_columns_and_break_between_words() {
    let fixture = studied();
    for lang in ["en", "vi"] {
        let wide = stats_at(&fixture, "80", lang);
        for columns in [60, 40] {
            let narrow = stats_at(&fixture, &columns.to_string(), lang);
            assert_fits_without_cut_words(&narrow, &wide, columns);
        }
        let narrow = stats_at(&fixture, "60", lang);
        let (relearn, due) = if lang == "en" {
            ("Relearn", "Due")
        } else {
            ("Học lại", "Đến hạn")
        };
        assert!(
            wide.contains(relearn) && !narrow.contains(relearn),
            "{narrow}"
        );
        assert!(narrow.contains(due), "{narrow}");
    }
}

#[test]
fn stats_on_a_60_column_terminal_fits_it() {
    let fixture = studied();
    let wide = stats_at(&fixture, "80", "vi");
    // The terminal is made 60 columns wide once the PTY is set up (which
    // sets its own size after the fork); the script waits for that size
    // before ontap runs.
    let script = r#"until [ "$(stty size)" = "40 60" ]; do sleep 0.01; done
exec "$0" stats --lang vi --color never"#;
    let mut command = fixture.command(NEXT_DAY, &[]).in_shell("sh", script);
    command.env_remove("COLUMNS");
    let mut pty = spawn(command);
    pty.get_process_mut().set_window_size(60, 40).unwrap();
    let screen = finish(&mut pty).replace("\r\n", "\n");
    assert!(screen.contains("Thống kê ontap"), "{screen}");
    assert_fits_without_cut_words(&screen, &wide, 60);
}
