//! `schedule.cache`: a binary mirror of `schedule.toml`, read at start-up
//! instead of parsing the TOML (30k answered cards are 10 MB of it). It is
//! written right after `schedule.toml`, with that file's stamp (length,
//! times, inode), and used only while `schedule.toml` still has exactly
//! that stamp; any other `schedule.toml` (edited, replaced, restored,
//! copied with the data dir) is read as TOML, with its errors and line
//! numbers. Derived from a derived file: delete it any time.
//!
//! Format: postcard, as `library.cache` (see `deck_cache`), inside an
//! envelope with ontap's version and a CRC-32 of the payload.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::clock::Timestamp;
use crate::deck::{CardId, DeckId};
use crate::judge::Grade;
use crate::scheduler::{CardState, Schedule};

use super::CardRecord;
use super::cache::Cache;
use super::deck_cache::FileStamp;
use super::files;

/// The mirror's file name in the data dir.
pub const MIRROR_FILE: &str = "schedule.cache";
const MAGIC: &str = "ontap schedule cache mirror";
/// Raised whenever the shapes below change.
const FORMAT: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Envelope<'a> {
    magic: &'a str,
    format: u32,
    ontap: &'a str,
    /// The stamp of the `schedule.toml` this mirrors.
    mirrors: FileStamp,
    crc: u32,
    #[serde(borrow)]
    payload: &'a [u8],
}

#[derive(Serialize, Deserialize)]
struct Body {
    format: i64,
    log_bytes: u64,
    log_lines: u64,
    log_check: String,
    log_modified: i64,
    cards: Vec<(CardId, Record)>,
}

/// A [`CardRecord`] with every field present (postcard is not
/// self-describing) and times as seconds, nanoseconds and offset.
#[derive(Serialize, Deserialize)]
struct Record {
    deck: DeckId,
    state: CardState,
    step: Option<u32>,
    stability: Option<f64>,
    difficulty: Option<f64>,
    due: Time,
    last_review: Option<Time>,
    reps: u32,
    lapses: u32,
    first_review: Time,
    last_verdict: Grade,
    last_answer: String,
}

/// A time as the binary caches keep it (the review cache too).
#[derive(Clone, Copy, Serialize, Deserialize)]
pub(super) struct Time {
    seconds: i64,
    nanos: u32,
    offset: i32,
}

impl Time {
    pub(super) fn of(time: &Timestamp) -> Time {
        Time {
            seconds: time.timestamp(),
            nanos: time.timestamp_subsec_nanos(),
            offset: time.offset().local_minus_utc(),
        }
    }

    pub(super) fn to_timestamp(self) -> Option<Timestamp> {
        let offset = FixedOffset::east_opt(self.offset)?;
        Some(DateTime::from_timestamp(self.seconds, self.nanos)?.with_timezone(&offset))
    }
}

impl Record {
    fn of(record: &CardRecord) -> Record {
        let schedule = &record.schedule;
        Record {
            deck: record.deck.clone(),
            state: schedule.state,
            step: schedule.step,
            stability: schedule.stability,
            difficulty: schedule.difficulty,
            due: Time::of(&schedule.due),
            last_review: schedule.last_review.as_ref().map(Time::of),
            reps: schedule.reps,
            lapses: schedule.lapses,
            first_review: Time::of(&record.first_review),
            last_verdict: record.last_verdict,
            last_answer: record.last_answer.clone(),
        }
    }

    fn into_record(self) -> Option<CardRecord> {
        let last_review = match self.last_review {
            Some(time) => Some(time.to_timestamp()?),
            None => None,
        };
        Some(CardRecord {
            deck: self.deck,
            schedule: Schedule {
                state: self.state,
                step: self.step,
                stability: self.stability,
                difficulty: self.difficulty,
                due: self.due.to_timestamp()?,
                last_review,
                reps: self.reps,
                lapses: self.lapses,
            },
            first_review: self.first_review.to_timestamp()?,
            last_verdict: self.last_verdict,
            last_answer: self.last_answer,
        })
    }
}

/// The cache the mirror in `dir` holds, if it mirrors `schedule.toml` as
/// that file is now (`toml_stamp`); `None` for anything else.
pub fn read(dir: &Path, toml_stamp: &FileStamp) -> Option<Cache> {
    let bytes = files::read_optional(&dir.join(MIRROR_FILE)).ok()??;
    let (envelope, rest): (Envelope<'_>, _) = postcard::take_from_bytes(&bytes).ok()?;
    let current = envelope.magic == MAGIC
        && envelope.format == FORMAT
        && envelope.ontap == env!("CARGO_PKG_VERSION")
        && envelope.mirrors == *toml_stamp
        && rest.is_empty()
        && crc32fast::hash(envelope.payload) == envelope.crc;
    if !current {
        return None;
    }
    let body: Body = postcard::from_bytes(envelope.payload).ok()?;
    let mut card = BTreeMap::new();
    for (id, record) in body.cards {
        if card.insert(id, record.into_record()?).is_some() {
            return None;
        }
    }
    Some(Cache {
        format: body.format,
        log_bytes: body.log_bytes,
        log_lines: body.log_lines,
        log_check: body.log_check,
        log_modified: body.log_modified,
        card,
    })
}

/// Writes the mirror of the `schedule.toml` just written with `cache`,
/// whose stamp is `toml_stamp`. A failure is no failure: without a mirror,
/// start-up reads the TOML.
pub fn write(dir: &Path, toml_stamp: FileStamp, cache: &super::cache::CacheRef<'_>) {
    let body = Body {
        format: crate::store::log::LOG_FORMAT,
        log_bytes: cache.log_bytes,
        log_lines: cache.log_lines,
        log_check: cache.log_check.to_string(),
        log_modified: cache.log_modified,
        cards: cache
            .card
            .iter()
            .map(|(id, record)| (id.clone(), Record::of(record)))
            .collect(),
    };
    let Ok(payload) = postcard::to_allocvec(&body) else {
        return;
    };
    let envelope = Envelope {
        magic: MAGIC,
        format: FORMAT,
        ontap: env!("CARGO_PKG_VERSION"),
        mirrors: toml_stamp,
        crc: crc32fast::hash(&payload),
        payload: &payload,
    };
    if let Ok(bytes) = postcard::to_allocvec(&envelope) {
        let _ = files::write_atomically(&dir.join(MIRROR_FILE), &bytes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scheduler::{Rating, Scheduler};
    use crate::store::cache::{self, CacheRef};

    fn records() -> BTreeMap<CardId, CardRecord> {
        let scheduler = Scheduler::default();
        let start = crate::clock::parse("2026-11-28T09:00:00.25+07:00").unwrap();
        let mut records = BTreeMap::new();
        for (index, ratings) in [vec![Rating::Good], vec![Rating::Again, Rating::Easy]]
            .into_iter()
            .enumerate()
        {
            let mut schedule = Scheduler::new_card(start);
            for rating in ratings {
                let at = start + chrono::Duration::days(index as i64 + 1);
                schedule = scheduler.review(&schedule, rating, at, index as u64);
            }
            records.insert(
                CardId(format!("d/kind/card {index} ạ")),
                CardRecord {
                    deck: DeckId("d".into()),
                    schedule,
                    first_review: start,
                    last_verdict: Grade::Close,
                    last_answer: format!("answer\n{index}"),
                },
            );
        }
        records
    }

    #[test]
    fn the_mirror_reads_as_the_toml_does_and_only_while_the_toml_is_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("schedule.toml");
        let records = records();
        let written = CacheRef {
            log_bytes: 1234,
            log_lines: 56,
            log_check: "abcd",
            log_modified: 1_700_000_000_123_456_789,
            card: &records,
        };
        cache::write(&path, &written).unwrap();
        let stamp = FileStamp::of(&path).unwrap();
        let mirrored = read(dir.path(), &stamp).expect("a mirror");
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(mirrored, cache::parse(&path, &text).unwrap());
        assert_eq!(mirrored.card, records);
        // schedule.toml rewritten by anyone else: the mirror is not used.
        std::fs::write(&path, text.replacen("log_lines = 56", "log_lines = 57", 1)).unwrap();
        assert!(read(dir.path(), &FileStamp::of(&path).unwrap()).is_none());
        assert_eq!(cache::read(&path).unwrap().unwrap().log_lines, 57);
        // A damaged mirror is not used either.
        cache::write(&path, &written).unwrap();
        let mirror = dir.path().join(MIRROR_FILE);
        let mut bytes = std::fs::read(&mirror).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        std::fs::write(&mirror, bytes).unwrap();
        assert!(read(dir.path(), &FileStamp::of(&path).unwrap()).is_none());
    }
}
