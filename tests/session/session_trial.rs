//! A new user's trial, as the README's `cargo run --release` lands on it:
//! a fresh data dir, `ontap` with no arguments on the bundled deck, a few
//! answers (one wrong), quit; the next day those cards are due and
//! `ontap review` offers the wrong one.

use crate::support::*;
use ontap::deck::{Card, InputKind};
use ontap::queue::are_siblings;

/// The new cards a day offers, in lesson order: a card whose sibling (its
/// reverse, …) is already offered waits for another day.
fn offered_new<'d>(cards: impl IntoIterator<Item = &'d Card>, limit: usize) -> Vec<&'d Card> {
    let mut offered: Vec<&Card> = Vec::new();
    for card in cards {
        if offered.len() < limit && !offered.iter().any(|other| are_siblings(card, other)) {
            offered.push(card);
        }
    }
    offered
}

fn right_answer(card: &Card) -> String {
    match card.input {
        InputKind::List => card.answers.join(", "),
        _ => card.canonical_answer().to_string(),
    }
}

#[test]
fn a_new_user_answers_a_few_cards_and_reviews_the_miss_the_next_day() {
    let data = tempfile::tempdir().unwrap();
    let deck = bundled_deck();
    let cards = offered_new(&deck.cards, 3);
    assert_eq!(cards.len(), 3, "the bundled deck has at least three cards");
    let wrong = cards[1];
    let input = format!(
        "{}\nkhông biết\n{}\n",
        right_answer(cards[0]),
        right_answer(cards[2])
    );
    let first_day = ontap(data.path()).now(NOW).write_stdin(input).stdout();
    assert!(
        first_day.contains("Session over: 3 answered"),
        "{first_day}"
    );
    assert!(first_day.contains("✗ Wrong."), "{first_day}");
    let reviews = reviews(data.path());
    let answered: Vec<&str> = reviews.iter().map(|r| field(r, "card")).collect();
    let expected: Vec<&str> = cards.iter().map(|card| card.id.0.as_str()).collect();
    assert_eq!(answered, expected);
    assert_eq!(field(&reviews[1], "verdict"), "wrong");

    // The next day: the three cards are due (and nothing else yet).
    let decks = ontap(data.path()).now(NEXT_DAY).args(["decks"]).stdout();
    let row = decks
        .lines()
        .find(|line| line.starts_with(&deck.deck.id.0))
        .unwrap();
    let figures: Vec<&str> = row.split_whitespace().rev().take(3).collect();
    assert_eq!(
        figures,
        ["1", "3", &(deck.cards.len() - 3).to_string()],
        "{decks}"
    );
    let study = ontap(data.path())
        .now(NEXT_DAY)
        .args(["study"])
        .write_stdin("q\n")
        .stdout();
    let first_question: String = study
        .lines()
        .skip_while(|line| !line.contains(" · due "))
        .take_while(|line| !line.starts_with("Answer") && !line.starts_with("Type the number"))
        .collect();
    let new = offered_new(deck.cards.iter().filter(|card| !cards.contains(card)), 20).len();
    let header = format!("1/{} · due 3 · new {new}", 3 + new);
    assert!(study.contains(&header), "{header} in {study}");
    assert!(
        cards
            .iter()
            .any(|card| first_question.contains(card.prompt.as_str())),
        "{study}"
    );

    // The review offers the missed card, with what was answered.
    let review = ontap(data.path())
        .now(NEXT_DAY)
        .args(["review"])
        .write_stdin(format!("{}\n", right_answer(wrong)))
        .stdout();
    assert!(
        review.contains("Last time you answered: không biết"),
        "{review}"
    );
    assert!(review.contains(&wrong.prompt), "{review}");
    assert!(review.contains("Off the missed list."), "{review}");
    assert!(
        ontap(data.path())
            .now(NEXT_DAY)
            .args(["review"])
            .stdout()
            .contains("No missed answers")
    );
}
