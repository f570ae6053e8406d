//! The schedule cache `schedule.toml`: every answered card's schedule, and
//! how much of the log it covers, so start-up reads only the log's tail.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::deck::CardId;
use crate::error::{Error, Location, Result};

use super::CardRecord;
use super::files;
use super::log;

/// How many bytes before the covered end the fingerprint hashes.
const CHECK_SPAN: u64 = 256;

/// The cache file as TOML: `format`, then the coverage, then `[card."id"]`
/// tables sorted by card id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cache {
    pub format: i64,
    /// The bytes of `reviews.toml` this cache accounts for (a record boundary).
    pub log_bytes: u64,
    /// The lines of `reviews.toml` in those bytes (for error line numbers).
    pub log_lines: u64,
    /// A digest of the log's bytes just before `log_bytes`, so a log that was
    /// replaced by another of at least the same length is noticed.
    pub log_check: String,
    #[serde(default)]
    pub card: BTreeMap<CardId, CardRecord>,
}

/// The fingerprint of the log at `path` up to `covered` bytes.
pub fn fingerprint(log_path: &Path, covered: u64) -> Result<String> {
    if covered == 0 {
        return Ok(String::new());
    }
    let start = covered.saturating_sub(CHECK_SPAN);
    let bytes = files::read_range(log_path, start, covered - start)?;
    let digest = Sha256::digest(&bytes);
    Ok(digest[..8]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect())
}

/// The hint attached to every cache problem.
pub const REBUILD_HINT: &str =
    "run `ontap state rebuild` to recompute it from reviews.toml (no answer is lost)";

pub fn parse(path: &Path, text: &str) -> Result<Cache> {
    log::check_format(path, text, "an ontap schedule cache")?;
    let cache: Cache = toml::from_str(text).map_err(|error| {
        match crate::deck::toml_error(path, text, &error) {
            Error::Invalid { location, message } => {
                Error::invalid(location, format!("{message}; {REBUILD_HINT}"))
            }
            other => other,
        }
    })?;
    Ok(cache)
}

pub fn read(path: &Path) -> Result<Option<Cache>> {
    match files::read_optional(path)? {
        None => Ok(None),
        Some(bytes) => parse(path, &files::utf8(path, bytes)?).map(Some),
    }
}

/// What [`write`] serializes: the same shape as [`Cache`], borrowed, so
/// recording an answer does not copy every record.
#[derive(Serialize)]
pub struct CacheRef<'a> {
    pub format: i64,
    pub log_bytes: u64,
    pub log_lines: u64,
    pub log_check: &'a str,
    pub card: &'a BTreeMap<CardId, CardRecord>,
}

pub fn write(path: &Path, cache: &CacheRef<'_>) -> Result<()> {
    let text = toml::to_string(cache).map_err(|error| {
        Error::invalid(
            Location::file(path),
            format!("cannot write the schedule cache: {error}"),
        )
    })?;
    files::write_atomically(path, text.as_bytes())
}
