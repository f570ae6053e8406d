//! The deck library: the decks a session can study. By default the data
//! dir's `decks/` plus the bundled deck embedded in the binary (a deck in
//! `decks/` with the same id wins); with `--decks DIR`, that folder alone.
//! A deck file that cannot be read is left out (and untouched) and listed
//! in [`Library::broken`], so the other decks can still be studied.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::cli::Config;
use crate::deck::{Deck, DeckId, line_of_key, utf8_text};
use crate::error::{Error, Location, Result};
use crate::store::deck_cache::{self, DeckCache, FileStamp};

/// The bundled lesson's compiled deck, so ontap works from any directory.
pub const BUNDLED_DECK: &str = include_str!("../decks/ai-tao-sinh.toml");

#[derive(Debug)]
pub struct Library {
    /// Sorted by deck id.
    pub decks: Vec<Deck>,
    /// The deck files that could not be read (cut short by a hand edit, not
    /// UTF-8, a newer format): left out and left untouched, so that one
    /// broken file does not keep the student from the other decks. Each
    /// error names its file and line; commands warn about every one.
    pub broken: Vec<Error>,
}

impl Library {
    /// Loads the library `config` points at.
    pub fn load(config: &Config) -> Result<Library> {
        match &config.decks_dir {
            Some(dir) => Library::from_dir(dir, false),
            None => {
                let data_dir = config.data_dir()?;
                Library::from_dir_cached(&data_dir.join("decks"), true, Some(data_dir))
            }
        }
    }

    /// Loads every `*.toml` deck of `dir` (a missing `dir` holds none), plus
    /// the bundled deck when `with_bundled` and no deck of `dir` replaces it.
    pub fn from_dir(dir: &Path, with_bundled: bool) -> Result<Library> {
        Library::from_dir_cached(dir, with_bundled, None)
    }

    /// [`Library::from_dir`], taking the decks whose file is unchanged from
    /// the library cache of `cache_dir` (the data dir) and updating that
    /// cache when a file was parsed, added or removed. The result is the
    /// same as parsing every file; only the time differs.
    pub fn from_dir_cached(
        dir: &Path,
        with_bundled: bool,
        cache_dir: Option<&Path>,
    ) -> Result<Library> {
        let mut cache = cache_dir.map(DeckCache::read).unwrap_or_default();
        let (files, broken, parsed_any) = read_deck_files(dir, &mut cache)?;
        if let Some(cache_dir) = cache_dir
            && (parsed_any || cache.has_leftovers())
        {
            deck_cache::write(cache_dir, &cache_entries(&files));
        }
        Library::of(files, broken, with_bundled)
    }

    /// For `ontap state check`: the library `config` points at, parsed from
    /// its TOML alone (the cache is neither used nor written), and how the
    /// data dir's library cache compares with it (`None` for `--decks`).
    pub fn load_checking_cache(
        config: &Config,
    ) -> Result<(Library, Option<deck_cache::LibraryCacheState>)> {
        if let Some(dir) = &config.decks_dir {
            return Ok((Library::from_dir(dir, false)?, None));
        }
        let data_dir = config.data_dir()?;
        let (files, broken, _) =
            read_deck_files(&data_dir.join("decks"), &mut DeckCache::default())?;
        let state = deck_cache::check(data_dir, &cache_entries(&files));
        Ok((Library::of(files, broken, true)?, Some(state)))
    }

    /// The library of `files`, plus the bundled deck when `with_bundled`
    /// and no file replaces it, sorted by deck id.
    fn of(files: Vec<DeckFile>, broken: Vec<Error>, with_bundled: bool) -> Result<Library> {
        let mut decks: Vec<Deck> = files.into_iter().map(|file| file.deck).collect();
        if with_bundled {
            let bundled = Deck::from_toml(BUNDLED_DECK, Path::new("<bundled>/ai-tao-sinh.toml"))?;
            if !decks.iter().any(|deck| deck.deck.id == bundled.deck.id) {
                decks.push(bundled);
            }
        }
        decks.sort_by(|a, b| a.deck.id.cmp(&b.deck.id));
        Ok(Library { decks, broken })
    }

    /// The acronyms and expansions every deck of the library defines, for
    /// the judge: built once per session, whatever decks it studies.
    pub fn acronyms(&self) -> crate::judge::Acronyms {
        crate::judge::Acronyms::from_cards(self.decks.iter().flat_map(|deck| &deck.cards))
    }

    /// The decks named in `names`, or every deck when `names` is empty. A
    /// name is a deck id, or a folder of the site the decks were compiled
    /// from (`grade-11/`, `grade-11/graph`): every deck in it or below it.
    /// A deck named twice is selected once, where first named.
    pub fn select(&self, names: &[String]) -> Result<Vec<&Deck>> {
        if names.is_empty() {
            return Ok(self.decks.iter().collect());
        }
        let mut selected: Vec<&Deck> = Vec::new();
        for name in names {
            let chosen = self.named(name);
            if chosen.is_empty() {
                return Err(Error::UnknownDeck { name: name.clone() });
            }
            for deck in chosen {
                if !selected.iter().any(|known| known.deck.id == deck.deck.id) {
                    selected.push(deck);
                }
            }
        }
        Ok(selected)
    }

    /// The deck with id `name`, or else the decks under folder `name`.
    fn named(&self, name: &str) -> Vec<&Deck> {
        if let Some(deck) = self.decks.iter().find(|deck| deck.deck.id.0 == name) {
            return vec![deck];
        }
        let prefix = name.trim_matches('/');
        if prefix.is_empty() {
            return Vec::new();
        }
        self.decks
            .iter()
            .filter(|deck| {
                deck.deck.folder.as_deref().is_some_and(|folder| {
                    folder == prefix
                        || folder
                            .strip_prefix(prefix)
                            .is_some_and(|rest| rest.starts_with('/'))
                })
            })
            .collect()
    }
}

/// One deck file of the library: its name in the folder, its stamp, its deck.
struct DeckFile {
    name: String,
    stamp: FileStamp,
    deck: Deck,
}

/// Every deck file of `dir`, in name order, each taken from `cache` when its
/// stamp matches, else parsed; the files that could not be read (never
/// cached, so they are read and reported again next time); and whether any
/// was parsed.
fn read_deck_files(dir: &Path, cache: &mut DeckCache) -> Result<(Vec<DeckFile>, Vec<Error>, bool)> {
    let mut parsed_any = false;
    let mut broken = Vec::new();
    let mut files: Vec<DeckFile> = Vec::new();
    let mut paths: BTreeMap<DeckId, PathBuf> = BTreeMap::new();
    for path in deck_files(dir)? {
        let (name, stamp) = (file_name(&path), FileStamp::of(&path)?);
        let deck = match cache.take(&name, &stamp) {
            Some(deck) => deck,
            None => {
                parsed_any = true;
                match read_deck(&path) {
                    Ok(deck) => deck,
                    Err(error) => {
                        broken.push(error);
                        continue;
                    }
                }
            }
        };
        // Two files of one deck (a copy kept as a backup) would show it
        // twice and ask its cards twice; which one is meant is the user's call.
        if let Some(first) = paths.get(&deck.deck.id) {
            return Err(duplicate_deck(&path, &deck, first));
        }
        paths.insert(deck.deck.id.clone(), path);
        files.push(DeckFile { name, stamp, deck });
    }
    Ok((files, broken, parsed_any))
}

/// What the library cache keeps of `files`.
fn cache_entries(files: &[DeckFile]) -> Vec<(&str, FileStamp, &Deck)> {
    files
        .iter()
        .map(|file| (file.name.as_str(), file.stamp, &file.deck))
        .collect()
}

/// The deck of the file `path`, parsed from its TOML.
fn read_deck(path: &Path) -> Result<Deck> {
    let bytes = std::fs::read(path).map_err(|error| Error::io(path, error))?;
    let text = utf8_text(path, bytes)?;
    Deck::from_toml(&text, path)
}

/// The error for a second file `path` holding the deck of file `first`.
fn duplicate_deck(path: &Path, deck: &Deck, first: &Path) -> Error {
    // The line of its id, from the text (a cached deck has none at hand).
    let line = std::fs::read_to_string(path).map_or(1, |text| line_of_key(&text, "id"));
    Error::invalid(
        Location::line(path, line),
        format!(
            "deck `{}` is also in {}; a deck id must be unique in the library, remove or rename one of them",
            deck.deck.id,
            first.display()
        ),
    )
}

/// The name a deck file is cached under.
fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The `*.toml` files directly in `dir`, sorted; none when `dir` is missing.
fn deck_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(Error::io(dir, error)),
    };
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|error| Error::io(dir, error))?.path();
        if path.extension().is_some_and(|ext| ext == "toml") && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_deck_parses() {
        let deck = Deck::from_toml(BUNDLED_DECK, Path::new("bundled")).unwrap();
        assert_eq!(deck.deck.id.0, "ai-tao-sinh");
        assert!(!deck.cards.is_empty());
    }

    #[test]
    fn a_deck_that_is_not_utf8_is_refused_with_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.toml");
        std::fs::write(&path, b"[deck]\nid = \"x\xff\"\n").unwrap();
        let library = Library::from_dir(dir.path(), false).unwrap();
        assert!(library.decks.is_empty());
        let error = &library.broken[0];
        let expected = format!("{}:2: not UTF-8", path.display());
        assert!(error.to_string().starts_with(&expected), "{error}");
    }

    #[test]
    fn two_files_of_one_deck_are_refused_naming_both() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.toml"), BUNDLED_DECK).unwrap();
        std::fs::write(dir.path().join("a-copy.toml"), BUNDLED_DECK).unwrap();
        let error = Library::from_dir(dir.path(), true).unwrap_err().to_string();
        let expected = format!(
            "{}:2: deck `ai-tao-sinh` is also in {}",
            dir.path().join("a.toml").display(),
            dir.path().join("a-copy.toml").display()
        );
        assert!(error.starts_with(&expected), "{error}");
    }

    fn deck_in(id: &str, folder: Option<&str>) -> Deck {
        let mut deck = Deck::from_toml(BUNDLED_DECK, Path::new("bundled")).unwrap();
        deck.rename(DeckId(id.into()));
        deck.deck.folder = folder.map(str::to_string);
        deck
    }

    #[test]
    fn a_folder_selects_the_decks_in_it_and_below_once() {
        let library = Library {
            decks: vec![
                deck_in("dfs", Some("grade-11/graph")),
                deck_in("bfs", Some("grade-11")),
                deck_in("grade-11-x", Some("grade-11x")),
                deck_in("sort", Some("grade-12")),
                deck_in("alone", None),
            ],
            broken: Vec::new(),
        };
        let ids = |names: &[&str]| -> Vec<String> {
            let names: Vec<String> = names.iter().map(|name| name.to_string()).collect();
            let decks = library.select(&names).unwrap();
            decks.iter().map(|deck| deck.deck.id.0.clone()).collect()
        };
        assert_eq!(ids(&["grade-11/"]), ["dfs", "bfs"]);
        assert_eq!(ids(&["grade-11/graph"]), ["dfs"]);
        assert_eq!(
            ids(&["sort", "grade-12/", "grade-11"]),
            ["sort", "dfs", "bfs"]
        );
        for unknown in ["grade-1", "/", "graph/"] {
            assert!(matches!(
                library.select(&[unknown.to_string()]),
                Err(Error::UnknownDeck { .. })
            ));
        }
    }

    #[test]
    fn missing_folder_holds_only_the_bundled_deck() {
        let library = Library::from_dir(Path::new("/nonexistent/ontap"), true).unwrap();
        assert_eq!(library.decks.len(), 1);
        assert!(matches!(
            library.select(&["nope".into()]),
            Err(Error::UnknownDeck { .. })
        ));
    }
}
