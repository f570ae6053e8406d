//! What the session screens say, driven through the real binary with piped
//! input, question by question: new cards are not starved by burying and
//! the end says why some wait; the header counts answers and what is left;
//! the missed list names a card once; a quiz scores close answers, never
//! asks a card and its sibling, and its menus take text without accents.

use crate::support::*;
use ontap::queue::are_siblings;

/// A list card and its two item cards ("which group is this in?"): each
/// item's prompt names one of the list's answers and the other way round.
const LIST_DECK: &str = r#"[deck]
id = "nhom"
title = "Nhóm"
source = "nhom.md"
format = 1

[[card]]
id = "nhom/recall/tao-hinh-anh"
kind = "recall"
input = "list"
prompt = "Tạo hình ảnh gồm những gì?"
answers = ["Vẽ tranh", "Thiết kế logo"]
line = 1
hash = "000000000001"

[[card]]
id = "nhom/recall/item/ve-tranh"
kind = "recall"
input = "text"
prompt = "“Vẽ tranh” thuộc nhóm nào?"
answers = ["Tạo hình ảnh"]
line = 2
hash = "000000000002"

[[card]]
id = "nhom/recall/item/thiet-ke-logo"
kind = "recall"
input = "text"
prompt = "“Thiết kế logo” thuộc nhóm nào?"
answers = ["Tạo hình ảnh"]
line = 3
hash = "000000000003"
"#;

const LIST_PROMPT: &str = "Tạo hình ảnh gồm những gì?";

/// Four en-vi cards, none the reverse of another, for typed quiz answers.
const TYPED_DECK: &str = r#"[deck]
id = "tu"
title = "Từ"
source = "tu.md"
format = 1

[[card]]
id = "tu/translate/en-vi/mo-hinh"
kind = "translate"
input = "text"
prompt = "model"
answers = ["mô hình"]
direction = "en-vi"
line = 1
hash = "000000000001"

[[card]]
id = "tu/translate/en-vi/du-lieu"
kind = "translate"
input = "text"
prompt = "data"
answers = ["dữ liệu"]
direction = "en-vi"
line = 2
hash = "000000000002"

[[card]]
id = "tu/translate/en-vi/may-chu"
kind = "translate"
input = "text"
prompt = "server"
answers = ["máy chủ"]
direction = "en-vi"
line = 3
hash = "000000000003"

[[card]]
id = "tu/translate/en-vi/mang"
kind = "translate"
input = "text"
prompt = "network"
answers = ["mạng"]
direction = "en-vi"
line = 4
hash = "000000000004"
"#;

/// The words of one language that mark the screens the driver reads.
struct Screen {
    header: &'static str,
    last_question: &'static str,
    summary: &'static str,
}

const EN: Screen = Screen {
    header: " · due ",
    last_question: "That was the last question",
    summary: "Session over:",
};

const VI: Screen = Screen {
    header: " · đến hạn ",
    last_question: "Hết câu hỏi",
    summary: "Kết thúc:",
};

/// Runs `command` with piped stdin, answering each question with what
/// `answer` returns for the screen of that question (the header line
/// first); returns the whole transcript once the session is over.
fn drive(command: Ontap, screen: &Screen, mut answer: impl FnMut(&str) -> String) -> String {
    let mut piped = Piped::spawn(command);
    let mut transcript = String::new();
    // Every prompt ends with ": " and waits for a line.
    let asked = |seen: &str| {
        seen.contains(screen.header) && seen.ends_with(": ") && !seen.contains(screen.last_question)
    };
    loop {
        piped.seen.clear();
        piped.wait_until("a question or the end", |seen| {
            asked(seen) || seen.contains(screen.last_question) || seen.contains(screen.summary)
        });
        transcript.push_str(&piped.seen);
        if !asked(&piped.seen) {
            break;
        }
        let question = &piped.seen[piped.seen.rfind(screen.header).unwrap()..];
        let reply = answer(question);
        piped.send(&format!("{reply}\n"));
        assert!(transcript.len() < 200_000, "the session does not end");
    }
    // Enter at "That was the last question" shows the summary.
    if transcript.contains(screen.last_question) {
        piped.send("\n");
    }
    piped.seen.clear();
    let status = piped.finish(true);
    transcript.push_str(&piped.seen);
    assert!(status.success(), "{transcript}");
    transcript
}

/// Every header's `position/total`, in order.
fn headers(transcript: &str, screen: &Screen) -> Vec<(usize, usize)> {
    transcript
        .lines()
        .filter(|line| line.contains(screen.header))
        .map(|line| {
            let counter = line.split(' ').next().unwrap();
            let (position, total) = counter.split_once('/').unwrap();
            (position.parse().unwrap(), total.parse().unwrap())
        })
        .collect()
}

/// The list card answered wrong at its first answer of the day, every item
/// right: the list card is due (and failed) every study day.
fn list_deck_answers() -> impl FnMut(&str) -> String {
    let mut missed = false;
    move |question: &str| {
        if question.contains(LIST_PROMPT) {
            if missed {
                "Vẽ tranh, Thiết kế logo".to_string()
            } else {
                missed = true;
                "không nhớ".to_string()
            }
        } else {
            "Tạo hình ảnh".to_string()
        }
    }
}

fn asked_cards(fixture: &Fixture) -> Vec<String> {
    fixture
        .reviews()
        .iter()
        .map(|review| field(review, "card").to_string())
        .collect()
}

#[test]
fn new_cards_wait_one_day_for_a_sibling_and_the_end_says_why() {
    let fixture = Fixture::with_deck(LIST_DECK);
    let day_one = drive(fixture.command(NOW, &["study"]), &EN, list_deck_answers());
    assert!(
        day_one.contains(
            "2 new cards wait until tomorrow so that a card does not give away another's answer."
        ),
        "{day_one}"
    );
    assert!(
        asked_cards(&fixture)
            .iter()
            .all(|card| !card.contains("/item/")),
        "an item card was asked with its list"
    );
    // Study days far apart: each time the list card is due again (and
    // missed), and the item cards must not wait behind it day after day.
    for (index, day) in ["2026-12-08T09:00:00+07:00", "2026-12-20T09:00:00+07:00"]
        .iter()
        .enumerate()
    {
        let out = drive(fixture.command(day, &["study"]), &EN, list_deck_answers());
        assert!(out.contains(LIST_PROMPT), "the list card is due: {out}");
        let items: std::collections::HashSet<String> = asked_cards(&fixture)
            .into_iter()
            .filter(|card| card.contains("/item/"))
            .collect();
        let items = items.len();
        assert_eq!(items, 2, "the item cards were held back again: {out}");
        if index == 0 {
            // Asked before the list card, whose answer would give them away.
            let item = out.find("“Vẽ tranh” thuộc nhóm nào?").unwrap_or(usize::MAX);
            assert!(item < out.find(LIST_PROMPT).unwrap(), "{out}");
        }
        assert!(!out.contains("wait until tomorrow"), "{out}");
    }
}

#[test]
fn nothing_due_says_how_many_new_cards_wait_and_why_in_both_languages() {
    let fixture = Fixture::with_deck(LIST_DECK);
    drive(fixture.command(NOW, &["study"]), &EN, list_deck_answers());
    let out = fixture.command(NOW, &["study"]).stdout();
    assert!(out.contains("Nothing is due right now"), "{out}");
    assert!(
        out.contains("2 new cards wait until tomorrow so that a card does not give away"),
        "{out}"
    );
    let out = fixture.command(NOW, &["study", "--lang", "vi"]).stdout();
    assert!(
        out.contains("2 thẻ mới chờ đến ngày mai, để thẻ này không làm lộ đáp án của thẻ kia."),
        "{out}"
    );
    // The daily limit, said as such.
    let fresh = Fixture::new();
    let out = drive(fresh.command(NOW, &["study", "--new", "1"]), &EN, |_| {
        "Generative AI".to_string()
    });
    assert!(
        out.contains(
            "4 new cards wait until tomorrow: today's limit of 1 new card is reached (change it with --new)."
        ),
        "{out}"
    );
}

#[test]
fn the_header_counts_answers_and_grows_when_a_card_comes_back() {
    for (screen, lang) in [(&EN, "en"), (&VI, "vi")] {
        let fixture = Fixture::new();
        let mut first = true;
        let out = drive(
            fixture.command(NOW, &["study", "--lang", lang]),
            screen,
            |question| {
                if question.contains("AI tạo sinh") {
                    if first {
                        first = false;
                        return "sai".into();
                    }
                    return "Generative AI".into();
                }
                // Each menu's right category, by the fixture's prompts.
                let right = if question.contains("MidJourney") {
                    "Tạo hình ảnh"
                } else if question.contains("ChatGPT") {
                    "Tạo văn bản"
                } else {
                    "Tạo âm thanh"
                };
                right.into()
            },
        );
        let counters = headers(&out, screen);
        let logged = fixture.reviews().len();
        // One header per answer, counting answers given: 1, 2, 3, …
        let positions: Vec<usize> = counters.iter().map(|(position, _)| *position).collect();
        assert_eq!(positions, (1..=logged).collect::<Vec<_>>(), "{out}");
        assert!(
            counters.iter().all(|(position, total)| position <= total),
            "{out}"
        );
        // The total is what the session asked: the last header's.
        assert_eq!(counters.last().unwrap().1, logged, "{out}");
        // It grew when the missed card came back, and said so.
        assert!(
            counters.windows(2).any(|pair| pair[1].1 > pair[0].1),
            "{out}"
        );
        let (grew, again) = if lang == "en" {
            (
                "(+1: a card comes back for its next learning step)",
                "· learning 1",
            )
        } else {
            (
                "(+1: thẻ được hỏi lại ở bước học tiếp theo)",
                "· đang học 1",
            )
        };
        assert!(out.contains(grew), "{out}");
        assert!(out.contains(again), "{out}");
        // The summary counts what the log holds.
        let summary = if lang == "en" {
            format!("Session over: {logged} answered")
        } else {
            format!("Kết thúc: đã trả lời {logged}")
        };
        assert!(out.contains(&summary), "{out}");
        // Missed once, and marked right in the end.
        let (missed, right) = if lang == "en" {
            (
                "  AI tạo sinh → Generative AI (you answered: sai)",
                "→ right on the second try",
            )
        } else {
            (
                "  AI tạo sinh → Generative AI (bạn trả lời: sai)",
                "→ lần thứ hai thì đúng",
            )
        };
        let missed_lines: Vec<&str> = out.lines().filter(|l| l.starts_with(missed)).collect();
        assert_eq!(missed_lines.len(), 1, "{out}");
        assert!(missed_lines[0].ends_with(right), "{out}");
    }
}

#[test]
fn a_quiz_counts_close_answers_as_right_and_says_how_many() {
    let fixture = Fixture::with_deck(TYPED_DECK);
    let answers = [
        ("model", "mo hinh"),
        ("data", "du lieu"),
        ("server", "may chu"),
        ("network", "internet"),
    ];
    let quiz_screen = Screen {
        header: "Question ",
        ..EN
    };
    let out = drive(
        fixture.command(NOW, &["quiz", "--kind", "translate", "-n", "4"]),
        &quiz_screen,
        |question| {
            let prompt = question.lines().nth(2).unwrap_or_default();
            let (_, answer) = answers.iter().find(|(p, _)| *p == prompt).unwrap();
            answer.to_string()
        },
    );
    assert!(out.contains("Score: 3/4 · 3 close"), "{out}");
    let verdicts: Vec<String> = fixture
        .reviews()
        .iter()
        .map(|review| field(review, "verdict").to_string())
        .collect();
    assert_eq!(verdicts.iter().filter(|v| *v == "close").count(), 3);
    let quiz_screen = Screen {
        header: "Câu ",
        ..VI
    };
    let out = drive(
        fixture.command(NOW, &["quiz", "--lang", "vi", "-n", "4"]),
        &quiz_screen,
        |question| {
            let prompt = question.lines().nth(2).unwrap_or_default();
            let (_, answer) = answers.iter().find(|(p, _)| *p == prompt).unwrap();
            answer.replace("internet", "mang")
        },
    );
    assert!(out.contains("Điểm: 4/4 · 4 gần đúng"), "{out}");
}

#[test]
fn a_quiz_never_asks_a_card_and_the_card_it_gives_away() {
    let deck = bundled_deck();
    for kind in ["translate", "category"] {
        for seed in 1..=4 {
            let data = tempfile::tempdir().unwrap();
            let out = ontap(data.path())
                .now(NOW)
                .args([
                    "quiz",
                    "--kind",
                    kind,
                    "-n",
                    "100",
                    "--seed",
                    &seed.to_string(),
                ])
                .args(["--lang", "en"])
                .write_stdin("1\n".repeat(200))
                .stdout();
            let asked: Vec<_> = deck
                .cards
                .iter()
                .filter(|card| out.lines().any(|line| line == card.prompt))
                .collect();
            assert!(asked.len() >= 2, "{out}");
            for (index, card) in asked.iter().enumerate() {
                for other in &asked[index + 1..] {
                    assert!(
                        !are_siblings(card, other),
                        "--kind {kind} --seed {seed} asked {:?} and {:?}",
                        card.prompt,
                        other.prompt
                    );
                }
            }
        }
    }
}

#[test]
fn a_piped_menu_takes_an_option_typed_without_accents() {
    let fixture = Fixture::new();
    let out = fixture
        .command(NOW, &["study", "--direction", "vi-en"])
        .write_stdin("Generative AI\nTao hinh anh\n")
        .stdout();
    assert!(out.contains("MidJourney thuộc nhóm nào?"), "{out}");
    assert!(!out.contains("is not one of the choices"), "{out}");
    let reviews = fixture.reviews();
    assert_eq!(field(&reviews[1], "answer"), "Tạo hình ảnh");
    assert_eq!(field(&reviews[1], "verdict"), "correct");
}

#[test]
fn english_counts_agree_with_their_nouns() {
    let fixture = Fixture::new();
    // A quiz of one question, left at once.
    let out = fixture
        .command(NOW, &["quiz", "-n", "1"])
        .write_stdin("q\n")
        .stdout();
    assert!(out.contains("Stopped after 0 of 1 question."), "{out}");
    // One answer: one review, one card.
    fixture
        .command(NOW, &["study"])
        .write_stdin("Generative AI\n")
        .stdout();
    let out = fixture.command(NOW, &["state", "rebuild"]).stdout();
    assert!(out.ends_with(": 1 card\n"), "{out}");
    let out = fixture.command(NOW, &["state", "check"]).stdout();
    assert!(
        out.contains("reviews.toml: 1 review, 0 undone, 1 card"),
        "{out}"
    );
    assert!(out.contains("library: 1 deck\n"), "{out}");
    // One problem, said so.
    std::fs::write(fixture.decks_dir().join("broken.toml"), "[deck\n").unwrap();
    let output = fixture.command(NOW, &["state", "check"]).output().unwrap();
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("state check found 1 problem\n"), "{err}");
}
