//! Replays the vectors generated from the reference `fsrs` 6.3.2
//! (`scripts/fsrs_vectors.py` → `tests/data/fsrs_vectors.json`) through
//! ontap's scheduler with fuzzing off: after every review the state, step
//! and due time must be equal, stability and difficulty within 1e-4 relative.

use ontap::clock::{self, Timestamp};
use ontap::deck::CardId;
use ontap::scheduler::{CardState, Rating, Schedule, Scheduler, fuzz_seed};
use serde::Deserialize;

#[derive(Deserialize)]
struct Vectors {
    vectors: Vec<Vector>,
}

#[derive(Deserialize)]
struct Vector {
    name: String,
    desired_retention: f64,
    maximum_interval: u32,
    created: String,
    reviews: Vec<Expected>,
}

#[derive(Deserialize)]
struct Expected {
    rating: u8,
    at: String,
    retrievability_before: f64,
    state: String,
    step: Option<u32>,
    stability: f64,
    difficulty: f64,
    due: String,
    last_review: String,
}

fn time(text: &str) -> Timestamp {
    clock::parse(text).unwrap_or_else(|error| panic!("bad time {text}: {error}"))
}

fn close(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() <= 1e-4 * expected.abs().max(f64::MIN_POSITIVE)
}

fn load() -> Vectors {
    let text = std::fs::read_to_string("tests/data/fsrs_vectors.json").unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn every_reference_vector_replays_exactly() {
    let vectors = load();
    assert!(vectors.vectors.len() >= 250, "too few vectors");
    let mut reviews = 0;
    let mut same_day = 0;
    let mut max_relative_error = 0.0f64;
    for vector in &vectors.vectors {
        let scheduler = Scheduler {
            enable_fuzzing: false,
            desired_retention: vector.desired_retention,
            maximum_interval: vector.maximum_interval,
            ..Default::default()
        };
        let mut schedule: Schedule = Scheduler::new_card(time(&vector.created));
        for (index, expected) in vector.reviews.iter().enumerate() {
            let context = format!("vector '{}', review {}", vector.name, index + 1);
            let at = time(&expected.at);
            if let Some(last) = schedule.last_review {
                if (at - last).num_days() < 1 {
                    same_day += 1;
                }
                let retrievability = scheduler.retrievability(&schedule, at);
                assert!(
                    close(retrievability, expected.retrievability_before),
                    "{context}: retrievability {retrievability} != {}",
                    expected.retrievability_before
                );
            }
            let rating = Rating::try_from(expected.rating).unwrap();
            schedule = scheduler.review(&schedule, rating, at, 0);
            reviews += 1;
            assert_eq!(schedule.state.name(), expected.state, "{context}: state");
            assert_eq!(schedule.step, expected.step, "{context}: step");
            let stability = schedule.stability.unwrap();
            let difficulty = schedule.difficulty.unwrap();
            assert!(
                close(stability, expected.stability),
                "{context}: stability {stability} != {}",
                expected.stability
            );
            assert!(
                close(difficulty, expected.difficulty),
                "{context}: difficulty {difficulty} != {}",
                expected.difficulty
            );
            max_relative_error = max_relative_error
                .max((stability - expected.stability).abs() / expected.stability)
                .max((difficulty - expected.difficulty).abs() / expected.difficulty);
            // To the microsecond, as the reference's datetimes.
            assert_eq!(schedule.due, time(&expected.due), "{context}: due");
            assert_eq!(
                schedule.last_review,
                Some(time(&expected.last_review)),
                "{context}: last_review"
            );
            assert_eq!(schedule.reps as usize, index + 1, "{context}: reps");
        }
    }
    assert!(same_day > 100, "the vectors must cover same-day reviews");
    println!(
        "{} vectors, {reviews} reviews, {same_day} same-day, max relative error {max_relative_error:e}",
        vectors.vectors.len()
    );
}

/// With fuzz on, the memory state is the reference's all the same (fuzz only
/// moves due dates), and every due date stays within the reference's fuzz
/// range around the unfuzzed one.
#[test]
fn fuzz_moves_only_due_dates_within_the_reference_range() {
    let card = CardId("replay/card".into());
    let mut fuzzed_dates = 0;
    for vector in load().vectors {
        let scheduler = Scheduler {
            desired_retention: vector.desired_retention,
            maximum_interval: vector.maximum_interval,
            ..Default::default()
        };
        let mut schedule = Scheduler::new_card(time(&vector.created));
        for (index, expected) in vector.reviews.iter().enumerate() {
            let context = format!("vector '{}', review {}", vector.name, index + 1);
            let at = time(&expected.at);
            let rating = Rating::try_from(expected.rating).unwrap();
            let seed = fuzz_seed(&card, schedule.reps);
            schedule = scheduler.review(&schedule, rating, at, seed);
            assert_eq!(schedule.state.name(), expected.state, "{context}");
            assert_eq!(schedule.step, expected.step, "{context}");
            assert!(
                close(schedule.stability.unwrap(), expected.stability),
                "{context}"
            );
            assert!(
                close(schedule.difficulty.unwrap(), expected.difficulty),
                "{context}"
            );
            let reference_days = (time(&expected.due) - at).num_days();
            let days = (schedule.due - at).num_days();
            if schedule.state == CardState::Review && reference_days >= 3 {
                let (min, max) = scheduler.fuzz_range(reference_days);
                let max = (max + 1).min(i64::from(scheduler.maximum_interval));
                assert!(
                    (min..=max).contains(&days),
                    "{context}: {days} not in {min}..={max}"
                );
                fuzzed_dates += usize::from(days != reference_days);
            } else {
                assert_eq!(schedule.due, time(&expected.due), "{context}: unfuzzed");
            }
        }
    }
    assert!(
        fuzzed_dates > 100,
        "fuzz should move many dates, moved {fuzzed_dates}"
    );
}
