//! Piped stdin: prompts on stdout, one answer per line of stdin.

use crate::support::*;
use predicates::prelude::*;

fn run(fixture: &Fixture, now: &str, args: &[&str], input: &str) -> String {
    fixture.command(now, args).write_stdin(input).stdout()
}

#[test]
fn a_typed_answer_is_judged_and_recorded() {
    let fixture = Fixture::new();
    let out = run(&fixture, NOW, &["study"], "Generative AI\n");
    assert!(out.contains("AI tạo sinh"), "{out}");
    assert!(out.contains("Correct"), "{out}");
    assert!(out.contains("Next review in"), "{out}");
    assert!(
        out.contains("Session over: 1 answered · 1 correct"),
        "{out}"
    );
    let reviews = fixture.reviews();
    assert_eq!(reviews.len(), 1);
    assert_eq!(field(&reviews[0], "answer"), "Generative AI");
    assert_eq!(field(&reviews[0], "mode"), "study");
    assert_eq!(field(&reviews[0], "verdict"), "correct");
}

#[test]
fn printf_into_plain_ontap_studies_the_bundled_deck() {
    let data = tempfile::tempdir().unwrap();
    let deck = bundled_deck();
    let first = deck.cards.first().unwrap();
    ontap(data.path())
        .now(NOW)
        .args(["--lang", "en"])
        .write_stdin(format!("{}\n", first.canonical_answer()))
        .assert()
        .success()
        .stdout(predicate::str::contains("Correct"));
    let reviews = reviews(data.path());
    assert_eq!(reviews.len(), 1);
    assert_eq!(field(&reviews[0], "card"), first.id.0);
}

#[test]
fn multiple_choice_by_number_or_by_text() {
    let fixture = Fixture::new();
    let out = run(
        &fixture,
        NOW,
        &["study", "--direction", "vi-en"],
        "Generative AI\nTạo hình ảnh\n",
    );
    assert!(out.contains("MidJourney thuộc nhóm nào?"), "{out}");
    assert!(out.contains("1) "), "{out}");
    let reviews = fixture.reviews();
    assert_eq!(reviews.len(), 2);
    assert_eq!(field(&reviews[1], "verdict"), "correct");
    // By number: the options are listed, so pick the number of the right one.
    let fixture = Fixture::new();
    let out = run(
        &fixture,
        NOW,
        &["quiz", "--kind", "category", "-n", "1", "--seed", "3"],
        "",
    );
    let prompt_line = out
        .lines()
        .find(|line| line.contains("thuộc nhóm"))
        .unwrap();
    let answer = match prompt_line {
        l if l.contains("MidJourney") => "Tạo hình ảnh",
        l if l.contains("ChatGPT") => "Tạo văn bản",
        _ => "Tạo âm thanh",
    };
    let number = out
        .lines()
        .find(|line| line.trim_start().ends_with(&format!(") {answer}")))
        .and_then(|line| line.trim().split(')').next())
        .unwrap()
        .to_string();
    let out = run(
        &fixture,
        NOW,
        &["quiz", "--kind", "category", "-n", "1", "--seed", "3"],
        &format!("{number}\n"),
    );
    assert!(out.contains("Score: 1/1"), "{out}");
}

#[test]
fn end_of_input_ends_the_session_with_its_summary() {
    let fixture = Fixture::new();
    let out = run(&fixture, NOW, &["study"], "");
    assert!(out.contains("Session over: 0 answered"), "{out}");
    assert!(fixture.reviews().is_empty());
}

#[test]
fn q_quits_and_undo_takes_back_the_last_answer() {
    let fixture = Fixture::new();
    let out = run(&fixture, NOW, &["study"], "wrong\n:u\nGenerative AI\nq\n");
    assert!(out.contains("Undid the answer to: AI tạo sinh"), "{out}");
    assert!(
        out.contains("Session over: 1 answered · 1 correct"),
        "{out}"
    );
    let reviews = fixture.reviews();
    assert_eq!(reviews.len(), 1, "{reviews:?}");
    assert_eq!(field(&reviews[0], "answer"), "Generative AI");
    let log = std::fs::read_to_string(fixture.data_dir().join("reviews.toml")).unwrap();
    assert!(log.contains("[[undo]]"), "{log}");
}

#[test]
fn quiz_score_matches_the_log() {
    let fixture = Fixture::new();
    let out = run(
        &fixture,
        NOW,
        &["quiz", "-n", "4", "--seed", "9"],
        // Option 1 of a multiple choice, a wrong "1" typed for a translation.
        "1\n1\n1\n1\n",
    );
    let reviews = fixture.reviews();
    assert_eq!(reviews.len(), 4, "{out}");
    assert!(reviews.iter().all(|review| field(review, "mode") == "quiz"));
    let correct = reviews
        .iter()
        .filter(|review| field(review, "verdict") == "correct")
        .count();
    assert!(out.contains(&format!("Score: {correct}/4")), "{out}");
    assert!(
        correct < 4,
        "a translation answered \"1\" cannot be right: {out}"
    );
    assert!(out.contains("Missed:"), "{out}");
    assert!(!out.contains("Stopped after"), "{out}");
}

#[test]
fn a_quiz_left_early_says_how_far_it_got() {
    let fixture = Fixture::new();
    let out = run(&fixture, NOW, &["quiz", "-n", "4", "--seed", "9"], "1\nq\n");
    assert!(out.contains("Stopped after 1 of 4 questions."), "{out}");
    let out = run(
        &fixture,
        NOW,
        &["quiz", "-n", "4", "--seed", "9", "--lang", "vi"],
        "",
    );
    assert!(out.contains("Điểm: 0/0"), "{out}");
    assert!(out.contains("Đã dừng sau 0/4 câu."), "{out}");
}

#[test]
fn flip_mode_grades_by_number() {
    let fixture = Fixture::new();
    let out = run(&fixture, NOW, &["study", "--flip"], "\n3\n");
    assert!(out.contains("Press Enter to show the answer"), "{out}");
    assert!(out.contains("Answer: Generative AI"), "{out}");
    assert!(out.contains("Again ("), "{out}");
    assert!(out.contains("Easy ("), "{out}");
    let reviews = fixture.reviews();
    assert_eq!(reviews.len(), 1);
    assert_eq!(
        reviews[0].get("rating").and_then(|r| r.as_integer()),
        Some(3)
    );
}

#[test]
fn vietnamese_messages_with_lang_vi() {
    let fixture = Fixture::new();
    let out = run(&fixture, NOW, &["study", "--lang", "vi"], "Generative AI\n");
    assert!(out.contains("Đúng!"), "{out}");
    assert!(out.contains("Dịch sang tiếng Anh"), "{out}");
    let out = run(&fixture, NOW, &["decks", "--lang", "vi"], "");
    assert!(out.contains("đến hạn hôm nay"), "{out}");
}

#[test]
fn colour_only_when_asked() {
    let fixture = Fixture::new();
    let plain = run(
        &fixture,
        NOW,
        &["study", "--color", "never"],
        "Generative AI\n",
    );
    assert!(!plain.contains('\u{1b}'), "{plain:?}");
    let fixture = Fixture::new();
    let coloured = run(
        &fixture,
        NOW,
        &["study", "--color", "always"],
        "Generative AI\n",
    );
    assert!(has_colour(&coloured), "{coloured:?}");
    let fixture = Fixture::new();
    let mut command = fixture.command(NOW, &["study"]);
    command.no_color();
    let output = command.write_stdin("Generative AI\n").output().unwrap();
    assert!(!String::from_utf8_lossy(&output.stdout).contains('\u{1b}'));
}

#[test]
fn a_lesson_cannot_send_escape_sequences() {
    let hostile = FIXTURE_DECK.replace(
        "prompt = \"AI tạo sinh\"",
        "prompt = \"AI tạo sinh\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\"",
    );
    let fixture = Fixture::with_deck(&hostile);
    let out = run(&fixture, NOW, &["study", "--color", "never"], "x\n");
    assert!(out.contains("AI tạo sinh"), "{out}");
    assert!(
        !out.contains('\u{1b}') && !out.contains('\u{9b}'),
        "{out:?}"
    );
    assert!(!out.contains("pwned"), "{out:?}");
}

#[test]
fn decks_lists_cards_new_due_and_missed() {
    let fixture = Fixture::new();
    run(
        &fixture,
        NOW,
        &["study", "--direction", "vi-en"],
        "Generative AI\nTạo văn bản\n",
    );
    let out = run(&fixture, NEXT_DAY, &["decks"], "");
    let row = out
        .lines()
        .find(|line| line.starts_with("fixture"))
        .unwrap();
    let numbers: Vec<&str> = row.split_whitespace().rev().take(4).collect();
    // missed, due today, new, cards (read from the right)
    assert_eq!(numbers, vec!["1", "2", "3", "5"], "{out}");
    // Right in the review: off the missed count, which the table reads
    // from the schedule cache, as `ontap review` finds from the log.
    let review = run(&fixture, NEXT_DAY, &["review"], "Tạo hình ảnh\n");
    assert!(review.contains("Off the missed list."), "{review}");
    let out = run(&fixture, NEXT_DAY, &["decks"], "");
    assert!(
        out.lines()
            .any(|line| line.starts_with("fixture") && line.ends_with(" 0")),
        "{out}"
    );
    let again = run(&fixture, NEXT_DAY, &["review"], "");
    assert!(again.contains("No missed answers to review."), "{again}");
}

#[test]
fn a_finished_session_says_when_the_next_card_is_due() {
    let one_card = FIXTURE_DECK
        .split("\n[[card]]")
        .take(2)
        .collect::<Vec<_>>()
        .join("\n[[card]]");
    let fixture = Fixture::with_deck(&one_card);
    let out = run(&fixture, NOW, &["study"], &"Generative AI\n".repeat(6));
    assert!(
        out.contains("All done for now; the next card is due in"),
        "{out}"
    );
    let answered = fixture.reviews().len();
    assert!((2..6).contains(&answered), "{out}");
    let again = run(&fixture, NOW, &["study"], "");
    assert!(
        again.contains("Nothing is due right now; the next card is due in"),
        "{again}"
    );
}

#[test]
fn ctrl_c_with_piped_input_ends_the_session_with_its_summary() {
    let fixture = Fixture::new();
    let mut session = Piped::spawn(fixture.command(NOW, &["study"]));
    session.send("Generative AI\n");
    // The first answer is saved and the session waits for the next line
    // (its reverse, "Generative AI" → ?, waits for another day).
    session.wait_for("MidJourney thuộc nhóm nào?");
    session.wait_for("Type the number or the text of your choice: ");
    let status = std::process::Command::new("kill")
        .args(["-INT", &session.child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    // stdin stays open: the session ends because of Ctrl-C.
    let exit = session.finish(false);
    let out = &session.seen;
    assert!(exit.success(), "{exit:?}\n{out}");
    assert!(
        out.contains("Session over: 1 answered · 1 correct"),
        "{out}"
    );
    assert_eq!(fixture.reviews().len(), 1);
}

#[test]
fn blank_lines_and_the_same_wrong_choice_read_clearly_in_both_languages() {
    let fixture = Fixture::new();
    // An empty answer, blank lines at a menu then "Tạo văn bản", wrong for
    // MidJourney, then a right one for ChatGPT.
    let out = run(
        &fixture,
        NOW,
        &["study"],
        "\n\n  \nTạo văn bản\nTạo văn bản\n:q\n",
    );
    // The right answer is not worded like the prompt the answer was typed at.
    assert!(out.contains("Right answer: Generative AI"), "{out}");
    assert!(!out.contains("not one of the choices"), "{out}");
    assert!(
        out.contains("AI tạo sinh → Generative AI (no answer)"),
        "{out}"
    );
    let verdicts: Vec<String> = fixture
        .reviews()
        .iter()
        .map(|review| field(review, "verdict").to_string())
        .collect();
    assert_eq!(verdicts, ["wrong", "wrong", "correct"]);

    let out = run(
        &fixture,
        NEXT_DAY,
        &["review", "--lang", "vi"],
        "Generative AI\nTạo văn bản\n:q\n",
    );
    assert!(
        out.contains("Bạn đã chọn “Tạo văn bản” 2 lần rồi cho câu: MidJourney thuộc nhóm nào?"),
        "{out}"
    );
    assert!(out.contains("Đáp án: Tạo hình ảnh"), "{out}");
}

/// `ontap study | head`: when the reader goes away the session ends
/// quietly, the answer given before that saved.
#[test]
fn a_closed_output_pipe_ends_the_session_quietly() {
    use std::io::{Read, Write};
    use std::process::Stdio;
    let fixture = Fixture::new();
    let mut child = fixture
        .command(NOW, &["study"])
        .into_std()
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut seen = Vec::new();
    let mut byte = [0u8; 1];
    while !String::from_utf8_lossy(&seen).contains("Answer: ") {
        assert_eq!(stdout.read(&mut byte).unwrap(), 1, "{seen:?}");
        seen.push(byte[0]);
    }
    drop(stdout);
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"Generative AI\n").unwrap();
    drop(stdin);
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{output:?}");
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    assert_eq!(fixture.reviews().len(), 1);
}

#[test]
fn flip_mode_takes_grades_by_name_and_u_to_undo() {
    let fixture = Fixture::new();
    let out = run(
        &fixture,
        NOW,
        &["study", "--flip"],
        "\ngood\nu\n\nagain\n:q\n",
    );
    assert!(out.contains("Undid the answer to: AI tạo sinh"), "{out}");
    let ratings: Vec<i64> = fixture
        .reviews()
        .iter()
        .filter_map(|review| review.get("rating").and_then(|r| r.as_integer()))
        .collect();
    assert_eq!(ratings, [1]);
}

/// Undo in each mode takes the answer out of everything that counts it:
/// the log, the review's missed list, and `ontap stats`.
#[test]
fn undone_answers_count_nowhere_in_any_mode() {
    let fixture = Fixture::new();
    // Quiz: a wrong answer undone, then a right one.
    let out = run(
        &fixture,
        NOW,
        &["quiz", "--kind", "translate", "-n", "1", "--seed", "3"],
        "nonsense\n:u\n:q\n",
    );
    assert!(out.contains("Undid the answer to:"), "{out}");
    assert!(out.contains("Score: 0/0"), "{out}");
    // Study: a wrong answer to the first card.
    run(
        &fixture,
        NOW,
        &["study", "--direction", "vi-en"],
        "sai\n:q\n",
    );
    // Review: a right answer undone, so the card stays missed.
    let out = run(&fixture, NEXT_DAY, &["review"], "Generative AI\n:u\n:q\n");
    assert!(out.contains("Off the missed list."), "{out}");
    assert!(out.contains("1 still missed"), "{out}");
    let again = run(&fixture, NEXT_DAY, &["review"], ":q\n");
    assert!(again.contains("Last time you answered: sai"), "{again}");

    let stats = run(&fixture, NEXT_DAY, &["stats", "--json"], "");
    let stats: serde_json::Value = serde_json::from_str(&stats).unwrap();
    assert_eq!(stats["overall"]["reviews"]["total"], 1, "{stats}");
    assert_eq!(fixture.reviews().len(), 1);
}

#[test]
fn a_translation_s_reverse_waits_for_the_next_day() {
    let fixture = Fixture::new();
    let day_one = "Generative AI\nTạo hình ảnh\nTạo văn bản\nTạo âm thanh\n".repeat(2);
    let out = run(&fixture, NOW, &["study"], &day_one);
    // "Generative AI" → ? would give away the answer just typed: it is
    // neither asked nor counted among the day's new cards.
    assert!(out.contains("1/4 · due 0 · new 4"), "{out}");
    assert!(
        out.contains("Translate into English:\nAI tạo sinh\n"),
        "{out}"
    );
    assert!(!out.contains("Translate into Vietnamese:"), "{out}");
    assert!(
        out.contains("Session over: 8 answered · 8 correct"),
        "{out}"
    );
    // The reviews are days away, but the waiting reverse is new tomorrow:
    // NOW is 09:00+07:00, so the next day starts in 15 hours.
    assert!(
        out.contains("All done for now; the next card is due in 15 h."),
        "{out}"
    );
    let reverse = "fixture/translate/en-vi/ai-tao-sinh";
    assert!(
        fixture
            .reviews()
            .iter()
            .all(|r| field(r, "card") != reverse),
        "{:?}",
        fixture.reviews()
    );

    let out = run(&fixture, NEXT_DAY, &["study"], "AI tạo sinh\n");
    assert!(
        out.contains("1/1 · due 0 · new 1\nTranslate into Vietnamese:\nGenerative AI\n"),
        "{out}"
    );
    assert!(out.contains("Correct!"), "{out}");
    let reviews = fixture.reviews();
    let last = reviews.last().unwrap();
    assert_eq!(field(last, "card"), reverse);
    assert_eq!(field(last, "verdict"), "correct");
}

/// "Which tool is in group X?" has one right option among its choices, but
/// every member of the group is right: flip mode shows them all.
#[test]
fn flip_mode_shows_every_member_of_a_group_question() {
    let deck = r#"[deck]
id = "groups"
title = "Groups"
source = "groups.md"
format = 1

[[card]]
id = "groups/category/group/tao-van-ban"
kind = "category"
input = "choice"
prompt = "Công cụ nào thuộc nhóm Tạo văn bản?"
answers = ["ChatGPT", "Gemini", "Claude"]
choices = ["ChatGPT", "DALL-E", "AIVA"]
line = 3
hash = "000000000001"
"#;
    let fixture = Fixture::with_deck(deck);
    let out = run(&fixture, NOW, &["study", "--flip"], "\n3\n");
    assert!(out.contains("Answer: ChatGPT, Gemini, Claude"), "{out}");
    // Exactly one option is right: the others are members of other groups.
    let out = run(&Fixture::with_deck(deck), NOW, &["study"], "DALL-E\n");
    assert!(out.contains("Wrong"), "{out}");
    let out = run(&Fixture::with_deck(deck), NOW, &["study"], "1\n");
    assert!(out.contains("Correct"), "{out}");
}
