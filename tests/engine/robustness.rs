//! No input makes the engine or the store panic. Seeds are fixed, so a
//! failure repeats.
//!
//! - State files: valid `reviews.toml` and `schedule.toml` written by the
//!   store, then mutated (bits flipped, bytes inserted and deleted, cut
//!   short, blocks duplicated, numbers made extreme), and plain random
//!   bytes, are opened read-only and for writing. Each open is `Ok` or an
//!   error naming the damaged file; after an error both files are
//!   byte-identical, and a store that opens can record an answer that a
//!   later open reads back. Merging a damaged log from another data dir
//!   is refused with its path and changes nothing here.
//! - Judging: random strings, answers and siblings for every input kind.
//! - Scheduling: random rating sequences at extreme times (far past and
//!   future, the same instant, time going backwards) and damaged schedules
//!   keep stability and difficulty finite and in range; the study queue
//!   builds and answers at those times too.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use chrono::TimeDelta;
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

use ontap::clock::{self, Timestamp};
use ontap::deck::{Card, CardId, CardKind, DeckId, InputKind};
use ontap::judge::{self, Grade};
use ontap::queue::{Limits, Next, Queue};
use ontap::scheduler::{CardState, Rating, Schedule, Scheduler};
use ontap::store::{CACHE_FILE, LOG_FILE, Review, ReviewMode, Store};

fn at(text: &str) -> Timestamp {
    clock::parse(text).unwrap()
}

fn review(card: &str, at: Timestamp, rating: Rating, answer: &str) -> Review {
    Review {
        overruled: None,
        card: CardId(format!("d/translate/{card}")),
        deck: DeckId("d".into()),
        at,
        rating,
        mode: ReviewMode::Study,
        answer: answer.into(),
        // The store takes the verdict as given; only its spelling is checked.
        verdict: if rating == Rating::Again {
            Grade::Wrong
        } else {
            Grade::Correct
        },
    }
}

/// A data dir as the store leaves it after a short history with an undo,
/// long enough for the schedule to have every optional field. Returns the
/// cache as it was three answers in: one that covers only the start of the
/// final log, as a session killed after a checkpoint leaves.
fn valid_state(dir: &Path) -> Vec<u8> {
    let start = at("2026-11-28T09:00:00+07:00");
    let mut store = Store::open(dir, Scheduler::default()).unwrap();
    let script = [
        ("mot", 0, Rating::Good, "một"),
        ("hai", 1, Rating::Again, "ba \"quoted\"\\"),
        ("mot", 15, Rating::Easy, ""),
        ("hai", 12, Rating::Hard, "hai\nlines\tạ"),
        ("ba", 3000, Rating::Good, "ba"),
    ];
    let mut behind = Vec::new();
    for (index, (card, minutes, rating, answer)) in script.into_iter().enumerate() {
        let when = start + TimeDelta::minutes(minutes);
        store.record(review(card, when, rating, answer)).unwrap();
        if index == 2 {
            // A checkpoint (session end, or every CHECKPOINT_EVERY answers).
            store.checkpoint().unwrap();
            behind = std::fs::read(dir.join(CACHE_FILE)).unwrap();
        }
    }
    store.undo_last().unwrap().unwrap();
    let later = start + TimeDelta::days(40);
    store
        .record(review("mot", later, Rating::Again, "sai"))
        .unwrap();
    behind
}

/// Text that state files hold, or that breaks them in interesting ways.
const TOKENS: &[&[u8]] = &[
    b"\n",
    b"\n\n",
    b"[[review]]\n",
    b"[[undo]]\n",
    b"[card.\"d/translate/mot\"]\n",
    b"[card]\n",
    b"format = 2\n",
    b"format = 0\n",
    b"review = 1\n",
    b"=",
    b"\"",
    b"\\",
    b"'",
    b"#",
    b"nan",
    b"inf",
    b"-inf",
    b"-1",
    b"0",
    b"1e309",
    b"-0.0",
    b"18446744073709551615",
    b"9223372036854775807",
    b"-9223372036854775808",
    b"4294967295",
    b"0000-01-01T00:00:00Z",
    b"9999-12-31T23:59:59-23:59",
    b"9999-12-31T23:59:59+23:59",
    b"2026-11-28T09:00:00",
    b"\0",
    b"\xff",
    b"\xe1\xba",
    b"\r\n",
    b"\xe1\xba\xa1",
    b"step = 4294967295\n",
    b"rating = 0\n",
    b"state = \"new\"\n",
    b"stability = 0.0\n",
    b"difficulty = nan\n",
    b"log_bytes = 0\n",
    b"log_lines = 9223372036854775807\n",
];

/// The byte offsets just after each newline (and 0): where lines start.
fn line_starts(bytes: &[u8]) -> Vec<usize> {
    std::iter::once(0)
        .chain(
            bytes
                .iter()
                .enumerate()
                .filter(|(_, byte)| **byte == b'\n')
                .map(|(index, _)| index + 1),
        )
        .collect()
}

/// One to three random edits of `bytes`.
fn mutate(rng: &mut StdRng, bytes: &[u8]) -> Vec<u8> {
    let mut bytes = bytes.to_vec();
    for _ in 0..rng.random_range(1..=3) {
        let len = bytes.len();
        let position = rng.random_range(0..=len);
        match rng.random_range(0..9) {
            0 if len > 0 => {
                let index = position.min(len - 1);
                bytes[index] ^= 1 << rng.random_range(0..8);
            }
            1 if len > 0 => {
                let index = position.min(len - 1);
                bytes[index] = rng.random();
            }
            2 => {
                let count = rng.random_range(1..8);
                let inserted: Vec<u8> = (0..count).map(|_| rng.random()).collect();
                bytes.splice(position..position, inserted);
            }
            3 => {
                let token = TOKENS[rng.random_range(0..TOKENS.len())];
                let starts = line_starts(&bytes);
                let at_line = rng.random_bool(0.5);
                let where_ = if at_line {
                    starts[rng.random_range(0..starts.len())]
                } else {
                    position
                };
                bytes.splice(where_..where_, token.iter().copied());
            }
            4 => {
                let end = (position + rng.random_range(1..40)).min(len);
                bytes.drain(position..end);
            }
            5 => bytes.truncate(position),
            6 => {
                // A block (whole lines) copied to another line start.
                let starts = line_starts(&bytes);
                let first = rng.random_range(0..starts.len());
                let last = (first + rng.random_range(1..12)).min(starts.len() - 1);
                let block = bytes[starts[first]..starts[last]].to_vec();
                let target = starts[rng.random_range(0..starts.len())];
                bytes.splice(target..target, block);
            }
            7 => {
                // A line replaced by another line of the file.
                let starts = line_starts(&bytes);
                if starts.len() > 2 {
                    let pick = |rng: &mut StdRng| rng.random_range(0..starts.len() - 1);
                    let (from, to) = (pick(rng), pick(rng));
                    let line = bytes[starts[from]..starts[from + 1]].to_vec();
                    bytes.splice(starts[to]..starts[to + 1], line);
                }
            }
            _ => {
                // A number made extreme.
                let digits: Vec<usize> = (0..len).filter(|i| bytes[*i].is_ascii_digit()).collect();
                if !digits.is_empty() {
                    let start = digits[rng.random_range(0..digits.len())];
                    let end = (start..len)
                        .find(|i| !bytes[*i].is_ascii_digit())
                        .unwrap_or(len);
                    let extreme: &[u8] = match rng.random_range(0..5) {
                        0 => b"0",
                        1 => b"18446744073709551615",
                        2 => b"9223372036854775807",
                        3 => b"4294967296",
                        _ => b"99999",
                    };
                    bytes.splice(start..end, extreme.iter().copied());
                }
            }
        }
    }
    bytes
}

/// Which state files a trial damaged.
#[derive(Debug, Clone, Copy)]
struct Damaged {
    log: bool,
    cache: bool,
}

impl Damaged {
    /// Whether `error` names a damaged file and, when only the cache was
    /// damaged, gives the remedy (the cache is recomputed from the log).
    fn explained_by(self, error: &ontap::Error) -> bool {
        let message = error.to_string();
        let named = (self.log && message.contains(LOG_FILE))
            || (self.cache && message.contains(CACHE_FILE));
        let remedy = self.log
            || matches!(error, ontap::Error::FutureFormat { .. })
            || message.contains("ontap state rebuild");
        named && remedy
    }
}

fn read_state(dir: &Path) -> (Option<Vec<u8>>, Option<Vec<u8>>) {
    (
        std::fs::read(dir.join(LOG_FILE)).ok(),
        std::fs::read(dir.join(CACHE_FILE)).ok(),
    )
}

/// Writes `log` and `cache` into the empty `dir` (the log with `modified`
/// as its modification time, so an intact cache covers it), then opens it
/// read-only and for writing and checks what the module docs promise.
fn open_damaged(
    dir: &Path,
    log: &[u8],
    cache: &[u8],
    modified: std::time::SystemTime,
    damaged: Damaged,
) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join(LOG_FILE), log).unwrap();
    std::fs::write(dir.join(CACHE_FILE), cache).unwrap();
    std::fs::File::options()
        .write(true)
        .open(dir.join(LOG_FILE))
        .unwrap()
        .set_modified(modified)
        .unwrap();
    let before = read_state(dir);
    let shown = || {
        format!(
            "log {:?}\ncache {:?}",
            String::from_utf8_lossy(log),
            String::from_utf8_lossy(cache)
        )
    };

    let read_only = catch_unwind(|| Store::open_read_only(dir, Scheduler::default()).map(|_| ()));
    match read_only {
        Err(_) => panic!("open_read_only panicked on {damaged:?}:\n{}", shown()),
        Ok(Err(error)) => assert!(
            damaged.explained_by(&error),
            "read-only error does not name the damaged file and its remedy ({damaged:?}): {error}\n{}",
            shown()
        ),
        Ok(Ok(())) => {}
    }
    assert_eq!(read_state(dir), before, "open_read_only wrote\n{}", shown());

    let opened = catch_unwind(|| Store::open(dir, Scheduler::default()));
    let mut store = match opened {
        Err(_) => panic!("open panicked on {damaged:?}:\n{}", shown()),
        Ok(Err(error)) => {
            assert!(
                damaged.explained_by(&error),
                "error does not name the damaged file and its remedy ({damaged:?}): {error}\n{}",
                shown()
            );
            assert_eq!(
                read_state(dir),
                before,
                "files changed after {error}\n{}",
                shown()
            );
            return;
        }
        Ok(Ok(store)) => store,
    };
    let answer = review("moi", at("2026-12-30T09:00:00+07:00"), Rating::Good, "mới");
    let recorded = catch_unwind(AssertUnwindSafe(|| store.record(answer.clone())));
    match recorded {
        Err(_) => panic!("record panicked after open on {damaged:?}:\n{}", shown()),
        Ok(Err(error)) => panic!("record failed after open: {error}\n{}", shown()),
        Ok(Ok(_)) => {}
    }
    drop(store);
    let reopened = Store::open_read_only(dir, Scheduler::default())
        .unwrap_or_else(|error| panic!("reopen failed: {error}\n{}", shown()));
    assert!(
        reopened.record_of(&answer.card).is_some(),
        "the recorded answer was lost\n{}",
        shown()
    );
}

#[test]
fn damaged_state_files_never_panic_and_are_left_as_they_were() {
    let source = tempfile::tempdir().unwrap();
    let behind = valid_state(source.path());
    let log = std::fs::read(source.path().join(LOG_FILE)).unwrap();
    let cache = std::fs::read(source.path().join(CACHE_FILE)).unwrap();
    let modified = std::fs::metadata(source.path().join(LOG_FILE))
        .unwrap()
        .modified()
        .unwrap();
    let work = tempfile::tempdir().unwrap();
    // The intact pairs open (the baselines the mutations start from).
    let intact = Damaged {
        log: false,
        cache: false,
    };
    open_damaged(&work.path().join("intact"), &log, &cache, modified, intact);
    open_damaged(&work.path().join("behind"), &log, &behind, modified, intact);

    let mut rng = StdRng::seed_from_u64(0x0a7a_5707);
    for trial in 0..600 {
        let damaged = match rng.random_range(0..5) {
            0 | 1 => Damaged {
                log: true,
                cache: false,
            },
            2 | 3 => Damaged {
                log: false,
                cache: true,
            },
            _ => Damaged {
                log: true,
                cache: true,
            },
        };
        let log = if damaged.log {
            mutate(&mut rng, &log)
        } else {
            log.clone()
        };
        // A cache behind the log makes start-up parse the log's tail.
        let cache = if rng.random_bool(0.3) {
            &behind
        } else {
            &cache
        };
        let cache = if damaged.cache {
            mutate(&mut rng, cache)
        } else {
            cache.clone()
        };
        let dir = work.path().join(format!("trial-{trial}"));
        open_damaged(&dir, &log, &cache, modified, damaged);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

#[test]
fn merging_a_damaged_log_never_panics_and_changes_nothing_on_error() {
    let source = tempfile::tempdir().unwrap();
    valid_state(source.path());
    let log = std::fs::read(source.path().join(LOG_FILE)).unwrap();
    let work = tempfile::tempdir().unwrap();
    let mut rng = StdRng::seed_from_u64(0x3e_9e);
    for trial in 0..150 {
        let ours = work.path().join(format!("ours-{trial}"));
        let theirs = work.path().join(format!("theirs-{trial}"));
        std::fs::create_dir_all(&theirs).unwrap();
        std::fs::write(theirs.join(LOG_FILE), mutate(&mut rng, &log)).unwrap();
        let mut store = Store::open(&ours, Scheduler::default()).unwrap();
        let when = at("2026-11-29T09:00:00+07:00");
        store
            .record(review("rieng", when, Rating::Good, "x"))
            .unwrap();
        drop(store);
        let before = read_state(&ours);
        let merged = catch_unwind(|| Store::merge(&ours, &theirs, Scheduler::default()));
        match merged {
            Err(_) => panic!(
                "merge panicked on {:?}",
                String::from_utf8_lossy(&std::fs::read(theirs.join(LOG_FILE)).unwrap())
            ),
            Ok(Err(error)) => {
                let damaged = theirs.join(LOG_FILE).display().to_string();
                assert!(error.to_string().contains(&damaged), "{error}");
                assert_eq!(read_state(&ours), before, "{error}");
            }
            Ok(Ok((store, _))) => {
                assert!(store.records().keys().any(|card| card.0.ends_with("rieng")));
            }
        }
    }
}

#[test]
fn random_bytes_as_state_files_never_panic() {
    let work = tempfile::tempdir().unwrap();
    let modified = std::time::SystemTime::now();
    let mut rng = StdRng::seed_from_u64(0xb17e5);
    let both = Damaged {
        log: true,
        cache: true,
    };
    for trial in 0..150 {
        let random = |rng: &mut StdRng| -> Vec<u8> {
            let len = rng.random_range(0..200);
            let mut bytes: Vec<u8> = (0..len).map(|_| rng.random()).collect();
            if rng.random_bool(0.5) {
                // Past the format line, so the parser reads further.
                bytes.splice(0..0, b"format = 1\n\n".iter().copied());
            }
            bytes
        };
        let log = random(&mut rng);
        let cache = random(&mut rng);
        let dir = work.path().join(format!("trial-{trial}"));
        open_damaged(&dir, &log, &cache, modified, both);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

#[test]
fn answers_at_the_ends_of_representable_time_keep_the_state_readable() {
    for now in [
        "9999-06-01T00:00:00+00:00",
        "9999-12-31T23:59:59-23:59",
        "0000-01-01T00:00:00+23:59",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let now = at(now);
        let mut store = Store::open(dir.path(), Scheduler::default()).unwrap();
        let mut when = now;
        for rating in [Rating::Easy, Rating::Good, Rating::Good, Rating::Again] {
            let schedule = store.record(review("xa", when, rating, "xa")).unwrap();
            when = schedule.due;
        }
        drop(store);
        Store::open(dir.path(), Scheduler::default())
            .unwrap_or_else(|error| panic!("after answers at {now}: {error}"));
        let rebuilt = Store::rebuild(dir.path(), Scheduler::default()).unwrap();
        assert_eq!(rebuilt.records().len(), 1);
    }
}

/// Characters that stress normalisation, case folding and diacritics.
const ALPHABET: &[&str] = &[
    "a",
    "b",
    "c",
    "d",
    "e",
    "o",
    "n",
    "g",
    "A",
    "L",
    "N",
    "W",
    "1",
    "2",
    "3",
    "0",
    " ",
    "  ",
    ",",
    ";",
    "\n",
    ".",
    "-",
    "(",
    ")",
    "'",
    "’",
    "+",
    "#",
    "đ",
    "Đ",
    "ạ",
    "ướ",
    "ờ",
    "ố",
    "ễ",
    "o\u{302}",
    "\u{301}",
    "\u{303}\u{323}",
    "\u{335}",
    "ß",
    "İ",
    "ﬁ",
    "Σ",
    "ς",
    "ı",
    "\u{200d}",
    "\u{feff}",
    "😀",
    "👩‍💻",
    "\u{0}",
    "\t",
    "và ",
    "and ",
    "va ",
    "日本",
    "ㄱ",
    "\u{10ffff}",
];

fn random_text(rng: &mut StdRng) -> String {
    let len = if rng.random_bool(0.05) {
        rng.random_range(100..600)
    } else {
        rng.random_range(0..14)
    };
    (0..len)
        .map(|_| {
            if rng.random_bool(0.1) {
                char::from_u32(rng.random_range(0..0x11_0000))
                    .unwrap_or('x')
                    .to_string()
            } else {
                ALPHABET[rng.random_range(0..ALPHABET.len())].to_string()
            }
        })
        .collect()
}

/// `text` with a random small change a user might make.
fn typed_variant(rng: &mut StdRng, text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    match rng.random_range(0..5) {
        0 if !chars.is_empty() => {
            chars.remove(rng.random_range(0..chars.len()));
            chars.into_iter().collect()
        }
        1 => text.to_uppercase(),
        2 => format!("  {text}!! "),
        3 => text.replace(['đ', 'ạ', 'ố'], "d"),
        _ => text.to_string(),
    }
}

fn random_card(rng: &mut StdRng) -> Card {
    let input = [InputKind::Text, InputKind::Choice, InputKind::List][rng.random_range(0..3)];
    let answers: Vec<String> = (0..rng.random_range(0..4))
        .map(|_| random_text(rng))
        .collect();
    let mut choices: Vec<String> = (0..rng.random_range(0..5))
        .map(|_| random_text(rng))
        .collect();
    if let Some(first) = answers.first()
        && rng.random_bool(0.7)
    {
        choices.insert(rng.random_range(0..=choices.len()), first.clone());
    }
    Card {
        id: CardId("d/kind/x".into()),
        kind: CardKind::Definition,
        input,
        prompt: random_text(rng),
        answers,
        choices,
        hint: None,
        direction: None,
        section: None,
        line: 1,
        hash: String::new(),
    }
}

#[test]
fn judging_random_answers_never_panics_and_stays_consistent() {
    let mut rng = StdRng::seed_from_u64(0x1d9e);
    for _ in 0..4_000 {
        let card = random_card(&mut rng);
        let siblings: Vec<String> = (0..rng.random_range(0..4))
            .map(|_| {
                if rng.random_bool(0.5) {
                    random_text(&mut rng)
                } else {
                    typed_variant(&mut rng, card.canonical_answer())
                }
            })
            .collect();
        let sibling_refs: Vec<&str> = siblings.iter().map(String::as_str).collect();
        let typed = match rng.random_range(0..4) {
            0 => random_text(&mut rng),
            1 => rng.random_range(0..8).to_string(),
            2 => ["18446744073709551616", "-1", "0", "+1", " 2 "][rng.random_range(0..5)].into(),
            _ => {
                let answer = card.canonical_answer().to_string();
                typed_variant(&mut rng, &answer)
            }
        };
        let judged = catch_unwind(|| judge::judge(&card, &typed, &sibling_refs));
        let Ok(judgement) = judged else {
            panic!("judge panicked: card {card:?}, typed {typed:?}, siblings {siblings:?}")
        };
        assert_eq!(judgement.rating, judgement.grade.rating());
        assert_eq!(
            judgement.close_reason.is_some(),
            judgement.grade == Grade::Close,
            "{judgement:?}"
        );
        // Typing the canonical answer of a text card is always right.
        if card.input == InputKind::Text
            && card.canonical_answer().chars().any(char::is_alphanumeric)
        {
            let exact = judge::judge(&card, card.canonical_answer(), &sibling_refs);
            assert_eq!(exact.grade, Grade::Correct, "{card:?} {siblings:?}");
        }
    }
}

/// Times near the ends of what an RFC 3339 time (`ONTAP_NOW`, a state
/// file) can say: years 0000 and 9999, offsets up to ±23:59.
fn extreme_time(rng: &mut StdRng) -> Timestamp {
    let year = [0, 1, 9998, 9999][rng.random_range(0..4)];
    let (month, day) = [(1, 1), (12, 31), (6, 15)][rng.random_range(0..3)];
    let (hour, minute) = [(0, 0), (23, 59), (12, 0)][rng.random_range(0..3)];
    let sign = if rng.random_bool(0.5) { '+' } else { '-' };
    let (offset_hours, offset_minutes) = [(23, 59), (0, 0), (7, 0)][rng.random_range(0..3)];
    at(&format!(
        "{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:59{sign}{offset_hours:02}:{offset_minutes:02}"
    ))
}

/// The next review time: the same instant, a little or a lot later or
/// earlier, or somewhere extreme.
fn next_time(rng: &mut StdRng, now: Timestamp) -> Timestamp {
    let delta = match rng.random_range(0..7) {
        0 => TimeDelta::zero(),
        1 => TimeDelta::seconds(rng.random_range(-600..600)),
        2 => TimeDelta::minutes(rng.random_range(1..60 * 24 * 3)),
        3 => TimeDelta::days(rng.random_range(-400..40_000)),
        4 => TimeDelta::days(rng.random_range(-3_000_000..3_000_000)),
        5 => return extreme_time(rng),
        _ => TimeDelta::days(rng.random_range(1..30)),
    };
    now.checked_add_signed(delta).unwrap_or(now)
}

fn assert_sound(schedule: &Schedule, now: Timestamp, context: &str) {
    let stability = schedule.stability.unwrap_or(f64::NAN);
    let difficulty = schedule.difficulty.unwrap_or(f64::NAN);
    assert!(
        stability.is_finite() && stability > 0.0,
        "stability {stability}: {context}"
    );
    assert!(
        (1.0..=10.0).contains(&difficulty),
        "difficulty {difficulty}: {context}"
    );
    assert!(schedule.due >= now, "due before the review: {context}");
    assert_eq!(schedule.last_review, Some(now), "{context}");
}

#[test]
fn random_reviews_at_extreme_times_keep_the_memory_state_finite() {
    let schedulers = [
        Scheduler::default(),
        Scheduler {
            enable_fuzzing: false,
            ..Scheduler::default()
        },
        Scheduler {
            learning_steps: vec![],
            relearning_steps: vec![],
            ..Scheduler::default()
        },
    ];
    let mut rng = StdRng::seed_from_u64(0xf5_5e);
    for sequence in 0..1_500 {
        let scheduler = &schedulers[sequence % schedulers.len()];
        let mut now = if rng.random_bool(0.3) {
            extreme_time(&mut rng)
        } else {
            at("2026-11-28T09:00:00+07:00")
        };
        let mut schedule = Scheduler::new_card(now);
        let mut history = Vec::new();
        for _ in 0..rng.random_range(1..25) {
            let rating = Rating::ALL[rng.random_range(0..4)];
            let seed = rng.random();
            history.push((rating, now));
            let context = format!("{history:?}");
            schedule = catch_unwind(|| scheduler.review(&schedule, rating, now, seed))
                .unwrap_or_else(|_| panic!("review panicked: {context}"));
            assert_sound(&schedule, now, &context);
            let later = next_time(&mut rng, now);
            let retrievability = catch_unwind(|| scheduler.retrievability(&schedule, later))
                .unwrap_or_else(|_| panic!("retrievability panicked: {context}"));
            assert!(
                (0.0..=1.0).contains(&retrievability),
                "retrievability {retrievability}: {context}"
            );
            now = if rng.random_bool(0.7) {
                schedule.due
            } else {
                later
            };
        }
    }
}

fn odd_number(rng: &mut StdRng) -> Option<f64> {
    let values = [
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        0.0,
        -0.0,
        -1.0,
        1e-300,
        1e300,
        f64::MAX,
        5.0,
    ];
    rng.random_bool(0.9)
        .then(|| values[rng.random_range(0..values.len())])
}

#[test]
fn damaged_schedules_give_a_sound_next_schedule() {
    let scheduler = Scheduler::default();
    let mut rng = StdRng::seed_from_u64(0xda_3a9e);
    let states = [
        CardState::New,
        CardState::Learning,
        CardState::Review,
        CardState::Relearning,
    ];
    for _ in 0..3_000 {
        let now = next_time(&mut rng, at("2026-11-28T09:00:00+07:00"));
        let damaged = Schedule {
            state: states[rng.random_range(0..4)],
            step: rng
                .random_bool(0.5)
                .then(|| [0, 1, 2, u32::MAX][rng.random_range(0..4)]),
            stability: odd_number(&mut rng),
            difficulty: odd_number(&mut rng),
            due: next_time(&mut rng, now),
            last_review: rng.random_bool(0.8).then(|| next_time(&mut rng, now)),
            reps: [0, 1, u32::MAX][rng.random_range(0..3)],
            lapses: [0, u32::MAX][rng.random_range(0..2)],
        };
        let rating = Rating::ALL[rng.random_range(0..4)];
        let context = format!("{damaged:?} {rating:?} at {now}");
        let after = catch_unwind(|| scheduler.review(&damaged, rating, now, 7))
            .unwrap_or_else(|_| panic!("review panicked: {context}"));
        assert_sound(&after, now, &context);
        let retrievability = scheduler.retrievability(&damaged, now);
        assert!(!retrievability.is_nan(), "retrievability NaN: {context}");
    }
}

#[test]
fn the_queue_copes_with_extreme_times() {
    let card = Card {
        id: CardId("d/kind/x".into()),
        kind: CardKind::Translate,
        input: InputKind::Text,
        prompt: "p".into(),
        answers: vec!["a".into()],
        choices: vec![],
        hint: None,
        direction: None,
        section: None,
        line: 1,
        hash: String::new(),
    };
    let mut rng = StdRng::seed_from_u64(0x9e9e);
    let scheduler = Scheduler::default();
    for _ in 0..200 {
        let now = extreme_time(&mut rng);
        let mut queue = Queue::build(
            [&card],
            &Default::default(),
            &scheduler,
            now,
            &Limits::default(),
        );
        let Next::Ask { card: id, .. } = queue.next(now) else {
            panic!("the new card is not asked at {now}");
        };
        let schedule = scheduler.review(&Scheduler::new_card(now), Rating::Again, now, 1);
        queue.answered(&id, &schedule);
        let later = next_time(&mut rng, now);
        let _ = catch_unwind(AssertUnwindSafe(|| queue.next(later)))
            .unwrap_or_else(|_| panic!("next panicked at {later} after {now}"));
    }
}
