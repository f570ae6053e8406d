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
use crate::i18n::{counted, drop_reason, kind_name, localized};
use crate::overrides::{Overrides, Problem, ProblemKind, Unmatched, overrides_path};
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
    .map_err(|error| localized(error, config.lang))
}

/// The lines `compile` prints, in both languages side by side.
enum Text<'a> {
    Summary {
        lesson: &'a Path,
        cards: usize,
        kinds: &'a str,
        dropped: usize,
        /// Cards skipped, changed or added by the teacher's file.
        edits: usize,
        target: &'a Path,
    },
    /// An entry of the teacher's file that no card answers to.
    Unmatched {
        file: &'a Path,
        line: usize,
        id: &'a str,
        /// An added card whose id a derived card has already.
        exists: bool,
    },
    /// A front matter value left out as broken.
    BrokenFrontMatter {
        lesson: &'a Path,
        line: usize,
        key: &'a str,
        title: &'a str,
    },
    /// What is wrong in the teacher's file (the lesson fails).
    BadOverrides(&'a ProblemKind),
    /// `compile --explain`: one candidate left out.
    DroppedCandidate {
        line: usize,
        what: &'a str,
        reason: &'static str,
    },
    NothingToDerive(&'a Path),
    NoLessons(&'a Path),
    Total {
        lessons: usize,
        decks: usize,
        cards: usize,
        kinds: &'a str,
        failed: usize,
    },
    NoKinds,
}

impl Text<'_> {
    fn text(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            Text::Summary {
                lesson,
                cards,
                kinds,
                dropped,
                edits,
                target,
            } => {
                let (lesson, target) = (lesson.display(), target.display());
                let dropped = match (vi, dropped) {
                    (_, 0) => String::new(),
                    (true, _) => format!(", bỏ {dropped} thẻ ứng viên"),
                    (false, _) => {
                        format!(", {} dropped", counted(*dropped, "candidate", "candidates"))
                    }
                };
                let edits = match (vi, edits) {
                    (_, 0) => String::new(),
                    (true, _) => format!(", {edits} chỉnh sửa của giáo viên"),
                    (false, _) => {
                        format!(", {}", counted(*edits, "teacher edit", "teacher edits"))
                    }
                };
                let cards = if vi {
                    format!("{cards} thẻ")
                } else {
                    counted(*cards, "card", "cards")
                };
                format!("{lesson}: {cards} ({kinds}){dropped}{edits} -> {target}")
            }
            Text::Unmatched {
                file,
                line,
                id,
                exists,
            } => {
                let file = file.display();
                match (vi, exists) {
                    (true, false) => format!(
                        "ontap: cảnh báo: {file}:{line}: không có thẻ `{id}`; mục này không được áp dụng"
                    ),
                    (true, true) => format!(
                        "ontap: cảnh báo: {file}:{line}: đã có thẻ `{id}`, thẻ thêm tay không được thêm; hãy sửa thẻ đó bằng [[change]] hoặc đổi `key`"
                    ),
                    (false, false) => {
                        format!(
                            "ontap: warning: {file}:{line}: no card `{id}`; this entry was not applied"
                        )
                    }
                    (false, true) => format!(
                        "ontap: warning: {file}:{line}: card `{id}` exists already, the hand-written card was not added; change it with [[change]] or pick another `key`"
                    ),
                }
            }
            Text::BadOverrides(kind) => match (kind, vi) {
                (ProblemKind::Toml(message), true) => {
                    format!("tệp chỉnh sửa của giáo viên không đọc được (TOML sai): {message}")
                }
                (ProblemKind::Toml(message), false) => {
                    format!("the teacher's edits file cannot be read (bad TOML): {message}")
                }
                (ProblemKind::Blank { field }, true) => {
                    format!("thẻ thêm tay có `{field}` trống")
                }
                (ProblemKind::Blank { field }, false) => {
                    format!("the hand-written card has a blank `{field}`")
                }
                (ProblemKind::NoAnswers, true) => {
                    "thẻ thêm tay cần `answers`, không câu nào trống".to_string()
                }
                (ProblemKind::NoAnswers, false) => {
                    "the hand-written card needs `answers`, none of them blank".to_string()
                }
                (ProblemKind::ChoiceWithoutAnswer, true) => {
                    "thẻ trắc nghiệm thêm tay cần `choices` chứa đáp án đầu tiên".to_string()
                }
                (ProblemKind::ChoiceWithoutAnswer, false) => {
                    "the hand-written choice card needs `choices` holding its first answer"
                        .to_string()
                }
            },
            Text::DroppedCandidate { line, what, reason } if vi => {
                format!("  dòng {line}: bỏ “{what}”: {reason}")
            }
            Text::DroppedCandidate { line, what, reason } => {
                format!("  line {line}: dropped “{what}”: {reason}")
            }
            Text::NothingToDerive(lesson) if vi => format!(
                "ontap: cảnh báo: {}: không rút ra được thẻ nào, không ghi bộ thẻ",
                lesson.display()
            ),
            Text::NothingToDerive(lesson) => format!(
                "ontap: warning: {}: nothing to derive, no deck written",
                lesson.display()
            ),
            Text::NoLessons(dir) if vi => format!(
                "ontap: cảnh báo: {}: không có bài học *.md nào trong thư mục này",
                dir.display()
            ),
            Text::NoLessons(dir) => format!(
                "ontap: warning: {}: no *.md lesson in this folder",
                dir.display()
            ),
            Text::Total {
                lessons,
                decks,
                cards,
                kinds,
                failed,
            } => {
                if vi {
                    format!(
                        "tổng: {lessons} bài học, {decks} bộ thẻ, {cards} thẻ ({kinds}), {failed} lỗi"
                    )
                } else {
                    format!(
                        "total: {}, {}, {} ({kinds}), {failed} failed",
                        counted(*lessons, "lesson", "lessons"),
                        counted(*decks, "deck", "decks"),
                        counted(*cards, "card", "cards"),
                    )
                }
            }
            Text::BrokenFrontMatter {
                lesson,
                line,
                key,
                title,
            } if vi => format!(
                "ontap: cảnh báo: {}:{line}: giá trị `{key}` trong front matter bị hỏng (dấu ngoặc hoặc ngoặc kép chưa đóng) nên bị bỏ qua; tên bộ thẻ lấy từ tiêu đề đầu tiên của bài: “{title}”",
                lesson.display()
            ),
            Text::BrokenFrontMatter {
                lesson,
                line,
                key,
                title,
            } => format!(
                "ontap: warning: {}:{line}: front matter `{key}` is broken (a quote or bracket never closed) and is ignored; the deck is titled by the lesson's first heading: “{title}”",
                lesson.display()
            ),
            Text::NoKinds if vi => "không có".to_string(),
            Text::NoKinds => "none".to_string(),
        }
    }
}

/// A lesson's own error (not UTF-8, broken front matter) in `lang`; the
/// compiler words them in English, the wording this matches.
fn in_language(error: Error, lang: Lang) -> Error {
    let Error::Invalid { location, message } = &error else {
        return error;
    };
    if lang == Lang::En {
        return error;
    }
    let vi = if let Some(rest) = message.strip_prefix("invalid UTF-8 (byte ") {
        let byte = rest.trim_end_matches(" of the file)");
        format!("không phải UTF-8 hợp lệ (byte {byte} của tệp)")
    } else if message == "UTF-16 text; save the lesson as UTF-8" {
        "văn bản UTF-16; hãy lưu bài học dưới dạng UTF-8".to_string()
    } else if message == "front matter opened with `---` is never closed" {
        "phần front matter mở bằng `---` không bao giờ được đóng".to_string()
    } else if let Some(found) =
        message.strip_prefix("broken front matter: expected `key: value`, found ")
    {
        format!("front matter hỏng: cần `khóa: giá trị`, gặp {found}")
    } else {
        return error;
    };
    let message = format!("{location}: {vi}");
    Error::Localized {
        message,
        original: Box::new(error),
    }
}

/// An error about `location` worded by this command, in `lang`.
fn own_error(lang: Lang, location: Location, vi: String, en: String) -> Error {
    let original = Error::invalid(location.clone(), en);
    match lang {
        Lang::En => original,
        Lang::Vi => Error::Localized {
            message: format!("{location}: {vi}"),
            original: Box::new(original),
        },
    }
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
    let mut failed = 0;
    let lessons = lesson_files(paths, lang, &mut failed);
    let unlisted = failed;
    if let Some(dir) = out_dir {
        if dir.is_file() {
            return Err(own_error(
                lang,
                Location::file(dir),
                "là một tệp; --out-dir cần một thư mục".to_string(),
                "is a file; --out-dir needs a folder".to_string(),
            ));
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
                let line = Text::Summary {
                    lesson,
                    cards: deck.cards.len(),
                    kinds: &kinds,
                    dropped: dropped.len(),
                    edits,
                    target: &target,
                };
                report(out, &line.text(lang))?;
                if explain {
                    for drop in &dropped {
                        let line = Text::DroppedCandidate {
                            line: drop.line,
                            what: &drop.what,
                            reason: drop_reason(drop.reason, lang),
                        };
                        report(out, &line.text(lang))?;
                    }
                }
            }
            Ok(None) => eprintln!("{}", Text::NothingToDerive(lesson).text(lang)),
            Err(error) => {
                failed += 1;
                eprintln!("ontap: {}", localized(error, lang));
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
    let line = Text::Total {
        lessons: total,
        decks,
        cards,
        kinds: &kinds,
        failed,
    };
    report(out, &line.text(lang))?;
    if failed > 0 {
        return Err(Error::CompileFailed { failed, total });
    }
    Ok(())
}

/// Prints one summary line. A reader that went away (`ontap compile … |
/// head -1`) does not stop the compile: the decks are what was asked for.
fn report(out: &mut dyn Write, line: &str) -> Result<()> {
    match writeln!(out, "{line}") {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Error::io("<stdout>", error))
        }
        _ => Ok(()),
    }
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
    let bytes = read_lesson(lesson, lang)?;
    let mut compiled =
        compile_lesson_explained(lesson, &bytes).map_err(|error| in_language(error, lang))?;
    compiled.deck.rename(DeckId(name.id.to_string()));
    compiled.deck.deck.folder = name.folder.clone();
    for (line, key) in &compiled.broken_front_matter {
        let warning = Text::BrokenFrontMatter {
            lesson,
            line: *line,
            key,
            title: &compiled.deck.deck.title,
        };
        eprintln!("{}", warning.text(lang));
    }
    let edits = apply_overrides(lesson, &mut compiled.deck, lang)?;
    let deck = &compiled.deck;
    if deck.cards.is_empty() {
        return Ok(None);
    }
    let target = target_dir(lesson, out_dir).join(format!("{}.toml", deck.deck.id));
    if let Some(first) = written.get(&target) {
        let (target, first) = (target.display(), first.display());
        return Err(own_error(
            lang,
            Location::file(lesson),
            format!(
                "được biên dịch thành {target} giống như {first}; hãy đổi tên một trong hai bài"
            ),
            format!("compiles to {target} like {first}; rename one of them"),
        ));
    }
    if !site.decks.contains(&target) {
        refuse_to_replace_a_foreign_file(&target, lang)?;
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
    let overrides = Overrides::parse(&text).map_err(|Problem { line, kind }| {
        let problem = Text::BadOverrides(&kind);
        own_error(
            lang,
            Location::line(&file, line),
            problem.text(Lang::Vi),
            problem.text(Lang::En),
        )
    })?;
    let applied = overrides.apply(deck);
    for Unmatched { line, id, exists } in &applied.unmatched {
        let warning = Text::Unmatched {
            file: &file,
            line: *line,
            id,
            exists: *exists,
        };
        eprintln!("{}", warning.text(lang));
    }
    Ok(applied.edits)
}

/// A deck replaces the deck a former compile wrote, never a file that is
/// not an ontap deck (`netlify.toml` beside `netlify.md`): that one is
/// left as it is and the lesson fails.
fn refuse_to_replace_a_foreign_file(target: &Path, lang: Lang) -> Result<()> {
    let Ok(bytes) = std::fs::read(target) else {
        return Ok(());
    };
    let is_deck = String::from_utf8(bytes)
        .ok()
        .is_some_and(|text| Deck::from_toml(&text, target).is_ok());
    if is_deck {
        return Ok(());
    }
    Err(own_error(
        lang,
        Location::file(target),
        "đã có và không phải là bộ thẻ ontap, nên không bị ghi đè; hãy đổi tên hoặc chọn --out-dir khác".to_string(),
        "exists and is not an ontap deck, so it was not overwritten; rename it or choose another --out-dir".to_string(),
    ))
}

/// The bytes of a lesson file. Only a regular file of at most
/// [`MAX_LESSON_BYTES`] is read: a FIFO would block forever and a device
/// such as `/dev/zero` would fill the memory.
fn read_lesson(lesson: &Path, lang: Lang) -> Result<Vec<u8>> {
    let metadata = std::fs::metadata(lesson).map_err(|error| Error::io(lesson, error))?;
    if !metadata.is_file() {
        return Err(own_error(
            lang,
            Location::file(lesson),
            "không phải là một tệp thông thường, không đọc được như một bài học".to_string(),
            "is not a regular file, so it cannot be read as a lesson".to_string(),
        ));
    }
    let file = std::fs::File::open(lesson).map_err(|error| Error::io(lesson, error))?;
    let mut bytes = Vec::new();
    file.take(MAX_LESSON_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| Error::io(lesson, error))?;
    if bytes.len() as u64 > MAX_LESSON_BYTES {
        let limit = MAX_LESSON_BYTES / (1024 * 1024);
        return Err(own_error(
            lang,
            Location::file(lesson),
            format!("lớn hơn {limit} MB, quá lớn để là một bài học"),
            format!("is larger than {limit} MB, too large to be a lesson"),
        ));
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
    let parts: Vec<String> = CardKind::all()
        .iter()
        .filter_map(|kind| {
            counts
                .get(kind)
                .map(|count| format!("{count} {}", kind_name(*kind, lang)))
        })
        .collect();
    if parts.is_empty() {
        Text::NoKinds.text(lang)
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
                    eprintln!("{}", Text::NoLessons(path).text(lang));
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
            eprintln!("ontap: {}", localized(error, lang));
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
