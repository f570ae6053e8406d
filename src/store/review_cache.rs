//! `reviews.cache`: the reviews in effect of `reviews.toml` (undone ones
//! left out), already parsed, so `ontap stats`, `review`, `handin` and
//! `export` do not parse and resolve a log of 150k answers (28 MB of TOML)
//! each time. The log stays the truth; this file is derived, rebuilt when
//! it does not fit the log, and may be deleted at any time.
//!
//! It fits the log the way `schedule.toml` does: it names how many bytes of
//! the log it accounts for (a record boundary), a digest of the bytes just
//! before that point and the log's modification time then. A log that grew
//! by records (a session, an outside tool appending) costs a parse of the
//! new part only; a tail holding an `[[undo]]` (which may cancel a review
//! already cached), a log shorter than the cache says, another digest, or
//! the same length with another modification time (edited, checked out,
//! copied or restored) means the whole log is read again.
//!
//! Format: postcard inside an envelope with ontap's version and a CRC-32 of
//! the payload, as `library.cache` (see `deck_cache`): anything that does
//! not read as this ontap's is no cache.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::deck::{CardId, DeckId};
use crate::error::Result;
use crate::judge::Grade;
use crate::scheduler::Rating;

use super::cache_mirror::Time;
use super::log::{Entry, LoggedReview};
use super::{LOG_FILE, Review, ReviewMode, cache, envelope, files, parse_tail, read_full_log};

/// The review cache's file name in the data dir.
pub const REVIEW_CACHE_FILE: &str = "reviews.cache";
const MAGIC: &str = "ontap review cache";
/// Raised whenever the shapes below change.
const FORMAT: u32 = 1;

/// What the cache says of the log it was made from, then the reviews.
#[derive(Serialize, Deserialize)]
struct Body {
    log_bytes: u64,
    log_lines: u64,
    log_check: String,
    log_modified: i64,
    reviews: Vec<CachedReview>,
}

/// A [`Review`] with every field present (postcard is not self-describing)
/// and its time as seconds, nanoseconds and offset.
#[derive(Serialize, Deserialize)]
struct CachedReview {
    card: CardId,
    deck: DeckId,
    at: Time,
    rating: Rating,
    mode: ReviewMode,
    answer: String,
    verdict: Grade,
    overruled: Option<Grade>,
}

impl CachedReview {
    fn of(review: &Review) -> CachedReview {
        CachedReview {
            card: review.card.clone(),
            deck: review.deck.clone(),
            at: Time::of(&review.at),
            rating: review.rating,
            mode: review.mode,
            answer: review.answer.clone(),
            verdict: review.verdict,
            overruled: review.overruled,
        }
    }

    fn into_review(self) -> Option<Review> {
        Some(Review {
            card: self.card,
            deck: self.deck,
            at: self.at.to_timestamp()?,
            rating: self.rating,
            mode: self.mode,
            answer: self.answer,
            verdict: self.verdict,
            overruled: self.overruled,
        })
    }
}

/// The cache as read: which part of the log it covers, and its reviews.
struct Cached {
    log_bytes: u64,
    log_lines: u64,
    log_check: String,
    log_modified: i64,
    reviews: Vec<Review>,
}

/// Every review in effect of the log of `dir`, in log order (a missing log
/// holds none): from the cache when it fits the log, else from the log,
/// and the cache is then written again. Errors are the log's: a cache that
/// does not fit is never an error, only a slower read.
pub fn reviews(dir: &Path) -> Result<Vec<Review>> {
    let log_path = dir.join(LOG_FILE);
    let Some(length) = files::length(&log_path)? else {
        return Ok(Vec::new());
    };
    let modified = files::modified(&log_path)?;
    if let Some(cached) = read(dir)
        && cached.log_bytes <= length
        && cache::fingerprint(&log_path, cached.log_bytes)? == cached.log_check
    {
        if cached.log_bytes == length && cached.log_modified == modified {
            return Ok(cached.reviews);
        }
        if cached.log_bytes < length {
            let tail = parse_tail(&log_path, cached.log_bytes, cached.log_lines, length)?;
            let appended: Option<Vec<&Review>> = tail
                .entries
                .iter()
                .map(|(entry, _)| match entry {
                    Entry::Review(LoggedReview { review, .. }) => Some(review),
                    Entry::Undo(_) => None,
                })
                .collect();
            if let Some(appended) = appended {
                let mut reviews = cached.reviews;
                reviews.extend(appended.into_iter().cloned());
                let (end, lines) = (tail.end as u64, tail.lines as u64);
                write_if_unchanged(dir, (length, modified), end, lines, &reviews);
                return Ok(reviews);
            }
        }
    }
    let full = read_full_log(dir)?;
    let reviews: Vec<Review> = full.effective().into_iter().cloned().collect();
    let (end, lines) = (full.parsed.end as u64, full.parsed.lines as u64);
    write_if_unchanged(dir, (length, modified), end, lines, &reviews);
    Ok(reviews)
}

/// The cache of `dir`, if it reads as this ontap's.
fn read(dir: &Path) -> Option<Cached> {
    let bytes = files::read_optional(&dir.join(REVIEW_CACHE_FILE)).ok()??;
    let body: Body = envelope::open(&bytes, MAGIC, FORMAT)?;
    let reviews = body
        .reviews
        .into_iter()
        .map(CachedReview::into_review)
        .collect::<Option<Vec<Review>>>()?;
    Some(Cached {
        log_bytes: body.log_bytes,
        log_lines: body.log_lines,
        log_check: body.log_check,
        log_modified: body.log_modified,
        reviews,
    })
}

/// Writes the cache of `reviews`, the log's reviews up to byte `end` (line
/// `lines`), if the log still has the length and modification time it had
/// before it was read (`before`): one changed meanwhile is left for the
/// next read. The cache is derived: a failure to write it is no failure.
fn write_if_unchanged(dir: &Path, before: (u64, i64), end: u64, lines: u64, reviews: &[Review]) {
    let log_path = dir.join(LOG_FILE);
    let now = (
        files::length(&log_path).ok().flatten(),
        files::modified(&log_path).ok(),
    );
    if now != (Some(before.0), Some(before.1)) {
        return;
    }
    let Ok(log_check) = cache::fingerprint(&log_path, end) else {
        return;
    };
    let body = Body {
        log_bytes: end,
        log_lines: lines,
        log_check,
        log_modified: before.1,
        reviews: reviews.iter().map(CachedReview::of).collect(),
    };
    if let Some(bytes) = envelope::seal(MAGIC, FORMAT, &body) {
        let _ = files::write_atomically(&dir.join(REVIEW_CACHE_FILE), &bytes);
    }
}

/// What `ontap state check` says of the review cache.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewCacheState {
    Missing,
    /// It reads as this ontap's, fits the log, and holds exactly the
    /// reviews in effect of the part of the log it covers.
    Current,
    /// It reads, but does not fit the log any more (the log changed since):
    /// never trusted then, rebuilt by the next command that reads reviews.
    Stale,
    /// It fits the log by its stamp but holds other reviews than the log:
    /// it would be trusted wrongly, so it must go.
    Wrong,
    /// It does not read as this ontap's (damaged, foreign, another
    /// version): ignored and rebuilt.
    Unreadable,
}

/// The state of the review cache of `dir` against `effective`, the
/// reviews in effect of the whole log as `state check` parsed it, creating
/// nothing.
pub fn check(dir: &Path, effective: &[&Review]) -> ReviewCacheState {
    let path = dir.join(REVIEW_CACHE_FILE);
    match files::read_optional(&path) {
        Ok(Some(_)) => {}
        Ok(None) => return ReviewCacheState::Missing,
        Err(_) => return ReviewCacheState::Unreadable,
    }
    let Some(cached) = read(dir) else {
        return ReviewCacheState::Unreadable;
    };
    let log_path = dir.join(LOG_FILE);
    let fits = files::length(&log_path).ok().flatten() == Some(cached.log_bytes)
        && files::modified(&log_path).ok() == Some(cached.log_modified)
        && cache::fingerprint(&log_path, cached.log_bytes)
            .ok()
            .as_ref()
            == Some(&cached.log_check);
    if !fits {
        return ReviewCacheState::Stale;
    }
    let same = cached.reviews.len() == effective.len()
        && cached
            .reviews
            .iter()
            .zip(effective)
            .all(|(cached, logged)| cached == *logged);
    if same {
        ReviewCacheState::Current
    } else {
        ReviewCacheState::Wrong
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Timestamp;
    use crate::scheduler::Scheduler;
    use crate::store::Store;

    fn review(card: &str, minute: i64, answer: &str) -> Review {
        Review {
            card: CardId(card.into()),
            deck: DeckId("d".into()),
            at: crate::clock::parse("2026-11-28T09:00:00.5+07:00").unwrap()
                + chrono::Duration::minutes(minute),
            rating: Rating::Good,
            mode: ReviewMode::Study,
            answer: answer.into(),
            verdict: Grade::Correct,
            overruled: Some(Grade::Close),
        }
    }

    fn effective_of_log(dir: &Path) -> Vec<Review> {
        read_full_log(dir)
            .unwrap()
            .effective()
            .into_iter()
            .cloned()
            .collect()
    }

    #[test]
    fn the_cache_reads_as_the_log_and_follows_appends_undos_and_edits() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path(), Scheduler::default()).unwrap();
        store.record(review("a", 0, "one")).unwrap();
        store.record(review("b", 1, "hai \"ba\"\n")).unwrap();
        assert_eq!(reviews(dir.path()).unwrap(), effective_of_log(dir.path()));
        assert!(dir.path().join(REVIEW_CACHE_FILE).is_file());
        let effective = effective_of_log(dir.path());
        let borrowed: Vec<&Review> = effective.iter().collect();
        assert_eq!(check(dir.path(), &borrowed), ReviewCacheState::Current);
        // Times keep their sub-second part and their offset.
        let at: Timestamp = reviews(dir.path()).unwrap()[0].at;
        assert_eq!(at.to_rfc3339(), review("a", 0, "").at.to_rfc3339());

        // Appended: the cache is behind, and the tail is read.
        store.record(review("c", 2, "three")).unwrap();
        assert_eq!(check(dir.path(), &borrowed), ReviewCacheState::Stale);
        assert_eq!(reviews(dir.path()).unwrap().len(), 3);
        // Undone: a review the cache holds goes.
        store.undo_last().unwrap();
        assert_eq!(reviews(dir.path()).unwrap(), effective_of_log(dir.path()));
        assert_eq!(reviews(dir.path()).unwrap().len(), 2);
        drop(store);

        // Edited behind ontap's back, same length: read again.
        let log = dir.path().join(LOG_FILE);
        let text = std::fs::read_to_string(&log).unwrap();
        std::fs::write(
            &log,
            text.replacen("answer = \"one\"", "answer = \"uno\"", 1),
        )
        .unwrap();
        let read_again = reviews(dir.path()).unwrap();
        assert_eq!(read_again[0].answer, "uno");
        assert_eq!(read_again, effective_of_log(dir.path()));
    }

    #[test]
    fn a_damaged_or_wrong_cache_is_never_trusted() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path(), Scheduler::default()).unwrap();
        store.record(review("a", 0, "one")).unwrap();
        drop(store);
        let truth = reviews(dir.path()).unwrap();
        let path = dir.path().join(REVIEW_CACHE_FILE);
        let good = std::fs::read(&path).unwrap();
        let mut flipped = good.clone();
        let middle = flipped.len() / 2;
        flipped[middle] ^= 0x20;
        let borrowed: Vec<&Review> = truth.iter().collect();
        for bad in [flipped, good[..good.len() - 1].to_vec(), b"x".to_vec()] {
            std::fs::write(&path, bad).unwrap();
            assert_eq!(check(dir.path(), &borrowed), ReviewCacheState::Unreadable);
            assert_eq!(reviews(dir.path()).unwrap(), truth);
        }
        // A cache that fits the log by its stamp but not by its content.
        let other = review("z", 9, "other");
        assert_eq!(
            check(dir.path(), &[&other]),
            ReviewCacheState::Wrong,
            "a cache holding other reviews than the log is a problem"
        );
        std::fs::remove_file(&path).unwrap();
        assert_eq!(check(dir.path(), &borrowed), ReviewCacheState::Missing);
        assert_eq!(reviews(dir.path()).unwrap(), truth);
    }
}
