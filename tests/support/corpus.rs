//! Where the shared lesson corpus is, for the tests that need it.
//!
//! A fresh clone has nothing beside it, so `../shared` is optional: when it
//! is absent and `ONTAP_CORPUS` is unset, a test that needs it says so in
//! one line and passes. When `ONTAP_CORPUS` is set (as `.ci/run` sets it),
//! the corpus is mandatory and a missing one fails the test.

use std::io::Write;
use std::path::{Path, PathBuf};

/// The variable that makes the corpus tests mandatory and names the corpus.
pub const CORPUS_VARIABLE: &str = "ONTAP_CORPUS";

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The corpus folder (`ONTAP_CORPUS`, relative to the crate root, or
/// `../shared/lessons/corpus`), or `None` after one line on the terminal
/// saying that `test` skipped it.
pub fn corpus(test: &str) -> Option<PathBuf> {
    match std::env::var_os(CORPUS_VARIABLE) {
        Some(value) if !value.is_empty() => {
            let dir = manifest_dir().join(value);
            assert!(
                dir.is_dir(),
                "{CORPUS_VARIABLE}={} is not a folder of lessons",
                dir.display()
            );
            Some(dir)
        }
        _ => {
            let dir = manifest_dir().join("../shared/lessons/corpus");
            if dir.is_dir() {
                return Some(dir);
            }
            // Straight to the terminal: the test harness would swallow an
            // eprintln! of a passing test.
            let _ = writeln!(
                std::io::stderr(),
                "{test}: skipped, no lesson corpus at ../shared/lessons/corpus (set {CORPUS_VARIABLE} to require it)"
            );
            None
        }
    }
}

/// `check_decks.py` of the shared checks, beside the corpus's `lessons/`.
#[allow(dead_code)] // not every test binary that includes this module checks decks
pub fn check_decks_script(corpus: &Path) -> PathBuf {
    corpus.join("../../checks/check_decks.py")
}
