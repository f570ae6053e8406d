//! `ontap compile PATH… [--out-dir DIR]`: lessons in, one `<deck id>.toml`
//! per lesson out, with a one-line summary per lesson and a total.
//!
//! A lesson with nothing to derive is a warning and writes no deck file
//! (an empty deck is nothing to study, and `ontap add` should not fill the
//! library with them). A lesson that cannot be read or parsed is reported
//! and skipped; the others still compile, and the command fails at the end.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::{CompileArgs, Config};
use crate::deck::{CardKind, Deck};
use crate::derive::compile_lesson;
use crate::error::{Error, Location, Result};

pub fn run(_config: &Config, args: &CompileArgs) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    compile_paths(&args.paths, args.out_dir.as_deref(), &mut out)
}

/// Compiles every lesson under `paths` (files, or folders searched
/// recursively for `*.md`) into `out_dir`, or beside each lesson when
/// `out_dir` is `None`. Reports to `out` as it goes; errors and warnings go
/// to standard error.
pub(crate) fn compile_paths(
    paths: &[PathBuf],
    out_dir: Option<&Path>,
    out: &mut dyn Write,
) -> Result<()> {
    let mut failed = 0;
    let lessons = lesson_files(paths, &mut failed);
    let unlisted = failed;
    if let Some(dir) = out_dir {
        std::fs::create_dir_all(dir).map_err(|error| Error::io(dir, error))?;
    }
    let mut totals: BTreeMap<CardKind, usize> = BTreeMap::new();
    let mut decks = 0;
    let mut written: BTreeMap<PathBuf, PathBuf> = BTreeMap::new();
    for lesson in &lessons {
        match compile_one(lesson, out_dir, &mut written) {
            Ok(Some((deck, target))) => {
                decks += 1;
                for card in &deck.cards {
                    *totals.entry(card.kind).or_default() += 1;
                }
                let line = format!(
                    "{}: {} cards ({}) -> {}",
                    lesson.display(),
                    deck.cards.len(),
                    by_kind(deck.cards.iter().map(|card| card.kind)),
                    target.display()
                );
                writeln!(out, "{line}").map_err(|error| Error::io("<stdout>", error))?;
            }
            Ok(None) => {
                eprintln!(
                    "ontap: warning: {}: nothing to derive, no deck written",
                    lesson.display()
                );
            }
            Err(error) => {
                failed += 1;
                eprintln!("ontap: {error}");
            }
        }
    }
    let cards: usize = totals.values().sum();
    let kinds = by_kind(
        totals
            .iter()
            .flat_map(|(kind, count)| std::iter::repeat_n(*kind, *count)),
    );
    // A path that could not be listed counts as one failed lesson.
    let total = lessons.len() + unlisted;
    writeln!(
        out,
        "total: {total} lessons, {decks} decks, {cards} cards ({kinds}), {failed} failed"
    )
    .map_err(|error| Error::io("<stdout>", error))?;
    if failed > 0 {
        return Err(Error::CompileFailed { failed, total });
    }
    Ok(())
}

/// Compiles one lesson and writes its deck; `None` when it has no cards.
fn compile_one(
    lesson: &Path,
    out_dir: Option<&Path>,
    written: &mut BTreeMap<PathBuf, PathBuf>,
) -> Result<Option<(Deck, PathBuf)>> {
    let bytes = std::fs::read(lesson).map_err(|error| Error::io(lesson, error))?;
    let deck = compile_lesson(lesson, &bytes)?;
    if deck.cards.is_empty() {
        return Ok(None);
    }
    let dir = match out_dir {
        Some(dir) => dir.to_path_buf(),
        None => lesson.parent().map(Path::to_path_buf).unwrap_or_default(),
    };
    let target = dir.join(format!("{}.toml", deck.deck.id));
    if let Some(first) = written.get(&target) {
        return Err(Error::invalid(
            Location::file(lesson),
            format!(
                "compiles to {} like {}; rename one of them",
                target.display(),
                first.display()
            ),
        ));
    }
    write_atomically(&target, deck.to_toml().as_bytes())?;
    written.insert(target.clone(), lesson.to_path_buf());
    Ok(Some((deck, target)))
}

/// Writes through a temporary file in the same folder, so a deck is never
/// left half written.
fn write_atomically(target: &Path, bytes: &[u8]) -> Result<()> {
    let dir = target
        .parent()
        .filter(|dir| !dir.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut file = tempfile::NamedTempFile::new_in(dir).map_err(|error| Error::io(dir, error))?;
    file.write_all(bytes)
        .map_err(|error| Error::io(target, error))?;
    file.persist(target)
        .map_err(|error| Error::io(target, error.error))?;
    Ok(())
}

/// `3 translate, 2 category`, in kind order, kinds with no card left out.
fn by_kind(kinds: impl Iterator<Item = CardKind>) -> String {
    let mut counts: BTreeMap<CardKind, usize> = BTreeMap::new();
    for kind in kinds {
        *counts.entry(kind).or_default() += 1;
    }
    let parts: Vec<String> = CardKind::ALL
        .iter()
        .filter_map(|kind| {
            counts
                .get(kind)
                .map(|count| format!("{count} {}", kind.name()))
        })
        .collect();
    if parts.is_empty() {
        "none".to_string()
    } else {
        parts.join(", ")
    }
}

/// The lesson files named by `paths`, folders searched recursively for
/// `*.md`, each folder's files sorted so the order is deterministic. A named
/// file is taken whatever its extension. A path or folder that cannot be
/// read is reported and counted in `failed`; the others are still listed.
fn lesson_files(paths: &[PathBuf], failed: &mut usize) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        let listed = match std::fs::metadata(path) {
            Ok(metadata) if metadata.is_dir() => collect_markdown(path, &mut files),
            Ok(_) => {
                files.push(path.clone());
                Ok(())
            }
            Err(error) => Err(Error::io(path, error)),
        };
        if let Err(error) = listed {
            eprintln!("ontap: {error}");
            *failed += 1;
        }
    }
    files
}

fn collect_markdown(dir: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|error| Error::io(dir, error))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .collect();
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            collect_markdown(&entry, files)?;
        } else if entry.extension().is_some_and(|ext| ext == "md") {
            files.push(entry);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_counted_in_kind_order() {
        let kinds = [CardKind::Recall, CardKind::Translate, CardKind::Translate];
        assert_eq!(by_kind(kinds.into_iter()), "2 translate, 1 recall");
        assert_eq!(by_kind(std::iter::empty()), "none");
    }
}
