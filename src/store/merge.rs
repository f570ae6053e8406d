//! `ontap state merge`: one log made of two machines' logs, each record
//! once, sorted by time, written atomically after both logs validate.

use std::collections::HashMap;
use std::path::Path;

use crate::clock::Timestamp;
use crate::deck::CardId;
use crate::error::{Error, Location, Result};
use crate::scheduler::Scheduler;

use super::log::{self, Entry};
use super::{CACHE_FILE, LOCK_FILE, LOG_FILE, Store, cache, files, load_from_log};

/// What `ontap state merge` did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeSummary {
    /// Records (reviews and undos) in each log before the merge.
    pub ours: usize,
    pub theirs: usize,
    /// Records of the other log that this one did not hold.
    pub added: usize,
    /// Records in the merged log, and cards with a schedule after it.
    pub total: usize,
    pub cards: usize,
}

/// One record of a log being merged, with its text as written.
struct MergeBlock {
    at: Timestamp,
    is_undo: bool,
    card: CardId,
    text: String,
}

impl MergeBlock {
    fn new(entry: &Entry, text: &str, range: &std::ops::Range<usize>) -> MergeBlock {
        let (at, is_undo, card) = match entry {
            Entry::Review(logged) => (logged.review.at, false, logged.review.card.clone()),
            Entry::Undo(undo) => (undo.review_at, true, undo.card.clone()),
        };
        // Extra fields an outside tool added survive: the text is kept as is.
        let raw = text.get(range.clone()).unwrap_or("").trim_end();
        MergeBlock {
            at,
            is_undo,
            card,
            text: format!("{raw}\n\n"),
        }
    }
}

/// What makes two records the same: for a review its content (card, time,
/// rating, mode, answer, verdict), for an undo the review it cancels.
fn merge_key(entry: &Entry) -> String {
    match entry {
        Entry::Review(logged) => format!("review\0{}", log::review_id(&logged.review)),
        Entry::Undo(undo) => format!(
            "undo\0{}\0{}\0{}",
            undo.review,
            undo.card,
            crate::clock::format(&undo.review_at)
        ),
    }
}

impl Store {
    /// `ontap state merge`: rewrites the log of `dir` as the union of its
    /// records and those of `other`'s log (a record both hold is kept once;
    /// one held twice by either is kept twice), sorted by time, then rebuilds
    /// the cache. Both logs are validated before anything is written, and the
    /// new log replaces the old one atomically.
    pub fn merge(dir: &Path, other: &Path, scheduler: Scheduler) -> Result<(Store, MergeSummary)> {
        std::fs::create_dir_all(dir).map_err(|error| Error::io(dir, error))?;
        let lock = files::lock(&dir.join(LOCK_FILE))?;
        // The merge rewrites the cache; one a newer ontap wrote is refused
        // (and left as it is) the way every other command refuses it.
        if let Err(error @ Error::FutureFormat { .. }) = cache::read(&dir.join(CACHE_FILE)) {
            return Err(error);
        }
        let ours_path = dir.join(LOG_FILE);
        let theirs_path = other.join(LOG_FILE);
        let ours_text = match files::read_optional(&ours_path)? {
            Some(bytes) => Some(files::log_text(&ours_path, bytes)?.0),
            None => None,
        };
        let theirs_text = match files::read_optional(&theirs_path)? {
            Some(bytes) => files::log_text(&theirs_path, bytes)?.0,
            None => {
                return Err(Error::invalid(
                    Location::file(&theirs_path),
                    "no review log to merge; is it an ontap data directory? (nothing was changed)",
                ));
            }
        };
        let ours = match &ours_text {
            Some(text) => log::parse(&ours_path, text, 0, 1)?,
            None => log::Parsed::default(),
        };
        let theirs = log::parse(&theirs_path, &theirs_text, 0, 1)?;

        let mut ours_keys: HashMap<String, usize> = HashMap::new();
        let mut blocks = Vec::new();
        for (entry, range) in &ours.entries {
            *ours_keys.entry(merge_key(entry)).or_default() += 1;
            blocks.push(MergeBlock::new(
                entry,
                ours_text.as_deref().unwrap_or(""),
                range,
            ));
        }
        let mut summary = MergeSummary {
            ours: ours.entries.len(),
            theirs: theirs.entries.len(),
            ..MergeSummary::default()
        };
        for (entry, range) in &theirs.entries {
            match ours_keys.get_mut(&merge_key(entry)) {
                Some(count) if *count > 0 => *count -= 1,
                _ => {
                    summary.added += 1;
                    blocks.push(MergeBlock::new(entry, &theirs_text, range));
                }
            }
        }
        blocks.sort_by(|a, b| {
            (a.at, a.is_undo, &a.card, &a.text).cmp(&(b.at, b.is_undo, &b.card, &b.text))
        });
        let mut text = match &ours_text {
            Some(text) => format!("{}\n\n", log::preamble(text).trim_end()),
            None => log::LOG_HEADER.to_string(),
        };
        for block in &blocks {
            text.push_str(&block.text);
        }
        // What is about to replace the log must read back as exactly the merged records.
        let check = log::parse(&ours_path, &text, 0, 1)?;
        if check.entries.len() != blocks.len() || check.torn.is_some() {
            return Err(Error::invalid(
                Location::file(&ours_path),
                "the merged log did not read back as written; nothing was changed",
            ));
        }
        summary.total = blocks.len();
        if ours_text.as_deref() != Some(text.as_str()) {
            files::write_atomically(&ours_path, text.as_bytes())?;
        }
        let loaded = load_from_log(dir, &scheduler)?;
        let store = Store::from_loaded(dir, scheduler, loaded, Some(lock));
        store.remove_leftovers()?;
        store.write_cache()?;
        summary.cards = store.records.len();
        Ok((store, summary))
    }
}
