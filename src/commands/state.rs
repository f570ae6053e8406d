//! `ontap state check|rebuild|merge`: look after the data directory. `check`
//! only reads; `rebuild` rewrites the cache; `merge` is the one command that
//! rewrites the review log (atomically, after validating both logs).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::cli::{Config, StateCommand};
use crate::deck::CardId;
use crate::error::{Error, Result};
use crate::library::Library;
use crate::scheduler::Scheduler;
use crate::store::{self, CardRecord, Store};

pub fn run(config: &Config, command: &StateCommand) -> Result<()> {
    let dir = config.data_dir()?;
    match command {
        StateCommand::Check => check(config, dir),
        StateCommand::Rebuild => {
            let store = Store::rebuild(dir, Scheduler::default())?;
            println!(
                "rebuilt {} from {}: {} cards",
                dir.join(store::CACHE_FILE).display(),
                store::LOG_FILE,
                store.records().len()
            );
            Ok(())
        }
        StateCommand::Merge { other } => {
            let (_, summary) = Store::merge(dir, other, Scheduler::default())?;
            println!(
                "merged {}: {} of its {} records were new here; {} now holds {} records, schedules rebuilt for {} cards",
                other.display(),
                summary.added,
                summary.theirs,
                dir.join(store::LOG_FILE).display(),
                summary.total,
                summary.cards
            );
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
    let mut findings = Findings::default();
    println!("checking {}", dir.display());
    if !dir.exists() {
        println!("ok: no state yet (nothing has been answered with this data directory)");
        return Ok(());
    }
    let records = check_state_files(dir, &mut findings);
    check_library(config, records.as_ref(), &mut findings);

    for note in &findings.notes {
        println!("note: {note}");
    }
    if findings.problems.is_empty() {
        println!("ok: every state file reads and agrees");
        return Ok(());
    }
    for problem in &findings.problems {
        println!("problem: {problem}");
    }
    Err(Error::CheckFailed(findings.problems.len()))
}

/// Checks the lock, the log, the cache and leftovers; returns every card's
/// record as a replay of the log gives it, when the log reads.
fn check_state_files(dir: &Path, findings: &mut Findings) -> Option<BTreeMap<CardId, CardRecord>> {
    let scheduler = Scheduler::default();
    let cache_exists = match store::dir_facts(dir) {
        Ok(facts) => {
            if facts.locked {
                findings.notes.push(
                    "an ontap session is using this data directory right now; what it records after this check is not covered"
                        .into(),
                );
            }
            for leftover in &facts.leftovers {
                findings.notes.push(format!(
                    "{}: a temporary file left by an interrupted write; the next session removes it",
                    leftover.display()
                ));
            }
            if !facts.cache_exists {
                findings.notes.push(format!(
                    "{} is missing; the next session recomputes it from {} (or run `ontap state rebuild`)",
                    store::CACHE_FILE,
                    store::LOG_FILE
                ));
            }
            facts.cache_exists
        }
        Err(error) => {
            findings.problems.push(error.to_string());
            true
        }
    };

    let log = match store::read_full_log(dir) {
        Ok(log) => log,
        Err(error) => {
            findings.problems.push(format!(
                "{error}\n  the review log is the source of truth and was left as it is: fix that line by hand or restore {} from a backup, then run `ontap state check` again",
                store::LOG_FILE
            ));
            return None;
        }
    };
    let replayed = store::replay(&scheduler, log.effective());
    println!(
        "{}: {} reviews, {} undone, {} cards",
        store::LOG_FILE,
        log.review_count(),
        log.undo_count(),
        replayed.len()
    );
    if let Some(bytes) = log.torn_bytes() {
        findings.notes.push(format!(
            "{} ends with an unfinished answer ({bytes} bytes, from a session that was killed); it is ignored and the next session cuts it off",
            store::LOG_FILE
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
                findings.problems.push(format!(
                    "{}: {} card(s) differ from a replay of {} (first: {first}); {}",
                    dir.join(store::CACHE_FILE).display(),
                    differing.len(),
                    store::LOG_FILE,
                    store::REBUILD_HINT
                ));
            } else if cache_exists {
                println!("{}: up to date", store::CACHE_FILE);
            }
        }
        Err(error) => findings.problems.push(error.to_string()),
    }
    Some(replayed)
}

/// Checks that the library's decks parse and lists the orphans: answered
/// cards no deck holds any more, whose history is kept.
fn check_library(
    config: &Config,
    records: Option<&BTreeMap<CardId, CardRecord>>,
    findings: &mut Findings,
) {
    let library = match Library::load(config) {
        Ok(library) => library,
        Err(error) => {
            findings.problems.push(format!(
                "{error}\n  fix that deck file, or recompile its lesson with `ontap add LESSON.md`"
            ));
            return;
        }
    };
    println!("library: {} decks", library.decks.len());
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
    let mut note = format!(
        "{} answered card(s) are in no deck of the library any more; their history is kept (they come back if a deck holds them again):",
        orphans.len()
    );
    const SHOWN: usize = 20;
    for (card, record) in orphans.iter().take(SHOWN) {
        note.push_str(&format!(
            "\n  orphan {card} (deck {}, {} reviews, last {})",
            record.deck,
            record.schedule.reps,
            record
                .schedule
                .last_review
                .map_or_else(|| "never".to_string(), |at| crate::clock::format(&at)),
        ));
    }
    if orphans.len() > SHOWN {
        note.push_str(&format!("\n  … and {} more", orphans.len() - SHOWN));
    }
    findings.notes.push(note);
}
