//! FSRS-6 scheduling, as the reference Python package `fsrs` 6.3.2 does it:
//! default weights, desired retention 0.9, learning steps 1 min and 10 min,
//! relearning step 10 min, and deterministic interval fuzz seeded by card and
//! review. Pure: every function takes `now` as a value.

use serde::{Deserialize, Serialize};

use crate::clock::Timestamp;

/// How well the user remembered: the four FSRS ratings, stored as 1–4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum Rating {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

impl Rating {
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];
}

impl From<Rating> for u8 {
    fn from(rating: Rating) -> u8 {
        rating as u8
    }
}

impl TryFrom<u8> for Rating {
    type Error = String;

    fn try_from(value: u8) -> Result<Rating, String> {
        match value {
            1 => Ok(Rating::Again),
            2 => Ok(Rating::Hard),
            3 => Ok(Rating::Good),
            4 => Ok(Rating::Easy),
            other => Err(format!("rating {other} is not 1 (again) to 4 (easy)")),
        }
    }
}

/// Where a card is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CardState {
    New,
    Learning,
    Review,
    Relearning,
}

/// A card's schedule: the FSRS memory state plus where it stands in its
/// (re)learning steps. Derivable from the review log; the store caches it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Schedule {
    pub state: CardState,
    /// The index of the current (re)learning step, when in one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stability: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difficulty: Option<f64>,
    #[serde(with = "crate::clock::toml_datetime")]
    pub due: Timestamp,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::clock::toml_datetime_option"
    )]
    pub last_review: Option<Timestamp>,
    pub reps: u32,
    pub lapses: u32,
}

/// FSRS-6 parameters and the (re)learning steps. `Default` is the reference's
/// `Scheduler(desired_retention=0.9)` with fuzzing on.
#[derive(Debug, Clone, PartialEq)]
pub struct Scheduler {
    pub weights: [f64; 21],
    pub desired_retention: f64,
    pub learning_steps: Vec<chrono::Duration>,
    pub relearning_steps: Vec<chrono::Duration>,
    /// The longest interval, in days.
    pub maximum_interval: u32,
    pub enable_fuzzing: bool,
}

impl Scheduler {
    /// The schedule of a card never reviewed: new and due now.
    pub fn new_card(now: Timestamp) -> Schedule {
        Schedule {
            state: CardState::New,
            step: None,
            stability: None,
            difficulty: None,
            due: now,
            last_review: None,
            reps: 0,
            lapses: 0,
        }
    }

    /// The schedule after answering with `rating` at `now`. `fuzz_seed` makes
    /// the interval fuzz deterministic (see [`fuzz_seed`]).
    pub fn review(
        &self,
        _schedule: &Schedule,
        _rating: Rating,
        _now: Timestamp,
        _fuzz_seed: u64,
    ) -> Schedule {
        todo!("FSRS-6 review (engine issue)")
    }

    /// The probability of recall at `now` (1.0 for a card never reviewed).
    pub fn retrievability(&self, _schedule: &Schedule, _now: Timestamp) -> f64 {
        todo!("FSRS-6 retrievability (engine issue)")
    }
}

/// The fuzz seed of a card's review number `reps`: the same card and review
/// always get the same fuzz, so replaying the log gives the same dates.
pub fn fuzz_seed(_card: &crate::deck::CardId, _reps: u32) -> u64 {
    todo!("fuzz seed (engine issue)")
}
