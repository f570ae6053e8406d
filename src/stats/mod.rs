//! Progress figures and their terminal charts. Pure: [`compute`] takes the
//! decks, the store's records and review log, and `now`; [`render`] turns the
//! figures into text that fits 80 columns and reads without colour; the JSON
//! form is the same [`Stats`] through serde.
//!
//! Definitions, so the numbers can be checked by hand:
//! - Days are calendar days in the offset of `now` (the user's "today").
//! - A card is *new* when it is in a deck but has never been answered.
//! - *Due today*: answered cards whose next review falls today or earlier.
//! - *True retention*: over the reviews of the last 30 days, the share of
//!   reviews of *mature* cards answered correctly (rating above Again). A
//!   review is of a mature card when at least 21 days passed since the same
//!   card's previous review: the log keeps no schedule, and the interval the
//!   user actually had to remember across is what true retention is about
//!   (Anki calls a card mature from a 21-day interval too).
//! - *Streak*: consecutive days with at least one review, ending today, or
//!   yesterday when nothing was reviewed yet today.
//! - Activity (heat map, streak, retention) counts every review logged for
//!   the deck, also of cards since removed from the lesson; most-missed and
//!   most-confused list only cards still in the deck, since they show the card.
//! - *Overruled*: answers the learner counted correct after the judge said
//!   wrong or close ("I was right", the log's `override`), grouped by card
//!   and answer typed, most often first, so a teacher sees where a card or
//!   the judge needs work. Every one in JSON, the first
//!   [`OVERRULED_SHOWN`] in the text.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use crate::cli::Lang;
use crate::clock::{self, Timestamp};
use crate::deck::{Card, CardId, CardKind, Deck, Direction, InputKind};
use crate::judge::Grade;
use crate::scheduler::{CardState, Rating};
use crate::store::{CardRecord, Review};
use crate::ui::text::sanitize;

mod draw;

pub(crate) use draw::percent;
pub use draw::{bar, render, render_in};

/// A card is mature once it was remembered across this many days.
pub const MATURE_DAYS: i64 = 21;
/// True retention looks at this many days back from now.
pub const RETENTION_WINDOW_DAYS: i64 = 30;
/// Columns (weeks) of the heat map.
pub const HEAT_MAP_WEEKS: usize = 12;
/// Days of the due forecast, today first.
pub const FORECAST_DAYS: usize = 14;
/// Rows of the most-missed and most-confused lists.
pub const TOP: usize = 5;
/// Rows of the overruled list in the text form.
pub const OVERRULED_SHOWN: usize = 10;
/// The width every line of [`render`] fits in.
pub const WIDTH: usize = 80;
/// The table's nine columns need this much; narrower, it keeps five.
const FULL_TABLE: usize = 78;

/// Everything `ontap stats` reports: the selected decks together, then each.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub now: String,
    #[serde(serialize_with = "iso_date")]
    pub today: NaiveDate,
    pub overall: Figures,
    pub decks: Vec<DeckStats>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeckStats {
    pub id: String,
    pub title: String,
    #[serde(flatten)]
    pub figures: Figures,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    pub cards: StateCounts,
    pub due_today: usize,
    pub reviews: ReviewCounts,
    pub retention: Retention,
    pub streak: Streak,
    pub heat_map: HeatMap,
    /// Cards due on each of the next [`FORECAST_DAYS`] days; today's count
    /// includes the overdue ones.
    pub forecast: Vec<DayCount>,
    pub most_missed: Vec<MissedCard>,
    pub most_confused: Vec<ConfusedPair>,
    pub overruled: Vec<OverruledAnswer>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct StateCounts {
    pub total: usize,
    pub new: usize,
    pub learning: usize,
    pub review: usize,
    pub relearning: usize,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ReviewCounts {
    pub total: usize,
    pub today: usize,
    pub last_30_days: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Retention {
    pub window_days: i64,
    pub mature_days: i64,
    /// Reviews of mature cards in the window.
    pub mature_reviews: usize,
    /// Of those, answered with a rating above Again.
    pub correct: usize,
    /// `correct / mature_reviews`, absent when there were none.
    pub rate: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Streak {
    pub days: u32,
    pub studied_today: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeatMap {
    /// The Monday the calendar starts on.
    #[serde(serialize_with = "iso_date")]
    pub first_day: NaiveDate,
    /// The highest count of one day.
    pub max: usize,
    /// One entry per day from `first_day` to today.
    pub days: Vec<DayCount>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DayCount {
    #[serde(serialize_with = "iso_date")]
    pub date: NaiveDate,
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MissedCard {
    pub card: CardId,
    pub deck: String,
    pub prompt: String,
    pub answer: String,
    /// Answers judged wrong.
    pub wrong: usize,
    /// All answers to the card.
    pub reviews: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConfusedPair {
    pub card: CardId,
    pub deck: String,
    pub prompt: String,
    pub answer: String,
    /// The wrong choice picked.
    pub picked: String,
    pub count: usize,
}

/// An answer the learner overruled ("I was right"), with how often.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OverruledAnswer {
    pub card: CardId,
    pub deck: String,
    pub prompt: String,
    /// The right answer as the card gives it.
    pub answer: String,
    /// What the learner typed.
    pub typed: String,
    /// The judge's verdict on it, the latest time: `wrong` or `close`.
    pub judged: Grade,
    /// How many times this answer to this card was overruled.
    pub count: usize,
    /// When it last was (RFC 3339).
    pub last_at: String,
}

/// Dates as `YYYY-MM-DD` in JSON.
fn iso_date<S: serde::Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(date)
}

/// The figures of `decks` (each, and together) at `now`.
pub fn compute(
    decks: &[&Deck],
    records: &BTreeMap<CardId, CardRecord>,
    reviews: &[Review],
    now: Timestamp,
) -> Stats {
    // Each deck's figures from its own reviews: filtering every review
    // once per deck took seconds with a hundred decks and 150k reviews.
    let mut by_deck: HashMap<&str, Vec<&Review>> = HashMap::new();
    for review in reviews {
        by_deck
            .entry(review.deck.0.as_str())
            .or_default()
            .push(review);
    }
    let per_deck: Vec<DeckStats> = decks
        .iter()
        .map(|deck| DeckStats {
            id: deck.deck.id.0.clone(),
            title: deck.deck.title.clone(),
            figures: figures(
                &[*deck],
                records,
                by_deck
                    .get(deck.deck.id.0.as_str())
                    .into_iter()
                    .flatten()
                    .copied(),
                now,
            ),
        })
        .collect();
    Stats {
        now: clock::format(&now),
        today: clock::day(&now),
        overall: figures(decks, records, reviews, now),
        decks: per_deck,
    }
}

/// The figures of `decks` taken together.
pub fn figures<'r>(
    decks: &[&Deck],
    records: &BTreeMap<CardId, CardRecord>,
    reviews: impl IntoIterator<Item = &'r Review>,
    now: Timestamp,
) -> Figures {
    let deck_ids: BTreeSet<&str> = decks.iter().map(|deck| deck.deck.id.0.as_str()).collect();
    let cards: BTreeMap<&CardId, (&Card, &str)> = decks
        .iter()
        .flat_map(|deck| {
            deck.cards
                .iter()
                .map(move |card| (&card.id, (card, deck.deck.id.0.as_str())))
        })
        .collect();
    let schedules: Vec<&CardRecord> = cards.keys().filter_map(|id| records.get(*id)).collect();
    let mut activity: Vec<&Review> = reviews
        .into_iter()
        .filter(|review| deck_ids.contains(review.deck.0.as_str()) && review.at <= now)
        .collect();
    activity.sort_by_key(|review| review.at);
    let today = clock::day(&now);
    let day_of = |at: &Timestamp| at.with_timezone(now.offset()).date_naive();

    let forecast = forecast(&schedules, today, &day_of);
    Figures {
        cards: state_counts(cards.len(), &schedules),
        due_today: forecast.first().map_or(0, |day| day.count),
        reviews: ReviewCounts {
            total: activity.len(),
            today: activity.iter().filter(|r| day_of(&r.at) == today).count(),
            last_30_days: activity
                .iter()
                .filter(|r| r.at > now - Duration::days(RETENTION_WINDOW_DAYS))
                .count(),
        },
        retention: retention(&activity, now),
        streak: streak(&activity, today, &day_of),
        heat_map: heat_map(&activity, today, &day_of),
        forecast,
        most_missed: most_missed(&activity, &cards),
        most_confused: most_confused(&activity, &cards),
        overruled: overruled(&activity, &cards),
    }
}

fn state_counts(total: usize, schedules: &[&CardRecord]) -> StateCounts {
    let mut counts = StateCounts {
        total,
        ..StateCounts::default()
    };
    for record in schedules {
        match record.schedule.state {
            CardState::New => {}
            CardState::Learning => counts.learning += 1,
            CardState::Review => counts.review += 1,
            CardState::Relearning => counts.relearning += 1,
        }
    }
    // One record per card of the decks, so this never goes below zero.
    counts.new = total.saturating_sub(counts.learning + counts.review + counts.relearning);
    counts
}

fn forecast(
    schedules: &[&CardRecord],
    today: NaiveDate,
    day_of: &impl Fn(&Timestamp) -> NaiveDate,
) -> Vec<DayCount> {
    let mut days: Vec<DayCount> = (0..FORECAST_DAYS)
        .map(|offset| DayCount {
            date: today + Duration::days(offset as i64),
            count: 0,
        })
        .collect();
    for record in schedules {
        if record.schedule.state == CardState::New {
            continue;
        }
        let offset = (day_of(&record.schedule.due) - today).num_days().max(0);
        if let Some(day) = usize::try_from(offset).ok().and_then(|i| days.get_mut(i)) {
            day.count += 1;
        }
    }
    days
}

/// `activity` sorted by time.
fn retention(activity: &[&Review], now: Timestamp) -> Retention {
    let window_start = now - Duration::days(RETENTION_WINDOW_DAYS);
    let mut previous: rustc_hash::FxHashMap<&CardId, Timestamp> = Default::default();
    let (mut mature_reviews, mut correct) = (0, 0);
    for review in activity {
        let mature = previous
            .insert(&review.card, review.at)
            .is_some_and(|last| review.at - last >= Duration::days(MATURE_DAYS));
        if mature && review.at > window_start {
            mature_reviews += 1;
            if review.rating > Rating::Again {
                correct += 1;
            }
        }
    }
    Retention {
        window_days: RETENTION_WINDOW_DAYS,
        mature_days: MATURE_DAYS,
        mature_reviews,
        correct,
        rate: (mature_reviews > 0).then(|| correct as f64 / mature_reviews as f64),
    }
}

fn streak(
    activity: &[&Review],
    today: NaiveDate,
    day_of: &impl Fn(&Timestamp) -> NaiveDate,
) -> Streak {
    let days: BTreeSet<NaiveDate> = activity.iter().map(|review| day_of(&review.at)).collect();
    let studied_today = days.contains(&today);
    let mut day = if studied_today {
        today
    } else {
        today - Duration::days(1)
    };
    let mut count = 0;
    while days.contains(&day) {
        count += 1;
        day -= Duration::days(1);
    }
    Streak {
        days: count,
        studied_today,
    }
}

fn heat_map(
    activity: &[&Review],
    today: NaiveDate,
    day_of: &impl Fn(&Timestamp) -> NaiveDate,
) -> HeatMap {
    let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
    let first_day = monday - Duration::weeks(HEAT_MAP_WEEKS as i64 - 1);
    let mut days: Vec<DayCount> = first_day
        .iter_days()
        .take_while(|day| *day <= today)
        .map(|date| DayCount { date, count: 0 })
        .collect();
    for review in activity {
        let offset = (day_of(&review.at) - first_day).num_days();
        if let Some(day) = usize::try_from(offset).ok().and_then(|i| days.get_mut(i)) {
            day.count += 1;
        }
    }
    let max = days.iter().map(|day| day.count).max().unwrap_or(0);
    HeatMap {
        first_day,
        max,
        days,
    }
}

fn most_missed(activity: &[&Review], cards: &BTreeMap<&CardId, (&Card, &str)>) -> Vec<MissedCard> {
    // Tallied by hash, every card alike; cards no deck holds drop out
    // below (a B-tree lookup per review took most of `stats` at 150k).
    let mut tally: rustc_hash::FxHashMap<&CardId, (usize, usize)> = Default::default();
    for review in activity {
        let (wrong, total) = tally.entry(&review.card).or_default();
        *total += 1;
        if review.verdict == Grade::Wrong {
            *wrong += 1;
        }
    }
    let mut missed: Vec<MissedCard> = tally
        .into_iter()
        .filter(|(_, (wrong, _))| *wrong > 0)
        .filter_map(|(id, (wrong, reviews))| {
            let (card, deck) = cards.get(id)?;
            Some(MissedCard {
                card: id.clone(),
                deck: deck.to_string(),
                prompt: card.prompt.clone(),
                answer: right_answer(card),
                wrong,
                reviews,
            })
        })
        .collect();
    missed.sort_by(|a, b| b.wrong.cmp(&a.wrong).then_with(|| a.card.cmp(&b.card)));
    missed.truncate(TOP);
    missed
}

fn most_confused(
    activity: &[&Review],
    cards: &BTreeMap<&CardId, (&Card, &str)>,
) -> Vec<ConfusedPair> {
    // A typed (or quiz menu) answer that is another card's answer of the
    // same deck and kind is a confusion too: `LAN` for `WAN`, an acronym's
    // expansion picked for another. Translations only count the same way
    // round (the en-vi prompt typed back is no confusion).
    type Key<'a> = (&'a str, CardKind, Option<Direction>, String);
    let mut answers_of_kind: rustc_hash::FxHashMap<Key, &str> = Default::default();
    for (card, deck) in cards.values() {
        if card.input != InputKind::List {
            let answer = card.canonical_answer();
            answers_of_kind
                .entry((deck, card.kind, card.direction, choice_key(answer)))
                .or_insert(answer);
        }
    }
    // By hash: the pairs are sorted in full below.
    let mut tally: rustc_hash::FxHashMap<(&CardId, String), usize> = Default::default();
    for review in activity.iter().filter(|r| r.verdict == Grade::Wrong) {
        let Some((card, deck)) = cards.get(&review.card) else {
            continue;
        };
        let picked = match card.input {
            InputKind::Choice => picked_choice(card, &review.answer),
            InputKind::Text => answers_of_kind
                .get(&(*deck, card.kind, card.direction, choice_key(&review.answer)))
                .filter(|other| choice_key(other) != choice_key(card.canonical_answer()))
                .map(|other| other.to_string()),
            InputKind::List => None,
        };
        if let Some(picked) = picked {
            *tally.entry((&review.card, picked)).or_default() += 1;
        }
    }
    let mut pairs: Vec<ConfusedPair> = tally
        .into_iter()
        .filter_map(|((id, picked), count)| {
            let (card, deck) = cards.get(id)?;
            Some(ConfusedPair {
                card: id.clone(),
                deck: deck.to_string(),
                prompt: card.prompt.clone(),
                answer: card.canonical_answer().to_string(),
                picked,
                count,
            })
        })
        .collect();
    pairs.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.card.cmp(&b.card))
            .then_with(|| a.picked.cmp(&b.picked))
    });
    pairs.truncate(TOP);
    pairs
}

/// `activity` sorted by time: the overruled answers per card and answer
/// typed (case and surrounding space aside), most often first, then latest.
fn overruled(
    activity: &[&Review],
    cards: &BTreeMap<&CardId, (&Card, &str)>,
) -> Vec<OverruledAnswer> {
    let mut tally: BTreeMap<(&CardId, String), (usize, &Review, Grade)> = BTreeMap::new();
    for review in activity {
        let Some(judged) = review.overruled else {
            continue;
        };
        if cards.contains_key(&review.card) {
            let key = (&review.card, choice_key(&review.answer));
            let entry = tally.entry(key).or_insert((0, review, judged));
            *entry = (entry.0 + 1, review, judged);
        }
    }
    let mut list: Vec<(Timestamp, OverruledAnswer)> = tally
        .into_iter()
        .filter_map(|((id, _), (count, latest, judged))| {
            let (card, deck) = cards.get(id)?;
            Some((
                latest.at,
                OverruledAnswer {
                    card: id.clone(),
                    deck: deck.to_string(),
                    prompt: card.prompt.clone(),
                    answer: right_answer(card),
                    typed: latest.answer.trim().to_string(),
                    judged,
                    count,
                    last_at: clock::format(&latest.at),
                },
            ))
        })
        .collect();
    list.sort_by(|(a_at, a), (b_at, b)| {
        b.count
            .cmp(&a.count)
            .then_with(|| b_at.cmp(a_at))
            .then_with(|| a.card.cmp(&b.card))
    });
    list.into_iter().map(|(_, entry)| entry).collect()
}

/// The right answer as shown: every item of a list card, else the canonical one.
fn right_answer(card: &Card) -> String {
    if card.input == InputKind::List {
        card.answers.join(", ")
    } else {
        card.canonical_answer().to_string()
    }
}

/// The choice a wrong answer picked, spelled as on the card; an answer that
/// matches no choice is kept as typed. `None` for an empty answer or the
/// right one (a wrong verdict on it says nothing about confusion).
fn picked_choice(card: &Card, answer: &str) -> Option<String> {
    let key = choice_key;
    let answer_key = key(answer);
    if answer_key.is_empty() || answer_key == key(card.canonical_answer()) {
        return None;
    }
    let choice = card.choices.iter().find(|choice| key(choice) == answer_key);
    Some(choice.map_or_else(|| answer.trim().to_string(), Clone::clone))
}

/// An answer as compared with the options: case, surrounding space and
/// Unicode composition do not matter.
fn choice_key(text: &str) -> String {
    let text = text.trim();
    // Most answers are composed already: no copy through `nfc` for them
    // (stats keys every card of the library here).
    if unicode_normalization::is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes
    {
        return text.to_lowercase();
    }
    text.nfc().collect::<String>().to_lowercase()
}

/// The heat map's shades, from no review to the busiest days.
pub const SHADES: [char; 5] = ['·', '░', '▒', '▓', '█'];

/// The shade (0–4) of a day with `count` reviews when the busiest had `max`:
/// 0 for none, else the quarter of `max` the count falls in.
pub fn shade(count: usize, max: usize) -> usize {
    if count == 0 || max == 0 {
        return 0;
    }
    (count * 4).div_ceil(max).clamp(1, 4)
}

/// The counts shade `level` (1–4) stands for when the busiest day had `max`.
fn shade_range(level: usize, max: usize) -> Option<(usize, usize)> {
    let low = (level - 1) * max / 4 + 1;
    let high = level * max / 4;
    (low <= high).then_some((low, high))
}

#[cfg(test)]
mod tests {
    use super::draw::BAR_WIDTH;
    use super::*;
    use crate::deck::{CardKind, DeckId, DeckMeta};
    use crate::scheduler::Schedule;
    use crate::store::ReviewMode;
    use unicode_width::UnicodeWidthStr;

    fn at(text: &str) -> Timestamp {
        clock::parse(text).unwrap()
    }

    fn card(id: &str, input: InputKind, answer: &str, choices: &[&str]) -> Card {
        Card {
            id: CardId(id.into()),
            kind: CardKind::Category,
            input,
            prompt: format!("prompt of {id}"),
            answers: vec![answer.into()],
            choices: choices.iter().map(|c| c.to_string()).collect(),
            hint: None,
            direction: None,
            section: None,
            line: 1,
            hash: String::new(),
        }
    }

    fn deck() -> Deck {
        Deck {
            deck: DeckMeta {
                id: DeckId("d".into()),
                title: "D".into(),
                source: "d.md".into(),
                format: 1,
                folder: None,
            },
            cards: vec![
                card("a", InputKind::Text, "alpha", &[]),
                card(
                    "b",
                    InputKind::Choice,
                    "Tạo văn bản",
                    &["Tạo văn bản", "Tạo hình ảnh"],
                ),
                card("c", InputKind::Text, "gamma", &[]),
            ],
        }
    }

    fn review(card: &str, when: &str, rating: Rating, answer: &str) -> Review {
        Review {
            overruled: None,
            card: CardId(card.into()),
            deck: DeckId("d".into()),
            at: at(when),
            rating,
            mode: ReviewMode::Study,
            answer: answer.into(),
            verdict: if rating == Rating::Again {
                Grade::Wrong
            } else {
                Grade::Correct
            },
        }
    }

    fn record(state: CardState, due: &str) -> CardRecord {
        CardRecord {
            deck: DeckId("d".into()),
            schedule: Schedule {
                state,
                step: None,
                stability: Some(3.0),
                difficulty: Some(5.0),
                due: at(due),
                last_review: None,
                reps: 1,
                lapses: 0,
            },
            first_review: at("2026-11-01T09:00:00+07:00"),
            last_verdict: Grade::Correct,
            last_answer: String::new(),
        }
    }

    const NOW: &str = "2026-11-28T20:00:00+07:00";

    #[test]
    fn states_count_unanswered_cards_as_new_and_forecast_buckets_by_day() {
        let records = BTreeMap::from([
            (
                CardId("a".into()),
                record(CardState::Review, "2026-11-20T09:00:00+07:00"),
            ),
            (
                CardId("b".into()),
                record(CardState::Learning, "2026-11-30T23:30:00+07:00"),
            ),
            (
                CardId("gone".into()),
                record(CardState::Review, "2026-11-28T09:00:00+07:00"),
            ),
        ]);
        let deck = deck();
        let figures = figures(&[&deck], &records, &[], at(NOW));
        assert_eq!(
            figures.cards,
            StateCounts {
                total: 3,
                new: 1,
                learning: 1,
                review: 1,
                relearning: 0
            }
        );
        // The overdue card counts today; the card removed from the deck not at all.
        assert_eq!(figures.due_today, 1);
        let counts: Vec<usize> = figures.forecast.iter().map(|d| d.count).collect();
        assert_eq!(&counts[..3], &[1, 0, 1]);
        assert_eq!(figures.forecast.len(), FORECAST_DAYS);
    }

    #[test]
    fn retention_counts_only_reviews_after_21_days_within_30_days() {
        let reviews = vec![
            review("a", "2026-10-01T09:00:00+07:00", Rating::Good, ""),
            // 25 days later, inside the window: mature, correct.
            review("a", "2026-11-05T09:00:00+07:00", Rating::Good, ""),
            review("c", "2026-10-20T09:00:00+07:00", Rating::Good, ""),
            // 22 days later: mature, forgotten.
            review("c", "2026-11-11T09:00:00+07:00", Rating::Again, "x"),
            // 10 days later: young, not counted.
            review("c", "2026-11-21T09:00:00+07:00", Rating::Good, ""),
        ];
        let deck = deck();
        let retention = figures(&[&deck], &BTreeMap::new(), &reviews, at(NOW)).retention;
        assert_eq!((retention.mature_reviews, retention.correct), (2, 1));
        assert_eq!(retention.rate, Some(0.5));
    }

    #[test]
    fn streak_ends_today_or_yesterday() {
        let reviews = vec![
            review("a", "2026-11-25T09:00:00+07:00", Rating::Good, ""),
            review("a", "2026-11-26T09:00:00+07:00", Rating::Good, ""),
            review("a", "2026-11-27T23:59:00+07:00", Rating::Good, ""),
        ];
        let deck = deck();
        let streak = figures(&[&deck], &BTreeMap::new(), &reviews, at(NOW)).streak;
        assert_eq!(
            streak,
            Streak {
                days: 3,
                studied_today: false
            }
        );
        let later = figures(
            &[&deck],
            &BTreeMap::new(),
            &reviews,
            at("2026-11-29T08:00:00+07:00"),
        );
        assert_eq!(later.streak.days, 0);
    }

    #[test]
    fn every_month_starting_in_the_heat_map_is_named() {
        // 2026-11-10: the map starts on Monday 24 August, so September
        // starts in the second week, right after the first week's "Aug".
        let stats = compute(
            &[&deck()],
            &BTreeMap::new(),
            &[],
            at("2026-11-10T09:00:00+07:00"),
        );
        let plain = render(&stats, false, Lang::En);
        let months = plain
            .lines()
            .find(|line| line.contains("Oct"))
            .unwrap_or_default();
        assert_eq!(months.trim(), "Sep         Oct         Nov", "{plain}");
        assert_eq!(months.find("Sep"), Some(5 + 3));
        let vietnamese = render(&stats, false, Lang::Vi);
        assert!(
            vietnamese.contains("Th9         Th10        Th11"),
            "{vietnamese}"
        );
    }

    #[test]
    fn overruled_answers_are_listed_by_card_and_answer_most_often_first() {
        let overruled = |card: &str, when: &str, answer: &str, judged: Grade| Review {
            overruled: Some(judged),
            ..review(card, when, Rating::Good, answer)
        };
        let reviews = vec![
            overruled("a", "2026-11-20T09:00:00+07:00", "alfa", Grade::Wrong),
            review("a", "2026-11-21T09:00:00+07:00", Rating::Good, "alpha"),
            overruled("c", "2026-11-22T09:00:00+07:00", "gama", Grade::Close),
            overruled("a", "2026-11-23T09:00:00+07:00", " Alfa ", Grade::Close),
            // A card no deck holds any more shows nothing to fix.
            overruled("gone", "2026-11-23T09:00:00+07:00", "x", Grade::Wrong),
        ];
        let stats = compute(&[&deck()], &BTreeMap::new(), &reviews, at(NOW));
        let listed: Vec<(&str, &str, Grade, usize)> = stats
            .overall
            .overruled
            .iter()
            .map(|e| (e.card.0.as_str(), e.typed.as_str(), e.judged, e.count))
            .collect();
        assert_eq!(
            listed,
            [
                ("a", "Alfa", Grade::Close, 2),
                ("c", "gama", Grade::Close, 1)
            ]
        );
        assert_eq!(stats.overall.overruled[0].answer, "alpha");
        let text = render(&stats, false, Lang::En);
        assert!(text.contains("Overruled (“I was right”)"), "{text}");
        assert!(
            text.contains("  2× prompt of a “Alfa” judged close → alpha"),
            "{text}"
        );
        let text = render(&stats, false, Lang::Vi);
        assert!(text.contains("“gama” bị chấm gần đúng → gamma"), "{text}");
        let json = serde_json::to_value(&stats).unwrap();
        assert_eq!(json["overall"]["overruled"][0]["judged"], "close");
        assert_eq!(json["decks"][0]["overruled"][1]["typed"], "gama");
        let none = compute(&[&deck()], &BTreeMap::new(), &reviews[1..2], at(NOW));
        assert!(!render(&none, false, Lang::En).contains("Overruled"));
    }

    #[test]
    fn deck_text_cannot_drive_the_terminal() {
        let mut evil = deck();
        evil.deck.id = DeckId("d\u{1b}]0;title\u{7}".into());
        for card in &mut evil.cards {
            card.prompt = format!("{}\u{1b}[2J\u{202e}\u{9b}1m", card.prompt);
            card.answers = vec![format!("{}\u{1b}[31m", card.answers[0])];
        }
        let reviews = vec![
            review("a", "2026-11-27T09:00:00+07:00", Rating::Again, "x"),
            review(
                "b",
                "2026-11-27T09:00:00+07:00",
                Rating::Again,
                "Tạo hình ảnh\u{7}",
            ),
        ]
        .into_iter()
        .map(|review| Review {
            deck: evil.deck.id.clone(),
            ..review
        })
        .collect::<Vec<_>>();
        let stats = compute(&[&evil], &BTreeMap::new(), &reviews, at(NOW));
        for lang in [Lang::En, Lang::Vi] {
            let plain = render(&stats, false, lang);
            assert!(plain.contains("prompt of a"), "{plain}");
            assert!(plain.contains("\nd "), "{plain}");
            assert!(
                !plain.contains(['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}']),
                "{plain:?}"
            );
        }
    }

    #[test]
    fn days_are_counted_in_the_offset_of_now() {
        // 23:30 UTC on the 27th is the 28th in Hanoi.
        let reviews = vec![review("a", "2026-11-27T23:30:00+00:00", Rating::Good, "")];
        let deck = deck();
        let figures = figures(&[&deck], &BTreeMap::new(), &reviews, at(NOW));
        assert!(figures.streak.studied_today);
        assert_eq!(figures.reviews.today, 1);
        let last = figures.heat_map.days.last().unwrap();
        assert_eq!(
            (last.date.to_string().as_str(), last.count),
            ("2026-11-28", 1)
        );
    }

    #[test]
    fn heat_map_starts_on_a_monday_twelve_weeks_back() {
        let deck = deck();
        let map = figures(&[&deck], &BTreeMap::new(), &[], at(NOW)).heat_map;
        assert_eq!(map.first_day.weekday(), chrono::Weekday::Mon);
        assert_eq!(map.first_day.to_string(), "2026-09-07");
        // 11 full weeks and Monday to Saturday of this one.
        assert_eq!(map.days.len(), 11 * 7 + 6);
    }

    #[test]
    fn missed_and_confused_rank_by_count() {
        let reviews = vec![
            review(
                "b",
                "2026-11-20T09:00:00+07:00",
                Rating::Again,
                "tạo hình ảnh",
            ),
            review(
                "b",
                "2026-11-21T09:00:00+07:00",
                Rating::Again,
                "Tạo hình ảnh",
            ),
            review(
                "b",
                "2026-11-22T09:00:00+07:00",
                Rating::Good,
                "Tạo văn bản",
            ),
            review("a", "2026-11-22T09:00:00+07:00", Rating::Again, "beta"),
            review("gone", "2026-11-22T09:00:00+07:00", Rating::Again, "x"),
        ];
        let deck = deck();
        let figures = figures(&[&deck], &BTreeMap::new(), &reviews, at(NOW));
        let missed: Vec<(&str, usize, usize)> = figures
            .most_missed
            .iter()
            .map(|m| (m.card.0.as_str(), m.wrong, m.reviews))
            .collect();
        assert_eq!(missed, vec![("b", 2, 3), ("a", 1, 1)]);
        assert_eq!(figures.most_confused.len(), 1);
        let pair = &figures.most_confused[0];
        assert_eq!((pair.picked.as_str(), pair.count), ("Tạo hình ảnh", 2));
        assert_eq!(pair.answer, "Tạo văn bản");
        // The removed card's review still counts as activity.
        assert_eq!(figures.reviews.total, 5);
    }

    #[test]
    fn a_typed_answer_of_another_card_is_a_confusion() {
        let reviews = vec![
            // Card c's answer typed for card a: a confusion, spelled as on c.
            review("a", "2026-11-20T09:00:00+07:00", Rating::Again, " GAMMA "),
            // An answer of no card is a miss, not a confusion.
            review("a", "2026-11-21T09:00:00+07:00", Rating::Again, "beta"),
            review("c", "2026-11-21T09:00:00+07:00", Rating::Again, ""),
        ];
        let deck = deck();
        let figures = figures(&[&deck], &BTreeMap::new(), &reviews, at(NOW));
        let pairs: Vec<(&str, &str, &str)> = figures
            .most_confused
            .iter()
            .map(|p| (p.card.0.as_str(), p.picked.as_str(), p.answer.as_str()))
            .collect();
        assert_eq!(pairs, vec![("a", "gamma", "alpha")]);
    }

    #[test]
    fn shades_split_the_busiest_day_in_quarters() {
        assert_eq!(shade(0, 12), 0);
        assert_eq!(shade(1, 12), 1);
        assert_eq!(shade(3, 12), 1);
        assert_eq!(shade(4, 12), 2);
        assert_eq!(shade(12, 12), 4);
        assert_eq!(shade(1, 1), 4);
        assert_eq!(shade_range(1, 12), Some((1, 3)));
        assert_eq!(shade_range(1, 2), None);
        assert_eq!(shade_range(2, 2), Some((1, 1)));
    }

    #[test]
    fn bars_scale_to_the_largest_count() {
        assert_eq!(bar(0, 5), "");
        assert_eq!(bar(5, 5).chars().filter(|c| *c == '█').count(), BAR_WIDTH);
        assert!(bar(1, 1000).starts_with('▏'));
    }

    #[test]
    fn rendering_fits_80_columns_and_has_no_escapes_without_colour() {
        let long = Deck {
            deck: DeckMeta {
                id: DeckId("a-deck-id-far-too-long-for-its-column".into()),
                ..deck().deck
            },
            cards: vec![Card {
                prompt: "một câu hỏi rất dài ".repeat(8),
                ..card("long/a", InputKind::Text, "alpha", &[])
            }],
        };
        let reviews: Vec<Review> = (0..40)
            .map(|i| Review {
                deck: long.deck.id.clone(),
                ..review(
                    "long/a",
                    &format!("2026-11-{:02}T09:00:00+07:00", 1 + i % 28),
                    Rating::Again,
                    "",
                )
            })
            .collect();
        let stats = compute(&[&long, &deck()], &BTreeMap::new(), &reviews, at(NOW));
        let plain = render(&stats, false, Lang::En);
        for line in plain.lines() {
            assert!(line.width() <= WIDTH, "{} columns: {line}", line.width());
        }
        assert!(!plain.contains('\x1b'));
        assert!(plain.contains("all decks"));
        assert!(plain.contains("Most missed"));
        // The long prompt is cut, its answer still shown on the next line.
        assert!(plain.contains("\n       → alpha\n"), "{plain}");
        let coloured = render(&stats, true, Lang::En);
        assert!(coloured.contains('\x1b'));
        let vietnamese = render(&stats, false, Lang::Vi);
        for line in vietnamese.lines() {
            assert!(line.width() <= WIDTH, "{} columns: {line}", line.width());
        }
        assert!(vietnamese.contains("\nCN "), "{vietnamese}");
        // No English abbreviation in the Vietnamese table.
        assert!(vietnamese.contains("  0 ngày\n"), "{vietnamese}");
        assert!(vietnamese.contains("mọi bộ thẻ"));
    }
}
