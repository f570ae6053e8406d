//! The one error type of ontap. Every variant that comes from a file carries
//! its path, and its line where there is one, so the single `ontap: …` line
//! printed by `main` tells the user where to look.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A place in a file: `path` or `path:line`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub path: PathBuf,
    pub line: Option<usize>,
}

impl Location {
    pub fn file(path: impl Into<PathBuf>) -> Self {
        Location {
            path: path.into(),
            line: None,
        }
    }

    pub fn line(path: impl Into<PathBuf>, line: usize) -> Self {
        Location {
            path: path.into(),
            line: Some(line),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}", self.path.display()),
            None => write!(f, "{}", self.path.display()),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading or writing a file failed.
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },

    /// A file's content is not what ontap expects (bad UTF-8, broken front
    /// matter, corrupt TOML, a card id that does not exist…).
    #[error("{location}: {message}")]
    Invalid { location: Location, message: String },

    /// A deck or state file written by a newer ontap; `location` is its
    /// `format` line.
    #[error(
        "{location}: format version {found} is newer than this ontap understands (up to {supported}); upgrade ontap, the file was left untouched"
    )]
    FutureFormat {
        location: Location,
        found: i64,
        supported: i64,
    },

    /// Writing an answer to the review log failed (a full disk, a folder
    /// turned read-only): the answer is not saved.
    #[error(
        "your answer was not saved: {}: {source}; free some space (or make the folder writable) and answer it again",
        path.display()
    )]
    AnswerNotSaved { path: PathBuf, source: io::Error },

    /// The answer is in the review log, but the schedule cache derived from
    /// it could not be rewritten; the next command brings it up to date.
    #[error(
        "your answer was saved in {}, but the schedule cache could not be updated ({}: {source}); free some space, ontap updates it next time",
        log.display(),
        path.display()
    )]
    CacheNotUpdated {
        log: PathBuf,
        path: PathBuf,
        source: io::Error,
    },

    /// Another ontap process holds the data directory.
    #[error(
        "{}: another ontap session is using this data directory; finish it first (nothing was changed)",
        path.display()
    )]
    Locked { path: PathBuf },

    /// The user named a deck the library does not have.
    #[error("no deck named '{name}' in the library (see `ontap decks`)")]
    UnknownDeck { name: String },

    /// A command-line value that clap cannot check by itself.
    #[error("{0}")]
    Usage(String),

    /// Some lessons failed to compile; each failure was already reported.
    #[error("{failed} of {} failed to compile", crate::i18n::counted(*total, "lesson", "lessons"))]
    CompileFailed { failed: usize, total: usize },

    /// `state check` found problems; each was already reported.
    #[error("state check found {}", crate::i18n::counted(*.0, "problem", "problems"))]
    CheckFailed(usize),

    /// An error worded in the user's language (see `i18n::localized`); the
    /// original is kept for its exit status.
    #[error("{message}")]
    Localized {
        message: String,
        original: Box<Error>,
    },
}

impl Error {
    pub fn io(path: impl AsRef<Path>, source: io::Error) -> Self {
        Error::Io {
            path: path.as_ref().to_path_buf(),
            source,
        }
    }

    pub fn invalid(location: Location, message: impl Into<String>) -> Self {
        Error::Invalid {
            location,
            message: message.into(),
        }
    }

    /// The process exit status for this error: 2 for usage mistakes, 1 otherwise.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) | Error::UnknownDeck { .. } => 2,
            Error::Localized { original, .. } => original.exit_code(),
            _ => 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_error_names_file_and_line() {
        let error = Error::invalid(Location::line("lesson.md", 3), "broken front matter");
        assert_eq!(error.to_string(), "lesson.md:3: broken front matter");
    }

    #[test]
    fn usage_errors_exit_with_two() {
        assert_eq!(Error::Usage("bad".into()).exit_code(), 2);
        assert_eq!(Error::CheckFailed(1).exit_code(), 1);
    }
}
