//! `ontap study` on a real terminal: keystrokes in, screen and reviews.toml checked.

use crate::support::pty::*;
use crate::support::*;

#[test]
fn study_on_a_terminal_judges_typed_answers_and_menus() {
    // Two typed cards in a row: the fixture's en-vi card is the reverse of
    // its vi-en card, so it waits for the next day.
    let fixture = Fixture::with_deck(&fixture_deck_with_two_typed_cards());
    let mut command = fixture.command(NOW, &["study", "--color", "never"]);
    command.no_color();
    let mut pty = spawn(command);
    expect(&mut pty, "1/5 · due 0 · new 5");
    expect(&mut pty, "AI tạo sinh");
    expect(&mut pty, "Answer");
    send(&mut pty, "Generative AI\r");
    expect(&mut pty, "Correct!");
    expect(&mut pty, "Next review in");
    expect(&mut pty, "Translate into Vietnamese:");
    expect(&mut pty, "Answer");
    send(&mut pty, "không biết\r");
    expect(&mut pty, "Wrong.");
    expect(&mut pty, "Right answer: Mô hình ngôn ngữ lớn");
    let screen = expect(&mut pty, "MidJourney thuộc nhóm nào?");
    let _ = screen;
    let options = ["Tạo văn bản", "Tạo hình ảnh", "Tạo âm thanh"];
    let menu = expect(&mut pty, "Undo the last answer");
    let index = option_index(&menu, &options, "Tạo hình ảnh");
    send(&mut pty, &DOWN.repeat(index));
    send(&mut pty, ENTER);
    expect(&mut pty, "Correct!");
    expect(&mut pty, "ChatGPT thuộc nhóm nào?");
    expect(&mut pty, "Undo the last answer");
    send(&mut pty, "q");
    let rest = finish(&mut pty);
    assert!(
        rest.contains("Session over: 3 answered · 2 correct · 0 close · 1 wrong"),
        "{rest}"
    );
    assert!(
        rest.contains("Large language model → Mô hình ngôn ngữ lớn (you answered: không biết)"),
        "{rest}"
    );
    assert!(!has_colour(&rest), "{rest:?}");
    let reviews = fixture.reviews();
    let verdicts: Vec<&str> = reviews.iter().map(|r| field(r, "verdict")).collect();
    assert_eq!(verdicts, ["correct", "wrong", "correct"]);
    assert_eq!(field(&reviews[2], "answer"), "Tạo hình ảnh");
}

#[test]
fn telex_input_arrives_intact() {
    // An input method rebuilding a syllable sends backspaces and the new
    // text in one write: "tao" + "j" becomes "\x7f\x7fạo" (ao → ạo).
    let fixture = Fixture::new();
    let mut pty = spawn(fixture.command(NOW, &["study", "--direction", "en-vi"]));
    expect(&mut pty, "Translate into Vietnamese:");
    expect(&mut pty, "Answer");
    send(&mut pty, "AI tao");
    expect(&mut pty, "AI tao");
    send(&mut pty, "\x7f\x7fạo");
    expect(&mut pty, "ạo");
    send(&mut pty, " sinhh");
    expect(&mut pty, "sinhh");
    send(&mut pty, "\x7f\x7f\x7f\x7f\x7finh\x7f\x7f\x7fsinh\r");
    expect(&mut pty, "Correct!");
    expect(&mut pty, "Undo the last answer");
    send(&mut pty, "q");
    finish(&mut pty);
    let reviews = fixture.reviews();
    assert_eq!(reviews.len(), 1);
    assert_eq!(field(&reviews[0], "answer"), "AI tạo sinh");
    assert_eq!(field(&reviews[0], "verdict"), "correct");
}

#[test]
fn ctrl_c_ends_the_session_with_its_summary_and_the_cursor_back() {
    // A second typed card right after the first (see `ctrl_c_in_a_menu_too`).
    let fixture = Fixture::with_deck(&fixture_deck_with_two_typed_cards());
    let mut pty = spawn(fixture.command(NOW, &["study"]));
    expect(&mut pty, "Answer");
    send(&mut pty, "Generative AI\r");
    expect(&mut pty, "Correct!");
    expect(&mut pty, "Answer");
    send(&mut pty, "\x03");
    let rest = finish(&mut pty);
    assert!(
        rest.contains("Session over: 1 answered · 1 correct"),
        "{rest}"
    );
    assert!(
        rest.contains("\x1b[?25h"),
        "cursor not shown again: {rest:?}"
    );
    assert_eq!(fixture.reviews().len(), 1);
}

#[test]
fn ctrl_c_in_a_menu_too() {
    let fixture = Fixture::new();
    let mut pty = spawn(fixture.command(NOW, &["study", "--direction", "vi-en"]));
    expect(&mut pty, "Answer");
    send(&mut pty, "Generative AI\r");
    expect(&mut pty, "MidJourney");
    expect(&mut pty, "Undo the last answer");
    send(&mut pty, "\x03");
    let rest = finish(&mut pty);
    assert!(rest.contains("Session over: 1 answered"), "{rest}");
    assert!(
        rest.contains("\x1b[?25h"),
        "cursor not shown again: {rest:?}"
    );
}

#[test]
fn undo_from_the_menu_and_from_the_prompt() {
    let fixture = Fixture::new();
    let mut pty = spawn(fixture.command(NOW, &["study", "--direction", "vi-en"]));
    expect(&mut pty, "Answer");
    send(&mut pty, "sai\r");
    expect(&mut pty, "Wrong.");
    let menu = expect(&mut pty, "Undo the last answer");
    let options = ["Tạo văn bản", "Tạo hình ảnh", "Tạo âm thanh"];
    let _ = option_index(&menu, &options, "Tạo hình ảnh");
    // The undo entry comes after the three options.
    send(&mut pty, &DOWN.repeat(3));
    send(&mut pty, ENTER);
    expect(&mut pty, "Undid the answer to: AI tạo sinh");
    expect(&mut pty, "Answer");
    send(&mut pty, "Generative AI\r");
    expect(&mut pty, "Correct!");
    expect(&mut pty, "Undo the last answer");
    send(&mut pty, "q");
    finish(&mut pty);
    let reviews = fixture.reviews();
    assert_eq!(reviews.len(), 1, "{reviews:?}");
    assert_eq!(field(&reviews[0], "verdict"), "correct");
}

#[test]
fn colour_on_a_terminal_unless_no_color() {
    let fixture = Fixture::with_deck(&fixture_deck_with_two_typed_cards());
    let mut pty = spawn(fixture.command(NOW, &["study"]));
    expect(&mut pty, "Answer");
    send(&mut pty, "Generative AI\r");
    let screen = expect(&mut pty, "Next review");
    assert!(has_colour(&screen), "{screen:?}");
    // Ctrl-C once the next prompt waits for keys.
    expect(&mut pty, "Answer");
    send(&mut pty, "\x03");
    finish(&mut pty);

    let fixture = Fixture::with_deck(&fixture_deck_with_two_typed_cards());
    let mut command = fixture.command(NOW, &["study"]);
    command.no_color();
    let mut pty = spawn(command);
    expect(&mut pty, "Answer");
    send(&mut pty, "Generative AI\r");
    let screen = expect(&mut pty, "Next review");
    assert!(!has_colour(&screen), "{screen:?}");
    expect(&mut pty, "Answer");
    send(&mut pty, "\x03");
    let rest = finish(&mut pty);
    assert!(!has_colour(&rest), "{rest:?}");
}

#[test]
fn flip_mode_on_a_terminal() {
    let fixture = Fixture::new();
    let mut pty = spawn(fixture.command(NOW, &["study", "--flip"]));
    expect(&mut pty, "Press Enter to show the answer");
    send(&mut pty, ENTER);
    expect(&mut pty, "Answer: Generative AI");
    let menu = expect(&mut pty, "Easy (");
    for grade in ["Again (", "Hard (", "Good ("] {
        assert!(menu.contains(grade), "{menu}");
    }
    // Good is the third option.
    send(&mut pty, &DOWN.repeat(2));
    send(&mut pty, ENTER);
    expect(&mut pty, "Next review in");
    expect(&mut pty, "Press Enter to show the answer");
    send(&mut pty, "\x1b");
    let rest = finish(&mut pty);
    assert!(rest.contains("Session over: 1 answered"), "{rest}");
    let reviews = fixture.reviews();
    assert_eq!(
        reviews[0].get("rating").and_then(|r| r.as_integer()),
        Some(3)
    );
}

#[test]
fn telex_input_typed_quickly_arrives_intact() {
    // The same syllable rebuild with no pause: every key and the input
    // method's backspace-and-rebuild write arrive back to back.
    let fixture = Fixture::new();
    let mut pty = spawn(fixture.command(NOW, &["study", "--direction", "en-vi"]));
    expect(&mut pty, "Answer");
    for chunk in [
        "A",
        "I",
        " ",
        "t",
        "a",
        "o",
        "\x7f\x7fạo",
        " ",
        "s",
        "i",
        "n",
        "h",
        "\r",
    ] {
        send(&mut pty, chunk);
    }
    expect(&mut pty, "Correct!");
    expect(&mut pty, "Undo the last answer");
    send(&mut pty, "q");
    finish(&mut pty);
    let reviews = fixture.reviews();
    assert_eq!(field(&reviews[0], "answer"), "AI tạo sinh");
}

#[test]
fn escape_at_a_typed_answer_ends_the_session_with_its_summary_in_vietnamese() {
    let fixture = Fixture::with_deck(&fixture_deck_with_two_typed_cards());
    let mut command = fixture.command(NOW, &["study"]);
    command.locale("vi_VN.UTF-8");
    let mut pty = spawn(command);
    expect(&mut pty, "Dịch sang tiếng Anh:");
    expect(&mut pty, "Trả lời");
    send(&mut pty, "Generative AI\r");
    expect(&mut pty, "Đúng!");
    expect(&mut pty, "Dịch sang tiếng Việt:");
    expect(&mut pty, "Trả lời");
    // Half an answer, then Esc: nothing more is recorded.
    send(&mut pty, "Mô hình");
    expect(&mut pty, "Mô hình");
    send(&mut pty, "\x1b");
    let rest = finish(&mut pty);
    assert!(
        rest.contains("Kết thúc: đã trả lời 1 · đúng 1 · gần đúng 0 · sai 0"),
        "{rest}"
    );
    let reviews = fixture.reviews();
    assert_eq!(reviews.len(), 1);
    assert_eq!(field(&reviews[0], "answer"), "Generative AI");
}

#[test]
fn arrows_edit_a_typed_answer_in_the_middle() {
    let fixture = Fixture::new();
    let mut pty = spawn(fixture.command(NOW, &["study", "--direction", "en-vi"]));
    expect(&mut pty, "Answer");
    // "AI sinh", back over "sinh", insert "tạo " with a Telex rebuild.
    send(&mut pty, "AI sinh");
    expect(&mut pty, "AI sinh");
    send(&mut pty, &"\x1b[D".repeat(4));
    send(&mut pty, "tao");
    send(&mut pty, "\x7f\x7fạo ");
    send(&mut pty, "\x1b[F\r");
    expect(&mut pty, "Correct!");
    send(&mut pty, "\x03");
    finish(&mut pty);
    let reviews = fixture.reviews();
    assert_eq!(field(&reviews[0], "answer"), "AI tạo sinh");
}

#[test]
fn long_prompts_wrap_between_words() {
    let deck = r#"[deck]
id = "long"
title = "Long"
source = "long.md"
format = 1

[[card]]
id = "long/translate/vi-en/meo"
kind = "translate"
input = "text"
prompt = "mèo"
answers = ["cat"]
direction = "vi-en"
line = 1
hash = "000000000001"

[[card]]
id = "long/translate/vi-en/dem"
kind = "translate"
input = "text"
prompt = "một hai ba bốn năm sáu bảy tám chín mười"
answers = ["counting"]
direction = "vi-en"
line = 2
hash = "000000000002"
"#;
    let fixture = Fixture::with_deck(deck);
    let mut pty = spawn(fixture.command(NOW, &["study", "--color", "never"]));
    pty.get_process_mut().set_window_size(20, 30).unwrap();
    expect(&mut pty, "Answer");
    // The size is read for every line: the second card is drawn 20 wide.
    send(&mut pty, "cat\r");
    expect(&mut pty, "Correct!");
    let screen = expect(&mut pty, "Answer");
    assert!(
        screen.contains("một hai ba bốn năm\r\nsáu bảy tám chín\r\nmười"),
        "{screen:?}"
    );
    send(&mut pty, "\x1b");
    finish(&mut pty);
}

/// `ontap study | head -n 5` on a terminal: the menus and the line editor
/// are on the terminal, the lines go to `head`, which soon goes away. The
/// session then ends quietly (no panic) with the answer given saved.
#[test]
fn a_closed_stdout_on_a_terminal_ends_the_session_quietly() {
    let fixture = Fixture::new();
    let command = fixture.command(NOW, &[]).in_shell(
        "bash",
        "set -o pipefail; \"$0\" study | head -n 5; echo \"status=$?\"",
    );
    let mut pty = spawn(command);
    // The first question's five lines pass through `head`, then it exits;
    // the prompt is on the terminal.
    expect(&mut pty, "Answer");
    send(&mut pty, "Generative AI\r");
    // Should the session still be running, Esc ends it.
    send(&mut pty, "\x1b");
    let rest = finish(&mut pty);
    assert!(rest.contains("status=0"), "{rest}");
    assert!(!rest.contains("panicked"), "{rest}");
    assert_eq!(fixture.reviews().len(), 1);
}

/// A menu on a terminal too narrow for its options: each item is cut to one
/// row (a wrapped item would leave rows behind when the menu redraws), and
/// the pick is printed whole.
#[test]
fn menu_items_wider_than_the_terminal_are_cut_to_one_row() {
    let deck = r#"[deck]
id = "wide"
title = "Wide"
source = "wide.md"
format = 1

[[card]]
id = "wide/translate/vi-en/meo"
kind = "translate"
input = "text"
prompt = "mèo"
answers = ["cat"]
direction = "vi-en"
line = 1
hash = "000000000001"

[[card]]
id = "wide/category/x"
kind = "category"
input = "choice"
prompt = "X thuộc nhóm nào?"
answers = ["Nhóm thứ nhất có một cái tên rất dài"]
choices = ["Nhóm thứ nhất có một cái tên rất dài", "Nhóm thứ hai cũng có tên dài không kém"]
line = 2
hash = "000000000002"
"#;
    let fixture = Fixture::with_deck(deck);
    let mut pty = spawn(fixture.command(NOW, &["study", "--color", "never"]));
    expect(&mut pty, "Answer");
    pty.get_process_mut().set_window_size(24, 30).unwrap();
    send(&mut pty, "cat\r");
    expect(&mut pty, "X thuộc nhóm nào?");
    let menu = expect(&mut pty, "Undo");
    assert!(!menu.contains("rất dài"), "{menu:?}");
    assert!(!menu.contains("dài không kém"), "{menu:?}");
    assert_eq!(menu.matches('…').count(), 2, "{menu:?}");
    send(&mut pty, ENTER);
    let after = expect(&mut pty, "Next review in").replace("\r\n", " ");
    assert!(
        after.contains("› Nhóm thứ nhất có một cái tên rất dài")
            || after.contains("› Nhóm thứ hai cũng có tên dài không kém"),
        "{after:?}"
    );
    send(&mut pty, "\x1b");
    finish(&mut pty);
}
