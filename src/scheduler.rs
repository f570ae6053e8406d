//! FSRS-6 scheduling, as the reference Python package `fsrs` 6.3.2 does it:
//! default weights, desired retention 0.9, learning steps 1 min and 10 min,
//! relearning step 10 min, and deterministic interval fuzz seeded by card and
//! review. Pure: every function takes `now` as a value.

use std::f64::consts::E;

use chrono::TimeDelta;
use serde::{Deserialize, Serialize};

use crate::clock::{self, Timestamp};

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

impl CardState {
    pub const ALL: [CardState; 4] = [
        CardState::New,
        CardState::Learning,
        CardState::Review,
        CardState::Relearning,
    ];

    /// The name state files and messages use: `new`, `learning`, `review`, `relearning`.
    pub fn name(self) -> &'static str {
        match self {
            CardState::New => "new",
            CardState::Learning => "learning",
            CardState::Review => "review",
            CardState::Relearning => "relearning",
        }
    }
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

/// The 21 published FSRS-6 default weights, as `DEFAULT_PARAMETERS` of the
/// reference package `fsrs` 6.3.2 has them (the last one is the decay).
pub const DEFAULT_WEIGHTS: [f64; 21] = [
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835,
    0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
];

const STABILITY_MIN: f64 = 0.001;
const MIN_DIFFICULTY: f64 = 1.0;
const MAX_DIFFICULTY: f64 = 10.0;

/// The reference's `FUZZ_RANGES`: (start, end, factor) in days. An interval
/// gets ±`delta` days of fuzz, `delta = 1 + Σ factor · overlap(interval, range)`.
const FUZZ_RANGES: [(f64, f64, f64); 3] = [
    (2.5, 7.0, 0.15),
    (7.0, 20.0, 0.1),
    (20.0, f64::INFINITY, 0.05),
];

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

impl Default for Scheduler {
    fn default() -> Self {
        Scheduler {
            weights: DEFAULT_WEIGHTS,
            desired_retention: 0.9,
            learning_steps: vec![chrono::Duration::minutes(1), chrono::Duration::minutes(10)],
            relearning_steps: vec![chrono::Duration::minutes(10)],
            maximum_interval: 36500,
            enable_fuzzing: true,
        }
    }
}

/// The time to the next review: whole days once a card is in review (the
/// only intervals that get fuzz), an exact step while (re)learning.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Interval {
    Days(i64),
    Step(TimeDelta),
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
    ///
    /// This is the reference's `Scheduler.review_card`, step for step. A
    /// [`CardState::New`] card is the reference's fresh `Card()` (learning,
    /// step 0, no memory state yet). `reps` counts every review and `lapses`
    /// every Again given to a card in review, which the reference does not
    /// track. A schedule whose memory state is missing or unusable (a
    /// damaged cache: NaN, infinite, not positive) is treated as a first
    /// review, so the result is always a sound memory state.
    pub fn review(
        &self,
        schedule: &Schedule,
        rating: Rating,
        now: Timestamp,
        fuzz_seed: u64,
    ) -> Schedule {
        let memory = match (schedule.state, schedule.stability, schedule.difficulty) {
            (CardState::New, _, _) => None,
            (_, Some(stability), Some(difficulty))
                if usable_stability(stability) && difficulty.is_finite() =>
            {
                Some((stability, difficulty))
            }
            _ => None,
        };
        let (stability, difficulty) = match memory {
            None => (
                self.initial_stability(rating),
                self.initial_difficulty(rating, true),
            ),
            Some((stability, difficulty)) => {
                let days_since_last_review = schedule
                    .last_review
                    .map(|last_review| whole_days(now - last_review));
                let stability = match days_since_last_review {
                    Some(days) if days < 1 => self.short_term_stability(stability, rating),
                    _ => {
                        let elapsed_days = days_since_last_review.unwrap_or(0);
                        let retrievability = self.forgetting_curve(stability, elapsed_days);
                        self.next_stability(difficulty, stability, retrievability, rating)
                    }
                };
                (stability, self.next_difficulty(difficulty, rating))
            }
        };

        let step = schedule.step.unwrap_or(0);
        let (state, step, interval) = match schedule.state {
            CardState::New | CardState::Learning => self.next_step(
                &self.learning_steps,
                CardState::Learning,
                step,
                rating,
                stability,
            ),
            CardState::Relearning => self.next_step(
                &self.relearning_steps,
                CardState::Relearning,
                step,
                rating,
                stability,
            ),
            CardState::Review => match (rating, self.relearning_steps.first()) {
                (Rating::Again, Some(first)) => {
                    (CardState::Relearning, Some(0), Interval::Step(*first))
                }
                _ => (
                    CardState::Review,
                    None,
                    Interval::Days(self.next_interval(stability)),
                ),
            },
        };

        let interval = match interval {
            Interval::Days(days) if self.enable_fuzzing && state == CardState::Review => {
                self.fuzzed_interval(days, fuzz_seed)
            }
            Interval::Days(days) => TimeDelta::try_days(days).unwrap_or(TimeDelta::MAX),
            Interval::Step(step) => step,
        };
        let lapsed = schedule.state == CardState::Review && rating == Rating::Again;
        Schedule {
            state,
            step,
            stability: Some(stability),
            difficulty: Some(difficulty),
            // State files hold four-digit years: a due date past 9999 could
            // be written but never read back.
            due: now
                .checked_add_signed(interval)
                .map_or(now, clock::at_most_representable)
                .max(now),
            last_review: Some(now),
            reps: schedule.reps.saturating_add(1),
            lapses: schedule.lapses.saturating_add(u32::from(lapsed)),
        }
    }

    /// The probability of recall at `now` (1.0 for a card never reviewed,
    /// or whose cached stability is unusable).
    /// Like the reference's `get_card_retrievability`, the elapsed time is
    /// counted in whole days since the last review.
    pub fn retrievability(&self, schedule: &Schedule, now: Timestamp) -> f64 {
        match (schedule.state, schedule.stability, schedule.last_review) {
            (CardState::New, _, _) => 1.0,
            (_, Some(stability), Some(last_review)) if usable_stability(stability) => {
                // A review dated after `now` (a clock set back) counts as just now.
                let elapsed_days = whole_days(now - last_review).max(0);
                self.forgetting_curve(stability, elapsed_days)
            }
            _ => 1.0,
        }
    }

    /// The interval in days, before fuzz, for a card of `stability` at the
    /// desired retention: rounded half to even like Python's `round`, at
    /// least 1, at most `maximum_interval`.
    pub fn next_interval(&self, stability: f64) -> i64 {
        let interval =
            (stability / self.factor()) * (self.desired_retention.powf(1.0 / self.decay()) - 1.0);
        // `as` saturates (NaN → 0), so odd weights cannot panic here.
        let interval = interval.round_ties_even() as i64;
        interval.max(1).min(i64::from(self.maximum_interval))
    }

    /// The reference's fuzz range for an interval of `interval_days`: the
    /// fuzzed interval is drawn uniformly from `min..=max + 1` and rounded
    /// half to even, so (as in the reference) `max + 1` is possible with
    /// half the weight, never beyond `maximum_interval`. Intervals under
    /// 2.5 days get no fuzz.
    pub fn fuzz_range(&self, interval_days: i64) -> (i64, i64) {
        let days = interval_days as f64;
        let delta = 1.0
            + FUZZ_RANGES
                .iter()
                .map(|(start, end, factor)| factor * (days.min(*end) - start).max(0.0))
                .sum::<f64>();
        let min_interval = ((days - delta).round_ties_even() as i64).max(2);
        let max_interval =
            ((days + delta).round_ties_even() as i64).min(i64::from(self.maximum_interval));
        (min_interval.min(max_interval), max_interval)
    }

    fn fuzzed_interval(&self, interval_days: i64, fuzz_seed: u64) -> TimeDelta {
        let days = if (interval_days as f64) < 2.5 {
            interval_days
        } else {
            let (min_interval, max_interval) = self.fuzz_range(interval_days);
            let draw = unit_interval(fuzz_seed);
            let fuzzed = draw * (max_interval - min_interval + 1) as f64 + min_interval as f64;
            (fuzzed.round_ties_even() as i64).min(i64::from(self.maximum_interval))
        };
        TimeDelta::try_days(days).unwrap_or(TimeDelta::MAX)
    }

    /// The state, step and interval after a review in a (re)learning state,
    /// the reference's step logic: Again restarts the steps, Hard repeats the
    /// step (the first step waits halfway to the second), Good moves on or
    /// graduates after the last step, Easy graduates at once.
    fn next_step(
        &self,
        steps: &[TimeDelta],
        state: CardState,
        step: u32,
        rating: Rating,
        stability: f64,
    ) -> (CardState, Option<u32>, Interval) {
        let graduate = (
            CardState::Review,
            None,
            Interval::Days(self.next_interval(stability)),
        );
        let index = step as usize;
        // Also covers a card left on a step this scheduler no longer has.
        if steps.is_empty() || (index >= steps.len() && rating != Rating::Again) {
            return graduate;
        }
        match rating {
            Rating::Again => match steps.first() {
                Some(first) => (state, Some(0), Interval::Step(*first)),
                None => graduate,
            },
            Rating::Hard => {
                let interval = match (index, steps) {
                    (0, [only]) => scale_step(*only, 3, 2),
                    (0, [first, second, ..]) => scale_step(*first + *second, 1, 2),
                    _ => match steps.get(index) {
                        Some(current) => *current,
                        None => return graduate,
                    },
                };
                (state, Some(step), Interval::Step(interval))
            }
            Rating::Good => match steps.get(index + 1) {
                Some(next) => (state, Some(step + 1), Interval::Step(*next)),
                None => graduate,
            },
            Rating::Easy => graduate,
        }
    }

    fn decay(&self) -> f64 {
        -self.weights[20]
    }

    fn factor(&self) -> f64 {
        0.9f64.powf(1.0 / self.decay()) - 1.0
    }

    /// The probability of recall `elapsed_days` after a review that left
    /// the card at `stability`: FSRS-6's power forgetting curve.
    fn forgetting_curve(&self, stability: f64, elapsed_days: i64) -> f64 {
        (1.0 + self.factor() * elapsed_days as f64 / stability).powf(self.decay())
    }

    fn initial_stability(&self, rating: Rating) -> f64 {
        self.weights[rating as usize - 1].max(STABILITY_MIN)
    }

    fn initial_difficulty(&self, rating: Rating, clamp: bool) -> f64 {
        let difficulty =
            self.weights[4] - E.powf(self.weights[5] * (rating as u8 as f64 - 1.0)) + 1.0;
        if clamp {
            clamp_difficulty(difficulty)
        } else {
            difficulty
        }
    }

    fn short_term_stability(&self, stability: f64, rating: Rating) -> f64 {
        let w = &self.weights;
        let mut increase =
            E.powf(w[17] * (rating as u8 as f64 - 3.0 + w[18])) * stability.powf(-w[19]);
        if rating != Rating::Again {
            increase = increase.max(1.0);
        }
        (stability * increase).max(STABILITY_MIN)
    }

    /// Linear damping towards 10, then mean reversion towards the initial
    /// difficulty of an Easy first answer.
    fn next_difficulty(&self, difficulty: f64, rating: Rating) -> f64 {
        let w = &self.weights;
        let target = self.initial_difficulty(Rating::Easy, false);
        let delta = -(w[6] * (rating as u8 as f64 - 3.0));
        let damped = difficulty + (10.0 - difficulty) * delta / 9.0;
        clamp_difficulty(w[7] * target + (1.0 - w[7]) * damped)
    }

    fn next_stability(
        &self,
        difficulty: f64,
        stability: f64,
        retrievability: f64,
        rating: Rating,
    ) -> f64 {
        let w = &self.weights;
        let next = if rating == Rating::Again {
            let long_term = w[11]
                * difficulty.powf(-w[12])
                * ((stability + 1.0).powf(w[13]) - 1.0)
                * E.powf((1.0 - retrievability) * w[14]);
            let short_term = stability / E.powf(w[17] * w[18]);
            long_term.min(short_term)
        } else {
            let hard_penalty = if rating == Rating::Hard { w[15] } else { 1.0 };
            let easy_bonus = if rating == Rating::Easy { w[16] } else { 1.0 };
            stability
                * (1.0
                    + E.powf(w[8])
                        * (11.0 - difficulty)
                        * stability.powf(-w[9])
                        * (E.powf((1.0 - retrievability) * w[10]) - 1.0)
                        * hard_penalty
                        * easy_bonus)
        };
        next.max(STABILITY_MIN)
    }
}

/// Whether a cached stability can be computed with: a damaged cache may
/// hold NaN, an infinity or zero, which would poison every later review.
fn usable_stability(stability: f64) -> bool {
    stability.is_finite() && stability > 0.0
}

fn clamp_difficulty(difficulty: f64) -> f64 {
    difficulty.clamp(MIN_DIFFICULTY, MAX_DIFFICULTY)
}

/// Whole days in `delta`, rounded down like Python's `timedelta.days`
/// (so a review a little before the last one counts as day −1).
fn whole_days(delta: TimeDelta) -> i64 {
    let days = delta.num_days();
    match TimeDelta::try_days(days) {
        Some(whole) if delta < whole => days - 1,
        _ => days,
    }
}

/// `step · numerator / denominator` to the microsecond, rounded half to even
/// as Python's `timedelta` arithmetic does (5.5 min for the Hard first step).
fn scale_step(step: TimeDelta, numerator: i128, denominator: i128) -> TimeDelta {
    let micros = step
        .num_microseconds()
        .map_or(i128::from(step.num_milliseconds()) * 1000, i128::from);
    let product = micros * numerator;
    let quotient = product.div_euclid(denominator);
    let twice_remainder = 2 * product.rem_euclid(denominator);
    let rounded =
        if twice_remainder > denominator || (twice_remainder == denominator && quotient % 2 != 0) {
            quotient + 1
        } else {
            quotient
        };
    i64::try_from(rounded).map_or(step, TimeDelta::microseconds)
}

/// The fuzz seed of a card's review number `reps` (the number of reviews
/// before this one, i.e. `schedule.reps`): the same card and review always
/// get the same fuzz, so replaying the log gives the same dates. FNV-1a over
/// the id, then SplitMix64 — stable across runs, platforms and Rust versions,
/// unlike std's randomly keyed hasher.
pub fn fuzz_seed(card: &crate::deck::CardId, reps: u32) -> u64 {
    const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;
    let hash = card.0.bytes().fold(FNV_OFFSET, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(FNV_PRIME)
    });
    splitmix64(hash ^ splitmix64(u64::from(reps)))
}

fn splitmix64(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A number in `[0, 1)` drawn from `seed`, standing in for Python's `random()`.
fn unit_interval(seed: u64) -> f64 {
    (splitmix64(seed) >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::CardId;

    fn at(text: &str) -> Timestamp {
        crate::clock::parse(text).unwrap()
    }

    /// A card graduated with Easy, then reviewed with Good when due a few
    /// times: its next interval is long enough to be fuzzed.
    fn mature_card(scheduler: &Scheduler) -> Schedule {
        let plain = Scheduler {
            enable_fuzzing: false,
            ..scheduler.clone()
        };
        let mut schedule = Scheduler::new_card(at("2026-01-05T09:00:00+07:00"));
        schedule = plain.review(&schedule, Rating::Easy, schedule.due, 0);
        for _ in 0..3 {
            schedule = plain.review(&schedule, Rating::Good, schedule.due, 0);
        }
        schedule
    }

    fn interval_days(after: &Schedule) -> i64 {
        (after.due - after.last_review.unwrap()).num_days()
    }

    #[test]
    fn default_is_the_reference_configuration() {
        let scheduler = Scheduler::default();
        assert_eq!(scheduler.weights, DEFAULT_WEIGHTS);
        assert_eq!(scheduler.desired_retention, 0.9);
        assert_eq!(
            scheduler.learning_steps,
            [TimeDelta::minutes(1), TimeDelta::minutes(10)]
        );
        assert_eq!(scheduler.relearning_steps, [TimeDelta::minutes(10)]);
        assert_eq!(scheduler.maximum_interval, 36500);
        assert!(scheduler.enable_fuzzing);
    }

    #[test]
    fn fuzz_is_deterministic_for_a_seed() {
        let scheduler = Scheduler::default();
        let card = mature_card(&scheduler);
        let seed = fuzz_seed(&CardId("ai-tao-sinh/translate/mo-hinh".into()), card.reps);
        let first = scheduler.review(&card, Rating::Good, card.due, seed);
        let again = scheduler.review(&card, Rating::Good, card.due, seed);
        assert_eq!(first, again);
        assert_eq!(
            seed,
            fuzz_seed(&CardId("ai-tao-sinh/translate/mo-hinh".into()), card.reps)
        );
    }

    #[test]
    fn fuzz_stays_within_the_reference_range_and_varies_with_the_seed() {
        let scheduler = Scheduler::default();
        let plain = Scheduler {
            enable_fuzzing: false,
            ..Scheduler::default()
        };
        let card = mature_card(&scheduler);
        let unfuzzed = plain.review(&card, Rating::Good, card.due, 0);
        let base = interval_days(&unfuzzed);
        assert!(
            base > 20,
            "the test card should have a long interval, got {base}"
        );
        let (min, max) = scheduler.fuzz_range(base);
        assert!(min < base && base < max);
        let mut seen = std::collections::BTreeSet::new();
        for reps in 0..200 {
            let seed = fuzz_seed(&CardId(format!("card-{reps}")), reps);
            let fuzzed = scheduler.review(&card, Rating::Good, card.due, seed);
            let days = interval_days(&fuzzed);
            // Python's round(random() * (max - min + 1) + min) reaches max + 1.
            assert!(
                (min..=max + 1).contains(&days),
                "{days} outside {min}..={max}+1"
            );
            assert_eq!(fuzzed.stability, unfuzzed.stability);
            assert_eq!(fuzzed.state, CardState::Review);
            seen.insert(days);
        }
        assert!(seen.len() > 3, "fuzz should spread the dates: {seen:?}");
    }

    #[test]
    fn fuzz_range_matches_the_reference_formula() {
        let scheduler = Scheduler::default();
        // delta = 1 + 0.15·(7 − 2.5) + 0.1·(20 − 7) + 0.05·(100 − 20) = 6.975
        assert_eq!(scheduler.fuzz_range(100), (93, 107));
        // delta = 1 + 0.15·(5 − 2.5) = 1.375
        assert_eq!(scheduler.fuzz_range(5), (4, 6));
        // The lower bound never goes under 2 days.
        assert_eq!(scheduler.fuzz_range(3), (2, 4));
        let short = Scheduler {
            maximum_interval: 100,
            ..Scheduler::default()
        };
        assert_eq!(short.fuzz_range(100), (93, 100));
    }

    #[test]
    fn fuzz_never_exceeds_the_maximum_interval() {
        let scheduler = Scheduler {
            maximum_interval: 30,
            ..Scheduler::default()
        };
        let mut schedule = Scheduler::new_card(at("2026-01-05T09:00:00Z"));
        for reps in 0..40 {
            let seed = fuzz_seed(&CardId("clamped".into()), reps);
            schedule = scheduler.review(&schedule, Rating::Easy, schedule.due, seed);
            assert!(interval_days(&schedule) <= 30);
        }
    }

    #[test]
    fn seeds_differ_by_card_and_by_review() {
        let card = CardId("ai-tao-sinh/acronym/llm".into());
        let other = CardId("ai-tao-sinh/acronym/gpt".into());
        assert_ne!(fuzz_seed(&card, 3), fuzz_seed(&card, 4));
        assert_ne!(fuzz_seed(&card, 3), fuzz_seed(&other, 3));
    }

    #[test]
    fn learning_steps_are_never_fuzzed() {
        let scheduler = Scheduler::default();
        let now = at("2026-01-05T09:00:00Z");
        let card = Scheduler::new_card(now);
        for seed in [1, 2, 3, u64::MAX] {
            let after = scheduler.review(&card, Rating::Good, now, seed);
            assert_eq!(after.state, CardState::Learning);
            assert_eq!(after.due, now + TimeDelta::minutes(10));
        }
    }

    #[test]
    fn higher_retention_gives_shorter_intervals() {
        let card = mature_card(&Scheduler::default());
        let interval = |desired_retention: f64| {
            let scheduler = Scheduler {
                desired_retention,
                enable_fuzzing: false,
                ..Scheduler::default()
            };
            let after = scheduler.review(&card, Rating::Good, card.due, 0);
            interval_days(&after)
        };
        assert!(interval(0.95) < interval(0.9));
        assert!(interval(0.9) < interval(0.8));
        let scheduler = Scheduler::default();
        assert!(
            Scheduler {
                desired_retention: 0.97,
                ..Scheduler::default()
            }
            .next_interval(10.0)
                < scheduler.next_interval(10.0)
        );
    }

    #[test]
    fn retrievability_is_one_for_new_cards_and_falls_with_time() {
        let scheduler = Scheduler::default();
        let now = at("2026-01-05T09:00:00Z");
        let card = Scheduler::new_card(now);
        assert_eq!(scheduler.retrievability(&card, now), 1.0);
        let reviewed = scheduler.review(&card, Rating::Good, now, 0);
        let later = |days| scheduler.retrievability(&reviewed, now + TimeDelta::days(days));
        assert_eq!(later(0), 1.0);
        assert!(later(1) < 1.0);
        assert!(later(10) < later(1));
        assert!(later(1000) > 0.0);
        // The FSRS-6 curve: R(S) = 0.9 by definition of stability.
        let stability = reviewed.stability.unwrap();
        let at_stability = scheduler.retrievability(
            &Schedule {
                stability: Some(10.0),
                ..reviewed.clone()
            },
            now + TimeDelta::days(10),
        );
        assert!(
            (at_stability - 0.9).abs() < 1e-9,
            "{at_stability} {stability}"
        );
    }

    #[test]
    fn reps_and_lapses_are_counted() {
        let scheduler = Scheduler::default();
        let mut schedule = Scheduler::new_card(at("2026-01-05T09:00:00Z"));
        for rating in [
            Rating::Easy,
            Rating::Good,
            Rating::Again,
            Rating::Again,
            Rating::Good,
        ] {
            schedule = scheduler.review(&schedule, rating, schedule.due, 0);
        }
        assert_eq!(schedule.reps, 5);
        // Only the Again given in review is a lapse; the second was relearning.
        assert_eq!(schedule.lapses, 1);
        assert_eq!(schedule.state, CardState::Review);
    }

    #[test]
    fn hard_on_the_first_step_waits_halfway_to_the_second() {
        let scheduler = Scheduler::default();
        let now = at("2026-01-05T09:00:00Z");
        let after = scheduler.review(&Scheduler::new_card(now), Rating::Hard, now, 0);
        assert_eq!(after.step, Some(0));
        assert_eq!(after.due, now + TimeDelta::seconds(330));
        let single = Scheduler {
            learning_steps: vec![TimeDelta::minutes(10)],
            ..Scheduler::default()
        };
        let after = single.review(&Scheduler::new_card(now), Rating::Hard, now, 0);
        assert_eq!(after.due, now + TimeDelta::minutes(15));
    }

    #[test]
    fn damaged_or_odd_schedules_do_not_panic() {
        let now = at("2026-01-05T09:00:00Z");
        let damaged = Schedule {
            state: CardState::Review,
            step: Some(7),
            stability: None,
            difficulty: Some(5.0),
            due: now,
            last_review: Some(now + TimeDelta::days(3)),
            reps: u32::MAX,
            lapses: u32::MAX,
        };
        let no_steps = Scheduler {
            learning_steps: vec![],
            relearning_steps: vec![],
            ..Scheduler::default()
        };
        for scheduler in [Scheduler::default(), no_steps] {
            for rating in Rating::ALL {
                for state in CardState::ALL {
                    let schedule = Schedule {
                        state,
                        ..damaged.clone()
                    };
                    let after = scheduler.review(&schedule, rating, now, 42);
                    assert!(after.stability.is_some_and(f64::is_finite));
                    assert!(after.due >= now);
                    let _ = scheduler.retrievability(&after, now - TimeDelta::days(400));
                }
            }
        }
    }

    #[test]
    fn whole_days_round_down_like_python() {
        assert_eq!(whole_days(TimeDelta::hours(23)), 0);
        assert_eq!(whole_days(TimeDelta::hours(25)), 1);
        assert_eq!(whole_days(TimeDelta::seconds(-1)), -1);
        assert_eq!(whole_days(TimeDelta::days(-2)), -2);
    }

    #[test]
    fn steps_scale_to_the_microsecond_half_to_even() {
        let micros = TimeDelta::microseconds;
        for (step, numerator, expected) in [(3, 1, 2), (5, 1, 2), (1, 3, 2), (7, 3, 10)] {
            assert_eq!(scale_step(micros(step), numerator, 2), micros(expected));
        }
        assert_eq!(
            scale_step(TimeDelta::minutes(11), 1, 2),
            TimeDelta::seconds(330)
        );
    }
}
