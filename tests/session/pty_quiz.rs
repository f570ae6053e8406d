//! `ontap quiz` on a real terminal: menus for categories, the score and the log.

use crate::support::pty::*;
use crate::support::*;

fn right_category(screen: &str) -> &'static str {
    let prompt = screen.rsplit("Question ").next().unwrap_or(screen);
    if prompt.contains("MidJourney") {
        "Tạo hình ảnh"
    } else if prompt.contains("ChatGPT") {
        "Tạo văn bản"
    } else {
        "Tạo âm thanh"
    }
}

#[test]
fn category_quiz_scores_what_the_log_holds() {
    let fixture = Fixture::new();
    let args = ["quiz", "--kind", "category", "-n", "3", "--seed", "11"];
    let mut pty = spawn(fixture.command(NOW, &args));
    let mut picked_right = 0;
    for question in 1..=3 {
        expect(&mut pty, &format!("Question {question}/3"));
        let screen = expect(&mut pty, "thuộc nhóm nào?");
        let menu = wait_for_menu(&mut pty);
        let right = right_category(&screen);
        // Answer the second question wrong on purpose.
        let wanted = if question == 2 {
            CATEGORIES.iter().find(|option| **option != right).unwrap()
        } else {
            picked_right += 1;
            right
        };
        let index = option_index(&menu, &CATEGORIES, wanted);
        send(&mut pty, &DOWN.repeat(index));
        send(&mut pty, ENTER);
        expect(&mut pty, if question == 2 { "Wrong." } else { "Correct!" });
    }
    expect(&mut pty, "That was the last question.");
    send(&mut pty, ENTER);
    let rest = finish(&mut pty);
    assert!(rest.contains(&format!("Score: {picked_right}/3")), "{rest}");
    assert!(rest.contains("Missed:"), "{rest}");
    let reviews = fixture.reviews();
    assert_eq!(reviews.len(), 3);
    assert!(reviews.iter().all(|review| field(review, "mode") == "quiz"));
    let right_in_log = reviews
        .iter()
        .filter(|review| field(review, "verdict") == "correct")
        .count();
    assert_eq!(right_in_log, picked_right);
}

#[test]
fn translations_are_typed_in_a_quiz() {
    // Three translation cards, two of them a pair: a quiz takes one of the pair.
    let fixture = Fixture::with_deck(&fixture_deck_with_two_typed_cards());
    let args = ["quiz", "--kind", "translate", "-n", "2", "--seed", "1"];
    let mut pty = spawn(fixture.command(NOW, &args));
    for _ in 0..2 {
        let screen = expect(&mut pty, "Answer");
        let answer = if screen.contains("Translate into English") {
            "Generative AI"
        } else if screen.contains("Large language model") {
            "Mô hình ngôn ngữ lớn"
        } else {
            "AI tạo sinh"
        };
        send(&mut pty, &format!("{answer}\r"));
        expect(&mut pty, "Correct!");
    }
    // The last answer can be undone before the summary: the question comes back.
    expect(&mut pty, "That was the last question.");
    send(&mut pty, "u");
    expect(&mut pty, "Undid the answer to:");
    let screen = expect(&mut pty, "Answer");
    assert!(screen.contains("Question 2/2"), "{screen}");
    send(&mut pty, "wrong\r");
    expect(&mut pty, "Wrong.");
    expect(&mut pty, "That was the last question.");
    send(&mut pty, ENTER);
    let rest = finish(&mut pty);
    assert!(rest.contains("Score: 1/2"), "{rest}");
    let verdicts: Vec<String> = fixture
        .reviews()
        .iter()
        .map(|review| field(review, "verdict").to_string())
        .collect();
    assert_eq!(verdicts, ["correct", "wrong"]);
}
