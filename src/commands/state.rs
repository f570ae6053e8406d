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
use crate::i18n::MergeSummary;
use crate::library::Library;
use crate::scheduler::Scheduler;
use crate::store::{self, CardRecord, Store, deck_cache};

pub fn run(config: &Config, command: &StateCommand) -> Result<()> {
    let dir = config.data_dir()?;
    let words = &config.lang.words().state;
    match command {
        StateCommand::Check(_) => check(config, dir),
        StateCommand::Rebuild(_) => {
            let store = Store::rebuild(dir, Scheduler::default())?;
            let (cache, log) = (dir.join(store::CACHE_FILE), store::LOG_FILE);
            let cache = cache.display().to_string();
            println!("{}", (words.rebuilt)(&cache, log, store.records().len()));
            Ok(())
        }
        StateCommand::Merge(StateMergeArgs { other, .. }) => {
            let (_, summary) = Store::merge(dir, other, Scheduler::default())?;
            let merge = MergeSummary {
                other: &other.display().to_string(),
                log: &dir.join(store::LOG_FILE).display().to_string(),
                added: summary.added,
                theirs: summary.theirs,
                total: summary.total,
                cards: summary.cards,
            };
            println!("{}", (words.merged)(&merge));
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
    let words = &lang.words().state;
    let mut findings = Findings::default();
    println!("{}", (words.checking)(&dir.display().to_string()));
    if !dir.exists() {
        println!("{}", words.no_state_yet);
        return Ok(());
    }
    let records = check_state_files(dir, lang, &mut findings);
    check_library(config, records.as_ref(), &mut findings);

    for text in &findings.notes {
        println!("{}: {text}", words.note);
    }
    if findings.problems.is_empty() {
        println!("{}", words.all_agree);
        return Ok(());
    }
    for text in &findings.problems {
        println!("{}: {text}", words.problem);
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
    let words = &lang.words().state;
    let problem = |error: Error| error.in_language(lang);
    let cache_exists = match store::dir_facts(dir) {
        Ok(facts) => {
            if facts.locked {
                findings.notes.push(words.session_running.to_string());
            }
            for leftover in &facts.leftovers {
                findings
                    .notes
                    .push((words.leftover)(&leftover.display().to_string()));
            }
            if !facts.cache_exists {
                findings
                    .notes
                    .push((words.cache_missing)(cache_file, log_file));
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
            findings
                .problems
                .push((words.log_unreadable)(&problem(error), log_file));
            return None;
        }
    };
    let replayed = store::replay(&scheduler, log.effective());
    let (reviews, undone, cards) = (log.review_count(), log.undo_count(), replayed.len());
    println!("{}", (words.log_counts)(log_file, reviews, undone, cards));
    if let Some(bytes) = log.torn_bytes() {
        findings.notes.push((words.torn)(log_file, bytes));
    }
    check_review_cache(dir, &log.effective(), lang, findings);

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
                let path = dir.join(cache_file).display().to_string();
                let first = first.to_string();
                findings.problems.push((words.cache_differs)(
                    &path,
                    differing.len(),
                    &first,
                    log_file,
                ));
            } else if cache_exists {
                println!("{}", (words.cache_up_to_date)(cache_file));
            }
        }
        Err(error) => findings.problems.push(problem(error)),
    }
    Some(replayed)
}

/// Reports how the review cache compares with the log's reviews in effect.
/// It is derived and never trusted when it does not fit the log, so only a
/// cache that fits the log by its stamp but holds other reviews is a problem.
fn check_review_cache(
    dir: &std::path::Path,
    effective: &[&crate::store::Review],
    lang: Lang,
    findings: &mut Findings,
) {
    let words = &lang.words().state;
    let file = store::REVIEW_CACHE_FILE;
    let path = dir.join(file).display().to_string();
    let line = match store::check_review_cache(dir, effective) {
        store::ReviewCacheState::Missing => (words.review_cache_missing)(file),
        store::ReviewCacheState::Current => (words.review_cache_up_to_date)(file),
        store::ReviewCacheState::Stale => (words.review_cache_stale)(file),
        store::ReviewCacheState::Unreadable => {
            findings.notes.push((words.review_cache_unreadable)(&path));
            return;
        }
        store::ReviewCacheState::Wrong => {
            findings
                .problems
                .push((words.review_cache_wrong)(&path, file));
            return;
        }
    };
    println!("{line}");
}

/// A deck file that does not load, and what to do about it.
fn deck_problem(error: crate::Error, lang: Lang) -> String {
    (lang.words().state.deck_problem)(&error.in_language(lang))
}

/// Reports how the library cache compares with the deck files parsed now.
/// It is derived and never trusted when a file's stamp differs, so only a
/// cache holding another deck under a file's current stamp is a problem.
fn check_library_cache(
    config: &Config,
    cache: &deck_cache::LibraryCacheState,
    findings: &mut Findings,
) {
    let words = &config.lang.words().state;
    let file = deck_cache::LIBRARY_CACHE_FILE;
    let path = config
        .data_dir()
        .map_or_else(|_| file.into(), |dir| dir.join(file).display().to_string());
    match cache {
        deck_cache::LibraryCacheState::Missing => {
            println!("{}", (words.library_cache_missing)(file))
        }
        deck_cache::LibraryCacheState::Unreadable => {
            findings.notes.push((words.library_cache_unreadable)(&path))
        }
        deck_cache::LibraryCacheState::Readable { wrong, .. } if !wrong.is_empty() => {
            let first = wrong[0].to_string();
            findings.problems.push((words.library_cache_wrong)(
                &path,
                wrong.len(),
                &first,
                file,
            ));
        }
        deck_cache::LibraryCacheState::Readable {
            current, changed, ..
        } => {
            let line = if *changed == 0 {
                (words.library_cache_up_to_date)(file, *current)
            } else {
                (words.library_cache_changed)(file, *changed)
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
    let words = &lang.words().state;
    println!("{}", (words.library)(library.decks.len()));
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
    let mut note = (words.orphans)(count);
    const SHOWN: usize = 20;
    for (card, record) in orphans.iter().take(SHOWN) {
        let last = record
            .schedule
            .last_review
            .map_or(words.never.to_string(), |at| crate::clock::format(&at));
        note.push_str(&(words.orphan)(
            &card.to_string(),
            &record.deck.to_string(),
            record.schedule.reps as usize,
            &last,
        ));
    }
    if count > SHOWN {
        note.push_str(&(words.and_more)(count - SHOWN));
    }
    findings.notes.push(note);
}
