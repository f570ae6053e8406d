//! The only module that touches state files. The data directory holds the
//! review log `reviews.toml` (the source of truth, append-only), the schedule
//! cache `schedule.toml` derived from it, the `lock` of the one writer, and
//! the `decks/` of the library (see `docs/state-format.md`).
//!
//! Durability: an answer is one block appended to the log in a single write
//! and fsynced before [`Store::record`] returns. The cache is not rewritten
//! per answer (at 100k cards that is megabytes each time): it is replaced
//! atomically (temp file, fsync, rename, fsync of the directory) at a
//! checkpoint — when the store is dropped at the end of a session, and
//! every [`CHECKPOINT_EVERY`] answers — and start-up replays the log's tail
//! the cache does not cover, so a session killed before its checkpoint
//! loses nothing. A
//! record counts once all its lines are on disk (its closing blank line may
//! be missing, as after an editor trimmed it), so a kill at any instant
//! leaves at most a torn final block, which loading ignores and the next
//! writer cuts off. Start-up loads the cache and replays only the
//! part of the log the cache does not cover.
//!
//! Submodules: `log` (the log's text), `cache` (the cache's text),
//! `cache_mirror` (its binary mirror, read at start-up), `deck_cache` (the
//! library cache of parsed decks), `fast` (a
//! quick reader for the plain TOML ontap writes), `files` (appends, reads,
//! the lock), `handin` (the files students hand in to a teacher), `merge`
//! (`ontap state merge`), `check` (what `ontap state check` reads besides
//! the files' content), `review_cache` (the log's reviews in effect,
//! parsed, for stats and the other commands that read every review).

mod cache;
mod cache_mirror;
mod check;
pub mod deck_cache;
mod envelope;
mod fast;
mod files;
mod handin;
mod log;
mod merge;
mod review_cache;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::clock::Timestamp;
use crate::deck::{CardId, DeckId};
use crate::error::{Error, Location, Result};
use crate::judge::Grade;
use crate::scheduler::{self, Rating, Schedule, Scheduler};

pub use cache::REBUILD_HINT;
pub use check::{DirFacts, dir_facts};
pub use handin::{HandIn, HandInSource, clean_name, read_all as read_handins};
pub use log::review_id;
use log::{Entry, LoggedReview, Undo};
pub use merge::MergeSummary;
pub use review_cache::{REVIEW_CACHE_FILE, ReviewCacheState, check as check_review_cache};

/// Which kind of session an answer came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReviewMode {
    Study,
    Quiz,
    Review,
}

impl ReviewMode {
    pub const ALL: [ReviewMode; 3] = [ReviewMode::Study, ReviewMode::Quiz, ReviewMode::Review];

    /// The name the review log uses: `study`, `quiz`, `review`.
    pub fn name(self) -> &'static str {
        match self {
            ReviewMode::Study => "study",
            ReviewMode::Quiz => "quiz",
            ReviewMode::Review => "review",
        }
    }
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
    /// The judge's verdict when the learner overruled it ("I was right"):
    /// the answer counts as `verdict` (correct), the judge had said this.
    #[serde(default, rename = "override", skip_serializing_if = "Option::is_none")]
    pub overruled: Option<Grade>,
}

/// The review log: the source of truth.
pub const LOG_FILE: &str = "reviews.toml";
/// The schedule cache, derivable from the log.
pub const CACHE_FILE: &str = "schedule.toml";
/// Held (flock) by the one process writing the data directory.
pub const LOCK_FILE: &str = "lock";
/// The most answers recorded before the cache is rewritten: a bound on the
/// log tail start-up replays after a session that was killed.
pub const CHECKPOINT_EVERY: usize = 500;

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
    /// Where the log's complete records end: what the cache accounts for.
    covered: u64,
    /// The lines of the log up to `covered`.
    lines: u64,
    /// Whether `reviews.toml` exists.
    log_exists: bool,
    /// The reviews recorded through this `Store`, latest last, with the
    /// card's record before each, for undo.
    recorded: Vec<Recorded>,
    /// Log records (answers, undos, a tail replayed at start-up) the cache
    /// on disk does not hold yet: written at the next checkpoint.
    unsaved: usize,
}

#[derive(Debug)]
struct Recorded {
    id: String,
    review: Review,
    previous: Option<CardRecord>,
}

/// The state as loaded from disk.
struct Loaded {
    records: BTreeMap<CardId, CardRecord>,
    covered: u64,
    lines: u64,
    log_exists: bool,
    /// Whether the cache on disk is missing or behind the log.
    cache_stale: bool,
}

/// The whole log, parsed.
pub(crate) struct FullLog {
    pub parsed: log::Parsed,
    pub exists: bool,
}

impl FullLog {
    /// The reviews still in effect (undone ones removed), in log order.
    pub fn effective(&self) -> Vec<&Review> {
        effective_reviews(self.parsed.entries.iter().map(|(entry, _)| entry))
    }
}

/// The reviews of `entries` still in effect: an `[[undo]]` cancels the
/// latest review before it with the id it names.
fn effective_reviews<'a>(entries: impl Iterator<Item = &'a Entry>) -> Vec<&'a Review> {
    let mut kept: Vec<Option<&Review>> = Vec::new();
    let mut by_id: HashMap<&str, Vec<usize>> = HashMap::new();
    for entry in entries {
        match entry {
            Entry::Review(LoggedReview { id, review }) => {
                by_id.entry(id.as_str()).or_default().push(kept.len());
                kept.push(Some(review));
            }
            Entry::Undo(undo) => {
                if let Some(index) = by_id.get_mut(undo.review.as_str()).and_then(Vec::pop)
                    && let Some(slot) = kept.get_mut(index)
                {
                    *slot = None;
                }
            }
        }
    }
    kept.into_iter().flatten().collect()
}

/// The record of a card after `review`, from its record before (`None` for
/// a card never answered): the one step of every replay.
fn apply(scheduler: &Scheduler, previous: Option<&CardRecord>, review: &Review) -> CardRecord {
    let before = previous
        .map(|record| record.schedule.clone())
        .unwrap_or_else(|| Scheduler::new_card(review.at));
    let seed = scheduler::fuzz_seed(&review.card, before.reps);
    CardRecord {
        deck: review.deck.clone(),
        schedule: scheduler.review(&before, review.rating, review.at, seed),
        first_review: previous.map_or(review.at, |record| record.first_review),
        last_verdict: review.verdict,
        last_answer: review.answer.clone(),
    }
}

/// Every card's record, replaying `reviews` in order.
pub(crate) fn replay<'a>(
    scheduler: &Scheduler,
    reviews: impl IntoIterator<Item = &'a Review>,
) -> BTreeMap<CardId, CardRecord> {
    let mut records: BTreeMap<CardId, CardRecord> = BTreeMap::new();
    for review in reviews {
        let record = apply(scheduler, records.get(&review.card), review);
        records.insert(review.card.clone(), record);
    }
    records
}

/// Reads and parses the whole log of `dir` (a missing log is empty).
pub(crate) fn read_full_log(dir: &Path) -> Result<FullLog> {
    let path = dir.join(LOG_FILE);
    match files::read_optional(&path)? {
        None => Ok(FullLog {
            parsed: log::Parsed::default(),
            exists: false,
        }),
        Some(bytes) => {
            let (text, dropped) = files::log_text(&path, bytes)?;
            let mut parsed = log::parse(&path, &text, 0, 1)?;
            if dropped > 0 {
                parsed.torn = Some(parsed.torn.unwrap_or(0) + dropped);
            }
            Ok(FullLog {
                parsed,
                exists: true,
            })
        }
    }
}

/// The error for a cache that does not fit the log, unless the log itself
/// is damaged: then the log's error, which is what the user must fix.
fn cache_mismatch(dir: &Path, detail: String) -> Error {
    if let Err(error) = read_full_log(dir) {
        return error;
    }
    Error::invalid(
        Location::file(dir.join(CACHE_FILE)),
        format!("does not match {LOG_FILE} ({detail}); {REBUILD_HINT}"),
    )
}

/// The error for a log that is gone while the cache says there was one:
/// the answers are in the missing file, so rebuilding would forget them.
fn log_gone(dir: &Path, log_bytes: u64) -> Error {
    Error::invalid(
        Location::file(dir.join(LOG_FILE)),
        format!(
            "is missing, but {CACHE_FILE} was computed from {log_bytes} bytes of it; restore {LOG_FILE} (from a backup, git or the other machine) — rebuilding now would forget every schedule; to start afresh on purpose, delete {CACHE_FILE}"
        ),
    )
}

/// Loads the state of `dir`: the cache plus a replay of the log's tail it
/// does not cover yet, or a replay of the whole log when there is no cache.
fn load(dir: &Path, scheduler: &Scheduler) -> Result<Loaded> {
    let log_path = dir.join(LOG_FILE);
    // The cache first: a writer appends to the log before it rewrites the
    // cache, so a cache read before the log never covers more than it.
    let cache = cache::read(&dir.join(CACHE_FILE))?;
    let log_length = files::length(&log_path)?;
    let Some(cache) = cache else {
        return load_from_log(dir, scheduler);
    };
    let Some(length) = log_length else {
        if cache.log_bytes > 0 {
            return Err(log_gone(dir, cache.log_bytes));
        }
        return Ok(Loaded {
            records: cache.card,
            covered: 0,
            lines: 0,
            log_exists: false,
            cache_stale: false,
        });
    };
    if cache.log_bytes > length {
        return Err(cache_mismatch(
            dir,
            format!(
                "it accounts for {} bytes, the log holds {length}",
                cache.log_bytes
            ),
        ));
    }
    if cache::fingerprint(&log_path, cache.log_bytes)? != cache.log_check {
        return Err(cache_mismatch(
            dir,
            "the log's content is not the one it was computed from".into(),
        ));
    }
    check_log_header(&log_path)?;
    if cache.log_bytes == length {
        if files::modified(&log_path)? != cache.log_modified {
            // Same length but changed since the cache was written (edited,
            // checked out, copied): the log is the truth, read it all.
            return load_from_log(dir, scheduler);
        }
        return Ok(Loaded {
            records: cache.card,
            covered: length,
            lines: cache.log_lines,
            log_exists: true,
            cache_stale: false,
        });
    }
    let parsed = parse_tail(&log_path, cache.log_bytes, cache.log_lines, length)?;
    if parsed
        .entries
        .iter()
        .any(|(entry, _)| matches!(entry, Entry::Undo(_)))
    {
        // An undo may cancel a review the cache already holds: replay all.
        return load_from_log(dir, scheduler);
    }
    let mut records = cache.card;
    for (entry, _) in &parsed.entries {
        if let Entry::Review(LoggedReview { review, .. }) = entry {
            let record = apply(scheduler, records.get(&review.card), review);
            records.insert(review.card.clone(), record);
        }
    }
    Ok(Loaded {
        records,
        covered: parsed.end as u64,
        lines: parsed.lines as u64,
        log_exists: true,
        cache_stale: parsed.end as u64 != cache.log_bytes,
    })
}

/// Parses the log from byte `covered` (a record boundary, after `lines`
/// lines) to `length`: the part a cache or a session has not read yet.
fn parse_tail(log_path: &Path, covered: u64, lines: u64, length: u64) -> Result<log::Parsed> {
    let tail = files::read_range(log_path, covered, length.saturating_sub(covered))?;
    let (tail, _) = files::log_text(log_path, tail)?;
    let start = usize::try_from(covered).unwrap_or(usize::MAX);
    // The line count comes from the cache, which a hand edit may have
    // made absurd: it only numbers error lines, so it must not overflow.
    let first_line = usize::try_from(lines)
        .unwrap_or(usize::MAX)
        .saturating_add(1);
    log::parse(log_path, &tail, start, first_line)
}

/// The top of the log is checked even when the cache covers it, so a log
/// from a newer ontap is refused rather than half read.
fn check_log_header(log_path: &Path) -> Result<()> {
    let head = files::read_range(log_path, 0, 4096)?;
    let head = String::from_utf8_lossy(&head);
    if log::LOG_HEADER.starts_with(head.as_ref()) {
        return Ok(());
    }
    let whole_lines = &head[..head.rfind('\n').map_or(0, |index| index + 1)];
    log::check_format(log_path, log::preamble(whole_lines), "an ontap review log")
}

fn load_from_log(dir: &Path, scheduler: &Scheduler) -> Result<Loaded> {
    let full = read_full_log(dir)?;
    Ok(Loaded {
        records: replay(scheduler, full.effective()),
        covered: full.parsed.end as u64,
        lines: full.parsed.lines as u64,
        log_exists: full.exists,
        cache_stale: full.exists,
    })
}

impl Store {
    /// Opens `dir` for writing (creating it if needed): takes the lock
    /// ([`crate::Error::Locked`] if another process has it), loads the cache
    /// and replays any reviews the cache does not hold yet.
    pub fn open(dir: &Path, scheduler: Scheduler) -> Result<Store> {
        std::fs::create_dir_all(dir).map_err(|error| Error::io(dir, error))?;
        let lock = files::lock(&dir.join(LOCK_FILE))?;
        let loaded = load(dir, &scheduler)?;
        let cache_stale = loaded.cache_stale;
        let mut store = Store::from_loaded(dir, scheduler, loaded, Some(lock));
        store.remove_leftovers()?;
        // A stale cache is brought up to date at the first checkpoint, not
        // before the first question.
        store.unsaved = usize::from(cache_stale);
        Ok(store)
    }

    /// Opens `dir` for reading only: no lock, nothing written, a missing
    /// directory reads as empty.
    pub fn open_read_only(dir: &Path, scheduler: Scheduler) -> Result<Store> {
        if !dir.exists() {
            return Ok(Store::from_loaded(
                dir,
                scheduler,
                Loaded {
                    records: BTreeMap::new(),
                    covered: 0,
                    lines: 0,
                    log_exists: false,
                    cache_stale: false,
                },
                None,
            ));
        }
        let loaded = load(dir, &scheduler)?;
        Ok(Store::from_loaded(dir, scheduler, loaded, None))
    }

    /// Recomputes the cache of `dir` from its log alone (whatever state the
    /// cache is in) and returns the store, open for writing.
    pub fn rebuild(dir: &Path, scheduler: Scheduler) -> Result<Store> {
        std::fs::create_dir_all(dir).map_err(|error| Error::io(dir, error))?;
        let lock = files::lock(&dir.join(LOCK_FILE))?;
        if files::length(&dir.join(LOG_FILE))?.is_none()
            && let Ok(Some(cache)) = cache::read(&dir.join(CACHE_FILE))
            && cache.log_bytes > 0
        {
            return Err(log_gone(dir, cache.log_bytes));
        }
        let loaded = load_from_log(dir, &scheduler)?;
        let store = Store::from_loaded(dir, scheduler, loaded, Some(lock));
        store.remove_leftovers()?;
        store.write_cache()?;
        Ok(store)
    }

    fn from_loaded(
        dir: &Path,
        scheduler: Scheduler,
        loaded: Loaded,
        lock: Option<std::fs::File>,
    ) -> Store {
        Store {
            dir: dir.to_path_buf(),
            scheduler,
            records: loaded.records,
            lock,
            covered: loaded.covered,
            lines: loaded.lines,
            log_exists: loaded.log_exists,
            recorded: Vec::new(),
            unsaved: 0,
        }
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

    fn log_path(&self) -> PathBuf {
        self.dir.join(LOG_FILE)
    }

    /// Appends `review` to the log (on disk, fsynced, before returning) and
    /// returns the card's new schedule; the cache follows at a checkpoint.
    ///
    /// A write that fails says whether the answer was saved:
    /// [`Error::AnswerNotSaved`] when the log could not take it,
    /// [`Error::CacheNotUpdated`] when only the checkpoint of the cache
    /// could not.
    pub fn record(&mut self, review: Review) -> Result<Schedule> {
        let id = log::review_id(&review);
        self.append(log::review_block(&review, &id))
            .map_err(|error| match error {
                Error::Io { path, source } => Error::AnswerNotSaved { path, source },
                other => other,
            })?;
        let previous = self.records.get(&review.card).cloned();
        let record = apply(&self.scheduler, previous.as_ref(), &review);
        let schedule = record.schedule.clone();
        self.records.insert(review.card.clone(), record);
        self.recorded.push(Recorded {
            id,
            review,
            previous,
        });
        self.saved_later().map_err(|error| match error {
            Error::Io { path, source } => Error::CacheNotUpdated {
                log: self.log_path(),
                path,
                source,
            },
            other => other,
        })?;
        Ok(schedule)
    }

    /// Undoes the latest review recorded through this `Store`: appends an
    /// `[[undo]]` entry to the log and restores the card's previous schedule.
    /// Returns the undone review, or `None` when there is nothing to undo.
    pub fn undo_last(&mut self) -> Result<Option<Review>> {
        let Some(last) = self.recorded.last() else {
            return Ok(None);
        };
        let undo = Undo {
            review: last.id.clone(),
            card: last.review.card.clone(),
            review_at: last.review.at,
        };
        self.append(log::undo_block(&undo))?;
        let Some(last) = self.recorded.pop() else {
            return Ok(None);
        };
        // The record before the undone review is what replaying the card's
        // remaining reviews gives: replay is deterministic.
        match last.previous {
            Some(previous) => self.records.insert(last.review.card.clone(), previous),
            None => self.records.remove(&last.review.card),
        };
        self.saved_later()?;
        Ok(Some(last.review))
    }

    /// Counts one more log record the cache lacks; checkpoints every
    /// [`CHECKPOINT_EVERY`].
    fn saved_later(&mut self) -> Result<()> {
        self.unsaved += 1;
        if self.unsaved >= CHECKPOINT_EVERY {
            self.checkpoint()?;
        }
        Ok(())
    }

    /// Writes the cache if it lacks records of the log (a store open for
    /// writing only). Dropping the store does this too, ignoring errors:
    /// the cache is derived, and the next start-up replays what it lacks.
    pub fn checkpoint(&mut self) -> Result<()> {
        if self.lock.is_none() || self.unsaved == 0 {
            return Ok(());
        }
        // A log another program appended to meanwhile is left for the next
        // start-up to read: the cache must describe only what was loaded.
        if files::length(&self.log_path())?.unwrap_or(0) != self.covered {
            return Ok(());
        }
        self.write_cache()?;
        self.unsaved = 0;
        Ok(())
    }

    /// Appends one block to the log, durably: creates the log if needed and
    /// first cuts off a torn append a killed writer left.
    fn append(&mut self, block: String) -> Result<()> {
        if self.lock.is_none() {
            return Err(Error::Usage(format!(
                "{}: opened read-only, cannot record answers",
                self.dir.display()
            )));
        }
        let path = self.log_path();
        if !self.log_exists {
            if files::length(&path)?.is_some() {
                return Err(Error::invalid(
                    Location::file(&path),
                    "appeared while this session was running; nothing was written",
                ));
            }
            files::write_atomically(&path, log::LOG_HEADER.as_bytes())?;
            self.log_exists = true;
            self.covered = log::LOG_HEADER.len() as u64;
            self.lines = log::LOG_HEADER.matches('\n').count() as u64;
        }
        self.repair_torn_tail(&path)?;
        let block = if self.covered == 0 {
            // An empty log, or one whose creation was cut short.
            self.lines = 0;
            format!("{}{block}", log::LOG_HEADER)
        } else {
            format!("{}{block}", self.separator(&path)?)
        };
        files::append_durably(&path, block.as_bytes())?;
        self.covered += block.len() as u64;
        self.lines += block.matches('\n').count() as u64;
        Ok(())
    }

    /// What must come before a new block so it starts on a line of its own
    /// after a blank line: the log may end without them after a hand edit
    /// (a last record without its blank line, a comment without a newline).
    fn separator(&self, path: &Path) -> Result<&'static str> {
        let tail_length = self.covered.min(2);
        let tail = files::read_range(path, self.covered - tail_length, tail_length)?;
        Ok(if tail.ends_with(b"\n\n") || tail == b"\n" {
            ""
        } else if tail.ends_with(b"\n") {
            "\n"
        } else {
            "\n\n"
        })
    }

    /// Drops an unterminated record at the end of the log (an append cut
    /// short by a crash); anything else beyond what was loaded is refused.
    fn repair_torn_tail(&self, path: &Path) -> Result<()> {
        let length = files::length(path)?.unwrap_or(0);
        if length == self.covered {
            return Ok(());
        }
        let changed = || {
            Error::invalid(
                Location::file(path),
                "was changed by another program while this session was running; nothing was written",
            )
        };
        if length < self.covered {
            return Err(changed());
        }
        let parsed = parse_tail(path, self.covered, self.lines, length)?;
        if !parsed.entries.is_empty() || parsed.end as u64 != self.covered {
            return Err(changed());
        }
        files::truncate_durably(path, self.covered)
    }

    fn write_cache(&self) -> Result<()> {
        let (check, modified) = if self.log_exists {
            (
                cache::fingerprint(&self.log_path(), self.covered)?,
                files::modified(&self.log_path())?,
            )
        } else {
            (String::new(), 0)
        };
        cache::write(
            &self.dir.join(CACHE_FILE),
            &cache::CacheRef {
                log_bytes: self.covered,
                log_lines: self.lines,
                log_check: &check,
                log_modified: modified,
                card: &self.records,
            },
        )
    }

    fn remove_leftovers(&self) -> Result<()> {
        for path in files::leftover_temp_files(&self.dir)? {
            std::fs::remove_file(&path).map_err(|error| Error::io(&path, error))?;
        }
        Ok(())
    }

    /// Every effective review (undone ones left out) in log order: for
    /// stats, export and the missed list, not for start-up. From the
    /// review cache while it fits the log (see `review_cache`), else the
    /// whole log is read and the cache written again.
    pub fn reviews(&self) -> Result<Vec<Review>> {
        review_cache::reviews(&self.dir)
    }

    /// The text of a hand-in (`ontap handin`): `student`'s name and the
    /// reviews in effect, of `decks` only when given; and how many reviews.
    pub fn hand_in(
        &self,
        student: &str,
        now: Timestamp,
        decks: Option<&std::collections::BTreeSet<DeckId>>,
    ) -> Result<(String, usize)> {
        Ok(handin::handin_text(student, now, &self.reviews()?, decks))
    }

    /// The cards missed and not answered correctly since, oldest miss first.
    pub fn missed(&self) -> Result<Vec<Missed>> {
        Ok(missed_of(&self.reviews()?))
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        // The end of a session: its answers are in the log already.
        let _ = self.checkpoint();
    }
}

/// The missed cards of `reviews` (in log order): those whose latest answer
/// was wrong, with the wrong answers since their last correct one.
pub fn missed_of(reviews: &[Review]) -> Vec<Missed> {
    let mut by_card: BTreeMap<&CardId, Vec<&Review>> = BTreeMap::new();
    for review in reviews {
        by_card.entry(&review.card).or_default().push(review);
    }
    let mut missed: Vec<Missed> = by_card
        .into_iter()
        .filter_map(|(card, history)| {
            let latest = history.last()?;
            if latest.verdict != Grade::Wrong {
                return None;
            }
            let since_correct = history
                .iter()
                .rposition(|review| review.verdict == Grade::Correct)
                .map_or(0, |index| index + 1);
            Some(Missed {
                card: card.clone(),
                deck: latest.deck.clone(),
                wrong_answers: history
                    .iter()
                    .skip(since_correct)
                    .filter(|review| review.verdict == Grade::Wrong)
                    .map(|review| review.answer.clone())
                    .collect(),
                last_at: latest.at,
            })
        })
        .collect();
    missed.sort_by(|a, b| a.last_at.cmp(&b.last_at).then_with(|| a.card.cmp(&b.card)));
    missed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scheduler::CardState;

    fn review(card: &str, minute: i64, verdict: Grade, answer: &str) -> Review {
        Review {
            overruled: None,
            card: CardId(card.into()),
            deck: DeckId("d".into()),
            at: crate::clock::parse("2026-11-28T09:00:00+07:00").unwrap()
                + chrono::Duration::minutes(minute),
            rating: match verdict {
                Grade::Correct => Rating::Good,
                Grade::Close => Rating::Hard,
                Grade::Wrong => Rating::Again,
            },
            mode: ReviewMode::Quiz,
            answer: answer.into(),
            verdict,
        }
    }

    #[test]
    fn names_are_the_serde_spellings() {
        // The hand-written log and cache readers and writers use `name()`;
        // outside tools and the toml fallback use serde.
        fn serde_name(value: impl Serialize) -> String {
            serde_json::to_value(value)
                .unwrap()
                .as_str()
                .unwrap()
                .to_string()
        }
        for state in CardState::ALL {
            assert_eq!(serde_name(state), state.name());
        }
        for grade in Grade::ALL {
            assert_eq!(serde_name(grade), grade.name());
        }
        for mode in ReviewMode::ALL {
            assert_eq!(serde_name(mode), mode.name());
        }
    }

    #[test]
    fn missed_lists_wrong_answers_since_the_last_correct_one() {
        let reviews = [
            review("a", 0, Grade::Wrong, "old miss"),
            review("a", 1, Grade::Correct, "right"),
            review("a", 2, Grade::Wrong, "DALL-E"),
            review("a", 3, Grade::Close, "chat gpt"),
            review("a", 4, Grade::Wrong, "DALL-E"),
            review("b", 1, Grade::Wrong, "x"),
            review("c", 0, Grade::Wrong, "y"),
            review("c", 5, Grade::Correct, "z"),
            review("d", 6, Grade::Wrong, "w"),
            review("d", 7, Grade::Close, "v"),
        ];
        let missed = missed_of(&reviews);
        let summary: Vec<(&str, Vec<&str>)> = missed
            .iter()
            .map(|m| {
                (
                    m.card.0.as_str(),
                    m.wrong_answers.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(summary, [("b", vec!["x"]), ("a", vec!["DALL-E", "DALL-E"])]);
        assert_eq!(missed[1].last_at, reviews[4].at);
    }

    #[test]
    fn an_undo_cancels_one_review_with_its_id() {
        let first = review("a", 0, Grade::Wrong, "x");
        let entry = |review: &Review| {
            Entry::Review(LoggedReview {
                id: log::review_id(review),
                review: review.clone(),
            })
        };
        let undo = Entry::Undo(Undo {
            review: log::review_id(&first),
            card: first.card.clone(),
            review_at: first.at,
        });
        let second = review("a", 1, Grade::Correct, "y");
        // The same answer recorded, undone and recorded again stays once.
        let entries = [entry(&first), undo.clone(), entry(&second), entry(&first)];
        let kept: Vec<&Review> = effective_reviews(entries.iter());
        assert_eq!(kept, [&second, &first]);
        let entries = [entry(&first), entry(&second), undo.clone()];
        assert_eq!(effective_reviews(entries.iter()), [&second]);
        // An undo cancels nothing that comes after it.
        let entries = [undo, entry(&first)];
        assert_eq!(effective_reviews(entries.iter()), [&first]);
    }
}
