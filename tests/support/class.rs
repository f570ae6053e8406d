//! A simulated class for `ontap class`: students of different skill
//! levels studying the bundled deck over some weeks, each handing in a file
//! in the documented format (docs/state-format.md), written here by hand,
//! not by ontap's own writer, so the reader is tested against the contract.
//! A few cards are made much harder than the rest; the report must put
//! them on top. Shared by tests/cli/class_report.rs and benches/class.rs.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::Path;

use chrono::{DateTime, Duration, FixedOffset};
use ontap::deck::{Card, Deck, InputKind};

/// The bundled deck, which the simulated class studies.
pub const DECK: &str = include_str!("../../decks/ai-tao-sinh.toml");

/// The cards the simulation makes hardest, hardest first.
pub const HARDEST: [&str; 3] = [
    "ai-tao-sinh/category/jukedeck",
    "ai-tao-sinh/acronym/vaes",
    "ai-tao-sinh/recall/tao-am-nhac-va-am-thanh",
];

/// The wrong option most students pick for Jukedeck.
pub const JUKEDECK_LURE: &str = "Tạo hình ảnh";

/// The first day of the simulated course, 19:00 in Hà Nội.
pub const START: &str = "2026-11-12T19:00:00+07:00";

/// The students who stop studying on day 10 (of 21).
pub const DROPOUTS: [usize; 2] = [4, 17];

/// A seeded random source (splitmix64): the same class every run.
pub struct Random(u64);

impl Random {
    pub fn new(seed: u64) -> Random {
        Random(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn below(&mut self, bound: usize) -> usize {
        (self.next_u64() % bound.max(1) as u64) as usize
    }
}

/// One student's hand-in.
pub struct HandIn {
    pub name: String,
    pub skill: f64,
    pub text: String,
    pub reviews: usize,
}

/// How likely a card is answered right, before skill and practice: the
/// cards of [`HARDEST`] far below the others.
pub fn easiness(card: &Card, random: &mut Random) -> f64 {
    match HARDEST.iter().position(|id| *id == card.id.0) {
        Some(rank) => 0.10 + 0.07 * rank as f64,
        None => 0.78 + 0.2 * random.unit(),
    }
}

fn quote(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A wrong answer a student might give to `card`.
fn wrong_answer(card: &Card, random: &mut Random) -> String {
    if card.id.0 == HARDEST[0] && random.unit() < 0.75 {
        return JUKEDECK_LURE.to_string();
    }
    match card.input {
        InputKind::Choice => {
            let wrong: Vec<&String> = card
                .choices
                .iter()
                .filter(|choice| *choice != card.canonical_answer())
                .collect();
            wrong[random.below(wrong.len())].clone()
        }
        InputKind::Text if card.id.0 == HARDEST[1] => {
            ["Variable Auto Encoders", "Virtual Autoencoders"][random.below(2)].to_string()
        }
        InputKind::Text => format!("không nhớ {}", random.below(3)),
        InputKind::List => card.answers.first().cloned().unwrap_or_default(),
    }
}

/// `students` students over `days` days, each handing in
/// `reviews_per_student` reviews of `deck` (fewer for the dropouts).
pub fn simulate(
    deck: &Deck,
    students: usize,
    days: i64,
    reviews_per_student: usize,
    seed: u64,
) -> Vec<HandIn> {
    let start: DateTime<FixedOffset> = DateTime::parse_from_rfc3339(START).unwrap();
    let mut random = Random::new(seed);
    let easiness: Vec<f64> = deck
        .cards
        .iter()
        .map(|card| easiness(card, &mut random))
        .collect();
    (0..students)
        .map(|number| {
            let skill = 0.35 + 0.6 * number as f64 / (students.max(2) - 1) as f64;
            let last_day = if DROPOUTS.contains(&number) { days / 2 } else { days };
            let study_days: Vec<i64> = (0..last_day)
                .filter(|_| random.unit() < 0.55 + 0.4 * skill)
                .collect();
            let per_day = reviews_per_student.div_ceil(study_days.len().max(1));
            let mut seen = vec![0usize; deck.cards.len()];
            let mut introduced = 0;
            let mut text = format!(
                "format = 1\nstudent = {}\nhanded_in = 2026-12-03T07:00:00+07:00\nontap = \"0.1.0\"\n\n",
                quote(&format!("Học sinh mô phỏng {:02}", number + 1))
            );
            let mut written = 0;
            for day in &study_days {
                introduced = (introduced + 8).min(deck.cards.len());
                for answer in 0..per_day {
                    if written == reviews_per_student {
                        break;
                    }
                    let index = if answer < 8 && introduced - answer > 0 {
                        introduced - 1 - answer
                    } else {
                        random.below(introduced)
                    };
                    let card = &deck.cards[index];
                    let practice = 0.03 * seen[index].min(5) as f64;
                    let right_chance = (easiness[index] * (0.55 + 0.45 * skill) + practice).clamp(0.02, 0.98);
                    let right = random.unit() < right_chance;
                    seen[index] += 1;
                    let (rating, verdict, typed) = if right {
                        (3, "correct", card.canonical_answer().to_string())
                    } else {
                        (1, "wrong", wrong_answer(card, &mut random))
                    };
                    let at = start + Duration::days(*day) + Duration::seconds(20 * answer as i64);
                    let _ = write!(
                        text,
                        "[[review]]\ncard = {}\ndeck = \"ai-tao-sinh\"\nat = {}\nrating = {rating}\nmode = \"study\"\nanswer = {}\nverdict = \"{verdict}\"\n\n",
                        quote(&card.id.0),
                        at.to_rfc3339(),
                        quote(&typed),
                    );
                    written += 1;
                }
            }
            HandIn {
                name: format!("Học sinh mô phỏng {:02}", number + 1),
                skill,
                text,
                reviews: written,
            }
        })
        .collect()
}

/// The bundled deck, parsed.
pub fn deck() -> Deck {
    Deck::from_toml(DECK, Path::new("decks/ai-tao-sinh.toml")).unwrap()
}

/// Writes each hand-in as `student-NN.toml` in `dir`.
pub fn write_class(dir: &Path, handins: &[HandIn]) {
    std::fs::create_dir_all(dir).unwrap();
    for (number, handin) in handins.iter().enumerate() {
        std::fs::write(
            dir.join(format!("student-{:02}.toml", number + 1)),
            &handin.text,
        )
        .unwrap();
    }
}
