//! The schedule cache `schedule.toml`: every answered card's schedule, and
//! how much of the log it covers, so start-up reads only the log's tail.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use std::fmt::Write as _;

use crate::clock::{self, Timestamp};
use crate::deck::{CardId, DeckId, hex_prefix};
use crate::error::{Error, Result};
use crate::judge::Grade;
use crate::scheduler::{CardState, Schedule};

use super::CardRecord;
use super::cache_mirror;
use super::deck_cache::FileStamp;
use super::fast;
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
    /// The log's modification time (ns since the epoch) when the cache was
    /// written: a log changed behind ontap's back is read in full.
    #[serde(default)]
    pub log_modified: i64,
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
    Ok(hex_prefix(&Sha256::digest(&bytes), 8))
}

/// The hint attached to every cache problem.
pub const REBUILD_HINT: &str =
    "run `ontap state rebuild` to recompute it from reviews.toml (no answer is lost)";

pub fn parse(path: &Path, text: &str) -> Result<Cache> {
    log::check_format(path, text, "an ontap schedule cache")?;
    if let Some(cache) = fast_parse(text) {
        return Ok(cache);
    }
    toml::from_str(text).map_err(|error| crate::deck::toml_error(path, text, &error))
}

/// The cache of `path`, or `None` when there is none.
pub fn read(path: &Path) -> Result<Option<Cache>> {
    // The binary mirror, while it mirrors this very file.
    if let Ok(stamp) = FileStamp::of(path)
        && let Some(cache) = cache_mirror::read(&files::parent(path), &stamp)
    {
        return Ok(Some(cache));
    }
    let Some(bytes) = files::read_optional(path)? else {
        return Ok(None);
    };
    crate::deck::utf8_text(path, bytes)
        .and_then(|text| parse(path, &text))
        .map(Some)
        .map_err(with_rebuild_hint)
}

/// The cache is derived from the log, so every problem with its content
/// has the same remedy; the message says so.
fn with_rebuild_hint(error: Error) -> Error {
    match error {
        Error::Invalid { location, message } => {
            Error::invalid(location, format!("{message}; {REBUILD_HINT}"))
        }
        other => other,
    }
}

/// What [`write`] writes: the shape of [`Cache`], borrowed, so recording an
/// answer does not copy every record.
pub struct CacheRef<'a> {
    pub log_bytes: u64,
    pub log_lines: u64,
    pub log_check: &'a str,
    pub log_modified: i64,
    pub card: &'a BTreeMap<CardId, CardRecord>,
}

/// The cache as TOML text, written by hand (the `toml` crate reads it back
/// as [`Cache`]; a test holds the two to agreement) because it is rewritten
/// after every answer.
pub fn to_text(cache: &CacheRef<'_>) -> String {
    let mut text = String::with_capacity(64 + cache.card.len() * 400);
    let _ = write!(
        text,
        "format = {}\nlog_bytes = {}\nlog_lines = {}\nlog_check = {}\nlog_modified = {}\n",
        log::LOG_FORMAT,
        cache.log_bytes,
        cache.log_lines,
        log::quote(cache.log_check),
        cache.log_modified
    );
    for (card, record) in cache.card {
        let schedule = &record.schedule;
        let _ = write!(
            text,
            "\n[card.{}]\ndeck = {}\nstate = \"{}\"\n",
            log::quote(&card.0),
            log::quote(&record.deck.0),
            schedule.state.name()
        );
        if let Some(step) = schedule.step {
            let _ = writeln!(text, "step = {step}");
        }
        if let Some(stability) = schedule.stability {
            let _ = writeln!(text, "stability = {}", fast::float_text(stability));
        }
        if let Some(difficulty) = schedule.difficulty {
            let _ = writeln!(text, "difficulty = {}", fast::float_text(difficulty));
        }
        let _ = writeln!(text, "due = {}", clock::format(&schedule.due));
        if let Some(last_review) = schedule.last_review {
            let _ = writeln!(text, "last_review = {}", clock::format(&last_review));
        }
        let _ = write!(
            text,
            "reps = {}\nlapses = {}\nfirst_review = {}\nlast_verdict = \"{}\"\nlast_answer = {}\n",
            schedule.reps,
            schedule.lapses,
            clock::format(&record.first_review),
            record.last_verdict.name(),
            log::quote(&record.last_answer)
        );
    }
    text
}

/// Replaces the cache at `path`, then its binary mirror.
pub fn write(path: &Path, cache: &CacheRef<'_>) -> Result<()> {
    files::write_atomically(path, to_text(cache).as_bytes())?;
    cache_mirror::write(&files::parent(path), FileStamp::of(path)?, cache);
    Ok(())
}

/// Reads the cache as [`to_text`] writes it; `None` for anything else,
/// which then goes through the `toml` crate.
fn fast_parse(text: &str) -> Option<Cache> {
    let mut cache = Cache {
        format: 0,
        log_bytes: 0,
        log_lines: 0,
        log_check: String::new(),
        log_modified: 0,
        card: BTreeMap::new(),
    };
    let mut seen: Vec<&str> = Vec::new();
    let mut current: Option<(CardId, RecordFields)> = None;
    for line in text.lines() {
        let line = line.trim_end_matches([' ', '\t']);
        if line.is_empty() {
            continue;
        }
        if let Some(header) = line.strip_prefix("[card.") {
            let (id, rest) = fast::basic_string(header)?;
            if rest != "]" {
                return None;
            }
            if let Some((card, fields)) = current.take() {
                insert(&mut cache.card, card, fields.finish()?)?;
            }
            current = Some((CardId(id), RecordFields::default()));
            continue;
        }
        let (key, value) = fast::key_value(line)?;
        match &mut current {
            Some((_, fields)) => fields.set(key, value)?,
            None => {
                if seen.contains(&key) {
                    return None;
                }
                seen.push(key);
                match key {
                    "format" => cache.format = value.int()?,
                    "log_bytes" => cache.log_bytes = u64::try_from(value.int()?).ok()?,
                    "log_lines" => cache.log_lines = u64::try_from(value.int()?).ok()?,
                    "log_check" => cache.log_check = value.into_string()?,
                    "log_modified" => cache.log_modified = value.int()?,
                    _ => return None,
                }
            }
        }
    }
    if let Some((card, fields)) = current.take() {
        insert(&mut cache.card, card, fields.finish()?)?;
    }
    let required = ["format", "log_bytes", "log_lines", "log_check"];
    required
        .iter()
        .all(|key| seen.contains(key))
        .then_some(cache)
}

fn insert(
    records: &mut BTreeMap<CardId, CardRecord>,
    card: CardId,
    record: CardRecord,
) -> Option<()> {
    match records.insert(card, record) {
        None => Some(()),
        Some(_) => None, // a card twice: let the toml crate report it
    }
}

/// The keys of a card table, in the order of [`RecordFields::set`]'s match;
/// a bit each in `RecordFields::seen`.
const RECORD_KEYS: [&str; 12] = [
    "deck",
    "state",
    "step",
    "stability",
    "difficulty",
    "due",
    "last_review",
    "reps",
    "lapses",
    "first_review",
    "last_verdict",
    "last_answer",
];

#[derive(Default)]
struct RecordFields {
    /// The keys set so far, one bit per [`RECORD_KEYS`] entry (no
    /// allocation per key: the cache holds a table per answered card).
    seen: u16,
    deck: Option<String>,
    state: Option<CardState>,
    step: Option<u32>,
    stability: Option<f64>,
    difficulty: Option<f64>,
    due: Option<Timestamp>,
    last_review: Option<Timestamp>,
    reps: Option<u32>,
    lapses: Option<u32>,
    first_review: Option<Timestamp>,
    last_verdict: Option<Grade>,
    last_answer: Option<String>,
}

impl RecordFields {
    fn set(&mut self, key: &str, value: fast::Scalar) -> Option<()> {
        let bit = 1u16 << RECORD_KEYS.iter().position(|known| *known == key)?;
        if self.seen & bit != 0 {
            return None;
        }
        self.seen |= bit;
        let count = |value: &fast::Scalar| u32::try_from(value.int()?).ok();
        match key {
            "deck" => self.deck = Some(value.into_string()?),
            "state" => {
                let name = value.into_string()?;
                self.state = Some(
                    CardState::ALL
                        .into_iter()
                        .find(|state| state.name() == name)?,
                );
            }
            "step" => self.step = Some(count(&value)?),
            "stability" => self.stability = Some(value.float()?),
            "difficulty" => self.difficulty = Some(value.float()?),
            "due" => self.due = Some(value.time()?),
            "last_review" => self.last_review = Some(value.time()?),
            "reps" => self.reps = Some(count(&value)?),
            "lapses" => self.lapses = Some(count(&value)?),
            "first_review" => self.first_review = Some(value.time()?),
            "last_verdict" => self.last_verdict = Some(log::grade_named(&value.into_string()?)?),
            "last_answer" => self.last_answer = Some(value.into_string()?),
            _ => return None,
        }
        Some(())
    }

    fn finish(self) -> Option<CardRecord> {
        Some(CardRecord {
            deck: DeckId(self.deck?),
            schedule: Schedule {
                state: self.state?,
                step: self.step,
                stability: self.stability,
                difficulty: self.difficulty,
                due: self.due?,
                last_review: self.last_review,
                reps: self.reps?,
                lapses: self.lapses?,
            },
            first_review: self.first_review?,
            last_verdict: self.last_verdict?,
            last_answer: self.last_answer.unwrap_or_default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scheduler::{Rating, Scheduler};

    fn records() -> BTreeMap<CardId, CardRecord> {
        let scheduler = Scheduler::default();
        let start = clock::parse("2026-11-28T09:00:00.25+07:00").unwrap();
        let mut records = BTreeMap::new();
        for (index, ratings) in [
            vec![Rating::Good],
            vec![Rating::Again, Rating::Good, Rating::Good, Rating::Easy],
            vec![Rating::Easy, Rating::Again],
            vec![Rating::Hard, Rating::Hard, Rating::Good],
        ]
        .into_iter()
        .enumerate()
        {
            let mut schedule = Scheduler::new_card(start);
            let mut at = start;
            for rating in ratings {
                at += chrono::Duration::days(index as i64 + 1);
                schedule = scheduler.review(&schedule, rating, at, index as u64);
            }
            records.insert(
                CardId(format!("d/kind/\"card\" {index} ạ\\")),
                CardRecord {
                    deck: DeckId("d".into()),
                    schedule,
                    first_review: start,
                    last_verdict: Grade::Close,
                    last_answer: format!("line\nbreak {index}\t\u{1}"),
                },
            );
        }
        records
    }

    #[test]
    fn the_hand_written_cache_reads_back_the_same_through_both_readers() {
        let records = records();
        assert!(records.values().any(|r| r.schedule.step.is_some()));
        assert!(records.values().any(|r| r.schedule.step.is_none()));
        let text = to_text(&CacheRef {
            log_bytes: 1234,
            log_lines: 56,
            log_check: "abcd",
            log_modified: 1_700_000_000_123_456_789,
            card: &records,
        });
        let expected = Cache {
            format: log::LOG_FORMAT,
            log_bytes: 1234,
            log_lines: 56,
            log_check: "abcd".into(),
            log_modified: 1_700_000_000_123_456_789,
            card: records,
        };
        let slow: Cache = toml::from_str(&text).unwrap();
        assert_eq!(slow, expected);
        assert_eq!(fast_parse(&text), Some(expected.clone()));
        // What the toml crate writes reads back the same too (old caches,
        // hand edits): through the fallback when the fast reader declines.
        let by_serde = toml::to_string(&expected).unwrap();
        assert_eq!(parse(Path::new("s.toml"), &by_serde).unwrap(), expected);
    }

    #[test]
    fn a_card_twice_or_an_unknown_field_goes_to_the_toml_crate() {
        let records = records();
        let text = to_text(&CacheRef {
            log_bytes: 1,
            log_lines: 1,
            log_check: "",
            log_modified: 0,
            card: &records,
        });
        let first_table = text.find("\n[card.").unwrap();
        let second_table = text[first_table + 1..].find("\n[card.").unwrap() + first_table + 1;
        let doubled = format!("{text}{}", &text[first_table..second_table]);
        assert_eq!(fast_parse(&doubled), None);
        assert!(parse(Path::new("s.toml"), &doubled).is_err());
        let unknown = text.replacen("reps = ", "mystery = 1\nreps = ", 1);
        assert_eq!(fast_parse(&unknown), None);
    }
}
