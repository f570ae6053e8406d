//! The deck library: the decks a session can study. By default the data
//! dir's `decks/` plus the bundled deck embedded in the binary (a deck in
//! `decks/` with the same id wins); with `--decks DIR`, that folder alone.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::cli::Config;
use crate::deck::{Deck, DeckId, line_of_key, utf8_text};
use crate::error::{Error, Location, Result};

/// The bundled lesson's compiled deck, so ontap works from any directory.
pub const BUNDLED_DECK: &str = include_str!("../decks/ai-tao-sinh.toml");

#[derive(Debug, Clone)]
pub struct Library {
    /// Sorted by deck id.
    pub decks: Vec<Deck>,
}

impl Library {
    /// Loads the library `config` points at.
    pub fn load(config: &Config) -> Result<Library> {
        match &config.decks_dir {
            Some(dir) => Library::from_dir(dir, false),
            None => Library::from_dir(&config.data_dir()?.join("decks"), true),
        }
    }

    /// Loads every `*.toml` deck of `dir` (a missing `dir` holds none), plus
    /// the bundled deck when `with_bundled` and no deck of `dir` replaces it.
    pub fn from_dir(dir: &Path, with_bundled: bool) -> Result<Library> {
        let mut decks: Vec<Deck> = Vec::new();
        let mut files: BTreeMap<DeckId, PathBuf> = BTreeMap::new();
        for path in deck_files(dir)? {
            let bytes = std::fs::read(&path).map_err(|error| Error::io(&path, error))?;
            let text = utf8_text(&path, bytes)?;
            let deck = Deck::from_toml(&text, &path)?;
            // Two files of one deck (a copy kept as a backup) would show it
            // twice and ask its cards twice; which one is meant is the user's call.
            if let Some(first) = files.get(&deck.deck.id) {
                return Err(Error::invalid(
                    Location::line(&path, line_of_key(&text, "id")),
                    format!(
                        "deck `{}` is also in {}; a deck id must be unique in the library, remove or rename one of them",
                        deck.deck.id,
                        first.display()
                    ),
                ));
            }
            files.insert(deck.deck.id.clone(), path);
            decks.push(deck);
        }
        if with_bundled {
            let bundled = Deck::from_toml(BUNDLED_DECK, Path::new("<bundled>/ai-tao-sinh.toml"))?;
            if !decks.iter().any(|deck| deck.deck.id == bundled.deck.id) {
                decks.push(bundled);
            }
        }
        decks.sort_by(|a, b| a.deck.id.cmp(&b.deck.id));
        Ok(Library { decks })
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
        let error = Library::from_dir(dir.path(), false).unwrap_err();
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
