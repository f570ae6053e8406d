//! `ontap stats` through the real binary on a data dir holding a few weeks
//! of reviews of the bundled deck, written in the review-log contract format.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use chrono::{Duration, NaiveDate};
use ontap::deck::{Card, Deck, InputKind};
use ontap::library::BUNDLED_DECK;
use serde_json::Value;
use unicode_width::UnicodeWidthStr;

use crate::support::{ontap, pty};

const NOW: &str = "2026-11-28T20:00:00+07:00";
const SHADES: [char; 5] = ['·', '░', '▒', '▓', '█'];

fn bundled() -> Deck {
    Deck::from_toml(BUNDLED_DECK, Path::new("bundled")).unwrap()
}

fn now() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339(NOW).unwrap()
}

/// One review as the log has it.
struct Entry {
    card: String,
    at: chrono::DateTime<chrono::FixedOffset>,
    rating: u8,
    answer: String,
}

/// The first card answered 40 and 15 days ago only (a mature review in the
/// retention window); five weeks of study, skipping some days, of the
/// others but the last, which stays new. Deterministic: a small LCG picks
/// how often each card is answered and which answers are wrong.
fn history(deck: &Deck) -> Vec<Entry> {
    let mut seed: u64 = 7;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    let studied: Vec<&Card> = deck
        .cards
        .iter()
        .take(deck.cards.len() - 1)
        .skip(1)
        .collect();
    let mut entries = Vec::new();
    if let Some(first) = deck.cards.first() {
        for days_ago in [40, 15] {
            entries.push(Entry {
                card: first.id.0.clone(),
                at: now() - Duration::days(days_ago) - Duration::hours(3),
                rating: 3,
                answer: first.answers[0].clone(),
            });
        }
    }
    for days_ago in (0..35).rev() {
        if days_ago % 6 == 4 {
            continue;
        }
        for (index, card) in studied.iter().enumerate() {
            for repeat in 0..(1 + next() % 3) {
                let wrong = next() % 4 == 0;
                let answer = if !wrong {
                    card.answers[0].clone()
                } else if card.input == InputKind::Choice {
                    card.choices
                        .iter()
                        .find(|c| **c != card.answers[0])
                        .cloned()
                        .unwrap_or_default()
                } else {
                    "không nhớ".to_string()
                };
                entries.push(Entry {
                    card: card.id.0.clone(),
                    at: now() - Duration::days(days_ago) - Duration::hours(10)
                        + Duration::seconds((index * 30 + repeat * 5) as i64),
                    rating: if wrong { 1 } else { 3 },
                    answer,
                });
            }
        }
    }
    entries.sort_by_key(|entry| entry.at);
    assert!(
        entries.iter().all(|entry| entry.at < now()),
        "history runs into the future"
    );
    entries
}

fn write_log(dir: &Path, deck: &Deck, entries: &[Entry]) {
    let mut text = String::from("format = 1\n\n");
    for entry in entries {
        let _ = write!(
            text,
            "[[review]]\ncard = {:?}\ndeck = {:?}\nat = {}\nrating = {}\nmode = \"study\"\nanswer = {:?}\nverdict = \"{}\"\n\n",
            entry.card,
            deck.deck.id.0,
            entry.at.to_rfc3339(),
            entry.rating,
            entry.answer,
            if entry.rating == 1 {
                "wrong"
            } else {
                "correct"
            },
        );
    }
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join("reviews.toml"), text).unwrap();
}

/// A data dir with the history above.
fn studied_dir() -> (tempfile::TempDir, Deck, Vec<Entry>) {
    let deck = bundled();
    let entries = history(&deck);
    let data = tempfile::tempdir().unwrap();
    write_log(data.path(), &deck, &entries);
    (data, deck, entries)
}

fn day(entry: &Entry) -> NaiveDate {
    entry.at.with_timezone(now().offset()).date_naive()
}

#[test]
fn json_figures_match_the_history() {
    let (data, deck, entries) = studied_dir();
    let json: Value = serde_json::from_str(
        &ontap(data.path())
            .now(NOW)
            .args(["stats", "--json"])
            .stdout(),
    )
    .unwrap();
    let overall = &json["overall"];
    assert_eq!(json["today"], "2026-11-28");
    assert_eq!(overall["reviews"]["total"], entries.len());
    let today = now().date_naive();
    let today_count = entries.iter().filter(|e| day(e) == today).count();
    assert_eq!(overall["reviews"]["today"], today_count);

    let reviewed: BTreeSet<&str> = entries.iter().map(|e| e.card.as_str()).collect();
    assert_eq!(overall["cards"]["total"], deck.cards.len());
    assert_eq!(overall["cards"]["new"], deck.cards.len() - reviewed.len());

    // The streak: days of study counted back from today.
    let days: BTreeSet<NaiveDate> = entries.iter().map(day).collect();
    let mut streak = 0;
    while days.contains(&(today - Duration::days(streak))) {
        streak += 1;
    }
    assert!(streak > 0);
    assert_eq!(overall["streak"]["days"], streak);

    // Exactly one review came 21 days or more after the card's previous one.
    assert_eq!(overall["retention"]["mature_reviews"], 1);
    assert_eq!(overall["retention"]["rate"], 1.0);

    // The heat map holds every review of its 12 weeks, by day.
    let heat = overall["heat_map"]["days"].as_array().unwrap();
    assert_eq!(heat.last().unwrap()["date"], "2026-11-28");
    for cell in heat {
        let date: NaiveDate = cell["date"].as_str().unwrap().parse().unwrap();
        let count = entries.iter().filter(|e| day(e) == date).count();
        assert_eq!(cell["count"], count, "{date}");
    }

    assert_eq!(overall["forecast"].as_array().unwrap().len(), 14);
    let due: u64 = overall["forecast"][0]["count"].as_u64().unwrap();
    assert_eq!(overall["due_today"], due);

    // Wrong answers to choice cards show as confused pairs.
    let wrong_choice = entries.iter().any(|e| {
        e.rating == 1
            && deck
                .cards
                .iter()
                .any(|c| c.id.0 == e.card && c.input == InputKind::Choice)
    });
    assert_eq!(
        !overall["most_confused"].as_array().unwrap().is_empty(),
        wrong_choice
    );
    let top = &overall["most_missed"][0];
    let wrong_of_top = entries
        .iter()
        .filter(|e| e.card == top["card"] && e.rating == 1)
        .count();
    assert_eq!(top["wrong"], wrong_of_top);
    assert_eq!(json["decks"][0]["id"], "ai-tao-sinh");
    assert_eq!(json["decks"][0]["reviews"]["total"], entries.len());
}

#[test]
fn text_draws_the_heat_map_and_forecast_that_the_json_gives() {
    let (data, _, _) = studied_dir();
    let text = ontap(data.path())
        .now(NOW)
        .args(["stats", "--color", "never"])
        .stdout();
    let json: Value = serde_json::from_str(
        &ontap(data.path())
            .now(NOW)
            .args(["stats", "--json"])
            .stdout(),
    )
    .unwrap();
    let overall = &json["overall"];
    for line in text.lines() {
        assert!(line.width() <= 80, "{} columns: {line}", line.width());
    }
    assert!(text.contains(&format!("Due today: {}\n", overall["due_today"])));
    assert!(text.contains(&format!("Streak: {} days", overall["streak"]["days"])));
    assert!(text.contains(&format!("Reviews: {} today", overall["reviews"]["today"])));

    // The heat map: a row per weekday, a column per week, shaded from the
    // JSON counts against the busiest day.
    let lines: Vec<&str> = text.lines().collect();
    let title = lines
        .iter()
        .position(|l| l.starts_with("Reviews per day, last 12 weeks"))
        .unwrap();
    let max = overall["heat_map"]["max"].as_u64().unwrap();
    let heat = overall["heat_map"]["days"].as_array().unwrap();
    for (weekday, name) in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        .iter()
        .enumerate()
    {
        let row = lines[title + 2 + weekday];
        assert!(row.starts_with(name), "{row}");
        let cells: Vec<char> = row.chars().skip(5).step_by(3).collect();
        let expected: Vec<char> = heat
            .iter()
            .skip(weekday)
            .step_by(7)
            .map(|day| {
                let count = day["count"].as_u64().unwrap();
                let level = if count == 0 {
                    0
                } else {
                    (count * 4).div_ceil(max) as usize
                };
                SHADES[level]
            })
            .collect();
        assert_eq!(cells, expected, "row {name}");
    }
    assert!(lines[title + 9].contains("· none") && lines[title + 9].contains('█'));

    // The forecast: one bar per day with its count at the end.
    let title = lines
        .iter()
        .position(|l| l.starts_with("Due cards, next 14 days"))
        .unwrap();
    for (offset, day) in overall["forecast"].as_array().unwrap().iter().enumerate() {
        let row = lines[title + 1 + offset];
        let date: NaiveDate = day["date"].as_str().unwrap().parse().unwrap();
        assert!(
            row.starts_with(&date.format("%a %d %b").to_string()),
            "{row}"
        );
        assert!(row.ends_with(&format!(" {}", day["count"])), "{row}");
        assert_eq!(
            row.contains('█') || row.contains('▏'),
            day["count"] != 0,
            "{row}"
        );
    }
}

#[test]
fn no_escape_sequences_without_colour() {
    let (data, _, _) = studied_dir();
    let plain = ontap(data.path()).now(NOW).no_color().arg("stats").stdout();
    assert!(plain.contains("Reviews per day"));
    assert!(!plain.contains('\x1b'), "{plain}");
    let never = ontap(data.path())
        .now(NOW)
        .args(["stats", "--color", "never"])
        .stdout();
    assert!(!never.contains('\x1b'));
    assert_eq!(plain, never);
    let always = ontap(data.path())
        .now(NOW)
        .args(["stats", "--color", "always"])
        .stdout();
    assert!(always.contains('\x1b'));
}

#[test]
fn an_empty_data_dir_has_everything_new() {
    let data = tempfile::tempdir().unwrap();
    let deck = bundled();
    let json: Value = serde_json::from_str(
        &ontap(data.path())
            .now(NOW)
            .args(["stats", "--json"])
            .stdout(),
    )
    .unwrap();
    assert_eq!(json["overall"]["cards"]["new"], deck.cards.len());
    assert_eq!(json["overall"]["streak"]["days"], 0);
    assert!(json["overall"]["retention"]["rate"].is_null());
    let text = ontap(data.path())
        .now(NOW)
        .args(["stats", "--color", "never"])
        .stdout();
    assert!(text.contains("Streak: 0 days"));
    assert!(text.contains("no mature card reviewed yet"));
}

#[test]
fn an_empty_library_says_how_to_add_lessons() {
    let data = tempfile::tempdir().unwrap();
    let decks = data.path().join("no-decks");
    std::fs::create_dir(&decks).unwrap();
    let text = ontap(data.path())
        .now(NOW)
        .arg("--decks")
        .arg(&decks)
        .arg("stats")
        .stdout();
    assert!(text.contains("The library has no decks"), "{text}");
    let json: Value = serde_json::from_str(
        &ontap(data.path())
            .now(NOW)
            .arg("--decks")
            .arg(&decks)
            .args(["stats", "--json"])
            .stdout(),
    )
    .unwrap();
    assert_eq!(json["overall"]["cards"]["total"], 0);
}

#[test]
fn an_unknown_deck_is_a_usage_error() {
    let data = tempfile::tempdir().unwrap();
    ontap(data.path())
        .now(NOW)
        .args(["stats", "nope"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no deck named 'nope'"));
}

#[test]
fn vietnamese_labels_follow_the_language() {
    let (data, _, _) = studied_dir();
    let english = ontap(data.path())
        .now(NOW)
        .args(["stats", "--color", "never"])
        .stdout();
    let vietnamese = ontap(data.path())
        .now(NOW)
        .args(["stats", "--color", "never", "--lang", "vi"])
        .stdout();
    assert!(english.contains("\nMon "));
    assert!(vietnamese.contains("\nT2 ") && vietnamese.contains("Chuỗi ngày học"));
    // The same charts, other words: the cells of the heat map are identical.
    let cells = |text: &str| -> String {
        text.chars()
            .filter(|c| "·░▒▓█▏▎▍▌▋▊▉".contains(*c))
            .collect()
    };
    assert_eq!(cells(&english), cells(&vietnamese));
    for line in vietnamese.lines() {
        assert!(line.width() <= 80, "{} columns: {line}", line.width());
    }
}

/// Everything `ontap stats` prints on a real terminal (a PTY), where colour
/// is on unless `NO_COLOR` says otherwise.
fn stats_on_a_terminal(data_dir: &Path, no_color: bool) -> String {
    let mut command = ontap(data_dir);
    command.now(NOW).arg("stats");
    if no_color {
        command.no_color();
    }
    let mut session = pty::spawn(command);
    pty::finish(&mut session)
}

#[test]
fn no_color_holds_on_a_real_terminal() {
    let (data, _, _) = studied_dir();
    let coloured = stats_on_a_terminal(data.path(), false);
    assert!(coloured.contains("Reviews per day") && coloured.contains("\x1b["));
    let plain = stats_on_a_terminal(data.path(), true);
    assert!(plain.contains("Reviews per day") && plain.contains("Due cards"));
    assert!(!plain.contains('\x1b'), "{plain:?}");
}

/// Deck text in the figures (prompts, answers, choices picked) is data for
/// `--json` and text for the screen: exact in the one, harmless in both.
#[test]
fn deck_text_cannot_drive_the_terminal_in_text_or_json() {
    let data = tempfile::tempdir().unwrap();
    let decks = data.path().join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    std::fs::write(
        decks.join("evil.toml"),
        r#"[deck]
id = "evil"
title = "Evil"
source = "evil.md"
format = 1

[[card]]
id = "evil/translate/vi-en/x"
kind = "translate"
input = "text"
prompt = "mô\u001b]0;pwned\u0007 hình\u202e"
answers = ["model\u009b2J"]
direction = "vi-en"
line = 1
hash = "000000000001"
"#,
    )
    .unwrap();
    ontap(data.path())
        .now(NOW)
        .arg("--decks")
        .arg(&decks)
        .arg("study")
        .write_stdin("sai\n")
        .assert()
        .success();
    let harmful = |text: &str| {
        text.chars()
            .any(|ch| (ch.is_control() && ch != '\n') || matches!(ch, '\u{202a}'..='\u{202e}'))
    };
    let text = ontap(data.path())
        .now(NOW)
        .arg("--decks")
        .arg(&decks)
        .arg("stats")
        .stdout();
    assert!(!harmful(&text), "{text:?}");
    assert!(text.contains("mô hình → model"), "{text}");
    let json = ontap(data.path())
        .now(NOW)
        .arg("--decks")
        .arg(&decks)
        .args(["stats", "--json"])
        .stdout();
    assert!(!harmful(&json), "{json:?}");
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        value["overall"]["most_missed"][0]["prompt"],
        "mô\u{1b}]0;pwned\u{7} hình\u{202e}"
    );
    assert_eq!(
        value["overall"]["most_missed"][0]["answer"],
        "model\u{9b}2J"
    );
}
