//! The library cache (`library.cache` in the data dir) is derived from the
//! deck files and never trusted when they change: a deck edited behind
//! ontap's back (same length, modification time put back) and a copied
//! data dir (timestamps kept, as `cp -a` does) are both read again.

use std::path::Path;

use crate::support::{FIXTURE_DECK, ontap};
use ontap::store::deck_cache::LIBRARY_CACHE_FILE;

/// A data dir whose `decks/fixture.toml` is cached: written, left to age
/// past the cache's window for just-changed files, then read once.
fn cached_data_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("decks")).unwrap();
    std::fs::write(dir.path().join("decks/fixture.toml"), FIXTURE_DECK).unwrap();
    // A file changed within 2 s of the cache being written is not cached.
    std::thread::sleep(std::time::Duration::from_millis(2_100));
    let table = ontap(dir.path()).args(["decks"]).stdout();
    assert!(table.contains("fixture (Fixture)"), "{table}");
    assert!(dir.path().join(LIBRARY_CACHE_FILE).is_file());
    let check = ontap(dir.path()).args(["state", "check"]).stdout();
    assert!(
        check.contains("library.cache: up to date (1 deck files)"),
        "{check}"
    );
    dir
}

/// Replaces the deck's title by one of the same length and puts the file's
/// modification time back, as a careless tool or a checkout might.
fn retitle_keeping_length_and_mtime(deck: &Path) {
    let modified = std::fs::metadata(deck).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(deck).unwrap();
    let edited = text.replacen("title = \"Fixture\"", "title = \"Edited!\"", 1);
    assert_ne!(edited, text);
    assert_eq!(edited.len(), text.len());
    std::fs::write(deck, edited).unwrap();
    let file = std::fs::OpenOptions::new().write(true).open(deck).unwrap();
    file.set_modified(modified).unwrap();
}

#[test]
fn a_deck_edited_behind_ontaps_back_is_read_again() {
    let dir = cached_data_dir();
    retitle_keeping_length_and_mtime(&dir.path().join("decks/fixture.toml"));
    let check = ontap(dir.path()).args(["state", "check"]).stdout();
    assert!(
        check.contains("library.cache: 1 deck file(s) changed since it was written"),
        "{check}"
    );
    let table = ontap(dir.path()).args(["decks"]).stdout();
    assert!(table.contains("fixture (Edited!)"), "{table}");
    assert!(!table.contains("(Fixture)"), "{table}");
}

#[test]
fn a_copied_data_dir_reads_its_own_decks() {
    let source = cached_data_dir();
    let copy = tempfile::tempdir().unwrap();
    // Copy everything, cache included, keeping modification times (cp -a).
    for relative in ["decks", ""] {
        std::fs::create_dir_all(copy.path().join(relative)).unwrap();
        for entry in std::fs::read_dir(source.path().join(relative)).unwrap() {
            let entry = entry.unwrap();
            if !entry.file_type().unwrap().is_file() {
                continue;
            }
            let target = copy.path().join(relative).join(entry.file_name());
            std::fs::copy(entry.path(), &target).unwrap();
            let modified = entry.metadata().unwrap().modified().unwrap();
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(&target)
                .unwrap();
            file.set_modified(modified).unwrap();
        }
    }
    assert!(copy.path().join(LIBRARY_CACHE_FILE).is_file());
    let check = ontap(copy.path()).args(["state", "check"]).stdout();
    assert!(
        check.contains("library.cache: 1 deck file(s) changed since it was written"),
        "{check}"
    );
    // The copy's deck then differs from the original's, same length and time.
    retitle_keeping_length_and_mtime(&copy.path().join("decks/fixture.toml"));
    let table = ontap(copy.path()).args(["decks"]).stdout();
    assert!(table.contains("fixture (Edited!)"), "{table}");
    let original = ontap(source.path()).args(["decks"]).stdout();
    assert!(original.contains("fixture (Fixture)"), "{original}");
}

#[test]
fn a_damaged_cache_is_ignored_reported_and_rebuilt() {
    let dir = cached_data_dir();
    let path = dir.path().join(LIBRARY_CACHE_FILE);
    let mut bytes = std::fs::read(&path).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    std::fs::write(&path, &bytes).unwrap();
    let check = ontap(dir.path()).args(["state", "check"]).stdout();
    assert!(
        check.contains("does not read as this ontap's library cache"),
        "{check}"
    );
    let table = ontap(dir.path()).args(["decks"]).stdout();
    assert!(table.contains("fixture (Fixture)"), "{table}");
    assert_ne!(std::fs::read(&path).unwrap(), bytes, "rebuilt");
    // Removable at any time: nothing depends on it.
    std::fs::remove_file(&path).unwrap();
    let table = ontap(dir.path()).args(["decks"]).stdout();
    assert!(table.contains("fixture (Fixture)"), "{table}");
}
