//! The only module that touches state files. The data directory holds the
//! review log `reviews.toml` (the source of truth, append-only), the schedule
//! cache derived from it, and the `decks/` of the library.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::clock::Timestamp;
use crate::deck::{CardId, DeckId};
use crate::judge::Grade;
use crate::scheduler::Rating;

/// Which kind of session an answer came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReviewMode {
    Study,
    Quiz,
    Review,
}

/// One answer: a `[[review]]` table of `reviews.toml`. Its fields are a
/// contract that outside tools rely on; add fields, never rename.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    pub card: CardId,
    pub deck: DeckId,
    #[serde(with = "crate::clock::toml_datetime")]
    pub at: Timestamp,
    pub rating: Rating,
    pub mode: ReviewMode,
    #[serde(default)]
    pub answer: String,
    pub verdict: Grade,
}

/// Where state lives: `ONTAP_DATA_DIR` when set, else the platform's data
/// directory (`~/.local/share/ontap` on Linux).
pub fn default_data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("ONTAP_DATA_DIR").filter(|dir| !dir.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    dirs::data_dir().map(|dir| dir.join("ontap"))
}

use std::collections::BTreeMap;
use std::path::Path;

use crate::error::Result;
use crate::scheduler::{Schedule, Scheduler};

/// What the schedule cache keeps per card: its schedule plus the few facts
/// about its history that start-up needs without reading the whole log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardRecord {
    pub deck: DeckId,
    #[serde(flatten)]
    pub schedule: Schedule,
    /// When the card was first answered (counts against the daily new-card limit).
    #[serde(with = "crate::clock::toml_datetime")]
    pub first_review: Timestamp,
    /// The verdict and answer of the latest effective review.
    pub last_verdict: Grade,
    #[serde(default)]
    pub last_answer: String,
}

/// A card whose latest answer was wrong and that has not been answered
/// correctly since.
#[derive(Debug, Clone, PartialEq)]
pub struct Missed {
    pub card: CardId,
    pub deck: DeckId,
    /// The wrong answers given since the card was last answered correctly,
    /// oldest first (for "you chose DALL-E … twice").
    pub wrong_answers: Vec<String>,
    /// When the latest wrong answer was given.
    pub last_at: Timestamp,
}

/// An open data directory. [`Store::open`] holds the directory's lock until
/// dropped, so only one process writes at a time.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    scheduler: Scheduler,
    records: BTreeMap<CardId, CardRecord>,
    lock: Option<std::fs::File>,
}

impl Store {
    /// Opens `dir` for writing (creating it if needed): takes the lock
    /// ([`crate::Error::Locked`] if another process has it), loads the cache
    /// and replays any reviews the cache does not hold yet.
    pub fn open(dir: &Path, scheduler: Scheduler) -> Result<Store> {
        let _ = (dir, scheduler);
        todo!("store (engine issue)")
    }

    /// Opens `dir` for reading only: no lock, nothing written, a missing
    /// directory reads as empty.
    pub fn open_read_only(dir: &Path, scheduler: Scheduler) -> Result<Store> {
        let _ = (dir, scheduler);
        todo!("store (engine issue)")
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn scheduler(&self) -> &Scheduler {
        &self.scheduler
    }

    /// Every card ever answered, by id.
    pub fn records(&self) -> &BTreeMap<CardId, CardRecord> {
        &self.records
    }

    pub fn record_of(&self, card: &CardId) -> Option<&CardRecord> {
        self.records.get(card)
    }

    /// Appends `review` to the log (on disk, fsynced, before returning),
    /// updates the cache atomically and returns the card's new schedule.
    pub fn record(&mut self, review: Review) -> Result<Schedule> {
        let _ = (review, &self.lock);
        todo!("store (engine issue)")
    }

    /// Undoes the latest review recorded through this `Store`: appends an
    /// `[[undo]]` entry to the log and restores the card's previous schedule.
    /// Returns the undone review, or `None` when there is nothing to undo.
    pub fn undo_last(&mut self) -> Result<Option<Review>> {
        todo!("store (engine issue)")
    }

    /// Every effective review (undone ones left out) in log order. Reads the
    /// whole log: for stats, export and the missed list, not for start-up.
    pub fn reviews(&self) -> Result<Vec<Review>> {
        todo!("store (engine issue)")
    }

    /// The cards missed and not answered correctly since, oldest miss first.
    pub fn missed(&self) -> Result<Vec<Missed>> {
        todo!("store (engine issue)")
    }
}
