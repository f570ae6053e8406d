//! File-system primitives of the store: reading a file that may be missing,
//! durable appends and truncation, and the data directory's lock. Atomic
//! replacement is [`crate::fsio::write_atomically`], re-exported here.

use std::fs::{File, OpenOptions};
use std::io::{ErrorKind, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

// The one atomic write (temp file in the same folder, fsync, rename, fsync
// of the folder) is `fsio`'s, for the state files as for decks and exports.
pub use crate::fsio::{TEMP_PREFIX, parent, write_atomically};

/// The bytes of `path`, or `None` when there is no such file. A dangling
/// symlink is an error, not a missing file: it may point at lost state.
pub fn read_optional(path: &Path) -> Result<Option<Vec<u8>>> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(error) if error.kind() == ErrorKind::IsADirectory => Err(not_a_file(path)),
        Err(error) if error.kind() == ErrorKind::NotFound && !exists_as_link(path) => Ok(None),
        Err(error) => Err(Error::io(path, error)),
    }
}

fn not_a_file(path: &Path) -> Error {
    Error::io(
        path,
        std::io::Error::new(
            ErrorKind::InvalidInput,
            "is a directory or other non-file; move it out of the way (ontap left it untouched)",
        ),
    )
}

fn exists_as_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}

/// The text of the review log: UTF-8, except that a character cut short at
/// the very end (a torn append) is dropped; returns the text and how many
/// bytes were dropped.
pub fn log_text(path: &Path, mut bytes: Vec<u8>) -> Result<(String, usize)> {
    let dropped = match std::str::from_utf8(&bytes) {
        Err(error) if error.error_len().is_none() => bytes.len() - error.valid_up_to(),
        _ => 0,
    };
    bytes.truncate(bytes.len() - dropped);
    Ok((crate::deck::utf8_text(path, bytes)?, dropped))
}

/// The length of `path`, or `None` when it does not exist.
pub fn length(path: &Path) -> Result<Option<u64>> {
    match std::fs::metadata(path) {
        Ok(metadata) if metadata.is_file() => Ok(Some(metadata.len())),
        Ok(_) => Err(not_a_file(path)),
        Err(error) if error.kind() == ErrorKind::NotFound && !exists_as_link(path) => Ok(None),
        Err(error) => Err(Error::io(path, error)),
    }
}

/// The modification time of `path` in nanoseconds since the epoch (0 when
/// the platform cannot tell).
pub fn modified(path: &Path) -> Result<i64> {
    let metadata = std::fs::metadata(path).map_err(|error| Error::io(path, error))?;
    Ok(metadata
        .modified()
        .ok()
        .and_then(|time| time.duration_since(std::time::UNIX_EPOCH).ok())
        .and_then(|since| i64::try_from(since.as_nanos()).ok())
        .unwrap_or(0))
}

/// Reads `length` bytes of `path` from `offset` (fewer at the end of the file).
pub fn read_range(path: &Path, offset: u64, length: u64) -> Result<Vec<u8>> {
    let io = |error| Error::io(path, error);
    let mut file = File::open(path).map_err(io)?;
    file.seek(SeekFrom::Start(offset)).map_err(io)?;
    let mut bytes = Vec::new();
    file.take(length).read_to_end(&mut bytes).map_err(io)?;
    Ok(bytes)
}

/// Appends `block` in one write and fsyncs it before returning.
pub fn append_durably(path: &Path, block: &[u8]) -> Result<()> {
    let io = |error| Error::io(path, error);
    let mut file = OpenOptions::new().append(true).open(path).map_err(io)?;
    file.write_all(block).map_err(io)?;
    file.sync_data().map_err(io)
}

/// Cuts `path` back to `length` bytes (dropping a torn append) and fsyncs.
pub fn truncate_durably(path: &Path, length: u64) -> Result<()> {
    let io = |error| Error::io(path, error);
    let file = OpenOptions::new().write(true).open(path).map_err(io)?;
    file.set_len(length).map_err(io)?;
    file.sync_all().map_err(io)
}

/// How long [`lock`] keeps trying before it gives up.
const LOCK_GRACE: std::time::Duration = std::time::Duration::from_millis(750);

/// Takes the exclusive lock on `path` (created if needed). A lock held for
/// a moment is waited for, at most [`LOCK_GRACE`]: a session that is just
/// ending, or a process forked by the holder that has not yet exec'd and
/// so still shares its lock, lets go within milliseconds; a session in use
/// does not, and then the answer is [`Error::Locked`].
pub fn lock(path: &Path) -> Result<File> {
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .map_err(|error| Error::io(path, error))?;
    let started = std::time::Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(std::fs::TryLockError::WouldBlock) if started.elapsed() < LOCK_GRACE => {
                std::thread::sleep(std::time::Duration::from_millis(15));
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(Error::Locked {
                    path: path.to_path_buf(),
                });
            }
            Err(std::fs::TryLockError::Error(error)) => return Err(Error::io(path, error)),
        }
    }
}

/// The temp files a crashed writer left in `dir`.
pub fn leftover_temp_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(Error::io(dir, error)),
    };
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|error| Error::io(dir, error))?;
        if entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
            found.push(entry.path());
        }
    }
    found.sort();
    Ok(found)
}

/// Whether another process holds the lock on `path` (a missing lock file is
/// free). Takes and releases the lock at once, creating nothing.
pub fn is_locked(path: &Path) -> Result<bool> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == ErrorKind::NotFound => return Ok(false),
        Err(error) => return Err(Error::io(path, error)),
    };
    match file.try_lock() {
        Ok(()) => Ok(false),
        Err(std::fs::TryLockError::WouldBlock) => Ok(true),
        Err(std::fs::TryLockError::Error(error)) => Err(Error::io(path, error)),
    }
}
