//! `cargo bench --bench class`: the teacher's report for a class of 30
//! students with 1,000 reviews each (the simulated class of
//! tests/support/class.rs over three weeks). Writes the hand-ins to a temp dir,
//! then times reading them, building the figures, drawing the text, JSON
//! and HTML forms, and the whole `ontap class --html` path; best and mean of
//! several runs.

#[path = "../tests/support/class.rs"]
mod class_support;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use ontap::class::{self, Options};
use ontap::cli::Lang;
use ontap::clock;

const STUDENTS: usize = 30;
const REVIEWS_PER_STUDENT: usize = 1_000;
const RUNS: u32 = 10;

fn time<T>(label: &str, mut work: impl FnMut() -> T) -> T {
    let mut best = Duration::MAX;
    let mut total = Duration::ZERO;
    let mut last = None;
    for _ in 0..RUNS {
        let begin = Instant::now();
        let value = work();
        let took = begin.elapsed();
        best = best.min(took);
        total += took;
        last = Some(value);
    }
    println!(
        "{label:<44} best {:>8.2} ms   mean {:>8.2} ms",
        best.as_secs_f64() * 1000.0,
        total.as_secs_f64() * 1000.0 / f64::from(RUNS)
    );
    last.expect("at least one run")
}

fn main() {
    let deck = class_support::deck();
    let handins = class_support::simulate(&deck, STUDENTS, 21, REVIEWS_PER_STUDENT, 12);
    let reviews: usize = handins.iter().map(|handin| handin.reviews).sum();
    let dir = tempfile::tempdir().expect("temp dir");
    class_support::write_class(dir.path(), &handins);
    let bytes: u64 = std::fs::read_dir(dir.path())
        .expect("the class")
        .filter_map(|entry| entry.ok()?.metadata().ok())
        .map(|metadata| metadata.len())
        .sum();
    println!(
        "class: {STUDENTS} students, {reviews} reviews of {} cards, {:.1} MB of hand-ins",
        deck.cards.len(),
        bytes as f64 / 1e6
    );
    let now = clock::parse("2026-12-03T18:00:00+07:00").expect("valid time");
    let paths: Vec<PathBuf> = vec![dir.path().to_path_buf()];
    let decks = [&deck];

    let (read, errors) = time("read 30 hand-ins (store)", || {
        ontap::store::read_handins(&paths)
    });
    assert!(errors.is_empty(), "{errors:?}");
    // Copies made beforehand: cloning 30,000 reviews is not the report's work.
    let mut copies: Vec<_> = (0..RUNS).map(|_| read.clone()).collect();
    let report = time("build the figures (class::build)", || {
        let handins = copies.pop().expect("one copy per run");
        class::build(handins, Vec::new(), &decks, now, Options::default())
    });
    assert_eq!(report.reviews, reviews);
    let text = time("draw the terminal table", || {
        class::text::render(&report, Lang::En)
    });
    let json = time("JSON", || {
        serde_json::to_string_pretty(&report).expect("json")
    });
    let html = time("draw the HTML page", || {
        class::html::render(&report, Lang::Vi)
    });
    time("whole report: read, build, HTML", || {
        let (handins, _) = ontap::store::read_handins(&paths);
        let report = class::build(handins, Vec::new(), &decks, now, Options::default());
        class::html::render(&report, Lang::Vi).len()
    });
    println!(
        "sizes: text {} lines, JSON {:.0} kB, HTML {:.0} kB",
        text.lines().count(),
        json.len() as f64 / 1e3,
        html.len() as f64 / 1e3
    );
}
