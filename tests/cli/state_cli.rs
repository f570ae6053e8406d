//! `ontap state check|rebuild|merge` through the real binary, and what every
//! command does with a damaged data directory: a clear message naming the
//! file (and line), a non-zero exit, and the files left byte-identical.

use std::path::{Path, PathBuf};

use predicates::prelude::*;

use ontap::clock;
use ontap::deck::{CardId, DeckId};
use ontap::judge::Grade;
use ontap::scheduler::{Rating, Scheduler};
use ontap::store::{CACHE_FILE, LOG_FILE, Review, ReviewMode, Store};

use crate::support::ontap;

const ORPHAN_CARD: &str = "ai-tao-sinh/translate/vi-en/tu-da-bi-xoa";

/// The id of the bundled deck's card number `index`: a card the library holds.
fn known_card(index: usize) -> String {
    let deck =
        ontap::deck::Deck::from_toml(ontap::library::BUNDLED_DECK, Path::new("bundled")).unwrap();
    deck.cards[index].id.0.clone()
}

fn review(card: &str, minute: i64, rating: Rating, answer: &str, verdict: Grade) -> Review {
    Review {
        overruled: None,
        card: CardId(card.into()),
        deck: DeckId("ai-tao-sinh".into()),
        at: clock::parse("2026-11-28T09:00:00+07:00").unwrap() + chrono::Duration::minutes(minute),
        rating,
        mode: ReviewMode::Quiz,
        answer: answer.into(),
        verdict,
    }
}

/// A data dir with a few answers, one of them for a card no deck holds.
fn data_dir_with_answers() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path(), Scheduler::default()).unwrap();
    store
        .record(review(
            &known_card(0),
            0,
            Rating::Again,
            "DALL-E",
            Grade::Wrong,
        ))
        .unwrap();
    store
        .record(review(
            &known_card(0),
            5,
            Rating::Good,
            "ChatGPT",
            Grade::Correct,
        ))
        .unwrap();
    store
        .record(review(ORPHAN_CARD, 6, Rating::Good, "gone", Grade::Correct))
        .unwrap();
    dir
}

fn snapshot(dir: &Path) -> Vec<(PathBuf, Option<Vec<u8>>)> {
    [LOG_FILE, CACHE_FILE]
        .iter()
        .map(|name| {
            let path = dir.join(name);
            let bytes = std::fs::read(&path).ok();
            (path, bytes)
        })
        .collect()
}

#[test]
fn check_of_a_fresh_directory_is_ok() {
    let dir = tempfile::tempdir().unwrap();
    ontap(&dir.path().join("none"))
        .args(["state", "check"])
        .assert()
        .success()
        .stdout(predicate::str::contains("no state yet"));
}

#[test]
fn check_of_a_healthy_directory_lists_orphans_and_says_ok() {
    let dir = data_dir_with_answers();
    let before = snapshot(dir.path());
    ontap(dir.path())
        .args(["state", "check"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "reviews.toml: 3 reviews, 0 undone, 2 cards",
        ))
        .stdout(predicate::str::contains(format!("orphan {ORPHAN_CARD}")))
        .stdout(predicate::str::contains(format!("orphan {}", known_card(0))).not())
        .stdout(predicate::str::contains(
            "ok: every state file reads and agrees",
        ));
    assert_eq!(snapshot(dir.path()), before, "check wrote something");
}

#[test]
fn a_cache_that_disagrees_fails_check_and_rebuild_fixes_it() {
    let dir = data_dir_with_answers();
    let cache_path = dir.path().join(CACHE_FILE);
    let cache = std::fs::read_to_string(&cache_path).unwrap();
    assert!(cache.starts_with("format = 1\n"), "{cache}");
    let edited = cache.replacen("reps = 2", "reps = 9", 1);
    assert_ne!(edited, cache);
    std::fs::write(&cache_path, &edited).unwrap();
    let log = std::fs::read(dir.path().join(LOG_FILE)).unwrap();

    ontap(dir.path())
        .args(["state", "check"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!(
            "problem: {}",
            cache_path.display()
        )))
        .stdout(predicate::str::contains("ontap state rebuild"))
        .stderr(predicate::str::contains("state check found 1 problem\n"));
    ontap(dir.path())
        .args(["state", "rebuild"])
        .assert()
        .success()
        .stdout(predicate::str::contains("2 cards"));
    assert_eq!(std::fs::read_to_string(&cache_path).unwrap(), cache);
    assert_eq!(std::fs::read(dir.path().join(LOG_FILE)).unwrap(), log);
    ontap(dir.path())
        .args(["state", "check"])
        .assert()
        .success();
}

#[test]
fn a_missing_cache_is_rebuilt_and_a_cache_ahead_of_the_log_is_refused() {
    let dir = data_dir_with_answers();
    let cache_path = dir.path().join(CACHE_FILE);
    let cache = std::fs::read(&cache_path).unwrap();
    std::fs::remove_file(&cache_path).unwrap();
    ontap(dir.path())
        .args(["state", "check"])
        .assert()
        .success()
        .stdout(predicate::str::contains("schedule.toml is missing"))
        .stdout(predicate::str::contains("schedule.toml: up to date").not());
    let store = Store::open(dir.path(), Scheduler::default()).unwrap();
    drop(store);
    assert_eq!(std::fs::read(&cache_path).unwrap(), cache);

    // A log shorter than what the cache accounts for: never silently reset.
    let log_path = dir.path().join(LOG_FILE);
    let log = std::fs::read_to_string(&log_path).unwrap();
    let first_record_end = log.find("\n\n[[review]]").unwrap() + 2;
    let second_record_end = log[first_record_end..].find("\n\n").unwrap() + first_record_end + 2;
    std::fs::write(&log_path, &log[..second_record_end]).unwrap();
    let before = snapshot(dir.path());
    let error = Store::open(dir.path(), Scheduler::default()).unwrap_err();
    assert!(error.to_string().contains("ontap state rebuild"), "{error}");
    ontap(dir.path())
        .args(["state", "check"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("does not match reviews.toml"));
    assert_eq!(snapshot(dir.path()), before);
    ontap(dir.path())
        .args(["state", "rebuild"])
        .assert()
        .success();
    ontap(dir.path())
        .args(["state", "check"])
        .assert()
        .success();
}

#[test]
fn a_last_answer_whose_blank_line_an_editor_trimmed_is_kept() {
    let dir = data_dir_with_answers();
    let log_path = dir.path().join(LOG_FILE);
    let text = std::fs::read_to_string(&log_path).unwrap();
    // Editors trim trailing blank lines; a comment may end without a newline.
    std::fs::write(&log_path, format!("{}\n", text.trim_end())).unwrap();
    ontap(dir.path())
        .args(["state", "rebuild"])
        .assert()
        .success();
    ontap(dir.path())
        .args(["state", "check"])
        .assert()
        .success()
        .stdout(predicate::str::contains("3 reviews"))
        .stdout(predicate::str::contains("unfinished").not());
    let extra = review(&known_card(2), 30, Rating::Good, "x", Grade::Correct);
    let mut store = Store::open(dir.path(), Scheduler::default()).unwrap();
    store.record(extra.clone()).unwrap();
    drop(store);
    let mut log = std::fs::read_to_string(&log_path).unwrap();
    log.push_str("# checked by hand");
    std::fs::write(&log_path, &log).unwrap();
    let later = review(&known_card(3), 40, Rating::Good, "y", Grade::Correct);
    let mut store = Store::open(dir.path(), Scheduler::default()).unwrap();
    store.record(later.clone()).unwrap();
    let reviews = store.reviews().unwrap();
    assert_eq!(reviews.len(), 5, "{reviews:?}");
    assert_eq!(reviews[3..], [extra, later]);
    ontap(dir.path())
        .args(["state", "check"])
        .assert()
        .success()
        .stdout(predicate::str::contains("5 reviews"));
}

#[test]
fn a_missing_log_is_never_rebuilt_into_an_empty_schedule() {
    let dir = data_dir_with_answers();
    std::fs::remove_file(dir.path().join(LOG_FILE)).unwrap();
    let before = snapshot(dir.path());
    for command in [&["state", "check"][..], &["state", "rebuild"], &["decks"]] {
        let assert = ontap(dir.path()).args(command).assert().code(1);
        let output = assert.get_output();
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(
            said.contains("reviews.toml: is missing, but schedule.toml"),
            "{command:?}: {said}"
        );
        assert!(!said.contains("no answer is lost"), "{command:?}: {said}");
        assert_eq!(snapshot(dir.path()), before, "{command:?}");
    }
    // Starting afresh is a deliberate step.
    std::fs::remove_file(dir.path().join(CACHE_FILE)).unwrap();
    ontap(dir.path())
        .args(["state", "rebuild"])
        .assert()
        .success();
}

#[test]
fn a_torn_final_append_is_a_note_not_a_problem() {
    let dir = data_dir_with_answers();
    let log_path = dir.path().join(LOG_FILE);
    let mut log = std::fs::read(&log_path).unwrap();
    log.extend_from_slice(b"[[review]]\ncard = \"ai-tao-sinh/cat");
    std::fs::write(&log_path, &log).unwrap();
    ontap(dir.path())
        .args(["state", "check"])
        .assert()
        .success()
        .stdout(predicate::str::contains("ends with an unfinished answer"))
        .stdout(predicate::str::contains("3 reviews"));
    assert_eq!(
        std::fs::read(&log_path).unwrap(),
        log,
        "check repaired the log"
    );
}

/// A damaged file, how to damage it, and what the message must say.
struct Damage {
    name: &'static str,
    file: &'static str,
    damage: fn(&Path),
    message: fn(&str) -> String,
}

fn line_of(text: &str, needle: &str) -> usize {
    text[..text.find(needle).unwrap()].matches('\n').count() + 1
}

fn replace_in(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from} not in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

fn damages() -> Vec<Damage> {
    vec![
        Damage {
            name: "garbage in the middle of the log",
            file: LOG_FILE,
            damage: |path| {
                replace_in(
                    path,
                    "mode = \"quiz\"\nanswer = \"ChatGPT\"",
                    "mode = \"quiz\"\n%%garbage%%",
                )
            },
            message: |text| format!("reviews.toml:{}:", line_of(text, "%%garbage%%")),
        },
        Damage {
            name: "a rating of 7",
            file: LOG_FILE,
            damage: |path| replace_in(path, "rating = 3", "rating = 7"),
            message: |text| {
                format!(
                    "reviews.toml:{}: rating 7 is not 1 (again) to 4 (easy)",
                    line_of(text, "rating = 7")
                )
            },
        },
        Damage {
            name: "a bad date",
            file: LOG_FILE,
            damage: |path| replace_in(path, "at = 2026-11-28T09:05:00", "at = 2026-13-28T09:05:00"),
            message: |text| format!("reviews.toml:{}:", line_of(text, "2026-13-28")),
        },
        Damage {
            name: "a log from a future ontap",
            file: LOG_FILE,
            damage: |path| replace_in(path, "format = 1", "format = 99"),
            message: |_| {
                "reviews.toml:1: format version 99 is newer than this ontap understands".into()
            },
        },
        Damage {
            name: "a cache from a future ontap",
            file: CACHE_FILE,
            damage: |path| replace_in(path, "format = 1", "format = 99"),
            message: |_| {
                "schedule.toml:1: format version 99 is newer than this ontap understands".into()
            },
        },
        Damage {
            name: "a foreign TOML file as the log",
            file: LOG_FILE,
            damage: |path| std::fs::write(path, ontap::library::BUNDLED_DECK).unwrap(),
            message: |_| "reviews.toml:1: not an ontap review log".into(),
        },
        Damage {
            name: "garbage as the cache",
            file: CACHE_FILE,
            damage: |path| std::fs::write(path, "format = 1\nthis is = not toml\n").unwrap(),
            message: |_| "schedule.toml:2:".into(),
        },
        Damage {
            name: "a directory instead of the log",
            file: LOG_FILE,
            damage: |path| {
                std::fs::remove_file(path).unwrap();
                std::fs::create_dir(path).unwrap();
            },
            message: |_| "reviews.toml: is a directory or other non-file".into(),
        },
        Damage {
            name: "an unreadable log (a symlink loop)",
            file: LOG_FILE,
            damage: |path| {
                std::fs::remove_file(path).unwrap();
                std::os::unix::fs::symlink(path, path).unwrap();
            },
            message: |_| "reviews.toml: Too many levels of symbolic links".into(),
        },
        Damage {
            name: "a log that is not UTF-8",
            file: LOG_FILE,
            damage: |path| {
                let mut bytes = std::fs::read(path).unwrap();
                let at = bytes.windows(7).position(|w| w == b"ChatGPT").unwrap();
                bytes[at] = 0xff;
                std::fs::write(path, bytes).unwrap();
            },
            message: |text| {
                format!(
                    "reviews.toml:{}: not UTF-8",
                    line_of(text, "\u{fffd}hatGPT")
                )
            },
        },
    ]
}

#[test]
fn damaged_files_give_a_clear_error_and_are_left_byte_identical() {
    for damage in damages() {
        let dir = data_dir_with_answers();
        let path = dir.path().join(damage.file);
        (damage.damage)(&path);
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap_or_default()).into_owned();
        let expected = (damage.message)(&text);
        let before = snapshot(dir.path());
        let is_link = std::fs::symlink_metadata(&path)
            .unwrap()
            .file_type()
            .is_symlink();

        let error = Store::open(dir.path(), Scheduler::default()).unwrap_err();
        assert!(
            error.to_string().contains(&expected),
            "{}: {error}",
            damage.name
        );
        assert!(
            error.to_string().contains(damage.file),
            "{}: {error}",
            damage.name
        );
        for args in [&["state", "check"][..], &["state", "rebuild"][..]] {
            if damage.file == CACHE_FILE && args[1] == "rebuild" {
                continue; // rebuilding a damaged cache is what rebuild is for
            }
            let output = ontap(dir.path()).args(args).output().unwrap();
            let all = format!(
                "{}{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            );
            assert_eq!(
                output.status.code(),
                Some(1),
                "{} / {args:?}: {all}",
                damage.name
            );
            assert!(all.contains(&expected), "{} / {args:?}: {all}", damage.name);
        }
        assert_eq!(
            snapshot(dir.path()),
            before,
            "{}: a file changed",
            damage.name
        );
        assert_eq!(
            std::fs::symlink_metadata(&path)
                .unwrap()
                .file_type()
                .is_symlink(),
            is_link
        );
    }
}

#[test]
fn a_bad_clock_is_one_usage_line_and_touches_nothing() {
    let dir = data_dir_with_answers();
    let before = snapshot(dir.path());
    for now in [
        "tomorrow",
        "2026-11-28",
        "2026-11-28T09:00:00+07:00\nrm -rf",
    ] {
        for args in [vec!["state", "rebuild"], vec!["state", "check"]] {
            let output = ontap(dir.path())
                .env("ONTAP_NOW", now)
                .args(&args)
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(2), "{args:?} {stderr}");
            assert!(stderr.starts_with("ontap: ONTAP_NOW='"), "{stderr}");
            assert_eq!(stderr.lines().count(), 1, "{stderr}");
            assert!(output.stdout.is_empty());
        }
    }
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn a_second_process_is_refused_while_a_session_holds_the_lock() {
    let dir = data_dir_with_answers();
    let other = data_dir_with_answers();
    let session = Store::open(dir.path(), Scheduler::default()).unwrap();
    let before = snapshot(dir.path());
    for args in [
        vec!["state", "rebuild"],
        vec!["state", "merge", other.path().to_str().unwrap()],
    ] {
        ontap(dir.path())
            .args(&args)
            .assert()
            .code(1)
            .stderr(predicate::str::contains(
                "another ontap session is using this data directory",
            ));
    }
    ontap(dir.path())
        .args(["state", "check"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("a session is using this data directory right now").or(
                predicate::str::contains("an ontap session is using this data directory right now"),
            ),
        );
    assert_eq!(snapshot(dir.path()), before);
    drop(session);
    ontap(dir.path())
        .args(["state", "rebuild"])
        .assert()
        .success();
}

#[test]
fn merge_takes_the_union_sorted_by_time_and_is_idempotent() {
    let ours = tempfile::tempdir().unwrap();
    let theirs = tempfile::tempdir().unwrap();
    let shared = review(&known_card(0), 0, Rating::Again, "DALL-E", Grade::Wrong);
    {
        let mut store = Store::open(ours.path(), Scheduler::default()).unwrap();
        store.record(shared.clone()).unwrap();
        store
            .record(review(
                &known_card(0),
                30,
                Rating::Good,
                "ChatGPT",
                Grade::Correct,
            ))
            .unwrap();
        let mut store_b = Store::open(theirs.path(), Scheduler::default()).unwrap();
        store_b.record(shared.clone()).unwrap();
        store_b
            .record(review(
                &known_card(1),
                10,
                Rating::Good,
                "Sora",
                Grade::Correct,
            ))
            .unwrap();
        store_b
            .record(review(
                &known_card(1),
                20,
                Rating::Again,
                "Sora?",
                Grade::Wrong,
            ))
            .unwrap();
        store_b.undo_last().unwrap();
    }
    let theirs_before = snapshot(theirs.path());
    ontap(ours.path())
        .args(["state", "merge", theirs.path().to_str().unwrap()])
        .assert()
        .success()
        .stdout(predicate::str::contains("3 of its 4 records were new here"));
    assert_eq!(
        snapshot(theirs.path()),
        theirs_before,
        "merge touched the other dir"
    );

    let store = Store::open_read_only(ours.path(), Scheduler::default()).unwrap();
    let answers: Vec<String> = store
        .reviews()
        .unwrap()
        .into_iter()
        .map(|r| r.answer)
        .collect();
    assert_eq!(answers, ["DALL-E", "Sora", "ChatGPT"]);
    let log = std::fs::read_to_string(ours.path().join(LOG_FILE)).unwrap();
    assert_eq!(log.matches("[[review]]").count(), 4);
    assert_eq!(log.matches("[[undo]]").count(), 1);
    let parsed: toml::Table = toml::from_str(&log).unwrap();
    let times: Vec<String> = parsed["review"]
        .as_array()
        .unwrap()
        .iter()
        .map(|review| review["at"].as_datetime().unwrap().to_string())
        .collect();
    let mut sorted = times.clone();
    sorted.sort();
    assert_eq!(times, sorted, "the merged log is sorted by time");

    // Merging again, or merging the result back, changes nothing.
    let merged = snapshot(ours.path());
    ontap(ours.path())
        .args(["state", "merge", theirs.path().to_str().unwrap()])
        .assert()
        .success()
        .stdout(predicate::str::contains("0 of its 4 records were new here"));
    assert_eq!(snapshot(ours.path()), merged);
    ontap(theirs.path())
        .args(["state", "merge", ours.path().to_str().unwrap()])
        .assert()
        .success();
    assert_eq!(
        std::fs::read(theirs.path().join(LOG_FILE)).unwrap(),
        std::fs::read(ours.path().join(LOG_FILE)).unwrap(),
        "both machines end with the same log"
    );
    ontap(ours.path())
        .args(["state", "check"])
        .assert()
        .success();
}

#[test]
fn merge_refuses_a_damaged_or_missing_other_log_and_changes_nothing() {
    let ours = data_dir_with_answers();
    let theirs = data_dir_with_answers();
    replace_in(&theirs.path().join(LOG_FILE), "rating = 3", "rating = 0");
    let before = snapshot(ours.path());
    ontap(ours.path())
        .args(["state", "merge", theirs.path().to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            theirs.path().join(LOG_FILE).display().to_string(),
        ));
    let empty = tempfile::tempdir().unwrap();
    ontap(ours.path())
        .args(["state", "merge", empty.path().to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no review log to merge"));
    assert_eq!(snapshot(ours.path()), before);
}

#[test]
fn merge_leaves_a_cache_of_a_newer_format_byte_identical() {
    let ours = data_dir_with_answers();
    let theirs = data_dir_with_answers();
    let cache = ours.path().join("schedule.toml");
    let text = std::fs::read_to_string(&cache).unwrap();
    let newer = text.replacen("format = 1", "format = 2", 1);
    assert_ne!(newer, text);
    std::fs::write(&cache, &newer).unwrap();
    let before = snapshot(ours.path());
    ontap(ours.path())
        .args(["state", "merge", theirs.path().to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "schedule.toml:1: format version 2",
        ));
    assert_eq!(snapshot(ours.path()), before);
}

#[test]
fn a_broken_deck_in_the_library_fails_check() {
    let dir = data_dir_with_answers();
    std::fs::create_dir(dir.path().join("decks")).unwrap();
    std::fs::write(dir.path().join("decks/broken.toml"), "[deck]\nid = \n").unwrap();
    ontap(dir.path())
        .args(["state", "check"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("broken.toml:2"));
}

#[test]
fn start_up_trusts_the_cache_for_what_it_covers_and_check_reads_everything() {
    let dir = data_dir_with_answers();
    let log_path = dir.path().join(LOG_FILE);
    let modified = std::fs::metadata(&log_path).unwrap().modified().unwrap();
    // Damage the first review without changing the log's length or time,
    // as a disk error would: start-up does not read that far back.
    replace_in(&log_path, "rating = 1", "rating = 9");
    std::fs::File::options()
        .write(true)
        .open(&log_path)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    let store = Store::open_read_only(dir.path(), Scheduler::default()).unwrap();
    assert_eq!(store.records().len(), 2);
    let text = std::fs::read_to_string(&log_path).unwrap();
    ontap(dir.path())
        .args(["state", "check"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!(
            "reviews.toml:{}: rating 9",
            line_of(&text, "rating = 9")
        )));
}

#[test]
fn a_temp_file_left_by_a_killed_writer_is_noted_then_removed() {
    let dir = data_dir_with_answers();
    let leftover = dir.path().join(".ontap-tmp-Ab12Cd");
    std::fs::write(&leftover, "format = 1\nlog_by").unwrap();
    ontap(dir.path())
        .args(["state", "check"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "a temporary file left by an interrupted write",
        ));
    assert!(leftover.exists(), "check removed it");
    drop(Store::open(dir.path(), Scheduler::default()).unwrap());
    assert!(!leftover.exists());
}

#[test]
fn merge_keeps_fields_an_outside_tool_added_and_reviews_it_wrote_without_an_id() {
    let ours = data_dir_with_answers();
    let theirs = tempfile::tempdir().unwrap();
    let card = known_card(2);
    std::fs::write(
        theirs.path().join(LOG_FILE),
        format!(
            "format = 1\n\n[[review]]\ncard = \"{card}\"\ndeck = \"ai-tao-sinh\"\nat = 2026-11-28T08:00:00Z\nrating = 4\nmode = \"review\"\nanswer = \"\"\nverdict = \"correct\"\nsource = \"anki import\"\n\n"
        ),
    )
    .unwrap();
    ontap(ours.path())
        .args(["state", "merge", theirs.path().to_str().unwrap()])
        .assert()
        .success()
        .stdout(predicate::str::contains("1 of its 1 record was new here"));
    let log = std::fs::read_to_string(ours.path().join(LOG_FILE)).unwrap();
    assert!(log.contains("source = \"anki import\""), "{log}");
    let store = Store::open_read_only(ours.path(), Scheduler::default()).unwrap();
    assert_eq!(store.reviews().unwrap().len(), 4);
    assert!(store.record_of(&CardId(card)).is_some());
}

#[test]
fn state_commands_speak_vietnamese_when_the_locale_is() {
    let dir = data_dir_with_answers();
    let vietnamese = |command: &[&str]| {
        let mut ontap = ontap(dir.path());
        ontap.locale("vi_VN.UTF-8").args(command);
        ontap
    };
    vietnamese(&["state", "check"])
        .assert()
        .success()
        .stdout(predicate::str::contains("đang kiểm tra "))
        .stdout(predicate::str::contains(
            "reviews.toml: 3 lần ôn, 0 lần hoàn tác",
        ))
        .stdout(predicate::str::contains("thẻ mồ côi "))
        .stdout(predicate::str::contains(
            "ok: mọi tệp trạng thái đều đọc được và khớp nhau",
        ));
    vietnamese(&["state", "rebuild"])
        .assert()
        .success()
        .stdout(predicate::str::contains("đã tính lại "));
    std::fs::write(dir.path().join(CACHE_FILE), "format = 1\nlog_bytes = 'x'\n").unwrap();
    vietnamese(&["state", "check"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("vấn đề: "))
        .stderr(predicate::str::contains(
            "kiểm tra trạng thái thấy 1 vấn đề",
        ));
}
