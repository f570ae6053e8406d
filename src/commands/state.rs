//! `ontap state check|rebuild|merge`: look after the data directory. `check`
//! only reads; `rebuild` rewrites the cache; `merge` is the one command that
//! rewrites the review log (atomically, after validating both logs).
//! Every line follows `Config::lang`; the English wording is the one the
//! docs and scripts quote.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::cli::{Config, Lang, StateCommand, StateMergeArgs};
use crate::deck::CardId;
use crate::error::{Error, Result};
use crate::i18n::{counted, plural};
use crate::library::Library;
use crate::scheduler::Scheduler;
use crate::store::{self, CardRecord, Store, deck_cache};

/// `vi` or `en`, whichever `lang` asks for.
fn say(lang: Lang, vi: String, en: String) -> String {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

pub fn run(config: &Config, command: &StateCommand) -> Result<()> {
    let dir = config.data_dir()?;
    let lang = config.lang;
    match command {
        StateCommand::Check(_) => check(config, dir),
        StateCommand::Rebuild(_) => {
            let store = Store::rebuild(dir, Scheduler::default())?;
            let (cache, log) = (dir.join(store::CACHE_FILE), store::LOG_FILE);
            let (cache, cards) = (cache.display(), store.records().len());
            let line = say(
                lang,
                format!("đã tính lại {cache} từ {log}: {cards} thẻ"),
                format!(
                    "rebuilt {cache} from {log}: {}",
                    counted(cards, "card", "cards")
                ),
            );
            println!("{line}");
            Ok(())
        }
        StateCommand::Merge(StateMergeArgs { other, .. }) => {
            let (_, summary) = Store::merge(dir, other, Scheduler::default())?;
            let (other, log) = (other.display(), dir.join(store::LOG_FILE));
            let log = log.display();
            let (added, theirs, total, cards) =
                (summary.added, summary.theirs, summary.total, summary.cards);
            let line = say(
                lang,
                format!(
                    "đã gộp {other}: {added} trong {theirs} bản ghi của nó là mới ở đây; {log} giờ có {total} bản ghi, đã tính lại lịch cho {cards} thẻ"
                ),
                format!(
                    "merged {other}: {added} of its {} {} new here; {log} now holds {}, schedules rebuilt for {}",
                    counted(theirs, "record", "records"),
                    plural(added, "was", "were"),
                    counted(total, "record", "records"),
                    counted(cards, "card", "cards")
                ),
            );
            println!("{line}");
            Ok(())
        }
    }
}

/// What `check` found: problems make it fail, notes do not.
#[derive(Default)]
struct Findings {
    problems: Vec<String>,
    notes: Vec<String>,
}

fn check(config: &Config, dir: &Path) -> Result<()> {
    let lang = config.lang;
    let mut findings = Findings::default();
    let shown = dir.display();
    println!(
        "{}",
        say(
            lang,
            format!("đang kiểm tra {shown}"),
            format!("checking {shown}")
        )
    );
    if !dir.exists() {
        let line = say(
            lang,
            "ok: chưa có trạng thái nào (chưa trả lời câu nào với thư mục dữ liệu này)".into(),
            "ok: no state yet (nothing has been answered with this data directory)".into(),
        );
        println!("{line}");
        return Ok(());
    }
    let records = check_state_files(dir, lang, &mut findings);
    check_library(config, records.as_ref(), &mut findings);

    let (note, problem) = match lang {
        Lang::Vi => ("ghi chú", "vấn đề"),
        Lang::En => ("note", "problem"),
    };
    for text in &findings.notes {
        println!("{note}: {text}");
    }
    if findings.problems.is_empty() {
        let line = say(
            lang,
            "ok: mọi tệp trạng thái đều đọc được và khớp nhau".into(),
            "ok: every state file reads and agrees".into(),
        );
        println!("{line}");
        return Ok(());
    }
    for text in &findings.problems {
        println!("{problem}: {text}");
    }
    Err(Error::CheckFailed(findings.problems.len()))
}

/// Checks the lock, the log, the cache and leftovers; returns every card's
/// record as a replay of the log gives it, when the log reads.
fn check_state_files(
    dir: &Path,
    lang: Lang,
    findings: &mut Findings,
) -> Option<BTreeMap<CardId, CardRecord>> {
    let scheduler = Scheduler::default();
    let (log_file, cache_file) = (store::LOG_FILE, store::CACHE_FILE);
    let problem = |error: Error| error.in_language(lang);
    let cache_exists = match store::dir_facts(dir) {
        Ok(facts) => {
            if facts.locked {
                findings.notes.push(say(
                    lang,
                    "một phiên ontap đang dùng thư mục dữ liệu này; những gì nó ghi sau lần kiểm tra này không được xét".into(),
                    "an ontap session is using this data directory right now; what it records after this check is not covered".into(),
                ));
            }
            for leftover in &facts.leftovers {
                let leftover = leftover.display();
                findings.notes.push(say(
                    lang,
                    format!("{leftover}: tệp tạm còn lại sau một lần ghi bị ngắt; phiên sau sẽ xóa nó"),
                    format!("{leftover}: a temporary file left by an interrupted write; the next session removes it"),
                ));
            }
            if !facts.cache_exists {
                findings.notes.push(say(
                    lang,
                    format!("thiếu {cache_file}; phiên sau sẽ tính lại nó từ {log_file} (hoặc chạy `ontap state rebuild`)"),
                    format!("{cache_file} is missing; the next session recomputes it from {log_file} (or run `ontap state rebuild`)"),
                ));
            }
            facts.cache_exists
        }
        Err(error) => {
            findings.problems.push(problem(error));
            true
        }
    };

    let log = match store::read_full_log(dir) {
        Ok(log) => log,
        Err(error) => {
            let error = problem(error);
            findings.problems.push(say(
                lang,
                format!("{error}\n  nhật ký ôn tập là nguồn sự thật và được giữ nguyên: hãy sửa dòng đó bằng tay hoặc khôi phục {log_file} từ bản sao lưu, rồi chạy lại `ontap state check`"),
                format!("{error}\n  the review log is the source of truth and was left as it is: fix that line by hand or restore {log_file} from a backup, then run `ontap state check` again"),
            ));
            return None;
        }
    };
    let replayed = store::replay(&scheduler, log.effective());
    let (reviews, undone, cards) = (log.review_count(), log.undo_count(), replayed.len());
    let line = say(
        lang,
        format!("{log_file}: {reviews} lần ôn, {undone} lần hoàn tác, {cards} thẻ"),
        format!(
            "{log_file}: {}, {undone} undone, {}",
            counted(reviews, "review", "reviews"),
            counted(cards, "card", "cards")
        ),
    );
    println!("{line}");
    if let Some(bytes) = log.torn_bytes() {
        findings.notes.push(say(
            lang,
            format!("{log_file} kết thúc bằng một câu trả lời dở dang ({bytes} byte, từ một phiên bị dừng đột ngột); nó bị bỏ qua và phiên sau sẽ cắt nó đi"),
            format!("{log_file} ends with an unfinished answer ({bytes} bytes, from a session that was killed); it is ignored and the next session cuts it off"),
        ));
    }

    match Store::open_read_only(dir, scheduler) {
        Ok(store) => {
            let differing: Vec<&CardId> = replayed
                .keys()
                .chain(store.records().keys())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .filter(|card| replayed.get(*card) != store.records().get(*card))
                .collect();
            if let Some(first) = differing.first() {
                let (path, count) = (dir.join(cache_file), differing.len());
                let (path, hint) = (path.display(), store::REBUILD_HINT);
                findings.problems.push(say(
                    lang,
                    format!("{path}: {count} thẻ khác với khi phát lại {log_file} (thẻ đầu: {first}); hãy chạy `ontap state rebuild` để tính lại từ {log_file} (không mất câu trả lời nào)"),
                    format!("{path}: {} from a replay of {log_file} (first: {first}); {hint}", counted(count, "card differs", "cards differ")),
                ));
            } else if cache_exists {
                let line = say(
                    lang,
                    format!("{cache_file}: đã cập nhật"),
                    format!("{cache_file}: up to date"),
                );
                println!("{line}");
            }
        }
        Err(error) => findings.problems.push(problem(error)),
    }
    Some(replayed)
}

/// A deck file that does not load, and what to do about it.
fn deck_problem(error: crate::Error, lang: Lang) -> String {
    let error = error.in_language(lang);
    say(
        lang,
        format!(
            "{error}\n  hãy sửa tệp bộ thẻ đó, hoặc biên dịch lại bài học của nó bằng `ontap add LESSON.md`"
        ),
        format!(
            "{error}\n  fix that deck file, or recompile its lesson with `ontap add LESSON.md`"
        ),
    )
}

/// Reports how the library cache compares with the deck files parsed now.
/// It is derived and never trusted when a file's stamp differs, so only a
/// cache holding another deck under a file's current stamp is a problem.
fn check_library_cache(
    config: &Config,
    cache: &deck_cache::LibraryCacheState,
    findings: &mut Findings,
) {
    let lang = config.lang;
    let file = deck_cache::LIBRARY_CACHE_FILE;
    let path = config
        .data_dir()
        .map_or_else(|_| file.into(), |dir| dir.join(file).display().to_string());
    match cache {
        deck_cache::LibraryCacheState::Missing => println!(
            "{}",
            say(
                lang,
                format!("{file}: chưa có; lệnh sau đọc thư viện sẽ tạo nó từ decks/"),
                format!("{file}: none yet; the next command that reads the library builds it from decks/"),
            )
        ),
        deck_cache::LibraryCacheState::Unreadable => findings.notes.push(say(
            lang,
            format!("{path}: không đọc được như bộ nhớ đệm của phiên bản ontap này (hỏng, lạ hoặc của phiên bản khác); nó bị bỏ qua và lệnh sau sẽ tạo lại nó từ decks/"),
            format!("{path}: does not read as this ontap's library cache (damaged, foreign or from another version); it is ignored and the next command rebuilds it from decks/"),
        )),
        deck_cache::LibraryCacheState::Readable { wrong, .. } if !wrong.is_empty() => {
            let (count, first) = (wrong.len(), &wrong[0]);
            findings.problems.push(say(
                lang,
                format!("{path}: giữ cho {count} tệp bộ thẻ một nội dung khác với tệp (tệp đầu: {first}); hãy xóa {file}, nó được tạo lại từ decks/ (không mất gì)"),
                format!("{path}: holds another deck than the file itself for {count} deck file(s) (first: {first}); delete {file}, it is rebuilt from decks/ (nothing is lost)"),
            ));
        }
        deck_cache::LibraryCacheState::Readable { current, changed, .. } => {
            let line = if *changed == 0 {
                say(
                    lang,
                    format!("{file}: đã cập nhật ({current} tệp bộ thẻ)"),
                    format!("{file}: up to date ({current} deck files)"),
                )
            } else {
                say(
                    lang,
                    format!("{file}: {changed} tệp bộ thẻ đã đổi từ khi nó được ghi; lệnh sau sẽ đọc lại chúng và cập nhật nó"),
                    format!("{file}: {changed} deck file(s) changed since it was written; the next command re-reads them and updates it"),
                )
            };
            println!("{line}");
        }
    }
}

/// Checks that the library's decks parse and lists the orphans: answered
/// cards no deck holds any more, whose history is kept.
fn check_library(
    config: &Config,
    records: Option<&BTreeMap<CardId, CardRecord>>,
    findings: &mut Findings,
) {
    let lang = config.lang;
    let library = match Library::load_checking_cache(config) {
        Ok((mut library, cache)) => {
            for error in library.broken.drain(..) {
                findings.problems.push(deck_problem(error, lang));
            }
            if let Some(cache) = cache {
                check_library_cache(config, &cache, findings);
            }
            library
        }
        Err(error) => {
            findings.problems.push(deck_problem(error, lang));
            return;
        }
    };
    let decks = library.decks.len();
    let line = say(
        lang,
        format!("thư viện: {decks} bộ thẻ"),
        format!(
            "library: {decks} {}",
            crate::i18n::plural(decks, "deck", "decks")
        ),
    );
    println!("{line}");
    let Some(records) = records else {
        return;
    };
    let known: BTreeSet<&CardId> = library
        .decks
        .iter()
        .flat_map(|deck| deck.cards.iter().map(|card| &card.id))
        .collect();
    let orphans: Vec<(&CardId, &CardRecord)> = records
        .iter()
        .filter(|(card, _)| !known.contains(card))
        .collect();
    if orphans.is_empty() {
        return;
    }
    let count = orphans.len();
    let mut note = say(
        lang,
        format!(
            "{count} thẻ đã trả lời không còn trong bộ thẻ nào của thư viện; lịch sử của chúng được giữ (chúng quay lại nếu một bộ thẻ lại có chúng):"
        ),
        format!(
            "{} in no deck of the library any more; {} history is kept ({} back if a deck holds {} again):",
            counted(count, "answered card is", "answered cards are"),
            plural(count, "its", "their"),
            plural(count, "it comes", "they come"),
            plural(count, "it", "them")
        ),
    );
    const SHOWN: usize = 20;
    for (card, record) in orphans.iter().take(SHOWN) {
        let (deck, reps) = (&record.deck, record.schedule.reps);
        let never = say(lang, "chưa bao giờ".into(), "never".into());
        let last = record
            .schedule
            .last_review
            .map_or(never, |at| crate::clock::format(&at));
        note.push_str(&say(
            lang,
            format!("\n  thẻ mồ côi {card} (bộ thẻ {deck}, {reps} lần ôn, lần cuối {last})"),
            format!(
                "\n  orphan {card} (deck {deck}, {}, last {last})",
                counted(reps as usize, "review", "reviews")
            ),
        ));
    }
    if count > SHOWN {
        let more = count - SHOWN;
        note.push_str(&say(
            lang,
            format!("\n  … và {more} thẻ nữa"),
            format!("\n  … and {more} more"),
        ));
    }
    findings.notes.push(note);
}
