//! "I was right" end to end: `:ok` on a real terminal and in piped mode
//! overrules a typed answer judged wrong or close, the log keeps the
//! judge's verdict in `override`, `ontap stats` lists it; and the judge
//! knows the acronyms of every deck of the library, not only the one
//! studied.

use crate::support::pty::*;
use crate::support::*;

/// A second deck of the library: a vocabulary row saying what AI is
/// (`| trí tuệ nhân tạo | AI - artificial intelligence |`).
const VOCABULARY_DECK: &str = r#"[deck]
id = "vocabulary"
title = "Vocabulary"
source = "vocabulary.md"
format = 1

[[card]]
id = "vocabulary/translate/vi-en/tri-tue-nhan-tao"
kind = "translate"
input = "text"
prompt = "trí tuệ nhân tạo"
answers = ["AI - artificial intelligence", "AI", "artificial intelligence"]
direction = "vi-en"
line = 1
hash = "000000000011"

[[card]]
id = "vocabulary/translate/en-vi/tri-tue-nhan-tao"
kind = "translate"
input = "text"
prompt = "AI - artificial intelligence"
answers = ["trí tuệ nhân tạo"]
direction = "en-vi"
line = 1
hash = "000000000012"
"#;

/// The fixture deck (two typed cards, then menus) beside the vocabulary deck.
fn library() -> Fixture {
    let fixture = Fixture::with_deck(&fixture_deck_with_two_typed_cards());
    std::fs::write(fixture.decks_dir().join("vocabulary.toml"), VOCABULARY_DECK).unwrap();
    fixture
}

#[test]
fn ok_on_a_terminal_overrules_at_a_typed_prompt_and_from_a_menu() {
    let fixture = library();
    let mut command = fixture.command(NOW, &["study", "fixture", "--color", "never"]);
    command.no_color();
    let mut pty = spawn(command);
    expect(&mut pty, "AI tạo sinh");
    expect(&mut pty, "Answer");
    send(&mut pty, "Generative A.I. model\r");
    expect(&mut pty, "Wrong.");
    expect(&mut pty, "Were you right? Type :ok at the next prompt");
    expect(&mut pty, "Large language model");
    expect(&mut pty, "Answer");
    send(&mut pty, ":ok\r");
    expect(&mut pty, "Counted as correct: Generative A.I. model");
    expect(&mut pty, "Next review in");
    // The question on screen is asked again.
    expect(&mut pty, "Large language model");
    expect(&mut pty, "Answer");
    send(&mut pty, "mô hình học máy\r");
    expect(&mut pty, "Wrong.");
    expect(&mut pty, "MidJourney thuộc nhóm nào?");
    // Options, undo, then "I was right".
    expect(&mut pty, "Undo the last answer");
    expect(&mut pty, "I was right: count the last answer correct");
    send(&mut pty, &DOWN.repeat(4));
    send(&mut pty, ENTER);
    expect(&mut pty, "Counted as correct: mô hình học máy");
    expect(&mut pty, "MidJourney thuộc nhóm nào?");
    let menu = expect(&mut pty, "Undo the last answer");
    let index = option_index(&menu, &CATEGORIES, "Tạo hình ảnh");
    send(&mut pty, &DOWN.repeat(index));
    send(&mut pty, ENTER);
    expect(&mut pty, "Correct!");
    // A choice is not overruled: its menu has no such entry.
    let menu = expect(&mut pty, "Undo the last answer");
    assert!(!menu.contains("I was right"), "{menu}");
    send(&mut pty, "q");
    let rest = finish(&mut pty);
    assert!(
        rest.contains("Session over: 3 answered · 3 correct · 0 close · 0 wrong"),
        "{rest}"
    );
    let reviews = fixture.reviews();
    let logged: Vec<(&str, &str, &str)> = reviews
        .iter()
        .map(|r| {
            (
                field(r, "verdict"),
                field(r, "override"),
                field(r, "answer"),
            )
        })
        .collect();
    assert_eq!(
        logged,
        [
            ("correct", "wrong", "Generative A.I. model"),
            ("correct", "wrong", "mô hình học máy"),
            ("correct", "", "Tạo hình ảnh"),
        ]
    );
    assert!(reviews.iter().all(|r| r["rating"].as_integer() == Some(3)));
}

#[test]
fn ok_in_piped_mode_and_the_library_s_acronyms() {
    let fixture = library();
    let mut session = Piped::spawn(fixture.command(NOW, &["study", "fixture"]));
    session.wait_for("AI tạo sinh");
    // The vocabulary deck, not the one studied, says what AI is.
    session.send("Generative Artificial Intelligence\n");
    session.wait_for("Correct!");
    // Shown the lesson's way, without calling the answer a mistake.
    session.wait_for("As the lesson writes it: Generative AI");
    session.wait_for("Large language model");
    session.send("mo hinh ngon ngu lon\n");
    session.wait_for("Almost!");
    session.wait_for("  :ok) I was right: count the last answer correct");
    session.wait_for("  ok) ✓ I was right: count the last answer correct");
    session.send(":ok\n");
    session.wait_for("Counted as correct: mo hinh ngon ngu lon");
    session.send("Tạo hình ảnh\n");
    session.wait_for("ChatGPT thuộc nhóm nào?");
    // Nothing left to overrule: said so, and the question stays.
    session.send(":ok\n");
    session.wait_for("There is no wrong or close answer to overrule.");
    assert!(session.finish(true).success());
    let reviews = fixture.reviews();
    let logged: Vec<(&str, &str)> = reviews
        .iter()
        .map(|r| (field(r, "verdict"), field(r, "override")))
        .collect();
    assert_eq!(
        logged,
        [("correct", ""), ("correct", "close"), ("correct", "")]
    );

    let text = fixture.command(NEXT_DAY, &["stats"]).stdout();
    assert!(text.contains("Overruled (“I was right”)"), "{text}");
    // Too long for one row of 80 columns: the detail goes under the prompt.
    assert!(
        text.contains(
            "  1× Large language model\n       “mo hinh ngon ngu lon” judged close → Mô hình ngôn ngữ lớn\n"
        ),
        "{text}"
    );
    let json = fixture.command(NEXT_DAY, &["stats", "--json"]).stdout();
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let overruled = &json["overall"]["overruled"];
    assert_eq!(overruled.as_array().map(Vec::len), Some(1), "{json}");
    assert_eq!(overruled[0]["judged"], "close");
    assert_eq!(overruled[0]["typed"], "mo hinh ngon ngu lon");
    assert_eq!(
        overruled[0]["card"],
        "fixture/translate/en-vi/mo-hinh-ngon-ngu-lon"
    );
}

#[test]
fn o_after_the_last_question_overrules_it_before_the_summary() {
    let fixture = library();
    let args = ["quiz", "fixture", "--kind", "translate", "-n", "1"];
    let mut session = Piped::spawn(fixture.command(NOW, &args));
    session.wait_for("Answer");
    session.send("nonsense\n");
    session.wait_for("Wrong.");
    session.wait_for("o: I was right");
    session.send("o\n");
    session.wait_for("Counted as correct: nonsense");
    // Asked again, without the offer this time.
    session.wait_for("That was the last question. Enter: summary · u: undo the last answer:");
    session.send("\n");
    session.wait_for("Score: 1/1");
    assert!(session.finish(true).success());
    let reviews = fixture.reviews();
    assert_eq!(reviews.len(), 1);
    assert_eq!(
        (
            field(&reviews[0], "verdict"),
            field(&reviews[0], "override")
        ),
        ("correct", "wrong")
    );
    assert_eq!(field(&reviews[0], "mode"), "quiz");
}
