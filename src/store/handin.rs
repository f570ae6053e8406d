//! Hand-in files: what a student gives the teacher (`ontap handin -o FILE`),
//! and reading a class's hand-ins back (`ontap class`).
//!
//! A hand-in is a review log (the same `[[review]]` blocks, parsed by the
//! same reader) whose top also names the student, when it was handed in
//! and which ontap wrote it:
//!
//! ```toml
//! format = 1
//! student = "Tuấn Anh"
//! handed_in = 2026-12-03T09:00:00+07:00
//! ontap = "0.1.0"
//! ```
//!
//! It holds only the reviews still in effect (undone ones left out), each
//! with the fields ontap writes and no other: nothing else from the
//! student's machine. So a copy of `reviews.toml` is a hand-in too (without
//! a name: the file or folder name stands for it), and so is a data dir.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::clock::{self, Timestamp};
use crate::deck::DeckId;
use crate::error::{Error, Location, Result};

use super::log;
use super::{CACHE_FILE, LOG_FILE, Review, effective_reviews, files};

/// How deep `ontap class FOLDER` looks for hand-ins and data dirs.
const MAX_DEPTH: usize = 4;

/// The longest student name a hand-in keeps, in characters.
pub const MAX_NAME_CHARS: usize = 80;

/// Where a hand-in came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HandInSource {
    /// A file `ontap handin` wrote (it names the student).
    HandIn,
    /// A review log copied as it is (no name: the file's stem stands for it).
    LogCopy,
    /// A student's data dir (its folder name stands for the name).
    DataDir,
}

/// One hand-in as read from disk.
#[derive(Debug, Clone, PartialEq)]
pub struct HandIn {
    /// The file read (`reviews.toml` inside a data dir).
    pub path: PathBuf,
    pub source: HandInSource,
    /// The student's name as handed in, else the file or folder name.
    pub student: String,
    pub handed_in: Option<Timestamp>,
    /// The `ontap = "…"` version that wrote it, when it says.
    pub written_by: Option<String>,
    /// The reviews in effect, in log order.
    pub reviews: Vec<Review>,
    /// Bytes of an append cut short at the end, left out.
    pub torn_bytes: Option<usize>,
}

/// A student's name as a hand-in keeps it: trimmed, controls dropped,
/// inner runs of space as one; `None` when nothing is left.
pub fn clean_name(name: &str) -> Option<String> {
    let cleaned: String = crate::ui::sanitize(name)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(MAX_NAME_CHARS)
        .collect();
    (!cleaned.is_empty()).then_some(cleaned)
}

/// The text of a hand-in for `student` at `now` holding `reviews` (those
/// of `decks` only, when given), and how many reviews it holds.
pub fn handin_text(
    student: &str,
    now: Timestamp,
    reviews: &[Review],
    decks: Option<&BTreeSet<DeckId>>,
) -> (String, usize) {
    let mut text = format!(
        "format = {}\nstudent = {}\nhanded_in = {}\nontap = {}\n\n",
        log::LOG_FORMAT,
        log::quote(student),
        clock::format(&now),
        log::quote(env!("CARGO_PKG_VERSION")),
    );
    let mut count = 0;
    for review in reviews {
        if decks.is_none_or(|decks| decks.contains(&review.deck)) {
            text.push_str(&log::review_block(review, &log::review_id(review)));
            count += 1;
        }
    }
    (text, count)
}

#[derive(Deserialize)]
struct HandInTop {
    student: Option<String>,
    #[serde(default, with = "crate::clock::toml_datetime_option")]
    handed_in: Option<Timestamp>,
    ontap: Option<String>,
}

/// Reads one hand-in file, or a copy of a review log.
pub fn read_file(path: &Path) -> Result<HandIn> {
    let stem = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    read_log(path, HandInSource::HandIn, &stem)
}

/// Folder names every data dir has (`~/.local/share/ontap`, `%APPDATA%\ontap`),
/// which say nothing about whose it is.
const PLATFORM_FOLDERS: [&str; 7] = [
    "ontap",
    "share",
    ".local",
    "data",
    "Application Support",
    "AppData",
    "Roaming",
];

/// Reads the review log of the data dir `dir`, named after the nearest
/// folder above it that is not a platform folder (`minh/.local/share/ontap`
/// is Minh's).
pub fn read_data_dir(dir: &Path) -> Result<HandIn> {
    let full = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let names: Vec<String> = full
        .ancestors()
        .filter_map(|folder| folder.file_name())
        .map(|name| name.to_string_lossy().into_owned())
        .collect();
    let name = names
        .iter()
        .find(|name| !PLATFORM_FOLDERS.contains(&name.as_str()))
        .or(names.first())
        .cloned()
        .unwrap_or_default();
    read_log(&dir.join(LOG_FILE), HandInSource::DataDir, &name)
}

fn read_log(path: &Path, source: HandInSource, fallback_name: &str) -> Result<HandIn> {
    let bytes = files::read_optional(path)?
        .ok_or_else(|| Error::io(path, std::io::Error::from(std::io::ErrorKind::NotFound)))?;
    let (text, dropped) = files::log_text(path, bytes)?;
    let parsed = log::parse(path, &text, 0, 1)?;
    let top = log::preamble(&text);
    let fields: HandInTop =
        toml::from_str(top).map_err(|error| crate::deck::toml_error(path, &text, &error))?;
    let named = fields.student.as_deref().and_then(clean_name);
    let source = match (source, &named) {
        (HandInSource::HandIn, None) => HandInSource::LogCopy,
        (source, _) => source,
    };
    let student = match named {
        Some(name) => name,
        None => clean_name(fallback_name).ok_or_else(|| {
            Error::invalid(
                Location::line(path, 1),
                "names no student (no `student = \"…\"` line) and its file name cannot stand for one",
            )
        })?,
    };
    let reviews = effective_reviews(parsed.entries.iter().map(|(entry, _)| entry))
        .into_iter()
        .cloned()
        .collect();
    let torn = parsed.torn.map(|torn| torn + dropped);
    Ok(HandIn {
        path: path.to_path_buf(),
        source,
        student,
        handed_in: fields.handed_in,
        written_by: fields.ontap,
        reviews,
        torn_bytes: torn.or((dropped > 0).then_some(dropped)),
    })
}

/// Every hand-in under `paths`: a file is one hand-in, a data dir (a folder
/// holding `reviews.toml`) one student, any other folder is searched for
/// `*.toml` files and data dirs. Each file that cannot be read is one error
/// and the others are still read.
pub fn read_all(paths: &[PathBuf]) -> (Vec<HandIn>, Vec<Error>) {
    let mut found = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        collect(path, 0, &mut found, &mut errors);
    }
    (found, errors)
}

fn collect(path: &Path, depth: usize, found: &mut Vec<HandIn>, errors: &mut Vec<Error>) {
    let mut push = |result: Result<HandIn>| match result {
        Ok(handin) => found.push(handin),
        Err(error) => errors.push(error),
    };
    if !path.is_dir() {
        push(read_file(path));
        return;
    }
    // A data dir without a log (its student never answered) is one too:
    // its missing log is what the teacher is told, not its other files.
    if path.join(LOG_FILE).is_file() || path.join(CACHE_FILE).is_file() {
        push(read_data_dir(path));
        return;
    }
    if depth >= MAX_DEPTH {
        return;
    }
    let entries = match std::fs::read_dir(path) {
        Ok(entries) => entries,
        Err(error) => {
            errors.push(Error::io(path, error));
            return;
        }
    };
    let mut children: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|child| {
            let hidden = child
                .file_name()
                .is_some_and(|name| name.to_string_lossy().starts_with('.'));
            !hidden && (child.is_dir() || child.extension().is_some_and(|ext| ext == "toml"))
        })
        .collect();
    children.sort();
    for child in children {
        collect(&child, depth + 1, found, errors);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::CardId;
    use crate::judge::Grade;
    use crate::scheduler::Rating;
    use crate::store::ReviewMode;

    fn review(card: &str, deck: &str, answer: &str) -> Review {
        Review {
            card: CardId(card.into()),
            deck: DeckId(deck.into()),
            at: clock::parse("2026-11-28T09:00:00+07:00").unwrap(),
            rating: Rating::Again,
            mode: ReviewMode::Quiz,
            answer: answer.into(),
            verdict: Grade::Wrong,
            overruled: None,
        }
    }

    #[test]
    fn a_handin_reads_back_with_its_name_and_only_the_chosen_decks() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.toml");
        let now = clock::parse("2026-12-03T09:00:00+07:00").unwrap();
        let reviews = [review("a/1", "a", "say \"hi\""), review("b/1", "b", "")];
        let decks: BTreeSet<DeckId> = [DeckId("a".into())].into();
        let (text, count) = handin_text("  Tuấn \u{1b}[31m Anh ", now, &reviews, Some(&decks));
        assert_eq!(count, 1);
        std::fs::write(&path, &text).unwrap();
        let handin = read_file(&path).unwrap();
        assert_eq!(handin.student, "Tuấn Anh");
        assert_eq!(handin.source, HandInSource::HandIn);
        assert_eq!(handin.handed_in, Some(now));
        assert_eq!(
            handin.written_by.as_deref(),
            Some(env!("CARGO_PKG_VERSION"))
        );
        assert_eq!(handin.reviews, [reviews[0].clone()]);
    }

    #[test]
    fn a_folder_yields_handins_data_dirs_and_one_error_per_bad_file() {
        let dir = tempfile::tempdir().unwrap();
        let now = clock::parse("2026-12-03T09:00:00+07:00").unwrap();
        let (good, _) = handin_text("Lan", now, &[review("a/1", "a", "x")], None);
        std::fs::write(dir.path().join("lan.toml"), &good).unwrap();
        std::fs::write(
            dir.path().join("broken.toml"),
            "format = 1\n\n[[review]]\nrating = 9\n\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("notes.txt"), "not a hand-in").unwrap();
        let student_dir = dir.path().join("minh").join("ontap");
        std::fs::create_dir_all(&student_dir).unwrap();
        let log_copy = good.replace("student = \"Lan\"\n", "");
        std::fs::write(student_dir.join(LOG_FILE), &log_copy).unwrap();
        // A data dir whose student never answered: its cache and decks only.
        let idle = dir.path().join("nam");
        std::fs::create_dir_all(idle.join("decks")).unwrap();
        std::fs::write(idle.join(CACHE_FILE), "format = 1\n").unwrap();
        std::fs::write(idle.join("decks").join("d.toml"), "[deck]\nid = \"d\"\n").unwrap();
        let (found, errors) = read_all(&[dir.path().to_path_buf()]);
        let names: Vec<(&str, HandInSource)> = found
            .iter()
            .map(|handin| (handin.student.as_str(), handin.source))
            .collect();
        assert_eq!(
            names,
            [
                ("Lan", HandInSource::HandIn),
                ("minh", HandInSource::DataDir)
            ]
        );
        assert_eq!(errors.len(), 2, "{errors:?}");
        let message = errors[0].to_string();
        let expected = format!("{}:4:", dir.path().join("broken.toml").display());
        assert!(message.starts_with(&expected), "{message}");
        let missing = format!("{}: ", idle.join(LOG_FILE).display());
        assert!(errors[1].to_string().starts_with(&missing), "{}", errors[1]);
    }

    #[test]
    fn a_log_copy_is_named_after_its_file_and_a_newer_format_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hoa.toml");
        let text = format!(
            "{}{}",
            log::LOG_HEADER,
            log::review_block(&review("a/1", "a", "x"), "id1")
        );
        std::fs::write(&path, &text).unwrap();
        let handin = read_file(&path).unwrap();
        assert_eq!(
            (handin.student.as_str(), handin.source),
            ("hoa", HandInSource::LogCopy)
        );
        std::fs::write(&path, text.replace("format = 1", "format = 2")).unwrap();
        assert!(matches!(
            read_file(&path),
            Err(Error::FutureFormat { found: 2, .. })
        ));
    }
}
