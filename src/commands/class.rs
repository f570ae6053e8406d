//! `ontap class FILE|DIR… [DECK…] [--json] [--html FILE] [--anonymous]`:
//! the class's hand-ins read together (through `store`), the report built
//! by `class`, drawn for the terminal, as JSON or as an HTML page. A file
//! that cannot be read is reported with its file and line and left out;
//! the others still make the report.

use std::path::{Path, PathBuf};

use crate::class::{self, FileNote, Note, Options};
use crate::cli::{ClassArgs, Config};
use crate::deck::Deck;
use crate::error::{Error, Result};
use crate::i18n::ClassMsg;
use crate::library::Library;
use crate::store;

pub fn run(config: &Config, args: &ClassArgs) -> Result<()> {
    let lang = config.lang;
    // A word that names something on disk is a hand-in; any other, a deck.
    let (paths, selectors): (Vec<PathBuf>, Vec<PathBuf>) = args
        .inputs
        .iter()
        .cloned()
        .partition(|input| std::fs::symlink_metadata(input).is_ok());
    // A missing file is said to be missing, not taken for a deck's name.
    if let Some(missing) = selectors.iter().find(|word| looks_like_a_path(word)) {
        return Err(Error::io(
            missing,
            std::io::Error::from(std::io::ErrorKind::NotFound),
        ));
    }
    let selectors: Vec<String> = selectors
        .iter()
        .map(|selector| selector.to_string_lossy().into_owned())
        .collect();
    let library = Library::load(config)?;
    let decks = select_decks(&library, &selectors)?;
    if paths.is_empty() {
        return Err(Error::NoHandIns);
    }
    let (handins, errors) = store::read_handins(&paths);
    let failed = errors.len();
    let notes: Vec<FileNote> = errors
        .into_iter()
        .map(|error| FileNote {
            file: error_file(&error),
            note: Note::Unreadable {
                message: error.in_language(lang),
            },
        })
        .collect();
    if handins.is_empty() {
        for note in &notes {
            crate::ui::print_warning(&format!("ontap: {}", class::text::note_text(note, lang)));
        }
        return Err(Error::NoHandInsRead(failed));
    }
    let report = class::build(handins, notes, &decks, config.now, Options::default());
    // The teacher's terminal gets the real file names, also when the
    // report itself hides them.
    let text_report = !args.json && args.html.is_none();
    if !text_report || args.anonymous {
        for note in report.files.iter().filter(|note| note.is_problem()) {
            crate::ui::print_warning(&format!("ontap: {}", class::text::note_text(note, lang)));
        }
    }
    let mut report = report;
    if args.anonymous {
        class::anonymize(&mut report);
    }
    if let Some(path) = &args.html {
        let page = class::html::render(&report, lang);
        super::export::write_file(path, page.as_bytes())?;
        if !args.json {
            crate::ui::print_line(&ClassMsg::WroteHtml(&path.display().to_string()).text(lang))?;
        }
    }
    if args.json {
        let json = serde_json::to_string_pretty(&report)
            .map_err(|error| Error::io("<json>", std::io::Error::other(error)))?;
        let json = format!("{}\n", crate::ui::json_safe(&json));
        crate::ui::print(json.as_bytes())?;
    } else if text_report {
        let text = class::text::render(&report, lang);
        crate::ui::print(text.as_bytes())?;
    }
    Ok(())
}

/// Whether a word on the command line names a file rather than a deck:
/// deck ids hold no path separator and no `.toml`.
fn looks_like_a_path(word: &Path) -> bool {
    let text = word.to_string_lossy();
    text.contains(std::path::MAIN_SEPARATOR) || text.contains('/') || text.ends_with(".toml")
}

/// The decks whose id is one of `selectors`, else starts with it (a prefix
/// such as `tin-hoc-` picks a series of lessons); every deck when none.
fn select_decks<'a>(library: &'a Library, selectors: &[String]) -> Result<Vec<&'a Deck>> {
    if selectors.is_empty() {
        return Ok(library.decks.iter().collect());
    }
    let mut chosen: Vec<&Deck> = Vec::new();
    for selector in selectors {
        let exact = library
            .decks
            .iter()
            .filter(|deck| deck.deck.id.0 == *selector);
        let prefixed = library
            .decks
            .iter()
            .filter(|deck| deck.deck.id.0.starts_with(selector.as_str()));
        let matching: Vec<&Deck> = if exact.clone().next().is_some() {
            exact.collect()
        } else {
            prefixed.collect()
        };
        if matching.is_empty() {
            return Err(Error::UnknownDeck {
                name: selector.clone(),
            });
        }
        for deck in matching {
            if !chosen.iter().any(|seen| seen.deck.id == deck.deck.id) {
                chosen.push(deck);
            }
        }
    }
    Ok(chosen)
}

/// The file an error of the hand-in reader is about.
fn error_file(error: &Error) -> String {
    match error {
        Error::Io { path, .. } => path.display().to_string(),
        Error::Invalid { location, .. } | Error::FutureFormat { location, .. } => {
            location.path.display().to_string()
        }
        other => other.to_string(),
    }
}
