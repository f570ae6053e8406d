//! `ontap review` on a real terminal: the missed card, what was answered
//! last time, the same wrong pick noticed, and the list emptied.

use crate::support::pty::*;
use crate::support::*;

#[test]
fn review_goes_over_the_missed_answer_until_it_is_right() {
    let fixture = Fixture::new();
    // Miss MidJourney's category (piped, by text) and answer the translation.
    let out = fixture
        .command(NOW, &["study", "--direction", "vi-en"])
        .write_stdin("Generative AI\nTạo văn bản\n")
        .output()
        .unwrap();
    assert!(out.status.success());

    let mut pty = spawn(fixture.command(NEXT_DAY, &["review"]));
    expect(&mut pty, "1 missed left");
    expect(&mut pty, "Last time you chose: Tạo văn bản");
    expect(&mut pty, "MidJourney thuộc nhóm nào?");
    let menu = wait_for_menu(&mut pty);
    let index = option_index(&menu, &CATEGORIES, "Tạo văn bản");
    send(&mut pty, &DOWN.repeat(index));
    send(&mut pty, ENTER);
    expect(&mut pty, "Wrong.");
    expect(&mut pty, "Right answer: Tạo hình ảnh");
    expect(
        &mut pty,
        "You chose “Tạo văn bản” twice now for: MidJourney thuộc nhóm nào?",
    );
    expect(&mut pty, "MidJourney thuộc nhóm nào?");
    let menu = wait_for_menu(&mut pty);
    let index = option_index(&menu, &CATEGORIES, "Tạo hình ảnh");
    send(&mut pty, &DOWN.repeat(index));
    send(&mut pty, ENTER);
    expect(&mut pty, "Correct!");
    expect(&mut pty, "Off the missed list.");
    expect(&mut pty, "That was the last question.");
    send(&mut pty, ENTER);
    let rest = finish(&mut pty);
    assert!(rest.contains("Every missed answer is now right."), "{rest}");

    let reviews = fixture.reviews();
    let modes: Vec<&str> = reviews.iter().map(|r| field(r, "mode")).collect();
    assert_eq!(modes, ["study", "study", "review", "review"]);
    let verdicts: Vec<&str> = reviews.iter().map(|r| field(r, "verdict")).collect();
    assert_eq!(verdicts, ["correct", "wrong", "wrong", "correct"]);

    // Nothing is left to review.
    let out = fixture.command(NEXT_DAY, &["review"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("No missed answers to review"), "{text}");
}

#[test]
fn quitting_a_review_keeps_the_card_on_the_list() {
    let fixture = Fixture::new();
    fixture
        .command(NOW, &["study", "--direction", "en-vi"])
        .write_stdin("sai\n")
        .assert()
        .success();
    let mut pty = spawn(fixture.command(NEXT_DAY, &["review"]));
    expect(&mut pty, "Last time you answered: sai");
    expect(&mut pty, "Answer");
    send(&mut pty, "q\r");
    let rest = finish(&mut pty);
    assert!(rest.contains("1 still missed"), "{rest}");
}
