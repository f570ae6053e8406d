//! Time from start to the first question, with a library of 10,000 cards
//! and a review log of 100,000 reviews: the data dir is generated in a temp
//! dir, then the release binary runs `ontap study` with piped stdin and the
//! clock stops when its first prompt reaches stdout.
//!
//! It also times `ontap decks` on the same library (the table reads the
//! schedule cache only), and reports the peak memory of one run.
//!
//! Run with `cargo bench --bench startup`. The first run finds no schedule
//! cache and replays the whole log (cold); the later runs read the cache.
//! Set `ONTAP_BENCH_DIR` to generate the data dir there and keep it.

use std::fmt::Write as _;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const DECKS: usize = 10;
const CARDS_PER_DECK: usize = 1_000;
const REVIEWS_PER_CARD: usize = 10;
const WARM_RUNS: usize = 10;
/// After the last generated review, so that many cards are due.
const NOW: &str = "2027-01-20T09:00:00+07:00";

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    // ONTAP_BENCH_DIR keeps the generated data dir for a closer look.
    let kept = std::env::var_os("ONTAP_BENCH_DIR").map(std::path::PathBuf::from);
    let data = kept.as_deref().unwrap_or(dir.path());
    let started = Instant::now();
    write_library(data);
    write_log(data);
    println!(
        "startup: generated {} cards in {DECKS} decks and {} reviews in {:.1} s",
        DECKS * CARDS_PER_DECK,
        DECKS * CARDS_PER_DECK * REVIEWS_PER_CARD,
        started.elapsed().as_secs_f64()
    );
    let cold = time_to_first_question(data);
    println!("startup: cold (no schedule cache yet): {:.1} ms", ms(cold));
    let mut warm: Vec<Duration> = (0..WARM_RUNS)
        .map(|_| time_to_first_question(data))
        .collect();
    warm.sort();
    println!(
        "startup: warm, {WARM_RUNS} runs: min {:.1} ms · median {:.1} ms · max {:.1} ms",
        ms(warm[0]),
        ms(warm[WARM_RUNS / 2]),
        ms(warm[WARM_RUNS - 1])
    );
    let mut decks: Vec<Duration> = (0..WARM_RUNS).map(|_| time_decks(data)).collect();
    decks.sort();
    println!(
        "startup: `ontap decks`, {WARM_RUNS} runs: min {:.1} ms · median {:.1} ms · max {:.1} ms",
        ms(decks[0]),
        ms(decks[WARM_RUNS / 2]),
        ms(decks[WARM_RUNS - 1])
    );
    println!(
        "startup: peak memory of one ontap run (largest max RSS): {:.1} MiB",
        peak_child_memory_mib()
    );
}

/// The largest resident set any `ontap` child reached (Linux reports KiB).
#[cfg(unix)]
fn peak_child_memory_mib() -> f64 {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage fills the rusage it points to and returns 0, or fails.
    let status = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, usage.as_mut_ptr()) };
    if status != 0 {
        return f64::NAN;
    }
    // SAFETY: initialised above (zeroed, then filled by getrusage).
    let usage = unsafe { usage.assume_init() };
    usage.ru_maxrss as f64 / 1024.0
}

#[cfg(not(unix))]
fn peak_child_memory_mib() -> f64 {
    f64::NAN
}

/// Runs `ontap decks` on `data` to the end.
fn time_decks(data: &Path) -> Duration {
    let started = Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_ontap"))
        .args(["decks", "--lang", "en", "--color", "never"])
        .env("ONTAP_DATA_DIR", data)
        .env_remove("ONTAP_DECKS")
        .env("ONTAP_NOW", NOW)
        .output()
        .expect("run ontap decks");
    let elapsed = started.elapsed();
    let table = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && table.contains("bench-09"),
        "{table}"
    );
    elapsed
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn write_library(data: &Path) {
    let decks = data.join("decks");
    std::fs::create_dir_all(&decks).expect("decks dir");
    for deck in 0..DECKS {
        let mut text = format!(
            "[deck]\nid = \"bench-{deck:02}\"\ntitle = \"Bộ thử {deck}\"\nsource = \"bench-{deck:02}.md\"\nformat = 1\n\n"
        );
        for card in 0..CARDS_PER_DECK {
            let _ = write!(
                text,
                "[[card]]\nid = \"bench-{deck:02}/translate/vi-en/tu-{card}\"\nkind = \"translate\"\ninput = \"text\"\nprompt = \"từ vựng số {card}\"\nanswers = [\"word {card}\"]\ndirection = \"vi-en\"\nline = {line}\nhash = \"{card:012x}\"\n\n",
                line = card + 1
            );
        }
        std::fs::write(decks.join(format!("bench-{deck:02}.toml")), text).expect("deck");
    }
}

/// Ten rounds over every card, three days apart, mostly right.
fn write_log(data: &Path) {
    let mut text = String::from("format = 1\n\n");
    let mut serial = 0u64;
    for round in 0..REVIEWS_PER_CARD {
        for deck in 0..DECKS {
            for card in 0..CARDS_PER_DECK {
                serial += 1;
                let day = 1 + round * 3;
                let (seconds, minutes) = (card % 60, (card / 60) % 60);
                let hour = 8 + deck;
                let (rating, verdict, answer) = if (card + round) % 9 == 0 {
                    (1, "wrong", "sai")
                } else {
                    (3, "correct", "word")
                };
                let _ = write!(
                    text,
                    "[[review]]\ncard = \"bench-{deck:02}/translate/vi-en/tu-{card}\"\ndeck = \"bench-{deck:02}\"\nat = 2026-12-{day:02}T{hour:02}:{minutes:02}:{seconds:02}+07:00\nrating = {rating}\nmode = \"study\"\nanswer = \"{answer}\"\nverdict = \"{verdict}\"\nid = \"{serial:016x}\"\n\n"
                );
            }
        }
    }
    std::fs::write(data.join("reviews.toml"), text).expect("log");
}

/// Runs `ontap study` on `data` and returns the time until its first prompt.
fn time_to_first_question(data: &Path) -> Duration {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_ontap"))
        .args(["study", "--lang", "en", "--color", "never"])
        .env("ONTAP_DATA_DIR", data)
        .env_remove("ONTAP_DECKS")
        .env("ONTAP_NOW", NOW)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("run ontap");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut seen = Vec::new();
    let mut buffer = [0u8; 4096];
    let elapsed = loop {
        let read = stdout.read(&mut buffer).expect("read stdout");
        assert!(
            read > 0,
            "ontap ended before asking: {}",
            String::from_utf8_lossy(&seen)
        );
        seen.extend_from_slice(&buffer[..read]);
        if String::from_utf8_lossy(&seen).contains("Answer: ") {
            break started.elapsed();
        }
    };
    // Closing stdin ends the session like `q`; nothing is answered.
    drop(child.stdin.take());
    let _ = stdout.read_to_end(&mut seen);
    let status = child.wait().expect("wait for ontap");
    assert!(status.success(), "{}", String::from_utf8_lossy(&seen));
    elapsed
}
