//! `cargo bench --bench store`: the state store at the 100k-card workload
//! of `benches/scale.rs` (30,000 answered cards, 150,000 reviews). Generates a data dir, then times a rebuild from the log,
//! start-up (cache load), start-up with a tail to replay, a full log parse,
//! recording one answer (fsynced) and a checkpoint (the cache rewritten, as
//! at a session's end); prints the figures and peak memory.

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use ontap::clock;
use ontap::deck::{CardId, DeckId};
use ontap::judge::Grade;
use ontap::scheduler::{Rating, Scheduler};
use ontap::store::{CACHE_FILE, LOG_FILE, Review, ReviewMode, Store};

const CARDS: usize = 30_000;
const REVIEWS: usize = 150_000;

/// The review log as an outside tool would write it: the contract fields only.
fn generate_log(path: &Path) -> usize {
    let start = clock::parse("2026-01-01T08:00:00+07:00").expect("valid time");
    let mut text = String::from("format = 1\n\n");
    let mut random: u64 = 0x2545_f491_4f6c_dd1d;
    for index in 0..REVIEWS {
        random ^= random << 13;
        random ^= random >> 7;
        random ^= random << 17;
        let round = index / CARDS;
        let card = index % CARDS;
        let at = start
            + chrono::Duration::days(round as i64 * 3)
            + chrono::Duration::seconds(card as i64 * 2);
        let (rating, verdict) = match random % 10 {
            0 | 1 => (1, "wrong"),
            2 => (2, "close"),
            3..=8 => (3, "correct"),
            _ => (4, "correct"),
        };
        let _ = write!(
            text,
            "[[review]]\ncard = \"bench/translate/vi-en/the-card-number-{card}\"\ndeck = \"bench\"\nat = {}\nrating = {rating}\nmode = \"study\"\nanswer = \"câu trả lời {card}\"\nverdict = \"{verdict}\"\n\n",
            clock::format(&at)
        );
    }
    std::fs::write(path, &text).expect("write the log");
    text.len()
}

fn time<T>(label: &str, runs: u32, mut work: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut total = Duration::ZERO;
    let mut last = None;
    for _ in 0..runs {
        // The previous run's store (and its lock) goes before the next run.
        drop(last.take());
        let begin = Instant::now();
        let value = work();
        let took = begin.elapsed();
        best = best.min(took);
        total += took;
        last = Some(value);
    }
    println!(
        "{label:<46} best {:>9.3} ms   mean {:>9.3} ms   ({runs} runs)",
        best.as_secs_f64() * 1e3,
        total.as_secs_f64() * 1e3 / f64::from(runs)
    );
    (best, last.expect("at least one run"))
}

fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|line| line.starts_with("VmHWM:"))
                .map(|line| line.trim_start_matches("VmHWM:").trim().to_string())
        })
        .unwrap_or_else(|| "unknown (no /proc/self/status)".into())
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dir = dir.path();
    let log_bytes = generate_log(&dir.join(LOG_FILE));
    println!(
        "data dir: {CARDS} cards, {REVIEWS} reviews, reviews.toml {:.1} MB",
        log_bytes as f64 / 1e6
    );

    let (_, store) = time("rebuild (parse + replay whole log, write cache)", 3, || {
        Store::rebuild(dir, Scheduler::default()).expect("rebuild")
    });
    assert_eq!(store.records().len(), CARDS);
    drop(store);
    let cache_bytes = std::fs::metadata(dir.join(CACHE_FILE)).map_or(0, |m| m.len());
    println!("schedule.toml {:.1} MB", cache_bytes as f64 / 1e6);

    time("open (lock + load cache, log up to date)", 5, || {
        Store::open(dir, Scheduler::default()).expect("open")
    });
    time("open read-only (load cache)", 5, || {
        Store::open_read_only(dir, Scheduler::default()).expect("open")
    });
    let (_, reviews) = time("full log parse (store.reviews())", 3, || {
        Store::open_read_only(dir, Scheduler::default())
            .and_then(|store| store.reviews())
            .expect("reviews")
    });
    assert_eq!(reviews.len(), REVIEWS);
    drop(reviews);

    let mut store = Store::open(dir, Scheduler::default()).expect("open");
    let mut minute = 0;
    time("record one answer (append + fsync)", 20, || {
        minute += 1;
        store
            .record(Review {
                overruled: None,
                card: CardId(format!("bench/translate/vi-en/the-card-number-{minute}")),
                deck: DeckId("bench".into()),
                at: clock::parse("2027-01-01T08:00:00+07:00").expect("valid time")
                    + chrono::Duration::minutes(minute),
                rating: Rating::Good,
                mode: ReviewMode::Study,
                answer: "câu trả lời".into(),
                verdict: Grade::Correct,
            })
            .expect("record")
    });
    time("checkpoint (atomic cache rewrite, session end)", 5, || {
        minute += 1;
        store
            .record(Review {
                overruled: None,
                card: CardId(format!("bench/translate/vi-en/the-card-number-{minute}")),
                deck: DeckId("bench".into()),
                at: clock::parse("2027-01-01T08:00:00+07:00").expect("valid time")
                    + chrono::Duration::minutes(minute),
                rating: Rating::Good,
                mode: ReviewMode::Study,
                answer: "câu trả lời".into(),
                verdict: Grade::Correct,
            })
            .expect("record");
        store.checkpoint().expect("checkpoint")
    });
    drop(store);

    // A writer killed before it wrote the cache, 1,000 answers ago: start-up
    // loads the cache and replays the log's tail.
    let mut tail = String::new();
    for index in 0..1_000 {
        let _ = write!(
            tail,
            "[[review]]\ncard = \"bench/translate/vi-en/the-card-number-{index}\"\ndeck = \"bench\"\nat = 2027-02-01T08:{:02}:{:02}+07:00\nrating = 3\nmode = \"study\"\nanswer = \"\"\nverdict = \"correct\"\n\n",
            index / 60 % 60,
            index % 60
        );
    }
    let mut log = std::fs::OpenOptions::new()
        .append(true)
        .open(dir.join(LOG_FILE))
        .expect("log");
    std::io::Write::write_all(&mut log, tail.as_bytes()).expect("append");
    drop(log);
    time("open read-only, 1,000-review tail to replay", 5, || {
        Store::open_read_only(dir, Scheduler::default()).expect("open")
    });
    std::fs::remove_file(dir.join(CACHE_FILE)).expect("remove cache");
    time("open read-only, no cache (full parse + replay)", 3, || {
        Store::open_read_only(dir, Scheduler::default()).expect("open")
    });

    println!("peak memory (VmHWM): {}", peak_memory());
}
