//! The one error type of ontap. Every variant that comes from a file carries
//! its path, and its line where there is one, so the single `ontap: …` line
//! printed at the edge (`lib::run`) tells the user where to look.
//!
//! Variants carry data, not sentences: their wording is in the language
//! catalogues (`i18n::Catalogue::errors`), and an error is put into words
//! once, in the user's language, where it is shown. `Display` gives the
//! English wording (logs, tests, `{error}` in a panic message).
//! Two variants quote a text ontap did not write, or has only in English:
//! [`Error::Invalid`] (a TOML parser's message, a state file's problem) and
//! [`Error::Usage`] (a command-line value clap could not check).

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::cli::Lang;
use crate::overrides::ProblemKind;

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

/// What is wrong with a lesson file before its structure is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LessonProblem {
    /// Saved as UTF-16 (a Windows editor's "Unicode").
    Utf16,
    /// Not UTF-8; `byte` is the 1-based offset of the first bad byte.
    InvalidUtf8 { byte: usize },
    /// `---` opens front matter that no `---` closes.
    FrontMatterNeverClosed,
    /// A front matter line that is not `key: value`; `found` is the line.
    FrontMatterLine { found: String },
}

#[derive(Debug)]
pub enum Error {
    /// Reading or writing a file failed.
    Io { path: PathBuf, source: io::Error },

    /// A file's content is not what ontap expects (corrupt TOML, a card id
    /// that does not exist…); `message` is the parser's or the state
    /// file's own detail, quoted as it is.
    Invalid { location: Location, message: String },

    /// A lesson that cannot be read as text or whose front matter is broken.
    Lesson {
        location: Location,
        problem: LessonProblem,
    },

    /// A deck or state file written by a newer ontap; `location` is its
    /// `format` line.
    FutureFormat {
        location: Location,
        found: i64,
        supported: i64,
    },

    /// Writing an answer to the review log failed (a full disk, a folder
    /// turned read-only): the answer is not saved.
    AnswerNotSaved { path: PathBuf, source: io::Error },

    /// The answer is in the review log, but the schedule cache derived from
    /// it could not be rewritten; the next command brings it up to date.
    CacheNotUpdated {
        log: PathBuf,
        path: PathBuf,
        source: io::Error,
    },

    /// Another ontap process holds the data directory.
    Locked { path: PathBuf },

    /// The user named a deck the library does not have.
    UnknownDeck { name: String },

    /// A command-line value that clap cannot check by itself, worded by
    /// the code that checked it.
    Usage(String),

    /// Some lessons failed to compile; each failure was already reported.
    CompileFailed { failed: usize, total: usize },

    /// `state check` found problems; each was already reported.
    CheckFailed(usize),

    /// A path given as a lesson that is not a regular file (a FIFO, a device).
    NotARegularFile { path: PathBuf },

    /// A lesson file larger than `limit_mb` megabytes.
    LessonTooLarge { path: PathBuf, limit_mb: u64 },

    /// `--out-dir` names a file.
    OutDirIsFile { path: PathBuf },

    /// Two lessons of one run would write the same deck file.
    SameDeckFile {
        lesson: PathBuf,
        target: PathBuf,
        first: PathBuf,
    },

    /// Where a deck would go there is a file that is no ontap deck.
    ForeignFile { path: PathBuf },

    /// The teacher's edits file beside a lesson is wrong at `location`.
    BadOverrides {
        location: Location,
        problem: ProblemKind,
    },

    /// `-o FILE` in a folder that does not exist.
    NoSuchFolder { path: PathBuf, dir: PathBuf },

    /// `ontap handin` with no student name.
    NameNeeded,

    /// `ontap class` with no hand-in file named.
    NoHandIns,

    /// `ontap class`: none of the hand-ins could be read (`failed` files,
    /// each already reported).
    NoHandInsRead(usize),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_language(Lang::En))
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. }
            | Error::AnswerNotSaved { source, .. }
            | Error::CacheNotUpdated { source, .. } => Some(source),
            _ => None,
        }
    }
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

    /// The error worded in `lang`, from that language's catalogue.
    pub fn in_language(&self, lang: Lang) -> String {
        let words = &crate::i18n::Catalogue::of(lang).errors;
        let shown = |path: &Path| path.display().to_string();
        match self {
            Error::Io { path, source } => {
                format!("{}: {}", path.display(), (words.io_detail)(source))
            }
            Error::Invalid { location, message } => {
                format!("{location}: {}", (words.invalid)(message))
            }
            Error::Lesson { location, problem } => {
                let text = match problem {
                    LessonProblem::Utf16 => words.utf16.to_string(),
                    LessonProblem::InvalidUtf8 { byte } => (words.invalid_utf8)(*byte),
                    LessonProblem::FrontMatterNeverClosed => {
                        words.front_matter_never_closed.to_string()
                    }
                    LessonProblem::FrontMatterLine { found } => (words.front_matter_line)(found),
                };
                format!("{location}: {text}")
            }
            Error::FutureFormat {
                location,
                found,
                supported,
            } => format!("{location}: {}", (words.future_format)(*found, *supported)),
            Error::AnswerNotSaved { path, source } => {
                (words.answer_not_saved)(&shown(path), &(words.io_detail)(source))
            }
            Error::CacheNotUpdated { log, path, source } => {
                (words.cache_not_updated)(&shown(log), &shown(path), &(words.io_detail)(source))
            }
            Error::Locked { path } => (words.locked)(&shown(path)),
            Error::UnknownDeck { name } => (words.unknown_deck)(name),
            Error::Usage(message) => message.clone(),
            Error::CompileFailed { failed, total } => (words.compile_failed)(*failed, *total),
            Error::CheckFailed(count) => (words.check_failed)(*count),
            Error::NotARegularFile { path } => {
                format!("{}: {}", path.display(), words.not_a_regular_file)
            }
            Error::LessonTooLarge { path, limit_mb } => {
                format!(
                    "{}: {}",
                    path.display(),
                    (words.lesson_too_large)(*limit_mb)
                )
            }
            Error::OutDirIsFile { path } => {
                format!("{}: {}", path.display(), words.out_dir_is_file)
            }
            Error::SameDeckFile {
                lesson,
                target,
                first,
            } => format!(
                "{}: {}",
                lesson.display(),
                (words.same_deck_file)(&shown(target), &shown(first))
            ),
            Error::ForeignFile { path } => format!("{}: {}", path.display(), words.foreign_file),
            Error::BadOverrides { location, problem } => {
                let text = match problem {
                    ProblemKind::Toml(message) => (words.overrides_toml)(message),
                    ProblemKind::Blank { field } => (words.overrides_blank)(field),
                    ProblemKind::NoAnswers => words.overrides_no_answers.to_string(),
                    ProblemKind::ChoiceWithoutAnswer => {
                        words.overrides_choice_without_answer.to_string()
                    }
                };
                format!("{location}: {text}")
            }
            Error::NoSuchFolder { path, dir } => (words.no_such_folder)(&shown(path), &shown(dir)),
            Error::NameNeeded => words.name_needed.to_string(),
            Error::NoHandIns => words.no_hand_ins.to_string(),
            Error::NoHandInsRead(failed) => (words.no_hand_ins_read)(*failed),
        }
    }

    /// The process exit status for this error: 2 for usage mistakes, 1 otherwise.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_)
            | Error::UnknownDeck { .. }
            | Error::NoSuchFolder { .. }
            | Error::NameNeeded
            | Error::NoHandIns => 2,
            _ => 1,
        }
    }
}

/// An error as the user is told it: its words in their language and the
/// exit status it calls for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub message: String,
    pub exit_code: u8,
}

impl Failure {
    pub fn new(error: &Error, lang: Lang) -> Self {
        Failure {
            message: error.in_language(lang),
            exit_code: error.exit_code(),
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
