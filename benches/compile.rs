//! Compile throughput over the shared corpus: lessons per second and MB per
//! second, parsing and deriving only (files are read once, up front).
//! Run with `cargo bench --bench compile`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ontap::derive::compile_lesson;
use ontap::lesson::Lesson;

fn main() {
    // ONTAP_CORPUS names another corpus, as in the tests.
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join(
        std::env::var_os("ONTAP_CORPUS").unwrap_or_else(|| "../shared/lessons/corpus".into()),
    );
    let mut paths: Vec<PathBuf> = match std::fs::read_dir(&corpus) {
        Ok(entries) => entries
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
            .collect(),
        Err(error) => {
            eprintln!("compile bench: cannot read {}: {error}", corpus.display());
            return;
        }
    };
    paths.sort();
    let lessons: Vec<(PathBuf, Vec<u8>)> = paths
        .into_iter()
        .filter_map(|path| std::fs::read(&path).ok().map(|bytes| (path, bytes)))
        .collect();
    let bytes: usize = lessons.iter().map(|(_, bytes)| bytes.len()).sum();

    // Warm up, and count what one pass derives.
    let mut cards = 0;
    for (path, text) in &lessons {
        cards += compile_lesson(path, text)
            .map(|deck| deck.cards.len())
            .unwrap_or(0);
    }

    let mut passes = 0u32;
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(3) || passes < 5 {
        for (path, text) in &lessons {
            std::hint::black_box(compile_lesson(path, text).ok());
        }
        passes += 1;
    }
    let seconds = started.elapsed().as_secs_f64();
    let lessons_per_second = (lessons.len() as f64 * f64::from(passes)) / seconds;
    let megabytes_per_second = (bytes as f64 * f64::from(passes)) / seconds / 1_000_000.0;
    println!(
        "compile: {} lessons ({:.1} KB, {cards} cards) x {passes} passes in {seconds:.2} s",
        lessons.len(),
        bytes as f64 / 1000.0
    );
    println!("compile: {lessons_per_second:.0} lessons/s, {megabytes_per_second:.2} MB/s");
    println!(
        "compile: {:.1} µs per lesson on average",
        seconds * 1e6 / (lessons.len() as f64 * f64::from(passes))
    );

    // The share of parsing (pre-pass + pulldown-cmark + lesson model).
    let texts: Vec<&str> = lessons
        .iter()
        .filter_map(|(_, bytes)| std::str::from_utf8(bytes).ok())
        .collect();
    let mut parse_passes = 0u32;
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(2) || parse_passes < 5 {
        for text in &texts {
            std::hint::black_box(Lesson::parse(text).ok());
        }
        parse_passes += 1;
    }
    let parse_seconds = started.elapsed().as_secs_f64();
    println!(
        "parse only: {:.2} MB/s ({:.0}% of compile time)",
        (bytes as f64 * f64::from(parse_passes)) / parse_seconds / 1_000_000.0,
        100.0 * (parse_seconds / f64::from(parse_passes)) / (seconds / f64::from(passes))
    );
}
