//! The library cache `library.cache`: the decks of the data dir's `decks/`
//! already parsed, so start-up does not parse every deck's TOML again. The
//! TOML files stay the truth; this file is derived and may be deleted at
//! any time.
//!
//! Each deck is kept with the stamp of the file it came from (length,
//! modification and status-change times in nanoseconds, inode and device).
//! A file whose stamp differs in any way is parsed again: an edit by hand
//! or by `ontap add`, a `git checkout`, a copied or restored data dir (new
//! inodes and change times even when `cp -a` keeps the modification time).
//! The change time cannot be set by any tool, so an edit cannot keep the
//! stamp. A file changed within [`RACY_WINDOW`] of the cache being written
//! is left out of it (its stamp might not yet show a change made in the
//! same clock tick) and is parsed until it is older.
//!
//! Format: postcard (serde, compact, a documented stable wire format) of an
//! envelope holding ontap's version and a CRC-32 of the payload, which is
//! the postcard of every deck. Anything that does not match — another
//! version, a bad checksum, a torn or foreign file — reads as no cache.

use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use crate::deck::{Card, CardId, CardKind, Deck, DeckId, DeckMeta, Direction, InputKind};
use crate::error::Result;

use super::{envelope, files};

/// The library cache's file name in the data dir.
pub const LIBRARY_CACHE_FILE: &str = "library.cache";
/// What the envelope starts with, so a foreign file is never read as decks.
const MAGIC: &str = "ontap library cache";
/// Raised whenever the cached shapes below change (2: the deck's folder).
const FORMAT: u32 = 2;
/// Files changed this recently when the cache is written are not cached.
const RACY_WINDOW: Duration = Duration::from_secs(2);

/// What identifies one state of a file without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    pub length: u64,
    pub modified_ns: i128,
    pub changed_ns: i128,
    pub inode: u64,
    pub device: u64,
}

impl FileStamp {
    /// The stamp of the file `path`.
    pub fn of(path: &Path) -> Result<FileStamp> {
        let metadata = std::fs::metadata(path).map_err(|error| crate::Error::io(path, error))?;
        Ok(stamp_of_metadata(&metadata))
    }

    /// Whether the file changed so recently before `now` that a change in
    /// the same clock tick could go unseen.
    fn is_racy(&self, now: SystemTime) -> bool {
        let now_ns = since_epoch_ns(now);
        let window = RACY_WINDOW.as_nanos() as i128;
        self.modified_ns.max(self.changed_ns) > now_ns - window
    }
}

#[cfg(unix)]
fn stamp_of_metadata(metadata: &std::fs::Metadata) -> FileStamp {
    use std::os::unix::fs::MetadataExt;
    let ns = |seconds: i64, nanos: i64| i128::from(seconds) * 1_000_000_000 + i128::from(nanos);
    FileStamp {
        length: metadata.len(),
        modified_ns: ns(metadata.mtime(), metadata.mtime_nsec()),
        changed_ns: ns(metadata.ctime(), metadata.ctime_nsec()),
        inode: metadata.ino(),
        device: metadata.dev(),
    }
}

#[cfg(not(unix))]
fn stamp_of_metadata(metadata: &std::fs::Metadata) -> FileStamp {
    let modified = metadata.modified().map_or(0, since_epoch_ns);
    let created = metadata.created().map_or(0, since_epoch_ns);
    FileStamp {
        length: metadata.len(),
        modified_ns: modified,
        changed_ns: created,
        inode: 0,
        device: 0,
    }
}

fn since_epoch_ns(time: SystemTime) -> i128 {
    match time.duration_since(SystemTime::UNIX_EPOCH) {
        Ok(since) => since.as_nanos() as i128,
        Err(before) => -(before.duration().as_nanos() as i128),
    }
}

/// One deck file as cached: its name in `decks/`, its stamp, its deck.
#[derive(Serialize, Deserialize)]
struct CachedFile {
    name: String,
    stamp: FileStamp,
    meta: CachedMeta,
    cards: Vec<CachedCard>,
}

/// A [`DeckMeta`] with every field present, as [`CachedCard`] is.
#[derive(Serialize, Deserialize)]
struct CachedMeta {
    id: DeckId,
    title: String,
    source: String,
    format: i64,
    folder: Option<String>,
}

impl CachedMeta {
    fn of(meta: &DeckMeta) -> CachedMeta {
        CachedMeta {
            id: meta.id.clone(),
            title: meta.title.clone(),
            source: meta.source.clone(),
            format: meta.format,
            folder: meta.folder.clone(),
        }
    }

    fn into_meta(self) -> DeckMeta {
        DeckMeta {
            id: self.id,
            title: self.title,
            source: self.source,
            format: self.format,
            folder: self.folder,
        }
    }
}

/// A [`Card`] with every field present: postcard is not self-describing,
/// so the deck's optional-field serde attributes cannot apply here.
#[derive(Serialize, Deserialize)]
struct CachedCard {
    id: CardId,
    kind: CardKind,
    input: InputKind,
    prompt: String,
    answers: Vec<String>,
    choices: Vec<String>,
    hint: Option<String>,
    direction: Option<Direction>,
    section: Option<String>,
    line: u64,
    hash: String,
}

impl CachedCard {
    fn of(card: &Card) -> CachedCard {
        CachedCard {
            id: card.id.clone(),
            kind: card.kind,
            input: card.input,
            prompt: card.prompt.clone(),
            answers: card.answers.clone(),
            choices: card.choices.clone(),
            hint: card.hint.clone(),
            direction: card.direction,
            section: card.section.clone(),
            line: card.line as u64,
            hash: card.hash.clone(),
        }
    }

    fn into_card(self) -> Option<Card> {
        Some(Card {
            id: self.id,
            kind: self.kind,
            input: self.input,
            prompt: self.prompt,
            answers: self.answers,
            choices: self.choices,
            hint: self.hint,
            direction: self.direction,
            section: self.section,
            line: usize::try_from(self.line).ok()?,
            hash: self.hash,
        })
    }
}

/// The decks read from a library cache, by file name, to be taken when
/// their file's stamp still matches.
#[derive(Default)]
pub struct DeckCache {
    files: HashMap<String, (FileStamp, Deck)>,
}

impl DeckCache {
    /// The cache of `data_dir`; empty when there is none or it does not
    /// read as this ontap's (it is then rebuilt, never trusted).
    pub fn read(data_dir: &Path) -> DeckCache {
        let path = data_dir.join(LIBRARY_CACHE_FILE);
        let Ok(Some(bytes)) = files::read_optional(&path) else {
            return DeckCache::default();
        };
        decode(&bytes).unwrap_or_default()
    }

    /// The deck of file `name` if it was cached with exactly `stamp`.
    pub fn take(&mut self, name: &str, stamp: &FileStamp) -> Option<Deck> {
        match self.files.remove(name) {
            Some((cached, deck)) if cached == *stamp => Some(deck),
            _ => None,
        }
    }

    /// Whether files the cache holds were not asked for (deleted decks).
    pub fn has_leftovers(&self) -> bool {
        !self.files.is_empty()
    }
}

fn decode(bytes: &[u8]) -> Option<DeckCache> {
    let cached: Vec<CachedFile> = envelope::open(bytes, MAGIC, FORMAT)?;
    let mut files = HashMap::with_capacity(cached.len());
    for file in cached {
        let cards = file
            .cards
            .into_iter()
            .map(CachedCard::into_card)
            .collect::<Option<Vec<Card>>>()?;
        let deck = Deck {
            deck: file.meta.into_meta(),
            cards,
        };
        files.insert(file.name, (file.stamp, deck));
    }
    Some(DeckCache { files })
}

/// Replaces the library cache of `data_dir` with `decks` (file name, stamp,
/// deck), leaving out files changed too recently to trust their stamp.
/// The cache is derived: a failure to write it is no failure of the
/// command, and a missing data dir is not created for it.
pub fn write(data_dir: &Path, decks: &[(&str, FileStamp, &Deck)]) {
    if !data_dir.is_dir() {
        return;
    }
    let now = SystemTime::now();
    let cached: Vec<CachedFile> = decks
        .iter()
        .filter(|(_, stamp, _)| !stamp.is_racy(now))
        .map(|(name, stamp, deck)| CachedFile {
            name: name.to_string(),
            stamp: *stamp,
            meta: CachedMeta::of(&deck.deck),
            cards: deck.cards.iter().map(CachedCard::of).collect(),
        })
        .collect();
    let Some(bytes) = envelope::seal(MAGIC, FORMAT, &cached) else {
        return;
    };
    let _ = files::write_atomically(&data_dir.join(LIBRARY_CACHE_FILE), &bytes);
}

/// What `ontap state check` says of the library cache.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LibraryCacheState {
    Missing,
    /// It reads as this ontap's.
    Readable {
        /// Deck files it holds as they are now (same stamp, same deck).
        current: usize,
        /// Deck files changed, added or too recent since it was written:
        /// parsed again by the next command, which updates it.
        changed: usize,
        /// Deck files whose stamp it holds but not their deck: it would
        /// be trusted wrongly, so it must go.
        wrong: Vec<String>,
    },
    /// It does not read as this ontap's (damaged, foreign, another
    /// version): ignored and rebuilt by the next command.
    Unreadable,
}

/// The state of the library cache of `data_dir` against the deck files as
/// parsed now (name, stamp, deck), creating nothing.
pub fn check(data_dir: &Path, parsed: &[(&str, FileStamp, &Deck)]) -> LibraryCacheState {
    let path = data_dir.join(LIBRARY_CACHE_FILE);
    let bytes = match files::read_optional(&path) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return LibraryCacheState::Missing,
        Err(_) => return LibraryCacheState::Unreadable,
    };
    let Some(mut cache) = decode(&bytes) else {
        return LibraryCacheState::Unreadable;
    };
    let (mut current, mut changed, mut wrong) = (0, 0, Vec::new());
    for (name, stamp, deck) in parsed {
        match cache.take(name, stamp) {
            Some(cached) if cached == **deck => current += 1,
            Some(_) => wrong.push(name.to_string()),
            None => changed += 1,
        }
    }
    LibraryCacheState::Readable {
        current,
        changed,
        wrong,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deck() -> Deck {
        Deck::from_toml(crate::library::BUNDLED_DECK, Path::new("bundled")).unwrap()
    }

    fn old_stamp() -> FileStamp {
        FileStamp {
            length: 10,
            modified_ns: 1_000,
            changed_ns: 2_000,
            inode: 3,
            device: 4,
        }
    }

    #[test]
    fn a_cached_deck_reads_back_the_same_only_with_its_stamp() {
        let dir = tempfile::tempdir().unwrap();
        let deck = deck();
        write(dir.path(), &[("a.toml", old_stamp(), &deck)]);
        let mut cache = DeckCache::read(dir.path());
        let changed = FileStamp {
            changed_ns: 2_001,
            ..old_stamp()
        };
        assert!(cache.take("a.toml", &changed).is_none());
        let mut cache = DeckCache::read(dir.path());
        assert_eq!(cache.take("a.toml", &old_stamp()), Some(deck));
        assert!(!cache.has_leftovers());
    }

    #[test]
    fn a_decks_folder_reads_back_whether_it_has_one_or_not() {
        let dir = tempfile::tempdir().unwrap();
        let plain = deck();
        let mut in_folder = deck();
        in_folder.deck.folder = Some("grade-11/graph".into());
        write(
            dir.path(),
            &[
                ("a.toml", old_stamp(), &plain),
                ("b.toml", old_stamp(), &in_folder),
            ],
        );
        let mut cache = DeckCache::read(dir.path());
        assert_eq!(cache.take("a.toml", &old_stamp()), Some(plain));
        assert_eq!(cache.take("b.toml", &old_stamp()), Some(in_folder));
    }

    #[test]
    fn check_tells_current_changed_and_wrong_files_apart() {
        let dir = tempfile::tempdir().unwrap();
        let deck = deck();
        let mut other = deck.clone();
        other.deck.title.push_str(" (edited)");
        let second = FileStamp {
            inode: 9,
            ..old_stamp()
        };
        assert_eq!(
            check(dir.path(), &[("a.toml", old_stamp(), &deck)]),
            LibraryCacheState::Missing
        );
        write(
            dir.path(),
            &[("a.toml", old_stamp(), &deck), ("b.toml", second, &deck)],
        );
        let now = [
            ("a.toml", old_stamp(), &deck),
            ("b.toml", second, &other),
            ("c.toml", old_stamp(), &deck),
        ];
        assert_eq!(
            check(dir.path(), &now),
            LibraryCacheState::Readable {
                current: 1,
                changed: 1,
                wrong: vec!["b.toml".into()],
            }
        );
    }

    #[test]
    fn a_damaged_or_foreign_cache_reads_as_none() {
        let dir = tempfile::tempdir().unwrap();
        let deck = deck();
        write(dir.path(), &[("a.toml", old_stamp(), &deck)]);
        let path = dir.path().join(LIBRARY_CACHE_FILE);
        let good = std::fs::read(&path).unwrap();
        let mut flipped = good.clone();
        let middle = flipped.len() / 2;
        flipped[middle] ^= 0x20;
        for bad in [
            flipped,
            good[..good.len() - 1].to_vec(),
            b"[deck]\n".to_vec(),
        ] {
            std::fs::write(&path, bad).unwrap();
            let mut cache = DeckCache::read(dir.path());
            assert!(cache.take("a.toml", &old_stamp()).is_none());
            assert_eq!(
                check(dir.path(), &[("a.toml", old_stamp(), &deck)]),
                LibraryCacheState::Unreadable
            );
        }
    }

    #[test]
    fn a_file_changed_just_now_is_not_cached() {
        let dir = tempfile::tempdir().unwrap();
        let deck = deck();
        let path = dir.path().join("fresh.toml");
        std::fs::write(&path, "x").unwrap();
        let fresh = FileStamp::of(&path).unwrap();
        write(
            dir.path(),
            &[
                ("fresh.toml", fresh, &deck),
                ("old.toml", old_stamp(), &deck),
            ],
        );
        let mut cache = DeckCache::read(dir.path());
        assert!(cache.take("fresh.toml", &fresh).is_none());
        assert!(cache.take("old.toml", &old_stamp()).is_some());
    }
}
