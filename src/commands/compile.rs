//! `ontap compile PATH… [--out-dir DIR]`: lessons in, one `<deck id>.toml`
//! per lesson out, with a one-line summary per lesson and a total.
//!
//! A lesson with nothing to derive is a warning and writes no deck file
//! (an empty deck is nothing to study, and `ontap add` should not fill the
//! library with them). A lesson that cannot be read or parsed is reported
//! and skipped; the others still compile, and the command fails at the end.
//!
//! Every line it prints follows `Config::lang`; the English wording is the
//! one scripts and the docs quote.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::cli::{CompileArgs, Config, Lang};
use crate::deck::{CardKind, Deck, DeckId, utf8_text};
use crate::derive::{Compiled, compile_lesson_explained};
use crate::error::{Error, Location, Result};
use crate::i18n::{CompileTotal, LessonSummary};
use crate::overrides::{Overrides, Problem, Unmatched, overrides_path};
use crate::site::{ExistingDeck, SiteLesson, assign_ids};

/// Lessons are pages of text; anything bigger is not one, and reading it
/// whole could exhaust memory.
const MAX_LESSON_BYTES: u64 = 64 * 1024 * 1024;

pub fn run(config: &Config, args: &CompileArgs) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    compile_paths(
        &args.paths,
        args.out_dir.as_deref(),
        config.lang,
        args.explain,
        &mut out,
    )
}

/// Compiles every lesson under `paths` (files, or folders searched
/// recursively for `*.md`) into `out_dir`, or beside each lesson when
/// `out_dir` is `None`. Reports to `out` as it goes, in `lang`; errors and
/// warnings go to standard error.
pub(crate) fn compile_paths(
    paths: &[PathBuf],
    out_dir: Option<&Path>,
    lang: Lang,
    explain: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let words = &lang.words().compile;
    let mut failed = 0;
    let lessons = lesson_files(paths, lang, &mut failed);
    let unlisted = failed;
    if let Some(dir) = out_dir {
        if dir.is_file() {
            return Err(Error::OutDirIsFile {
                path: dir.to_path_buf(),
            });
        }
        std::fs::create_dir_all(dir).map_err(|error| Error::io(dir, error))?;
    }
    let mut totals: BTreeMap<CardKind, usize> = BTreeMap::new();
    let mut decks = 0;
    let mut written: BTreeMap<PathBuf, PathBuf> = BTreeMap::new();
    let site = Site::plan(&lessons, out_dir);
    for (listed, id) in lessons.iter().zip(&site.ids) {
        let lesson = listed.path.as_path();
        let name = Naming {
            id,
            folder: listed.site.folder(),
        };
        match compile_one(lesson, &name, out_dir, lang, &site, &mut written) {
            Ok(Some((Compiled { deck, dropped, .. }, edits, target))) => {
                decks += 1;
                for card in &deck.cards {
                    *totals.entry(card.kind).or_default() += 1;
                }
                let kinds = by_kind(deck.cards.iter().map(|card| card.kind), lang);
                let line = LessonSummary {
                    lesson: &lesson.display().to_string(),
                    cards: deck.cards.len(),
                    kinds: &kinds,
                    dropped: dropped.len(),
                    edits,
                    target: &target.display().to_string(),
                };
                report(out, &(words.summary)(&line))?;
                if explain {
                    for drop in &dropped {
                        let reason = (words.drop_reason)(drop.reason);
                        report(
                            out,
                            &(words.dropped_candidate)(drop.line, &drop.what, reason),
                        )?;
                    }
                }
            }
            Ok(None) => eprintln!(
                "{}",
                (words.nothing_to_derive)(&lesson.display().to_string())
            ),
            Err(error) => {
                failed += 1;
                eprintln!("ontap: {}", error.in_language(lang));
            }
        }
    }
    let cards: usize = totals.values().sum();
    let kinds = by_kind(
        totals
            .iter()
            .flat_map(|(kind, count)| std::iter::repeat_n(*kind, *count)),
        lang,
    );
    // A path that could not be listed counts as one failed lesson.
    let total = lessons.len() + unlisted;
    let line = CompileTotal {
        lessons: total,
        decks,
        cards,
        kinds: &kinds,
        failed,
    };
    report(out, &(words.total)(&line))?;
    if failed > 0 {
        return Err(Error::CompileFailed { failed, total });
    }
    Ok(())
}

/// Prints one summary line. A reader that went away (`ontap compile … |
/// head -1`) does not stop the compile: the decks are what was asked for.
fn report(out: &mut dyn Write, line: &str) -> Result<()> {
    crate::ui::write_out(out, format!("{line}\n").as_bytes())
}

/// The id and folder the site gives one lesson's deck.
struct Naming<'a> {
    id: &'a str,
    folder: Option<String>,
}

/// The decks already where this run writes, and the ids the site rule
/// gives the run's lessons (see [`crate::site`]).
struct Site {
    ids: Vec<String>,
    /// Deck files known to be ontap decks, so they need not be read twice.
    decks: BTreeSet<PathBuf>,
}

impl Site {
    /// Reads the decks the lessons' names could meet in the folders their
    /// decks go to (`<name>.toml`, `<name>-2.toml`…), and assigns the ids.
    fn plan(lessons: &[Listed], out_dir: Option<&Path>) -> Site {
        let candidates: BTreeSet<String> = lessons
            .iter()
            .flat_map(|listed| listed.site.candidates())
            .collect();
        let dirs: BTreeSet<PathBuf> = lessons
            .iter()
            .map(|listed| target_dir(&listed.path, out_dir))
            .collect();
        let mut existing = Vec::new();
        let mut decks = BTreeSet::new();
        for dir in &dirs {
            let Ok(entries) = std::fs::read_dir(dir) else {
                continue;
            };
            let mut files: Vec<PathBuf> = entries
                .filter_map(|entry| entry.ok().map(|entry| entry.path()))
                .filter(|path| {
                    let stem = path.file_stem().and_then(|stem| stem.to_str());
                    path.extension().is_some_and(|ext| ext == "toml")
                        && stem.is_some_and(|stem| {
                            let unnumbered = stem.trim_end_matches(|c: char| c.is_ascii_digit());
                            candidates.contains(stem)
                                || unnumbered
                                    .strip_suffix('-')
                                    .is_some_and(|name| candidates.contains(name))
                        })
                })
                .collect();
            files.sort();
            for path in files {
                let Ok(text) = std::fs::read(&path).map(String::from_utf8) else {
                    continue;
                };
                let Ok(deck) = text
                    .map_err(drop)
                    .and_then(|text| Deck::from_toml(&text, &path).map_err(drop))
                else {
                    continue;
                };
                existing.push(ExistingDeck {
                    id: deck.deck.id.0,
                    folder: deck.deck.folder,
                    source: deck.deck.source,
                });
                decks.insert(path);
            }
        }
        let sites: Vec<SiteLesson> = lessons.iter().map(|listed| listed.site.clone()).collect();
        Site {
            ids: assign_ids(&sites, &existing),
            decks,
        }
    }
}

/// Where a lesson's deck goes: `out_dir`, or the lesson's own folder.
fn target_dir(lesson: &Path, out_dir: Option<&Path>) -> PathBuf {
    match out_dir {
        Some(dir) => dir.to_path_buf(),
        None => lesson.parent().map(Path::to_path_buf).unwrap_or_default(),
    }
}

/// Compiles one lesson, applies the teacher's file beside it and writes
/// its deck; `None` when it has no cards. Returns the deck, what was
/// dropped, the number of teacher edits and the deck file.
fn compile_one(
    lesson: &Path,
    name: &Naming,
    out_dir: Option<&Path>,
    lang: Lang,
    site: &Site,
    written: &mut BTreeMap<PathBuf, PathBuf>,
) -> Result<Option<(Compiled, usize, PathBuf)>> {
    let bytes = read_lesson(lesson)?;
    let mut compiled = compile_lesson_explained(lesson, &bytes)?;
    compiled.deck.rename(DeckId(name.id.to_string()));
    compiled.deck.deck.folder = name.folder.clone();
    for (line, key) in &compiled.broken_front_matter {
        let warning = (lang.words().compile.broken_front_matter)(
            &lesson.display().to_string(),
            *line,
            key,
            &compiled.deck.deck.title,
        );
        eprintln!("{warning}");
    }
    let edits = apply_overrides(lesson, &mut compiled.deck, lang)?;
    let deck = &compiled.deck;
    if deck.cards.is_empty() {
        return Ok(None);
    }
    let target = target_dir(lesson, out_dir).join(format!("{}.toml", deck.deck.id));
    if let Some(first) = written.get(&target) {
        return Err(Error::SameDeckFile {
            lesson: lesson.to_path_buf(),
            target,
            first: first.clone(),
        });
    }
    if !site.decks.contains(&target) {
        refuse_to_replace_a_foreign_file(&target)?;
    }
    crate::fsio::write_atomically(&target, deck.to_toml().as_bytes())?;
    written.insert(target.clone(), lesson.to_path_buf());
    Ok(Some((compiled, edits, target)))
}

/// Applies `lesson.ontap.toml` beside `lesson.md`, when there is one, to
/// `deck`; warns about each entry no card answers to. Returns the number
/// of edits; a file that cannot be read or parsed fails the lesson.
fn apply_overrides(lesson: &Path, deck: &mut Deck, lang: Lang) -> Result<usize> {
    let file = overrides_path(lesson);
    let bytes = match std::fs::read(&file) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(error) => return Err(Error::io(&file, error)),
    };
    let text = utf8_text(&file, bytes)?;
    let overrides =
        Overrides::parse(&text).map_err(|Problem { line, kind }| Error::BadOverrides {
            location: Location::line(&file, line),
            problem: kind,
        })?;
    let applied = overrides.apply(deck);
    let words = &lang.words().compile;
    let shown = file.display().to_string();
    for Unmatched { line, id, exists } in &applied.unmatched {
        let warning = if *exists {
            words.unmatched_exists
        } else {
            words.unmatched
        };
        eprintln!("{}", warning(&shown, *line, id));
    }
    Ok(applied.edits)
}

/// A deck replaces the deck a former compile wrote, never a file that is
/// not an ontap deck (`netlify.toml` beside `netlify.md`): that one is
/// left as it is and the lesson fails.
fn refuse_to_replace_a_foreign_file(target: &Path) -> Result<()> {
    let Ok(bytes) = std::fs::read(target) else {
        return Ok(());
    };
    let is_deck = String::from_utf8(bytes)
        .ok()
        .is_some_and(|text| Deck::from_toml(&text, target).is_ok());
    if is_deck {
        return Ok(());
    }
    Err(Error::ForeignFile {
        path: target.to_path_buf(),
    })
}

/// The bytes of a lesson file. Only a regular file of at most
/// [`MAX_LESSON_BYTES`] is read: a FIFO would block forever and a device
/// such as `/dev/zero` would fill the memory.
fn read_lesson(lesson: &Path) -> Result<Vec<u8>> {
    let metadata = std::fs::metadata(lesson).map_err(|error| Error::io(lesson, error))?;
    if !metadata.is_file() {
        return Err(Error::NotARegularFile {
            path: lesson.to_path_buf(),
        });
    }
    let file = std::fs::File::open(lesson).map_err(|error| Error::io(lesson, error))?;
    let mut bytes = Vec::new();
    file.take(MAX_LESSON_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| Error::io(lesson, error))?;
    if bytes.len() as u64 > MAX_LESSON_BYTES {
        return Err(Error::LessonTooLarge {
            path: lesson.to_path_buf(),
            limit_mb: MAX_LESSON_BYTES / (1024 * 1024),
        });
    }
    Ok(bytes)
}

/// `3 translate, 2 category`, in kind order, kinds with no card left out:
/// the deck format's names in English, Vietnamese names in Vietnamese.
fn by_kind(kinds: impl Iterator<Item = CardKind>, lang: Lang) -> String {
    let mut counts: BTreeMap<CardKind, usize> = BTreeMap::new();
    for kind in kinds {
        *counts.entry(kind).or_default() += 1;
    }
    let words = &lang.words().compile;
    let parts: Vec<String> = CardKind::all()
        .iter()
        .filter_map(|kind| {
            counts
                .get(kind)
                .map(|count| format!("{count} {}", (words.kind_name)(*kind)))
        })
        .collect();
    if parts.is_empty() {
        words.no_kinds.to_string()
    } else {
        parts.join(", ")
    }
}

/// The lesson files named by `paths`, folders searched recursively for
/// `*.md` (`*.MD` too), each folder's files sorted so the order is
/// deterministic. A named
/// file is taken whatever its extension. A file reached twice (named twice,
/// or through a symlink) is listed once, and a folder already searched
/// (a symlink back to a parent) is not searched again. A path or folder
/// that cannot be read is reported and counted in `failed`; a named folder
/// with no lesson is a warning.
fn lesson_files(paths: &[PathBuf], lang: Lang, failed: &mut usize) -> Vec<Listed> {
    let mut found = Found::default();
    for path in paths {
        let listed = match std::fs::metadata(path) {
            Ok(metadata) if metadata.is_dir() => {
                let before = found.files.len();
                found.root = path.clone();
                let listed = collect_markdown(path, &mut found);
                if listed.is_ok() && found.files.len() == before {
                    let warning = (lang.words().compile.no_lessons)(&path.display().to_string());
                    eprintln!("{warning}");
                }
                listed
            }
            Ok(_) => {
                found.root = path.parent().map(Path::to_path_buf).unwrap_or_default();
                found.push_file(path);
                Ok(())
            }
            Err(error) => Err(Error::io(path, error)),
        };
        if let Err(error) = listed {
            eprintln!("ontap: {}", error.in_language(lang));
            *failed += 1;
        }
    }
    found.files
}

/// A lesson to compile and its place in the site.
struct Listed {
    path: PathBuf,
    site: SiteLesson,
}

/// What [`lesson_files`] has found so far, and where it has been.
#[derive(Default)]
struct Found {
    files: Vec<Listed>,
    /// The folder being searched (a named file's own folder): the lesson's
    /// folders are counted from it.
    root: PathBuf,
    seen_files: BTreeSet<PathBuf>,
    seen_dirs: BTreeSet<PathBuf>,
}

impl Found {
    /// Lists `file` unless the same file (by its canonical path) already is.
    /// A file with no canonical path (a dangling symlink) is listed, so
    /// reading it reports the problem.
    fn push_file(&mut self, file: &Path) {
        let canonical = std::fs::canonicalize(file).ok();
        if let Some(canonical) = &canonical
            && !self.seen_files.insert(canonical.clone())
        {
            return;
        }
        let folders: Vec<String> = file
            .parent()
            .and_then(|parent| parent.strip_prefix(&self.root).ok())
            .map(|relative| {
                relative
                    .components()
                    .map(|part| part.as_os_str().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        // An `index.md` with no folder of the site above it is named by
        // the folder it is in.
        let parent_name = canonical.as_deref().and_then(|path| {
            path.parent()
                .and_then(Path::file_name)
                .map(|name| name.to_string_lossy().into_owned())
        });
        let source = file
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.files.push(Listed {
            path: file.to_path_buf(),
            site: SiteLesson {
                folders,
                source,
                parent_name,
            },
        });
    }
}

fn collect_markdown(dir: &Path, found: &mut Found) -> Result<()> {
    let canonical = std::fs::canonicalize(dir).map_err(|error| Error::io(dir, error))?;
    if !found.seen_dirs.insert(canonical) {
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|error| Error::io(dir, error))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .collect();
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            collect_markdown(&entry, found)?;
        } else if entry
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("md"))
        {
            found.push_file(&entry);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Standard output whose reader has gone.
    struct ClosedPipe;

    impl Write for ClosedPipe {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn every_lesson_compiles_when_the_summary_reader_has_gone() {
        let temp = tempfile::tempdir().unwrap();
        let lesson = "# T\n\n## Some English words\n\n| Vietnamese | Tiếng Anh |\n|---|---|\n| mạng | network |\n";
        let paths: Vec<PathBuf> = ["a.md", "b.md"]
            .iter()
            .map(|name| {
                let path = temp.path().join(name);
                std::fs::write(&path, lesson).unwrap();
                path
            })
            .collect();
        let out_dir = temp.path().join("out");
        compile_paths(&paths, Some(&out_dir), Lang::En, false, &mut ClosedPipe).unwrap();
        assert!(out_dir.join("a.toml").exists() && out_dir.join("b.toml").exists());
    }

    #[test]
    fn kinds_are_counted_in_kind_order() {
        let kinds = [CardKind::Recall, CardKind::Translate, CardKind::Translate];
        assert_eq!(
            by_kind(kinds.into_iter(), Lang::En),
            "2 translate, 1 recall"
        );
        assert_eq!(by_kind(std::iter::empty(), Lang::En), "none");
        assert_eq!(by_kind(std::iter::empty(), Lang::Vi), "không có");
    }
}
