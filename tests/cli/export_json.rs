//! `ontap export --format json`: the deck plus each card's schedule, read
//! from a data dir through the store.

use std::path::Path;

use ontap::deck::Deck;
use ontap::library::BUNDLED_DECK;
use serde_json::Value;

use crate::support::ontap;

const NOW: &str = "2026-11-28T20:00:00+07:00";

fn bundled() -> Deck {
    Deck::from_toml(BUNDLED_DECK, Path::new("bundled")).unwrap()
}

fn export_json(data_dir: &Path) -> Value {
    let output = ontap(data_dir)
        .now(NOW)
        .args(["export", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn json_holds_every_card_and_no_schedule_before_any_review() {
    let deck = bundled();
    let data = tempfile::tempdir().unwrap();
    let value = export_json(data.path());
    assert_eq!(value["exported_at"], NOW);
    assert_eq!(value["decks"][0]["deck"]["id"], "ai-tao-sinh");
    let cards = value["decks"][0]["cards"].as_array().unwrap();
    assert_eq!(cards.len(), deck.cards.len());
    for (json, card) in cards.iter().zip(&deck.cards) {
        assert_eq!(json["id"], card.id.0.as_str());
        assert_eq!(json["prompt"], card.prompt.as_str());
        assert!(json["schedule"].is_null());
    }
}

#[test]
fn answered_cards_carry_their_schedule_with_rfc3339_times() {
    let deck = bundled();
    let card = &deck.cards[0];
    let data = tempfile::tempdir().unwrap();
    let log = format!(
        "format = 1\n\n[[review]]\ncard = {id:?}\ndeck = \"ai-tao-sinh\"\nat = 2026-11-20T09:00:00+07:00\nrating = 3\nmode = \"study\"\nanswer = {answer:?}\nverdict = \"correct\"\n\n[[review]]\ncard = {id:?}\ndeck = \"ai-tao-sinh\"\nat = 2026-11-20T09:10:00+07:00\nrating = 3\nmode = \"study\"\nanswer = {answer:?}\nverdict = \"correct\"\n\n",
        id = card.id.0,
        answer = card.answers[0],
    );
    std::fs::write(data.path().join("reviews.toml"), log).unwrap();
    let value = export_json(data.path());
    let cards = value["decks"][0]["cards"].as_array().unwrap();
    let schedule = &cards[0]["schedule"];
    assert_eq!(schedule["reps"], 2);
    assert_eq!(schedule["first_review"], "2026-11-20T09:00:00+07:00");
    assert_eq!(schedule["last_review"], "2026-11-20T09:10:00+07:00");
    assert_eq!(schedule["last_verdict"], "correct");
    let due = chrono::DateTime::parse_from_rfc3339(schedule["due"].as_str().unwrap()).unwrap();
    assert!(due > chrono::DateTime::parse_from_rfc3339("2026-11-20T09:10:00+07:00").unwrap());
    assert!(cards[1..].iter().all(|card| card["schedule"].is_null()));
}
