//! What `ontap state check` reads of a data dir besides the content of its
//! files: the lock, the cache's presence, leftover temp files, and the
//! log's record counts.

use std::path::{Path, PathBuf};

use crate::error::Result;

use super::log::Entry;
use super::{CACHE_FILE, FullLog, LOCK_FILE, files};

/// What `ontap state check` reports on the files besides their content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirFacts {
    /// Another process holds the lock right now.
    pub locked: bool,
    pub cache_exists: bool,
    /// Temporary files a crashed writer left (the next writer removes them).
    pub leftovers: Vec<PathBuf>,
}

/// The lock, cache presence and leftovers of `dir`, creating nothing.
pub fn dir_facts(dir: &Path) -> Result<DirFacts> {
    Ok(DirFacts {
        locked: files::is_locked(&dir.join(LOCK_FILE))?,
        cache_exists: files::length(&dir.join(CACHE_FILE))?.is_some(),
        leftovers: files::leftover_temp_files(dir)?,
    })
}

impl FullLog {
    pub fn review_count(&self) -> usize {
        self.parsed
            .entries
            .iter()
            .filter(|(entry, _)| matches!(entry, Entry::Review(_)))
            .count()
    }

    pub fn undo_count(&self) -> usize {
        self.parsed.entries.len() - self.review_count()
    }

    pub fn torn_bytes(&self) -> Option<usize> {
        self.parsed.torn
    }
}
